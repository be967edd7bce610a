"""``load_reference``: check the reference files, then bring every reference table in line."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import utcnow
from services.reference.report import LoadReport
from services.reference.sync import Pending, remove, upsert
from services.reference.tables import PLANS, Ids
from services.reference.validation import ReferenceDataError, read_reference

__all__ = ["LoadReport", "ReferenceDataError", "load_reference"]


def load_reference(*, session: Session, directory: Path) -> LoadReport:
    """Load the files in ``directory`` in the session's transaction and report what changed.

    Every file is checked before anything is written; on ``ReferenceDataError`` nothing has been
    written. The caller commits (``session_scope`` does) or rolls back.
    """
    started = time.perf_counter()
    files = read_reference(Path(directory))
    now = utcnow()
    ids: Ids = {}
    report = LoadReport(files.directory)
    removals: list[Pending] = []
    for table, build in PLANS:
        plan = build(files, ids)
        changes, pending = upsert(session, plan, now)
        report.tables.append(changes)
        removals.append(pending)
        if "id" in plan.table.c:
            ids[table] = _ids(session, plan)
    for pending in reversed(removals):
        remove(session, pending)
    session.flush()
    report.seconds = time.perf_counter() - started
    return report


def _ids(session: Session, plan) -> dict:
    """Return the id of every row of the plan's table by natural key (a code, or a tuple)."""
    table = plan.table
    columns = [table.c[name] for name in plan.key]
    rows = session.execute(select(table.c.id, *columns))
    if len(columns) == 1:
        return {row[1]: row[0] for row in rows}
    return {tuple(row[1:]): row[0] for row in rows}
