"""One measure compared: across sibling organisations, on a funnel plot, and across cohorts.

Figures come from ``services.reporting.views``, so other trusts' organisations arrive with
disclosure control applied: a suppressed organisation is counted, named, and not plotted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.reporting.funnel import LEVELS, Limits, control_limits, funnel
from domain.reporting.levels import NATIONAL_AREA, Level
from models.reporting import ReportSnapshot
from services.reporting.dashboard import SHOWN, SUPPRESSED, Cell, Dashboard, cell
from services.reporting.dashboard_query import viewer_key
from services.reporting.organisation_figures import organisation_figures
from services.reporting.places import Names
from services.reporting.recent import Recent
from services.reporting.registry import MeasureSpec, Statistic
from services.reporting.views import figures_for_areas, snapshot_for

ABOVE_998 = "above the 99.8% upper limit"
ABOVE_95 = "above the 95% upper limit"
WITHIN = "within the 95% limits"
BELOW_95 = "below the 95% lower limit"
BELOW_998 = "below the 99.8% lower limit"


@dataclass(frozen=True)
class Bars:
    """The measure for every sibling organisation, best first, those without a number last."""

    area_name: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Funnel:
    """Every organisation with a shown proportion against control limits around the national rate."""

    national_rate: float | None
    points: tuple[Cell, ...]
    not_plotted: int
    limits: dict[str, list[Limits]]
    position: str | None


@dataclass(frozen=True)
class TrendPoint:
    cohort: int
    label: str
    organisation: Cell
    national: Cell


@dataclass(frozen=True)
class Comparison:
    measure: MeasureSpec
    national: Cell
    bars: Bars
    funnel: Funnel | None
    trend: tuple[TrendPoint, ...]


def position(rate: float, passed: int, eligible: int) -> str:
    """Say where a proportion falls against the funnel's limits for its denominator."""
    observed = passed / eligible
    outer = control_limits(rate, eligible, LEVELS["99.8%"])
    inner = control_limits(rate, eligible, LEVELS["95%"])
    if observed > outer.upper:
        return ABOVE_998
    if observed > inner.upper:
        return ABOVE_95
    if observed < outer.lower:
        return BELOW_998
    if observed < inner.lower:
        return BELOW_95
    return WITHIN


def _sort_key(item: Cell):
    number = item.percentage if item.percentage is not None else item.value
    return (number is None, -(number or 0.0), item.area.name)


@lru_cache(maxsize=512)
def _limits(rate: float, biggest: int) -> dict[str, list[Limits]]:
    """The funnel's limit lines, the same for every viewer of a measure's national rate."""
    return {name: funnel(rate, biggest, coverage) for name, coverage in LEVELS.items()}


def _funnel(dashboard: Dashboard, cells: list[Cell], national: Cell) -> Funnel:
    rate = national.passed / national.eligible if national.status == SHOWN else None
    points = tuple(c for c in cells if c.status == SHOWN)
    not_plotted = sum(1 for c in cells if c.status == SUPPRESSED)
    own = next((c for c in points if c.area.code == dashboard.query.organisation), None)
    limits = {}
    if rate is not None and points:
        limits = _limits(rate, max(c.eligible for c in points))
    where = position(rate, own.passed, own.eligible) if rate is not None and own else None
    return Funnel(rate, points, not_plotted, limits, where)


#: Recent reads of an organisation's trend, valid until a cohort is recomputed.
_trends = Recent(size=256)


def compare(*, session: Session, user, dashboard: Dashboard, today: dt.date) -> Comparison | None:
    """Return the chosen measure across siblings, all organisations and cohorts."""
    report, query, snapshot = dashboard.report, dashboard.query, dashboard.snapshot
    spec = report.measure(query.measure)
    if snapshot is None:
        return None
    names = Names(session, snapshot.as_of)
    figures = organisation_figures(
        session=session, user=user, report=report, snapshot=snapshot, measure=spec.name
    )
    cells = [cell(spec, names.area(f.level, f.area_code), f) for f in figures]
    by_code = {c.area.code: c for c in cells}
    siblings = [
        by_code.get(code) or cell(spec, names.area(Level.ORGANISATION.value, code), None)
        for code in dashboard.place.sibling_codes
        if code in by_code or code == query.organisation
    ]
    national_area = dashboard.place.columns[-1].area
    national = cell(spec, national_area, dashboard.figures.get((*national_area.key, spec.name)))
    funnel_plot = (
        _funnel(dashboard, cells, national) if spec.statistic is Statistic.PROPORTION else None
    )
    return Comparison(
        measure=spec,
        national=national,
        bars=Bars(dashboard.place.sibling_area.name, tuple(sorted(siblings, key=_sort_key))),
        funnel=funnel_plot,
        trend=_trend(session, user, dashboard, spec, today),
    )


def _versions(session: Session, audit: str) -> tuple:
    """Each cohort's working snapshot and when it was computed: what a trend is valid for."""
    return tuple(
        session.execute(
            select(ReportSnapshot.cohort, ReportSnapshot.id, ReportSnapshot.computed_at)
            .where(ReportSnapshot.audit == audit, ReportSnapshot.kind == "working")
            .order_by(ReportSnapshot.cohort)
        ).all()
    )


def _every_cohort(session, user, report, areas, today) -> dict[int, dict]:
    """Every measure of the given areas in every cohort with figures, as the viewer may see them."""
    found = {}
    for cohort in report.cohorts(today):
        snapshot = snapshot_for(session, report=report, cohort=cohort, user=user)
        if snapshot is not None:
            figures = figures_for_areas(session, user=user, snapshot=snapshot, areas=areas)
            found[cohort] = {(f.level, f.area_code, f.measure): f for f in figures}
    return found


def _trend(session, user, dashboard: Dashboard, spec: MeasureSpec, today: dt.date):
    report = dashboard.report
    own, national = dashboard.place.columns[0].area, dashboard.place.columns[-1].area
    areas = [own.key, (Level.NATIONAL.value, NATIONAL_AREA)]
    key = (report.audit, _versions(session, report.audit), viewer_key(session, user), own.code)
    by_cohort = _trends.get(key, lambda: _every_cohort(session, user, report, areas, today))
    return tuple(
        TrendPoint(
            cohort,
            report.cohort_label(cohort),
            cell(spec, own, found.get((*own.key, spec.name))),
            cell(spec, national, found.get((*national.key, spec.name))),
        )
        for cohort, found in sorted(by_cohort.items())
    )
