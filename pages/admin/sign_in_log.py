"""Sign-in log: sign-ins, failures, lockouts, sign-outs and account changes, newest first."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from domain.accounts.events import EventKind

dash.register_page(
    __name__,
    path="/admin/sign-in-log",
    title="Sign-in log",
    capability="auth_log.read",
    nav="Sign-in log",
    order=81,
    description="Who signed in, failed or was locked out, and every change to accounts, with "
    "time, IP address and browser.",
)


def layout(**query) -> html.Div:
    """Lay out the log's filters and the table a callback fills."""
    kinds = [{"label": "All events", "value": "all"}] + [
        {"label": kind.label, "value": kind.value} for kind in EventKind
    ]
    return html.Div(
        [
            html.H1("Sign-in log", className="h2"),
            html.P(
                "Every sign-in, failed attempt, lockout, sign-out, password change and account "
                "change for the accounts you manage, newest first. Times are UK time.",
                className="lead",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dbc.Label("Email address contains", html_for="log-email"),
                            dbc.Input(
                                id="log-email",
                                type="search",
                                debounce=True,
                                autocomplete="off",
                                value=query.get("email", ""),
                            ),
                            dbc.FormText("Press Enter to filter."),
                        ],
                        md=6,
                        className="mb-3",
                    ),
                    dbc.Col(
                        [
                            dbc.Label("Event", html_for="log-kind"),
                            dbc.Select(id="log-kind", options=kinds, value="all"),
                        ],
                        md=6,
                        className="mb-3",
                    ),
                ]
            ),
            html.Div(id="log-table"),
            html.Nav(
                [
                    dbc.Button("Newer", id="log-previous", color="secondary", outline=True),
                    html.Span(id="log-page-label", className="mx-3"),
                    dbc.Button("Older", id="log-next", color="secondary", outline=True),
                ],
                className="d-flex align-items-center my-3",
                **{"aria-label": "Pages of the sign-in log"},
            ),
            dcc.Store(id="log-page", data=1),
        ]
    )
