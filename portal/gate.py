"""Deny by default: every page, callback and view declares who may use it, checked before it runs.

Checking inside page layouts alone would leave Dash's callback endpoint open to a hand-made POST,
so one ``before_request`` hook decides for every route:

* Flask views declare access with ``@public`` or ``@requires(capability)``;
* Dash pages declare ``public=True`` or ``capability=...`` in ``dash.register_page``;
* Dash callbacks are registered through ``callback(..., public=True | capability=...)``;
* anything undeclared is refused, to anonymous users with 401 and to everyone else with 403.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import dash
from dash import _pages
from dash._callback import GLOBAL_CALLBACK_LIST
from flask import Flask, abort, current_app, has_request_context, jsonify, redirect, request
from flask_login import current_user

from portal import access

#: Dash's own routes that carry no data: its JS bundles, the layout shell and callback graph.
_DASH_FRAMEWORK_PREFIXES = ("/_dash-component-suites/", "/assets/")
_DASH_FRAMEWORK_PATHS = {"/_dash-layout", "/_dash-dependencies", "/_reload-hash", "/_favicon.ico"}
_CALLBACK_PATH = "/_dash-update-component"
_ROUTER_OUTPUT = ".._pages_content.children..._pages_store.data.."


@dataclass(frozen=True)
class Rule:
    """Who may use a page, view or callback: everyone, or holders of one capability."""

    public: bool = False
    capability: str | None = None

    def __post_init__(self) -> None:
        if self.public == (self.capability is not None):
            raise TypeError("declare exactly one of public=True or capability=...")


DENY: Rule | None = None
_callback_rules: dict[str, Rule] = {}


def public(view: Callable) -> Callable:
    """Mark a Flask view as open to anonymous users."""
    view._portal_rule = Rule(public=True)  # type: ignore[attr-defined]
    return view


def requires(capability: str) -> Callable[[Callable], Callable]:
    """Mark a Flask view as needing a signed-in user holding ``capability``."""

    def decorator(view: Callable) -> Callable:
        view._portal_rule = Rule(capability=capability)  # type: ignore[attr-defined]
        return view

    return decorator


def callback(*args: Any, public: bool = False, capability: str | None = None, **kwargs: Any):
    """Register a Dash callback together with who may call it."""
    rule = Rule(public=public, capability=capability)

    def decorator(func: Callable) -> Callable:
        @functools.wraps(func)
        def guarded(*func_args: Any, **func_kwargs: Any) -> Any:
            if rule.capability and has_request_context():
                access.require(current_user, rule.capability)
            return func(*func_args, **func_kwargs)

        dash.callback(*args, **kwargs)(guarded)
        _callback_rules[GLOBAL_CALLBACK_LIST[-1]["output"]] = rule
        return func

    return decorator


def callback_rules() -> dict[str, Rule]:
    """Return the declared rule of every registered callback, keyed by its output id."""
    return dict(_callback_rules)


def page_rule(page: dict) -> Rule | None:
    """Return the rule a Dash page declared, or None if it declared none."""
    if page.get("public"):
        return Rule(public=True)
    if page.get("capability"):
        return Rule(capability=page["capability"])
    return DENY


def page_for_path(pathname: str) -> dict | None:
    """Return the registered Dash page serving ``pathname``, if any."""
    page, _variables = _pages._path_to_page(dash.strip_relative_path(pathname) or "")
    return page or None


def _permits(rule: Rule | None) -> bool | None:
    """Return True to allow, None when sign-in is needed, False when signed in but not allowed."""
    if rule is None:
        return False if current_user.is_authenticated else None
    if rule.public:
        return True
    if not current_user.is_authenticated:
        return None
    return access.can(current_user, rule.capability)


def _refuse_xhr(verdict: bool | None):
    status = 401 if verdict is None else 403
    message = "Sign in to continue." if status == 401 else "You do not have access to this."
    return jsonify(error=message), status


def _callback_verdict() -> bool | None:
    body = request.get_json(silent=True) or {}
    output = body.get("output")
    if output == _ROUTER_OUTPUT:
        pathname = next(
            (
                i.get("value")
                for i in body.get("inputs", [])
                if i.get("id") == "_pages_location" and i.get("property") == "pathname"
            ),
            None,
        )
        page = page_for_path(pathname or "/")
        return _permits(page_rule(page) if page else Rule(public=True))
    return _permits(_callback_rules.get(output, DENY))


def _sign_in_redirect():
    target = request.full_path.rstrip("?")
    return redirect(f"/auth/sign-in?next={quote(target)}")


def check_request():
    """Allow the request, or answer it with 401/403 or a redirect to sign in."""
    path = request.path
    if path.startswith(_DASH_FRAMEWORK_PREFIXES) or path in _DASH_FRAMEWORK_PATHS:
        return None
    if path == _CALLBACK_PATH:
        verdict = _callback_verdict()
        return None if verdict else _refuse_xhr(verdict)

    verdict = _permits(_route_rule(path))
    if verdict:
        return None
    if verdict is None and request.method == "GET":
        return _sign_in_redirect()
    abort(401 if verdict is None else 403)


def _route_rule(path: str) -> Rule | None:
    """Return the rule of the Flask view or Dash page that will answer this request."""
    if request.url_rule is None:
        return DENY
    view = current_app.view_functions.get(request.url_rule.endpoint)
    declared = getattr(view, "_portal_rule", None)
    if declared is not None:
        return declared
    if request.url_rule.rule in ("/", "/<path:path>"):
        page = page_for_path(path)
        return page_rule(page) if page else Rule(public=True)
    return DENY


def init_app(app: Flask) -> None:
    """Check every request against the declared rules before its view runs."""
    app.before_request(check_request)
