"""The isolation proof: an anonymous visitor never receives an unpublished or unsuppressed figure.

A cohort is published with small numbers in it and then changed (1111 late children); another
cohort is aggregated and never published. Then, with no one signed in (and once as national staff,
who must see the same on public pages), every public results page is fetched and every public
results callback is posted with every audit, cohort, measure, level and area we can enumerate,
including crafted ones: an unpublished cohort, pseudo-measures that are never published, levels
the map does not draw, small areas, and the working snapshots' ids wherever a value is accepted.

Every response body is checked:

* every count pair written "<passed> of <eligible>" is a published pair, and none has a count
  from 1 to 4; every "n = <n>" and "<n> children" is a published count;
* every number that only the working snapshots hold (1000 or more, so it cannot be a
  coincidence of layout) never appears anywhere in the body;
* every map trace's values and hover texts match the published figures of the area they colour;
* every CSV and Excel download matches the published figures row by row, suppressed cells
  written as "suppressed".
"""

from __future__ import annotations

import base64
import csv
import io
import itertools
import json
import math
import re
from collections import defaultdict

import openpyxl
import pytest

from portal.gate import callback_rules
from portal.roles import Role
from services.reporting.registry import CHILDREN_INCLUDED
from tests.services.reporting import public_scenario as scenario
from tests.support.auth import dash_headers, sign_in
from tests.support.factories import make_user

ROUTER = ".._pages_content.children..._pages_store.data.."
_PAIR = re.compile(r"(\d+) of (\d+)")
_N = re.compile(r"n = (\d+)")
_CHILDREN = re.compile(r"(\d+) children")
_PERCENT = re.compile(r"(\d+)%")
#: A number standing alone: not a run of digits inside a hash, a version or an identifier.
_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")

AUDITS = ["scratch", "epilepsy12", "nope", None]
MEASURES = [
    "kpi_a",
    "kpi_b",
    "hba1c",
    CHILDREN_INCLUDED,
    "children.excluded_incomplete",
    "casemix.sex.1",
    "nope",
    None,
]
LEVELS = [
    "integrated_care_board",
    "nhs_england_region",
    "local_health_board",
    "country",
    "organisation",
    "trust",
    "openuk_network",
    "national",
    "paediatric_diabetes_unit",
    None,
]
AREAS = [
    ("organisation", "RGT1W"),  # 3 children
    ("organisation", "RGT01"),  # secondarily suppressed
    ("organisation", scenario.LATE_ORGANISATION),  # changed after publication
    ("trust", "RGT"),
    ("local_health_board", "7A7"),  # 3 children
    ("integrated_care_board", "QSL"),  # 2 children
    ("nhs_england_region", "Y56"),
    ("country", "E92000001"),
    ("national", "national"),
    ("paediatric_diabetes_unit", "PZ041"),
    ("organisation", "NOPE"),
]
ORGANISATIONS = ["RGT1W", "RGT01", scenario.LATE_ORGANISATION, "7A7", "7A1A1", "NOPE", "", None]


def _whole(number: float) -> int:
    return math.floor(number + 0.5)


