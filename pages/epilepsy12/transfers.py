"""Transfers between organisations: children waiting for us to accept them, and ours waiting."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

dash.register_page(
    __name__,
    path="/e12/transfers",
    title="Epilepsy12 transfers",
    capability="e12.case.read",
    description="Accept or reject children another organisation asks you to take over, "
    "and follow the transfers you asked for.",
)


def layout(**_query) -> html.Div:
    """Lay out both lists; a callback fills them so they refresh after each answer."""
    return html.Div(
        [
            dcc.Store(id="transfers-changed", data=0),
            dcc.Store(id="transfers-pending"),
            html.P(
                dcc.Link(
                    [
                        html.I(className="bi bi-arrow-left me-1", **{"aria-hidden": "true"}),
                        "Back to the case list",
                    ],
                    href="/e12/cases",
                )
            ),
            html.H1("Transfers"),
            html.P(
                "A child moves to another organisation only when that organisation accepts. "
                "Until then the child stays with the organisation that asked.",
                className="lead",
            ),
            html.Div(id="transfers-message", **{"aria-live": "polite"}),
            html.Section(
                [
                    html.H2("Waiting for you to accept", id="incoming-heading", className="h3"),
                    html.Div(id="transfers-incoming"),
                ],
                className="mb-4",
                **{"aria-labelledby": "incoming-heading"},
            ),
            html.Section(
                [
                    html.H2(
                        "Asked for by you, waiting for an answer",
                        id="outgoing-heading",
                        className="h3",
                    ),
                    html.Div(id="transfers-outgoing"),
                ],
                **{"aria-labelledby": "outgoing-heading"},
            ),
            dbc.Modal(
                [
                    dbc.ModalHeader(dbc.ModalTitle("Reject this transfer?", id="reject-title")),
                    dbc.ModalBody(
                        [
                            html.P(id="reject-summary"),
                            dbc.Label(
                                "Reason (optional, shown to the organisation that asked)",
                                html_for="reject-reason",
                            ),
                            dbc.Textarea(id="reject-reason", maxlength=200, rows=2),
                        ]
                    ),
                    dbc.ModalFooter(
                        [
                            dbc.Button(
                                "Cancel", id="reject-cancel", color="secondary", outline=True
                            ),
                            dbc.Button("Reject transfer", id="reject-confirm", color="danger"),
                        ]
                    ),
                ],
                id="reject-dialog",
                is_open=False,
                labelledby="reject-title",
            ),
        ]
    )
