"""Signed-in reporting pages: the organisation dashboard, review mode and national results admin."""
