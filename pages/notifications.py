"""The signed-in user's notifications, unread first, each with a link to act on it."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

dash.register_page(
    __name__,
    path="/notifications",
    title="Notifications",
    capability="notifications.read",
    description="Messages for you and your team, such as children waiting to be transferred.",
)


def layout(**_query) -> html.Div:
    """Lay out the list; a callback fills it and refreshes it after marking read."""
    return html.Div(
        [
            dcc.Store(id="notifications-changed", data=0),
            dcc.Location(id="notifications-open", refresh="callback-nav"),
            html.Div(
                [
                    html.H1("Notifications", className="mb-0"),
                    dbc.Button(
                        "Mark all as read",
                        id="notifications-read-all",
                        color="secondary",
                        outline=True,
                    ),
                ],
                className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3",
            ),
            html.P(
                "Messages for you, and for your team: anyone in your trust or health board can "
                "mark a team message read, and everyone then sees who did.",
                className="lead",
            ),
            html.Div(id="notifications-message", **{"aria-live": "polite"}),
            html.Div(id="notifications-list"),
        ]
    )
