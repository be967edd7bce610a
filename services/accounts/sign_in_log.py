"""Read the sign-in log: newest first, filtered, and only for accounts the reader looks after."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.accounts.events import EventKind, label_for
from models.accounts import AuthEvent, User
from portal import access
from portal.errors import UserError
from services.accounts.listing import managed_accounts
from services.accounts.sign_in import as_utc

PAGE_SIZE = 50


@dataclass(frozen=True)
class EventRow:
    """One line of the sign-in log."""

    at: dt.datetime
    email: str
    kind: str
    kind_label: str
    ip_address: str | None
    user_agent: str | None
    detail: str | None


@dataclass(frozen=True)
class EventPage:
    rows: list[EventRow]
    total: int
    page: int
    pages: int


def list_events(
    *,
    session: Session,
    user,
    email: str = "",
    kind: EventKind | str | None = None,
    page: int = 1,
    per_page: int = PAGE_SIZE,
) -> EventPage:
    """Return one page of the events ``user`` may read, newest first.

    The national audit team reads everything, failed attempts at unknown addresses included;
    other managers read the events of the accounts they manage.
    """
    access.require(user, "auth_log.read")
    statement = select(AuthEvent)
    if not access.scope_for(session, user).is_national:
        statement = statement.join(User, User.id == AuthEvent.user_id).where(
            managed_accounts(session, user)
        )
    term = (email or "").strip().lower()
    if term:
        statement = statement.where(func.lower(AuthEvent.email).contains(term, autoescape=True))
    if kind:
        try:
            statement = statement.where(AuthEvent.kind == EventKind(kind).value)
        except ValueError:
            raise UserError(f'Unknown kind of event "{kind}".') from None

    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages)
    events = session.scalars(
        statement.order_by(AuthEvent.at.desc(), AuthEvent.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    return EventPage(
        rows=[
            EventRow(
                at=as_utc(event.at),
                email=event.email,
                kind=event.kind,
                kind_label=label_for(event.kind),
                ip_address=event.ip_address,
                user_agent=event.user_agent,
                detail=event.detail,
            )
            for event in events
        ],
        total=total,
        page=page,
        pages=pages,
    )
