"""The multiaxial diagnosis: episodes, syndromes, cause, comorbidities, development, mental health."""

from __future__ import annotations

import dash
from dash import html

from pages.epilepsy12.audit.forms import fields, holder_of
from pages.epilepsy12.audit.frame import audit_page, register_first
from pages.epilepsy12.audit.lists import list_block, wrapped_list
from pages.epilepsy12.audit.questions import QUESTIONS
from services.epilepsy12.audit_view import AuditView

dash.register_page(
    __name__,
    path_template="/e12/cases/<case_id>/audit/multiaxial-diagnosis",
    title="Multiaxial diagnosis – Epilepsy12 audit",
    capability="e12.case.read",
    description="One section of a child's Epilepsy12 audit.",
)

SECTION = "multiaxial_diagnosis"


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
                html.H3("Episodes", className="h5"),
                html.P(
                    "Describe each kind of episode the child had. At least one must be epileptic.",
                    className="text-body-secondary",
                ),
                list_block(view, "episodes"),
            ],
            className="e12-block",
        ),
        html.Section(
            [
                html.H3("Syndrome and cause", className="h5"),
                *_questions(view, "syndrome_present"),
                wrapped_list(view, SECTION, "syndromes", "syndromes", "Syndromes"),
                *_questions(
                    view, "epilepsy_cause_known", "epilepsy_cause", "epilepsy_cause_categories"
                ),
            ],
            className="e12-block",
        ),
        html.Section(
            [
                html.H3("Development and comorbidities", className="h5"),
                *_questions(view, "relevant_impairments_behavioural_educational"),
                wrapped_list(view, SECTION, "comorbidities", "comorbidities", "Comorbidities"),
                *_questions(
                    view,
                    "global_developmental_delay_or_learning_difficulties",
                    "global_developmental_delay_or_learning_difficulties_severity",
                    "autistic_spectrum_disorder",
                ),
            ],
            className="e12-block",
        ),
        html.Section(
            [
                html.H3("Mental health", className="h5"),
                *_questions(
                    view,
                    "mental_health_screen",
                    "mental_health_issue_identified",
                    "mental_health_issues",
                ),
            ],
            className="e12-block",
        ),
    ]


def layout(case_id: str | None = None, **_query):
    return audit_page(case_id, SECTION, body)
