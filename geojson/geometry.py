"""Canonical GeoJSON text for boundaries: coordinates rounded to 5 decimal places (about 1 m)."""

from __future__ import annotations

import numpy as np
import orjson
import shapely
from shapely.geometry import mapping

PLACES = 5


def rounded(geometry: shapely.Geometry, places: int = PLACES) -> shapely.Geometry:
    """Return ``geometry`` with every coordinate rounded to ``places`` decimals."""
    return shapely.transform(geometry, lambda coordinates: np.round(coordinates, places))


def geometry_text(geometry: shapely.Geometry | None) -> str | None:
    """Return the GeoJSON text stored for a boundary, the same for the same shape every time.

    Numbers are written in their shortest form (``51.65503``, not ``51.655029999999996``).
    """
    if geometry is None or geometry.is_empty:
        return None
    if geometry.geom_type not in ("Polygon", "MultiPolygon"):
        return orjson.dumps(mapping(rounded(geometry))).decode()
    shape = {"type": geometry.geom_type, "coordinates": _rings(geometry)}
    return orjson.dumps(shape, option=orjson.OPT_SERIALIZE_NUMPY).decode()


def _rings(geometry: shapely.Geometry) -> list:
    """Return a (multi)polygon's rings as arrays of rounded coordinates, nested as GeoJSON nests them."""
    if geometry.geom_type == "MultiPolygon":
        return [_rings(polygon) for polygon in geometry.geoms]
    return [
        np.round(shapely.get_coordinates(ring), PLACES)
        for ring in (geometry.exterior, *geometry.interiors)
    ]
