"""One child: correct their details, record consent, submit, move or transfer, opt out or delete."""

from __future__ import annotations

import datetime as dt

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_login import current_user

from callbacks.epilepsy12.rendering import day, full_name, icon, nhs_number
from domain.epilepsy12.cohorts import is_past_deadline
from domain.names import display_name
from models.geography import Organisation
from pages.epilepsy12.case_panels import audit_panel, consent_panel, danger_panel, sites_panel
from pages.epilepsy12.child_form import child_fields, error_summary, focus_store
from portal import access
from portal.access import AccessDenied
from portal.db import get_session
from services.epilepsy12.cases import IDENTIFIERS, get_case
from services.epilepsy12.sites import allocation_choices, case_sites, transfer_choices

PREFIX = "edit-child"

#: What the page says after an action that reloads it (``?done=…``).
DONE = {
    "submitted": "Submitted. Only the national audit team can change the audit now, "
    "unless you unsubmit it before the deadline.",
    "unsubmitted": "Reopened: the audit can be changed again.",
    "transfer_requested": "Transfer requested. The other organisation has been told; the child "
    "stays with you until they accept.",
    "transfer_withdrawn": "Transfer request withdrawn.",
    "moved": "Lead site changed.",
    "opted_out": "The child has been opted out: their details and audit answers are wiped.",
}


def _title(case_id: str | None = None, **_kwargs) -> str:
    return f"Epilepsy12 case {case_id}" if case_id else "Epilepsy12 case"


# No explicit order: pages with one (such as /e12/cases/new) are matched first.
dash.register_page(
    __name__,
    path_template="/e12/cases/<case_id>",
    title=_title,
    capability="e12.case.read",
    description="A child's details, consent, lead site, transfers and submission.",
)


def _not_found(case_id) -> html.Div:
    return html.Div(
        [
            html.H1("Child not found"),
            html.P(f"There is no child with case number {case_id} that you can see."),
            dcc.Link("Back to the case list", href="/e12/cases"),
        ]
    )


def _header(detail, organisation: str) -> list:
    name = full_name(detail.first_name, detail.surname)
    facts = [f"Case {detail.id}", "NHS number ", nhs_number(detail.nhs_number)]
    if detail.date_of_birth:
        facts += [f" · Born {day(detail.date_of_birth)}"]
    facts += [f" · Led by {organisation}"]
    return [
        html.P(dcc.Link([icon("bi-arrow-left"), "Back to the case list"], href="/e12/cases")),
        html.H1(name if detail.opted_out_at is None else f"Case {detail.id} (opted out)"),
        html.P([facts[0], " · ", *facts[1:]], className="lead case-facts"),
    ]


def layout(case_id: str | None = None, done: str | None = None, **_query) -> html.Div:
    """Lay out the case page for a child the user may see; any other id reads as not found."""
    if not (case_id or "").isdigit():
        return _not_found(case_id)
    session = get_session()
    try:
        detail = get_case(session=session, user=current_user, case_id=int(case_id))
        sites = case_sites(session=session, user=current_user, case_id=detail.id)
    except AccessDenied:
        return _not_found(case_id)
    organisation = (
        session.get(Organisation, detail.organisation_id) if detail.organisation_id else None
    )
    org_name = display_name(organisation.name) if organisation else "no organisation"
    locked_out = detail.lock_reason is not None and not access.can(current_user, "e12.locked.edit")
    editable = not locked_out
    may = {
        capability: access.can(current_user, capability)
        for capability in (
            "e12.case.edit",
            "e12.audit.edit",
            "e12.transfer",
            "e12.lead_site.allocate",
            "e12.case.delete",
        )
    }
    may_transfer = may["e12.transfer"]
    past = detail.deadline is not None and is_past_deadline(detail.deadline, today=dt.date.today())
    submission_open = not past or access.can(current_user, "e12.locked.edit")
    destinations = (
        transfer_choices(session=session, user=current_user, case_id=detail.id)
        if may_transfer
        else []
    )
    lead_id = sites.lead.organisation_id if sites.lead else None
    in_scope = [
        c for c in allocation_choices(session=session, user=current_user) if c[0] != lead_id
    ]
    values = {field: getattr(detail, field) for field in IDENTIFIERS}
    details_editable = editable and may["e12.case.edit"] and detail.opted_out_at is None
    alerts = []
    if done in DONE:
        alerts.append(
            dbc.Alert([icon("bi-check-circle-fill"), DONE[done]], color="success", dismissable=True)
        )
    if detail.lock_reason:
        who = (
            "You can still change it as a member of the national audit team."
            if not locked_out
            else "Only the national audit team can change it now."
        )
        alerts.append(
            dbc.Alert(
                [icon("bi-lock-fill"), f"{detail.lock_reason} {who}"],
                color="warning",
                id="edit-lock-reason",
            )
        )
    details_card = dbc.Card(
        dbc.CardBody(
            [
                html.H2("Child's details", id="edit-details-heading", className="h4 card-title"),
                error_summary(PREFIX),
                dbc.Form(
                    [
                        *child_fields(PREFIX, values, disabled=not details_editable),
                        dbc.Button(
                            "Save details",
                            id=f"{PREFIX}-submit",
                            type="submit",
                            color="primary",
                            size="lg",
                            disabled=not details_editable,
                        ),
                    ],
                    id=f"{PREFIX}-form",
                ),
            ]
        ),
        className="mb-3",
    )
    side = [
        audit_panel(detail, may_submit=may["e12.audit.edit"], editable=submission_open),
        consent_panel(
            detail, editable=editable and may["e12.case.edit"] and detail.opted_out_at is None
        ),
        sites_panel(
            detail,
            sites,
            may_transfer=may_transfer,
            may_allocate=may["e12.lead_site.allocate"],
            editable=editable,
            destinations=destinations,
            in_scope=in_scope,
        ),
        danger_panel(
            detail,
            may_opt_out=may["e12.audit.edit"],
            may_delete=may["e12.case.delete"],
            editable=editable,
            organisation=org_name,
        ),
    ]
    return html.Div(
        [
            dcc.Location(id="edit-case-redirect", refresh="callback-nav"),
            dcc.Store(id="edit-case-id", data=detail.id),
            focus_store(PREFIX),
            dcc.Store(id=f"{PREFIX}-focus-done"),
            *_header(detail, f"{org_name} ({organisation.ods_code})" if organisation else org_name),
            *alerts,
            dbc.Row(
                [
                    dbc.Col(
                        html.Section(details_card, **{"aria-labelledby": "edit-details-heading"}),
                        lg=7,
                    ),
                    dbc.Col([panel for panel in side if panel is not None], lg=5),
                ]
            ),
        ],
        className="case-page",
    )
