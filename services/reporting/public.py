"""What the public may read of audit results: the latest published, suppressed snapshot only.

Every function reads through ``services.reporting.views`` as an anonymous viewer (``PUBLIC``),
so a signed-in visitor on a public page sees exactly what the public sees, and nothing computed
from a working snapshot can reach these pages. None of them takes a user.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.names import short_icb_name
from domain.reporting.levels import Level
from models.geography import Organisation
from models.reporting import ReportSnapshot
from portal.config import get_settings
from services.reporting.areas import area_names
from services.reporting.geography import area_keys
from services.reporting.registry import CHILDREN_INCLUDED, AuditReport, MeasureSpec, Statistic
from services.reporting.views import (
    Figure,
    Snapshot,
    figures_for_areas,
    figures_for_measure,
    snapshot_for,
)

#: The viewer every public read is made as: nobody signed in.
PUBLIC = None

#: The levels the public map can colour, in the order it offers them.
MAP_LEVELS = (
    Level.INTEGRATED_CARE_BOARD,
    Level.NHS_ENGLAND_REGION,
    Level.LOCAL_HEALTH_BOARD,
    Level.COUNTRY,
)

#: An organisation's comparison columns, from itself up to England and Wales.
COMPARISON_LEVELS = (
    Level.ORGANISATION,
    Level.TRUST,
    Level.LOCAL_HEALTH_BOARD,
    Level.INTEGRATED_CARE_BOARD,
    Level.NHS_ENGLAND_REGION,
    Level.OPENUK_NETWORK,
    Level.COUNTRY,
    Level.NATIONAL,
)

#: The number of children counted, shown above the measures.
CHILDREN = MeasureSpec(CHILDREN_INCLUDED, "Children included in the results", group="Children")

PUBLIC_EXPORT_COLUMNS = (
    "cohort",
    "level",
    "area_code",
    "area_name",
    "measure",
    "measure_label",
    "passed",
    "eligible",
    "percentage",
    "n",
    "value",
    "status",
)


class Status(StrEnum):
    """What a published figure lets the public see."""

    RESULT = "result"
    SUPPRESSED = "suppressed"
    NONE_ELIGIBLE = "none eligible"
    NO_DATA = "no data"


@dataclass(frozen=True)
class Publication:
    """A cohort and its latest published snapshot, if it was ever published."""

    cohort: int
    label: str
    snapshot: Snapshot | None


@dataclass(frozen=True)
class Result:
    """One measure for one area as published: None marks a suppressed or absent value."""

    measure: MeasureSpec
    passed: int | None = None
    eligible: int | None = None
    n: int | None = None
    value: float | None = None
    suppressed: bool = False
    found: bool = True

    @property
    def is_count(self) -> bool:
        return self.measure.name == CHILDREN_INCLUDED

    @property
    def is_proportion(self) -> bool:
        return not self.is_count and self.measure.statistic is Statistic.PROPORTION

    @property
    def percentage(self) -> float | None:
        if not self.is_proportion or self.passed is None or not self.eligible:
            return None
        return 100.0 * self.passed / self.eligible

    @property
    def shown(self) -> float | None:
        """Return the number a map colours by: % passed, the statistic, or the count."""
        if self.is_proportion:
            return self.percentage
        if self.is_count:
            return None if self.n is None else float(self.n)
        return self.value if self.n else None

    @property
    def status(self) -> Status:
        if not self.found:
            return Status.NO_DATA
        if self.shown is not None:
            return Status.RESULT
        if self.suppressed:
            return Status.SUPPRESSED
        if self.is_proportion and self.eligible == 0:
            return Status.NONE_ELIGIBLE
        if not self.is_proportion and not self.is_count and self.n == 0:
            return Status.NONE_ELIGIBLE
        return Status.NO_DATA


@dataclass(frozen=True)
class AreaResult:
    """One area's published result for one measure."""

    level: Level
    code: str
    name: str
    result: Result


@dataclass(frozen=True)
class OrganisationResult:
    """An organisation with a location, and its published result for one measure."""

    ods_code: str
    name: str
    latitude: float
    longitude: float
    result: Result


@dataclass(frozen=True)
class Comparison:
    """An organisation beside the areas it belongs to: one column per area, one row per measure."""

    columns: tuple[AreaResult, ...]
    rows: tuple[tuple[MeasureSpec, tuple[Result, ...]], ...]


