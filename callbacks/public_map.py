"""Draw the public boundary map and its table for the chosen level; open to everyone.

Only published reference data goes out: area names, codes and organisation counts, and each
organisation's name, ODS code and location.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import plotly.graph_objects as go
from dash import Input, Output, html
from dash.exceptions import PreventUpdate

from domain.names import display_name, short_icb_name
from models.geography import IntegratedCareBoard
from portal.db import get_session
from portal.gate import callback
from portal.maps import (
    ENGLAND_AND_WALES,
    Bounds,
    MapArea,
    MapPoint,
    area_trace,
    offline_map,
    point_trace,
)
from services.maps import LEVELS_BY_KEY, AreaCount, Level, area_counts, level_bounds, site_points

MAP_SIZE = (880, 640)
#: The part of the figure left for the map once the colour bar has taken its share.
_MAP_AREA = (MAP_SIZE[0] - 150, MAP_SIZE[1])


@dataclass(frozen=True)
class MapView:
    figure: go.Figure
    table: list
    summary: str


def area_name(level: Level, name: str) -> str:
    """Return an area's name as the map and table show it (ICBs without the "NHS … ICB" wrapper)."""
    return short_icb_name(name) if level.model is IntegratedCareBoard else display_name(name)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _footer(level: Level, areas: list[AreaCount], sites: int) -> list:
    counted = sum(a.organisations for a in areas)
    noun = level.area_noun if level.area_noun.isupper() else level.area_noun.lower()
    rows = []
    if sites > counted:
        rows.append(
            html.Tr(
                [
                    html.Th(f"Not in any {noun}", scope="row", colSpan=2),
                    html.Td(sites - counted, className="text-end"),
                ]
            )
        )
    rows.append(
        html.Tr(
            [
                html.Th("All organisations", scope="row", colSpan=2),
                html.Td(sites, className="text-end fw-bold"),
            ]
        )
    )
    return rows


def _table(level: Level, areas: list[AreaCount], sites: int) -> list:
    rows = [
        html.Tr(
            [
                html.Th(
                    [
                        area_name(level, area.name),
                        html.Span(" (no boundary drawn)", className="text-body-secondary")
                        if not area.has_boundary
                        else "",
                    ],
                    scope="row",
                    className="fw-normal",
                ),
                html.Td(html.Code(area.code, className="ods-code")),
                html.Td(area.organisations, className="text-end"),
            ]
        )
        for area in areas
    ]
    return [
        html.Caption(f"Organisations per {level.area_noun}", className="caption-top"),
        html.Thead(
            html.Tr(
                [
                    html.Th(level.area_noun, scope="col"),
                    html.Th("Code", scope="col"),
                    html.Th("Organisations", scope="col", className="text-end"),
                ]
            )
        ),
        html.Tbody(rows),
        html.Tfoot(_footer(level, areas, sites)),
    ]


def map_view(level: Level) -> MapView:
    """Build the figure, the table and a text summary of one level, from the database."""
    session = get_session()
    areas = area_counts(session=session, level=level)
    sites = site_points(session=session)
    frame = level_bounds(session=session, level=level) or ENGLAND_AND_WALES
    if level.national and sites:
        located = Bounds.union(Bounds.around(s.longitude, s.latitude, degrees=0.05) for s in sites)
        frame = Bounds.union([frame, located])
    most = max((a.organisations for a in areas), default=0)
    traces = [
        area_trace(
            geojson_url=f"/geojson/{level.key}.json",
            areas=[
                MapArea(
                    area.code,
                    area.organisations,
                    f"<b>{area_name(level, area.name)}</b> ({area.code})<br>"
                    f"{_plural(area.organisations, 'organisation')}",
                )
                for area in areas
                if area.has_boundary
            ],
            colour_title="Organisations",
            zmax=max(most, 1),
            name=level.label,
        ),
        point_trace(
            [
                MapPoint(s.latitude, s.longitude, f"<b>{display_name(s.name)}</b> ({s.ods_code})")
                for s in sites
            ],
            size=7,
            name="Organisation (hospital or community service)",
        ),
    ]
    figure = offline_map(
        traces, bounds=frame, width=_MAP_AREA[0], height=_MAP_AREA[1], revision=level.key
    )
    figure.update_layout(legend={"orientation": "h", "y": 0.01, "yanchor": "bottom"})
    figure.update_traces(
        colorbar_dtick=max(1, math.ceil(most / 6)), selector={"type": "choroplethmap"}
    )
    drawn = sum(1 for a in areas if a.has_boundary)
    summary = (
        f"Map of {_plural(drawn, 'area')}: {level.label.lower()}, shaded from pale to dark blue by "
        f"number of organisations (0 to {most}), with {_plural(len(sites), 'organisation')} shown as "
        "dark dots. The table gives the same figures."
    )
    return MapView(figure=figure, table=_table(level, areas, len(sites)), summary=summary)


@callback(
    Output("public-map-graph", "figure"),
    Output("public-map-table", "children"),
    Output("public-map-summary", "children"),
    Output("public-map-url", "search"),
    Input("public-map-level", "value"),
    prevent_initial_call=True,
    public=True,
)
def show_level(level_key):
    """Redraw the map and table for the level the visitor chose."""
    level = LEVELS_BY_KEY.get(level_key)
    if level is None:
        raise PreventUpdate
    view = map_view(level)
    return view.figure, view.table, view.summary, f"?level={level.key}"
