"""Run the public results map: redraw for a measure, level or cohort, sort the table, open an
area's figures, keep the view in the URL and download the tables. Open to everyone; every read
goes through ``services.reporting.public``, which sees published snapshots only."""

from __future__ import annotations

from urllib.parse import urlencode

from dash import ALL, Input, Output, Patch, State, ctx, no_update
from dash.exceptions import PreventUpdate

from callbacks.results.area_panel import export_rows, panel, read_area
from callbacks.results.choices import (
    choose_cohort,
    choose_level,
    choose_measure,
    parse_area,
    report_for,
)
from callbacks.results.downloads import send_table
from callbacks.results.map_view import (
    DEFAULT_SORT,
    SORT_COLUMNS,
    build_map,
    sort_states,
    sorted_areas,
    table_rows,
)
from portal.db import get_session
from portal.gate import callback
from services.reporting.public import export_row

_SORT_BUTTONS = [f"results-map-sort-{column}" for column in SORT_COLUMNS]


def _next_sort(current: dict | None, trigger: str | None) -> dict:
    current = current if isinstance(current, dict) else DEFAULT_SORT
    if not trigger or not trigger.startswith("results-map-sort-"):
        return current
    column = trigger.removeprefix("results-map-sort-")
    if column == current.get("column"):
        return {"column": column, "descending": not current.get("descending")}
    return {"column": column, "descending": column != "name"}


def _view(audit, cohort, measure, level):
    """Return what the controls ask for, every part checked, or raise PreventUpdate."""
    report = report_for(audit)
    if report is None:
        raise PreventUpdate
    session = get_session()
    choice = choose_cohort(session=session, report=report, requested=cohort)
    if choice.snapshot is None:
        raise PreventUpdate
    spec = choose_measure(report, measure, [])
    chosen_level = choose_level(report, level, [])
    return session, report, choice.snapshot, spec, chosen_level


@callback(
    Output("results-map-graph", "figure"),
    Output("results-map-rows", "children"),
    Output("results-map-caption", "children"),
    Output("results-map-summary", "children"),
    Output("results-map-sort", "data"),
    *[Output(f"results-map-th-{column}", "aria-sort") for column in SORT_COLUMNS],
    Input("results-map-measure", "value"),
    Input("results-map-level", "value"),
    Input("results-map-cohort", "value"),
    *[Input(button, "n_clicks") for button in _SORT_BUTTONS],
    State("results-map-sort", "data"),
    State("results-map-audit", "data"),
    prevent_initial_call=True,
    public=True,
)
def draw_results_map(measure, level, cohort, *rest):
    """Redraw the map and table for the chosen measure, level and cohort, or re-sort the table."""
    *_clicks, sort, audit = rest
    trigger = ctx.triggered_id
    session, report, snapshot, spec, chosen_level = _view(audit, cohort, measure, level)
    sort = _next_sort(sort, trigger)
    view = build_map(
        session=session, report=report, snapshot=snapshot, measure=spec, level=chosen_level
    )
    if trigger in _SORT_BUTTONS:
        figure = no_update
    elif trigger == "results-map-measure":
        figure = Patch()
        figure["data"] = view.figure["data"]
    else:
        figure = view.figure
    return (
        figure,
        table_rows(sorted_areas(view.areas, sort)),
        view.caption,
        view.summary,
        sort,
        *sort_states(sort),
    )


@callback(
    Output("results-map-area", "data"),
    Input("results-map-graph", "clickData"),
    Input({"type": "results-map-area", "level": ALL, "code": ALL}, "n_clicks"),
    prevent_initial_call=True,
    public=True,
)
def choose_area(click, _buttons):
    """Remember the area or organisation the visitor picked on the map or in the table."""
    trigger = ctx.triggered_id
    if isinstance(trigger, dict):
        if not ctx.triggered or not ctx.triggered[0].get("value"):
            raise PreventUpdate
        return {"level": trigger.get("level"), "code": trigger.get("code")}
    points = (click or {}).get("points") or []
    data = points[0].get("customdata") if points else None
    if not isinstance(data, list) or len(data) < 2:
        raise PreventUpdate
    return {"level": str(data[0]), "code": str(data[1])}