def published_snapshot(*, session: Session, report: AuditReport, cohort: int) -> Snapshot | None:
    """Return the cohort's latest published snapshot, whoever is asking."""
    return snapshot_for(session, report=report, cohort=cohort, user=PUBLIC)


def publications(*, session: Session, report: AuditReport, today: dt.date) -> list[Publication]:
    """Return every cohort of the audit with its latest publication, newest cohort first."""
    return [
        Publication(
            cohort,
            report.cohort_label(cohort),
            published_snapshot(session=session, report=report, cohort=cohort),
        )
        for cohort in sorted(report.cohorts(today), reverse=True)
    ]


def suppression_threshold(*, session: Session, snapshot: Snapshot) -> int:
    """Return the threshold a published snapshot was suppressed with (counts below it hidden)."""
    row = session.get(ReportSnapshot, snapshot.id)
    return row.suppression_threshold or get_settings().suppression_threshold


def newest_published_cohort(*, session: Session, report: AuditReport, today: dt.date) -> int | None:
    """Return the newest cohort that has been published, if any has."""
    for publication in publications(session=session, report=report, today=today):
        if publication.snapshot is not None:
            return publication.cohort
    return None


def shown_measures(report: AuditReport) -> tuple[MeasureSpec, ...]:
    """Return the audit's measures as tables show them: by group, headline ones first in each."""
    groups: dict[str, int] = {}
    for spec in report.measures:
        groups.setdefault(spec.group, len(groups))
    return tuple(sorted(report.measures, key=lambda spec: (groups[spec.group], not spec.headline)))


def measure_named(report: AuditReport, name: str | None) -> MeasureSpec | None:
    """Return the audit's measure called ``name``, or None if it has none by that name."""
    return next((spec for spec in report.measures if spec.name == name), None)


def _names(session: Session, *, level: Level, as_of: dt.date) -> dict[str, str]:
    """Return area names as the public pages show them (ICBs without "NHS … ICB")."""
    names = area_names(session, level=level, as_of=as_of)
    if level is Level.INTEGRATED_CARE_BOARD:
        return {code: short_icb_name(name) for code, name in names.items()}
    return names


def _result(spec: MeasureSpec, figure: Figure | None) -> Result:
    if figure is None:
        return Result(spec, found=False)
    return Result(spec, figure.passed, figure.eligible, figure.n, figure.value, figure.suppressed)


def _areas_with_organisations(session: Session, *, level: Level, as_of: dt.date) -> set[str]:
    keys = area_keys(as_of).subquery()
    return {code for code in session.scalars(select(keys.c[level.value]).distinct()) if code}


def level_results(
    *, session: Session, report: AuditReport, snapshot: Snapshot, measure: MeasureSpec, level: Level
) -> list[AreaResult]:
    """Return one measure for every area of ``level`` that has organisations, by name."""
    if level not in report.levels:
        return []
    names = _names(session, level=level, as_of=snapshot.as_of)
    figures = {
        f.area_code: f
        for f in figures_for_measure(
            session, user=PUBLIC, snapshot=snapshot, measure=measure.name, level=level
        )
    }
    codes = _areas_with_organisations(session, level=level, as_of=snapshot.as_of) & set(names)
    codes |= set(figures)
    rows = [
        AreaResult(level, code, names.get(code, code), _result(measure, figures.get(code)))
        for code in codes
    ]
    return sorted(rows, key=lambda row: (row.name.lower(), row.code))


def organisation_results(
    *, session: Session, snapshot: Snapshot, measure: MeasureSpec
) -> list[OrganisationResult]:
    """Return every located organisation that has a published figure for ``measure``."""
    figures = {
        f.area_code: f
        for f in figures_for_measure(
            session, user=PUBLIC, snapshot=snapshot, measure=measure.name, level=Level.ORGANISATION
        )
    }
    if not figures:
        return []
    names = area_names(session, level=Level.ORGANISATION, as_of=snapshot.as_of)
    located = session.execute(
        select(Organisation.ods_code, Organisation.latitude, Organisation.longitude)
        .where(
            Organisation.ods_code.in_(sorted(figures)),
            Organisation.latitude.is_not(None),
            Organisation.longitude.is_not(None),
        )
        .order_by(Organisation.ods_code)
    )
    return [
        OrganisationResult(code, names.get(code, code), lat, lon, _result(measure, figures[code]))
        for code, lat, lon in located
    ]


