"""Tests of the admin pages callbacks."""
