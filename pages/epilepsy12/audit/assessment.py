"""The assessment: referrals on the four specialist pathways, their dates and their centres."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import html

from pages.epilepsy12.audit.forms import fields, holder_of
from pages.epilepsy12.audit.frame import audit_page, register_first
from pages.epilepsy12.audit.questions import PATHWAYS, QUESTIONS
from pages.epilepsy12.audit.visibility import is_shown
from pages.epilepsy12.audit.widgets import answer_id, dom_id
from portal.db import get_session
from services.epilepsy12.audit_view import AuditView, centre_choices

dash.register_page(
    __name__,
    path_template="/e12/cases/<case_id>/audit/assessment",
    title="Assessment – Epilepsy12 audit",
    capability="e12.case.read",
    description="One section of a child's Epilepsy12 audit.",
)

SECTION = "assessment"
CENTRE_NAMES = {
    "site_is_general_paediatric_centre": "Which centre gave the paediatric input?",
    "site_is_paediatric_neurology_centre": "Which paediatric neurology centre?",
    "site_is_childrens_epilepsy_surgery_centre": "Which epilepsy surgery centre?",
}


def centre_picker(view: AuditView, pathway: str, role: str, choices) -> html.Div:
    """Choose the organisation that plays a pathway's role; shown once the referral is made."""
    holder = holder_of(view, SECTION)
    current = view.centre(role)
    picker_id = {"type": "e12-centre", "role": role}
    return html.Div(
        [
            dbc.Label(CENTRE_NAMES[role], html_for=dom_id(picker_id), className="e12-question"),
            dbc.Select(
                id=picker_id,
                options=[{"label": "Choose…", "value": ""}]
                + [{"label": label, "value": str(id_)} for id_, label in choices],
                value=str(current.organisation_id) if current else "",
                disabled=not view.may_edit,
                className="e12-select",
            ),
            html.Span(
                id={"type": "e12-centre-saved", "role": role}, className="e12-saved", role="status"
            ),
            html.Div(
                id={"type": "e12-centre-feedback", "role": role},
                className="e12-feedback",
                role="alert",
            ),
        ],
        id=answer_id("e12-field", SECTION, f"{pathway}_centre"),
        className="e12-field",
        hidden=not is_shown(SECTION, holder, f"{pathway}_centre"),
    )


def body(view: AuditView) -> list:
    waiting = register_first(view)
    if waiting is not None:
        return [waiting]
    holder = holder_of(view, SECTION)
    questions = QUESTIONS[SECTION]
    choices = centre_choices(get_session())
    blocks = [
        html.Section(
            fields(
                view,
                SECTION,
                holder,
                [questions["childrens_epilepsy_surgical_service_referral_criteria_met"]],
            ),
            className="e12-block",
        )
    ]
    for pathway, (_label, _help, role) in PATHWAYS.items():
        names = (f"{pathway}_referral_made", f"{pathway}_referral_date", f"{pathway}_input_date")
        parts = fields(view, SECTION, holder, [questions[name] for name in names])
        if role:
            parts.append(centre_picker(view, pathway, role, choices))
        blocks.append(html.Section(parts, className="e12-block"))
    return blocks


def layout(case_id: str | None = None, **_query):
    return audit_page(case_id, SECTION, body)
