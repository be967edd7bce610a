"""Each kind of bad reference file is refused with a message naming its place; nothing changes."""

from __future__ import annotations

import json

import pytest

from services.reference.validation import MAX_LISTED, ReferenceDataError
from tests.services.reference.edits import edit_csv, edit_geojson, line, read_csv

pytestmark = pytest.mark.sqlite

ROW = 25
BOWTIE = {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}


def _set(name, column, value, index=ROW):
    """Return an edit setting one cell, and the place it names: (file, line, column)."""

    def edit(directory):
        edit_csv(
            directory, name, lambda f: f.__setitem__(column, _replace(f, column, index, value))
        )
        return f"{name} line {line(index)}, column {column}: "

    return edit


def _replace(frame, column, index, value):
    values = frame[column].copy()
    values.iloc[index] = value
    return values


def missing_file(d):
    (d / "trusts.csv").unlink()
    return f"trusts.csv: file is missing from {d}"


def empty_file(d):
    (d / "countries.csv").write_text("")
    return "countries.csv: file is empty"


def not_utf8(d):
    (d / "openuk_networks.csv").write_bytes("code,name\nX,Caf\xe9\n".encode("latin-1"))
    return "openuk_networks.csv: not UTF-8 text"


def missing_column(d):
    edit_csv(d, "organisations.csv", lambda f: f.drop(columns=["latitude"]))
    return "organisations.csv line 1, column latitude: column is missing"


def duplicate_key(d):
    frame = edit_csv(d, "trusts.csv", lambda f: f.loc[[*f.index, 0]])
    code = frame["code"].iloc[0]
    return (
        f'trusts.csv line {len(frame) + 1}, column code: duplicate trust "{code}" (first on line 2)'
    )


def unknown_trust(d):
    def change(f):
        f.loc[ROW, ["parent_ods_code", "trust_ods_code"]] = "ZZZ"

    edit_csv(d, "organisations.csv", change)
    return (
        f"organisations.csv line {line(ROW)}, column trust_ods_code: "
        'unknown trust code "ZZZ" (not in trusts.csv)'
    )


def unknown_member_parent(d):
    frame = read_csv(d, "openuk_network_members.csv")
    index = int(frame.index[frame["parent_type"] == "trust"][0])
    edit_csv(
        d,
        "openuk_network_members.csv",
        lambda f: f.__setitem__(
            "parent_type", _replace(f, "parent_type", index, "local_health_board")
        ),
    )
    code = frame.at[index, "parent_ods_code"]
    return (
        f"openuk_network_members.csv line {line(index)}, column parent_ods_code: "
        f'unknown local health board code "{code}" (not in local_health_boards.csv)'
    )


def unknown_layer_code(d):
    edit_geojson(d, "icb_2026.geojson", lambda c: c["features"][0]["properties"].update(code="QXX"))
    return 'icb_2026.geojson feature 1, property code: "QXX" has no row in integrated_care_boards_2026.csv'


def invalid_geometry(d):
    edit_geojson(d, "icb.geojson", lambda c: c["features"][0].update(geometry=BOWTIE))
    return "icb.geojson feature 1, geometry: invalid: Self-intersection"


def not_a_polygon(d):
    point = {"type": "Point", "coordinates": [-1.5, 52.5]}
    edit_geojson(d, "nhs_england_region.geojson", lambda c: c["features"][1].update(geometry=point))
    return (
        "nhs_england_region.geojson feature 2, geometry: "
        "a Point, but a boundary must be a Polygon or MultiPolygon"
    )


def missing_geometry(d):
    edit_geojson(d, "london_borough.geojson", lambda c: c["features"][2].update(geometry=None))
    return "london_borough.geojson feature 3, geometry: missing, empty or unreadable"


def unclosed_ring(d):
    def change(collection):
        geometry = collection["features"][0]["geometry"]
        polygon = (
            geometry["coordinates"][0]
            if geometry["type"] == "MultiPolygon"
            else geometry["coordinates"]
        )
        polygon[0][0] = [polygon[0][0][0] + 0.01, polygon[0][0][1]]

    edit_geojson(d, "local_health_board.geojson", change)
    return "local_health_board.geojson feature 1, geometry: missing, empty or unreadable"


def duplicate_feature(d):
    edit_geojson(d, "nhs_england_region.geojson", lambda c: c["features"].append(c["features"][0]))
    code = json.loads((d / "nhs_england_region.geojson").read_text())["features"][0]["properties"][
        "code"
    ]
    return f'nhs_england_region.geojson feature 8, property code: duplicate code "{code}" (first in feature 1)'


def boundary_for_area_without_one(d):
    frame = read_csv(d, "countries.csv")
    index = int(frame.index[frame["has_boundary"] == "True"][0])
    _set("countries.csv", "has_boundary", "False", index)(d)
    code = frame.at[index, "code"]
    return f'countries.csv line {line(index)}, column has_boundary: False, but country.geojson has a boundary for "{code}"'


def unreadable_geojson(d):
    (d / "london_borough.geojson").write_text("{not json")
    return "london_borough.geojson: cannot be read as GeoJSON"


def missing_property(d):
    def change(collection):
        for feature in collection["features"]:
            del feature["properties"]["code"]

    edit_geojson(d, "local_health_board.geojson", change)
    return "local_health_board.geojson: no feature has the property code"


