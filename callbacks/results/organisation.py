"""Run the open-access organisation page: switch organisation or cohort, download the table.
Open to everyone; every read goes through ``services.reporting.public`` (published only)."""

from __future__ import annotations

from dataclasses import dataclass

from dash import Input, Output, State, ctx
from dash.exceptions import PreventUpdate
from sqlalchemy.orm import Session

from callbacks.results.choices import choose_cohort, report_for
from callbacks.results.comparison import comparison_rows, comparison_table
from callbacks.results.downloads import send_table
from callbacks.results.formatting import published_on
from portal.db import get_session
from portal.gate import callback
from services.reporting.public import Comparison, comparison
from services.reporting.registry import AuditReport
from services.reporting.views import Snapshot


@dataclass(frozen=True)
class OrganisationView:
    ods_code: str | None
    heading: str
    intro: str
    table: list
    found: Comparison | None


def organisation_view(
    *, session: Session, report: AuditReport, snapshot: Snapshot, ods_code: str | None
) -> OrganisationView:
    """Read one organisation's published comparison; explain if there is no such organisation."""
    code = (ods_code or "").strip().upper()[:10]
    found = (
        comparison(session=session, report=report, snapshot=snapshot, ods_code=code)
        if code
        else None
    )
    when = published_on(snapshot)
    label = report.cohort_label(snapshot.cohort)
    if found is None:
        return OrganisationView(
            None,
            f"{report.title} results",
            f"There is no organisation with the code “{code}”. Choose one below. {when}."
            if code
            else f"Choose an organisation. {label}. {when}.",
            [],
            None,
        )
    name = found.columns[0].name
    return OrganisationView(
        code,
        f"{report.title} results: {name}",
        f"{name} ({code}) beside the areas it belongs to, {label}. {when}.",
        comparison_table(found, caption=f"{report.title} {label}: {name} and its areas"),
        found,
    )


@callback(
    Output("results-org-heading", "children"),
    Output("results-org-intro", "children"),
    Output("results-org-table", "children"),
    Output("results-org-problems", "children"),
    Output("results-org-url", "pathname"),
    Output("results-org-url", "search"),
    Output("results-org-map-link", "href"),
    Input("results-org-organisation", "value"),
    Input("results-org-cohort", "value"),
    State("results-org-audit", "data"),
    prevent_initial_call=True,
    public=True,
)
def show_organisation(ods_code, cohort, audit):
    """Show the chosen organisation's published results for the chosen cohort."""
    report = report_for(audit)
    if report is None:
        raise PreventUpdate
    session = get_session()
    choice = choose_cohort(session=session, report=report, requested=cohort)
    if choice.snapshot is None:
        raise PreventUpdate
    view = organisation_view(
        session=session, report=report, snapshot=choice.snapshot, ods_code=ods_code
    )
    path = f"/results/{report.audit}/organisation/{view.ods_code or ''}".rstrip("/")
    return (
        view.heading,
        view.intro,
        view.table,
        [],
        path,
        f"?cohort={choice.cohort}",
        f"/results/{report.audit}/map?cohort={choice.cohort}",
    )


@callback(
    Output("results-org-download", "data"),
    Input("results-org-download-csv", "n_clicks"),
    Input("results-org-download-xlsx", "n_clicks"),
    State("results-org-organisation", "value"),
    State("results-org-cohort", "value"),
    State("results-org-audit", "data"),
    prevent_initial_call=True,
    public=True,
)
def download_organisation(_csv, _xlsx, ods_code, cohort, audit):
    """Send the organisation's published table as CSV or Excel."""
    report = report_for(audit)
    if report is None:
        raise PreventUpdate
    session = get_session()
    snapshot = choose_cohort(session=session, report=report, requested=cohort).snapshot
    if snapshot is None:
        raise PreventUpdate
    view = organisation_view(session=session, report=report, snapshot=snapshot, ods_code=ods_code)
    if view.found is None:
        raise PreventUpdate
    return send_table(
        comparison_rows(view.found, cohort=snapshot.cohort),
        name=f"{report.audit}-cohort-{snapshot.cohort}-{view.ods_code}",
        excel=ctx.triggered_id.endswith("xlsx"),
    )
