"""Management in the first year: medicines, the individualised care plan, mental health support."""

from __future__ import annotations

import dash
from dash import html

from pages.epilepsy12.audit.forms import fields, holder_of
from pages.epilepsy12.audit.frame import audit_page, register_first
from pages.epilepsy12.audit.lists import wrapped_list
from pages.epilepsy12.audit.questions import CARE_PLAN, QUESTIONS
from services.epilepsy12.audit_view import AuditView

dash.register_page(
    __name__,
    path_template="/e12/cases/<case_id>/audit/management",
    title="Management – Epilepsy12 audit",
    capability="e12.case.read",
    description="One section of a child's Epilepsy12 audit.",
)

SECTION = "management"


def _questions(view: AuditView, *names: str) -> list:
    holder = holder_of(view, SECTION)
    return fields(view, SECTION, holder, [QUESTIONS[SECTION][name] for name in names])


def body(view: AuditView) -> list:
    waiting = register_first(view)
    if waiting is not None:
        return [waiting]
    return [
        html.Section(
            [
                html.H3("Medicines", className="h5"),
                *_questions(view, "has_an_aed_been_given"),
                wrapped_list(
                    view, SECTION, "maintenance_medicines", "maintenance", "Maintenance medicines"
                ),
                *_questions(view, "has_rescue_medication_been_prescribed"),
                wrapped_list(view, SECTION, "rescue_medicines", "rescue", "Rescue medicines"),
            ],
            className="e12-block",
        ),
        html.Section(
            [
                html.H3("Individualised care plan", className="h5"),
                *_questions(
                    view, "individualised_care_plan_in_place", *(q.field for q in CARE_PLAN)
                ),
            ],
            className="e12-block",
        ),
        html.Section(
            [
                html.H3("Mental health support", className="h5"),
                *_questions(
                    view,
                    "has_been_referred_for_mental_health_support",
                    "has_support_for_mental_health_support",
                ),
            ],
            className="e12-block",
        ),
    ]


def layout(case_id: str | None = None, **_query):
    return audit_page(case_id, SECTION, body)
