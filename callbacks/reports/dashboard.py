"""Run the dashboard: one callback per filter change, one per download; both read precomputed
figures only, through the same services, so a download never holds more than the table showed."""

from __future__ import annotations

import datetime as dt

from dash import (
    ALL,
    ClientsideFunction,
    Input,
    Output,
    State,
    clientside_callback,
    ctx,
    dcc,
    html,
    no_update,
)
from flask_login import current_user

from callbacks.reports import exports
from callbacks.reports.dashboard_view import build, render, version
from callbacks.reports.kpi_view import choose_measure
from portal.db import get_session
from portal.errors import UserError
from portal.gate import callback
from services.reporting.dashboard_query import resolve_query
from services.reporting.files import csv_bytes, xlsx_bytes

#: What the filter callback sets: ``DashboardView`` field → component property. The organisation
#: picker is only read: its options are the user's scope, and its value is always the user's choice.
VIEW_OUTPUTS = {
    "params": ("dashboard-query", "data"),
    "search": ("dashboard-url", "search"),
    "heading": ("dashboard-heading", "children"),
    "as_of": ("dashboard-as-of", "children"),
    "review_href": ("dashboard-review-link", "href"),
    "audit_options": ("dashboard-audit", "options"),
    "cohort_options": ("dashboard-cohort", "options"),
    "cohort": ("dashboard-cohort", "value"),
    "measure_options": ("dashboard-measure", "options"),
    "measure": ("dashboard-measure", "value"),
    "kpi": ("dashboard-kpi", "children"),
    "measure_heading": ("dashboard-measure-heading", "children"),
    "measure_description": ("dashboard-measure-description", "children"),
    "bars": ("dashboard-bars", "figure"),
    "bars_text": ("dashboard-bars-text", "children"),
    "funnel": ("dashboard-funnel", "figure"),
    "funnel_text": ("dashboard-funnel-text", "children"),
    "trend": ("dashboard-trend", "figure"),
    "trend_text": ("dashboard-trend-text", "children"),
    "completeness": ("dashboard-completeness", "children"),
    "casemix": ("dashboard-casemix", "children"),
}
#: Fields that depend only on audit, cohort and organisation, left alone when only the measure moves.
_PLACE_FIELDS = {"heading", "as_of", "audit_options", "cohort_options", "completeness", "casemix"}


def requested(stored: dict, controls: dict, trigger, clicked) -> dict:
    """Return the URL parameters a user asked for with this change."""
    params = {**(stored or {}), **{k: v for k, v in controls.items() if v}}
    if isinstance(trigger, dict) and clicked:
        if trigger.get("type") == "dashboard-measure":
            params["measure"] = trigger["measure"]
        elif trigger.get("type") == "dashboard-sub":
            params["sub"] = "" if (stored or {}).get("sub") else "1"
    if trigger == "dashboard-audit" and controls["audit"] != (stored or {}).get("audit"):
        params.pop("cohort", None)
        params.pop("measure", None)
    return {k: v for k, v in params.items() if v}


@callback(
    *[Output(component, prop) for component, prop in VIEW_OUTPUTS.values()],
    Output("dashboard-message", "children"),
    Input("dashboard-audit", "value"),
    Input("dashboard-organisation", "value"),
    Input("dashboard-cohort", "value"),
    Input("dashboard-measure", "value"),
    Input({"type": "dashboard-measure", "measure": ALL}, "n_clicks"),
    Input({"type": "dashboard-sub", "group": ALL}, "n_clicks"),
    State("dashboard-query", "data"),
    prevent_initial_call=True,
    capability="reports.read",
)
def show_dashboard(audit, organisation, cohort, measure, _measure_clicks, _sub_clicks, stored):
    """Redraw the dashboard for the filters chosen, and put them in the URL."""
    trigger = ctx.triggered_id
    clicked = bool(ctx.triggered and ctx.triggered[0].get("value"))
    if isinstance(trigger, dict) and not clicked:
        return (*[no_update] * len(VIEW_OUTPUTS), no_update)
    controls = {"audit": audit, "organisation": organisation, "cohort": cohort, "measure": measure}
    params = requested(stored, controls, trigger, clicked)
    session, today = get_session(), dt.date.today()
    try:
        query = resolve_query(session=session, user=current_user, params=params, today=today)
        dashboard, comparison = build(session=session, user=current_user, query=query, today=today)
    except UserError as error:
        message = html.P(str(error), className="alert alert-warning", role="alert")
        return (*[no_update] * len(VIEW_OUTPUTS), message)
    same_place = (
        bool(stored)
        and stored.get("version") == version(dashboard)
        and all(
            str(stored.get(k)) == str(v)
            for k, v in query.to_params().items()
            if k in ("audit", "cohort", "organisation")
        )
    )
    same_rows = same_place and bool(stored.get("sub")) == query.sub
    patch = choose_measure(dashboard, stored.get("measure", "")) if same_rows else None
    view = render(
        dashboard,
        comparison,
        user=current_user,
        organisations=[],
        today=today,
        with_place=not same_place,
        with_kpi=patch is None,
    )
    values = [
        no_update if same_place and field in _PLACE_FIELDS else getattr(view, field)
        for field in VIEW_OUTPUTS
    ]
    if patch is not None:
        values[list(VIEW_OUTPUTS).index("kpi")] = patch
    return (*values, "")


_BUTTONS = [(table, fmt) for table in exports.TABLES for fmt in ("csv", "xlsx")]


@callback(
    Output("dashboard-download", "data"),
    *[Input(f"dashboard-export-{table}-{fmt}", "n_clicks") for table, fmt in _BUTTONS],
    State("dashboard-query", "data"),
    prevent_initial_call=True,
    capability="reports.read",
)
def download_table(*values):
    """Send the table whose button was pressed, exactly as the viewer may see it."""
    stored = values[-1] or {}
    trigger = ctx.triggered_id
    if not trigger or not ctx.triggered[0].get("value"):
        return no_update
    table, fmt = trigger.removeprefix("dashboard-export-").rsplit("-", 1)
    title, rows_of = exports.TABLES[table]
    session, today = get_session(), dt.date.today()
    try:
        query = resolve_query(session=session, user=current_user, params=stored, today=today)
        dashboard, comparison = build(session=session, user=current_user, query=query, today=today)
    except UserError:
        return no_update
    columns, rows = rows_of(dashboard, comparison)
    stem = f"{query.audit}-cohort{query.cohort}-{query.organisation}-{table}"
    if table in ("bars", "funnel", "trend"):
        stem += f"-{query.measure}"
    if fmt == "csv":
        return dcc.send_bytes(csv_bytes(rows, columns), f"{stem}.csv")
    return dcc.send_bytes(xlsx_bytes({title: (columns, rows)}), f"{stem}.xlsx")


clientside_callback(
    ClientsideFunction("reports", "findOrganisation"),
    Output("dashboard-organisation", "value"),
    Input("dashboard-find", "value"),
    State("dashboard-organisation", "options"),
    State("dashboard-organisation", "value"),
    prevent_initial_call=True,
)