class Published:
    """What the public may see: the published snapshot's figures, and what it must never see."""

    def __init__(self, db, world) -> None:
        self.figures = scenario.figures(db, world.published_id)
        self.working = [scenario.figures(db, world.working_id)]
        self.working.append(scenario.figures(db, world.unpublished_working_id))
        self.pairs = set()
        self.counts = set()
        self.percentages = set()
        self.shown = defaultdict(set)
        self.area_pairs = defaultdict(set)
        for (level, code, _measure), f in self.figures.items():
            if f.passed is not None and f.eligible is not None:
                self.pairs.add((f.passed, f.eligible))
                self.area_pairs[level, code].add((f.passed, f.eligible))
                if f.eligible:
                    exact = 100.0 * f.passed / f.eligible
                    self.percentages.add(_whole(exact))
                    self.shown[level, code].add(exact)
            for count in (f.passed, f.eligible, f.n):
                if count is not None:
                    self.counts.add(count)
            if f.n is not None:
                self.shown[level, code].add(float(f.n))
            if f.value is not None:
                self.shown[level, code].add(f.value)
        published_numbers = self.counts | {round(v, 6) for s in self.shown.values() for v in s}
        self.forbidden = set()
        self.hidden_pairs = set()
        for snapshot in self.working:
            for key, f in snapshot.items():
                for count in (f.passed, f.eligible, f.ineligible, f.incomplete, f.n):
                    if count is not None and count >= 1000 and count not in published_numbers:
                        self.forbidden.add(count)
                if f.passed is not None and f.eligible:
                    public = self.figures.get(key)
                    if public is None or (public.passed, public.eligible) != (f.passed, f.eligible):
                        self.hidden_pairs.add((f.passed, f.eligible))
        self.seen = defaultdict(int)

    def check_text(self, text: str, where: str) -> None:
        for passed, eligible in _PAIR.findall(text):
            pair = (int(passed), int(eligible))
            assert pair in self.pairs, f"{where}: unpublished pair {pair} in {text[:200]!r}"
            assert not any(0 < c < scenario.THRESHOLD for c in pair), f"{where}: small {pair}"
            self.seen["pairs"] += 1
        for n in map(int, _N.findall(text)):
            assert n in self.counts and not 0 < n < scenario.THRESHOLD, f"{where}: n = {n}"
            self.seen["n"] += 1
        for n in map(int, _CHILDREN.findall(text)):
            assert n in self.counts and not 0 < n < scenario.THRESHOLD, f"{where}: {n} children"
        for percent in map(int, _PERCENT.findall(text)):
            assert percent in self.percentages, f"{where}: {percent}% was never published"
            self.seen["percentages"] += 1

    def check_numbers(self, value, where: str, *, scale: bool = False) -> None:
        """Walk a decoded JSON value; no number only the working snapshots hold may appear.
        A colour bar's tick labels ("0%" … "100%") are a scale, not figures: only the
        working-only numbers are looked for in them."""
        if isinstance(value, dict):
            for key, item in value.items():
                self.check_numbers(item, where, scale=scale or key == "ticktext")
        elif isinstance(value, list):
            for item in value:
                self.check_numbers(item, where, scale=scale)
        elif isinstance(value, bool) or value is None:
            return
        elif isinstance(value, (int, float)):
            assert value not in self.forbidden, f"{where}: unpublished number {value}"
        elif isinstance(value, str):
            if not scale:
                self.check_text(value, where)
            for token in _NUMBER.findall(value):
                assert float(token) not in self.forbidden, f"{where}: unpublished {token}"

    def check_traces(self, value, where: str) -> None:
        """Every map trace with areas: its colours and hovers are the published area's figures."""
        if isinstance(value, dict):
            if value.get("type") in ("choroplethmap", "scattermap") and value.get("customdata"):
                self._check_trace(value, where)
            for item in value.values():
                self.check_traces(item, where)
        elif isinstance(value, list):
            for item in value:
                self.check_traces(item, where)

    def _check_trace(self, trace: dict, where: str) -> None:
        texts = trace.get("text") or []
        colours = trace.get("z")
        if trace["type"] == "scattermap":
            colours = (trace.get("marker") or {}).get("color")
        for index, (level, code, status) in enumerate(trace["customdata"]):
            text = texts[index] if index < len(texts) else ""
            if status != "result":
                assert not _PERCENT.search(text), f"{where}: {code} is {status} yet has a %"
            if trace["type"] == "scattermap":
                if status != "result":
                    assert colours[index] in ("#ffffff", "#212b32"), f"{where}: {code} coloured"
                self.seen["coloured dots"] += 1
            elif status == "result":
                allowed = self.shown[level, code]
                assert any(math.isclose(colours[index], v) for v in allowed), (
                    f"{where}: {level} {code} coloured {colours[index]}, published {allowed}"
                )
                self.seen["coloured areas"] += 1
            for passed, eligible in _PAIR.findall(text):
                assert (int(passed), int(eligible)) in self.area_pairs[level, code], (
                    f"{where}: {code} hover says {passed} of {eligible}"
                )
                self.seen["hovers"] += 1

    def check_download(self, data: dict, where: str) -> None:
        content = base64.b64decode(data["content"]) if data.get("base64") else data["content"]
        if data["filename"].endswith(".csv"):
            rows = list(csv.DictReader(io.StringIO(content.decode("utf-8"))))
        else:
            sheet = openpyxl.load_workbook(io.BytesIO(content)).active
            values = list(sheet.values)
            rows = [
                {h: ("" if v is None else str(v)) for h, v in zip(values[0], row, strict=True)}
                for row in values[1:]
            ]
        assert rows, f"{where}: empty download"
        for row in rows:
            figure = self.figures.get((row["level"], row["area_code"], row["measure"]))
            for column in ("passed", "eligible", "n"):
                published = None if figure is None else getattr(figure, column)
                cell = row[column]
                if published is None:
                    assert cell in ("", "suppressed"), f"{where}: {row} shows {column}"
                else:
                    assert int(float(cell)) == published, f"{where}: {row} {column}"
            self.seen[f"download {data['filename'][-4:]}"] += 1


