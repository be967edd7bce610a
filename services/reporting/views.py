"""Read precomputed figures for the dashboards, deciding on the server what each viewer may see.

* The public sees only the latest published snapshot, already suppressed.
* A signed-in user sees the working (private) figures unsuppressed for the organisations in their
  scope and for the aggregate areas (trust, board, region, network, country, nation); other
  organisations appear as the public would see them, disclosure control applied to the same
  working figures. National staff see everything unsuppressed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from domain.reporting.levels import Level
from models.reporting import ReportFigure, ReportSnapshot
from portal import access
from portal.config import get_settings
from services.reporting.disclosure import disclose
from services.reporting.partitions import partitions
from services.reporting.publication import latest_published, working
from services.reporting.registry import AuditReport

Area = tuple[str, str]


@dataclass(frozen=True)
class Figure:
    """One measure for one area as a viewer may see it."""

    level: str
    area_code: str
    measure: str
    passed: int | None
    eligible: int | None
    ineligible: int | None
    incomplete: int | None
    n: int | None
    value: float | None
    suppressed: bool

    @property
    def percentage(self) -> float | None:
        if self.passed is None or not self.eligible:
            return None
        return 100.0 * self.passed / self.eligible


@dataclass(frozen=True)
class Snapshot:
    """Which snapshot a view reads, and when its data was computed."""

    id: int
    audit: str
    cohort: int
    published: bool
    computed_at: dt.datetime
    published_at: dt.datetime | None
    as_of: dt.date


def _snapshot(row: ReportSnapshot) -> Snapshot:
    return Snapshot(
        row.id,
        row.audit,
        row.cohort,
        row.kind == "published",
        row.computed_at,
        row.published_at,
        row.as_of,
    )


def snapshot_for(session: Session, *, report: AuditReport, cohort: int, user) -> Snapshot | None:
    """Return the snapshot ``user`` reads: working if signed in with the right, else published."""
    if user is not None and user.is_authenticated and access.can(user, report.capability_read):
        row = working(session, audit=report.audit, cohort=cohort)
    else:
        row = latest_published(session, audit=report.audit, cohort=cohort)
    return _snapshot(row) if row else None


def _figure(row: ReportFigure) -> Figure:
    return Figure(
        row.level,
        row.area_code,
        row.measure,
        row.passed,
        row.eligible,
        row.ineligible,
        row.incomplete,
        row.n,
        row.value,
        row.suppressed,
    )


@lru_cache(maxsize=16)
def _partitions(snapshot_id: int, _version: dt.datetime, audit: str):
    """Return the exact parent = Σ children areas of a snapshot's day (cached: every measure of
    the snapshot shares them)."""
    from portal.db import session_factory
    from services.reporting.registry import reports

    with session_factory()() as session:
        row = session.get(ReportSnapshot, snapshot_id)
        if row is None:
            return []
        return partitions(session, levels=reports()[audit].levels, as_of=row.as_of)


@lru_cache(maxsize=64)
def _disclosed(
    snapshot_id: int, _version: dt.datetime, measure: str, threshold: int
) -> dict[Area, Figure]:
    """Return one measure of a working snapshot with disclosure control applied (cached)."""
    from portal.db import session_factory
    from services.reporting.registry import reports

    with session_factory()() as session:
        row = session.get(ReportSnapshot, snapshot_id)
        if row is None:  # deleted since it was read: nothing to disclose
            return {}
        report = reports()[row.audit]
        figures = session.scalars(
            select(ReportFigure).where(
                ReportFigure.snapshot_id == snapshot_id, ReportFigure.measure == measure
            )
        ).all()
        parts = _partitions(snapshot_id, _version, report.audit)
        return {
            (f.level, f.area_code): Figure(
                f.level,
                f.area_code,
                f.measure,
                f.passed,
                f.eligible,
                None,
                None,
                f.n,
                f.value,
                f.suppressed,
            )
            for f in disclose(report, figures, parts, threshold=threshold)
        }


def _visible(session: Session, user, snapshot: Snapshot, figures: Iterable[Figure]) -> list[Figure]:
    """Replace what ``user`` may not see unsuppressed by its disclosed version."""
    figures = list(figures)
    if snapshot.published or (
        user is not None and user.is_authenticated and access.scope_for(session, user).is_national
    ):
        return figures
    own = _own_organisation_codes(session, user)
    threshold = get_settings().suppression_threshold
    shown = []
    for figure in figures:
        if figure.level != Level.ORGANISATION.value or figure.area_code in own:
            shown.append(figure)
            continue
        public = _disclosed(snapshot.id, snapshot.computed_at, figure.measure, threshold).get(
            (figure.level, figure.area_code)
        )
        shown.append(
            public
            or replace(figure, passed=None, eligible=None, n=None, value=None, suppressed=True)
        )
    return shown


def _own_organisation_codes(session: Session, user) -> frozenset[str]:
    from models.geography import Organisation

    scope = access.scope_for(session, user)
    if scope.organisation_ids is None:
        return frozenset()
    return frozenset(
        session.scalars(
            select(Organisation.ods_code).where(Organisation.id.in_(sorted(scope.organisation_ids)))
        )
    )


def figures_for_areas(
    session: Session,
    *,
    user,
    snapshot: Snapshot,
    areas: Sequence[Area],
    measures: Sequence[str] | None = None,
) -> list[Figure]:
    """Return every figure (or the given measures) of the given areas, as ``user`` may see them."""
    query = select(ReportFigure).where(
        ReportFigure.snapshot_id == snapshot.id,
        tuple_(ReportFigure.level, ReportFigure.area_code).in_(list(areas)),
    )
    if measures is not None:
        query = query.where(ReportFigure.measure.in_(list(measures)))
    return _visible(session, user, snapshot, map(_figure, session.scalars(query)))


def figures_for_measure(
    session: Session, *, user, snapshot: Snapshot, measure: str, level: Level
) -> list[Figure]:
    """Return one measure for every area of one level, as ``user`` may see them."""
    query = select(ReportFigure).where(
        ReportFigure.snapshot_id == snapshot.id,
        ReportFigure.measure == measure,
        ReportFigure.level == level.value,
    )
    return _visible(session, user, snapshot, map(_figure, session.scalars(query)))


def trend(
    session: Session,
    *,
    user,
    report: AuditReport,
    areas: Sequence[Area],
    measure: str,
    today: dt.date,
) -> dict[int, list[Figure]]:
    """Return one measure for the given areas in every cohort that has figures, oldest first."""
    found: dict[int, list[Figure]] = {}
    for cohort in report.cohorts(today):
        snapshot = snapshot_for(session, report=report, cohort=cohort, user=user)
        if snapshot is not None:
            found[cohort] = figures_for_areas(
                session, user=user, snapshot=snapshot, areas=areas, measures=[measure]
            )
    return found
