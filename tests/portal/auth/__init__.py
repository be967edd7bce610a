"""Tests of sign-in, the account pages and the required account steps."""
