"""The open-access results of one organisation, beside its trust or health board, ICB, region,
network, country and England and Wales: published figures only, small numbers suppressed."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from callbacks.results.choices import choose_cohort, report_for
from callbacks.results.formatting import suppression_rule
from callbacks.results.organisation import organisation_view
from pages.results._parts import (
    cohort_select,
    download_buttons,
    organisation_select,
    problem_alerts,
    unavailable,
)
from portal.db import get_session
from services.reporting.public import suppression_threshold


def _title(audit: str | None = None, ods_code: str | None = None, **_kwargs) -> str:
    report = report_for(audit)
    name = report.title if report else "Audit"
    return f"{name} results for {ods_code}"[:80] if ods_code else f"{name} results"


dash.register_page(
    __name__,
    path_template="/results/<audit>/organisation/<ods_code>",
    title=_title,
    public=True,
    description="An organisation's published audit results beside its trust or health board, "
    "ICB, NHS region, network, country and England and Wales.",
)


def layout(
    audit: str | None = None, ods_code: str | None = None, cohort: str | None = None, **_query
) -> html.Div:
    """Lay out the published KPI table of the organisation and cohort the URL names."""
    report = report_for(audit)
    if report is None:
        return unavailable(f"There is no audit called “{(audit or '')[:40]}”.")
    session = get_session()
    choice = choose_cohort(session=session, report=report, requested=cohort)
    if choice.snapshot is None:
        return unavailable(
            f"{report.title} results have not been published yet.", problems=choice.problems
        )
    view = organisation_view(
        session=session, report=report, snapshot=choice.snapshot, ods_code=ods_code
    )
    return html.Div(
        [
            dcc.Location(id="results-org-url", refresh=False),
            dcc.Store(id="results-org-audit", data=report.audit),
            html.H1(view.heading, id="results-org-heading"),
            html.P(view.intro, id="results-org-intro", className="lead"),
            html.Div(problem_alerts(choice.problems), id="results-org-problems"),
            dbc.Row(
                [
                    dbc.Col(
                        organisation_select(
                            "results-org-organisation",
                            session,
                            choice.snapshot,
                            (view.ods_code, view.found.columns[0].name) if view.found else None,
                        ),
                        md=6,
                    ),
                    dbc.Col(
                        cohort_select("results-org-cohort", session, report, choice.cohort), md=3
                    ),
                ],
                className="mb-3",
            ),
            html.Div(
                html.Table(
                    view.table,
                    id="results-org-table",
                    className="table table-sm table-bordered results-kpi-table mb-0",
                ),
                className="table-responsive",
                tabIndex="0",
                role="region",
                **{"aria-label": "Published results table (scrollable)"},
            ),
            download_buttons("results-org-download", "this table"),
            html.P(
                [
                    suppression_rule(
                        suppression_threshold(session=session, snapshot=choice.snapshot)
                    ),
                    " ",
                    dcc.Link(
                        "See these results on a map",
                        href=f"/results/{report.audit}/map?cohort={choice.cohort}",
                        id="results-org-map-link",
                    ),
                ],
                className="mt-3",
            ),
        ]
    )
