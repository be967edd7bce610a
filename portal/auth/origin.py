"""Describe where the current request came from, for the sign-in log."""

from __future__ import annotations

from flask import request

from services.accounts.events import Origin


def request_origin() -> Origin:
    """Return the IP address and user agent of the current request."""
    return Origin(ip_address=request.remote_addr, user_agent=request.user_agent.string or None)
