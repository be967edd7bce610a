"""One organisation: where it sits in the NHS hierarchy, its sister sites and a small map."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_login import current_user

from domain.names import display_name, short_icb_name
from portal.db import get_session
from portal.maps import Bounds, MapArea, MapPoint, area_trace, offline_map, point_trace
from services.maps import area_counts, level_for
from services.organisations import Area, OrganisationDetail, organisation_detail


def _title(ods_code: str | None = None, **_kwargs) -> str:
    return f"Organisation {ods_code}" if ods_code else "Organisation"


dash.register_page(
    __name__,
    path_template="/organisations/<ods_code>",
    title=_title,
    capability="directory.read",
    description="An organisation's trust or health board, ICB, region, network and sister sites.",
)

MAP_SIZE = (440, 360)
FOCUS_COLOURS = [[0.0, "#ffffff"], [1.0, "#8fbce6"]]


def _directory_link(label: str, **filters: str) -> dcc.Link:
    return dcc.Link(label, href=f"/organisations?{urlencode(filters)}")


def _named(area: Area, show=display_name) -> str:
    return f"{show(area.name)} ({area.code})"


def _entry(term: str, *definition) -> list:
    return [
        html.Dt(term, className="col-sm-4"),
        html.Dd(list(definition), className="col-sm-8"),
    ]


def _absent(detail: OrganisationDetail) -> html.Span:
    if detail.country and detail.country.code.startswith("W"):
        reason = "Not applicable: Welsh services belong to a local health board"
    elif detail.country and not detail.country.code.startswith("E"):
        reason = "Not applicable: outside the NHS in England"
    else:
        reason = "None recorded"
    return html.Span(reason, className="text-body-secondary")


def _icb_entries(detail: OrganisationDetail) -> list:
    if not detail.icbs:
        return _entry("Integrated care board", _absent(detail))
    items = []
    for icb in detail.icbs:
        period = (
            f"from {icb.valid_from:%B %Y}"
            if icb.valid_to is None and icb.valid_from
            else f"{icb.valid_from:%B %Y} to {icb.valid_to - dt.timedelta(days=1):%B %Y}"
            if icb.valid_from and icb.valid_to
            else ""
        )
        label = _named(Area(icb.code, icb.name), short_icb_name)
        name = _directory_link(label, icb=icb.code) if icb.current else label
        items.append(html.Li([name, html.Span(f", {period}" if period else "")]))
    return _entry("Integrated care board", html.Ul(items, className="list-unstyled mb-0"))


def _hierarchy(detail: OrganisationDetail) -> html.Dl:
    entries = _entry("ODS code", html.Code(detail.ods_code, className="ods-code"))
    address = [*map(display_name, detail.address), detail.postcode or ""]
    entries += _entry(
        "Address",
        html.Address(
            [line for part in address if part for line in (part, html.Br())][:-1], className="mb-0"
        ),
    )
    if detail.trust:
        entries += _entry("Trust", _directory_link(_named(detail.trust), trust=detail.trust.code))
    if detail.local_health_board:
        board = detail.local_health_board
        entries += _entry("Local health board", _directory_link(_named(board), lhb=board.code))
    entries += _icb_entries(detail)
    region = detail.region
    entries += _entry(
        "NHS England region",
        _directory_link(_named(region), region=region.code) if region else _absent(detail),
    )
    if detail.london_borough:
        entries += _entry("London borough", _named(detail.london_borough))
    network = detail.network
    entries += _entry(
        "OPEN UK network",
        _directory_link(_named(network), network=network.code) if network else "None recorded",
    )
    unit = detail.diabetes_unit
    if unit:
        network_text = (
            f", {display_name(detail.diabetes_network.name)} network ({detail.diabetes_network.code})"
            if detail.diabetes_network
            else ""
        )
        entries += _entry("Paediatric diabetes unit", f"{unit}{network_text}")
    else:
        entries += _entry(
            "Paediatric diabetes unit", html.Span("None recorded", className="text-body-secondary")
        )
    country = detail.country
    entries += _entry(
        "Country",
        _directory_link(display_name(country.name), country=country.code)
        if country
        else "None recorded",
    )
    if detail.notes:
        entries += _entry("Data note", detail.notes)
    return html.Dl(entries, className="row hierarchy")


def _siblings(detail: OrganisationDetail) -> html.Section:
    parent = detail.trust or detail.local_health_board
    kind = "trust" if detail.trust else "health board"
    if parent is None:
        return html.Section()
    if detail.siblings:
        content = html.Ul(
            [
                html.Li(
                    [
                        dcc.Link(display_name(site.name), href=f"/organisations/{site.code}"),
                        f" ({site.code})",
                    ]
                )
                for site in detail.siblings
            ],
            className="sibling-list",
        )
    else:
        content = html.P(f"This is the only site of this {kind} in the directory.")
    return html.Section(
        [
            html.H2(f"Other sites of the same {kind}", id="siblings-heading", className="h4"),
            content,
        ],
        className="mt-4",
        **{"aria-labelledby": "siblings-heading"},
    )


def _map(detail: OrganisationDetail) -> html.Figure:
    focus = detail.map_focus
    if focus is None:
        return html.Figure(
            html.Figcaption(
                "No boundary map: this organisation is outside the NHS boundaries the portal holds.",
                className="text-body-secondary",
            ),
            className="organisation-map mb-0",
        )
    areas = area_counts(session=get_session(), level=level_for(focus.layer))
    traces = [
        area_trace(
            geojson_url=f"/geojson/{focus.layer}.json",
            areas=[
                MapArea(area.code, 1 if area.code == focus.code else 0, display_name(area.name))
                for area in areas
            ],
            colorscale=FOCUS_COLOURS,
            name="Boundary",
        )
    ]
    if detail.latitude is not None and detail.longitude is not None:
        point = MapPoint(
            detail.latitude, detail.longitude, f"{display_name(detail.name)} ({detail.ods_code})"
        )
        traces.append(point_trace([point], size=14, name=display_name(detail.name)))
    pad_x = (focus.bounds.east - focus.bounds.west) * 0.1
    pad_y = (focus.bounds.north - focus.bounds.south) * 0.1
    view = Bounds(
        focus.bounds.west - pad_x,
        focus.bounds.south - pad_y,
        focus.bounds.east + pad_x,
        focus.bounds.north + pad_y,
    )
    figure = offline_map(traces, bounds=view, width=MAP_SIZE[0], height=MAP_SIZE[1])
    figure.update_layout(showlegend=False)
    area_name = (
        short_icb_name(focus.name) if focus.layer.startswith("icb") else display_name(focus.name)
    )
    return html.Figure(
        [
            dcc.Graph(
                id="organisation-map",
                figure=figure,
                config={
                    "displaylogo": False,
                    "scrollZoom": False,
                    "modeBarButtonsToRemove": ["toImage"],
                },
                style={"height": f"{MAP_SIZE[1]}px"},
            ),
            html.Figcaption(
                f"The dark dot marks {display_name(detail.name)}; the shaded area is {area_name}.",
                className="small mt-2",
            ),
        ],
        className="organisation-map mb-0",
    )


def _parent_line(detail: OrganisationDetail) -> str:
    parent = detail.trust or detail.local_health_board
    return f"Part of {display_name(parent.name)}" if parent else f"ODS code {detail.ods_code}"


def layout(ods_code: str | None = None, **_query) -> html.Div:
    """Lay out one organisation's page, or say plainly that the code is unknown."""
    detail = organisation_detail(session=get_session(), user=current_user, ods_code=ods_code or "")
    if detail is None:
        return html.Div(
            [
                html.H1("Organisation not found"),
                html.P(
                    [
                        f"No organisation has the ODS code “{ods_code}”. ",
                        dcc.Link("Search the organisations directory", href="/organisations"),
                        ".",
                    ]
                ),
            ]
        )
    inactive = (
        [
            dbc.Alert(
                "This organisation is no longer in the reference data (closed or merged).",
                color="warning",
            )
        ]
        if not detail.active
        else []
    )
    return html.Div(
        [
            dcc.Link("← All organisations", href="/organisations", className="d-inline-block mb-2"),
            html.H1(display_name(detail.name)),
            html.P(_parent_line(detail), className="lead"),
            *inactive,
            dbc.Row(
                [
                    dbc.Col(
                        [
                            html.H2("Place in the NHS", className="h4"),
                            _hierarchy(detail),
                            _siblings(detail),
                        ],
                        lg=7,
                    ),
                    dbc.Col(
                        dbc.Card(dbc.CardBody([html.H2("Location", className="h4"), _map(detail)])),
                        lg=5,
                    ),
                ]
            ),
        ]
    )
