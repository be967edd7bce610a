"""Build the results map, its table and its words for one published measure and level."""

from __future__ import annotations

from dataclasses import dataclass

from dash import html
from sqlalchemy.orm import Session

from callbacks.results.formatting import counts, no_counts, number, published_on
from callbacks.results.map_figure import results_figure, scale_for, value_range
from domain.reporting.levels import Level
from geojson.layers import layer_version
from services.reporting.map_layers import boundaries, frame_for, layer_for
from services.reporting.public import (
    AreaResult,
    Status,
    level_results,
    organisation_results,
)
from services.reporting.registry import AuditReport, MeasureSpec, Statistic
from services.reporting.views import Snapshot

MAP_SIZE = (860, 640)
#: What the map leaves for the boundaries once the colour bar has taken its share.
_MAP_AREA = (MAP_SIZE[0] - 140, MAP_SIZE[1])
SORT_COLUMNS = {"name": "Area", "result": "Result", "children": "Children"}
DEFAULT_SORT = {"column": "name", "descending": False}

LEVEL_NOUNS = {
    Level.INTEGRATED_CARE_BOARD: ("integrated care board", "integrated care boards"),
    Level.NHS_ENGLAND_REGION: ("NHS England region", "NHS England regions"),
    Level.LOCAL_HEALTH_BOARD: ("local health board", "local health boards"),
    Level.COUNTRY: ("country", "countries"),
}


@dataclass(frozen=True)
class MapView:
    figure: dict
    areas: list[AreaResult]
    summary: str
    caption: str


def result_title(measure: MeasureSpec) -> str:
    """Return what the colour shows: "% passed" or the statistic's name."""
    if measure.statistic is Statistic.PROPORTION:
        return "% passed"
    return measure.statistic.value.capitalize()


def _plural(count: int, noun: str, nouns: str) -> str:
    return f"{count} {noun if count == 1 else nouns}"


def _summary(
    measure: MeasureSpec, level: Level, areas: list[AreaResult], organisations: int, when: str
) -> str:
    noun, nouns = LEVEL_NOUNS[level]
    by_status = {status: sum(a.result.status is status for a in areas) for status in Status}
    parts = [
        f"Map of {_plural(len(areas), noun, nouns)} for “{measure.label}” "
        f"({result_title(measure)}). {when}."
    ]
    span = value_range(areas)
    if span:
        parts.append(
            f"{_plural(by_status[Status.RESULT], 'area has', 'areas have')} a result, "
            f"from {span[0]} to {span[1]}, coloured from dark purple (low) to yellow (high)."
        )
    if by_status[Status.SUPPRESSED]:
        parts.append(
            f"{_plural(by_status[Status.SUPPRESSED], 'area is', 'areas are')} suppressed "
            "(grey with diagonal lines)."
        )
    empty = by_status[Status.NONE_ELIGIBLE] + by_status[Status.NO_DATA]
    if empty:
        parts.append(f"{_plural(empty, 'area has', 'areas have')} no result (white).")
    parts.append(
        f"{_plural(organisations, 'organisation is', 'organisations are')} shown as dots. "
        "The table beside the map gives the same figures."
    )
    return " ".join(parts)


#: Drawn maps of published snapshots, which never change: (snapshot, published, measure, level,
#: boundary layer version) → view. Bounded, so a long-running process does not grow.
_drawn: dict[tuple, MapView] = {}
_DRAWN_LIMIT = 64


def build_map(
    *,
    session: Session,
    report: AuditReport,
    snapshot: Snapshot,
    measure: MeasureSpec,
    level: Level,
) -> MapView:
    """Return the map of one published measure and level, drawn once per snapshot."""
    layer = layer_for(session=session, level=level, as_of=snapshot.as_of)
    key = (
        report.audit,
        snapshot.id,
        snapshot.published_at,
        measure.name,
        level.value,
        layer_version(session=session, layer=layer),
    )
    if key not in _drawn:
        if len(_drawn) >= _DRAWN_LIMIT:
            _drawn.pop(next(iter(_drawn)))
        _drawn[key] = _draw(
            session=session,
            report=report,
            snapshot=snapshot,
            measure=measure,
            level=level,
            layer=layer,
        )
    return _drawn[key]


def _draw(
    *,
    session: Session,
    report: AuditReport,
    snapshot: Snapshot,
    measure: MeasureSpec,
    level: Level,
    layer: str,
) -> MapView:
    areas = level_results(
        session=session, report=report, snapshot=snapshot, measure=measure, level=level
    )
    organisations = organisation_results(session=session, snapshot=snapshot, measure=measure)
    hidden = [a.code for a in areas if a.result.status is Status.SUPPRESSED]
    scale = scale_for(areas, measure.statistic is Statistic.PROPORTION, result_title(measure))
    figure = results_figure(
        layer_url=f"/geojson/{layer}.json",
        areas=areas,
        organisations=organisations,
        suppressed_geometries=boundaries(
            session=session, level=level, as_of=snapshot.as_of, codes=hidden
        ),
        scale=scale,
        frame=frame_for(session=session, level=level),
        size=_MAP_AREA,
        revision=f"{report.audit}-{level.value}",
    )
    noun = LEVEL_NOUNS[level][0]
    return MapView(
        figure=figure.to_plotly_json(),
        areas=areas,
        summary=_summary(measure, level, areas, len(organisations), published_on(snapshot)),
        caption=f"{measure.label}: {result_title(measure)} by {noun}, "
        f"{report.cohort_label(snapshot.cohort)}",
    )


def _sort_key(column: str):
    if column == "result":
        return lambda a: (a.result.shown is None, a.result.shown or 0, a.name.lower())
    if column == "children":
        return lambda a: (
            (a.result.eligible if a.result.is_proportion else a.result.n) is None,
            (a.result.eligible if a.result.is_proportion else a.result.n) or 0,
            a.name.lower(),
        )
    return lambda a: (a.name.lower(), a.code)


def sorted_areas(areas: list[AreaResult], sort: dict | None) -> list[AreaResult]:
    """Return the areas in the table's order; areas without a figure stay last either way."""
    sort = sort if isinstance(sort, dict) and sort.get("column") in SORT_COLUMNS else DEFAULT_SORT
    key = _sort_key(sort["column"])
    ordered = sorted(areas, key=key, reverse=bool(sort.get("descending")))
    if sort["column"] != "name":
        with_value = [a for a in ordered if key(a)[0] is False]
        ordered = with_value + [a for a in ordered if key(a)[0] is True]
    return ordered


def table_rows(areas: list[AreaResult]) -> list[html.Tr]:
    """Return one row per area: its name (a button opening its figures), result and counts."""
    return [
        html.Tr(
            [
                html.Th(
                    html.Button(
                        area.name,
                        id={
                            "type": "results-map-area",
                            "level": area.level.value,
                            "code": area.code,
                        },
                        type="button",
                        className="btn btn-link p-0 text-start area-button",
                        title=f"Show every figure for {area.name}",
                    ),
                    scope="row",
                    className="fw-normal",
                ),
                html.Td(number(area.result), className="text-end"),
                html.Td(counts(area.result) or no_counts(), className="text-end"),
            ],
            className=f"result-{area.result.status.value.replace(' ', '-')}",
        )
        for area in areas
    ]


def sort_states(sort: dict | None) -> list[str]:
    """Return each sortable column's aria-sort value."""
    sort = sort if isinstance(sort, dict) else DEFAULT_SORT
    return [
        ("descending" if sort.get("descending") else "ascending")
        if sort.get("column") == column
        else "none"
        for column in SORT_COLUMNS
    ]
