"""Run the national results admin: refresh with progress, publish with confirmation, workbooks.

The work itself (aggregation, building the workbook) runs in background tasks; these callbacks
only start it and poll how far it has got.
"""

from __future__ import annotations

import datetime as dt

from dash import ALL, Input, Output, State, ctx, html, no_update
from flask_login import current_user

from callbacks.reports.admin_view import (
    cohorts_table,
    progress,
    publications_table,
    when,
    workbook_status,
)
from portal.db import get_session
from portal.errors import UserError
from portal.gate import callback
from services.reporting.jobs import FAILED, READY, load_job
from services.reporting.overview import (
    cohort_statuses,
    publications,
    publish_cohort,
    publishable_reports,
)
from services.reporting.registry import get_report
from tasks.exports import start_workbook
from tasks.refresh import refresh_progress, start_refresh

CAPABILITY = "reports.manage"


def report_for(audit: str | None):
    """Return the audit the user may manage, refusing any other."""
    from portal.access import AccessDenied

    report = next((r for r in publishable_reports(current_user) if r.audit == audit), None)
    if report is None:
        raise AccessDenied()
    return report


def overview(report, today: dt.date) -> tuple:
    session = get_session()
    statuses = cohort_statuses(session=session, user=current_user, report=report, today=today)
    items = publications(session=session, user=current_user, report=report)
    options = [{"label": s.label, "value": str(s.cohort)} for s in statuses]
    return (
        cohorts_table(statuses),
        publications_table(items, report.cohort_label),
        options,
    )


@callback(
    Output("admin-cohorts", "children"),
    Output("admin-publications", "children"),
    Output("admin-publish-cohort", "options"),
    Output("admin-workbook-cohort", "options"),
    Output("admin-publish-cohort", "value"),
    Output("admin-workbook-cohort", "value"),
    Input("admin-audit", "value"),
    Input("admin-refreshed", "data"),
    Input("admin-published", "data"),
    prevent_initial_call=True,
    capability=CAPABILITY,
)
def show_overview(audit, _refreshed, _published):
    """Show each cohort's state and the publications of the chosen audit."""
    today = dt.date.today()
    report = report_for(audit)
    cohorts, published, options = overview(report, today)
    default = str(report.default_cohort(today))
    chosen = default if ctx.triggered_id == "admin-audit" else no_update
    return cohorts, published, options, options, chosen, chosen


@callback(
    Output("admin-refresh-job", "data"),
    Output("admin-refresh-poll", "disabled"),
    Output("admin-progress", "value"),
    Output("admin-progress-label", "children"),
    Output("admin-refresh-status", "children"),
    Output("admin-refreshed", "data"),
    Output("admin-refresh-all", "disabled"),
    Input("admin-refresh-all", "n_clicks"),
    Input({"type": "admin-refresh-cohort", "cohort": ALL}, "n_clicks"),
    Input("admin-refresh-poll", "n_intervals"),
    State("admin-audit", "value"),
    State("admin-refresh-job", "data"),
    State("admin-refreshed", "data"),
    prevent_initial_call=True,
    capability=CAPABILITY,
)
def refresh(_all, _cohort_clicks, _ticks, audit, job_id, refreshed):
    """Start a refresh of one cohort or all, then follow it until it is done."""
    trigger = ctx.triggered_id
    if trigger != "admin-refresh-poll":
        if not (ctx.triggered and ctx.triggered[0].get("value")):
            return (no_update,) * 7
        report = report_for(audit)
        cohort = trigger["cohort"] if isinstance(trigger, dict) else None
        try:
            job = start_refresh(
                user=current_user, report=report, cohort=cohort, today=dt.date.today()
            )
        except UserError as error:
            return no_update, True, 0, "", str(error), no_update, False
        title = report.title if cohort is None else f"{report.title} {report.cohort_label(cohort)}"
        percent, label, sentence = progress(job, title)
        return job.id, False, percent, label, sentence, no_update, True
    job = refresh_progress(user=current_user, job_id=job_id or "")
    if job is None:
        return None, True, 0, "", "", no_update, False
    report = get_report(job.audit)
    title = (
        report.title if job.cohort is None else f"{report.title} {report.cohort_label(job.cohort)}"
    )
    percent, label, sentence = progress(job, title)
    finished = job.state in (READY, FAILED)
    return (
        no_update,
        finished,
        percent,
        label,
        sentence,
        (refreshed or 0) + 1 if finished else no_update,
        not finished,
    )


