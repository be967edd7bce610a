"""Boundary layers by URL: public, cacheable, complete, and fresh after the data changes."""

from __future__ import annotations

import datetime as dt
import re

import orjson
import pytest
from sqlalchemy import select, update

from geojson import views
from models.geography import IntegratedCareBoard, LondonBorough, Organisation
from models.geography import OrganisationIntegratedCareBoard as Link

pytestmark = pytest.mark.sqlite

COUNTS = {
    "country": 4,
    "nhs_england_region": 7,
    "local_health_board": 7,
    "london_borough": 33,
    "icb_2023": 42,
    "icb_2026": 36,
}


def _features(client, layer):
    response = client.get(f"/geojson/{layer}.json")
    assert response.status_code == 200
    return orjson.loads(response.data)["features"]


@pytest.mark.parametrize(("layer", "count"), COUNTS.items())
def test_each_layer_has_one_feature_per_area(client, layer, count):
    features = _features(client, layer)
    assert len(features) == count
    assert all(set(f["properties"]) == {"code", "name"} for f in features)
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in features)


def test_layer_is_public_json_with_a_strong_etag_and_a_cache_lifetime(client):
    response = client.get("/geojson/nhs_england_region.json")
    assert response.status_code == 200
    assert response.mimetype == "application/geo+json"
    assert response.headers["Cache-Control"] == "public, max-age=3600"
    etag = response.headers["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{32}"', etag), "a strong ETag has no W/ prefix"

    again = client.get("/geojson/nhs_england_region.json", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""


def test_unknown_layers_are_not_found(client):
    assert client.get("/geojson/trust.json").status_code == 404
    assert client.get("/geojson/icb_2024.json").status_code == 404


def test_coordinates_have_at_most_five_decimal_places(client):
    body = client.get("/geojson/london_borough.json").get_data(as_text=True)
    decimals = re.findall(r"-?\d+\.(\d+)", body)
    assert decimals and max(len(d) for d in decimals) <= 5


@pytest.mark.parametrize("year", [2023, 2026])
def test_every_organisations_icb_is_drawn_in_its_layer(client, db, year):
    drawn = {f["properties"]["code"] for f in _features(client, f"icb_{year}")}
    used = set(
        db.scalars(
            select(IntegratedCareBoard.code)
            .join(Link)
            .where(IntegratedCareBoard.valid_from >= dt.date(year, 1, 1))
            .where(IntegratedCareBoard.valid_from < dt.date(year + 1, 1, 1))
        )
    )
    assert used and used <= drawn
    assert db.scalar(select(Organisation).where(Organisation.ods_code == "RGT01")) is not None


def test_a_changed_layer_is_rebuilt_with_a_new_etag(client, db):
    first = client.get("/geojson/london_borough.json")
    borough = db.scalar(select(LondonBorough).where(LondonBorough.code == "E09000001"))
    original = borough.name
    try:
        db.execute(
            update(LondonBorough).where(LondonBorough.id == borough.id).values(name="Renamed")
        )
        db.commit()
        second = client.get("/geojson/london_borough.json")
        assert second.headers["ETag"] != first.headers["ETag"]
        names = {f["properties"]["name"] for f in orjson.loads(second.data)["features"]}
        assert "Renamed" in names
        stale = client.get(
            "/geojson/london_borough.json", headers={"If-None-Match": first.headers["ETag"]}
        )
        assert stale.status_code == 200
    finally:
        db.execute(
            update(LondonBorough).where(LondonBorough.id == borough.id).values(name=original)
        )
        db.commit()


def test_an_unchanged_layer_is_served_from_memory(client, monkeypatch):
    client.get("/geojson/local_health_board.json")
    built = []
    monkeypatch.setattr(views, "feature_collection", lambda **kw: built.append(kw) or b"{}")
    assert client.get("/geojson/local_health_board.json").status_code == 200
    assert built == []
