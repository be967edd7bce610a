"""The public boundary map: drawn offline, without sign-in, for each level, with its table, fast."""

from __future__ import annotations

import os
from urllib.parse import parse_qs, urlsplit

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from portal.config import PROJECT_ROOT
from services.maps import LEVELS

GRAPH = "#public-map-graph"
#: The page must be fully drawn within 2 s of navigation (warm browser cache) on a machine that
#: draws WebGL on a GPU. Headless test browsers draw it in software (SwiftShader), where a bare
#: Plotly map with no Dash around it already takes 1.5–2.5 s, so they get a wider budget that
#: still catches regressions such as geometry inlined into the figure or extra map traces.
GPU_BUDGET_SECONDS = 2.0
SOFTWARE_BUDGET_SECONDS = 6.0

#: Installed before the page's own scripts: notes when the map first shows every layer drawn.
DRAW_CLOCK = """
window.__mapDrawnAt = null;
(function watch() {
  try {
    const gd = document.querySelector('#public-map-graph .js-plotly-plot');
    const map = gd._fullLayout.map._subplot.map;
    const fills = map.getStyle().layers.filter(l => l.type === 'fill').map(l => l.id);
    if (map.loaded() && !map.isMoving()
        && map.queryRenderedFeatures({layers: fills}).length > 0) {
      window.__mapDrawnAt = performance.now();
      return;
    }
  } catch (notYet) {}
  setTimeout(watch, 25);
})();
"""


def map_state(portal) -> dict | None:
    return portal.driver.execute_script(
        """
        const gd = document.querySelector(arguments[0] + ' .js-plotly-plot');
        if (!gd || !gd._fullLayout || !gd._fullLayout.map) return null;
        const map = gd._fullLayout.map._subplot.map;
        const style = map.getStyle();
        const fills = style.layers.filter(l => l.type === 'fill').map(l => l.id);
        const drawn = map.queryRenderedFeatures({layers: fills});
        return {
            traces: gd.data.map(t => t.type),
            areas: (gd.data[0].locations || []).length,
            sites: (gd.data[1].lat || []).length,
            geojson: gd.data[0].geojson,
            loaded: map.loaded() && !map.isMoving(),
            // Plotly's features carry each area's centroid ("ct"), not its code.
            drawnAreas: new Set(drawn.map(f => JSON.stringify(f.properties.ct))).size,
            remoteSources: Object.values(style.sources).filter(s => s.url || s.tiles).length,
            glyphs: style.glyphs || null,
            canvas: !!gd.querySelector('canvas.maplibregl-canvas'),
        };
        """,
        GRAPH,
    )


def wait_for_level(portal, areas: int, *, min_drawn: int = 1, timeout: float = 30) -> dict:
    """Wait until the map holds ``areas`` areas and MapLibre has drawn at least ``min_drawn``.

    MapLibre redraws a frame or more after the figure changes, so the features on screen must
    also be no more than the figure holds: otherwise the previous level is still showing.
    """
    state: dict = {}

    def drawn(_driver):
        nonlocal state
        state = map_state(portal) or {}
        return (
            state.get("areas") == areas
            and state.get("loaded")
            and min_drawn <= (state.get("drawnAreas") or 0) <= areas
        )

    WebDriverWait(portal.driver, timeout, poll_frequency=0.1).until(
        drawn, message=f"the map never drew {areas} areas: {state}"
    )
    return state


