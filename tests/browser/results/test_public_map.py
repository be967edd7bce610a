"""The public results pages in a real browser, offline: the map draws its polygons quickly, its
table carries the same figures, a click opens an area's figures, and the downloads hold only
published figures."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import openpyxl
import pytest
import shapely
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from domain.reporting.levels import Level
from services.reporting.map_layers import boundaries
from tests.services.reporting import public_scenario as scenario

MAP = "/results/scratch/map"
GRAPH = "#results-map-graph .js-plotly-plot"
#: Recorded from the very start of each page: when Plotly says the map is plotted, and when the
#: map first shows rendered boundary features (WebGL drawing done), both from navigation start.
TIMING_SCRIPT = """
window.__afterplot = [];
window.__drawn = null;
function watch(gd) {
  gd.on('plotly_afterplot', function () {
    window.__afterplot.push(performance.now());
    function poll() {
      var sub = gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
      var drawn = sub && sub.map && sub.map.loaded() && sub.map.queryRenderedFeatures().length;
      if (drawn) { if (window.__drawn === null) window.__drawn = performance.now(); }
      else requestAnimationFrame(poll);
    }
    poll();
  });
}
new MutationObserver(function () {
  var gd = document.querySelector('#results-map-graph .js-plotly-plot');
  if (gd && gd.on && !gd.__watched) { gd.__watched = true; watch(gd); }
}).observe(document, {subtree: true, childList: true});
"""


@pytest.fixture
def world(db, monkeypatch):
    built = scenario.build(db, monkeypatch)
    yield built
    scenario.tear_down(db)


@pytest.fixture
def browser(portal, world):
    portal.add_script(TIMING_SCRIPT)
    return portal


def _press(portal, selector: str) -> None:
    """Scroll a button to the middle of the window and click it, as a visitor would."""
    element = portal.find(selector)
    portal.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
    )
    element.click()


def _wait(portal, condition, message: str, timeout: float = 30):
    return WebDriverWait(portal.driver, timeout).until(lambda _d: condition(), message=message)


def _open_map(portal, query: str = "?cohort=8") -> dict:
    portal.visit(MAP + query, wait_for=GRAPH, timeout=30)
    _wait(portal, lambda: portal.driver.execute_script("return window.__drawn"), "map never drawn")
    return portal.driver.execute_script(
        "return {afterplot: window.__afterplot[0], drawn: window.__drawn}"
    )


def _rendered_layers(portal) -> dict:
    """Return how many rendered map features each trace's layers show, and the traces' data."""
    return portal.driver.execute_script(
        """
        var gd = document.querySelector('#results-map-graph .js-plotly-plot');
        var map = gd._fullLayout.map._subplot.map;
        var counts = {};
        map.queryRenderedFeatures().forEach(function (f) {
          counts[f.layer.type] = (counts[f.layer.type] || 0) + 1;
        });
        return {counts: counts, traces: gd.data.map(function (t) {
          return {name: t.name, type: t.type, locations: (t.locations || []).length,
                  points: (t.lat || []).length};
        })};
        """
    )


def test_the_map_draws_offline_in_under_two_seconds_with_its_table(browser, db, world):
    """Draw time: from navigation to the map's plotly_afterplot, best of three visits once the
    browser has the scripts cached (the first visit, which downloads them, is reported too)."""
    cold = _open_map(browser)
    warm = [_open_map(browser, "?cohort=8&level=integrated_care_board") for _ in range(3)]
    fastest = min(warm, key=lambda timing: timing["afterplot"])
    print(f"\nresults map (ms from navigation): first visit {cold}, then {warm}")  # noqa: T201

    drawn = _rendered_layers(browser)
    assert drawn["counts"].get("fill", 0) > 20, drawn
    assert drawn["counts"].get("circle", 0) > 100, drawn
    assert drawn["counts"].get("line", 0) > 0, drawn  # the hatching of suppressed areas
    traces = {t["name"]: t for t in drawn["traces"]}
    assert traces["Areas"]["locations"] > 20
    assert traces["Organisations"]["points"] > 200
    assert len(browser.find_all("#results-map-rows tr")) == traces["Areas"]["locations"]
    assert "suppressed" in browser.find("#results-map-rows").text
    assert "Map of" in browser.find("#results-map-summary").text
    browser.screenshot("results_map_icb")
    browser.assert_clean(context="on the results map")
    assert fastest["afterplot"] < 2000, (
        f"map plotted {fastest['afterplot']:.0f} ms after navigation"
    )


def _points_inside(db, code: str) -> list[tuple[float, float]]:
    """Return a grid of points inside an ICB's boundary."""
    shape = shapely.from_geojson(
        boundaries(
            session=db, level=Level.INTEGRATED_CARE_BOARD, as_of=scenario.AS_OF, codes=[code]
        )[0]
    )
    west, south, east, north = shape.bounds
    grid = [
        shapely.Point(west + (east - west) * i / 8, south + (north - south) * j / 8)
        for i in range(1, 8)
        for j in range(1, 8)
    ]
    return [(p.x, p.y) for p in grid if shape.contains(p)]


