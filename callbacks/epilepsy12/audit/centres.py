"""Name the centre a child was referred to (general paediatrics, neurology, epilepsy surgery)."""

from __future__ import annotations

from dash import MATCH, Input, Output, State, ctx, html, set_props
from flask_login import current_user

from callbacks.epilepsy12.audit.answers import SAVED
from pages.epilepsy12.audit.frame import section_progress, step_menu
from portal.db import get_session
from portal.errors import UserError
from portal.gate import callback
from services.epilepsy12.rows import set_centre


@callback(
    Output({"type": "e12-centre-saved", "role": MATCH}, "children"),
    Output({"type": "e12-centre-feedback", "role": MATCH}, "children"),
    Input({"type": "e12-centre", "role": MATCH}, "value"),
    State("e12-case", "data"),
    prevent_initial_call=True,
    capability="e12.audit.edit",
)
def choose_centre(value, case_id):
    """Save the chosen centre and show the section's new standing."""
    role = ctx.triggered_id["role"]
    try:
        result = set_centre(
            session=get_session(),
            user=current_user,
            case_id=int(case_id),
            role=role,
            organisation_id=int(value) if value else None,
        )
    except UserError as error:
        return "", html.Ul([html.Li(m) for m in getattr(error, "messages", [str(error)])])
    registered = result.record.is_registered
    set_props(
        "e12-step-menu",
        {"children": step_menu(int(case_id), result.completeness, "assessment", registered)},
    )
    set_props(
        "e12-section-progress",
        {"children": section_progress(result.completeness.sections["assessment"])},
    )
    return SAVED, ""
