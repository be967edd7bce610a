"""Offline map figures: no remote style, sources or glyphs; framing; small figure JSON."""

from __future__ import annotations

import json

import pytest

from portal.maps import (
    ENGLAND_AND_WALES,
    OFFLINE_STYLE,
    Bounds,
    MapArea,
    MapPoint,
    area_trace,
    fit_view,
    geojson_bounds,
    hatch_trace,
    offline_map,
    point_trace,
)

SQUARE = {"type": "Polygon", "coordinates": [[[0, 50], [2, 50], [2, 52], [0, 52], [0, 50]]]}


def test_offline_style_downloads_nothing():
    for source in OFFLINE_STYLE["sources"].values():
        assert source["type"] == "geojson" and isinstance(source["data"], dict)
        assert "url" not in source and "tiles" not in source
    assert "glyphs" not in OFFLINE_STYLE and "sprite" not in OFFLINE_STYLE
    assert [layer["type"] for layer in OFFLINE_STYLE["layers"]] == ["background"]


def test_bounds_of_polygon_multipolygon_and_collection():
    assert geojson_bounds(json.dumps(SQUARE)) == Bounds(0, 50, 2, 52)
    multi = {
        "type": "MultiPolygon",
        "coordinates": [SQUARE["coordinates"], [[[-3, 49], [-2, 49], [-2, 50], [-3, 49]]]],
    }
    assert geojson_bounds(multi) == Bounds(-3, 49, 2, 52)
    collection = {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": multi}]}
    assert geojson_bounds(collection) == Bounds(-3, 49, 2, 52)


def test_union_needs_at_least_one_box():
    with pytest.raises(ValueError):
        Bounds.union([])


def test_fit_view_centres_and_zooms_to_the_box():
    centre, zoom = fit_view(ENGLAND_AND_WALES, width=700, height=640)
    assert -3 < centre["lon"] < -1.5 and 52 < centre["lat"] < 54
    assert 4.5 < zoom < 6
    _, closer = fit_view(Bounds(-0.5, 51.3, 0.3, 51.7), width=700, height=640)
    _, wider = fit_view(ENGLAND_AND_WALES, width=1400, height=1280)
    assert closer > zoom + 2 and wider == pytest.approx(zoom + 1, abs=0.02)


def test_figure_draws_areas_by_url_and_points_on_the_offline_style():
    areas = [MapArea("QHM", 3, "North East"), MapArea("QOP", 0, "Greater Manchester")]
    figure = offline_map(
        [
            area_trace(
                geojson_url="/geojson/icb_2026.json", areas=areas, colour_title="Organisations"
            ),
            point_trace([MapPoint(54.9, -1.6, "Hospital (R0B01)")]),
        ],
        bounds=ENGLAND_AND_WALES,
        width=700,
        height=600,
    )
    data = json.loads(figure.to_json())
    assert data["layout"]["map"]["style"] == OFFLINE_STYLE
    assert data["data"][0]["geojson"] == "/geojson/icb_2026.json"
    assert data["data"][0]["locations"] == ["QHM", "QOP"]
    assert data["data"][0]["zmin"] == 0 and data["data"][0]["zmax"] == 3
    assert data["data"][1]["type"] == "scattermap" and data["data"][1]["text"] == [
        "Hospital (R0B01)"
    ]
    urls = [v for v in _strings(data) if "://" in v]
    assert urls == []


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def test_hatching_stays_inside_the_area():
    trace = hatch_trace([json.dumps(SQUARE)], spacing=0.25)
    points = [(lon, lat) for lon, lat in zip(trace.lon, trace.lat, strict=True) if lon is not None]
    assert len(points) > 10
    assert all(0 <= lon <= 2 and 50 <= lat <= 52 for lon, lat in points)
