"""Run the published-results index: which cohorts of an audit are published, and where to look.
Open to everyone; only publication dates and published organisations are read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
from dash import Input, Output, dcc, html
from dash.exceptions import PreventUpdate
from sqlalchemy.orm import Session

from callbacks.results.choices import as_cohort, report_for
from callbacks.results.formatting import published_on
from portal.db import get_session
from portal.gate import callback
from services.reporting.public import Publication, publications, published_organisations
from services.reporting.registry import AuditReport


@dataclass(frozen=True)
class IndexView:
    cohort: str
    cohort_options: list[dict]
    status: list


def _option(publication: Publication) -> dict:
    state = "published" if publication.snapshot else "not yet published"
    return {"label": f"{publication.label} ({state})", "value": str(publication.cohort)}


def _status(session: Session, report: AuditReport, publication: Publication) -> list:
    if publication.snapshot is None:
        return [
            dbc.Alert(
                f"{report.title} {publication.label} has not been published yet.",
                color="info",
                className="mb-0",
            )
        ]
    query = urlencode({"cohort": publication.cohort})
    organisations = published_organisations(session=session, snapshot=publication.snapshot)
    return [
        html.P(
            [
                html.Strong(f"{report.title} {publication.label}. "),
                f"{published_on(publication.snapshot)}.",
            ],
            id="results-index-published",
        ),
        html.Ul(
            [
                html.Li(
                    dcc.Link(
                        f"Map of {report.title} results by area",
                        href=f"/results/{report.audit}/map?{query}",
                        id="results-index-map-link",
                    )
                ),
                html.Li(
                    f"Results for {len(organisations)} organisations: choose one below "
                    "to see it beside its trust or health board, ICB, region and nation."
                ),
            ]
        ),
        html.Nav(
            [
                html.H2("Organisations", className="h5"),
                html.Ul(
                    [
                        html.Li(
                            dcc.Link(
                                f"{name} ({code})",
                                href=f"/results/{report.audit}/organisation/{code}?{query}",
                            )
                        )
                        for code, name in organisations
                    ],
                    className="results-organisation-list",
                ),
            ],
            **{"aria-label": f"{report.title} organisations with published results"},
        ),
    ]


def index_view(*, session: Session, report: AuditReport, cohort) -> IndexView:
    """Return the cohort choices and the chosen cohort's publication status and links."""
    found = publications(session=session, report=report, today=dt.date.today())
    wanted = as_cohort(cohort)
    chosen = next((p for p in found if p.cohort == wanted), None) or next(
        (p for p in found if p.snapshot is not None), found[0]
    )
    return IndexView(
        str(chosen.cohort), [_option(p) for p in found], _status(session, report, chosen)
    )


def publications_table(*, session: Session, reports: list[AuditReport]) -> html.Table:
    """Return every audit's cohorts with their publication date, newest cohort first."""
    rows = [
        html.Tr(
            [
                html.Th(report.title, scope="row", className="fw-normal"),
                html.Td(publication.label),
                html.Td(
                    published_on(publication.snapshot)
                    if publication.snapshot
                    else "Not yet published"
                ),
            ]
        )
        for report in reports
        for publication in publications(session=session, report=report, today=dt.date.today())
    ]
    return html.Table(
        [
            html.Caption(
                "Every audit’s cohorts and when they were published", className="caption-top"
            ),
            html.Thead(
                html.Tr(
                    [
                        html.Th("Audit", scope="col"),
                        html.Th("Cohort", scope="col"),
                        html.Th("Publication", scope="col"),
                    ]
                )
            ),
            html.Tbody(rows),
        ],
        className="table table-sm",
        id="results-index-publications",
    )


@callback(
    Output("results-index-cohort", "options"),
    Output("results-index-cohort", "value"),
    Output("results-index-status", "children"),
    Output("results-index-url", "search"),
    Input("results-index-audit", "value"),
    Input("results-index-cohort", "value"),
    prevent_initial_call=True,
    public=True,
)
def show_publication(audit, cohort):
    """Show the chosen audit's cohorts and the chosen cohort's publication and links."""
    report = report_for(audit)
    if report is None:
        raise PreventUpdate
    view = index_view(session=get_session(), report=report, cohort=cohort)
    search = "?" + urlencode({"audit": report.audit, "cohort": view.cohort})
    return view.cohort_options, view.cohort, view.status, search
