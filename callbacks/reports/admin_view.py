"""The national results admin in tables and words: cohorts, publications, job progress."""

from __future__ import annotations

from dash import html

from callbacks.reports.formatting import local_time
from services.reporting.jobs import FAILED, QUEUED, READY, RUNNING, Job
from services.reporting.overview import CohortStatus, Publication


def when(moment) -> str:
    return f"{local_time(moment):%-d %b %Y %H:%M}" if moment else "—"


def _count(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def cohorts_table(statuses: list[CohortStatus]) -> html.Table:
    """Each cohort's data as of, children counted and latest publication, with a refresh button."""
    rows = []
    for status in statuses:
        latest = status.latest
        published = (
            f"{when(latest.published_at)} by {latest.published_by or 'a former user'}"
            if latest
            else "Never published"
        )
        rows.append(
            html.Tr(
                [
                    html.Th(status.label, scope="row"),
                    html.Td(
                        when(status.computed_at) if status.computed_at else "Not aggregated yet"
                    ),
                    html.Td(_count(status.children_included)),
                    html.Td(_count(status.children_excluded)),
                    html.Td(published),
                    html.Td(
                        html.Button(
                            "Refresh",
                            id={"type": "admin-refresh-cohort", "cohort": status.cohort},
                            className="btn btn-outline-primary btn-sm",
                            **{"aria-label": f"Refresh {status.label}"},
                        )
                    ),
                ]
            )
        )
    return html.Table(
        [
            html.Caption("Working figures (private) and the latest publication of each cohort."),
            html.Thead(
                html.Tr(
                    [
                        html.Th(h, scope="col")
                        for h in (
                            "Cohort",
                            "Data as of",
                            "Children counted",
                            "Excluded as incomplete",
                            "Last published",
                            "Refresh",
                        )
                    ]
                )
            ),
            html.Tbody(rows),
        ],
        className="table admin-cohorts",
    )


def publications_table(items: list[Publication], cohort_label) -> html.Table | html.P:
    """Every publication, newest first: who published what, when, from which data."""
    if not items:
        return html.P("Nothing has been published yet.")
    return html.Table(
        [
            html.Caption("Publications are permanent: each is a dated copy nobody can change."),
            html.Thead(
                html.Tr(
                    [
                        html.Th(h, scope="col")
                        for h in (
                            "Published",
                            "Cohort",
                            "By",
                            "Data as of",
                            "Suppressed below",
                            "Note",
                        )
                    ]
                )
            ),
            html.Tbody(
                [
                    html.Tr(
                        [
                            html.Th(when(p.published_at), scope="row"),
                            html.Td(cohort_label(p.cohort)),
                            html.Td(p.published_by or "a former user"),
                            html.Td(when(p.computed_at)),
                            html.Td("—" if p.threshold is None else str(p.threshold)),
                            html.Td(p.note or ""),
                        ]
                    )
                    for p in items
                ]
            ),
        ],
        className="table admin-publications",
    )


def progress(job: Job | None, title: str) -> tuple[int, str, str]:
    """Return a refresh's progress as (percent, bar label, sentence)."""
    if job is None:
        return 0, "", ""
    total = max(job.total, 1)
    percent = round(100 * job.done / total)
    label = f"{job.done} of {job.total} cohorts"
    if job.state == QUEUED:
        return 0, label, f"Refresh of {title} queued: waiting for a worker."
    if job.state == RUNNING:
        return percent, label, f"Refreshing {title}: {label} done."
    if job.state == READY:
        return 100, label, f"Refreshed {title}: {label} done."
    return percent, label, job.message or "The refresh failed."


def workbook_status(job: Job | None) -> list:
    """Say where a workbook job stands, with a download link once it is ready."""
    if job is None:
        return []
    if job.state == READY:
        return [
            html.Span("Ready: "),
            html.A(
                [html.I(className="bi bi-download me-1", **{"aria-hidden": "true"}), job.filename],
                href=f"/reports/files/{job.id}",
                id="admin-workbook-link",
                className="fw-bold",
            ),
        ]
    if job.state == FAILED:
        return [
            html.Span(job.message or "The workbook could not be made.", className="text-danger")
        ]
    if job.state == RUNNING:
        return ["Preparing the workbook…"]
    return ["Queued: the workbook will be prepared by a background worker."]
