"""Save the two-factor policy."""

from __future__ import annotations

from dash import Input, Output, State
from flask_login import current_user

from callbacks.admin.rendering import message
from portal.auth.origin import request_origin
from portal.db import get_session
from portal.errors import UserError
from portal.gate import callback
from services.accounts.two_factor import set_two_factor_policy
from services.accounts.validation import parse_role


@callback(
    Output("policy-result", "children"),
    Input("policy-form", "n_submit"),
    State("policy-roles", "value"),
    prevent_initial_call=True,
    capability="system.admin",
)
def save_policy(_submitted, roles):
    """Require two-factor sign-in for exactly the roles switched on."""
    try:
        required = {parse_role(value) for value in roles or []}
    except UserError as error:
        return message(str(error), ok=False)
    changed = set_two_factor_policy(
        session=get_session(), actor=current_user, required_roles=required, origin=request_origin()
    )
    if not changed:
        return message("Nothing changed.")
    words = ", ".join(
        f"{role.label}: {'required' if role in required else 'optional'}" for role in changed
    )
    return message(f"Saved. {words}.")
