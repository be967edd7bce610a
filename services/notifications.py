"""In-app notifications: a message for one user or for an organisation's team, with a link to act.

A user sees the notifications addressed to them and, unless national, those addressed to an
organisation in their scope (their trust or health board), limited to the kinds their role deals
with. An organisation's notification is a shared inbox: once anyone marks it read, it is read for
the whole team, and the notification says who.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, false, func, not_, or_, select, update
from sqlalchemy.orm import Session

from models.accounts import User
from models.base import utcnow
from models.notifications import Notification
from portal import access
from portal.access import AccessDenied

#: Kinds of notification by prefix, and the capability a reader needs to see them.
KIND_CAPABILITIES = {"e12.": "e12.case.read"}
RECENT = 50


@dataclass(frozen=True)
class NotificationRow:
    """One notification as its reader sees it."""

    id: int
    kind: str
    message: str
    link_path: str | None
    created_at: dt.datetime
    read_at: dt.datetime | None
    read_by: str | None
    for_team: bool


def notify(
    *,
    session: Session,
    kind: str,
    message: str,
    link_path: str | None = None,
    organisation_id: int | None = None,
    user_id: int | None = None,
) -> Notification:
    """Add a notification to the caller's transaction, so it commits with the change it reports."""
    if organisation_id is None and user_id is None:
        raise ValueError("a notification needs an organisation or a user to receive it")
    if link_path is not None and not link_path.startswith("/"):
        raise ValueError("a notification links to a path in this portal")
    notification = Notification(
        kind=kind,
        message=message[:500],
        link_path=link_path,
        recipient_organisation_id=organisation_id,
        recipient_user_id=user_id,
    )
    session.add(notification)
    return notification


def visible_to(session: Session, user) -> ColumnElement[bool]:
    """Return a condition on ``Notification`` keeping the ones ``user`` may read."""
    if not access.can(user, "notifications.read"):
        return false()
    mine = Notification.recipient_user_id == user.id
    scope = access.scope_for(session, user)
    if scope.is_national:
        audience = mine
    else:
        audience = or_(mine, scope.condition(Notification.recipient_organisation_id))
    hidden = [
        not_(Notification.kind.startswith(prefix))
        for prefix, capability in KIND_CAPABILITIES.items()
        if not access.can(user, capability)
    ]
    return and_(audience, *hidden)


def unread_count(*, session: Session, user) -> int:
    """Return how many notifications ``user`` has not read yet."""
    condition = and_(visible_to(session, user), Notification.read_at.is_(None))
    return session.scalar(select(func.count()).where(condition)) or 0


def list_notifications(
    *, session: Session, user, unread_only: bool = False, limit: int = RECENT
) -> list[NotificationRow]:
    """Return ``user``'s notifications, unread first, newest first within each."""
    statement = (
        select(Notification, User.full_name)
        .outerjoin(User, User.id == Notification.read_by_id)
        .where(visible_to(session, user))
        .order_by(Notification.read_at.is_not(None), Notification.created_at.desc())
        .limit(limit)
    )
    if unread_only:
        statement = statement.where(Notification.read_at.is_(None))
    return [
        NotificationRow(
            id=note.id,
            kind=note.kind,
            message=note.message,
            link_path=note.link_path,
            created_at=note.created_at,
            read_at=note.read_at,
            read_by=reader,
            for_team=note.recipient_user_id is None,
        )
        for note, reader in session.execute(statement)
    ]


def mark_read(*, session: Session, user, notification_id: int) -> str | None:
    """Mark one notification read and return its link; one the user may not read is refused as
    if it did not exist."""
    found = session.scalar(
        select(Notification).where(Notification.id == notification_id, visible_to(session, user))
    )
    if found is None:
        raise AccessDenied()
    link = found.link_path
    if found.read_at is None:
        found.read_at = utcnow()
        found.read_by_id = user.id
        session.commit()
    return link


def mark_all_read(*, session: Session, user) -> int:
    """Mark every unread notification of ``user`` read; return how many."""
    result = session.execute(
        update(Notification)
        .where(visible_to(session, user), Notification.read_at.is_(None))
        .values(read_at=utcnow(), read_by_id=user.id)
        .execution_options(synchronize_session=False)
    )
    session.commit()
    return result.rowcount or 0
