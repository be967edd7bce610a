"""Benchmarks run by hand against a national-size database: ``python -m bench`` (figures, not tests)."""
