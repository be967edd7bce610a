"""Sign a test client in through the real sign-in form."""

from __future__ import annotations

import re

from tests.support.factories import PASSWORD

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(client, path: str = "/auth/sign-in") -> str:
    """Return the CSRF token of the form at ``path``."""
    page = client.get(path).get_data(as_text=True)
    return _CSRF.search(page).group(1)


def sign_in(client, user, password: str = PASSWORD):
    """Sign ``user`` in and return the response to the form post."""
    return client.post(
        "/auth/sign-in",
        data={"email": user.email, "password": password, "csrf_token": csrf_token(client)},
    )


def dash_headers(client) -> dict[str, str]:
    """Return the header a Dash callback needs, taken from the client's CSRF cookie."""
    cookie = client.get_cookie("_csrf_token")
    if cookie is None:
        client.get("/")
        cookie = client.get_cookie("_csrf_token")
    return {"X-CSRFToken": cookie.value}
