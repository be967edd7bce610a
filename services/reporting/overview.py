"""National results admin: each cohort's figures and publications, and publishing one.

Only holders of the audit's publish capability (the national audit team) may use any of it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from domain.reporting.levels import NATIONAL_AREA, Level
from models.accounts import User
from models.reporting import ReportFigure, ReportSnapshot
from portal import access
from portal.config import get_settings
from portal.errors import UserError
from services.reporting.publication import publish
from services.reporting.registry import (
    CHILDREN_EXCLUDED_INCOMPLETE,
    CHILDREN_INCLUDED,
    AuditReport,
    reports,
)

MAX_NOTE = 1000


@dataclass(frozen=True)
class Publication:
    """One published snapshot: what, when, by whom, and the working data it was taken from."""

    id: int
    cohort: int
    published_at: dt.datetime
    published_by: str | None
    computed_at: dt.datetime
    threshold: int | None
    note: str | None


@dataclass(frozen=True)
class CohortStatus:
    """Where one cohort's figures stand."""

    cohort: int
    label: str
    computed_at: dt.datetime | None
    children_included: int | None
    children_excluded: int | None
    latest: Publication | None


def publishable_reports(user) -> list[AuditReport]:
    """Return the audits ``user`` may refresh, publish and export, by title."""
    found = [r for r in reports().values() if access.can(user, r.capability_publish)]
    return sorted(found, key=lambda r: r.title)


def publications(*, session: Session, user, report: AuditReport) -> list[Publication]:
    """Return every publication of the audit, newest first."""
    access.require(user, report.capability_publish)
    publisher = aliased(User)
    rows = session.execute(
        select(ReportSnapshot, publisher.full_name)
        .outerjoin(publisher, publisher.id == ReportSnapshot.published_by_id)
        .where(ReportSnapshot.audit == report.audit, ReportSnapshot.kind == "published")
        .order_by(ReportSnapshot.published_at.desc(), ReportSnapshot.id.desc())
    ).all()
    return [
        Publication(
            s.id, s.cohort, s.published_at, name, s.computed_at, s.suppression_threshold, s.note
        )
        for s, name in rows
    ]


def cohort_statuses(
    *, session: Session, user, report: AuditReport, today: dt.date
) -> list[CohortStatus]:
    """Return every current cohort's working figures and latest publication, newest cohort first."""
    access.require(user, report.capability_publish)
    working = {
        s.cohort: s
        for s in session.scalars(
            select(ReportSnapshot).where(
                ReportSnapshot.audit == report.audit, ReportSnapshot.kind == "working"
            )
        )
    }
    counts: dict[tuple[int, str], int | None] = {}
    if working:
        for snapshot_id, measure, n in session.execute(
            select(ReportFigure.snapshot_id, ReportFigure.measure, ReportFigure.n).where(
                ReportFigure.snapshot_id.in_([s.id for s in working.values()]),
                ReportFigure.level == Level.NATIONAL.value,
                ReportFigure.area_code == NATIONAL_AREA,
                ReportFigure.measure.in_((CHILDREN_INCLUDED, CHILDREN_EXCLUDED_INCOMPLETE)),
            )
        ):
            counts[(snapshot_id, measure)] = n
    latest: dict[int, Publication] = {}
    for publication in publications(session=session, user=user, report=report):
        latest.setdefault(publication.cohort, publication)
    statuses = []
    for cohort in sorted(report.cohorts(today), reverse=True):
        snapshot = working.get(cohort)
        statuses.append(
            CohortStatus(
                cohort=cohort,
                label=report.cohort_label(cohort),
                computed_at=snapshot.computed_at if snapshot else None,
                children_included=counts.get((snapshot.id, CHILDREN_INCLUDED), 0)
                if snapshot
                else None,
                children_excluded=counts.get((snapshot.id, CHILDREN_EXCLUDED_INCOMPLETE), 0)
                if snapshot
                else None,
                latest=latest.get(cohort),
            )
        )
    return statuses


def publish_cohort(
    *, session: Session, user, report: AuditReport, cohort: int, note: str | None, today: dt.date
) -> Publication:
    """Publish the cohort's working figures with disclosure control and return the publication."""
    access.require(user, report.capability_publish)
    if cohort not in report.cohorts(today):
        raise UserError(f"{report.title} has no {report.cohort_label(cohort).lower()}.")
    note = (note or "").strip() or None
    if note and len(note) > MAX_NOTE:
        raise UserError(
            f"The note can be at most {MAX_NOTE:,} characters; it has {len(note):,}. "
            "Nothing was published."
        )
    snapshot = publish(
        session=session,
        report=report,
        cohort=cohort,
        user=user,
        threshold=get_settings().suppression_threshold,
        note=note,
    )
    session.commit()
    return Publication(
        snapshot.id,
        cohort,
        snapshot.published_at,
        user.full_name,
        snapshot.computed_at,
        snapshot.suppression_threshold,
        snapshot.note,
    )