def _clear_spot(browser, db) -> tuple[str, int, int]:
    """Return an ICB and a pixel inside it at least 30 px from every organisation's dot (a dot
    catches clicks within its radius plus Plotly's 20 px hover distance)."""
    for row in browser.find_all("#results-map-rows .area-button"):
        code = json.loads(row.get_attribute("id"))["code"]
        found = browser.driver.execute_script(
            """
            var gd = document.querySelector('#results-map-graph .js-plotly-plot');
            var map = gd._fullLayout.map._subplot.map;
            var dots = gd.data.find(function (t) { return t.name === 'Organisations'; });
            var box = map.getCanvas().getBoundingClientRect();
            var height = Math.min(box.height, window.innerHeight - box.top);
            var best = null;
            arguments[0].forEach(function (point) {
              var here = map.project(point);
              if (here.x < 10 || here.x > box.width - 10 || here.y < 10 || here.y > height - 20) return;
              var nearest = Math.min.apply(null, dots.lat.map(function (lat, i) {
                var p = map.project([dots.lon[i], lat]);
                return Math.hypot(p.x - here.x, p.y - here.y);
              }));
              if (!best || nearest > best.nearest) best = {x: here.x, y: here.y, nearest: nearest};
            });
            return best;
            """,
            _points_inside(db, code),
        )
        if found and found["nearest"] > 30:
            return code, round(found["x"]), round(found["y"])
    pytest.fail("no clear spot to click on the map")


def _click_at(browser, selector: str, x: float, y: float) -> None:
    """Click with a real (trusted) mouse event at a point of an element, in CSS pixels."""
    box = browser.driver.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return [r.left, r.top];",
        browser.find(selector),
    )
    at = {"x": box[0] + x, "y": box[1] + y}
    for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
        extra = {} if kind == "mouseMoved" else {"button": "left", "clickCount": 1}
        browser.driver.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": kind, **at, **extra})


def test_clicking_an_area_on_the_map_opens_its_figures(browser, db, world):
    _open_map(browser)
    graph = browser.find("#results-map-graph")
    browser.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", graph
    )
    code, x, y = _clear_spot(browser, db)
    _click_at(browser, "#results-map-graph canvas", x, y)
    browser.wait_for_text("#results-area-heading", f"({code})", timeout=15)
    rows = browser.find_all("#results-area-table tbody tr")
    assert len(rows) == len(world.report.measures)
    _wait(
        browser,
        lambda: f"area=integrated_care_board%3A{code}" in browser.driver.current_url,
        "the chosen area never reached the URL",
    )
    browser.screenshot("results_map_area_clicked")
    browser.assert_clean(context="after clicking an area")


def test_keyboard_users_open_an_area_from_the_table_and_sort_it(browser, db, world):
    _open_map(browser)
    header = browser.find("#results-map-th-result")
    browser.find("#results-map-sort-result").send_keys(Keys.ENTER)
    _wait(browser, lambda: header.get_attribute("aria-sort") == "descending", "never sorted")
    first = browser.find("#results-map-rows .area-button")
    name = first.text
    first.send_keys(Keys.ENTER)
    browser.wait_for_text("#results-area-heading", name, timeout=15)
    browser.assert_clean(context="after opening an area from the table")


