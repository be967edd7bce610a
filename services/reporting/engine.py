"""Aggregate one audit cohort at every level in a handful of set-based statements.

The per-child rows the audit supplies are joined to each organisation's areas, grouped once per
level, turned into one tidy row per (measure, level, area) and written into the cohort's working
snapshot — inside one transaction that first locks that snapshot, so two runs at once queue up
and the table ends the same whoever finishes last.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import (
    case,
    func,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from domain.reporting.levels import Level
from models.base import utcnow
from models.reporting import ReportFigure, ReportSnapshot
from services.reporting.registry import (
    CHILDREN_EXCLUDED_INCOMPLETE,
    CHILDREN_INCLUDED,
    AuditReport,
)
from services.reporting.storage import store_figures


@dataclass(frozen=True)
class AggregationResult:
    """What one aggregation stored."""

    snapshot_id: int
    audit: str
    cohort: int
    figures: int
    areas: int
    children_included: int
    children_excluded: int
    computed_at: dt.datetime


def working_snapshot(
    session: Session, *, audit: str, cohort: int, as_of: dt.date
) -> ReportSnapshot:
    """Return the cohort's working snapshot, created if missing and locked until commit."""
    dialect = session.get_bind().dialect.name
    values = {
        "audit": audit,
        "cohort": cohort,
        "kind": "working",
        "as_of": as_of,
        "computed_at": utcnow(),
    }
    if dialect in ("postgresql", "sqlite"):
        builder = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = (
            builder(ReportSnapshot)
            .values(**values)
            .on_conflict_do_nothing(
                index_elements=["audit", "cohort"], index_where=text("kind = 'working'")
            )
        )
        session.execute(statement)
    query = select(ReportSnapshot).where(
        ReportSnapshot.audit == audit,
        ReportSnapshot.cohort == cohort,
        ReportSnapshot.kind == "working",
    )
    return session.scalars(query.with_for_update()).one()


def aggregate(
    *, session: Session, report: AuditReport, cohort: int, as_of: dt.date
) -> AggregationResult:
    """Recompute the cohort's working snapshot in place and return what was stored."""
    snapshot = working_snapshot(session, audit=report.audit, cohort=cohort, as_of=as_of)
    store_figures(
        session.connection(), report=report, snapshot_id=snapshot.id, cohort=cohort, as_of=as_of
    )
    computed_at = utcnow()
    session.execute(
        update(ReportSnapshot)
        .where(ReportSnapshot.id == snapshot.id)
        .values(computed_at=computed_at, as_of=as_of)
    )
    national = ReportFigure.level == Level.NATIONAL.value
    stored, areas, included, excluded = session.execute(
        select(
            func.count(),
            func.count(case((ReportFigure.measure == CHILDREN_INCLUDED, 1))),
            func.sum(
                case((national & (ReportFigure.measure == CHILDREN_INCLUDED), ReportFigure.n))
            ),
            func.sum(
                case(
                    (
                        national & (ReportFigure.measure == CHILDREN_EXCLUDED_INCOMPLETE),
                        ReportFigure.n,
                    )
                )
            ),
        ).where(ReportFigure.snapshot_id == snapshot.id)
    ).one()
    return AggregationResult(
        snapshot_id=snapshot.id,
        audit=report.audit,
        cohort=cohort,
        figures=stored,
        areas=areas,
        children_included=int(included or 0),
        children_excluded=int(excluded or 0),
        computed_at=computed_at,
    )
