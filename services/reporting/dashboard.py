"""The organisation dashboard: one organisation's results beside every area it belongs to.

Everything here reads the precomputed snapshot through ``services.reporting.views``, so what a
viewer sees (and exports) is decided there; this module only chooses the areas and shapes rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from portal import access
from portal.errors import UserError
from services.reporting.dashboard_query import DashboardQuery, readable_reports, viewer_key
from services.reporting.places import (
    Area,
    Column,
    Names,
    Place,
    place_of,
)
from services.reporting.recent import Recent
from services.reporting.registry import (
    CASEMIX_PREFIX,
    CHILDREN_EXCLUDED_INCOMPLETE,
    CHILDREN_INCLUDED,
    UNKNOWN_CATEGORY,
    AuditReport,
    MeasureSpec,
    Statistic,
)
from services.reporting.tables import percentage
from services.reporting.views import Figure, Snapshot, figures_for_areas, snapshot_for

SHOWN = "shown"
SUPPRESSED = "suppressed"
NONE_ELIGIBLE = "none_eligible"
NO_DATA = "no_data"
NOT_APPLICABLE = "not_applicable"


#: Recent reads of one organisation's figures, valid until its snapshot is recomputed.
_figures = Recent(size=256)


@dataclass(frozen=True)
class Cell:
    """One measure for one area as the viewer may see it, with why a number is missing."""

    area: Area | None
    status: str
    passed: int | None = None
    eligible: int | None = None
    n: int | None = None
    value: float | None = None

    @property
    def percentage(self) -> float | None:
        return percentage(self.passed, self.eligible) if self.status == SHOWN else None


def cell(spec: MeasureSpec, area: Area | None, figure: Figure | None) -> Cell:
    """Return what one table cell shows for this figure."""
    if area is None:
        return Cell(None, NOT_APPLICABLE)
    if figure is None:
        return Cell(area, NO_DATA)
    if figure.suppressed:
        return Cell(area, SUPPRESSED)
    if spec.statistic is Statistic.PROPORTION:
        if not figure.eligible:
            return Cell(area, NONE_ELIGIBLE, passed=0, eligible=0)
        return Cell(area, SHOWN, passed=figure.passed, eligible=figure.eligible)
    if figure.value is None or not figure.n:
        return Cell(area, NO_DATA)
    return Cell(area, SHOWN, n=figure.n, value=figure.value)


@dataclass(frozen=True)
class KpiRow:
    measure: MeasureSpec
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class KpiGroup:
    """A group of measures; sub-measures are listed only when asked for."""

    name: str
    rows: tuple[KpiRow, ...]
    sub_measures: int


@dataclass(frozen=True)
class CountRow:
    """A count for each column: children included, excluded, or in a case-mix category."""

    label: str
    counts: tuple[int | None, ...]


@dataclass(frozen=True)
class Breakdown:
    """One case-mix characteristic: children per category at the organisation and nationally."""

    name: str
    label: str
    rows: tuple[CountRow, ...]


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard shows for one organisation and cohort, except one measure's charts."""

    report: AuditReport
    query: DashboardQuery
    snapshot: Snapshot | None
    place: Place
    figures: Mapping[tuple[str, str, str], Figure]
    groups: tuple[KpiGroup, ...]
    completeness: tuple[CountRow, ...]
    casemix: tuple[Breakdown, ...]

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.place.columns


def _groups(report: AuditReport, columns: Sequence[Column], found, *, sub: bool):
    order: dict[str, list[KpiRow]] = {}
    hidden: dict[str, int] = {}
    for spec in report.measures:
        group = spec.group or report.title
        order.setdefault(group, [])
        hidden.setdefault(group, 0)
        if not spec.headline:
            hidden[group] += 1
            if not sub:
                continue
        cells = tuple(
            cell(spec, c.area, found.get((*c.area.key, spec.name)) if c.area else None)
            for c in columns
        )
        order[group].append(KpiRow(spec, cells))
    return tuple(KpiGroup(name, tuple(rows), hidden[name]) for name, rows in order.items())


def _count(found, column: Column, measure: str) -> int | None:
    if column.area is None:
        return None
    figure = found.get((*column.area.key, measure))
    if figure is None:
        return 0
    return None if figure.suppressed else figure.n


def _casemix(report: AuditReport, place: Place, found) -> tuple[Breakdown, ...]:
    own, national = place.columns[0], place.columns[-1]
    result = []
    for breakdown in report.breakdowns:
        categories = [*breakdown.categories.items(), (UNKNOWN_CATEGORY, breakdown.unknown_label)]
        rows = tuple(
            CountRow(
                label,
                tuple(
                    _count(found, column, f"{CASEMIX_PREFIX}{breakdown.name}.{code}")
                    for column in (own, national)
                ),
            )
            for code, label in categories
        )
        result.append(Breakdown(breakdown.name, breakdown.label, rows))
    return tuple(result)


def build_dashboard(*, session: Session, user, query: DashboardQuery, today: dt.date) -> Dashboard:
    """Return the dashboard for ``query`` as ``user`` may see it; refused if out of scope."""
    report = next((r for r in readable_reports(user) if r.audit == query.audit), None)
    if report is None:
        raise access.AccessDenied()
    snapshot = snapshot_for(session, report=report, cohort=query.cohort, user=user)
    as_of = snapshot.as_of if snapshot else today
    place = place_of(
        session=session,
        user=user,
        ods_code=query.organisation,
        as_of=as_of,
        names=Names(session, as_of),
    )
    if place is None:
        raise UserError(f"There is no organisation with the ODS code “{query.organisation}”.")
    found = {}
    if snapshot is not None:
        areas = [c.area.key for c in place.columns if c.area]
        key = (snapshot.id, snapshot.computed_at, viewer_key(session, user), tuple(areas))
        found = _figures.get(
            key,
            lambda: {
                (f.level, f.area_code, f.measure): f
                for f in figures_for_areas(session, user=user, snapshot=snapshot, areas=areas)
            },
        )
    completeness = tuple(
        CountRow(label, tuple(_count(found, column, measure) for column in place.columns))
        for label, measure in (
            ("Children included", CHILDREN_INCLUDED),
            ("Children excluded as incomplete", CHILDREN_EXCLUDED_INCOMPLETE),
        )
    )
    return Dashboard(
        report=report,
        query=query,
        snapshot=snapshot,
        place=place,
        figures=found,
        groups=_groups(report, place.columns, found, sub=query.sub),
        completeness=completeness,
        casemix=_casemix(report, place, found),
    )
