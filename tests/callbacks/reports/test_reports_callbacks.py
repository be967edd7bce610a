"""The reporting pages' callbacks answer crafted requests exactly as the pages would: anonymous
users get 401, other roles 403, another trust's organisation 403 (or only suppressed figures on the
funnel), and a download never holds more than the table it comes from."""

from __future__ import annotations

import base64
import csv
import io
import json

import pytest
from sqlalchemy import func, select

from models.reporting import ReportSnapshot, ReviewNote
from portal.roles import Role
from tests.callbacks.admin.support import call, prop
from tests.services.reporting import e12_figures as e12
from tests.support.auth import sign_in
from tests.support.factories import make_user

pytestmark = pytest.mark.usefixtures("dash_app")


@pytest.fixture(scope="module")
def dash_app(app):
    app.test_client().get("/")
    return app.extensions["dash_app"]


@pytest.fixture
def figures(db):
    """Cohort 8: RGT01 40 children, RGT1W 3 (same trust), RJZ01 30 and RJZ30 3 (another trust)."""
    e12.create(db)
    ids = e12.organisation_ids(db)
    rows = [e12.child(ids["RGT01"], 8, ecg=int(i < 30)) for i in range(40)]
    rows += [e12.child(ids["RGT1W"], 8) for _ in range(3)]
    rows += [e12.child(ids["RJZ01"], 8, ecg=int(i < 20)) for i in range(30)]
    rows += [e12.child(ids["RJZ30"], 8, ecg=1) for _ in range(3)]
    e12.add_and_aggregate(db, rows, [8])
    yield db
    e12.drop(db)


def params(**changes) -> dict:
    return {
        "audit": "epilepsy12",
        "cohort": "8",
        "organisation": "RGT01",
        "measure": "ecg",
    } | changes


def dashboard(client, state: dict | None = None, **changes):
    query = params(**changes)
    return call(
        client,
        "dashboard-kpi.children",
        inputs=[
            prop("dashboard-audit", "value", query["audit"]),
            prop("dashboard-organisation", "value", query["organisation"]),
            prop("dashboard-cohort", "value", query["cohort"]),
            prop("dashboard-measure", "value", query["measure"]),
            [],
            [],
        ],
        state=[prop("dashboard-query", "data", state or params())],
        changed=["dashboard-organisation.value"],
    )


def download(client, table: str, fmt: str = "csv", **changes):
    buttons = [
        prop(f"dashboard-export-{t}-{f}", "n_clicks", 1 if (t, f) == (table, fmt) else None)
        for t in ("kpi", "completeness", "casemix", "bars", "funnel", "trend")
        for f in ("csv", "xlsx")
    ]
    return call(
        client,
        "dashboard-download.data",
        inputs=buttons,
        state=[prop("dashboard-query", "data", params(**changes))],
        changed=[f"dashboard-export-{table}-{fmt}.n_clicks"],
    )


def save_note(client, text: str, **changes):
    return call(
        client,
        "review-status.children",
        inputs=[
            prop("review-previous", "n_clicks", None),
            prop("review-next", "n_clicks", None),
            prop("review-save", "n_clicks", 1),
        ],
        state=[
            prop("review-query", "data", params(**changes)),
            prop("review-note", "value", text),
            prop("review-saved", "data", ""),
        ],
        changed=["review-save.n_clicks"],
    )


def csv_rows(response) -> list[dict]:
    data = response.get_json()["response"]["dashboard-download"]["data"]
    text = base64.b64decode(data["content"]).decode() if data.get("base64") else data["content"]
    return list(csv.DictReader(io.StringIO(text)))


def test_anonymous_requests_are_refused_with_401(figures, client):
    assert dashboard(client).status_code == 401
    assert download(client, "kpi").status_code == 401
    assert save_note(client, "x").status_code == 401
    assert (
        call(
            client,
            "admin-cohorts.children",
            inputs=[
                prop("admin-audit", "value", "epilepsy12"),
                prop("admin-refreshed", "data", 0),
                prop("admin-published", "data", 0),
            ],
            changed=["admin-audit.value"],
        ).status_code
        == 401
    )


