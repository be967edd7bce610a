"""The organisation dashboard: an organisation's results beside its areas, siblings and the nation.

Every filter lives in the URL, so a view can be shared and reopened; the first view is drawn here,
and one callback redraws it when a filter changes.
"""

from __future__ import annotations

import datetime as dt

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_login import current_user

from callbacks.reports import charts
from callbacks.reports.dashboard_view import DashboardView, build, organisation_options, render
from callbacks.reports.parts import refusal
from portal.access import AccessDenied
from portal.db import get_session
from portal.errors import UserError
from services.reporting.dashboard_query import resolve_query

dash.register_page(
    __name__,
    path="/reports/dashboard",
    title="Results dashboard",
    capability="reports.read",
    nav="Dashboard",
    order=30,
    icon="bi-bar-chart-line",
    description="Your organisation's audit results beside its trust, ICB, region, network and "
    "the nation, with funnel plots, trends, case mix and downloads.",
)


#: Above this many organisations to choose from, a search box helps find one.
FINDER_FROM = 12


def downloads(table: str, label: str) -> html.Div:
    """Download buttons for one table, named so a screen reader says which table."""
    return html.Div(
        [
            html.Button(
                [html.I(className="bi bi-download me-1", **{"aria-hidden": "true"}), text],
                id=f"dashboard-export-{table}-{fmt}",
                className="btn btn-outline-primary btn-sm me-2",
                **{"aria-label": f"{text} of the {label.lower()} table"},
            )
            for fmt, text in (("csv", "Download CSV"), ("xlsx", "Download Excel"))
        ],
        className="downloads mb-2",
    )


def _select(label: str, control_id: str, control, width: int) -> dbc.Col:
    return dbc.Col([dbc.Label(label, html_for=control_id), control], md=width, className="mb-2")


def _controls(view: DashboardView) -> dbc.Row:
    return dbc.Row(
        [
            _select(
                "Audit",
                "dashboard-audit",
                dbc.Select(
                    id="dashboard-audit", options=view.audit_options, value=view.params["audit"]
                ),
                2,
            ),
            _select(
                "Organisation",
                "dashboard-organisation",
                dbc.Select(
                    id="dashboard-organisation",
                    options=view.organisation_options,
                    value=view.organisation,
                ),
                4,
            ),
            _select(
                "Cohort",
                "dashboard-cohort",
                dbc.Select(id="dashboard-cohort", options=view.cohort_options, value=view.cohort),
                2,
            ),
            _select(
                "Measure",
                "dashboard-measure",
                dbc.Select(
                    id="dashboard-measure", options=view.measure_options, value=view.measure
                ),
                4,
            ),
        ],
        className="dashboard-controls align-items-end",
    )


def _finder(view: DashboardView) -> html.Div:
    """A search box over the organisations (names and ODS codes) when there are many to pick from."""
    many = len(view.organisation_options) > FINDER_FROM
    return html.Div(
        [
            dbc.Label("Find an organisation by name or ODS code", html_for="dashboard-find"),
            dbc.Input(
                id="dashboard-find",
                type="search",
                list="dashboard-find-list",
                autocomplete="off",
                placeholder="e.g. King's College or RJZ01",
            ),
            html.Datalist(
                [html.Option(value=o["label"]) for o in view.organisation_options],
                id="dashboard-find-list",
            ),
        ],
        className="mb-2 dashboard-finder",
        hidden=not many,
    )


def _chart(name: str, heading: str, figure, text: list) -> html.Figure:
    return html.Figure(
        [
            html.H3(heading, className="h4", id=f"dashboard-{name}-heading"),
            dcc.Graph(id=f"dashboard-{name}", figure=figure, config=charts.CONFIG),
            html.Figcaption(text, id=f"dashboard-{name}-text"),
            downloads(name, heading),
        ],
        className="dashboard-chart",
    )


def _page(view: DashboardView) -> html.Div:
    return html.Div(
        [
            dcc.Location(id="dashboard-url", refresh=False),
            dcc.Store(id="dashboard-query", data=view.params),
            dcc.Download(id="dashboard-download"),
            html.Div(
                [
                    html.H1(view.heading, id="dashboard-heading", className="mb-1"),
                    dcc.Link(
                        [
                            html.I(className="bi bi-easel me-2", **{"aria-hidden": "true"}),
                            "Review mode",
                        ],
                        id="dashboard-review-link",
                        href=view.review_href,
                        className="btn btn-primary btn-lg ms-auto",
                    ),
                ],
                className="d-flex flex-wrap align-items-start gap-3",
            ),
            html.P(view.as_of, id="dashboard-as-of", className="lead"),
            html.Div(id="dashboard-message", **{"aria-live": "polite"}),
            _controls(view),
            _finder(view),
            html.Section(
                [
                    html.H2("Key performance indicators", className="h3 mt-3"),
                    downloads("kpi", "Key performance indicators"),
                    dcc.Loading(html.Div(view.kpi, id="dashboard-kpi"), delay_show=400),
                ],
                **{"aria-label": "Key performance indicators"},
            ),
            html.Section(
                [
                    html.H2(
                        view.measure_heading, id="dashboard-measure-heading", className="h3 mt-4"
                    ),
                    html.P(view.measure_description, id="dashboard-measure-description"),
                    dbc.Row(
                        [
                            dbc.Col(
                                _chart("bars", "Sibling organisations", view.bars, view.bars_text),
                                xl=6,
                            ),
                            dbc.Col(
                                _chart("funnel", "Funnel plot", view.funnel, view.funnel_text), xl=6
                            ),
                        ]
                    ),
                    _chart("trend", "Trend across cohorts", view.trend, view.trend_text),
                ],
                className="measure-panel",
                **{"aria-labelledby": "dashboard-measure-heading"},
            ),
            html.Section(
                [
                    html.H2("Completeness", className="h3 mt-4"),
                    downloads("completeness", "Completeness"),
                    html.Div(
                        view.completeness, id="dashboard-completeness", className="table-responsive"
                    ),
                ]
            ),
            html.Section(
                [
                    html.H2("Case mix", className="h3 mt-4"),
                    html.P(
                        "The children counted, by characteristic, where known: the organisation "
                        "beside England and Wales."
                    ),
                    downloads("casemix", "Case mix"),
                    html.Div(view.casemix, id="dashboard-casemix", className="casemix-grid"),
                ]
            ),
        ],
        className="reports-dashboard",
    )


def layout(**params) -> html.Div:
    """Draw the dashboard the URL asks for, or say plainly why it cannot be shown."""
    session, today = get_session(), dt.date.today()
    try:
        query = resolve_query(session=session, user=current_user, params=params, today=today)
        dashboard, comparison = build(session=session, user=current_user, query=query, today=today)
    except AccessDenied:
        return refusal(
            "Not your organisation",
            "You can see the dashboards of your own trust's or health board's organisations only.",
        )
    except UserError as error:
        return refusal("This dashboard cannot be shown", str(error))
    view = render(
        dashboard,
        comparison,
        user=current_user,
        organisations=organisation_options(session, current_user),
        today=today,
    )
    return _page(view)
