"""Which ICB layer is in force on a day, and how boundaries are written."""

from __future__ import annotations

import datetime as dt

import pytest
import shapely

from geojson.geometry import geometry_text
from geojson.layers import LAYERS, icb_layer_on


def test_layers_are_the_six_boundary_files():
    assert set(LAYERS) == {
        "country",
        "nhs_england_region",
        "local_health_board",
        "london_borough",
        "icb_2023",
        "icb_2026",
    }


@pytest.mark.sqlite
@pytest.mark.parametrize(
    ("day", "layer"),
    [
        (dt.date(2021, 1, 1), "icb_2023"),
        (dt.date(2023, 4, 1), "icb_2023"),
        (dt.date(2026, 3, 31), "icb_2023"),
        (dt.date(2026, 4, 1), "icb_2026"),
        (dt.date(2031, 1, 1), "icb_2026"),
    ],
)
def test_icb_layer_in_force_on_a_day(db, day, layer):
    assert icb_layer_on(session=db, day=day) == layer


def test_geometry_text_rounds_to_five_places_and_is_stable():
    square = shapely.Polygon([(0.1234567, 0), (1, 0), (1, 1.0000049), (0, 1), (0.1234567, 0)])
    text = geometry_text(square)
    assert "0.12346" in text and "1.0" in text and "1.0000049" not in text
    assert geometry_text(shapely.from_geojson(text)) == text


def test_no_geometry_is_stored_as_none():
    assert geometry_text(None) is None
    assert geometry_text(shapely.Polygon()) is None


def test_polygons_with_holes_and_parts_keep_their_shape():
    outer = [(0, 0), (4, 0), (4, 4), (0, 4), (0, 0)]
    hole = [(1, 1), (2, 1), (2, 2), (1, 2), (1, 1)]
    shape = shapely.MultiPolygon([shapely.Polygon(outer, [hole]), shapely.box(5, 5, 6, 6)])
    assert shapely.equals(shapely.from_geojson(geometry_text(shape)), shape)
