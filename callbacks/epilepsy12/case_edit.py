"""The case page's actions: consent, submit, transfer, move, opt out and delete.

Each parses its inputs, calls the service (which checks role, scope and lock again, whatever the
browser sent), and either says what went wrong or reloads the page with what was done.
"""

from __future__ import annotations

from dash import Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate
from flask_login import current_user

from callbacks.epilepsy12.child_form import case_id_from
from callbacks.epilepsy12.rendering import outcome
from portal.db import get_session
from portal.errors import UserError
from portal.gate import callback
from services.epilepsy12 import cases, sites

REDIRECT = Output("edit-case-redirect", "href", allow_duplicate=True)
CONSENT = {"yes": True, "no": False, "unknown": None}


def _clicked() -> bool:
    return bool(ctx.triggered and ctx.triggered[0].get("value"))


def _run(action, done: str, case_id: int, **kwargs):
    """Run ``action``; return the page to reload, or the reason it was refused."""
    try:
        action(session=get_session(), user=current_user, case_id=case_id, **kwargs)
    except UserError as error:
        return no_update, outcome(str(error), ok=False)
    return f"/e12/cases/{case_id}?done={done}", None


@callback(
    Output("edit-consent-result", "children"),
    Input("edit-consent", "value"),
    State("edit-case-id", "data"),
    prevent_initial_call=True,
    capability="e12.case.edit",
)
def save_consent(value, case_id):
    """Record the family's answer as soon as it is chosen."""
    if value not in CONSENT:
        raise PreventUpdate
    try:
        cases.set_consent(
            session=get_session(),
            user=current_user,
            case_id=case_id_from(case_id),
            consent=CONSENT[value],
        )
    except UserError as error:
        return outcome(str(error), ok=False)
    return outcome("Consent saved.")


@callback(
    REDIRECT,
    Output("edit-audit-result", "children"),
    Input("edit-submit", "n_clicks", allow_optional=True),
    Input("edit-unsubmit", "n_clicks", allow_optional=True),
    State("edit-case-id", "data"),
    prevent_initial_call=True,
    capability="e12.audit.edit",
)
def submit_or_unsubmit(_submit, _unsubmit, case_id):
    """Submit a complete audit, or reopen a submitted one."""
    if not _clicked():
        raise PreventUpdate
    case_id = case_id_from(case_id)
    if ctx.triggered_id == "edit-submit":
        return _run(cases.submit, "submitted", case_id)
    return _run(cases.unsubmit, "unsubmitted", case_id)


@callback(
    REDIRECT,
    Output("edit-transfer-result", "children"),
    Input("edit-transfer-request", "n_clicks", allow_optional=True),
    Input("edit-transfer-cancel", "n_clicks", allow_optional=True),
    State("edit-transfer-to", "value", allow_optional=True),
    State("edit-case-id", "data"),
    prevent_initial_call=True,
    capability="e12.transfer",
)
def transfer(_request, _cancel, destination, case_id):
    """Ask another organisation to take the child over, or withdraw the request."""
    if not _clicked():
        raise PreventUpdate
    case_id = case_id_from(case_id)
    if ctx.triggered_id == "edit-transfer-cancel":
        return _run(sites.cancel_transfer, "transfer_withdrawn", case_id)
    if not destination:
        return no_update, outcome("Choose the organisation taking over.", ok=False)
    return _run(sites.request_transfer, "transfer_requested", case_id, organisation_id=destination)


@callback(
    REDIRECT,
    Output("edit-transfer-result", "children", allow_duplicate=True),
    Input("edit-allocate", "n_clicks"),
    State("edit-allocate-to", "value"),
    State("edit-case-id", "data"),
    prevent_initial_call=True,
    capability="e12.lead_site.allocate",
)
def move_lead_site(_clicks, destination, case_id):
    """Move the lead site at once within the user's trust or health board."""
    if not _clicked():
        raise PreventUpdate
    if not destination:
        return no_update, outcome("Choose the site taking over.", ok=False)
    return _run(
        sites.allocate_lead_site, "moved", case_id_from(case_id), organisation_id=destination
    )


def _confirmed(prefix: str, run):
    """Open the dialog, close it on Cancel, run the action on Confirm."""
    trigger = ctx.triggered_id
    if not _clicked():
        raise PreventUpdate
    if trigger == f"{prefix}-cancel":
        return False, no_update, no_update
    if trigger == prefix:
        return True, no_update, no_update
    href, problem = run()
    return False, href, problem


@callback(
    Output("edit-opt-out-dialog", "is_open"),
    REDIRECT,
    Output("edit-danger-result", "children"),
    Input("edit-opt-out", "n_clicks"),
    Input("edit-opt-out-cancel", "n_clicks"),
    Input("edit-opt-out-confirm", "n_clicks"),
    State("edit-case-id", "data"),
    prevent_initial_call=True,
    capability="e12.audit.edit",
)
def opt_out(_open, _cancel, _confirm, case_id):
    """Opt the child out after the user confirms what it wipes."""
    case_id = case_id_from(case_id)
    return _confirmed("edit-opt-out", lambda: _run(cases.opt_out, "opted_out", case_id))


@callback(
    Output("edit-delete-dialog", "is_open"),
    REDIRECT,
    Output("edit-danger-result", "children", allow_duplicate=True),
    Input("edit-delete", "n_clicks"),
    Input("edit-delete-cancel", "n_clicks"),
    Input("edit-delete-confirm", "n_clicks"),
    State("edit-case-id", "data"),
    prevent_initial_call=True,
    capability="e12.case.delete",
)
def delete(_open, _cancel, _confirm, case_id):
    """Delete the child after the user confirms, then go back to the list."""
    case_id = case_id_from(case_id)

    def run():
        try:
            cases.delete_case(session=get_session(), user=current_user, case_id=case_id)
        except UserError as error:
            return no_update, outcome(str(error), ok=False)
        return f"/e12/cases?deleted={case_id}", None

    return _confirmed("edit-delete", run)
