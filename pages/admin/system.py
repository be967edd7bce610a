"""System status: whether Redis, the Celery workers and beat are alive."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

dash.register_page(
    __name__,
    path="/admin/system",
    title="System status",
    capability="system.admin",
    nav="System",
    order=90,
    description="Whether the background workers and the scheduler are running.",
)


def layout(**_query) -> html.Div:
    """Lay out the status panel; a callback fills it and refreshes it every 15 seconds."""
    return html.Div(
        [
            html.H1("System status", className="h2"),
            html.P(
                "Background work (KPI aggregation, exports, uploads) runs in Celery workers on a "
                "schedule kept by beat. This page checks them every 15 seconds.",
                className="lead",
            ),
            dcc.Interval(id="system-refresh", interval=15_000),
            dbc.Spinner(html.Div(id="system-status", **{"aria-live": "polite"})),
        ]
    )
