"""Serve boundary layers as GeoJSON files the browser can cache."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from flask import Blueprint, Flask, Response, abort, request

from geojson.layers import LAYERS, feature_collection, layer_version
from portal.db import get_session
from portal.gate import public

bp = Blueprint("geojson", __name__, url_prefix="/geojson")

MAX_AGE = 3600


@dataclass(frozen=True)
class Built:
    """A layer's GeoJSON as built for one version of the reference data."""

    version: tuple
    body: bytes
    etag: str


#: The newest build of each layer in this process; rebuilt when the data's version moves on.
_built: dict[str, Built] = {}


@bp.get("/<layer>.json")
@public
def layer_file(layer: str) -> Response:
    """Return one boundary layer, with a strong ETag so unchanged layers cost a 304."""
    if layer not in LAYERS:
        abort(404)
    session = get_session()
    version = layer_version(session=session, layer=layer)
    built = _built.get(layer)
    if built is None or built.version != version:
        body = feature_collection(session=session, layer=layer)
        built = Built(version, body, hashlib.sha256(body).hexdigest()[:32])
        _built[layer] = built
    response = Response(built.body, mimetype="application/geo+json")
    response.set_etag(built.etag)
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response.make_conditional(request)


def init_app(app: Flask) -> None:
    """Register the boundary routes."""
    app.register_blueprint(bp)
