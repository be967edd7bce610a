"""The users page: list the accounts in scope, create one, and act on one after confirming."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, ctx, html, no_update
from dash.exceptions import PreventUpdate
from flask_login import current_user

from callbacks.admin.rendering import handover, local_time, message, status_badges
from domain.names import display_name
from portal.auth.origin import request_origin
from portal.db import get_session
from portal.errors import UserError
from portal.gate import callback
from services.accounts import management
from services.accounts.listing import UserPage, UserRow, list_users

_FILTERS = ("users-search", "users-role", "users-status")

#: Actions on a row: button text, whether to ask first, and the question.
ACTIONS = {
    "reset_password": (
        "Reset password",
        "They are signed out everywhere and get a new temporary password to use next time.",
    ),
    "reset_two_factor": (
        "Reset two-factor",
        "They are signed out and must set up their authenticator app again.",
    ),
    "deactivate": ("Deactivate", "They are signed out and cannot sign in until reactivated."),
    "reactivate": ("Reactivate", None),
    "unlock": ("Unlock", None),
}


def _button(action: str, row: UserRow) -> dbc.Button:
    text = ACTIONS[action][0]
    return dbc.Button(
        [text, html.Span(f" for {row.full_name}", className="visually-hidden")],
        id={"type": "user-action", "action": action, "user": row.id},
        color="danger" if action == "deactivate" else "secondary",
        outline=True,
        size="sm",
        className="me-1 mb-1",
    )


def _actions(row: UserRow, *, own_id: int | None) -> list:
    if row.id == own_id:
        return [html.A("Change your password", href="/account/password")]
    actions = ["reset_password"]
    if row.locked_until is not None and row.is_active:
        actions.append("unlock")
    if row.two_factor:
        actions.append("reset_two_factor")
    actions.append("deactivate" if row.is_active else "reactivate")
    return [_button(action, row) for action in actions]


def users_table(page: UserPage, *, own_id: int | None = None):
    """Shape one page of accounts as a table, or say that none matched."""
    if not page.rows:
        return html.P("No accounts match these filters.", className="my-3")
    head = html.Thead(
        html.Tr(
            [
                html.Th(label, scope="col")
                for label in ("Name", "Role", "Organisation", "Status", "Last sign-in", "Actions")
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Th(
                        [
                            row.full_name,
                            html.Div(row.email, className="small fw-normal text-break"),
                        ],
                        scope="row",
                    ),
                    html.Td(row.role.label),
                    html.Td(
                        f"{display_name(row.organisation)} ({row.ods_code})"
                        if row.ods_code
                        else "—"
                    ),
                    html.Td(status_badges(row)),
                    html.Td(local_time(row.last_sign_in_at)),
                    html.Td(_actions(row, own_id=own_id)),
                ]
            )
            for row in page.rows
        ]
    )
    return dbc.Table([head, body], hover=True, responsive=True, className="align-middle")


@callback(
    Output("users-table", "children"),
    Output("users-page-label", "children"),
    Output("users-page", "data"),
    Output("users-previous", "disabled"),
    Output("users-next", "disabled"),
    Input("users-search", "value"),
    Input("users-role", "value"),
    Input("users-status", "value"),
    Input("users-previous", "n_clicks"),
    Input("users-next", "n_clicks"),
    Input("users-created", "data"),
    Input("users-changed", "data"),
    State("users-page", "data"),
    capability="users.manage",
)
def show_users(search, role, status, _previous, _next, _created, _changed, page):
    """List one page of the accounts the signed-in manager looks after."""
    page = int(page or 1)
    if ctx.triggered_id == "users-previous":
        page -= 1
    elif ctx.triggered_id == "users-next":
        page += 1
    elif ctx.triggered_id in _FILTERS:
        page = 1
    try:
        result = list_users(
            session=get_session(),
            user=current_user,
            search=search or "",
            role=None if role in (None, "", "all") else role,
            status=status or "all",
            page=page,
        )
    except UserError as error:
        return message(str(error), ok=False), "", 1, True, True
    label = f"Page {result.page} of {result.pages} · {result.total} account" + (
        "s" if result.total != 1 else ""
    )
    return (
        users_table(result, own_id=current_user.id),
        label,
        result.page,
        result.page <= 1,
        result.page >= result.pages,
    )


@callback(
    Output("create-organisation", "disabled"),
    Output("create-organisation", "value"),
    Input("create-role", "value"),
    State("create-organisation", "value"),
    capability="users.manage",
)
def employer_for_role(role, organisation):
    """National roles have no employer: switch the organisation field off for them."""
    national = role == "national_audit_team"
    return national, None if national else organisation


@callback(
    Output("create-result", "children"),
    Output("users-created", "data"),
    Output("create-email", "value"),
    Output("create-name", "value"),
    Input("create-form", "n_submit"),
    State("create-email", "value"),
    State("create-name", "value"),
    State("create-role", "value"),
    State("create-organisation", "value"),
    State("users-created", "data"),
    prevent_initial_call=True,
    capability="users.manage",
)
def create_account(_submitted, email, full_name, role, organisation_id, created):
    """Create the account (the service re-checks role and organisation) and show its password."""
    try:
        user, temporary = management.create_user(
            session=get_session(),
            actor=current_user,
            email=email,
            full_name=full_name,
            role=role,
            organisation_id=organisation_id or None,
            origin=request_origin(),
        )
    except UserError as error:
        return message(str(error), ok=False), no_update, no_update, no_update
    alert = handover(user.email, temporary, what=f"Created an account for {user.full_name}.")
    return alert, (created or 0) + 1, "", ""


def _perform(action: str, user_id: int):
    """Run ``action`` through the service, which refuses accounts outside the manager's scope."""
    common = {
        "session": get_session(),
        "actor": current_user,
        "user_id": user_id,
        "origin": request_origin(),
    }
    if action == "reset_password":
        user, temporary = management.reset_password(**common)
        return handover(user.email, temporary, what="Password reset.")
    if action == "reset_two_factor":
        user = management.reset_two_factor(**common)
        return message(f"Two-factor sign-in reset for {user.email}.")
    if action == "deactivate":
        user = management.deactivate_user(**common)
        return message(f"{user.email} is deactivated.")
    if action == "reactivate":
        user = management.reactivate_user(**common)
        return message(f"{user.email} can sign in again.")
    if action == "unlock":
        user = management.unlock_user(**common)
        return message(f"{user.email} is unlocked.")
    raise PreventUpdate


