"""The home page: what the portal is, and a tile for each page the visitor's role can open."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_login import current_user

from domain.names import display_name
from portal.layout import access_role_label, nav_pages

dash.register_page(__name__, path="/", title="Paediatric audit portal", public=True)


def _tile(page: dict) -> dbc.Col:
    icon = page.get("icon")
    heading = [html.I(className=f"bi {icon} me-2", **{"aria-hidden": "true"})] if icon else []
    return dbc.Col(
        dbc.Card(
            dbc.CardBody(
                [
                    html.H3(
                        [
                            *heading,
                            dcc.Link(
                                page["nav"], href=page["relative_path"], className="tile-link"
                            ),
                        ],
                        className="h5",
                    ),
                    html.P(page.get("description") or "", className="mb-0"),
                ]
            ),
            className="h-100 tile",
        ),
        md=6,
        xl=4,
        className="mb-3",
    )


def _tiles(heading: str) -> html.Section:
    pages = [page for page in nav_pages(current_user) if page["relative_path"] != "/"]
    return html.Section(
        [
            html.H2(heading, id="tiles-heading", className="h4 mt-2"),
            dbc.Row([_tile(p) for p in pages]),
        ],
        **{"aria-labelledby": "tiles-heading"},
    )


def _signed_in() -> list:
    employer = current_user.organisation
    role = access_role_label(current_user)
    where = (
        [" at ", dcc.Link(display_name(employer.name), href=f"/organisations/{employer.ods_code}")]
        if employer is not None
        else []
    )
    return [
        html.H1(f"Welcome, {current_user.full_name}"),
        html.P(["Signed in as ", html.Strong(role), *where, "."], className="lead"),
        _tiles("What you can do"),
    ]


def _visitor() -> list:
    return [
        html.H1("Paediatric audit portal"),
        html.P(
            "National clinical audits of children's epilepsy (Epilepsy12) and diabetes (NPDA), "
            "and hospital records, in one place.",
            className="lead",
        ),
        _tiles("Open to everyone"),
        html.Section(
            [
                html.H2("Staff", className="h4 mt-2"),
                html.P(
                    "Clinicians, audit administrators and hospital staff sign in to enter and "
                    "review records. Accounts are created by your lead clinician or administrator."
                ),
                html.A("Sign in", href="/auth/sign-in", className="btn btn-primary btn-lg"),
            ]
        ),
    ]


def layout(**_query) -> html.Div:
    """Lay out the home page for the current visitor."""
    return html.Div(_signed_in() if current_user.is_authenticated else _visitor())
