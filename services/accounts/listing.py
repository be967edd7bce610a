"""Find accounts: the ones a manager looks after, searched, filtered and paged."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, false, func, or_, select
from sqlalchemy.orm import Session

from domain.names import display_name
from models.accounts import User
from models.base import utcnow
from models.geography import Organisation
from portal.access import manageable_roles, scope_for
from portal.errors import UserError
from portal.roles import Role
from services.accounts.sign_in import as_utc
from services.accounts.validation import parse_role

PAGE_SIZE = 25
STATUSES = {
    "all": "All accounts",
    "active": "Active",
    "locked": "Locked out",
    "must_change": "Waiting for first sign-in",
    "deactivated": "Deactivated",
}


@dataclass(frozen=True)
class UserRow:
    """One account as the users page lists it."""

    id: int
    email: str
    full_name: str
    role: Role
    organisation: str | None
    ods_code: str | None
    is_active: bool
    locked_until: dt.datetime | None
    must_change_password: bool
    two_factor: bool
    last_sign_in_at: dt.datetime | None


@dataclass(frozen=True)
class UserPage:
    """One page of accounts and where it sits among all that matched."""

    rows: list[UserRow]
    total: int
    page: int
    pages: int


def managed_accounts(session: Session, manager) -> ColumnElement[bool]:
    """Return a condition on ``User`` keeping the accounts ``manager`` looks after."""
    roles = manageable_roles(manager)
    if not roles:
        return false()
    condition = User.role.in_(sorted(role.value for role in roles))
    scope = scope_for(session, manager)
    if scope.is_national:
        return condition
    return and_(condition, scope.condition(User.organisation_id))


def _status_condition(status: str, now: dt.datetime) -> ColumnElement[bool] | None:
    if status == "active":
        return and_(
            User.is_active.is_(True), or_(User.locked_until.is_(None), User.locked_until <= now)
        )
    if status == "locked":
        return User.locked_until > now
    if status == "must_change":
        return and_(User.is_active.is_(True), User.must_change_password.is_(True))
    if status == "deactivated":
        return User.is_active.is_(False)
    if status in ("", "all"):
        return None
    raise UserError(f'Unknown status "{status}".')


def list_users(
    *,
    session: Session,
    user,
    search: str = "",
    role: Role | str | None = None,
    status: str = "all",
    page: int = 1,
    per_page: int = PAGE_SIZE,
    now: dt.datetime | None = None,
) -> UserPage:
    """Return one page of the accounts ``user`` manages, by name, matching the filters."""
    now = now or utcnow()
    conditions = [managed_accounts(session, user)]
    term = (search or "").strip().lower()
    if term:
        conditions.append(
            or_(
                func.lower(User.full_name).contains(term, autoescape=True),
                User.email.contains(term, autoescape=True),
                func.lower(Organisation.name).contains(term, autoescape=True),
                func.lower(Organisation.ods_code) == term,
            )
        )
    if role:
        conditions.append(User.role == parse_role(role).value)
    status_condition = _status_condition(status or "all", now)
    if status_condition is not None:
        conditions.append(status_condition)

    base = select(User, Organisation.name, Organisation.ods_code).outerjoin(
        Organisation, Organisation.id == User.organisation_id
    )
    base = base.where(*conditions)
    total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages)
    rows = session.execute(
        base.order_by(func.lower(User.full_name), User.email, User.id)
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    return UserPage(
        rows=[_row(account, name, ods) for account, name, ods in rows],
        total=total,
        page=page,
        pages=pages,
    )


def _row(account: User, organisation: str | None, ods_code: str | None) -> UserRow:
    return UserRow(
        id=account.id,
        email=account.email,
        full_name=account.full_name,
        role=Role(account.role),
        organisation=organisation,
        ods_code=ods_code,
        is_active=account.is_active,
        locked_until=as_utc(account.locked_until),
        must_change_password=account.must_change_password,
        two_factor=account.totp_enabled_at is not None,
        last_sign_in_at=as_utc(account.last_sign_in_at),
    )


def organisation_choices(*, session: Session, user) -> list[tuple[int, str]]:
    """Return the active organisations ``user`` may employ people at, as (id, label) by name."""
    if not manageable_roles(user):
        return []
    statement = select(Organisation.id, Organisation.name, Organisation.ods_code).where(
        Organisation.active.is_(True)
    )
    statement = scope_for(session, user).restrict(statement, Organisation.id)
    rows = session.execute(statement.order_by(Organisation.name, Organisation.ods_code)).all()
    return [(id_, f"{display_name(name)} ({ods})") for id_, name, ods in rows]


def user_id_for_email(*, session: Session, email: str) -> int:
    """Return the id of the account with ``email`` (any case), or raise ``UserError``."""
    value = (email or "").strip().lower()
    found = session.scalar(select(User.id).where(User.email == value))
    if found is None:
        raise UserError(f'No account has the email address "{value}".')
    return found


def organisation_id_for_code(*, session: Session, ods_code: str) -> int:
    """Return the id of the organisation with ``ods_code``, or raise ``UserError``."""
    code = (ods_code or "").strip().upper()
    found = session.scalar(select(Organisation.id).where(Organisation.ods_code == code))
    if found is None:
        raise UserError(f'No organisation has the ODS code "{code}".')
    return found
