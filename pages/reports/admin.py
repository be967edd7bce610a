"""National results: refresh the figures, publish them, and export the national KPI workbook."""

from __future__ import annotations

import datetime as dt

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_login import current_user

from callbacks.reports.admin import overview
from services.reporting.overview import MAX_NOTE, publishable_reports

dash.register_page(
    __name__,
    path="/reports/admin",
    title="National results",
    capability="reports.manage",
    nav="National results",
    order=80,
    icon="bi-cloud-upload",
    description="Refresh every audit's figures, publish a cohort and export the national KPI "
    "workbook.",
)


def _refresh_section() -> html.Section:
    return html.Section(
        [
            html.H2("Figures by cohort", className="h3 mt-4"),
            html.P(
                "Figures refresh on a schedule and soon after data changes. Refresh now to include "
                "the latest answers before reviewing or publishing."
            ),
            html.Button(
                "Refresh all cohorts", id="admin-refresh-all", className="btn btn-primary mb-3"
            ),
            html.Div(
                [
                    dbc.Label("Refresh progress", html_for="admin-progress", className="me-2"),
                    html.Progress(
                        id="admin-progress", value="0", max="100", className="refresh-bar"
                    ),
                    html.Span(id="admin-progress-label", className="ms-2"),
                ],
                className="d-flex align-items-center mb-2",
            ),
            html.P(id="admin-refresh-status", **{"aria-live": "polite"}),
            dcc.Interval(id="admin-refresh-poll", interval=1000, disabled=True),
            dcc.Store(id="admin-refresh-job"),
            dcc.Store(id="admin-refreshed", data=0),
        ]
    )


def _publish_section(options: list, default: str) -> html.Section:
    return html.Section(
        [
            html.H2("Publish", className="h3 mt-4"),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dbc.Label("Cohort to publish", html_for="admin-publish-cohort"),
                            dbc.Select(id="admin-publish-cohort", options=options, value=default),
                        ],
                        md=3,
                    ),
                    dbc.Col(
                        [
                            dbc.Label(
                                "Note kept with the publication (optional)",
                                html_for="admin-publish-note",
                            ),
                            dbc.Textarea(id="admin-publish-note", maxLength=MAX_NOTE, rows=2),
                        ],
                        md=6,
                    ),
                    dbc.Col(
                        html.Button(
                            "Publish…", id="admin-publish-open", className="btn btn-primary"
                        ),
                        md=3,
                        className="d-flex align-items-end",
                    ),
                ],
                className="g-3",
            ),
            html.P(id="admin-publish-result", className="mt-2", **{"aria-live": "polite"}),
            dbc.Modal(
                [
                    dbc.ModalHeader(dbc.ModalTitle("Publish these figures?")),
                    dbc.ModalBody(id="admin-publish-question"),
                    dbc.ModalFooter(
                        [
                            html.Button(
                                "Cancel",
                                id="admin-publish-cancel",
                                className="btn btn-outline-secondary",
                            ),
                            html.Button(
                                "Publish now",
                                id="admin-publish-confirm",
                                className="btn btn-danger",
                            ),
                        ]
                    ),
                ],
                id="admin-publish-modal",
                is_open=False,
            ),
            dcc.Store(id="admin-published", data=0),
        ]
    )


def _workbook_section(options: list, default: str) -> html.Section:
    return html.Section(
        [
            html.H2("National KPI workbook", className="h3 mt-4"),
            html.P(
                "An Excel workbook with every measure at every level (one sheet per level), "
                "children counted per area and a reference sheet of every organisation's areas. "
                "It is prepared in the background; the link stays valid for a day."
            ),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dbc.Label("Cohort", html_for="admin-workbook-cohort"),
                            dbc.Select(id="admin-workbook-cohort", options=options, value=default),
                        ],
                        md=3,
                    ),
                    dbc.Col(
                        html.Fieldset(
                            [
                                html.Legend("Figures", className="form-label fs-6 mb-1"),
                                dbc.RadioItems(
                                    id="admin-workbook-kind",
                                    options=[
                                        {"label": "Working figures (private)", "value": "working"},
                                        {"label": "Latest publication", "value": "published"},
                                    ],
                                    value="working",
                                ),
                            ]
                        ),
                        md=4,
                    ),
                    dbc.Col(
                        html.Button(
                            "Prepare workbook",
                            id="admin-workbook-start",
                            className="btn btn-primary",
                        ),
                        md=3,
                        className="d-flex align-items-end",
                    ),
                ],
                className="g-3",
            ),
            html.P(id="admin-workbook-status", className="mt-2", **{"aria-live": "polite"}),
            dcc.Interval(id="admin-workbook-poll", interval=1000, disabled=True),
            dcc.Store(id="admin-workbook-job"),
        ]
    )


def layout(audit: str | None = None, **_query) -> html.Div:
    """Lay out the admin for the chosen audit (the first the user may manage by default)."""
    reports = publishable_reports(current_user)
    if not reports:
        return html.Div([html.H1("National results"), html.P("You may not manage any audit.")])
    report = next((r for r in reports if r.audit == audit), reports[0])
    today = dt.date.today()
    cohorts, published, options = overview(report, today)
    default = str(report.default_cohort(today))
    return html.Div(
        [
            html.H1("National results"),
            dbc.Row(
                dbc.Col(
                    [
                        dbc.Label("Audit", html_for="admin-audit"),
                        dbc.Select(
                            id="admin-audit",
                            options=[{"label": r.title, "value": r.audit} for r in reports],
                            value=report.audit,
                        ),
                    ],
                    md=3,
                )
            ),
            _refresh_section(),
            html.Div(cohorts, id="admin-cohorts", className="table-responsive"),
            _publish_section(options, default),
            html.H2("Publications", className="h3 mt-4"),
            html.Div(published, id="admin-publications", className="table-responsive"),
            _workbook_section(options, default),
        ],
        className="reports-admin",
    )