def area_without_boundary(d):
    collection = edit_geojson(d, "nhs_england_region.geojson", lambda c: c["features"].pop(0))
    frame = read_csv(d, "nhs_england_regions.csv")
    removed = {f["properties"]["code"] for f in collection["features"]}
    index = int(frame.index[~frame["code"].isin(removed)][0])
    code = frame.at[index, "code"]
    return (
        f"nhs_england_regions.csv line {line(index)}, column code: "
        f'NHS England region "{code}" has no boundary in nhs_england_region.geojson'
    )


def differing_effective_date(d):
    frame = read_csv(d, "integrated_care_board_2023_to_2026.csv")
    dated = frame.index[frame["effective_date"] != ""]
    first, second = int(dated[0]), int(dated[1])
    _set("integrated_care_board_2023_to_2026.csv", "effective_date", "2026-05-01", second)(d)
    return (
        f"integrated_care_board_2023_to_2026.csv line {line(second)}, column effective_date: "
        f"2026-05-01 differs from 2026-04-01 on line {line(first)}"
    )


CASES = {
    "missing file": missing_file,
    "empty file": empty_file,
    "not UTF-8": not_utf8,
    "missing column": missing_column,
    "duplicate key": duplicate_key,
    "unknown trust": unknown_trust,
    "unknown member parent": unknown_member_parent,
    "unknown layer code": unknown_layer_code,
    "invalid geometry": invalid_geometry,
    "not a polygon": not_a_polygon,
    "missing geometry": missing_geometry,
    "unclosed ring": unclosed_ring,
    "duplicate feature": duplicate_feature,
    "boundary for an area without one": boundary_for_area_without_one,
    "unreadable GeoJSON": unreadable_geojson,
    "missing property": missing_property,
    "area without boundary": area_without_boundary,
    "differing effective date": differing_effective_date,
}

#: (file, column, bad value, how the message goes on after "file line N, column C: ").
CELLS = [
    ("organisations.csv", "name", "", "empty, but a value is required"),
    ("organisations.csv", "integrated_care_board_2026_code", "QXX",
     'unknown ICB (2026) code "QXX" (not in integrated_care_boards_2026.csv)'),
    ("organisations.csv", "paediatric_diabetes_unit_code", "PZ998",
     'unknown paediatric diabetes unit code "PZ998" (not in paediatric_diabetes_units.csv)'),
    ("organisations.csv", "country_code", "X92000009",
     'unknown country code "X92000009" (not in countries.csv)'),
    ("organisations.csv", "london_borough_code", "E09999999",
     'unknown London borough code "E09999999" (not in london_boroughs.csv)'),
    ("organisations.csv", "latitude", "fifty", '"fifty" is not a number'),
    ("organisations.csv", "latitude", "nan", '"nan" is not a number'),
    ("organisations.csv", "longitude", "12.5", "12.5 is outside the expected range -8.7 to 2.0"),
    ("organisations.csv", "postcode", "X" * 11,
     f'"{"X" * 11}…" is 11 characters, longer than the 10 allowed'),
    ("organisations.csv", "parent_ods_code", "7A1",
     '"7A1" is neither trust_ods_code nor local_health_board_code of the row'),
    ("integrated_care_boards.csv", "nhs_england_region_code", "Y99",
     'unknown NHS England region code "Y99" (not in nhs_england_regions.csv)'),
    ("trusts.csv", "openuk_network_code", "NOPE",
     'unknown OPEN UK network code "NOPE" (not in openuk_networks.csv)'),
    ("paediatric_diabetes_units.csv", "paediatric_diabetes_network_code", "PN99",
     'unknown paediatric diabetes network code "PN99" (not in paediatric_diabetes_networks.csv)'),
    ("openuk_network_members.csv", "parent_type", "hospital",
     '"hospital" is not one of trust, local_health_board'),
    ("london_boroughs.csv", "inner_london", "maybe", '"maybe" is not True or False'),
    ("trust_successions.csv", "succession_date", "2014-13-02",
     '"2014-13-02" is not a YYYY-MM-DD date'),
]  # fmt: skip


def _refused(loaded, directory, expected):
    before = loaded.fingerprint()
    with pytest.raises(ReferenceDataError) as caught:
        loaded.load(directory)
    assert loaded.fingerprint() == before
    error = caught.value
    assert error.exit_code == 2
    assert any(p.startswith(expected) for p in error.problems), error.problems
    return error


@pytest.mark.parametrize("spoil", CASES.values(), ids=CASES.keys())
def test_bad_file_is_refused_and_nothing_changes(loaded, files, spoil):
    expected = spoil(files)
    error = _refused(loaded, files, expected)
    assert expected in str(error)


@pytest.mark.parametrize(
    ("name", "column", "value", "message"), CELLS, ids=[f"{c[1]}={c[2]!r}" for c in CELLS]
)
def test_bad_value_is_refused_naming_file_line_and_column(
    loaded, files, name, column, value, message
):
    place = _set(name, column, value, index=3 if name != "organisations.csv" else ROW)(files)
    _refused(loaded, files, place + message)


def test_missing_directory_is_refused(loaded, tmp_path):
    _refused(loaded, tmp_path / "nowhere", f"{tmp_path / 'nowhere'}: no such directory")


def test_long_lists_of_problems_are_cut_short(loaded, files):
    edit_csv(files, "organisations.csv", lambda f: f.__setitem__("latitude", "north"))
    error = _refused(loaded, files, "organisations.csv line 2, column latitude:")
    assert len(error.problems) == len(read_csv(files, "organisations.csv"))
    lines = str(error).splitlines()
    assert len(lines) == MAX_LISTED + 1
    assert lines[-1] == f"… and {len(error.problems) - MAX_LISTED} more problems"
