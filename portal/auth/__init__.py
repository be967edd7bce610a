"""Sign-in: Flask-Login sessions, idle sign-out, required account steps, attribution of changes."""

from __future__ import annotations

import time

from flask import Flask, current_app, request, session
from flask_login import LoginManager, current_user, logout_user

from portal.audit import SYSTEM, Actor, set_actor
from portal.db import get_session

login_manager = LoginManager()
login_manager.session_protection = "strong"
login_manager.login_view = "auth.sign_in"
login_manager.login_message = None

#: Requests that only poll (a dcc.Interval tick) do not count as the user being active.
_POLL_SUFFIX = ".n_intervals"
#: The browser's idle timer and the server's clock may disagree by a little.
_IDLE_GRACE_SECONDS = 60


@login_manager.user_loader
def load_user(user_key: str):
    """Return the active account whose id and session token match the session cookie."""
    from models.accounts import User

    user_id, _, token = user_key.partition(":")
    if not user_id.isdigit():
        return None
    user = get_session().get(User, int(user_id))
    if user is None or not user.is_active or user.session_token != token:
        return None
    return user


def _is_poll() -> bool:
    if request.path != "/_dash-update-component":
        return False
    body = request.get_json(silent=True) or {}
    changed = body.get("changedPropIds") or []
    return bool(changed) and all(str(p).endswith(_POLL_SUFFIX) for p in changed)


def _is_idle_redirect() -> bool:
    """Return whether the browser's idle timer sent this request."""
    return request.path == "/auth/sign-in" and bool(request.args.get("idle"))


def enforce_idle_timeout() -> None:
    """Sign out a user who has done nothing for the configured number of minutes."""
    if not current_user.is_authenticated:
        return
    settings = current_app.config["PORTAL_SETTINGS"]
    now = time.time()
    limit = settings.session_idle_minutes * 60
    if _is_idle_redirect():
        limit -= _IDLE_GRACE_SECONDS
    last_seen = session.get("last_seen", now)
    if now - last_seen > limit:
        from portal.auth.origin import request_origin
        from services.accounts.sign_in import record_sign_out

        user = current_user._get_current_object()
        record_sign_out(session=get_session(), user=user, idle=True, origin=request_origin())
        logout_user()
        session.clear()
        session["signed_out_idle"] = True
        return
    if not _is_poll() and not _is_idle_redirect():
        session["last_seen"] = now


def attribute_changes() -> None:
    """Attribute this request's database changes to the signed-in user."""
    if current_user.is_authenticated:
        set_actor(Actor(current_user.email, current_user.id))
    else:
        set_actor(SYSTEM)


def _forget_actor(_exc: BaseException | None = None) -> None:
    """Stop attributing changes to this request's user once it ends (threads are reused)."""
    set_actor(SYSTEM)


def init_app(app: Flask) -> None:
    """Set up sessions, the sign-in and account views and the per-request user bookkeeping."""
    from portal.auth.account_views import bp as account_bp
    from portal.auth.steps import enforce_required_steps
    from portal.auth.views import bp as auth_bp

    login_manager.init_app(app)
    app.before_request(enforce_idle_timeout)
    app.before_request(attribute_changes)
    app.before_request(enforce_required_steps)
    app.teardown_request(_forget_actor)
    app.register_blueprint(auth_bp)
    app.register_blueprint(account_bp)
