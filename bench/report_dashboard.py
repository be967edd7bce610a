"""Time the organisation dashboard server-side: its first load and a filter change, alone and with
eight users at once, and count the bytes each sends.

Run against a national-size database (``portal demo --children 30000``, then ``portal report
aggregate --audit epilepsy12 --cohort N`` for each cohort) with ``python -m bench.report_dashboard``.
Requests go through the app itself (Flask's test client), signed in through the real form, so the
timings are the server's: the gate, sign-in checks, the callback, and the JSON it returns.

* First load: the page, Dash's layout and dependencies, and the router callback that draws the
  dashboard (what a browser fetches beyond its cached scripts).
* Filter change: the dashboard's one callback, cycling through measures, cohorts and organisations
  as a lead clinician (other trusts disclosed on the fly) and as national staff.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import re
import statistics
import threading
import time

from bench.support import describe, percentile
from services.accounts.demo import DEMO_PASSWORD

LEAD = "lead.rgt@demo.example.nhs.uk"
NATIONAL = "national@demo.example.nhs.uk"
ROUTER = ".._pages_content.children..._pages_store.data.."
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_ASSET = re.compile(r'(?:src|href)="(/(?:_dash-component-suites|assets)/[^"]+)"')


class HttpClient:
    """The few test-client calls the benchmark makes, over HTTP to a running server."""

    class Answer:
        def __init__(self, response) -> None:
            self.status_code, self.headers = response.status_code, response.headers
            self.data, self._response = response.content, response

        def get_data(self, as_text: bool = False):
            return self._response.text if as_text else self.data

        def get_json(self):
            return self._response.json()

    def __init__(self, base: str) -> None:
        import requests

        self.base, self.session = base.rstrip("/"), requests.Session()

    def get(self, path: str) -> Answer:
        return self.Answer(self.session.get(self.base + path, allow_redirects=False))

    def post(self, path: str, **kwargs) -> Answer:
        return self.Answer(self.session.post(self.base + path, allow_redirects=False, **kwargs))

    def get_cookie(self, name: str):
        return type("Cookie", (), {"value": self.session.cookies.get(name)})


def _client(app, email: str):
    client = HttpClient(app) if isinstance(app, str) else app.test_client()
    token = _CSRF.search(client.get("/auth/sign-in").get_data(as_text=True)).group(1)
    answer = client.post(
        "/auth/sign-in", data={"email": email, "password": DEMO_PASSWORD, "csrf_token": token}
    )
    if answer.status_code != 302 or "/auth/" in answer.headers.get("Location", ""):
        raise SystemExit(f"could not sign in as {email}: run `portal demo` on this database first")
    client.get("/")
    return client


_SERVER_TIMING = re.compile(r"app;dur=([0-9.]+)")


def server_ms(answer) -> float | None:
    """The time the server says it spent (its ``Server-Timing`` header), if it says."""
    found = _SERVER_TIMING.search(answer.headers.get("Server-Timing", ""))
    return float(found.group(1)) if found else None


def _headers(client) -> dict:
    return {"X-CSRFToken": client.get_cookie("_csrf_token").value}


def _router_body(search: str) -> dict:
    return {
        "output": ROUTER,
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": "/reports/dashboard"},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }


def first_load(client, search: str = "") -> tuple[float, float, int]:
    """Return the server time and CPU time (ms) and bytes of one first visit to the dashboard.

    The server time is the sum of what the server reports for each request, so a busy client
    or the network does not count against it."""
    started, cpu = time.perf_counter(), time.thread_time()
    answers = [
        client.get(f"/reports/dashboard{search}"),
        client.get("/_dash-layout"),
        client.get("/_dash-dependencies"),
        client.post("/_dash-update-component", json=_router_body(search), headers=_headers(client)),
    ]
    assert answers[-1].status_code == 200, answers[-1].status_code
    elapsed = (time.perf_counter() - started) * 1000
    reported = [server_ms(answer) for answer in answers]
    if None not in reported:
        elapsed = sum(reported)
    return elapsed, (time.thread_time() - cpu) * 1000, sum(len(a.data) for a in answers)


def _output_key() -> str:
    from portal.gate import callback_rules

    return next(key for key in callback_rules() if "dashboard-kpi.children" in key)


def filter_change(client, key: str, params: dict, previous: dict) -> tuple[float, float, int, dict]:
    """Return the server time and CPU time (ms), bytes and new stored view of one filter change.

    The CPU time is this thread's, in which the test client runs the request: what the change
    costs the server, whatever else the machine is doing."""
    body = {
        "output": key,
        "outputs": [
            {"id": part.rpartition(".")[0], "property": part.rpartition(".")[2]}
            for part in key.strip(".").split("...")
        ],
        "inputs": [
            {"id": "dashboard-audit", "property": "value", "value": params["audit"]},
            {"id": "dashboard-organisation", "property": "value", "value": params["organisation"]},
            {"id": "dashboard-cohort", "property": "value", "value": params["cohort"]},
            {"id": "dashboard-measure", "property": "value", "value": params["measure"]},
            [],
            [],
        ],
        "state": [{"id": "dashboard-query", "property": "data", "value": previous}],
        "changedPropIds": ["dashboard-measure.value"],
    }
    started, cpu = time.perf_counter(), time.thread_time()
    answer = client.post("/_dash-update-component", json=body, headers=_headers(client))
    elapsed = (time.perf_counter() - started) * 1000
    cpu = (time.thread_time() - cpu) * 1000
    assert answer.status_code == 200, (answer.status_code, answer.data[:300])
    reported = server_ms(answer)
    elapsed = elapsed if reported is None else reported
    stored = answer.get_json()["response"].get("dashboard-query", {}).get("data", previous)
    return elapsed, cpu, len(answer.data), stored


def session_of_changes(client, key: str, organisations, measures, cohorts, count: int):
    """Make ``count`` filter changes as one browser tab would; return (ms, CPU ms, bytes) of each."""
    results, stored = [], None
    for params, _previous in views(organisations, measures, cohorts, count):
        elapsed, cpu, size, stored = filter_change(client, key, params, stored or params)
        results.append((elapsed, cpu, size))
    return results


def views(organisations: list[str], measures: list[str], cohorts: list[int], count: int):
    """Yield (params, previous) pairs: mostly measure changes, some cohort and organisation ones."""
    previous = None
    for index in range(count):
        params = {
            "audit": "epilepsy12",
            "cohort": str(cohorts[(index // len(measures)) % len(cohorts)]),
            "organisation": organisations[(index // 7) % len(organisations)],
            "measure": measures[index % len(measures)],
        }
        yield params, previous or params
        previous = params


def _concurrent(app, email, organisations, measures, cohorts, users: int, each: int, key: str):
    clients = [_client(app, email) for _ in range(users)]
    timings: list[float] = []
    lock = threading.Lock()
    start = threading.Barrier(users)

    def work(client, offset: int):
        start.wait()
        shifted = measures[offset:] + measures[:offset]
        mine = [
            t for t, _, _ in session_of_changes(client, key, organisations, shifted, cohorts, each)
        ]
        with lock:
            timings.extend(mine)

    threads = [
        threading.Thread(target=work, args=(c, i % len(measures))) for i, c in enumerate(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings


def static_bytes(client) -> tuple[int, int]:
    """Bytes of the scripts and styles the page names, plus plotly.js (cached after one visit),
    as served and as gzip would send them."""
    html = client.get("/reports/dashboard").get_data(as_text=True)
    urls = set(_ASSET.findall(html)) | {
        "/_dash-component-suites/plotly/package_data/plotly.min.js",
        "/_dash-component-suites/dash/dcc/async-graph.js",
    }
    bodies = [client.get(url).data for url in urls]
    return sum(map(len, bodies)), sum(len(gzip.compress(body)) for body in bodies)


def run(runs: int = 40, users: int = 8, url: str | None = None) -> None:
    """Measure in this process, or (with ``url``) over HTTP against a running server."""
    from portal import create_app
    from portal.process import freeze_startup_objects
    from services.reporting.places import organisation_choices
    from services.reporting.registry import get_report

    app = create_app()
    freeze_startup_objects()  # as the serving entry points do
    target = url or app
    report = get_report("epilepsy12")
    today = dt.date.today()
    cohorts = [c for c in report.cohorts(today) if c != report.cohorts(today)[-1]][-3:]
    measures = [m.name for m in report.measures]
    lead, national = _client(target, LEAD), _client(target, NATIONAL)
    key = _output_key()

    with app.test_request_context():
        from flask_login import login_user

        from models.accounts import User
        from portal.db import get_session

        session = get_session()
        user = session.query(User).filter_by(email=LEAD).one()
        login_user(user)
        own = [c.ods_code for c in organisation_choices(session=session, user=user)][:3]
    big = ["RGT01", "RJZ01", "RBS25", "7A1A1"]

    print(f"Cohorts {cohorts}, {len(measures)} measures; lead clinician orgs {own}")
    for label, client, search in (
        ("lead clinician", lead, ""),
        ("national staff", national, "?organisation=RGT01"),
    ):
        loads = [first_load(client, search) for _ in range(runs)]
        print(describe(f"first load, {label} (server ms)", [t for t, _, _ in loads]))
        if url is None:
            print(describe("  of which CPU (ms)", [c for _, c, _ in loads]))
        print(
            f"  bytes per first load (page, layout, dependencies, dashboard): "
            f"median {statistics.median([b for _, _, b in loads]):,.0f}"
        )
    raw, zipped = static_bytes(lead)
    print(
        f"scripts and styles, fetched once then cached by the browser: {raw:,} bytes as served "
        f"(the app does not compress), {zipped:,} gzipped"
    )

    for label, client, organisations in (
        ("lead clinician", lead, own),
        ("national staff", national, big),
    ):
        for state in ("first pass, figures read and disclosed", "again, from memory"):
            results = session_of_changes(client, key, organisations, measures, cohorts, runs * 3)
            timings, sizes = [t for t, _, _ in results], [b for _, _, b in results]
            print(describe(f"filter change, {label}, alone, {state} (server ms)", timings))
            if url is None:
                print(describe("  of which CPU (ms)", [c for _, c, _ in results]))
            print(
                f"  bytes per filter change: median {statistics.median(sizes):,.0f}, max {max(sizes):,}"
            )
            time.sleep(2)

    for label, email, organisations in (
        ("lead clinicians", LEAD, own),
        ("national staff", NATIONAL, big),
    ):
        started = time.perf_counter()
        timings = _concurrent(target, email, organisations, measures, cohorts, users, runs, key)
        wall = time.perf_counter() - started
        print(describe(f"filter change, {users} {label} at once (server ms)", timings))
        print(f"  {len(timings)} requests in {wall:.1f} s; p95 {percentile(timings, 0.95):.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--url", help="measure a running server over HTTP (e.g. gunicorn workers)")
    args = parser.parse_args()
    run(runs=args.runs, users=args.users, url=args.url)


if __name__ == "__main__":
    main()
