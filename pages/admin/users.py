"""User accounts: the accounts a manager looks after, and the form to create one."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_login import current_user

from portal import access
from portal.db import get_session
from portal.roles import Role
from services.accounts.listing import STATUSES, organisation_choices

#: dbc.Select keeps "" for its hidden placeholder, so "every role" needs a value of its own.
ALL = "all"

dash.register_page(
    __name__,
    path="/admin/users",
    title="User accounts",
    capability="users.manage",
    nav="Users",
    order=80,
    description="Create accounts, reset passwords and two-factor sign-in, unlock and deactivate "
    "the accounts you manage.",
)


def _role_options(roles) -> list[dict]:
    ordered = [role for role in Role if role in roles]
    return [{"label": role.label, "value": role.value} for role in ordered]


def _field(label: str, control, field_id: str, *, hint: str | None = None, **col) -> dbc.Col:
    parts = [dbc.Label(label, html_for=field_id), control]
    if hint:
        parts.append(dbc.FormText(hint, id=f"{field_id}-hint"))
    return dbc.Col(parts, className="mb-3", **col)


def create_form(roles, organisations) -> dbc.Card:
    """The form to create an account: role and employer limited to what the manager may give."""
    organisation_options = [{"label": label, "value": str(id_)} for id_, label in organisations]
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2("Create an account", className="h4 card-title"),
                html.P(
                    "The new user gets a temporary password, shown here once, and chooses their "
                    "own when they first sign in.",
                    className="text-body-secondary",
                ),
                dbc.Form(
                    [
                        dbc.Row(
                            [
                                _field(
                                    "Email address",
                                    dbc.Input(
                                        id="create-email",
                                        type="email",
                                        autocomplete="off",
                                        maxlength=254,
                                        required=True,
                                    ),
                                    "create-email",
                                    md=6,
                                ),
                                _field(
                                    "Full name",
                                    dbc.Input(
                                        id="create-name",
                                        type="text",
                                        autocomplete="off",
                                        maxlength=200,
                                        required=True,
                                    ),
                                    "create-name",
                                    md=6,
                                ),
                                _field(
                                    "Role",
                                    dbc.Select(
                                        id="create-role",
                                        options=_role_options(roles),
                                        placeholder="Choose a role",
                                        required=True,
                                    ),
                                    "create-role",
                                    md=6,
                                ),
                                _field(
                                    "Employer organisation",
                                    dbc.Select(
                                        id="create-organisation",
                                        options=organisation_options,
                                        placeholder="Choose an organisation",
                                    ),
                                    "create-organisation",
                                    md=6,
                                    hint="Not needed for the national audit team.",
                                ),
                            ]
                        ),
                        dbc.Button(
                            "Create account",
                            id="create-submit",
                            type="submit",
                            color="primary",
                            size="lg",
                        ),
                    ],
                    id="create-form",
                ),
                html.Div(id="create-result", className="mt-3", **{"aria-live": "polite"}),
            ]
        ),
        className="mb-4",
    )


def filters(roles) -> dbc.Row:
    """Search, role and status filters for the list of accounts."""
    return dbc.Row(
        [
            _field(
                "Search",
                dbc.Input(id="users-search", type="search", debounce=True, autocomplete="off"),
                "users-search",
                hint="Name, email address, organisation or ODS code; press Enter to search.",
                md=6,
                xl=4,
            ),
            _field(
                "Role",
                dbc.Select(
                    id="users-role",
                    options=[{"label": "All roles", "value": ALL}] + _role_options(roles),
                    value=ALL,
                ),
                "users-role",
                md=3,
                xl=4,
            ),
            _field(
                "Status",
                dbc.Select(
                    id="users-status",
                    options=[{"label": label, "value": key} for key, label in STATUSES.items()],
                    value="all",
                ),
                "users-status",
                md=3,
                xl=4,
            ),
        ]
    )


def confirm_dialog() -> dbc.Modal:
    """Ask before an action that ends someone's sessions or changes how they sign in."""
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle("Confirm", id="confirm-title")),
            dbc.ModalBody(id="confirm-body"),
            dbc.ModalFooter(
                [
                    dbc.Button("Cancel", id="confirm-cancel", color="secondary", outline=True),
                    dbc.Button("Confirm", id="confirm-yes", color="primary"),
                ]
            ),
        ],
        id="confirm-dialog",
        is_open=False,
        labelledby="confirm-title",
    )


def layout(**_query) -> html.Div:
    """Lay out the users page for the signed-in manager."""
    roles = access.manageable_roles(current_user)
    organisations = organisation_choices(session=get_session(), user=current_user)
    links = [html.A("Sign-in log", href="/admin/sign-in-log")]
    if access.can(current_user, "system.admin"):
        links += [" · ", html.A("Two-factor policy", href="/admin/security")]
    return html.Div(
        [
            html.H1("User accounts", className="h2"),
            html.P(links),
            create_form(roles, organisations),
            html.H2("Accounts", className="h4"),
            filters(roles),
            html.Div(id="users-action-result", **{"aria-live": "polite"}),
            html.Div(id="users-table"),
            html.Nav(
                [
                    dbc.Button("Previous", id="users-previous", color="secondary", outline=True),
                    html.Span(id="users-page-label", className="mx-3"),
                    dbc.Button("Next", id="users-next", color="secondary", outline=True),
                ],
                className="d-flex align-items-center my-3",
                **{"aria-label": "Pages of accounts"},
            ),
            dcc.Store(id="users-page", data=1),
            dcc.Store(id="users-created", data=0),
            dcc.Store(id="users-changed", data=0),
            dcc.Store(id="users-pending-action"),
            confirm_dialog(),
        ]
    )
