"""The audit's epilepsy context form: each answer saves itself as it is given."""

from __future__ import annotations

import dash

from pages.epilepsy12.audit.forms import simple_form
from pages.epilepsy12.audit.frame import audit_page

dash.register_page(
    __name__,
    path_template="/e12/cases/<case_id>/audit/epilepsy-context",
    title="Epilepsy context – Epilepsy12 audit",
    capability="e12.case.read",
    description="One section of a child's Epilepsy12 audit.",
)

body = simple_form("epilepsy_context")


def layout(case_id: str | None = None, **_query):
    return audit_page(case_id, "epilepsy_context", body)
