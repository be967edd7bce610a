"""What an audit tells the reporting engine: its measures, levels, cohorts and per-child rows.

Each audit domain declares one ``AuditReport`` as ``REPORT`` in a module under ``services/``;
the engine finds them by walking that package, so adding an audit never edits the engine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import Select

from domain.reporting.levels import Level
from portal.discovery import import_submodules


class Statistic(StrEnum):
    """How a measure summarises its children."""

    PROPORTION = "proportion"
    MEAN = "mean"
    MEDIAN = "median"


@dataclass(frozen=True)
class MeasureSpec:
    """One measure as reports show it."""

    name: str
    label: str
    statistic: Statistic = Statistic.PROPORTION
    headline: bool = True
    group: str = ""
    description: str = ""


@dataclass(frozen=True)
class Breakdown:
    """A case-mix characteristic counted per area (age band, sex…): column name and value labels."""

    name: str
    label: str
    categories: dict[str, str]
    unknown_label: str = "Not known"


@dataclass(frozen=True)
class AuditReport:
    """Everything the engine needs to aggregate and show one audit.

    ``units(cohort=, as_of=)`` returns a SELECT with one row per child in the cohort who is
    attributed to an organisation: an ``organisation_id`` column, a ``counted`` column (1 when the
    child counts for the audit, 0 when excluded as incomplete) and one column per measure, named
    after it, holding the child's score (0 fail, 1 pass, 2 ineligible, NULL incomplete) or value,
    and one column per breakdown holding the child's category as text (NULL when not known).
    """

    audit: str
    title: str
    levels: tuple[Level, ...]
    measures: tuple[MeasureSpec, ...]
    units: Callable[..., Select]
    cohorts: Callable[[dt.date], Sequence[int]]
    default_cohort: Callable[[dt.date], int]
    cohort_label: Callable[[int], str] = str
    breakdowns: tuple[Breakdown, ...] = ()
    capability_read: str = ""
    capability_publish: str = ""
    extra: dict = field(default_factory=dict)

    def measure(self, name: str) -> MeasureSpec:
        for spec in self.measures:
            if spec.name == name:
                return spec
        raise KeyError(f"{self.audit} has no measure {name!r}")


#: Pseudo-measures the engine stores for every area: children counted and excluded.
CHILDREN_INCLUDED = "children.included"
CHILDREN_EXCLUDED_INCOMPLETE = "children.excluded_incomplete"

#: Breakdown counts are stored as pseudo-measures named ``casemix.<breakdown>.<category>``.
CASEMIX_PREFIX = "casemix."
UNKNOWN_CATEGORY = "unknown"

_reports: dict[str, AuditReport] = {}


def reports() -> dict[str, AuditReport]:
    """Return every audit's report definition, keyed by audit name."""
    if not _reports:
        for module in import_submodules("services"):
            report = getattr(module, "REPORT", None)
            if isinstance(report, AuditReport):
                _reports[report.audit] = report
    return dict(_reports)


def get_report(audit: str) -> AuditReport:
    """Return the report definition of ``audit`` or raise ``KeyError`` naming the known audits."""
    known = reports()
    if audit not in known:
        raise KeyError(f"unknown audit {audit!r}; known: {', '.join(sorted(known)) or 'none'}")
    return known[audit]
