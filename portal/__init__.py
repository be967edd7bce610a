"""The paediatric audit portal: one Flask server hosting one Dash app."""

from __future__ import annotations

from flask import Flask

from portal.config import INSTANCE_DIR, Settings, get_settings

_created = False


def create_app(settings: Settings | None = None) -> Flask:
    """Create and configure the Flask server and its Dash app (once per process)."""
    global _created
    if _created:
        raise RuntimeError("create_app() builds the one Dash app of this process; call it once")
    _created = True

    settings = settings or get_settings()
    app = Flask(__name__, instance_path=str(INSTANCE_DIR), static_folder=None)
    app.config.from_mapping(
        SECRET_KEY=settings.secret_key,
        PORTAL_SETTINGS=settings,
        SESSION_COOKIE_NAME="portal_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.is_production,
        REMEMBER_COOKIE_DURATION=0,
        WTF_CSRF_HEADERS=["X-CSRFToken"],
        WTF_CSRF_TIME_LIMIT=None,
        MAX_CONTENT_LENGTH=20 * 1024 * 1024,
    )

    from geojson import views as geojson_views
    from portal import auth, dash_app, db, domains, downloads, gate, security, timing

    if settings.trusted_proxies:
        from werkzeug.middleware.proxy_fix import ProxyFix

        hops = settings.trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    timing.init_app(app)
    db.init_app(app)
    domains.init_app(app)
    auth.init_app(app)
    security.init_app(app)
    geojson_views.init_app(app)
    downloads.init_app(app)
    dash_app.init_app(app)
    gate.init_app(app)
    return app