def _area_key(report, area) -> tuple | None:
    if not isinstance(area, dict):
        return None
    return parse_area(report, f"{area.get('level')}:{area.get('code')}")


@callback(
    Output("results-area-panel", "children"),
    Output("results-area-download-csv", "disabled"),
    Output("results-area-download-xlsx", "disabled"),
    Input("results-map-area", "data"),
    Input("results-map-cohort", "value"),
    State("results-map-audit", "data"),
    prevent_initial_call=True,
    public=True,
)
def show_area(area, cohort, audit):
    """Show every published figure of the chosen area."""
    report = report_for(audit)
    if report is None:
        raise PreventUpdate
    session = get_session()
    snapshot = choose_cohort(session=session, report=report, requested=cohort).snapshot
    if snapshot is None:
        raise PreventUpdate
    key = _area_key(report, area)
    found = read_area(session=session, report=report, snapshot=snapshot, area=key) if key else None
    return panel(report=report, snapshot=snapshot, found=found), not found, not found


@callback(
    Output("results-map-url", "search"),
    Input("results-map-measure", "value"),
    Input("results-map-level", "value"),
    Input("results-map-cohort", "value"),
    Input("results-map-area", "data"),
    prevent_initial_call=True,
    public=True,
)
def remember_view(measure, level, cohort, area):
    """Put the view in the address bar so it can be shared and reopened."""
    params = {"cohort": cohort, "measure": measure, "level": level}
    if isinstance(area, dict) and area.get("level") and area.get("code"):
        params["area"] = f"{area['level']}:{area['code']}"
    return "?" + urlencode({k: str(v)[:80] for k, v in params.items() if v})


@callback(
    Output("results-map-table-download", "data"),
    Input("results-map-table-download-csv", "n_clicks"),
    Input("results-map-table-download-xlsx", "n_clicks"),
    State("results-map-measure", "value"),
    State("results-map-level", "value"),
    State("results-map-cohort", "value"),
    State("results-map-audit", "data"),
    prevent_initial_call=True,
    public=True,
)
def download_map_table(_csv, _xlsx, measure, level, cohort, audit):
    """Send the map's table, as published, as CSV or Excel."""
    session, report, snapshot, spec, chosen_level = _view(audit, cohort, measure, level)
    view = build_map(
        session=session, report=report, snapshot=snapshot, measure=spec, level=chosen_level
    )
    rows = [export_row(cohort=snapshot.cohort, area=a, result=a.result) for a in view.areas]
    name = f"{report.audit}-cohort-{snapshot.cohort}-{spec.name}-by-{chosen_level.value}"
    return send_table(rows, name=name, excel=ctx.triggered_id.endswith("xlsx"))


@callback(
    Output("results-area-download", "data"),
    Input("results-area-download-csv", "n_clicks"),
    Input("results-area-download-xlsx", "n_clicks"),
    State("results-map-area", "data"),
    State("results-map-cohort", "value"),
    State("results-map-audit", "data"),
    prevent_initial_call=True,
    public=True,
)
def download_area(_csv, _xlsx, area, cohort, audit):
    """Send the chosen area's published figures as CSV or Excel."""
    report = report_for(audit)
    if report is None:
        raise PreventUpdate
    session = get_session()
    snapshot = choose_cohort(session=session, report=report, requested=cohort).snapshot
    key = _area_key(report, area)
    if snapshot is None or key is None:
        raise PreventUpdate
    found = read_area(session=session, report=report, snapshot=snapshot, area=key)
    if found is None:
        raise PreventUpdate
    name = f"{report.audit}-cohort-{snapshot.cohort}-{found[0].level.value}-{found[0].code}"
    return send_table(
        export_rows(snapshot=snapshot, found=found),
        name=name,
        excel=ctx.triggered_id.endswith("xlsx"),
    )
