"""Deny by default: every page, callback and Flask view declares who may use it, and is enforced.

These tests enumerate what the app actually registered, so a page or callback added later is
covered without editing them.
"""

from __future__ import annotations

import dash
import pytest

from portal import access
from portal.gate import Rule, callback_rules, page_rule
from portal.roles import Role
from tests.support.auth import dash_headers, sign_in
from tests.support.factories import make_user

ROUTER_OUTPUT = ".._pages_content.children..._pages_store.data.."
DASH_INTERNAL = {"/_dash-layout", "/_dash-dependencies", "/_dash-update-component", "/_reload-hash"}


@pytest.fixture(scope="module")
def dash_app(app):
    app.test_client().get("/")  # Dash consumes its callback registry on the first request
    return app.extensions["dash_app"]


def _example_path(page: dict) -> str:
    template = page.get("path_template") or page["path"]
    return (
        template.replace("<ods_code>", "RGT01")
        .replace("<case_id>", "1")
        .replace("<", "")
        .replace(">", "")
    )


def _router_body(pathname: str) -> dict:
    return {
        "output": ROUTER_OUTPUT,
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": pathname},
            {"id": "_pages_location", "property": "search", "value": ""},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }


def _callback_body(output: str) -> dict:
    return {"output": output, "outputs": [], "inputs": [], "state": [], "changedPropIds": []}


def test_every_page_declares_who_may_open_it(dash_app):
    undeclared = [page["module"] for page in dash.page_registry.values() if page_rule(page) is None]
    assert not undeclared


def test_every_page_capability_is_known(dash_app):
    known = access.capabilities()
    for page in dash.page_registry.values():
        rule = page_rule(page)
        assert rule.public or rule.capability in known, page["module"]


def test_every_callback_declares_who_may_call_it(dash_app):
    rules = callback_rules()
    server_side = [out for out, spec in dash_app.callback_map.items() if "callback" in spec]
    undeclared = [out for out in server_side if out != ROUTER_OUTPUT and out not in rules]
    assert not undeclared, "register callbacks with portal.gate.callback"
    assert all(r.public or r.capability in access.capabilities() for r in rules.values())


def test_anonymous_page_requests_are_refused_unless_public(dash_app, client):
    headers = dash_headers(client)
    for page in dash.page_registry.values():
        path = _example_path(page)
        public = page_rule(page).public
        response = client.get(path)
        if public:
            assert response.status_code == 200, path
        else:
            assert response.status_code == 302, path
            assert response.headers["Location"].startswith("/auth/sign-in?next=")
        routed = client.post("/_dash-update-component", json=_router_body(path), headers=headers)
        assert routed.status_code == (200 if public else 401), path


def test_anonymous_callback_requests_are_refused_unless_public(dash_app, client):
    headers = dash_headers(client)
    for output, rule in callback_rules().items():
        response = client.post(
            "/_dash-update-component", json=_callback_body(output), headers=headers
        )
        if rule.public:
            assert response.status_code != 401, output
        else:
            assert response.status_code == 401, output
            assert b"response" not in response.data


def test_unknown_callback_is_refused(client):
    response = client.post(
        "/_dash-update-component",
        json=_callback_body("made-up.children"),
        headers=dash_headers(client),
    )
    assert response.status_code == 401


def test_callback_without_csrf_token_is_refused(client):
    response = client.post("/_dash-update-component", json=_router_body("/"))
    assert response.status_code == 400


def test_every_flask_view_declares_access(app):
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        if rule.rule in DASH_INTERNAL or rule.rule in ("/", "/<path:path>"):
            continue
        if rule.rule.startswith(("/_dash-component-suites/", "/assets/", "/_favicon")):
            continue
        assert isinstance(getattr(view, "_portal_rule", None), Rule), rule.rule


@pytest.mark.parametrize("role", list(Role))
def test_signed_in_user_without_the_capability_gets_403(dash_app, client, db, role):
    user = make_user(db, role=role)
    sign_in(client, user)
    headers = dash_headers(client)
    for page in dash.page_registry.values():
        rule = page_rule(page)
        if rule.public:
            continue
        allowed = access.can(user, rule.capability)
        path = _example_path(page)
        routed = client.post("/_dash-update-component", json=_router_body(path), headers=headers)
        assert (routed.status_code == 200) == allowed, (role, path, routed.status_code)
        if not allowed:
            assert client.get(path).status_code == 403
    for output, rule in callback_rules().items():
        if rule.public or access.can(user, rule.capability):
            continue
        response = client.post(
            "/_dash-update-component", json=_callback_body(output), headers=headers
        )
        assert response.status_code == 403, (role, output)
