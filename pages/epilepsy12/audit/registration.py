"""Registration, the first step of a child's audit: eligibility, lead site, first assessment date."""

from __future__ import annotations

import dash
from dash import html

from pages.epilepsy12.audit.frame import audit_page
from pages.epilepsy12.audit.registration_steps import registration_body
from services.epilepsy12.audit_view import AuditView

dash.register_page(
    __name__,
    path_template="/e12/cases/<case_id>/audit",
    title="Registration – Epilepsy12 audit",
    capability="e12.case.read",
    description="Register a child in the Epilepsy12 audit.",
)


def body(view: AuditView) -> list:
    return [html.Div(registration_body(view), id="e12-registration-body")]


def layout(case_id: str | None = None, **_query):
    return audit_page(case_id, "registration", body)