@callback(
    Output("admin-publish-modal", "is_open"),
    Output("admin-publish-question", "children"),
    Output("admin-publish-result", "children"),
    Output("admin-published", "data"),
    Output("admin-publish-note", "value"),
    Input("admin-publish-open", "n_clicks"),
    Input("admin-publish-confirm", "n_clicks"),
    Input("admin-publish-cancel", "n_clicks"),
    State("admin-audit", "value"),
    State("admin-publish-cohort", "value"),
    State("admin-publish-note", "value"),
    State("admin-published", "data"),
    prevent_initial_call=True,
    capability=CAPABILITY,
)
def publish(_open, _confirm, _cancel, audit, cohort, note, published):
    """Ask for confirmation, then publish the cohort's figures with small numbers suppressed."""
    trigger = ctx.triggered_id
    if trigger == "admin-publish-cancel":
        return False, no_update, "Nothing was published.", no_update, no_update
    report = report_for(audit)
    today = dt.date.today()
    if not str(cohort or "").isdigit():
        return False, no_update, "Choose a cohort to publish.", no_update, no_update
    cohort = int(cohort)
    label = f"{report.title} {report.cohort_label(cohort)}"
    if trigger == "admin-publish-open":
        statuses = cohort_statuses(
            session=get_session(), user=current_user, report=report, today=today
        )
        status = next((s for s in statuses if s.cohort == cohort), None)
        if status is None or status.computed_at is None:
            message = f"{label} has not been aggregated yet: refresh it first."
            return False, no_update, message, no_update, no_update
        question = [
            html.P(f"Publish {label}, data as of {when(status.computed_at)}?"),
            html.P(
                "Everyone, signed in or not, will see these figures, with small numbers suppressed. "
                "A publication is permanent: it cannot be changed or withdrawn, only followed by "
                "a newer one."
            ),
        ]
        return True, question, no_update, no_update, no_update
    session = get_session()
    try:
        publication = publish_cohort(
            session=session, user=current_user, report=report, cohort=cohort, note=note, today=today
        )
    except UserError as error:
        session.rollback()
        return False, no_update, str(error), no_update, no_update
    message = f"Published {label} on {when(publication.published_at)}."
    return False, no_update, message, (published or 0) + 1, ""


@callback(
    Output("admin-workbook-job", "data"),
    Output("admin-workbook-poll", "disabled"),
    Output("admin-workbook-status", "children"),
    Input("admin-workbook-start", "n_clicks"),
    Input("admin-workbook-poll", "n_intervals"),
    State("admin-audit", "value"),
    State("admin-workbook-cohort", "value"),
    State("admin-workbook-kind", "value"),
    State("admin-workbook-job", "data"),
    prevent_initial_call=True,
    capability=CAPABILITY,
)
def workbook(_start, _ticks, audit, cohort, kind, job_id):
    """Queue the national KPI workbook, then poll until it can be downloaded."""
    if ctx.triggered_id == "admin-workbook-start":
        report = report_for(audit)
        if not str(cohort or "").isdigit():
            return no_update, True, "Choose a cohort."
        try:
            job = start_workbook(
                user=current_user,
                report=report,
                cohort=int(cohort),
                published=kind == "published",
                today=dt.date.today(),
            )
        except UserError as error:
            return no_update, True, str(error)
        return job.id, False, workbook_status(job)
    job = load_job(job_id or "")
    if job is None:
        return None, True, ""
    report_for(job.audit)
    return no_update, job.state in (READY, FAILED), workbook_status(job)
