"""The figures of a snapshot as table rows: what the dashboard shows and the exports write."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.reporting.levels import Level
from models.reporting import ReportFigure, ReportSnapshot
from services.reporting.areas import area_names
from services.reporting.registry import CHILDREN_EXCLUDED_INCOMPLETE, CHILDREN_INCLUDED, AuditReport

EXPORT_COLUMNS = (
    "level",
    "area_code",
    "area_name",
    "measure",
    "measure_label",
    "passed",
    "eligible",
    "ineligible",
    "incomplete",
    "percentage",
    "n",
    "value",
    "suppressed",
)

_PSEUDO_LABELS = {
    CHILDREN_INCLUDED: "Children included",
    CHILDREN_EXCLUDED_INCOMPLETE: "Children excluded as incomplete",
}


@dataclass(frozen=True)
class TableRow:
    """One measure for one area, ready to show or write."""

    level: str
    area_code: str
    area_name: str
    measure: str
    measure_label: str
    passed: int | None
    eligible: int | None
    ineligible: int | None
    incomplete: int | None
    percentage: float | None
    n: int | None
    value: float | None
    suppressed: bool

    def as_dict(self) -> dict:
        return asdict(self)


def percentage(passed: int | None, eligible: int | None) -> float | None:
    """Return passed / eligible as a percentage to one decimal place, or None if not computable."""
    if passed is None or not eligible:
        return None
    return round(100.0 * passed / eligible, 1)


def level_table(
    session: Session, *, report: AuditReport, snapshot: ReportSnapshot, level: Level
) -> list[TableRow]:
    """Return every figure of ``snapshot`` at ``level``, named and in measure order."""
    names = area_names(session, level=level, as_of=snapshot.as_of)
    labels = {spec.name: spec.label for spec in report.measures} | _PSEUDO_LABELS
    order = {name: index for index, name in enumerate(labels)}
    figures = session.scalars(
        select(ReportFigure).where(
            ReportFigure.snapshot_id == snapshot.id, ReportFigure.level == level.value
        )
    ).all()
    rows = [
        TableRow(
            level=f.level,
            area_code=f.area_code,
            area_name=names.get(f.area_code, f.area_code),
            measure=f.measure,
            measure_label=labels.get(f.measure, f.measure),
            passed=f.passed,
            eligible=f.eligible,
            ineligible=f.ineligible,
            incomplete=f.incomplete,
            percentage=percentage(f.passed, f.eligible),
            n=f.n,
            value=f.value,
            suppressed=f.suppressed,
        )
        for f in figures
        if f.measure in labels
    ]
    return sorted(rows, key=lambda r: (r.area_name, order.get(r.measure, 999)))