def _outputs(key: str):
    if not key.startswith(".."):
        component, _, prop = key.rpartition(".")
        return {"id": component, "property": prop}
    return [
        {"id": part.rpartition(".")[0], "property": part.rpartition(".")[2]}
        for part in key.strip(".").split("...")
    ]


def _candidates(world, component: str, prop: str) -> list:
    """Every value worth sending for one input; unknown inputs fail the test until listed here."""
    secret_ids = [str(world.working_id), str(world.unpublished_working_id)]
    cohorts = ["8", "9", "7", "abc", "", None, *secret_ids]
    table = {
        ("results-index-audit", "value"): AUDITS,
        ("results-map-audit", "data"): AUDITS,
        ("results-org-audit", "data"): AUDITS,
        ("results-index-cohort", "value"): cohorts,
        ("results-map-cohort", "value"): cohorts,
        ("results-org-cohort", "value"): cohorts,
        ("results-map-measure", "value"): MEASURES,
        ("results-map-level", "value"): LEVELS,
        ("results-map-area", "data"): [{"level": lv, "code": c} for lv, c in AREAS]
        + [None, {"level": "organisation", "code": secret_ids[0]}],
        ("results-map-graph", "clickData"): [
            {"points": [{"customdata": [lv, c]}]} for lv, c in AREAS
        ]
        + [None, {"points": []}],
        ("results-org-organisation", "value"): ORGANISATIONS,
        ("results-map-sort", "data"): [
            {"column": c, "descending": d}
            for c, d in itertools.product(["name", "result", "children", "x"], [False, True])
        ],
    }
    if component.startswith("{"):
        return [
            [
                {
                    "id": {"type": "results-map-area", "level": lv, "code": c},
                    "property": "n_clicks",
                    "value": 1,
                }
            ]
            for lv, c in AREAS
        ]
    if prop == "n_clicks":
        return [1]
    assert (component, prop) in table, f"list the values to send for {component}.{prop}"
    return table[component, prop]


def _post(client, dependency: dict, values: dict, changed: str) -> tuple[int, str]:
    def entry(item):
        value = values[item["id"], item["property"]]
        if item["id"].startswith("{"):
            return value
        return {"id": item["id"], "property": item["property"], "value": value}

    body = {
        "output": dependency["output"],
        "outputs": _outputs(dependency["output"]),
        "inputs": [entry(i) for i in dependency["inputs"]],
        "state": [entry(s) for s in dependency["state"]],
        "changedPropIds": [changed],
    }
    response = client.post("/_dash-update-component", json=body, headers=dash_headers(client))
    return response.status_code, response.get_data(as_text=True)


def _requests(world, dependency: dict):
    """Yield (values, changed prop) for one callback: each input varied alone, and the full
    product of cohort × measure × level wherever a callback takes all three."""
    items = [*dependency["inputs"], *dependency["state"]]
    options = {(i["id"], i["property"]): _candidates(world, i["id"], i["property"]) for i in items}
    defaults = {}
    for key, values in options.items():
        defaults[key] = "scratch" if key[0].endswith("-audit") else values[0]
    inputs = {(i["id"], i["property"]) for i in dependency["inputs"]}
    first = dependency["inputs"][0]
    for key, values in options.items():
        for value in values:
            changed = key if key in inputs else (first["id"], first["property"])
            yield {**defaults, key: value}, _changed_id(changed, value)
    main = [
        k
        for k in options
        if k[0] in ("results-map-cohort", "results-map-measure", "results-map-level")
    ]
    if len(main) == 3:
        # Every cohort value is already sent alone above; in the product, the published and the
        # unpublished cohort, a working snapshot's id and none stand for the rest.
        crossed = {k: options[k] for k in main}
        cohort = next(k for k in main if k[0] == "results-map-cohort")
        crossed[cohort] = ["8", "9", str(world.working_id), None]
        for combination in itertools.product(*(crossed[k] for k in main)):
            yield {**defaults, **dict(zip(main, combination, strict=True))}, f"{main[0][0]}.value"


def _changed_id(key: tuple[str, str], value) -> str:
    """Return Dash's id of the changed property; a pattern input names the component it sent."""
    component, prop = key
    if component.startswith("{") and value:
        component = json.dumps(value[0]["id"], sort_keys=True, separators=(",", ":"))
    return f"{component}.{prop}"


