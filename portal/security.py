"""CSRF protection for forms and callbacks, cookie flags and browser security headers."""

from __future__ import annotations

from flask import Flask, Response, current_app, request
from flask_wtf.csrf import CSRFError, CSRFProtect, generate_csrf

csrf = CSRFProtect()

#: The Dash renderer copies this cookie into an ``X-CSRFToken`` header on every callback.
CSRF_COOKIE = "_csrf_token"


def _set_csrf_cookie(response: Response) -> Response:
    """Give pages a readable CSRF cookie so the Dash renderer can send it back as a header."""
    if response.mimetype == "text/html":
        settings = current_app.config["PORTAL_SETTINGS"]
        response.set_cookie(
            CSRF_COOKIE,
            generate_csrf(),
            secure=settings.is_production,
            httponly=False,
            samesite="Strict",
        )
    return response


def _security_headers(response: Response) -> Response:
    """Tell browsers not to frame, sniff or leak the portal's pages."""
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    if current_app.config["PORTAL_SETTINGS"].is_production:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    if response.mimetype == "text/html":
        headers.setdefault("Cache-Control", "no-store")
    if request.path == "/_dash-update-component":
        headers.setdefault("Cache-Control", "no-store")
    return response


def _csrf_failed(error: CSRFError):
    return {"error": f"The form or request has expired or is forged ({error.description})."}, 400


def init_app(app: Flask) -> None:
    """Protect every POST with a CSRF token and add the security headers."""
    csrf.init_app(app)
    app.register_error_handler(CSRFError, _csrf_failed)
    app.after_request(_set_csrf_cookie)
    app.after_request(_security_headers)
