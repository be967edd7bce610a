"""A signed-in user's own account: change password, set up two-factor sign-in."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_login import current_user, login_user

from domain.accounts import totp
from portal.auth.navigation import safe_next
from portal.auth.origin import request_origin
from portal.auth.qr import qr_svg
from portal.db import get_session
from portal.errors import UserError
from portal.gate import requires
from services.accounts.passwords import change_password
from services.accounts.two_factor import (
    confirm_enrolment,
    role_requires_two_factor,
    start_enrolment,
)

bp = Blueprint("account", __name__, url_prefix="/account")


def _user():
    return current_user._get_current_object()


@bp.route("/password", methods=["GET", "POST"])
@requires("account.own")
def password():
    """Let the user choose a new password; other sessions of the account end."""
    user = _user()
    next_url = safe_next(request.values.get("next"))
    context = {
        "next_url": next_url,
        "forced": user.must_change_password,
        "min_length": user.role_enum.min_password_length,
    }
    if request.method == "GET":
        return render_template("account/password.html", error=None, **context)
    try:
        change_password(
            session=get_session(),
            user=user,
            current_password=request.form.get("current_password", ""),
            new_password=request.form.get("new_password", ""),
            confirm=request.form.get("confirm_password", ""),
            origin=request_origin(),
        )
    except UserError as error:
        return render_template("account/password.html", error=str(error), **context)
    login_user(user)  # the session token changed: keep this session, end the others
    return render_template(
        "account/done.html",
        title="Password changed",
        message="Your password has been changed. Any other sessions of your account have ended.",
        next_url=next_url,
    )


@bp.route("/two-factor", methods=["GET", "POST"])
@requires("account.own")
def two_factor():
    """Set up an authenticator app: show the QR code and secret, then confirm with a code."""
    user = _user()
    db = get_session()
    next_url = safe_next(request.values.get("next"))
    required = role_requires_two_factor(session=db, role=user.role)
    if user.totp_enabled_at is not None:
        return render_template(
            "account/two_factor_on.html", enabled_at=user.totp_enabled_at, next_url=next_url
        )
    enrolment = start_enrolment(session=db, user=user)
    context = {
        "qr": qr_svg(enrolment.uri),
        "secret": totp.grouped(enrolment.secret),
        "required": required,
        "next_url": next_url,
    }
    if request.method == "GET":
        return render_template("account/two_factor_setup.html", error=None, **context)
    try:
        confirm_enrolment(
            session=db, user=user, code=request.form.get("code", ""), origin=request_origin()
        )
    except UserError as error:
        return render_template("account/two_factor_setup.html", error=str(error), **context)
    return render_template(
        "account/done.html",
        title="Two-factor sign-in is on",
        message="From now on you will be asked for a code from your authenticator app "
        "each time you sign in.",
        next_url=next_url,
    )
