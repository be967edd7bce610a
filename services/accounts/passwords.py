"""Change one's own password: the policy applies, and other sessions of the account end."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from domain.accounts.events import EventKind
from models.accounts import User, new_session_token
from models.base import utcnow
from portal.auth.passwords import hash_password, verify_password
from portal.errors import UserError
from services.accounts.events import Origin, record_event
from services.accounts.validation import check_password


def change_password(
    *,
    session: Session,
    user: User,
    current_password: str,
    new_password: str,
    confirm: str,
    origin: Origin | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Replace ``user``'s password after checking the current one; rotates the session token."""
    if not verify_password(user.password_hash, current_password or ""):
        raise UserError("Your current password is not right.")
    if not new_password:
        raise UserError("Enter a new password.")
    check_password(
        new_password,
        role=user.role_enum,
        email=user.email,
        full_name=user.full_name,
        confirm=confirm,
    )
    if verify_password(user.password_hash, new_password):
        raise UserError("Choose a new password that is different from your current one.")
    set_password(session=session, user=user, password=new_password, now=now)
    record_event(
        session=session,
        kind=EventKind.PASSWORD_CHANGED,
        email=user.email,
        user=user,
        origin=origin,
        now=now,
    )
    session.commit()


def set_password(
    *,
    session: Session,
    user: User,
    password: str,
    must_change: bool = False,
    now: dt.datetime | None = None,
) -> None:
    """Store a new hash and end every session of the account (the caller commits)."""
    user.password_hash = hash_password(password)
    user.password_changed_at = now or utcnow()
    user.must_change_password = must_change
    user.session_token = new_session_token()
    session.add(user)
