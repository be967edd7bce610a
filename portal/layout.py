"""The frame around every page: skip link, navigation for the signed-in role, footer."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html
from flask import current_app
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from domain.names import display_name
from portal import access
from portal.gate import page_rule


def nav_pages(user) -> list[dict]:
    """Return the pages to list in the navigation bar that ``user`` may open, in order."""
    pages = []
    for page in dash.page_registry.values():
        if not page.get("nav"):
            continue
        rule = page_rule(page)
        if rule is None:
            continue
        if rule.public or (user.is_authenticated and access.can(user, rule.capability)):
            pages.append(page)
    return sorted(pages, key=lambda p: (p.get("order") or 0, p["name"]))


def _account_menu(user) -> dbc.Nav:
    if not user.is_authenticated:
        return dbc.Nav(
            dbc.NavItem(dbc.NavLink("Sign in", href="/auth/sign-in", external_link=True)),
            navbar=True,
        )
    sign_out = html.Form(
        [
            dcc.Input(type="hidden", name="csrf_token", value=generate_csrf()),
            html.Button("Sign out", type="submit", className="dropdown-item"),
        ],
        method="POST",
        action="/auth/sign-out",
    )
    return dbc.Nav(
        dbc.DropdownMenu(
            [
                dbc.DropdownMenuItem(access_label(user), header=True),
                dbc.DropdownMenuItem(
                    "Change password", href="/account/password", external_link=True
                ),
                dbc.DropdownMenuItem(
                    "Two-factor sign-in", href="/account/two-factor", external_link=True
                ),
                dbc.DropdownMenuItem(divider=True),
                sign_out,
            ],
            label=user.full_name,
            nav=True,
            align_end=True,
            id="account-menu",
        ),
        navbar=True,
    )


def access_label(user) -> str:
    """Describe a user's role and employer in a few words."""
    label = access_role_label(user)
    if user.organisation is not None:
        return f"{label}, {display_name(user.organisation.name)}"
    return label


def access_role_label(user) -> str:
    from portal.roles import Role

    return Role(user.role).label


def _notifications_slot(user) -> list:
    """A place for the unread-notifications link, filled by ``callbacks.notifications``."""
    if not user.is_authenticated:
        return []
    return [dbc.Nav(dbc.NavItem(id="navbar-notifications"), navbar=True)]


def navbar(user) -> dbc.Navbar:
    """Build the navigation bar for ``user``."""
    links = [
        dbc.NavItem(dbc.NavLink(page["nav"], href=page["relative_path"], active="partial"))
        for page in nav_pages(user)
        if page["relative_path"] != "/"
    ]
    return dbc.Navbar(
        dbc.Container(
            [
                dbc.NavbarBrand("Paediatric audit portal", href="/"),
                dbc.Nav(links, id="page-nav", navbar=True, className="me-auto flex-wrap"),
                *_notifications_slot(user),
                _account_menu(user),
            ],
            fluid=True,
        ),
        color="primary",
        dark=True,
        expand=True,
        className="mb-3",
    )


def footer() -> html.Footer:
    """Attribution for the reference data shown on the portal's pages."""
    return html.Footer(
        dbc.Container(
            html.P(
                [
                    "Contains public sector information licensed under the Open Government Licence "
                    "v3.0. Boundaries: Source: Office for National Statistics licensed under the "
                    "Open Government Licence v.3.0; contains OS data © Crown copyright and database "
                    "right. Organisation lists curated by RCPCH (CC BY-SA 4.0).",
                ],
                className="small text-body-secondary mb-0",
            ),
            fluid=True,
        ),
        className="border-top py-3 mt-4",
    )


def shell() -> html.Div:
    """Lay out the frame of every page for the current user."""
    settings = current_app.config["PORTAL_SETTINGS"]
    idle = settings.session_idle_minutes if current_user.is_authenticated else 0
    return html.Div(
        [
            html.A("Skip to main content", href="#main", className="visually-hidden-focusable"),
            html.Header(navbar(current_user)),
            html.Main(
                dash.page_container, id="main", className="container-fluid pb-3", tabIndex="-1"
            ),
            footer(),
            html.Div(id="idle-timer", **{"data-idle-minutes": str(idle)}, hidden=True),
        ]
    )
