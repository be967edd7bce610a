"""Two-factor policy: which roles must sign in with a code from an authenticator app."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import html

from portal.db import get_session
from portal.roles import Role
from services.accounts.two_factor import two_factor_policies

dash.register_page(
    __name__,
    path="/admin/security",
    title="Two-factor policy",
    capability="system.admin",
    description="Choose which roles must use two-factor sign-in.",
)


def layout(**_query) -> html.Div:
    """Lay out one switch per role, set as the policy stands."""
    policies = two_factor_policies(session=get_session())
    return html.Div(
        [
            html.H1("Two-factor policy", className="h2"),
            html.P(
                "Accounts of the roles switched on here must set up an authenticator app the "
                "next time they sign in, and then enter a code each time. Any user may turn "
                "two-factor sign-in on for their own account.",
                className="lead",
            ),
            dbc.Form(
                [
                    html.Fieldset(
                        [
                            html.Legend("Roles that must use two-factor sign-in", className="h5"),
                            dbc.Checklist(
                                id="policy-roles",
                                options=[{"label": r.label, "value": r.value} for r in Role],
                                value=[r.value for r, required in policies.items() if required],
                                switch=True,
                                class_name="mb-3",
                            ),
                        ]
                    ),
                    dbc.Button("Save policy", id="policy-save", type="submit", color="primary"),
                ],
                id="policy-form",
            ),
            html.Div(id="policy-result", className="mt-3", **{"aria-live": "polite"}),
            html.P(html.A("Back to user accounts", href="/admin/users"), className="mt-3"),
        ]
    )