def test_changing_measure_and_level_redraws_and_is_kept_in_the_url(browser, db, world):
    _open_map(browser)
    Select(browser.find("#results-map-measure")).select_by_value("hba1c")
    browser.wait_for_text("#results-map-caption", "Median HbA1c")
    _wait(browser, lambda: "measure=hba1c" in browser.driver.current_url, "measure not in URL")
    browser.find("label[for^='_dbcprivate_radioitems_results-map-level_input_local']").click()
    browser.wait_for_text("#results-map-caption", "local health board")
    _wait(browser, lambda: "level=local_health_board" in browser.driver.current_url, "no level")
    _wait(
        browser,
        lambda: len(browser.find_all("#results-map-rows tr")) == 7,
        "Wales has seven health boards",
    )
    _wait(browser, lambda: _rendered_layers(browser)["counts"].get("fill", 0) >= 7, "no boards")
    _wait(browser, lambda: _rendered_layers(browser)["counts"].get("line", 0) > 0, "no hatching")
    browser.settle(1)
    browser.screenshot("results_map_lhb_median")
    browser.assert_clean(context="after changing measure and level")


def _downloaded(browser, suffix: str) -> Path:
    folder = Path(browser.br.download_path)
    _wait(browser, lambda: any(folder.glob(f"*{suffix}")), f"no {suffix} downloaded")
    time.sleep(0.3)
    return next(folder.glob(f"*{suffix}"))


def _check_rows(db, world, rows: list[dict]) -> None:
    published = scenario.figures(db, world.published_id)
    assert rows
    for row in rows:
        figure = published.get((row["level"], row["area_code"], row["measure"]))
        for column in ("passed", "eligible"):
            value = None if figure is None else getattr(figure, column)
            cell = row[column]
            if value is None:
                assert cell in ("", "suppressed", None), row
            else:
                assert int(cell) == value and value >= scenario.THRESHOLD, row


def test_the_map_table_downloads_as_csv_and_excel_with_published_figures_only(browser, db, world):
    _open_map(browser)
    _press(browser, "#results-map-table-download-csv")
    text = _downloaded(browser, ".csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(browser.find_all("#results-map-rows tr"))
    _check_rows(db, world, rows)
    assert any(r["status"] == "suppressed" and r["passed"] == "suppressed" for r in rows)

    _press(browser, "#results-map-table-download-xlsx")
    sheet = openpyxl.load_workbook(_downloaded(browser, ".xlsx")).active
    values = list(sheet.values)
    _check_rows(db, world, [dict(zip(values[0], r, strict=True)) for r in values[1:]])
    browser.assert_clean(context="after downloading the map table")


def test_the_organisation_page_shows_published_figures_beside_its_areas(browser, db, world):
    code = scenario.LATE_ORGANISATION
    browser.visit(f"/results/scratch/organisation/{code}?cohort=8", wait_for="#results-org-table")
    browser.wait_for_text("#results-org-heading", "King")
    headers = browser.find_all("#results-org-table thead th")
    assert [h.text.split("\n")[0] for h in headers][1:] == [
        "Organisation",
        "Trust",
        "Integrated care board",
        "NHS England region",
        "OPEN UK network",
        "Country",
        "England and Wales",
    ]
    published = scenario.figures(db, world.published_id)[("organisation", code, "kpi_a")]
    first_row = browser.find_all("#results-org-table tbody tr")[1].text
    assert f"{published.passed} of {published.eligible}" in first_row
    working = scenario.figures(db, world.working_id)[("organisation", code, "kpi_a")]
    assert f"of {working.eligible}" not in browser.find("#results-org-table").text
    browser.screenshot("results_organisation")
    browser.assert_clean(context="on the organisation results page")

    Select(browser.find("#results-org-organisation")).select_by_value("RGT01")
    browser.wait_for_text("#results-org-heading", "Addenbrooke")
    _wait(browser, lambda: "/organisation/RGT01" in browser.driver.current_url, "URL kept")
    _press(browser, "#results-org-download-csv")
    rows = list(csv.DictReader(io.StringIO(_downloaded(browser, ".csv").read_text())))
    _check_rows(db, world, rows)
    assert {r["area_code"] for r in rows} >= {"RGT01", "RGT", "national"}
    browser.assert_clean(context="after switching organisation")


def test_the_results_index_says_what_is_published(browser, db, world):
    browser.visit("/results?audit=scratch", wait_for="#results-index-status")
    browser.wait_for_text("#results-index-published", "by the national audit team")
    Select(browser.find("#results-index-cohort")).select_by_value("9")
    browser.wait_for_text("#results-index-status", "has not been published yet")
    browser.find("label[for^='_dbcprivate_radioitems_results-index-audit_input_epilepsy12']")
    browser.screenshot("results_index")
    browser.assert_clean(context="on the results index")
