"""The national KPI workbook (built by a background task, downloaded through a signed-in view) and
the on-demand refresh with progress."""

from __future__ import annotations

import io
import time

import pytest
from openpyxl import load_workbook
from redis import Redis
from redis.exceptions import RedisError
from sqlalchemy import select

from models.reporting import ReportSnapshot
from portal.access import AccessDenied
from portal.errors import UserError
from portal.roles import Role
from services.epilepsy12.reporting import REPORT
from services.reporting import jobs
from services.reporting.jobs import FAILED, READY, load_job
from services.reporting.overview import publish_cohort
from services.reporting.workbook import build_workbook
from tasks import refresh as refresh_tasks
from tasks.exports import start_workbook
from tasks.refresh import refresh_progress, start_refresh
from tests.services.reporting import e12_figures as e12
from tests.support.auth import sign_in
from tests.support.factories import make_user

LEVEL_SHEETS = [
    "Organisation",
    "Trust",
    "Local health board",
    "Integrated care board",
    "NHS England region",
    "OPEN UK network",
    "Country",
    "England and Wales",
]


@pytest.fixture
def figures(db):
    e12.create(db)
    ids = e12.organisation_ids(db)
    rows = [e12.child(ids["RGT01"], 8, ecg=int(i < 30)) for i in range(40)]
    rows += [e12.child(ids["RGT1W"], 8) for _ in range(3)]
    rows += [e12.child(ids["7A1A1"], 8, ecg=int(i < 6)) for i in range(12)]
    rows += [e12.child(ids["RGT01"], 8, counted=0, score=None) for _ in range(5)]
    e12.add_and_aggregate(db, rows, [8])
    yield db
    e12.drop(db)


def _sheets(content: bytes) -> dict[str, list[dict]]:
    book = load_workbook(io.BytesIO(content), read_only=True)
    found = {}
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        found[sheet.title] = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    return found


def _wait(predicate, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("the background job never finished")


@pytest.mark.sqlite
def test_the_workbook_has_a_sheet_per_level_children_counted_and_the_areas(figures):
    national = make_user(figures, role=Role.NATIONAL_AUDIT_TEAM)
    name, content = build_workbook(session=figures, user=national, report=REPORT, cohort=8)
    assert name == "epilepsy12-cohort-8-working.xlsx"
    sheets = _sheets(content)
    assert list(sheets) == ["About", *LEVEL_SHEETS, "Children counted", "Areas"]
    ecg = {(r["area_code"], r["measure"]): r for r in sheets["Organisation"]}[("RGT01", "ecg")]
    assert (ecg["numerator"], ecg["denominator"], ecg["percentage"]) == (30, 40, 75.0)
    assert ecg["measure_label"] == "4. ECG" and ecg["area_name"] == "Addenbrooke's Hospital"
    nation = {r["measure"]: r for r in sheets["England and Wales"]}
    assert (nation["ecg"]["numerator"], nation["ecg"]["denominator"]) == (39, 55)
    assert len(nation) == len(REPORT.measures)
    trust = {r["area_code"]: r for r in sheets["Children counted"] if r["level"] == "Trust"}
    assert trust["RGT"]["children_included"] == 43
    assert trust["RGT"]["children_excluded_incomplete"] == 5
    areas = {r["organisation_code"]: r for r in sheets["Areas"]}
    assert areas["RGT01"]["trust_code"] == "RGT" and areas["RGT01"]["integrated_care_board_code"]
    assert areas["7A1A1"]["local_health_board_code"] == "7A1"
    assert areas["7A1A1"]["integrated_care_board_code"] is None
    assert len(areas) > 300
    about = {r["item"]: r["detail"] for r in sheets["About"]}
    assert about["Figures"] == "Working (private)" and about["Cohort"] == "Cohort 8"


def test_the_published_workbook_carries_only_suppressed_figures(figures):
    national = make_user(figures, role=Role.NATIONAL_AUDIT_TEAM)
    publish_cohort(
        session=figures, user=national, report=REPORT, cohort=8, note=None, today=e12.AS_OF
    )
    _name, content = build_workbook(
        session=figures, user=national, report=REPORT, cohort=8, published=True
    )
    organisations = {(r["area_code"], r["measure"]): r for r in _sheets(content)["Organisation"]}
    small = organisations[("RGT1W", "ecg")]
    assert small["numerator"] == "suppressed" and small["percentage"] == "suppressed"
    for row in organisations.values():
        for key in ("numerator", "denominator"):
            assert row[key] == "suppressed" or row[key] is None or not 0 < row[key] < 5


def test_only_national_staff_get_the_workbook_and_only_once_aggregated(figures):
    lead = make_user(figures, role=Role.LEAD_CLINICIAN, ods_code="RGT01")
    with pytest.raises(AccessDenied):
        build_workbook(session=figures, user=lead, report=REPORT, cohort=8)
    national = make_user(figures, role=Role.NATIONAL_AUDIT_TEAM)
    with pytest.raises(UserError, match="Cohort 7 has not been aggregated yet"):
        build_workbook(session=figures, user=national, report=REPORT, cohort=7)
    with pytest.raises(UserError, match="has not been published yet"):
        build_workbook(session=figures, user=national, report=REPORT, cohort=8, published=True)


@pytest.mark.sqlite
def test_the_task_builds_the_workbook_for_download_by_national_staff(figures, client):
    national = make_user(figures, role=Role.NATIONAL_AUDIT_TEAM)
    job = start_workbook(user=national, report=REPORT, cohort=8, published=False, today=e12.AS_OF)
    assert job.state == "queued"
    done = _wait(lambda: (j := load_job(job.id)) and j.state in (READY, FAILED) and j)
    assert done.state == READY and done.filename == "epilepsy12-cohort-8-working.xlsx"

    assert client.get(f"/reports/files/{job.id}").status_code == 302  # sign in first
    sign_in(client, national)
    response = client.get(f"/reports/files/{job.id}")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == f'attachment; filename="{done.filename}"'
    assert "no-store" in response.headers["Cache-Control"]
    assert "Organisation" in _sheets(response.data)
    assert client.get("/reports/files/" + "0" * 32).status_code == 404
    assert client.get("/reports/files/secret_key").status_code == 404


def test_other_roles_cannot_download_or_start_a_workbook(figures, client):
    national = make_user(figures, role=Role.NATIONAL_AUDIT_TEAM)
    job = start_workbook(user=national, report=REPORT, cohort=8, published=False, today=e12.AS_OF)
    _wait(lambda: (j := load_job(job.id)) and j.state == READY)
    lead = make_user(figures, role=Role.LEAD_CLINICIAN, ods_code="RGT01")
    sign_in(client, lead)
    assert client.get(f"/reports/files/{job.id}").status_code == 403
    with pytest.raises(AccessDenied):
        start_workbook(user=lead, report=REPORT, cohort=8, published=False, today=e12.AS_OF)


def test_a_failed_workbook_says_why(db):
    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM)
    job = start_workbook(user=national, report=REPORT, cohort=6, published=False, today=e12.AS_OF)
    done = _wait(lambda: (j := load_job(job.id)) and j.state in (READY, FAILED) and j)
    assert done.state == FAILED
    assert "Cohort 6 has not been aggregated yet" in done.message


