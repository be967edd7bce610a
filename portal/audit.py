"""Write an audit event for every insert, update and delete of a personal-data record.

Models opt in with ``__audited__ = True``. The events are written inside the same flush, so a
change and its audit record commit or roll back together. Values are never copied into the
trail, only the names of the fields that changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction

from models.audit import AuditEvent
from models.base import Authored, Base, utcnow


@dataclass(frozen=True)
class Actor:
    """Who is making the current change: a user, or a named system process."""

    label: str
    user_id: int | None = None


SYSTEM = Actor("system")
_current_actor: ContextVar[Actor] = ContextVar("current_actor", default=SYSTEM)


def current_actor() -> Actor:
    """Return who is making changes in this context."""
    return _current_actor.get()


def set_actor(actor: Actor) -> None:
    """Attribute the changes made from now on in this context to ``actor``."""
    _current_actor.set(actor)


@contextmanager
def acting_as(actor: Actor) -> Iterator[None]:
    """Attribute the changes made inside the block to ``actor``."""
    token = _current_actor.set(actor)
    try:
        yield
    finally:
        _current_actor.reset(token)


class AppendOnlyError(RuntimeError):
    """Raised on any attempt to change or remove an audit record."""


def _row_id(instance: Base) -> str:
    key = inspect(instance).mapper.primary_key_from_instance(instance)
    return ":".join(str(part) for part in key)


def _changed_fields(instance: Base) -> list[str]:
    state = inspect(instance)
    return sorted(
        attr.key
        for attr in state.mapper.column_attrs
        if state.attrs[attr.key].history.has_changes()
    )


@event.listens_for(Session, "before_flush")
def _stamp_authors(session: Session, _flush_context: UOWTransaction, _instances) -> None:
    """Fill created_by/updated_by on clinical rows from the current actor."""
    actor = current_actor()
    if actor.user_id is None:
        return
    for instance in session.new:
        if isinstance(instance, Authored):
            instance.created_by_id = instance.created_by_id or actor.user_id
            instance.updated_by_id = actor.user_id
    for instance in session.dirty:
        if isinstance(instance, Authored) and session.is_modified(instance):
            instance.updated_by_id = actor.user_id


@event.listens_for(Session, "after_flush")
def _write_audit_events(session: Session, _flush_context: UOWTransaction) -> None:
    """Record one audit event per audited row inserted, updated or deleted in this flush."""
    actor = current_actor()
    now = utcnow()
    rows = []
    for action, instances in (
        ("insert", session.new),
        ("update", session.dirty),
        ("delete", session.deleted),
    ):
        for instance in instances:
            if not getattr(type(instance), "__audited__", False):
                continue
            fields = _changed_fields(instance) if action != "delete" else []
            if action == "update" and not fields:
                continue
            rows.append(
                {
                    "at": now,
                    "actor_id": actor.user_id,
                    "actor_label": actor.label,
                    "action": action,
                    "table_name": instance.__tablename__,
                    "row_id": _row_id(instance),
                    "changed_fields": fields,
                }
            )
    if rows:
        session.connection().execute(insert(AuditEvent), rows)


@event.listens_for(AuditEvent, "before_update")
@event.listens_for(AuditEvent, "before_delete")
def _refuse_changes(*_args) -> None:
    raise AppendOnlyError("audit events are append-only")
