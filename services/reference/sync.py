"""Bring one reference table in line with the rows the files describe, by natural key."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, and_, bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from services.reference.report import TableChanges
from services.reference.validation import ReferenceDataError

Key = tuple[Any, ...]


def show_key(key: Key) -> str:
    """Name a row by its natural key, e.g. ``RGT01`` or ``QRL 2026-04-01``."""
    return " ".join(str(part) for part in key)


@dataclass
class Plan:
    """The rows one table should hold after the load."""

    model: type
    key: tuple[str, ...]
    rows: list[dict[str, Any]]
    deactivate: bool = False
    describe: Callable[[Key], str] = show_key
    keep: Callable[[Key], bool] | None = None

    @property
    def table(self) -> Table:
        return self.model.__table__


@dataclass
class Pending:
    """The rows of a synced table still to remove once every table has been written."""

    plan: Plan
    rows: list[dict[str, Any]] = field(default_factory=list)


def upsert(session: Session, plan: Plan, now: dt.datetime) -> tuple[TableChanges, Pending]:
    """Insert new rows and update changed ones in bulk; return the changes and rows to remove."""
    table = plan.table
    primary = [column.name for column in table.primary_key.columns]
    compared = list(plan.rows[0]) if plan.rows else list(plan.key)
    names = list(dict.fromkeys([*primary, *plan.key, *compared]))
    existing = {
        tuple(row[name] for name in plan.key): row
        for row in session.execute(select(*(table.c[name] for name in names))).mappings()
    }
    stamped = "updated_at" in table.c
    changes = TableChanges(table.name, removal="marked inactive" if plan.deactivate else "removed")
    added, updates = [], []
    for row in plan.rows:
        key = tuple(row[name] for name in plan.key)
        current = existing.pop(key, None)
        if current is None:
            added.append(row | ({"created_at": now, "updated_at": now} if stamped else {}))
            changes.added.append(plan.describe(key))
            continue
        fields = [name for name in compared if current[name] != row[name]]
        if fields:
            values = {name: row[name] for name in fields} | ({"updated_at": now} if stamped else {})
            updates.append({f"pk_{name}": current[name] for name in primary} | values)
            changes.changed.append((plan.describe(key), [_field(name) for name in fields]))
    if added:
        session.execute(insert(table), added)
    _update(session, table, primary, updates)
    gone = [
        row
        for key, row in existing.items()
        if (not plan.deactivate or row["active"]) and not (plan.keep and plan.keep(key))
    ]
    changes.removed = [plan.describe(tuple(row[name] for name in plan.key)) for row in gone]
    pending = Pending(plan, [{name: row[name] for name in primary} for row in gone])
    if plan.deactivate and gone:
        deactivations = [
            {f"pk_{name}": row[name] for name in primary} | {"active": False, "updated_at": now}
            for row in pending.rows
        ]
        _update(session, table, primary, deactivations)
        pending.rows = []
    return changes, pending


def _update(session: Session, table: Table, primary: list[str], rows: list[dict]) -> None:
    """Run one executemany UPDATE per set of changed columns."""
    groups: dict[tuple[str, ...], list[dict]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    for names, group in groups.items():
        where = and_(*(table.c[name] == bindparam(f"pk_{name}") for name in primary))
        values = {name: bindparam(name) for name in names if not name.startswith("pk_")}
        session.execute(update(table).where(where).values(values), group)


def remove(session: Session, pending: Pending) -> None:
    """Delete the rows gone from the files, refusing if other rows still refer to them."""
    if not pending.rows:
        return
    table = pending.plan.table
    primary = list(pending.rows[0])
    where = and_(*(table.c[name] == bindparam(f"pk_{name}") for name in primary))
    try:
        session.execute(
            delete(table).where(where),
            [{f"pk_{name}": value for name, value in row.items()} for row in pending.rows],
        )
    except IntegrityError:
        raise ReferenceDataError(
            [
                f"{table.name}: cannot remove rows that are gone from the files while other "
                "rows still refer to them; nothing was loaded"
            ]
        ) from None


def _field(column: str) -> str:
    """Name a changed column as a reader would: ``trust`` rather than ``trust_id``."""
    return column.removesuffix("_id")
