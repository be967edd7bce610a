"""The dashboard's tables as rows for CSV and Excel: exactly the figures each table shows."""

from __future__ import annotations

from collections.abc import Callable

from callbacks.reports.formatting import STATUS_TEXT, cell_text
from services.reporting.comparison import Comparison
from services.reporting.dashboard import SHOWN, Cell, Dashboard
from services.reporting.registry import MeasureSpec

FIGURE_COLUMNS = ("result", "passed", "eligible", "percentage", "n", "value", "status")


def _figure(spec: MeasureSpec, item: Cell) -> dict:
    shown = item.status == SHOWN
    return {
        "result": cell_text(spec, item),
        "passed": item.passed if shown else None,
        "eligible": item.eligible if shown else None,
        "percentage": item.percentage if shown else None,
        "n": item.n if shown else None,
        "value": None if not shown or item.value is None else round(item.value, 2),
        "status": "shown" if shown else STATUS_TEXT[item.status].lower(),
    }


def _area(item: Cell) -> dict:
    if item.area is None:
        return {"area_level": None, "area_code": None, "area_name": None}
    return {"area_level": item.area.level, "area_code": item.area.code, "area_name": item.area.name}


def kpi(dashboard: Dashboard, _comparison) -> tuple:
    columns = (
        "group",
        "measure",
        "measure_label",
        "column",
        "area_level",
        "area_code",
        "area_name",
        *FIGURE_COLUMNS,
    )
    rows = [
        {
            "group": group.name,
            "measure": row.measure.name,
            "measure_label": row.measure.label,
            "column": column.label,
            **_area(item),
            **_figure(row.measure, item),
        }
        for group in dashboard.groups
        for row in group.rows
        for column, item in zip(dashboard.columns, row.cells, strict=True)
    ]
    return columns, rows


def completeness(dashboard: Dashboard, _comparison) -> tuple:
    included, excluded = dashboard.completeness
    rows = []
    for column, counted, left_out in zip(
        dashboard.columns, included.counts, excluded.counts, strict=True
    ):
        rows.append(
            {
                "column": column.label,
                "area_code": column.area.code if column.area else None,
                "area_name": column.area.name if column.area else column.absent,
                "children_included": counted,
                "children_excluded_incomplete": left_out,
            }
        )
    return (
        "column",
        "area_code",
        "area_name",
        "children_included",
        "children_excluded_incomplete",
    ), rows


def casemix(dashboard: Dashboard, _comparison) -> tuple:
    rows = [
        {
            "characteristic": breakdown.label,
            "category": row.label,
            "organisation_children": row.counts[0],
            "england_and_wales_children": row.counts[1],
        }
        for breakdown in dashboard.casemix
        for row in breakdown.rows
        if any(row.counts)
    ]
    return (
        "characteristic",
        "category",
        "organisation_children",
        "england_and_wales_children",
    ), rows


def _organisation_rows(spec: MeasureSpec, cells) -> tuple:
    columns = ("area_code", "area_name", *FIGURE_COLUMNS)
    rows = [{"area_code": c.area.code, "area_name": c.area.name, **_figure(spec, c)} for c in cells]
    return columns, rows


def bars(_dashboard, comparison: Comparison | None) -> tuple:
    if comparison is None:
        return _organisation_rows(None, ())
    return _organisation_rows(comparison.measure, comparison.bars.cells)


def funnel(_dashboard, comparison: Comparison | None) -> tuple:
    if comparison is None or comparison.funnel is None:
        return _organisation_rows(None, ())
    points = sorted(comparison.funnel.points, key=lambda p: p.area.name)
    return _organisation_rows(comparison.measure, points)


def trend(_dashboard, comparison: Comparison | None) -> tuple:
    columns = ("cohort", "area_code", "area_name", *FIGURE_COLUMNS)
    if comparison is None:
        return columns, []
    spec = comparison.measure
    rows = [
        {"cohort": point.label, **_area(item), **_figure(spec, item)}
        for point in comparison.trend
        for item in (point.organisation, point.national)
    ]
    return columns, rows


#: Every table the dashboard shows, by the name its download buttons use.
TABLES: dict[str, tuple[str, Callable]] = {
    "kpi": ("Key performance indicators", kpi),
    "completeness": ("Completeness", completeness),
    "casemix": ("Case mix", casemix),
    "bars": ("Sibling organisations", bars),
    "funnel": ("Funnel plot", funnel),
    "trend": ("Trend", trend),
}
