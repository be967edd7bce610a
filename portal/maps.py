"""Map figures that draw with no internet: boundaries by URL over a plain background, no tiles.

Plotly's named map styles fetch tiles, and even ``white-bg`` names a remote glyph server, so every
figure here uses its own MapLibre style with no sources and no ``glyphs``. Boundaries come from
``/geojson/<layer>.json`` by URL so the browser caches them and figures stay small.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import plotly.graph_objects as go
import shapely

BACKGROUND = "#f0f4f5"
#: Near-black: boundaries and site dots keep at least 4:1 contrast on every fill below.
SITE_COLOUR = "#212b32"
BOUNDARY_LINE = "#212b32"
#: Pale to mid NHS blue: one hue, so it reads in greyscale and for colour-blind users, and never
#: so dark that the dots and boundaries drawn over it are lost.
SEQUENTIAL_BLUES = [
    [0.0, "#eef4fa"],
    [0.25, "#b7d3ee"],
    [0.5, "#8fbce6"],
    [0.75, "#6fa8dc"],
    [1.0, "#4a90d0"],
]
CONTEXT_FILL = "#e8edee"
#: Ringed dots (dark ring, yellow centre) for figures that draw sites as two traces.
SITE_FILL = "#ffb81c"
SITE_RING = SITE_COLOUR

#: A MapLibre style with a plain background and nothing to download. ``sources`` holds one empty
#: source because Plotly.react drops an empty ``sources`` object on every redraw, and MapLibre
#: then refuses the style ("missing required property sources").
OFFLINE_STYLE = {
    "version": 8,
    "name": "portal-offline",
    "sources": {"none": {"type": "geojson", "data": {"type": "FeatureCollection", "features": []}}},
    "layers": [
        {"id": "background", "type": "background", "paint": {"background-color": BACKGROUND}}
    ],
}

#: Tile size MapLibre uses to define zoom levels: the world is 512·2^zoom pixels wide.
_WORLD_PIXELS = 512
_MAX_ZOOM = 14


@dataclass(frozen=True)
class Bounds:
    """A longitude/latitude box."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def union(cls, boxes: Iterable[Bounds]) -> Bounds:
        boxes = list(boxes)
        if not boxes:
            raise ValueError("no bounds to combine")
        return cls(
            min(b.west for b in boxes),
            min(b.south for b in boxes),
            max(b.east for b in boxes),
            max(b.north for b in boxes),
        )

    @classmethod
    def around(cls, longitude: float, latitude: float, *, degrees: float = 0.2) -> Bounds:
        return cls(longitude - degrees, latitude - degrees, longitude + degrees, latitude + degrees)


#: England and Wales, the audits' home ground: the default view when nothing narrower applies.
ENGLAND_AND_WALES = Bounds(-5.8, 49.9, 1.8, 55.85)


def _positions(coordinates) -> Iterable[tuple[float, float]]:
    if coordinates and isinstance(coordinates[0], (int, float)):
        yield coordinates[0], coordinates[1]
        return
    for part in coordinates:
        yield from _positions(part)


def geojson_bounds(geometry: str | dict) -> Bounds:
    """Return the extent of a GeoJSON geometry, feature or feature collection."""
    if isinstance(geometry, str):
        geometry = json.loads(geometry)
    if geometry.get("type") == "FeatureCollection":
        return Bounds.union(geojson_bounds(f) for f in geometry["features"])
    if geometry.get("type") == "Feature":
        return geojson_bounds(geometry["geometry"])
    if geometry.get("type") == "GeometryCollection":
        return Bounds.union(geojson_bounds(g) for g in geometry["geometries"])
    longitudes, latitudes = zip(*_positions(geometry["coordinates"]), strict=True)
    return Bounds(min(longitudes), min(latitudes), max(longitudes), max(latitudes))


def _mercator_y(latitude: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2))


def fit_view(
    bounds: Bounds, *, width: int, height: int, padding: float = 0.06
) -> tuple[dict, float]:
    """Return the centre and zoom that show ``bounds`` in a map of about that many pixels."""
    lon_span = max(bounds.east - bounds.west, 1e-6)
    y_north, y_south = _mercator_y(bounds.north), _mercator_y(bounds.south)
    y_span = max(y_north - y_south, 1e-6)
    usable = 1 - 2 * padding
    zoom_x = math.log2(width * usable * 360 / (_WORLD_PIXELS * lon_span))
    zoom_y = math.log2(height * usable * 2 * math.pi / (_WORLD_PIXELS * y_span))
    y_centre = (y_north + y_south) / 2
    centre_latitude = math.degrees(2 * math.atan(math.exp(y_centre)) - math.pi / 2)
    centre = {"lon": round((bounds.east + bounds.west) / 2, 5), "lat": round(centre_latitude, 5)}
    return centre, round(min(zoom_x, zoom_y, _MAX_ZOOM), 2)


