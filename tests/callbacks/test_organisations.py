"""How the directory's controls turn into the next view, and the callback's refusal to strangers."""

from __future__ import annotations

import pytest

from callbacks.organisations import next_query
from portal.gate import callback_rules
from services.organisations import DirectoryOptions, DirectoryQuery, Option
from tests.support.auth import dash_headers

BASE = DirectoryQuery(region="Y61", sort="name", page=3)
SAME = {"search": "", "region": "Y61"}


def test_first_load_keeps_the_page():
    assert next_query(BASE, None, SAME) == BASE


def test_a_filter_change_goes_back_to_page_one():
    assert next_query(BASE, "directory-icb", {**SAME, "icb": "QUE"}) == BASE.with_changes(
        icb="QUE", page=1
    )
    assert next_query(BASE, "directory-search", {**SAME, "search": "royal"}).page == 1


def test_sorting_a_new_column_ascends_and_again_descends():
    by_code = next_query(BASE, "directory-sort-ods_code", SAME)
    assert (by_code.sort, by_code.descending, by_code.page) == ("ods_code", False, 1)
    again = next_query(by_code, "directory-sort-ods_code", SAME)
    assert (again.sort, again.descending) == ("ods_code", True)
    back = next_query(again, "directory-sort-ods_code", SAME)
    assert back.descending is False


@pytest.mark.parametrize(
    ("step", "page"), [("first", 1), ("previous", 2), ("next", 4), ("last", 10**6)]
)
def test_pager_steps(step, page):
    assert next_query(BASE, f"directory-page-{step}", SAME).page == page


def test_previous_never_goes_below_one():
    assert next_query(BASE.with_changes(page=1), "directory-page-previous", SAME).page == 1


def test_unknown_codes_are_found():
    options = DirectoryOptions(region=[Option("Y61", "East of England")])
    query = DirectoryQuery(region="Y99", icb="QUE")
    assert options.unknown_filters(query) == ["region", "icb"]
    assert options.unknown_filters(DirectoryQuery(region="Y61")) == []


def test_directory_callback_refuses_anonymous_requests(app, client):
    app.test_client().get("/")
    output = next(key for key in callback_rules() if "directory-query.data" in key)
    assert callback_rules()[output].capability == "directory.read"
    body = {
        "output": output,
        "outputs": [],
        "inputs": [{"id": "directory-search", "property": "value", "value": "a"}],
        "changedPropIds": ["directory-search.value"],
        "state": [],
    }
    response = client.post("/_dash-update-component", json=body, headers=dash_headers(client))
    assert response.status_code == 401
