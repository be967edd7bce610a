"""The page shown for an address the portal does not know."""

import dash
from dash import html

dash.register_page(__name__, path="/404", title="Page not found", public=True)


def layout(**_query) -> html.Div:
    """Say that the page does not exist and offer the way home."""
    return html.Div(
        [
            html.H1("Page not found", className="h2"),
            html.P(
                ["There is no page at this address. ", html.A("Go to the home page", href="/"), "."]
            ),
        ]
    )
