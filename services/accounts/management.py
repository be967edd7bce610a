"""What account managers do to accounts, each action re-checked against their scope."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from domain.accounts.events import EventKind
from domain.accounts.password_policy import temporary_password
from domain.names import display_name
from models.accounts import User, new_session_token
from models.base import utcnow
from models.geography import Organisation
from portal.access import AccessDenied, manageable_roles, may_manage
from portal.errors import UserError
from portal.roles import Role
from services.accounts.events import Origin, by, record_event
from services.accounts.passwords import set_password
from services.accounts.validation import check_password, clean_email, clean_name, parse_role


def _duplicate(email: str) -> UserError:
    return UserError(f"An account with the email address {email} already exists.")


def _employer(session: Session, role: Role, organisation_id: int | None) -> Organisation | None:
    if organisation_id in (None, ""):
        if role.is_national:
            return None
        raise UserError(
            "Choose the employer organisation: every role except the national audit team needs one."
        )
    try:
        organisation = session.get(Organisation, int(organisation_id))
    except (TypeError, ValueError):
        organisation = None
    if organisation is None:
        raise UserError("That organisation does not exist.")
    return organisation


def create_user(
    *,
    session: Session,
    actor,
    email: str,
    full_name: str,
    role: Role | str,
    organisation_id: int | None = None,
    password: str | None = None,
    origin: Origin | None = None,
    now: dt.datetime | None = None,
) -> tuple[User, str | None]:
    """Create an account; return it and the temporary password to hand over (shown once).

    Without ``password`` a temporary one is generated and must be changed at first sign-in.
    """
    email = clean_email(email)
    full_name = clean_name(full_name)
    role = parse_role(role)
    if role not in manageable_roles(actor):
        raise AccessDenied()
    employer = _employer(session, role, organisation_id)
    employer_id = employer.id if employer else None
    if not may_manage(session, actor, role=role, organisation_id=employer_id):
        raise AccessDenied()
    if employer is not None and not employer.active:
        raise UserError(f"{display_name(employer.name)} is no longer an active organisation.")
    if session.scalar(select(User.id).where(User.email == email)) is not None:
        raise _duplicate(email)

    temporary = None
    if password is None:
        password = temporary = temporary_password()
    else:
        check_password(password, role=role, email=email, full_name=full_name)
    user = User(email=email, full_name=full_name, role=role.value, organisation_id=employer_id)
    set_password(
        session=session, user=user, password=password, must_change=temporary is not None, now=now
    )
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise _duplicate(email) from None
    record_event(
        session=session,
        kind=EventKind.ACCOUNT_CREATED,
        email=email,
        user=user,
        detail=f"{role.label} {by(actor)}",
        origin=origin,
        now=now,
    )
    session.commit()
    return user, temporary


def managed_user(*, session: Session, actor, user_id: int) -> User:
    """Return the account ``actor`` may manage, or raise ``AccessDenied`` (unknown ids too)."""
    try:
        user = session.get(User, int(user_id))
    except (TypeError, ValueError):
        user = None
    if user is None or not may_manage(
        session, actor, role=Role(user.role), organisation_id=user.organisation_id
    ):
        raise AccessDenied()
    return user


def _not_self(actor, user: User, action: str) -> None:
    if actor.id is not None and actor.id == user.id:
        raise UserError(f"You cannot {action} your own account here.")


def _log(session, kind: EventKind, user: User, actor, origin, now) -> None:
    record_event(
        session=session,
        kind=kind,
        email=user.email,
        user=user,
        detail=by(actor),
        origin=origin,
        now=now,
    )
    session.commit()


def deactivate_user(
    *, session: Session, actor, user_id: int, origin: Origin | None = None, now=None
) -> User:
    """Stop an account signing in and end its sessions."""
    user = managed_user(session=session, actor=actor, user_id=user_id)
    _not_self(actor, user, "deactivate")
    if not user.is_active:
        raise UserError(f"{user.email} is already deactivated.")
    user.is_active = False
    user.session_token = new_session_token()
    _log(session, EventKind.ACCOUNT_DEACTIVATED, user, actor, origin, now)
    return user


def reactivate_user(
    *, session: Session, actor, user_id: int, origin: Origin | None = None, now=None
) -> User:
    """Let a deactivated account sign in again."""
    user = managed_user(session=session, actor=actor, user_id=user_id)
    if user.is_active:
        raise UserError(f"{user.email} is already active.")
    user.is_active = True
    _log(session, EventKind.ACCOUNT_REACTIVATED, user, actor, origin, now)
    return user


def reset_password(
    *, session: Session, actor, user_id: int, origin: Origin | None = None, now=None
) -> tuple[User, str]:
    """Give an account a new temporary password, end its sessions and lift any lockout."""
    user = managed_user(session=session, actor=actor, user_id=user_id)
    _not_self(actor, user, "reset the password of")
    temporary = temporary_password()
    set_password(session=session, user=user, password=temporary, must_change=True, now=now)
    user.failed_sign_ins = 0
    user.locked_until = None
    _log(session, EventKind.PASSWORD_RESET, user, actor, origin, now)
    return user, temporary


def unlock_user(
    *, session: Session, actor, user_id: int, origin: Origin | None = None, now=None
) -> User:
    """Lift a lockout and forget earlier failed attempts."""
    user = managed_user(session=session, actor=actor, user_id=user_id)
    user.locked_until = None
    user.failed_sign_ins = 0
    _log(session, EventKind.ACCOUNT_UNLOCKED, user, actor, origin, now)
    return user


def reset_two_factor(
    *, session: Session, actor, user_id: int, origin: Origin | None = None, now=None
) -> User:
    """Forget an account's authenticator (a lost phone); it sets one up again at next sign-in."""
    user = managed_user(session=session, actor=actor, user_id=user_id)
    if user.totp_secret is None and user.totp_enabled_at is None:
        raise UserError(f"{user.email} has not set up two-factor sign-in.")
    user.totp_secret = None
    user.totp_enabled_at = None
    user.totp_last_step = None
    user.session_token = new_session_token()
    _log(session, EventKind.TWO_FACTOR_RESET, user, actor, origin, now or utcnow())
    return user
