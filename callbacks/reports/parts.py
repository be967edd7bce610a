"""Small page parts the reporting pages share."""

from __future__ import annotations

from dash import dcc, html


def refusal(title: str, message: str) -> html.Div:
    """Say plainly why a page cannot be shown, with a way back to the user's own dashboard."""
    return html.Div(
        [
            html.H1(title),
            html.P(message),
            dcc.Link("Open your own dashboard", href="/reports/dashboard", refresh=True),
        ]
    )
