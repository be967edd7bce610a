"""Check a sign-in: password, lockout after repeated failures, then the two-factor code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.accounts import totp
from domain.accounts.events import EventKind
from models.accounts import User
from models.base import utcnow
from portal.auth.passwords import hash_password, needs_rehash, verify_password
from portal.auth.secret_box import SecretUnreadable, decrypt
from portal.config import get_settings
from services.accounts.events import Origin, record_event

GENERIC_FAILURE = "The email address or password is not right."
WRONG_CODE = "That code is not right, or it has already been used. Enter the newest code."


class Outcome(StrEnum):
    SIGNED_IN = "signed_in"
    NEEDS_CODE = "needs_code"
    FAILED = "failed"
    LOCKED = "locked"


@dataclass(frozen=True)
class SignInResult:
    """What a sign-in step decided, and the message to show when it refused."""

    outcome: Outcome
    user: User | None = None
    message: str | None = None


def as_utc(value: dt.datetime | None) -> dt.datetime | None:
    """Return ``value`` as an aware UTC time (SQLite gives back naive ones)."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def is_locked(user: User, *, now: dt.datetime) -> bool:
    """Return whether ``user`` is locked out at ``now``."""
    return user.locked_until is not None and as_utc(user.locked_until) > now


def _locked_message(user: User, now: dt.datetime) -> str:
    minutes = max(1, -(-int((as_utc(user.locked_until) - now).total_seconds()) // 60))
    unit = "minute" if minutes == 1 else "minutes"
    return (
        "This account is locked after too many failed attempts. "
        f"Try again in {minutes} {unit}, or ask an administrator to unlock it."
    )


def _register_failure(
    session: Session,
    user: User,
    *,
    kind: EventKind,
    generic: str,
    origin: Origin | None,
    now: dt.datetime,
) -> SignInResult:
    """Count a failed attempt against ``user`` and lock the account when there are too many."""
    settings = get_settings()
    user.failed_sign_ins += 1
    record_event(session=session, kind=kind, email=user.email, user=user, origin=origin, now=now)
    if user.failed_sign_ins >= settings.lockout_attempts:
        user.failed_sign_ins = 0
        user.locked_until = now + dt.timedelta(minutes=settings.lockout_minutes)
        record_event(
            session=session,
            kind=EventKind.LOCKOUT,
            email=user.email,
            user=user,
            detail=f"{settings.lockout_attempts} failed attempts",
            origin=origin,
            now=now,
        )
        session.commit()
        return SignInResult(
            Outcome.LOCKED,
            user,
            f"This account is locked for {settings.lockout_minutes} minutes after "
            f"{settings.lockout_attempts} failed attempts.",
        )
    session.commit()
    return SignInResult(Outcome.FAILED, user, generic)


def authenticate(
    *,
    session: Session,
    email: str,
    password: str,
    origin: Origin | None = None,
    now: dt.datetime | None = None,
) -> SignInResult:
    """Check an email address and password; on success say whether a code is still needed."""
    now = now or utcnow()
    email = (email or "").strip().lower()[:254]
    user = session.scalar(select(User).where(User.email == email)) if email else None

    if user is not None and is_locked(user, now=now):
        record_event(
            session=session,
            kind=EventKind.SIGN_IN_LOCKED,
            email=email,
            user=user,
            origin=origin,
            now=now,
        )
        session.commit()
        return SignInResult(Outcome.LOCKED, user, _locked_message(user, now))

    matches = verify_password(user.password_hash if user else None, password)
    if user is None or not user.is_active:
        detail = "account deactivated" if user is not None else "no such account"
        record_event(
            session=session,
            kind=EventKind.SIGN_IN_FAILED,
            email=email,
            user=user,
            detail=detail,
            origin=origin,
            now=now,
        )
        session.commit()
        return SignInResult(Outcome.FAILED, None, GENERIC_FAILURE)
    if not matches:
        return _register_failure(
            session,
            user,
            kind=EventKind.SIGN_IN_FAILED,
            generic=GENERIC_FAILURE,
            origin=origin,
            now=now,
        )

    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    if user.totp_enabled_at is not None:
        session.commit()
        return SignInResult(Outcome.NEEDS_CODE, user)
    return _signed_in(session, user, origin=origin, now=now)


def verify_code(
    *,
    session: Session,
    user_id: int,
    session_token: str,
    code: str,
    origin: Origin | None = None,
    now: dt.datetime | None = None,
) -> SignInResult:
    """Check the two-factor code of a user whose password was right a moment ago."""
    now = now or utcnow()
    user = session.get(User, user_id)
    if user is None or not user.is_active or user.session_token != session_token:
        return SignInResult(Outcome.FAILED, None, GENERIC_FAILURE)
    if is_locked(user, now=now):
        record_event(
            session=session,
            kind=EventKind.SIGN_IN_LOCKED,
            email=user.email,
            user=user,
            origin=origin,
            now=now,
        )
        session.commit()
        return SignInResult(Outcome.LOCKED, user, _locked_message(user, now))
    if user.totp_enabled_at is None or not user.totp_secret:
        return _signed_in(session, user, origin=origin, now=now)
    try:
        secret = decrypt(user.totp_secret)
    except SecretUnreadable:
        secret = None
    step = (
        totp.accepted_step(secret, code, now=now, last_step=user.totp_last_step) if secret else None
    )
    if step is None:
        return _register_failure(
            session,
            user,
            kind=EventKind.TWO_FACTOR_FAILED,
            generic=WRONG_CODE,
            origin=origin,
            now=now,
        )
    user.totp_last_step = step
    return _signed_in(session, user, origin=origin, now=now)


def _signed_in(
    session: Session, user: User, *, origin: Origin | None, now: dt.datetime
) -> SignInResult:
    user.failed_sign_ins = 0
    user.locked_until = None
    user.last_sign_in_at = now
    record_event(
        session=session,
        kind=EventKind.SIGN_IN,
        email=user.email,
        user=user,
        origin=origin,
        now=now,
    )
    session.commit()
    return SignInResult(Outcome.SIGNED_IN, user)


def record_sign_out(
    *, session: Session, user: User, idle: bool = False, origin: Origin | None = None
) -> None:
    """Log an explicit or idle sign-out."""
    kind = EventKind.IDLE_SIGN_OUT if idle else EventKind.SIGN_OUT
    record_event(session=session, kind=kind, email=user.email, user=user, origin=origin)
    session.commit()