@dataclass(frozen=True)
class MapArea:
    code: str
    value: float
    hover: str


@dataclass(frozen=True)
class MapPoint:
    latitude: float
    longitude: float
    hover: str


def area_trace(
    *,
    geojson_url: str,
    areas: Sequence[MapArea],
    colorscale: list | None = None,
    colour_title: str | None = None,
    zmax: float | None = None,
    name: str = "Areas",
) -> go.Choroplethmap:
    """Return the areas of a boundary layer, filled by value, outlined, with a hover label each."""
    values = [area.value for area in areas]
    return go.Choroplethmap(
        geojson=geojson_url,
        featureidkey="properties.code",
        locations=[area.code for area in areas],
        z=values,
        zmin=0,
        zmax=zmax if zmax is not None else max([*values, 1]),
        text=[area.hover for area in areas],
        hovertemplate="%{text}<extra></extra>",
        colorscale=colorscale or SEQUENTIAL_BLUES,
        showscale=colour_title is not None,
        colorbar={"title": {"text": colour_title}, "thickness": 14, "len": 0.6}
        if colour_title
        else None,
        marker={"line": {"color": BOUNDARY_LINE, "width": 0.6}, "opacity": 1},
        name=name,
    )


def context_trace(
    *, geojson_url: str, codes: Sequence[str], name: str = "Context"
) -> go.Choroplethmap:
    """Return pale, silent areas drawn underneath for orientation (e.g. the UK's countries)."""
    return go.Choroplethmap(
        geojson=geojson_url,
        featureidkey="properties.code",
        locations=list(codes),
        z=[0] * len(codes),
        colorscale=[[0, CONTEXT_FILL], [1, CONTEXT_FILL]],
        showscale=False,
        hoverinfo="skip",
        marker={"line": {"color": BOUNDARY_LINE, "width": 0.5}, "opacity": 1},
        name=name,
        showlegend=False,
    )


def point_trace(points: Sequence[MapPoint], *, size: int = 8, name: str = "Site") -> go.Scattermap:
    """Return sites as dark dots, which keep 4:1 contrast on every fill of the sequential scale.

    One trace only: each extra map trace adds MapLibre layers, and drawing slows noticeably.
    """
    return go.Scattermap(
        lat=[p.latitude for p in points],
        lon=[p.longitude for p in points],
        mode="markers",
        marker={"size": size, "color": SITE_COLOUR},
        text=[p.hover for p in points],
        hovertemplate="%{text}<extra></extra>",
        name=name,
        showlegend=True,
    )


def hatch_trace(
    geometries: Sequence[str], *, spacing: float, name: str = "Hatched"
) -> go.Scattermap:
    """Return diagonal hatching over GeoJSON geometries, so marked areas read without colour."""
    latitudes: list[float | None] = []
    longitudes: list[float | None] = []
    for text in geometries:
        shape = shapely.from_geojson(text)
        west, south, east, north = shape.bounds
        offsets = [
            south - east + i * spacing
            for i in range(int((north - west - south + east) / spacing) + 2)
        ]
        lines = shapely.linestrings([[(west, west + c), (east, east + c)] for c in offsets])
        for piece in shapely.get_parts(shapely.intersection(lines, shape)):
            if piece.is_empty or piece.geom_type != "LineString":
                continue
            for longitude, latitude in piece.coords:
                longitudes.append(round(longitude, 5))
                latitudes.append(round(latitude, 5))
            longitudes.append(None)
            latitudes.append(None)
    return go.Scattermap(
        lat=latitudes,
        lon=longitudes,
        mode="lines",
        line={"color": SITE_COLOUR, "width": 1},
        hoverinfo="skip",
        name=name,
        showlegend=True,
    )


def offline_map(
    traces: Sequence, *, bounds: Bounds, width: int, height: int, revision: str = ""
) -> go.Figure:
    """Return a figure of ``traces`` on the offline style, framed on ``bounds``."""
    centre, zoom = fit_view(bounds, width=width, height=height)
    figure = go.Figure(list(traces))
    figure.update_layout(
        map={"style": OFFLINE_STYLE, "center": centre, "zoom": zoom},
        height=height,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        paper_bgcolor="#ffffff",
        font={"family": "system-ui, -apple-system, 'Segoe UI', Arial, sans-serif", "size": 14},
        hoverlabel={"bgcolor": "#ffffff", "bordercolor": SITE_COLOUR, "font": {"color": "#212b32"}},
        legend={
            "x": 0.01,
            "y": 0.99,
            "bgcolor": "rgba(255,255,255,0.9)",
            "bordercolor": BOUNDARY_LINE,
            "borderwidth": 1,
        },
        uirevision=revision or None,
    )
    return figure
