"""Tests of pure domain logic."""
