"""Say how long the server spent on each request, in a ``Server-Timing`` header.

Browsers show it in their developer tools and the benchmarks read it, so a slow page can be told
apart from a slow network or a busy client without access to the server's logs.
"""

from __future__ import annotations

import time

from flask import Flask, Response, g


def _start() -> None:
    g.request_started = time.perf_counter()


def _stamp(response: Response) -> Response:
    started = g.get("request_started")
    if started is not None:
        elapsed = (time.perf_counter() - started) * 1000
        response.headers["Server-Timing"] = f"app;dur={elapsed:.1f}"
    return response


def init_app(app: Flask) -> None:
    """Time every request from the first hook to the response (register before other hooks)."""
    app.before_request_funcs.setdefault(None, []).insert(0, _start)
    app.after_request(_stamp)
