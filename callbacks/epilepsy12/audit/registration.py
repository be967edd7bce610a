"""Registration: confirm eligibility, then register with the first paediatric assessment date.

Registering is asked twice (the date cannot be changed afterwards by the hospital team), the
second time on the page itself so that it works by keyboard and needs no browser dialog.
"""

from __future__ import annotations

import datetime as dt

import dash_bootstrap_components as dbc
from dash import Input, Output, State, ctx, html, no_update, set_props
from dash.exceptions import PreventUpdate
from flask_login import current_user

from callbacks.epilepsy12.audit.messages import humanise
from domain.epilepsy12.cohorts import cohort_for
from pages.epilepsy12.audit.frame import facts, section_progress, step_menu
from pages.epilepsy12.audit.registration_steps import registration_body
from portal.db import get_session
from portal.errors import UserError
from portal.gate import callback
from services.epilepsy12.audit_view import load_audit
from services.epilepsy12.registration import (
    confirm_eligibility,
    set_first_paediatric_assessment_date,
)


def _redraw(case_id: int):
    view = load_audit(session=get_session(), user=current_user, case_id=case_id)
    registered = view.child.record.is_registered
    set_props(
        "e12-step-menu",
        {"children": step_menu(case_id, view.completeness, "registration", registered)},
    )
    set_props(
        "e12-section-progress",
        {"children": section_progress(view.completeness.sections["registration"])},
    )
    set_props("e12-facts", {"children": facts(view)})
    return registration_body(view)


@callback(
    Output("e12-registration-body", "children", allow_duplicate=True),
    Input("e12-confirm-eligibility", "n_clicks"),
    State("e12-case", "data"),
    prevent_initial_call=True,
    capability="e12.audit.edit",
)
def confirm(clicks, case_id):
    """Record that the child meets the audit's criteria."""
    if not clicks:
        raise PreventUpdate
    confirm_eligibility(session=get_session(), user=current_user, case_id=int(case_id))
    return _redraw(int(case_id))


def _question(value: str) -> list:
    try:
        day = dt.date.fromisoformat(value)
        cohort = f" (cohort {cohort_for(day)})"
    except ValueError:
        day, cohort = None, ""
    shown = f"{day:%-d %B %Y}" if day else value
    return dbc.Alert(
        [
            html.P(
                f"Register the child with the first paediatric assessment on {shown}{cohort}? "
                "After this, only the national audit team can change the date.",
                className="mb-2",
            ),
            dbc.Button(
                "Yes, register", id="e12-fpa-confirm-yes", color="primary", className="me-2"
            ),
            dbc.Button("Cancel", id="e12-fpa-confirm-no", color="secondary", outline=True),
        ],
        color="info",
        className="mt-2",
    )


@callback(
    Output("e12-fpa-confirm", "children"),
    Output("e12-fpa-feedback", "children"),
    Input("e12-fpa-register", "n_clicks"),
    State("e12-fpa-date", "value"),
    prevent_initial_call=True,
    capability="e12.audit.edit",
)
def ask(clicks, value):
    """Ask once more before registering, naming the date and its cohort."""
    if not clicks:
        raise PreventUpdate
    if not value:
        return None, "Enter the date of the first paediatric assessment first."
    return _question(value), ""


@callback(
    Output("e12-registration-body", "children", allow_duplicate=True),
    Input("e12-fpa-confirm-yes", "n_clicks"),
    Input("e12-fpa-confirm-no", "n_clicks"),
    State("e12-fpa-date", "value"),
    State("e12-case", "data"),
    prevent_initial_call=True,
    capability="e12.audit.edit",
)
def register(yes, no, value, case_id):
    """Register the child, or go back to the date."""
    if ctx.triggered_id == "e12-fpa-confirm-no" and no:
        set_props("e12-fpa-confirm", {"children": None})
        return no_update
    if not yes:
        raise PreventUpdate
    try:
        set_first_paediatric_assessment_date(
            session=get_session(), user=current_user, case_id=int(case_id), value=value
        )
    except UserError as error:
        messages = getattr(error, "messages", [str(error)])
        set_props("e12-fpa-confirm", {"children": None})
        set_props("e12-fpa-feedback", {"children": [humanise(m) for m in messages]})
        set_props("e12-fpa-date", {"invalid": True})
        return no_update
    return _redraw(int(case_id))