def table_rows(portal) -> list[list[str]]:
    return [
        [cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td")]
        for row in portal.find_all("#public-map-table tbody tr")
    ]


def assert_offline(state: dict) -> None:
    assert state["canvas"], "MapLibre drew no canvas"
    assert state["remoteSources"] == 0 and state["glyphs"] is None
    assert state["geojson"].startswith("/geojson/")


def test_anonymous_visitor_sees_two_levels_drawn_offline(portal):
    portal.visit("/map", wait_for=GRAPH)
    assert portal.find("h1").text == "Map of NHS areas and paediatric services"
    state = wait_for_level(portal, 36, min_drawn=31)
    assert state["traces"] == ["choroplethmap", "scattermap"]
    assert state["geojson"] == "/geojson/icb_2026.json"
    assert state["sites"] == 347
    assert state["drawnAreas"] > 30
    assert_offline(state)
    rows = table_rows(portal)
    assert len(rows) == 36
    assert rows[[r[1] for r in rows].index("S1Y5D")][:2] == ["Central East", "S1Y5D"]
    assert portal.find("#public-map-table tfoot").text.splitlines()[-1] == "All organisations 347"
    portal.settle()
    portal.screenshot("public-map-icb-2026")
    portal.assert_clean(context="on the public map (ICBs 2026)")

    portal.driver.find_element(By.XPATH, "//label[text()='NHS England regions']").click()
    state = wait_for_level(portal, 7, min_drawn=7)
    assert state["geojson"] == "/geojson/nhs_england_region.json"
    assert state["drawnAreas"] == 7
    assert_offline(state)
    assert parse_qs(urlsplit(portal.driver.current_url).query) == {"level": ["nhs_england_region"]}
    assert portal.find("#public-map-table caption").text == "Organisations per Region"
    rows = table_rows(portal)
    assert [r[1] for r in rows] == ["Y61", "Y56", "Y60", "Y63", "Y62", "Y59", "Y58"]
    assert sum(int(r[2]) for r in rows) == 318
    footer = portal.find("#public-map-table tfoot").text
    assert "Not in any region 29" in footer
    assert "shaded from pale to dark blue" in portal.find("#public-map-summary").text
    portal.settle()
    portal.screenshot("public-map-regions")
    portal.assert_clean(context="on the public map (regions)")


def test_a_level_in_the_url_opens_that_level(portal):
    portal.visit("/map?level=london_borough", wait_for=GRAPH)
    state = wait_for_level(portal, 33)
    assert state["geojson"] == "/geojson/london_borough.json"
    assert portal.find("#public-map-level input[value='london_borough']").is_selected()
    assert len(table_rows(portal)) == 33
    portal.assert_clean(context="on the London boroughs map")


def test_countries_list_the_channel_islands_without_a_boundary(portal):
    portal.visit("/map?level=country", wait_for=GRAPH)
    state = wait_for_level(portal, 4)
    assert state["sites"] == 347
    rows = table_rows(portal)
    assert ["Channel Islands (no boundary drawn)", "L93000001", "1"] in rows
    assert portal.find("#public-map-table tfoot").text == "All organisations 347"
    portal.assert_clean(context="on the countries map")


def test_an_unknown_level_is_explained(portal):
    portal.visit("/map?level=parishes", wait_for=GRAPH)
    assert "no level called “parishes”" in portal.find(".alert-warning").text
    wait_for_level(portal, 36)
    portal.assert_clean(context="with an unknown level")


def test_every_level_is_offered(portal):
    portal.visit("/map", wait_for="#public-map-level")
    offered = [i.get_attribute("value") for i in portal.find_all("#public-map-level input")]
    assert offered == [level.key for level in LEVELS]
    labels = [label.text for label in portal.find_all("#public-map-level label")]
    assert all(labels)


def webgl_renderer(portal) -> str:
    return portal.driver.execute_script(
        """
        const gl = document.createElement('canvas').getContext('webgl');
        if (!gl) return 'none';
        const info = gl.getExtension('WEBGL_debug_renderer_info');
        return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
        """
    )


def test_map_page_is_fully_drawn_within_budget(portal):
    """Time from navigation to the map fully drawn, cold and with the browser cache warm."""
    portal.add_script(DRAW_CLOCK)
    timings = []
    for visit in ("cold", "warm", "warm"):
        portal.visit("/map", wait_for=GRAPH)
        WebDriverWait(portal.driver, 60, poll_frequency=0.1).until(
            lambda driver: driver.execute_script("return window.__mapDrawnAt"),
            message="the map never finished drawing",
        )
        drawn_at = portal.driver.execute_script("return window.__mapDrawnAt") / 1000
        timings.append((visit, round(drawn_at, 2)))
    renderer = webgl_renderer(portal)
    software = "swiftshader" in renderer.lower()
    budget = float(
        os.environ.get(
            "PORTAL_MAP_BUDGET_SECONDS", SOFTWARE_BUDGET_SECONDS if software else GPU_BUDGET_SECONDS
        )
    )
    report = ", ".join(f"{visit} {seconds} s" for visit, seconds in timings)
    report += f" (WebGL: {renderer}; budget {budget} s)"
    folder = PROJECT_ROOT / "screenshots"
    folder.mkdir(exist_ok=True)
    (folder / "public-map-timings.txt").write_text(report + "\n")
    best_warm = min(seconds for visit, seconds in timings if visit == "warm")
    assert best_warm < budget, f"public map drawn in {report}"
    portal.assert_clean(context="after timing the public map")
