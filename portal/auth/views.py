"""Sign-in (password, then a two-factor code when set up) and sign-out, as plain Flask views."""

from __future__ import annotations

import time

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_user, logout_user

from portal.auth.navigation import safe_next
from portal.auth.origin import request_origin
from portal.db import get_session
from portal.gate import public
from services.accounts.sign_in import Outcome, authenticate, record_sign_out, verify_code

bp = Blueprint("auth", __name__, url_prefix="/auth")

PENDING = "pending_sign_in"
#: How long the password step stays good while the user finds their authenticator app.
PENDING_SECONDS = 5 * 60


def start_session(user) -> None:
    """Start a fresh session for ``user`` (a new cookie, so a planted one is useless)."""
    session.clear()
    login_user(user)
    session["last_seen"] = time.time()


def _render_sign_in(*, email: str = "", next_url: str = "/", error=None, notice=None):
    """Show the form again; refusals are answered 200 so browsers log no error for them."""
    return render_template(
        "auth/sign_in.html", email=email, next_url=next_url, error=error, notice=notice
    )


@bp.route("/sign-in", methods=["GET", "POST"])
@public
def sign_in():
    """Show the sign-in form and check the email address and password."""
    next_url = safe_next(request.values.get("next"))
    if request.method == "GET":
        if current_user.is_authenticated:
            return redirect(next_url)
        notice = None
        if session.pop("signed_out_idle", False) or request.args.get("idle"):
            minutes = current_app.config["PORTAL_SETTINGS"].session_idle_minutes
            notice = f"You were signed out after {minutes} minutes without activity."
        return _render_sign_in(next_url=next_url, notice=notice)

    email = request.form.get("email", "").strip().lower()
    result = authenticate(
        session=get_session(),
        email=email,
        password=request.form.get("password", ""),
        origin=request_origin(),
    )
    if result.outcome is Outcome.SIGNED_IN:
        start_session(result.user)
        return redirect(next_url)
    if result.outcome is Outcome.NEEDS_CODE:
        session.clear()
        session[PENDING] = {
            "user_id": result.user.id,
            "token": result.user.session_token,
            "expires": time.time() + PENDING_SECONDS,
            "next": next_url,
        }
        return redirect(url_for("auth.two_factor"))
    return _render_sign_in(email=email, next_url=next_url, error=result.message)


def _pending() -> dict | None:
    pending = session.get(PENDING)
    if not isinstance(pending, dict) or pending.get("expires", 0) < time.time():
        session.pop(PENDING, None)
        return None
    return pending


@bp.route("/two-factor", methods=["GET", "POST"])
@public
def two_factor():
    """Ask for the code from the authenticator app, the second step of signing in."""
    pending = _pending()
    if pending is None:
        flash("Your sign-in took too long. Enter your email address and password again.", "info")
        return redirect(url_for("auth.sign_in"))
    if request.method == "GET":
        return render_template("auth/two_factor.html", error=None)

    result = verify_code(
        session=get_session(),
        user_id=pending["user_id"],
        session_token=pending["token"],
        code=request.form.get("code", ""),
        origin=request_origin(),
    )
    next_url = safe_next(pending.get("next"))
    if result.outcome is Outcome.SIGNED_IN:
        start_session(result.user)
        return redirect(next_url)
    if result.outcome is Outcome.FAILED and result.user is not None:
        return render_template("auth/two_factor.html", error=result.message)
    session.pop(PENDING, None)
    return _render_sign_in(next_url=next_url, error=result.message)


@bp.route("/sign-out", methods=["POST"])
@public
def sign_out():
    """End the session and record the sign-out."""
    if current_user.is_authenticated:
        user = current_user._get_current_object()
        record_sign_out(session=get_session(), user=user, origin=request_origin())
    logout_user()
    session.clear()
    flash("You have signed out.", "info")
    return redirect(url_for("auth.sign_in"))
