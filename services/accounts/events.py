"""Write to the sign-in log: every event carries the time, IP address and user agent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from domain.accounts.events import EventKind
from models.accounts import AuthEvent
from models.base import utcnow

_MAX_USER_AGENT = 400
_MAX_DETAIL = 300


@dataclass(frozen=True)
class Origin:
    """Where a request came from: recorded with each event."""

    ip_address: str | None = None
    user_agent: str | None = None


COMMAND_LINE = Origin(None, "portal command line")


def record_event(
    *,
    session: Session,
    kind: EventKind,
    email: str,
    user=None,
    detail: str | None = None,
    origin: Origin | None = None,
    now: dt.datetime | None = None,
) -> AuthEvent:
    """Add an event to the sign-in log; it is written with the caller's commit."""
    origin = origin or Origin()
    event = AuthEvent(
        at=now or utcnow(),
        user_id=getattr(user, "id", None),
        email=(email or "(blank)")[:254],
        kind=kind.value,
        ip_address=(origin.ip_address or None) and origin.ip_address[:45],
        user_agent=(origin.user_agent or None) and origin.user_agent[:_MAX_USER_AGENT],
        detail=detail[:_MAX_DETAIL] if detail else None,
    )
    session.add(event)
    return event


def by(actor) -> str:
    """Describe who made an administrative change, for an event's detail."""
    return f"by {actor.email}"
