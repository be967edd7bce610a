"""Published results: choose an audit and a cohort, see when it was published, open its map or an
organisation's results. No sign-in needed; only published, suppressed figures are ever shown."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from callbacks.results.choices import audits, report_for
from callbacks.results.formatting import suppression_rule
from callbacks.results.index import index_view, publications_table
from portal.config import get_settings
from portal.db import get_session

dash.register_page(
    __name__,
    path="/results",
    title="Published results",
    public=True,
    nav="Results",
    order=70,
    icon="bi-bar-chart-line",
    description="The audits' published results for every organisation and area, on a map and in "
    "tables, with small numbers suppressed. No sign-in needed.",
)


def layout(audit: str | None = None, cohort: str | None = None, **_query) -> html.Div:
    """Lay out the audit and cohort pickers for the choice the URL names."""
    known = audits()
    if not known:
        return html.Div([html.H1("Published results"), html.P("No audit reports results yet.")])
    report = report_for(audit) or known[0]
    session = get_session()
    view = index_view(session=session, report=report, cohort=cohort)
    return html.Div(
        [
            dcc.Location(id="results-index-url", refresh=False),
            html.H1("Published results"),
            html.P(
                "Each audit’s national team reviews its results and then publishes them here. "
                + suppression_rule(get_settings().suppression_threshold),
                className="lead",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        html.Fieldset(
                            [
                                html.Legend("Audit", className="form-label fs-6 mb-1"),
                                dbc.RadioItems(
                                    id="results-index-audit",
                                    options=[{"label": r.title, "value": r.audit} for r in known],
                                    value=report.audit,
                                    inline=True,
                                ),
                            ]
                        ),
                        md=5,
                    ),
                    dbc.Col(
                        [
                            dbc.Label("Cohort", html_for="results-index-cohort"),
                            dbc.Select(
                                id="results-index-cohort",
                                options=view.cohort_options,
                                value=view.cohort,
                            ),
                        ],
                        md=4,
                    ),
                ],
                className="mb-3",
            ),
            html.Div(view.status, id="results-index-status", **{"aria-live": "polite"}),
            html.Section(
                [
                    html.H2("All publications", className="h4 mt-4", id="results-index-all"),
                    html.Div(
                        publications_table(session=session, reports=known),
                        className="table-responsive",
                    ),
                ],
                **{"aria-labelledby": "results-index-all"},
            ),
        ]
    )
