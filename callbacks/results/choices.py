"""Read the audit, cohort, measure, level and area a visitor asked for, from a URL or a control.

Anything unknown or unpublished is replaced by a sensible published choice and explained in a
problem message; no choice can select anything but a published snapshot.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from domain.reporting.levels import Level
from services.reporting.public import (
    levels_offered,
    measure_named,
    newest_published_cohort,
    published_snapshot,
    shown_measures,
)
from services.reporting.registry import AuditReport, MeasureSpec, get_report, reports
from services.reporting.views import Snapshot


@dataclass(frozen=True)
class Choice:
    """A published view: which audit, cohort and snapshot, and what was refused on the way."""

    report: AuditReport
    cohort: int | None
    snapshot: Snapshot | None
    problems: list[str] = field(default_factory=list)


def report_for(audit: str | None) -> AuditReport | None:
    """Return the audit named ``audit``, or None if there is none by that name."""
    try:
        return get_report(audit or "")
    except KeyError:
        return None


def audits() -> list[AuditReport]:
    """Return every audit, by title."""
    return sorted(reports().values(), key=lambda report: report.title)


def as_cohort(value) -> int | None:
    """Return ``value`` as a cohort number, or None if it is not a whole number."""
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def choose_cohort(
    *, session: Session, report: AuditReport, requested, today: dt.date | None = None
) -> Choice:
    """Return the requested cohort if it has been published, else the newest published one."""
    today = today or dt.date.today()
    problems = []
    cohort = as_cohort(requested)
    if requested not in (None, "") and cohort is None:
        problems.append(f"“{str(requested)[:20]}” is not a cohort number.")
    elif cohort is not None and cohort not in report.cohorts(today):
        problems.append(f"{report.title} has no cohort {cohort}.")
        cohort = None
    if cohort is not None:
        snapshot = published_snapshot(session=session, report=report, cohort=cohort)
        if snapshot is not None:
            return Choice(report, cohort, snapshot, problems)
        problems.append(f"{report.title} {report.cohort_label(cohort)} has not been published yet.")
    newest = newest_published_cohort(session=session, report=report, today=today)
    if newest is None:
        return Choice(report, None, None, problems)
    snapshot = published_snapshot(session=session, report=report, cohort=newest)
    return Choice(report, newest, snapshot, problems)


def choose_measure(report: AuditReport, requested: str | None, problems: list[str]) -> MeasureSpec:
    """Return the requested measure, or the audit's first headline measure."""
    spec = measure_named(report, requested)
    if spec is None:
        if requested:
            problems.append(f"{report.title} has no published measure called “{requested[:60]}”.")
        spec = shown_measures(report)[0]
    return spec


def choose_level(report: AuditReport, requested: str | None, problems: list[str]) -> Level:
    """Return the requested map level, or the first one the audit reports at."""
    offered = levels_offered(report)
    chosen = next((level for level in offered if level.value == requested), None)
    if chosen is None:
        if requested:
            problems.append(f"The {report.title} map cannot show “{requested[:40]}”.")
        chosen = offered[0]
    return chosen


def parse_area(report: AuditReport, requested: str | None) -> tuple[Level, str] | None:
    """Return (level, code) from "level:code" if the audit reports at that level."""
    if not requested or ":" not in requested:
        return None
    level_name, _, code = requested.partition(":")
    level = next((lv for lv in report.levels if lv.value == level_name), None)
    if level is None or not code or len(code) > 16:
        return None
    return level, code
