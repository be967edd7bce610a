"""The organisations directory and organisation page in a real browser: search, filters, sorting,
paging, shareable URLs, the hierarchy and the offline map."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from portal.roles import Role
from services.organisations import DirectoryQuery, search_organisations
from tests.support.factories import make_user

STATUS = "#directory-status"


@pytest.fixture
def user(db):
    return make_user(db, role=Role.CLINICIAN, ods_code="RGT01")


@pytest.fixture
def directory(portal, user):
    portal.sign_in(user, next_path="/organisations")
    portal.visit("/organisations")
    portal.wait_for_text(STATUS, "Showing 1–25 of 347 organisations")
    return portal


def query_params(portal) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(portal.driver.current_url).query).items()}


def wait_for_url(portal, **expected) -> None:
    WebDriverWait(portal.driver, 10).until(
        lambda _driver: query_params(portal) == expected,
        message=f"URL query never became {expected}",
    )


def wait_until(portal, condition, message: str, timeout: float = 10) -> None:
    WebDriverWait(portal.driver, timeout).until(lambda _driver: condition(), message=message)


def click(portal, selector: str) -> None:
    """Scroll the element into view at once (Bootstrap scrolls smoothly), then click it."""
    element = portal.find(selector)
    portal.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
    )
    element.click()


def first_codes(portal, count: int = 25) -> list[str]:
    return [cell.text for cell in portal.find_all("#directory-rows td:nth-child(2)")][:count]


def expected_total(db, user, **filters) -> int:
    query = DirectoryQuery(**filters)
    return search_organisations(session=db, user=user, query=query).total


def test_search_finds_by_name_and_code_and_updates_the_url(directory):
    search = directory.find("#directory-search")
    search.send_keys("addenbrooke")
    directory.wait_for_text(STATUS, "Showing 1–1 of 1 organisation")
    assert first_codes(directory) == ["RGT01"]
    wait_for_url(directory, q="addenbrooke")

    search.send_keys(Keys.CONTROL, "a")
    search.send_keys("rgt2x")
    wait_for_url(directory, q="rgt2x")
    wait_until(directory, lambda: first_codes(directory) == ["RGT2X"], "RGT2X never shown")
    assert directory.find(STATUS).text == "Showing 1–1 of 1 organisation"
    directory.assert_clean(context="after searching the directory")


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("country", "W92000004"),
        ("region", "Y61"),
        ("icb", "S1Y5D"),
        ("lhb", "7A1"),
        ("network", "EPEN"),
        ("trust", "RGT"),
    ],
)
def test_each_filter_changes_the_results_and_the_url(directory, db, user, key, code):
    total = expected_total(db, user, **{key: code})
    assert 0 < total < 347
    Select(directory.find(f"#directory-{key}")).select_by_value(code)
    directory.wait_for_text(STATUS, f"of {total} organisation")
    wait_for_url(directory, **{key: code})

    Select(directory.find(f"#directory-{key}")).select_by_value("any")
    directory.wait_for_text(STATUS, "Showing 1–25 of 347 organisations")
    wait_for_url(directory)
    directory.assert_clean(context=f"after filtering by {key}")


def test_sorting_by_a_column_both_ways_from_the_keyboard(directory):
    header = directory.find("#directory-th-ods_code")
    assert header.get_attribute("aria-sort") == "none"
    assert directory.find("#directory-th-name").get_attribute("aria-sort") == "ascending"

    directory.find("#directory-sort-ods_code").send_keys(Keys.ENTER)
    WebDriverWait(directory.driver, 10).until(
        lambda _d: header.get_attribute("aria-sort") == "ascending"
    )
    ascending = first_codes(directory)
    assert ascending == sorted(ascending) and ascending[0].startswith("7A")
    wait_for_url(directory, sort="ods_code")

    directory.find("#directory-sort-ods_code").send_keys(Keys.ENTER)
    WebDriverWait(directory.driver, 10).until(
        lambda _d: header.get_attribute("aria-sort") == "descending"
    )
    descending = first_codes(directory)
    assert descending == sorted(descending, reverse=True) and descending[0] > ascending[-1]
    assert directory.find("#directory-th-name").get_attribute("aria-sort") == "none"
    wait_for_url(directory, sort="ods_code", dir="desc")
    directory.assert_clean(context="after sorting")


def test_paging_forwards_to_the_end_and_back(directory):
    first_page = first_codes(directory)
    assert directory.find("#directory-page-previous").get_attribute("disabled")

    click(directory, "#directory-page-next")
    directory.wait_for_text(STATUS, "Showing 26–50 of 347 organisations")
    assert not set(first_codes(directory)) & set(first_page)
    wait_for_url(directory, page="2")

    click(directory, "#directory-page-last")
    directory.wait_for_text(STATUS, "Showing 326–347 of 347 organisations")
    assert directory.find("#directory-page-label").text == "Page 14 of 14"
    assert directory.find("#directory-page-next").get_attribute("disabled")
    assert len(directory.find_all("#directory-rows tr")) == 22
    wait_for_url(directory, page="14")

    click(directory, "#directory-page-first")
    directory.wait_for_text(STATUS, "Showing 1–25 of 347 organisations")
    assert first_codes(directory) == first_page
    directory.assert_clean(context="after paging")


def test_a_filter_resets_to_the_first_page(directory):
    click(directory, "#directory-page-next")
    directory.wait_for_text(STATUS, "Showing 26–50")
    Select(directory.find("#directory-region")).select_by_value("Y56")
    directory.wait_for_text(STATUS, "Showing 1–25 of 44 organisations")
    wait_for_url(directory, region="Y56")


def test_the_back_button_returns_to_the_previous_view(directory):
    Select(directory.find("#directory-lhb")).select_by_value("7A1")
    directory.wait_for_text(STATUS, "Showing 1–6 of 6 organisations")
    wait_for_url(directory, lhb="7A1")
    directory.driver.back()
    directory.wait_for_text(STATUS, "Showing 1–25 of 347 organisations")
    wait_for_url(directory)
    assert Select(directory.find("#directory-lhb")).first_selected_option.get_attribute(
        "value"
    ) == ("any")
    directory.assert_clean(context="after going back")


def test_reopening_a_shared_url_restores_the_view(portal, user, db):
    portal.sign_in(user)
    portal.visit("/organisations?q=hospital&region=Y59&sort=name&dir=desc&page=2")
    total = expected_total(db, user, search="hospital", region="Y59")
    assert total > 25
    portal.wait_for_text(STATUS, f"Showing 26–{min(50, total)} of {total} organisations")
    assert portal.find("#directory-search").get_attribute("value") == "hospital"
    assert Select(portal.find("#directory-region")).first_selected_option.get_attribute(
        "value"
    ) == ("Y59")
    assert Select(portal.find("#directory-country")).first_selected_option.text == "All countries"
    assert portal.find("#directory-th-name").get_attribute("aria-sort") == "descending"
    names = [cell.text for cell in portal.find_all("#directory-rows th")]
    assert names == sorted(names, key=str.lower, reverse=True)
    assert query_params(portal) == {
        "q": "hospital",
        "region": "Y59",
        "sort": "name",
        "dir": "desc",
        "page": "2",
    }
    portal.screenshot("directory-filtered")
    portal.assert_clean(context="on a reopened directory URL")


def test_no_results_says_so(directory):
    directory.find("#directory-search").send_keys("zzzz no such place")
    directory.wait_for_text(STATUS, "No organisations match")
    assert directory.find_all("#directory-rows tr") == []
    assert directory.find("#directory-page-label").text == ""
    directory.assert_clean(context="with no results")


def test_an_unknown_code_in_a_link_is_explained_not_applied(portal, user):
    portal.sign_in(user)
    portal.visit("/organisations?icb=NOPE")
    portal.wait_for_text(STATUS, "Showing 1–25 of 347 organisations")
    assert "“NOPE”" in portal.find(".alert-warning").text
    portal.assert_clean(context="with an unknown ICB in the URL")


def test_anonymous_visitor_is_sent_to_sign_in(portal):
    portal.visit("/organisations?region=Y61", wait_for="#email")
    url = urlsplit(portal.driver.current_url)
    assert url.path == "/auth/sign-in"
    assert parse_qs(url.query)["next"] == ["/organisations?region=Y61"]


def test_a_row_opens_the_organisation_page(directory):
    directory.find("#directory-search").send_keys("RGT01")
    directory.wait_for_text(STATUS, "of 1 organisation")
    directory.driver.find_element(By.LINK_TEXT, "Addenbrooke's Hospital").click()
    directory.wait_for_text("h1", "Addenbrooke's Hospital")
    assert urlsplit(directory.driver.current_url).path == "/organisations/RGT01"


def map_state(portal, graph: str) -> dict:
    """Return what the Plotly map in ``graph`` holds and whether MapLibre has drawn it."""
    return portal.driver.execute_script(
        """
        const gd = document.querySelector(arguments[0] + ' .js-plotly-plot');
        if (!gd || !gd._fullLayout || !gd._fullLayout.map) return null;
        const map = gd._fullLayout.map._subplot.map;
        const fills = map.getStyle().layers.filter(l => l.type === 'fill').map(l => l.id);
        return {
            traces: gd.data.map(t => t.type),
            locations: gd.data.map(t => (t.locations || []).length),
            canvas: !!gd.querySelector('canvas.maplibregl-canvas'),
            loaded: map.loaded() && !map.isMoving(),
            drawnAreas: map.queryRenderedFeatures({layers: fills}).length,
            style: map.getStyle().sources,
            glyphs: map.getStyle().glyphs || null,
        };
        """,
        graph,
    )


def wait_for_map(portal, graph: str, *, timeout: float = 30) -> dict:
    state: dict = {}

    def drawn(_driver):
        nonlocal state
        state = map_state(portal, graph) or {}
        return state.get("loaded") and state.get("drawnAreas", 0) > 0

    WebDriverWait(portal.driver, timeout, poll_frequency=0.1).until(
        drawn, message=f"the map in {graph} never finished drawing: {state}"
    )
    return state


def test_organisation_page_shows_hierarchy_and_map(portal, user):
    portal.sign_in(user)
    portal.visit("/organisations/RGT01")
    portal.wait_for_text("h1", "Addenbrooke's Hospital")
    hierarchy = portal.find("dl.hierarchy").text
    for expected in (
        "Cambridge University Hospitals NHS Foundation Trust (RGT)",
        "Central East (S1Y5D), from April 2026",
        "Cambridgeshire and Peterborough (QUE), April 2023 to March 2026",
        "East of England (Y61)",
        "Eastern Paediatric Epilepsy Network (EPEN)",
        "PZ041",
        "England",
    ):
        assert expected in hierarchy
    icb_link = portal.driver.find_element(By.LINK_TEXT, "Central East (S1Y5D)")
    assert icb_link.get_attribute("href").endswith("/organisations?icb=S1Y5D")
    siblings = [a.text for a in portal.find_all(".sibling-list a")]
    assert siblings == ["Jersey General Hospital", "Luton and Dunstable University Hospital"]

    state = wait_for_map(portal, "#organisation-map")
    assert state["canvas"]
    assert state["traces"] == ["choroplethmap", "scattermap"]
    assert state["locations"][0] >= 36
    assert state["glyphs"] is None
    assert all(
        not source.get("url") and not source.get("tiles") for source in state["style"].values()
    )
    portal.settle()
    portal.screenshot("organisation-rgt01")
    portal.assert_clean(context="on an organisation page")

    icb_link.click()
    portal.wait_for_text(STATUS, "organisations")
    assert query_params(portal) == {"icb": "S1Y5D"}
    assert Select(portal.find("#directory-icb")).first_selected_option.get_attribute("value") == (
        "S1Y5D"
    )


def test_welsh_organisation_shows_its_health_board(portal, user):
    portal.sign_in(user)
    portal.visit("/organisations/7A1A1")
    portal.wait_for_text("h1", "Ysbyty Glan Clwyd")
    hierarchy = portal.find("dl.hierarchy").text
    assert "Local health board" in hierarchy and "Betsi Cadwaladr" in hierarchy
    assert "Not applicable: Welsh services belong to a local health board" in hierarchy
    assert "Trust" not in hierarchy.splitlines()
    wait_for_map(portal, "#organisation-map")
    portal.assert_clean(context="on a Welsh organisation page")


def test_jersey_has_no_boundary_map(portal, user):
    portal.sign_in(user)
    portal.visit("/organisations/RGT1W")
    portal.wait_for_text("h1", "Jersey General Hospital")
    assert "No boundary map" in portal.find(".organisation-map").text
    assert portal.find_all("#organisation-map") == []
    assert "Channel Islands" in portal.find("dl.hierarchy").text
    portal.assert_clean(context="on the Jersey organisation page")


def test_unknown_organisation_says_so(portal, user):
    portal.sign_in(user)
    portal.visit("/organisations/NOPE1")
    portal.wait_for_text("h1", "Organisation not found")
    assert "NOPE1" in portal.find("#main").text
    portal.assert_clean(context="on an unknown organisation page")