@pytest.mark.sqlite
def test_refresh_now_aggregates_every_cohort_and_reports_progress(db):
    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM)
    job = start_refresh(user=national, report=REPORT, cohort=None, today=e12.AS_OF)
    cohorts = REPORT.cohorts(e12.AS_OF)
    assert job.total == len(cohorts)
    seen = []

    def finished():
        state = refresh_progress(user=national, job_id=job.id)
        seen.append(state.done)
        return state if state.state in (READY, FAILED) else None

    done = _wait(finished)
    assert done.state == READY and done.done == done.total
    assert seen == sorted(seen)
    working = set(
        db.scalars(
            select(ReportSnapshot.cohort).where(
                ReportSnapshot.audit == "epilepsy12", ReportSnapshot.kind == "working"
            )
        )
    )
    assert working == set(cohorts)
    lead = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RGT01")
    with pytest.raises(AccessDenied):
        refresh_progress(user=lead, job_id=job.id)
    with pytest.raises(AccessDenied):
        start_refresh(user=lead, report=REPORT, cohort=8, today=e12.AS_OF)
    with pytest.raises(UserError, match="has no cohort 99"):
        start_refresh(user=national, report=REPORT, cohort=99, today=e12.AS_OF)


class _Result:
    def __init__(self, state, info=None):
        self.state, self.info = state, info


@pytest.mark.parametrize(
    ("state", "info", "expected"),
    [
        ("PENDING", None, ("queued", 0)),
        ("PROGRESS", {"done": 2, "total": 6}, ("running", 2)),
        ("SUCCESS", [], ("ready", 6)),
        ("FAILURE", RuntimeError("boom"), ("failed", 0)),
    ],
)
def test_a_workers_progress_is_read_from_the_task_state(db, monkeypatch, state, info, expected):
    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM)
    job = jobs.save_job(
        jobs.new_job(kind="refresh", audit="epilepsy12", cohort=None, user=national, total=6)
    )
    jobs.save_job(job.with_changes(task_id=job.id))
    monkeypatch.setattr(refresh_tasks, "AsyncResult", lambda _id, app: _Result(state, info))
    progress = refresh_progress(user=national, job_id=job.id)
    assert (progress.state, progress.done) == expected


def test_jobs_and_files_live_in_redis_when_it_is_configured(db, monkeypatch):
    client = Redis.from_url("redis://127.0.0.1:6379/15")
    try:
        client.ping()
    except RedisError:
        pytest.skip("no Redis on this machine")
    monkeypatch.setattr(jobs, "redis_client", lambda: client)
    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM)
    job = jobs.save_job(jobs.new_job(kind="workbook", audit="epilepsy12", cohort=8, user=national))
    jobs.save_file(job, b"content")
    try:
        assert jobs.load_job(job.id) == job
        assert jobs.load_file(job) == b"content"
        assert 0 < client.ttl(f"portal:report-job:{job.id}:job") <= jobs.KEEP_SECONDS
        assert jobs.load_job("not-a-job-id") is None
    finally:
        client.delete(f"portal:report-job:{job.id}:job", f"portal:report-job:{job.id}:file")
