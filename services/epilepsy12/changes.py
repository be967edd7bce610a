"""One change to one child: the row writes, the recount and rescore, the trail, one commit.

Writes are plain SQL statements rather than ORM flushes (a save has a budget of a few
milliseconds), so the audit events the ORM would write are written here, in the same
transaction: one per row inserted, updated or deleted, naming the fields, never the values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, delete, insert, update
from sqlalchemy.orm import Session

import models.epilepsy12 as tables
from domain.epilepsy12.completeness import Completeness, count_completeness
from domain.epilepsy12.kpis import score_child
from domain.epilepsy12.record import Record
from models.audit import AuditEvent
from models.base import utcnow
from portal.audit import Actor
from portal.errors import UserError
from services.epilepsy12.records import (
    FORMS,
    KPI_COLUMNS,
    PROGRESS_COLUMNS,
    ChildRows,
    progress_values,
)

_PROGRESS = tables.AuditProgress.__table__
_KPI = tables.KPIResult.__table__
UPDATE_PROGRESS = (
    update(_PROGRESS)
    .where(_PROGRESS.c.id == bindparam("row_id"))
    .values({name: bindparam(name) for name in PROGRESS_COLUMNS})
)
UPDATE_KPIS = (
    update(_KPI)
    .where(_KPI.c.id == bindparam("row_id"))
    .values({name: bindparam(name) for name in KPI_COLUMNS})
)
_EVENTS = insert(AuditEvent.__table__)


class AnswerInvalid(UserError):
    """The answer breaks a rule; ``messages`` say which, one per problem."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__("; ".join(messages), exit_code=2)


@dataclass(frozen=True)
class SaveResult:
    """What a save did and where the child stands after it."""

    value: Any
    changed: bool
    cleared: tuple[str, ...]
    record: Record
    completeness: Completeness
    kpis: dict[str, int | None]
    item_id: int | None = None
    holder: Any = None


def standing(record: Record) -> tuple[Completeness, dict[str, int | None]]:
    """Count and score a record as it is."""
    return count_completeness(record), score_child(record)


def unchanged(record: Record, value: Any, holder: Any = None) -> SaveResult:
    """The result of a save that found the answer already given."""
    completeness, kpis = standing(record)
    return SaveResult(value, False, (), record, completeness, kpis, holder=holder)


@lru_cache(maxsize=512)
def _update_statement(table, columns: tuple[str, ...]):
    """An UPDATE of these columns of one row, built once per set of columns."""
    return (
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values({name: bindparam(name, type_=table.c[name].type) for name in columns})
    )


def actor_for(user) -> Actor:
    """Name the user in the trail as the request does (the command line has no account)."""
    return Actor(user.email, getattr(user, "id", None))


class ChildChange:
    """Collects the writes of one save of one child and the trail they leave."""

    def __init__(self, session: Session, child: ChildRows, actor: Actor) -> None:
        self.session = session
        self.connection = session.connection()
        self.child = child
        self.actor = actor
        self.now = utcnow()
        self.registration_id = child.registration_id
        self.form_ids = dict(child.form_ids)
        self.progress_id = child.progress_id
        self.kpi_id = child.kpi_id
        self._events: list[dict[str, Any]] = []

    def _event(self, action: str, table, row_id: int, fields) -> None:
        self._events.append(
            {
                "at": self.now,
                "actor_id": self.actor.user_id,
                "actor_label": self.actor.label,
                "action": action,
                "table_name": table.name,
                "row_id": str(row_id),
                "changed_fields": sorted(fields),
            }
        )

    def _stamp(self, values: dict[str, Any]) -> dict[str, Any]:
        return {**values, "updated_at": self.now, "updated_by_id": self.actor.user_id}

    def insert(self, model: type, values: dict[str, Any]) -> int:
        """Insert an audited row and return its id."""
        table = model.__table__
        row = {**self._stamp(values), "created_at": self.now, "created_by_id": self.actor.user_id}
        row_id = self.connection.execute(insert(table).returning(table.c.id), row).scalar_one()
        self._event("insert", table, row_id, [k for k, v in values.items() if v is not None])
        return row_id

    def update(self, model: type, row_id: int, values: dict[str, Any]) -> None:
        """Set ``values`` on one audited row."""
        if not values:
            return
        table = model.__table__
        stamped = self._stamp(values)
        statement = _update_statement(table, tuple(sorted(stamped)))
        self.connection.execute(statement, {**stamped, "row_id": row_id})
        self._event("update", table, row_id, values)

    def delete(self, model: type, *criteria) -> list[int]:
        """Delete the audited rows matching ``criteria``; return their ids."""
        table = model.__table__
        statement = delete(table).where(*criteria).returning(table.c.id)
        ids = list(self.connection.execute(statement).scalars())
        for row_id in ids:
            self._event("delete", table, row_id, [])
        return ids

    def ensure_registration(self) -> int:
        """Return the child's registration, creating it (with its counters and scores) if new."""
        if self.registration_id is None:
            self.registration_id = self.insert(tables.Registration, {"case_id": self.child.case_id})
        return self.registration_id

    def ensure_form(self, section: str) -> int:
        """Return the id of the child's form ``section``, creating the form if not yet started."""
        if section not in self.form_ids:
            model = FORMS[section][0]
            registration_id = self.ensure_registration()
            self.form_ids[section] = self.insert(model, {"registration_id": registration_id})
        return self.form_ids[section]

    def finish(self, record: Record) -> tuple[Completeness, dict[str, int | None]]:
        """Recount and rescore ``record`` (the child after the change), store both, write the trail.

        Counters and scores are written only when they differ from what is stored.
        """
        completeness, kpis = standing(record)
        registration_id = self.ensure_registration()
        progress = progress_values(record, completeness)
        if self.progress_id is None:
            self.connection.execute(
                insert(_PROGRESS), {"registration_id": registration_id, **progress}
            )
        elif progress != dict(self.child.progress):
            self.connection.execute(UPDATE_PROGRESS, {"row_id": self.progress_id, **progress})
        if self.kpi_id is None:
            self.connection.execute(insert(_KPI), {"registration_id": registration_id, **kpis})
        elif kpis != dict(self.child.kpis):
            self.connection.execute(UPDATE_KPIS, {"row_id": self.kpi_id, **kpis})
        if self._events:
            self.connection.execute(_EVENTS, self._events)
        return completeness, kpis


def cohorts_touched(child: ChildRows, record: Record) -> set[int]:
    """The cohorts whose figures a change of this child can move: before and after."""
    return {cohort for cohort in (child.cohort, record.cohort) if cohort is not None}


def today_or(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def commit_change(
    session: Session,
    change: ChildChange,
    child: ChildRows,
    record: Record,
    value: Any,
    cleared: tuple[str, ...] = (),
    item_id: int | None = None,
    holder: Any = None,
) -> SaveResult:
    """Store the recount and rescore, commit, and ask for the cohorts' figures to be refreshed."""
    from tasks.reporting import request_refresh

    completeness, kpis = change.finish(record)
    session.commit()
    for cohort in cohorts_touched(child, record):
        request_refresh("epilepsy12", cohort)
    return SaveResult(value, True, cleared, record, completeness, kpis, item_id, holder)
