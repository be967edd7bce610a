"""Tests of the portal command line."""