def test_hospital_staff_are_refused_with_403(figures, client):
    sign_in(client, make_user(figures, role=Role.NURSE, ods_code="RGT01"))
    assert dashboard(client).status_code == 403
    assert download(client, "kpi").status_code == 403
    assert save_note(client, "x").status_code == 403


def test_another_trusts_organisation_is_refused_in_every_callback(figures, client):
    sign_in(client, make_user(figures, role=Role.LEAD_CLINICIAN, ods_code="RGT01"))
    assert dashboard(client, organisation="RJZ01").status_code == 403
    for table in ("kpi", "completeness", "casemix", "funnel"):
        assert download(client, table, organisation="RJZ01").status_code == 403
    assert save_note(client, "Overwrite", organisation="RJZ01").status_code == 403
    assert figures.scalar(select(func.count()).select_from(ReviewNote)) == 0


def test_the_admin_callbacks_are_for_national_staff_only(figures, client):
    sign_in(client, make_user(figures, role=Role.LEAD_CLINICIAN, ods_code="RGT01"))
    response = call(
        client,
        "admin-refresh-job.data",
        inputs=[
            prop("admin-refresh-all", "n_clicks", 1),
            [],
            prop("admin-refresh-poll", "n_intervals", None),
        ],
        state=[
            prop("admin-audit", "value", "epilepsy12"),
            prop("admin-refresh-job", "data", None),
            prop("admin-refreshed", "data", 0),
        ],
        changed=["admin-refresh-all.n_clicks"],
    )
    assert response.status_code == 403


def test_own_organisation_shows_figures_and_others_only_as_the_public_would(figures, client):
    sign_in(client, make_user(figures, role=Role.LEAD_CLINICIAN, ods_code="RGT01"))
    response = dashboard(client)
    assert response.status_code == 200
    outputs = response.get_json()["response"]
    kpi = json.dumps(outputs["dashboard-kpi"], ensure_ascii=False)
    assert "75% (30/40)" in kpi  # RGT01's ECG
    funnel = json.dumps(outputs["dashboard-funnel"], ensure_ascii=False)
    assert "Princess Royal" not in funnel
    table = json.dumps(outputs["dashboard-funnel-text"], ensure_ascii=False)
    assert "(RGT1W)" in table and "(RGT01)" in table  # the trust's own sites, small or not
    assert "(RJZ30)" not in table  # three children at another trust: suppressed, not plotted
    assert "others suppressed for small numbers" in table


def test_a_download_holds_what_the_table_showed_and_nothing_more(figures, client):
    sign_in(client, make_user(figures, role=Role.LEAD_CLINICIAN, ods_code="RGT01"))
    kpi = csv_rows(download(client, "kpi"))
    rgt01 = [r for r in kpi if r["area_code"] == "RGT01" and r["measure"] == "ecg"][0]
    assert (rgt01["passed"], rgt01["eligible"], rgt01["result"]) == ("30", "40", "75% (30/40)")
    assert {r["measure"] for r in kpi} == {s.name for s in e12.REPORT.measures if s.headline}
    funnel = csv_rows(download(client, "funnel"))
    codes = {r["area_code"] for r in funnel}
    assert {"RGT01", "RGT1W"} <= codes and "RJZ30" not in codes
    for row in funnel:
        if row["area_code"] not in ("RGT01", "RGT1W"):
            assert int(row["eligible"]) >= 5 and int(row["passed"]) >= 5
    bars = csv_rows(download(client, "bars"))
    assert "RJZ01" not in {r["area_code"] for r in bars}
    response = download(client, "trend", "xlsx")
    data = response.get_json()["response"]["dashboard-download"]["data"]
    assert data["filename"] == "epilepsy12-cohort8-RGT01-trend-ecg.xlsx" and data["base64"]


def test_a_note_saved_through_the_callback_is_kept(figures, client):
    sign_in(client, make_user(figures, role=Role.LEAD_CLINICIAN, ods_code="RGT01"))
    response = save_note(client, "Audit ECG requests")
    assert response.status_code == 200
    assert "Saved the agreed actions for 4. ECG" in response.get_data(as_text=True)
    note = figures.scalar(select(ReviewNote))
    assert (note.measure, note.cohort, note.agreed_actions) == ("ecg", 8, "Audit ECG requests")


