"""Accounts: sign-in, two-factor, passwords and the administration of users, as service functions."""
