"""The frame of every page: the navigation bar lists exactly the pages the visitor may open."""

from __future__ import annotations

import dash
import pytest

from portal.roles import Role
from tests.support.auth import sign_in
from tests.support.factories import make_user


@pytest.fixture(scope="module")
def dash_app(app):
    app.test_client().get("/")  # Dash registers its pages and callbacks on the first request
    return app.extensions["dash_app"]


def components(node, type_name: str):
    """Yield every component of ``type_name`` in a serialised Dash layout."""
    if isinstance(node, list):
        for child in node:
            yield from components(child, type_name)
    elif isinstance(node, dict):
        if node.get("type") == type_name:
            yield node
        for value in (node.get("props") or {}).values():
            yield from components(value, type_name)


def shell(client) -> dict:
    response = client.get("/_dash-layout")
    assert response.status_code == 200
    return response.get_json()


def nav_links(client) -> list[str]:
    """Return the page links of the navigation bar (not the account menu)."""
    nav = next(c for c in components(shell(client), "Nav") if c["props"].get("id") == "page-nav")
    return [link["props"]["href"] for link in components(nav, "NavLink")]


def openable_nav_pages(client) -> set[str]:
    """Return the nav pages that the gate lets this client open, asked page by page."""
    return {
        page["relative_path"]
        for page in dash.page_registry.values()
        if page.get("nav")
        and page["relative_path"] != "/"
        and client.get(page["relative_path"]).status_code == 200
    }


def test_anonymous_visitor_sees_only_public_pages(dash_app, client):
    links = nav_links(client)
    assert "/map" in links
    assert "/organisations" not in links and "/admin/system" not in links
    assert set(links) == openable_nav_pages(client)
    idle = next(c for c in components(shell(client), "Div") if c["props"].get("id") == "idle-timer")
    assert idle["props"]["data-idle-minutes"] == "0"


@pytest.mark.parametrize("role", list(Role))
def test_each_role_sees_exactly_the_pages_it_may_open(dash_app, client, db, role):
    sign_in(client, make_user(db, role=role))
    links = nav_links(client)
    assert len(links) == len(set(links))
    assert set(links) == openable_nav_pages(client)
    assert "/organisations" in links and "/map" in links
    assert ("/admin/system" in links) == (role is Role.NATIONAL_AUDIT_TEAM)


def test_signed_in_shell_starts_the_idle_timer(dash_app, client, db, settings):
    sign_in(client, make_user(db, role=Role.CLINICIAN))
    layout = shell(client)
    idle = next(c for c in components(layout, "Div") if c["props"].get("id") == "idle-timer")
    assert idle["props"]["data-idle-minutes"] == str(settings.session_idle_minutes)
    menu = next(components(layout, "DropdownMenu"))
    assert menu["props"]["label"] == "Test User"


def test_navigation_follows_the_page_order(dash_app, client, db):
    sign_in(client, make_user(db, role=Role.NATIONAL_AUDIT_TEAM))
    by_path = {page["relative_path"]: page for page in dash.page_registry.values()}
    orders = [(by_path[link].get("order") or 0) for link in nav_links(client)]
    assert orders == sorted(orders)
