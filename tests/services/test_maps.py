"""What the boundary maps draw: areas per level with organisation counts, and the sites."""

from __future__ import annotations

import datetime as dt

import pytest

from geojson.layers import LAYERS
from models.geography import IntegratedCareBoard
from services.maps import (
    LEVELS,
    area_counts,
    icb_layer,
    level_bounds,
    level_for,
    site_points,
    valid_on,
)

pytestmark = pytest.mark.sqlite


def test_every_geojson_layer_is_a_map_level():
    assert sorted(level.key for level in LEVELS) == sorted(LAYERS)


@pytest.mark.parametrize(
    ("key", "areas", "organisations"),
    [
        ("country", 5, 347),
        ("nhs_england_region", 7, 318),
        ("icb_2023", 42, 318),
        ("icb_2026", 36, 318),
        ("local_health_board", 7, 28),
        ("london_borough", 33, 44),
    ],
)
def test_area_counts_cover_each_level(db, key, areas, organisations):
    counts = area_counts(session=db, level=level_for(key))
    assert len(counts) == areas
    assert sum(area.organisations for area in counts) == organisations
    names = [area.name.lower() for area in counts]
    assert names == sorted(names)


def test_channel_islands_have_an_organisation_but_no_boundary(db):
    counts = {a.code: a for a in area_counts(session=db, level=level_for("country"))}
    assert counts["L93000001"].organisations == 1 and not counts["L93000001"].has_boundary
    assert counts["S92000003"].organisations == 0 and counts["S92000003"].has_boundary


def test_icb_vintages_share_a_code_but_not_a_count(db):
    older = {a.code: a.organisations for a in area_counts(session=db, level=level_for("icb_2023"))}
    newer = {a.code: a.organisations for a in area_counts(session=db, level=level_for("icb_2026"))}
    assert "QRL" in older and "QRL" in newer
    assert "S1Y5D" in newer and "S1Y5D" not in older


def test_every_active_site_with_a_location_is_a_point(db):
    points = site_points(session=db)
    assert len(points) == 347
    jersey = next(p for p in points if p.ods_code == "RGT1W")
    assert 49 < jersey.latitude < 49.3


def test_level_bounds_frame_their_areas(db):
    london = level_bounds(session=db, level=level_for("london_borough"))
    assert -0.6 < london.west < london.east < 0.4 and 51.2 < london.south < london.north < 51.8
    uk = level_bounds(session=db, level=level_for("country"))
    assert uk.north > 60 and uk.west < -8
    assert level_bounds(session=db, level=level_for("country")) == uk


def test_unknown_level_names_the_choices():
    with pytest.raises(KeyError, match="icb_2026"):
        level_for("parish")


def test_icb_layer_follows_the_vintage():
    assert icb_layer(dt.date(2023, 4, 1)) == "icb_2023"
    assert icb_layer(dt.date(2026, 4, 1)) == "icb_2026"


def test_valid_on_picks_one_vintage(db):
    from sqlalchemy import func, select

    def count(day):
        return db.scalar(
            select(func.count(IntegratedCareBoard.id)).where(valid_on(IntegratedCareBoard, day))
        )

    assert count(dt.date(2025, 1, 1)) == 42
    assert count(dt.date(2026, 4, 1)) == 36
    assert count(dt.date(2020, 1, 1)) == 0
