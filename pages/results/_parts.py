"""Controls the public results pages share: cohort and measure pickers, downloads, messages."""

from __future__ import annotations

import datetime as dt

import dash_bootstrap_components as dbc
from dash import dcc, html
from sqlalchemy.orm import Session

from callbacks.results.formatting import published_short
from services.reporting.public import (
    publications,
    published_organisations,
    shown_measures,
)
from services.reporting.registry import AuditReport, MeasureSpec
from services.reporting.views import Snapshot


def cohort_options(session: Session, report: AuditReport) -> list[dict]:
    """Return the audit's published cohorts, newest first, as select options."""
    return [
        {"label": f"{p.label} (published {published_short(p.snapshot)})", "value": str(p.cohort)}
        for p in publications(session=session, report=report, today=dt.date.today())
        if p.snapshot is not None
    ]


def cohort_select(component_id: str, session: Session, report: AuditReport, cohort: int) -> list:
    return [
        dbc.Label("Cohort", html_for=component_id),
        dbc.Select(id=component_id, options=cohort_options(session, report), value=str(cohort)),
    ]


def organisation_options(session: Session, snapshot: Snapshot) -> list[dict]:
    """Return every organisation with published figures, by name, as select options."""
    return [
        {"label": f"{name} ({code})", "value": code}
        for code, name in published_organisations(session=session, snapshot=snapshot)
    ]


def organisation_select(
    component_id: str, session: Session, snapshot: Snapshot, current: tuple[str, str] | None
) -> list:
    """Return the organisation picker, the current organisation chosen (listed even if it has
    no published figures), or a prompt when there is none."""
    options = organisation_options(session, snapshot)
    code = current[0] if current else ""
    if current and not any(option["value"] == code for option in options):
        options = [{"label": f"{current[1]} ({code})", "value": code}, *options]
    if not current:
        options = [{"label": "Choose an organisation", "value": ""}, *options]
    return [
        dbc.Label("Organisation", html_for=component_id),
        dbc.Select(id=component_id, options=options, value=code),
    ]


def measure_options(report: AuditReport) -> list[dict]:
    """Return the audit's measures (headline first) as select options, prefixed by their group."""
    return [
        {
            "label": f"{spec.group}: {spec.label}" if spec.group else spec.label,
            "value": spec.name,
        }
        for spec in shown_measures(report)
    ]


def measure_select(component_id: str, report: AuditReport, measure: MeasureSpec) -> list:
    return [
        dbc.Label("Measure", html_for=component_id),
        dbc.Select(id=component_id, options=measure_options(report), value=measure.name),
    ]


def download_buttons(prefix: str, what: str, *, disabled: bool = False) -> html.Div:
    """Return "Download CSV" and "Download Excel" buttons and the download they fill."""
    return html.Div(
        [
            html.Button(
                [html.I(className="bi bi-filetype-csv me-1", **{"aria-hidden": "true"}), "CSV"],
                id=f"{prefix}-csv",
                type="button",
                className="btn btn-outline-primary btn-sm me-2",
                disabled=disabled,
                title=f"Download {what} as CSV",
                **{"aria-label": f"Download {what} as CSV"},
            ),
            html.Button(
                [
                    html.I(className="bi bi-file-earmark-excel me-1", **{"aria-hidden": "true"}),
                    "Excel",
                ],
                id=f"{prefix}-xlsx",
                type="button",
                className="btn btn-outline-primary btn-sm",
                disabled=disabled,
                title=f"Download {what} as an Excel workbook",
                **{"aria-label": f"Download {what} as an Excel workbook"},
            ),
            dcc.Download(id=prefix),
        ],
        className="mt-2",
    )


def problem_alerts(problems: list[str]) -> list:
    return [dbc.Alert(problem, color="warning", className="py-2") for problem in problems]


def unavailable(message: str, *, problems: list[str] = ()) -> html.Div:
    """Return a page that says why there is nothing to show, and where to look instead."""
    return html.Div(
        [
            html.H1("Published results"),
            *problem_alerts(list(problems)),
            html.P(message, className="lead"),
            html.P(dcc.Link("See every audit’s published results", href="/results")),
        ]
    )
