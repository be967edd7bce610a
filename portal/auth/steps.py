"""Steps a signed-in user must finish before anything else: a new password, then two-factor set-up."""

from __future__ import annotations

from flask import jsonify, redirect, request
from flask_login import current_user

from portal.auth.navigation import with_next
from portal.db import get_session
from services.accounts.two_factor import needs_enrolment

CHANGE_PASSWORD = "/account/password"
SET_UP_TWO_FACTOR = "/account/two-factor"

_ALWAYS_ALLOWED_PREFIXES = ("/assets/", "/_dash-component-suites/")
_ALWAYS_ALLOWED = {"/auth/sign-out", "/_favicon.ico"}
_MESSAGES = {
    CHANGE_PASSWORD: "Change your password before continuing.",
    SET_UP_TWO_FACTOR: "Set up two-factor sign-in before continuing.",
}


def required_step(user) -> str | None:
    """Return the page ``user`` must complete first, or None."""
    if user.must_change_password:
        return CHANGE_PASSWORD
    if needs_enrolment(session=get_session(), user=user):
        return SET_UP_TWO_FACTOR
    return None


def enforce_required_steps():
    """Send a user with an unfinished step to it; refuse their other requests with 403."""
    if not current_user.is_authenticated:
        return None
    path = request.path
    if path.startswith(_ALWAYS_ALLOWED_PREFIXES) or path in _ALWAYS_ALLOWED:
        return None
    step = required_step(current_user)
    if step is None or path == step:
        return None
    if request.method == "GET" and not path.startswith("/_dash"):
        target = path if path.startswith("/auth/") else request.full_path.rstrip("?")
        return redirect(with_next(step, None if path.startswith("/auth/") else target))
    return jsonify(error=_MESSAGES[step]), 403