@callback(
    Output("confirm-dialog", "is_open"),
    Output("confirm-title", "children"),
    Output("confirm-body", "children"),
    Output("confirm-yes", "children"),
    Output("users-pending-action", "data"),
    Output("users-action-result", "children"),
    Output("users-changed", "data"),
    Input({"type": "user-action", "action": ALL, "user": ALL}, "n_clicks"),
    Input("confirm-yes", "n_clicks"),
    Input("confirm-cancel", "n_clicks"),
    State("users-pending-action", "data"),
    State("users-changed", "data"),
    prevent_initial_call=True,
    capability="users.manage",
)
def act_on_account(_row_clicks, _yes, _cancel, pending, changed):
    """Ask before a disruptive action, then run it; harmless ones run at once."""
    trigger = ctx.triggered_id
    unchanged = (no_update,) * 3
    if trigger == "confirm-cancel":
        return False, *unchanged, None, no_update, no_update
    if trigger == "confirm-yes":
        if not pending:
            raise PreventUpdate
        result = _run(pending.get("action"), pending.get("user_id"))
        return False, *unchanged, None, result, (changed or 0) + 1
    if not isinstance(trigger, dict) or not ctx.triggered[0].get("value"):
        raise PreventUpdate
    action, user_id = trigger.get("action"), trigger.get("user")
    if action not in ACTIONS:
        raise PreventUpdate
    text, question = ACTIONS[action]
    if question is None:
        return False, *unchanged, None, _run(action, user_id), (changed or 0) + 1
    user = management.managed_user(session=get_session(), actor=current_user, user_id=user_id)
    body = [html.P(f"{text} for {user.full_name} ({user.email})?"), html.P(question)]
    pending = {"action": action, "user_id": user.id}
    return True, f"{text}?", body, text, pending, no_update, no_update


def _run(action, user_id):
    try:
        return _perform(action, user_id)
    except UserError as error:
        return message(str(error), ok=False)