def area_figures(
    *, session: Session, report: AuditReport, snapshot: Snapshot, level: Level, code: str
) -> tuple[AreaResult, list[Result]] | None:
    """Return an area and every published measure for it (children included first)."""
    if level not in report.levels:
        return None
    name = _names(session, level=level, as_of=snapshot.as_of).get(code)
    if name is None:
        return None
    specs = (CHILDREN, *shown_measures(report))
    figures = {
        f.measure: f
        for f in figures_for_areas(
            session,
            user=PUBLIC,
            snapshot=snapshot,
            areas=[(level.value, code)],
            measures=[spec.name for spec in specs],
        )
    }
    results = [_result(spec, figures.get(spec.name)) for spec in specs]
    return AreaResult(level, code, name, results[0]), results


def _columns(
    session: Session, *, report: AuditReport, snapshot: Snapshot, ods_code: str
) -> list[tuple[Level, str, str]] | None:
    keys = area_keys(snapshot.as_of).subquery()
    row = session.execute(select(keys).where(keys.c[Level.ORGANISATION.value] == ods_code)).first()
    if row is None:
        return None
    row = row._mapping
    columns = []
    for level in COMPARISON_LEVELS:
        code = row[level.value]
        if level not in report.levels or code is None:
            continue
        name = _names(session, level=level, as_of=snapshot.as_of).get(code, code)
        columns.append((level, code, name))
    return columns


def comparison(
    *, session: Session, report: AuditReport, snapshot: Snapshot, ods_code: str
) -> Comparison | None:
    """Return the organisation beside its trust or board, ICB, region, network, country and
    England and Wales; None if no organisation has that code."""
    columns = _columns(session, report=report, snapshot=snapshot, ods_code=ods_code)
    if columns is None:
        return None
    specs = (CHILDREN, *shown_measures(report))
    figures = {
        (f.level, f.area_code, f.measure): f
        for f in figures_for_areas(
            session,
            user=PUBLIC,
            snapshot=snapshot,
            areas=[(level.value, code) for level, code, _name in columns],
            measures=[spec.name for spec in specs],
        )
    }

    def result(spec: MeasureSpec, level: Level, code: str) -> Result:
        return _result(spec, figures.get((level.value, code, spec.name)))

    heads = tuple(
        AreaResult(level, code, name, result(CHILDREN, level, code))
        for level, code, name in columns
    )
    rows = tuple(
        (spec, tuple(result(spec, level, code) for level, code, _name in columns))
        for spec in specs[1:]
    )
    return Comparison(heads, rows)


def published_organisations(*, session: Session, snapshot: Snapshot) -> list[tuple[str, str]]:
    """Return (ODS code, name) of every organisation with published figures, by name."""
    codes = {
        f.area_code
        for f in figures_for_measure(
            session,
            user=PUBLIC,
            snapshot=snapshot,
            measure=CHILDREN_INCLUDED,
            level=Level.ORGANISATION,
        )
    }
    names = area_names(session, level=Level.ORGANISATION, as_of=snapshot.as_of)
    return sorted(((c, names.get(c, c)) for c in codes), key=lambda item: item[1].lower())


def export_row(*, cohort: int, area: AreaResult, result: Result) -> dict:
    """Return one published figure as a row of ``PUBLIC_EXPORT_COLUMNS``."""
    percentage = result.percentage
    return {
        "cohort": cohort,
        "level": area.level.value,
        "area_code": area.code,
        "area_name": area.name,
        "measure": result.measure.name,
        "measure_label": result.measure.label,
        "passed": result.passed,
        "eligible": result.eligible,
        "percentage": None if percentage is None else round(percentage, 1),
        "n": result.n,
        "value": result.value if result.n else None,
        "status": result.status.value,
        "suppressed": result.status is Status.SUPPRESSED,
    }


def levels_offered(report: AuditReport, levels: Sequence[Level] = MAP_LEVELS) -> list[Level]:
    """Return the map levels this audit reports at."""
    return [level for level in levels if level in report.levels]
