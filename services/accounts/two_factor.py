"""Two-factor sign-in with an authenticator app: enrolment, and which roles must use it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.accounts import totp
from domain.accounts.events import EventKind
from models.accounts import RolePolicy, User
from models.base import utcnow
from portal import access
from portal.auth.secret_box import SecretUnreadable, decrypt, encrypt
from portal.errors import UserError
from portal.roles import Role
from services.accounts.events import Origin, record_event


@dataclass(frozen=True)
class Enrolment:
    """What the enrolment page shows: the secret as text and as an ``otpauth://`` address."""

    secret: str
    uri: str


def role_requires_two_factor(*, session: Session, role: Role | str) -> bool:
    """Return whether accounts of ``role`` must sign in with a code."""
    policy = session.get(RolePolicy, Role(role).value)
    return bool(policy and policy.totp_required)


def needs_enrolment(*, session: Session, user: User) -> bool:
    """Return whether ``user`` must set up two-factor sign-in before doing anything else."""
    return user.totp_enabled_at is None and role_requires_two_factor(
        session=session, role=user.role
    )


def two_factor_policies(*, session: Session) -> dict[Role, bool]:
    """Return, for every role, whether two-factor sign-in is required."""
    stored = {p.role: p.totp_required for p in session.scalars(select(RolePolicy))}
    return {role: stored.get(role.value, False) for role in Role}


def set_two_factor_policy(
    *,
    session: Session,
    actor,
    required_roles: set[Role],
    origin: Origin | None = None,
) -> list[Role]:
    """Require two-factor sign-in for exactly ``required_roles``; return the roles that changed."""
    access.require(actor, "system.admin")
    current = two_factor_policies(session=session)
    changed = [role for role in Role if current[role] != (role in required_roles)]
    for role in changed:
        policy = session.get(RolePolicy, role.value) or RolePolicy(role=role.value)
        policy.totp_required = role in required_roles
        policy.updated_by_id = actor.id
        session.add(policy)
        state = "required" if policy.totp_required else "optional"
        record_event(
            session=session,
            kind=EventKind.SECURITY_POLICY_CHANGED,
            email=actor.email,
            user=actor if actor.id else None,
            detail=f"{role.label}: two-factor {state}",
            origin=origin,
        )
    session.commit()
    return changed


def start_enrolment(*, session: Session, user: User) -> Enrolment:
    """Return the secret to show, keeping an unconfirmed one so a scanned QR code stays valid."""
    if user.totp_enabled_at is not None:
        raise UserError("Two-factor sign-in is already set up for this account.")
    secret = None
    if user.totp_secret:
        try:
            secret = decrypt(user.totp_secret)
        except SecretUnreadable:
            secret = None
    if secret is None:
        secret = totp.new_secret()
        user.totp_secret = encrypt(secret)
        user.totp_last_step = None
        session.commit()
    return Enrolment(secret=secret, uri=totp.provisioning_uri(secret, email=user.email))


def confirm_enrolment(
    *,
    session: Session,
    user: User,
    code: str,
    origin: Origin | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Turn two-factor sign-in on once the user proves their app shows the right code."""
    now = now or utcnow()
    if user.totp_enabled_at is not None:
        raise UserError("Two-factor sign-in is already set up for this account.")
    if not user.totp_secret:
        raise UserError("Start again: open the two-factor page to get a new QR code.")
    if not totp.normalise_code(code or ""):
        raise UserError("Enter the 6-digit code your authenticator app shows.")
    step = totp.accepted_step(
        decrypt(user.totp_secret), code, now=now, last_step=user.totp_last_step
    )
    if step is None:
        raise UserError(
            "That code is not right. Check the app shows this portal's entry, wait for a new "
            "code and enter it; if it keeps failing, check the phone's clock is set automatically."
        )
    user.totp_last_step = step
    user.totp_enabled_at = now
    record_event(
        session=session,
        kind=EventKind.TWO_FACTOR_ENROLLED,
        email=user.email,
        user=user,
        origin=origin,
        now=now,
    )
    session.commit()
