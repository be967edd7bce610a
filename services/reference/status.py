"""How many rows each reference table holds and when the reference data last changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from models.base import Base
from services.reference.tables import PLANS

_TABLES = tuple(table for table, _build in PLANS)


@dataclass(frozen=True)
class TableCount:
    table: str
    rows: int
    active: int | None = None


@dataclass(frozen=True)
class ReferenceStatus:
    """Row counts per reference table and the newest change to any of them."""

    counts: list[TableCount]
    last_changed: dt.datetime | None

    def __str__(self) -> str:
        width = max(len(count.table) for count in self.counts)
        lines = []
        for count in self.counts:
            active = "" if count.active is None else f" ({count.active} active)"
            lines.append(f"{count.table:<{width}}  {count.rows:>5}{active}")
        when = "never" if self.last_changed is None else f"{self.last_changed:%Y-%m-%d %H:%M %Z}"
        lines.append(f"Last changed: {when}")
        return "\n".join(lines)


def reference_status(*, session: Session) -> ReferenceStatus:
    """Count every reference table's rows in one query and find the newest ``updated_at``."""
    tables = {name: Base.metadata.tables[name] for name in _TABLES}
    counts = [
        select(func.count()).select_from(table).scalar_subquery() for table in tables.values()
    ]
    actives = [
        select(func.count()).select_from(table).where(table.c.active).scalar_subquery()
        for table in tables.values()
        if "active" in table.c
    ]
    row = session.execute(select(*counts, *actives)).one()
    active = iter(row[len(counts) :])
    result = [
        TableCount(name, total, next(active) if "active" in table.c else None)
        for (name, table), total in zip(tables.items(), row[: len(counts)], strict=True)
    ]
    stamped = [
        select(func.max(table.c.updated_at).label("at"))
        for table in tables.values()
        if "updated_at" in table.c
    ]
    newest = union_all(*stamped).subquery()
    last = session.scalar(select(func.max(newest.c.at)))
    if isinstance(last, str):
        last = dt.datetime.fromisoformat(last)
    if last is not None and last.tzinfo is None:
        last = last.replace(tzinfo=dt.UTC)
    return ReferenceStatus(result, last)