def _pages(world) -> list[tuple[str, str]]:
    secret = f"snapshot={world.working_id}"
    pages = [("/results", ""), ("/results", "?audit=nope")]
    for audit, cohort in itertools.product(["scratch", "epilepsy12", "nope"], ["8", "9", "x"]):
        pages.append(("/results", f"?audit={audit}&cohort={cohort}&{secret}"))
        pages.append((f"/results/{audit}/map", f"?cohort={cohort}&{secret}"))
        pages.append((f"/results/{audit}/organisation/RJZ01", f"?cohort={cohort}"))
    for cohort in ["8", "9", "x", "", str(world.working_id)]:
        for measure, level in itertools.product(MEASURES[:-1], LEVELS[:-1]):
            pages.append(
                ("/results/scratch/map", f"?cohort={cohort}&measure={measure}&level={level}")
            )
        for level, code in AREAS:
            pages.append(("/results/scratch/map", f"?cohort={cohort}&area={level}:{code}&{secret}"))
        for code in ORGANISATIONS[:-2]:
            pages.append((f"/results/scratch/organisation/{code}", f"?cohort={cohort}&{secret}"))
    return pages


def _check_response(published: Published, status: int, body: str, where: str) -> None:
    assert status in (200, 204), f"{where}: HTTP {status}"
    if status == 204 or not body:
        return
    data = json.loads(body)
    published.check_numbers(data, where)
    published.check_traces(data, where)
    for output in (data.get("response") or {}).values():
        download = output.get("data") if isinstance(output, dict) else None
        if isinstance(download, dict) and "filename" in download:
            published.check_download(download, where)


@pytest.fixture
def world(db, monkeypatch):
    built = scenario.build(db, monkeypatch)
    yield built
    scenario.tear_down(db)


def _public_results_callbacks(client) -> list[dict]:
    dependencies = client.get("/_dash-dependencies").get_json()
    found = [d for d in dependencies if "results-" in d["output"]]
    rules = callback_rules()
    assert found and all(rules[d["output"]].public for d in found)
    return found


def _run_everything(client, world, published: Published) -> int:
    requests = 0
    for path, search in _pages(world):
        page = client.get(path + search)
        assert page.status_code == 200, path
        published.check_numbers(page.get_data(as_text=True), path)
        inputs = {("_pages_location", "pathname"): path, ("_pages_location", "search"): search}
        router = {
            "output": ROUTER,
            "inputs": [
                {"id": "_pages_location", "property": "pathname"},
                {"id": "_pages_location", "property": "search"},
            ],
            "state": [],
        }
        status, body = _post(client, router, inputs, "_pages_location.pathname")
        _check_response(published, status, body, f"page {path}{search}")
        requests += 2
    for dependency in _public_results_callbacks(client):
        for values, changed in _requests(world, dependency):
            status, body = _post(client, dependency, values, changed)
            _check_response(published, status, body, f"{dependency['output'][:60]} {values}")
            requests += 1
    return requests


def test_anonymous_visitors_never_receive_an_unpublished_or_unsuppressed_figure(client, db, world):
    published = Published(db, world)
    # The check can fail: the late children and the unpublished cohort left numbers to find.
    assert any(n >= scenario.LATE_CHILDREN for n in published.forbidden)
    secondary = [
        (f.passed, f.eligible)
        for key, f in published.working[0].items()
        if key[2] == "kpi_a"
        and published.figures[key].suppressed
        and min(f.passed, f.eligible - f.passed) >= scenario.THRESHOLD
    ]
    assert set(secondary) - published.pairs, "a secondarily suppressed pair to look for"

    requests = _run_everything(client, world, published)

    assert requests > 1500
    for kind in (
        "pairs",
        "percentages",
        "n",
        "coloured areas",
        "coloured dots",
        "hovers",
        "download .csv",
        "download xlsx",
    ):
        assert published.seen[kind] > 0, f"no {kind} were checked: the check would be vacuous"


def test_signed_in_staff_see_only_published_figures_on_public_pages(client, db, world):
    published = Published(db, world)
    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM)
    sign_in(client, national)
    dependency = next(
        d
        for d in _public_results_callbacks(client)
        if d["output"].startswith("..results-map-graph")
    )
    for values, changed in itertools.islice(_requests(world, dependency), 200):
        status, body = _post(client, dependency, values, changed)
        _check_response(published, status, body, f"signed in: {values}")
    assert published.seen["pairs"] > 0


def test_a_crafted_working_figure_would_be_caught(db, world):
    """The checker itself: a body holding a working-only figure fails it."""
    published = Published(db, world)
    late = published.working[0][("organisation", scenario.LATE_ORGANISATION, "kpi_a")]
    with pytest.raises(AssertionError):
        published.check_numbers({"text": f"{late.passed} of {late.eligible}"}, "crafted")
    with pytest.raises(AssertionError):
        published.check_numbers({"children": "3 of 4"}, "crafted")
    with pytest.raises(AssertionError):
        published.check_numbers([late.eligible], "crafted")
