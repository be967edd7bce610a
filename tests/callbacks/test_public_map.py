"""The public map's callback answers anyone, with reference data only, and ignores bad levels."""

from __future__ import annotations

import json

import pytest

from tests.support.auth import dash_headers

OUTPUT = (
    "..public-map-graph.figure...public-map-table.children..."
    "public-map-summary.children...public-map-url.search.."
)


def body(level: str) -> dict:
    return {
        "output": OUTPUT,
        "outputs": [
            {"id": "public-map-graph", "property": "figure"},
            {"id": "public-map-table", "property": "children"},
            {"id": "public-map-summary", "property": "children"},
            {"id": "public-map-url", "property": "search"},
        ],
        "inputs": [{"id": "public-map-level", "property": "value", "value": level}],
        "changedPropIds": ["public-map-level.value"],
        "state": [],
    }


@pytest.fixture(scope="module")
def dash_app(app):
    app.test_client().get("/")
    return app.extensions["dash_app"]


def test_anonymous_visitor_gets_the_level(dash_app, client):
    response = client.post(
        "/_dash-update-component", json=body("local_health_board"), headers=dash_headers(client)
    )
    assert response.status_code == 200
    outputs = response.get_json()["response"]
    figure = outputs["public-map-graph"]["figure"]
    assert figure["data"][0]["geojson"] == "/geojson/local_health_board.json"
    assert len(figure["data"][0]["locations"]) == 7
    assert outputs["public-map-url"]["search"] == "?level=local_health_board"
    assert len(response.data) < 80_000, (
        "the figure should reference boundaries by URL, not embed them"
    )


def test_the_answer_holds_only_reference_data(dash_app, client, db):
    from tests.support.factories import make_user

    make_user(db, email="private.person@example.nhs.uk", full_name="Private Person")
    response = client.post(
        "/_dash-update-component", json=body("icb_2026"), headers=dash_headers(client)
    )
    text = response.get_data(as_text=True)
    assert "private.person" not in text and "Private Person" not in text
    points = json.loads(text)["response"]["public-map-graph"]["figure"]["data"][1]
    assert set(points) >= {"lat", "lon", "text"}
    assert "customdata" not in points


def test_an_unknown_level_changes_nothing(dash_app, client):
    response = client.post(
        "/_dash-update-component", json=body("parish"), headers=dash_headers(client)
    )
    assert response.status_code == 204
