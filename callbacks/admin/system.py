"""Fill the system status page."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Input, Output, html

from portal.gate import callback
from services.system import BackgroundStatus, background_status


def _row(label: str, ok: bool | None, detail: str) -> html.Tr:
    state = "Not used" if ok is None else ("Running" if ok else "Not running")
    badge = "secondary" if ok is None else ("success" if ok else "danger")
    return html.Tr(
        [html.Th(label, scope="row"), html.Td(dbc.Badge(state, color=badge)), html.Td(detail)]
    )


def render_status(status: BackgroundStatus) -> html.Div:
    """Shape the status as a table a person can read at a glance."""
    heartbeat = (
        status.last_heartbeat.strftime("%d %b %Y %H:%M:%S UTC")
        if status.last_heartbeat
        else "never"
    )
    if status.mode == "in-process":
        rows = [
            _row("Redis", None, "No REDIS_URL: tasks run inside the web process."),
            _row("Scheduler (in-process)", status.beat_alive, f"Last heartbeat: {heartbeat}"),
        ]
    else:
        rows = [
            _row("Redis", status.redis_ok, "Broker and result store."),
            _row(
                "Celery workers", status.workers_alive, ", ".join(status.workers) or "none answered"
            ),
            _row("Celery beat", status.beat_alive, f"Last heartbeat: {heartbeat}"),
        ]
    table = dbc.Table(
        [
            html.Thead(html.Tr([html.Th("Service"), html.Th("State"), html.Th("Detail")])),
            html.Tbody(rows),
        ],
        bordered=True,
        className="w-auto",
    )
    alerts = [dbc.Alert(problem, color="warning") for problem in status.problems]
    return html.Div([table, *alerts])


@callback(
    Output("system-status", "children"),
    Input("system-refresh", "n_intervals"),
    capability="system.admin",
)
def show_status(_ticks):
    """Check the background services and show the result."""
    return render_status(background_status())