def publish(client, trigger: str, cohort: str, note: str = ""):
    return call(
        client,
        "admin-publish-modal.is_open",
        inputs=[
            prop("admin-publish-open", "n_clicks", 1 if trigger == "open" else None),
            prop("admin-publish-confirm", "n_clicks", 1 if trigger == "confirm" else None),
            prop("admin-publish-cancel", "n_clicks", None),
        ],
        state=[
            prop("admin-audit", "value", "epilepsy12"),
            prop("admin-publish-cohort", "value", cohort),
            prop("admin-publish-note", "value", note),
            prop("admin-published", "data", 0),
        ],
        changed=[f"admin-publish-{trigger}.n_clicks"],
    )


def test_publishing_asks_first_and_refuses_a_cohort_never_aggregated(figures, client):
    sign_in(client, make_user(figures, role=Role.NATIONAL_AUDIT_TEAM))
    never = publish(client, "open", "7").get_json()["response"]
    assert never["admin-publish-modal"]["is_open"] is False
    assert "Cohort 7 has not been aggregated yet" in never["admin-publish-result"]["children"]
    asked = publish(client, "open", "8").get_json()["response"]
    assert asked["admin-publish-modal"]["is_open"] is True
    assert "Publish Epilepsy12 Cohort 8" in json.dumps(asked["admin-publish-question"])
    assert (
        figures.scalar(
            select(func.count())
            .select_from(ReportSnapshot)
            .where(ReportSnapshot.kind == "published")
        )
        == 0
    )
    done = publish(client, "confirm", "8", note="November review").get_json()["response"]
    assert done["admin-publish-result"]["children"].startswith("Published Epilepsy12 Cohort 8 on")
    assert done["admin-publish-note"]["value"] == ""
    published = figures.scalar(select(ReportSnapshot).where(ReportSnapshot.kind == "published"))
    assert (published.cohort, published.note) == (8, "November review")


def test_moving_to_the_next_measure_saves_a_changed_note_first(figures, client):
    sign_in(client, make_user(figures, role=Role.LEAD_CLINICIAN, ods_code="RGT01"))
    response = call(
        client,
        "review-status.children",
        inputs=[
            prop("review-previous", "n_clicks", None),
            prop("review-next", "n_clicks", 1),
            prop("review-save", "n_clicks", None),
        ],
        state=[
            prop("review-query", "data", params()),
            prop("review-note", "value", "Typed but never saved"),
            prop("review-saved", "data", ""),
        ],
        changed=["review-next.n_clicks"],
    )
    outputs = response.get_json()["response"]
    assert outputs["review-measure"]["children"] == "5. MRI"
    assert outputs["review-note"]["value"] == ""
    assert outputs["review-status"]["children"].startswith("Saved the agreed actions for 4. ECG.")
    assert figures.scalar(select(ReviewNote.agreed_actions)) == "Typed but never saved"


def test_a_measure_change_restyles_two_rows_until_the_figures_are_recomputed(figures, client):
    sign_in(client, make_user(figures, role=Role.LEAD_CLINICIAN, ods_code="RGT01"))
    first = dashboard(client).get_json()["response"]
    assert "props" in first["dashboard-kpi"]["children"]  # drawn in full
    stored = first["dashboard-query"]["data"]
    assert stored["version"] and "version=" not in first["dashboard-url"]["search"]

    second = dashboard(client, state=stored, measure="mri").get_json()["response"]
    patch = second["dashboard-kpi"]["children"]
    assert patch.get("__dash_patch_update") and "props" not in patch
    assert "dashboard-casemix" not in second  # the organisation and cohort did not change
    assert second["dashboard-measure-heading"]["children"] == "5. MRI"

    e12.add_and_aggregate(figures, [], [8])  # the cohort is recomputed: a new version
    third = dashboard(client, state=second["dashboard-query"]["data"], measure="ecg")
    third = third.get_json()["response"]
    assert "props" in third["dashboard-kpi"]["children"]
    assert third["dashboard-query"]["data"]["version"] != stored["version"]
