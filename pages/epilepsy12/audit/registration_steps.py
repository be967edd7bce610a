"""The three steps of registration, drawn again by the registration callbacks after each step."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from domain.epilepsy12.cohorts import registration_dates
from domain.names import display_name
from services.epilepsy12.audit_view import AuditView

INCLUDED = (
    "is cared for by the NHS in England or Wales;",
    "had a first paediatric assessment for episodes later judged to be epileptic;",
    "had two or more epileptic episodes more than 24 hours apart, or was otherwise diagnosed "
    "with epilepsy.",
)
EXCLUDED = (
    "epilepsy was diagnosed before this first paediatric assessment;",
    "an earlier paediatric assessment for epileptic episodes took place;",
    "the child was registered in the audit before;",
    "the first year of care is given by adult or non-NHS services.",
)


def _eligibility(view: AuditView):
    registration = view.child.record.registration
    if registration and registration.eligibility_criteria_met:
        return html.P(
            [
                html.I(
                    className="bi bi-check-circle-fill text-success me-2", **{"aria-hidden": "true"}
                ),
                "Eligibility confirmed: the child meets every criterion of the audit.",
            ],
            className="e12-done",
        )
    return html.Div(
        [
            html.P("The child can be included in the audit if they:"),
            html.Ul([html.Li(text) for text in INCLUDED]),
            html.P("but not if:"),
            html.Ul([html.Li(text) for text in EXCLUDED]),
            dbc.Button(
                "Confirm the child meets all the criteria",
                id="e12-confirm-eligibility",
                color="primary",
                disabled=not view.may_edit,
            ),
        ]
    )


def _lead_site(view: AuditView):
    lead = view.lead
    change = dcc.Link("Change it on the child's page", href=f"/e12/cases/{view.child.case_id}")
    if lead is None:
        return dbc.Alert(["No lead site yet. ", change, " first."], color="warning")
    return html.P(
        [
            html.I(
                className="bi bi-check-circle-fill text-success me-2", **{"aria-hidden": "true"}
            ),
            f"Lead site: {display_name(lead.organisation_name)} ({lead.ods_code}). ",
            change,
            ".",
        ],
        className="e12-done",
    )


def _dates(assessed) -> html.Dl:
    derived = registration_dates(assessed)
    entries = (
        ("First paediatric assessment", f"{assessed:%-d %B %Y}"),
        ("Cohort", str(derived.cohort)),
        ("First year of care ends", f"{derived.completed_first_year_of_care_date:%-d %B %Y}"),
        ("Submission deadline", f"{derived.audit_submission_date:%-d %B %Y}"),
    )
    items = []
    for term, value in entries:
        items += [html.Dt(term, className="col-sm-5"), html.Dd(value, className="col-sm-7")]
    return html.Dl(items, className="row e12-registration-dates")


def _assessment_date(view: AuditView):
    registration = view.child.record.registration
    assessed = registration.first_paediatric_assessment_date if registration else None
    confirmed = bool(registration and registration.eligibility_criteria_met)
    national_change = assessed is not None and view.may_change_assessment_date
    parts = []
    if assessed is not None:
        parts.append(_dates(assessed))
    if assessed is None or national_change:
        ready = confirmed and view.lead is not None and view.may_edit
        parts += [
            dbc.Label(
                "Date of the first paediatric assessment",
                html_for="e12-fpa-date",
                className="e12-question",
            ),
            dbc.FormText(
                "This fixes the child's cohort and submission deadline. Once set, only the "
                "national audit team can change it.",
                className="d-block mb-1",
            ),
            html.Div(
                [
                    dbc.Input(
                        id="e12-fpa-date", type="date", className="e12-date", disabled=not ready
                    ),
                    dbc.Button(
                        "Register" if assessed is None else "Change the date",
                        id="e12-fpa-register",
                        color="primary",
                        disabled=not ready,
                    ),
                ],
                className="d-flex gap-2 align-items-start flex-wrap",
            ),
            html.Div(id="e12-fpa-feedback", className="e12-feedback", role="alert"),
            html.Div(id="e12-fpa-confirm"),
        ]
        if not confirmed:
            parts.append(dbc.FormText("Confirm eligibility first.", className="d-block"))
    return html.Div(parts)


def registration_body(view: AuditView) -> list:
    """The three steps of registration, each showing whether it is done."""
    return [
        html.Section(
            [html.H3("1. Eligibility", className="h5"), _eligibility(view)], className="e12-block"
        ),
        html.Section(
            [html.H3("2. Lead site", className="h5"), _lead_site(view)], className="e12-block"
        ),
        html.Section(
            [html.H3("3. First paediatric assessment", className="h5"), _assessment_date(view)],
            className="e12-block",
        ),
    ]
