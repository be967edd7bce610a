"""Tests of the account services."""
