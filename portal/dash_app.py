"""The one Dash app: pages from ``pages/``, callbacks from ``callbacks/``, assets served locally."""

from __future__ import annotations

import dash
from flask import Flask

from portal.config import PROJECT_ROOT
from portal.discovery import import_submodules

ASSETS_DIR = PROJECT_ROOT / "portal" / "assets"
PAGES_DIR = PROJECT_ROOT / "pages"

#: Served by the app itself (``assets/vendor``) so the portal works with no internet.
VENDOR_STYLESHEETS = [
    "/assets/vendor/bootstrap.min.css",
    "/assets/vendor/bootstrap-icons.min.css",
]

INDEX_STRING = """<!DOCTYPE html>
<html lang="en-GB">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        {%config%}
        {%scripts%}
        {%renderer%}
    </body>
</html>"""


def init_app(server: Flask) -> dash.Dash:
    """Build the Dash app on ``server`` and register every page and callback."""
    from portal.layout import shell

    app = dash.Dash(
        __name__,
        server=server,
        use_pages=True,
        pages_folder=str(PAGES_DIR),
        assets_folder=str(ASSETS_DIR),
        serve_locally=True,
        external_stylesheets=VENDOR_STYLESHEETS,
        assets_path_ignore=["vendor"],
        external_scripts=[],
        suppress_callback_exceptions=True,
        title="Paediatric audit portal",
        update_title=None,
        index_string=INDEX_STRING,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    app.layout = shell
    import_submodules("callbacks")
    server.extensions["dash_app"] = app
    return app
