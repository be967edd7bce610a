"""Publish a cohort's reviewed figures: an immutable, dated, attributed and suppressed snapshot."""

from __future__ import annotations

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from models.reporting import ReportFigure, ReportSnapshot
from portal import access
from portal.errors import UserError
from services.reporting.disclosure import disclose
from services.reporting.partitions import partitions
from services.reporting.registry import AuditReport


def publish(
    *,
    session: Session,
    report: AuditReport,
    cohort: int,
    user,
    threshold: int,
    note: str | None = None,
) -> ReportSnapshot:
    """Copy the cohort's working figures, with disclosure control applied, into a new snapshot."""
    access.require(user, report.capability_publish)
    working = session.scalar(
        select(ReportSnapshot).where(
            ReportSnapshot.audit == report.audit,
            ReportSnapshot.cohort == cohort,
            ReportSnapshot.kind == "working",
        )
    )
    if working is None:
        raise UserError(
            f"{report.title} cohort {report.cohort_label(cohort)} has not been aggregated yet: "
            "refresh the figures before publishing."
        )
    figures = session.scalars(
        select(ReportFigure).where(ReportFigure.snapshot_id == working.id)
    ).all()
    if not figures:
        raise UserError(
            f"{report.title} cohort {report.cohort_label(cohort)} has no figures to publish."
        )
    public = disclose(
        report,
        figures,
        partitions(session, levels=report.levels, as_of=working.as_of),
        threshold=threshold,
    )
    snapshot = ReportSnapshot(
        audit=report.audit,
        cohort=cohort,
        kind="published",
        computed_at=working.computed_at,
        as_of=working.as_of,
        published_at=func.now(),
        published_by_id=user.id,
        source_snapshot_id=working.id,
        suppression_threshold=threshold,
        note=note,
    )
    session.add(snapshot)
    session.flush()
    session.refresh(snapshot)
    session.execute(
        insert(ReportFigure),
        [
            {
                "snapshot_id": snapshot.id,
                "audit": report.audit,
                "cohort": cohort,
                "level": f.level,
                "area_code": f.area_code,
                "measure": f.measure,
                "passed": f.passed,
                "eligible": f.eligible,
                "n": f.n,
                "value": f.value,
                "suppressed": f.suppressed,
            }
            for f in public
        ],
    )
    return snapshot


def latest_published(session: Session, *, audit: str, cohort: int) -> ReportSnapshot | None:
    """Return the newest published snapshot of the cohort, if it was ever published."""
    return session.scalar(
        select(ReportSnapshot)
        .where(
            ReportSnapshot.audit == audit,
            ReportSnapshot.cohort == cohort,
            ReportSnapshot.kind == "published",
        )
        .order_by(ReportSnapshot.published_at.desc(), ReportSnapshot.id.desc())
        .limit(1)
    )


def working(session: Session, *, audit: str, cohort: int) -> ReportSnapshot | None:
    """Return the cohort's working (private) snapshot, if it was ever aggregated."""
    return session.scalar(
        select(ReportSnapshot).where(
            ReportSnapshot.audit == audit,
            ReportSnapshot.cohort == cohort,
            ReportSnapshot.kind == "working",
        )
    )
