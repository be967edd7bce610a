"""The case register's pages and callbacks, as a browser would call them and as an attacker might.

Every crafted request (another trust's child, a locked child, a role without the capability) is
refused with 403 or a clear locked message, and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from models.epilepsy12 import Case, Site
from models.notifications import Notification
from portal.audit import SYSTEM, set_actor
from portal.gate import page_for_path
from portal.roles import Role
from services import notifications
from services.epilepsy12 import sites
from tests.callbacks.admin.support import call, prop, prop_id
from tests.support.auth import dash_headers, sign_in
from tests.support.e12_cases import child_form, quick_child
from tests.support.factories import make_user, organisation

ROUTER_OUTPUT = ".._pages_content.children..._pages_store.data.."
FORM_FIELDS = (
    "first_name",
    "surname",
    "nhs_number",
    "date_of_birth",
    "sex",
    "ethnicity",
    "postcode",
    "postcode_unknown",
)


@pytest.fixture(scope="module", autouse=True)
def dash_app(app):
    app.test_client().get("/")
    return app.extensions["dash_app"]


@pytest.fixture(autouse=True)
def system_actor():
    """Rows a test writes itself are not attributed to a user signed in by an earlier test."""
    set_actor(SYSTEM)


def route(client, path, search=""):
    body = {
        "output": ROUTER_OUTPUT,
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            prop("_pages_location", "pathname", path),
            prop("_pages_location", "search", search),
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }
    return client.post("/_dash-update-component", json=body, headers=dash_headers(client))


def dumped(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def text_of(response) -> str:
    return dumped(response.get_json())


def signed_in(client, db, role=Role.LEAD_CLINICIAN, ods="RGT01"):
    user = make_user(db, role=role, ods_code=ods)
    sign_in(client, user)
    return user


def snapshot(db, case_id):
    db.expire_all()
    case = db.get(Case, case_id)
    if case is None:
        return None
    site_rows = db.execute(
        select(
            Site.organisation_id,
            Site.site_is_actively_involved_in_epilepsy_care,
            Site.transfer_status,
        )
        .where(Site.case_id == case_id)
        .order_by(Site.id)
    ).all()
    return (
        case.surname,
        case.nhs_number,
        case.locked,
        case.consent_patient_confirmed,
        case.opted_out_at,
        tuple(site_rows),
    )


PAGES = {
    "/e12/cases": {
        Role.LEAD_CLINICIAN,
        Role.CLINICIAN,
        Role.AUDIT_ADMINISTRATOR,
        Role.NATIONAL_AUDIT_TEAM,
    },
    "/e12/cases/new": {
        Role.LEAD_CLINICIAN,
        Role.CLINICIAN,
        Role.AUDIT_ADMINISTRATOR,
        Role.NATIONAL_AUDIT_TEAM,
    },
    "/e12/transfers": {
        Role.LEAD_CLINICIAN,
        Role.CLINICIAN,
        Role.AUDIT_ADMINISTRATOR,
        Role.NATIONAL_AUDIT_TEAM,
    },
    "/notifications": set(Role),
}


@pytest.mark.parametrize("role", [Role.LEAD_CLINICIAN, Role.AUDIT_ADMINISTRATOR, Role.NURSE])
def test_who_may_open_the_register_pages(client, db, role):
    signed_in(client, db, role)
    for path, allowed in PAGES.items():
        expected = 200 if role in allowed else 403
        assert route(client, path).status_code == expected, path
        assert client.get(path).status_code == expected, path


def test_new_is_not_mistaken_for_a_case_id(client, db):
    signed_in(client, db)
    page = text_of(route(client, "/e12/cases/new"))
    assert "Add a child" in page and "Child not found" not in page


def test_the_case_page_hides_another_trusts_child_like_a_missing_one(client, db):
    signed_in(client, db)
    own = quick_child(db, "RGT01")
    other = quick_child(db, "RJZ01")
    assert "Save details" in text_of(route(client, f"/e12/cases/{own.id}"))
    for path in (f"/e12/cases/{other.id}", "/e12/cases/999999", "/e12/cases/abc"):
        page = text_of(route(client, path))
        assert "Child not found" in page and "Lovelace" not in page


def list_page(client, *, search="", status="all"):
    return call(
        client,
        "cases-rows.children",
        inputs=[
            prop("cases-search", "value", search),
            prop("cases-cohort", "value", "all"),
            prop("cases-status", "value", status),
            prop("cases-organisation", "value", "all"),
            *[
                prop(f"cases-sort-{key}", "n_clicks", None)
                for key in [
                    "id",
                    "name",
                    "nhs_number",
                    "cohort",
                    "deadline",
                    "completeness",
                ]
            ],
            *[
                prop(f"cases-page-{key}", "n_clicks", None)
                for key in ["first", "previous", "next", "last"]
            ],
            prop("cases-changed", "data", 0),
        ],
        state=[prop("cases-query", "data", {})],
        changed=["cases-search.value"],
    )


def test_the_list_shows_only_the_trusts_children(client, db):
    signed_in(client, db)
    own = quick_child(db, "RGT01")
    other = quick_child(db, "RJZ01")
    other.surname = "Faraday"
    db.commit()
    body = list_page(client).get_json()["response"]
    rows = dumped(body["cases-rows"])
    assert f"/e12/cases/{own.id}" in rows and "Faraday" not in rows
    assert "Showing 1–1 of 1 child" in dumped(body["cases-status-line"])
    assert "progressbar" in rows and "answers" in rows
    empty = list_page(client, search="Faraday").get_json()["response"]
    assert "No children match" in dumped(empty["cases-status-line"])


def submit_button(client, case_id, action="submit"):
    button = {"type": "e12-case-submit", "action": action, "case": case_id}
    return call(
        client,
        "cases-message.children",
        inputs=[[prop(button, "n_clicks", 1)]],
        state=[prop("cases-changed", "data", 0)],
        changed=[prop_id(button, "n_clicks")],
    )


def test_submit_from_the_list(client, db):
    signed_in(client, db, Role.CLINICIAN)
    child = quick_child(
        db, first_assessment=dt.date.today() - dt.timedelta(days=400), complete=True
    )
    response = submit_button(client, child.id)
    assert response.status_code == 200 and "submitted" in text_of(response)
    db.expire_all()
    assert db.get(Case, child.id).locked is True


def test_crafted_submit_for_another_trust_is_refused(client, db):
    signed_in(client, db, Role.CLINICIAN)
    other = quick_child(db, "RJZ01", first_assessment=dt.date(2024, 6, 1), complete=True)
    before = snapshot(db, other.id)
    assert submit_button(client, other.id).status_code == 403
    assert snapshot(db, other.id) == before


def test_crafted_unsubmit_after_the_deadline_gets_the_locked_message(client, db):
    signed_in(client, db, Role.CLINICIAN)
    old = quick_child(db, first_assessment=dt.date(2022, 1, 10), complete=True, locked=True)
    before = snapshot(db, old.id)
    response = submit_button(client, old.id, "unsubmit")
    assert response.status_code == 200
    assert "passed on 09 January 2024" in text_of(response)
    assert snapshot(db, old.id) == before


def test_a_role_without_the_capability_is_refused_at_the_gate(client, db):
    signed_in(client, db, Role.AUDIT_ADMINISTRATOR)
    child = quick_child(db, first_assessment=dt.date(2024, 6, 1), complete=True)
    before = snapshot(db, child.id)
    assert submit_button(client, child.id).status_code == 403
    assert snapshot(db, child.id) == before


def add_child(client, form: dict):
    return call(
        client,
        "new-child-redirect.href",
        inputs=[prop("new-child-form", "n_submit", 1)],
        state=[
            prop(f"new-child-{field}", "value", form.get(field, ""))
            for field in (*FORM_FIELDS, "lead_organisation")
        ],
        changed=["new-child-form.n_submit"],
    )


def test_add_child_puts_each_problem_beside_its_field_and_writes_nothing(client, db):
    signed_in(client, db, Role.CLINICIAN)
    form = child_form(db, nhs_number="943 476 5918", postcode="nowhere")
    body = add_child(client, form).get_json()["response"]
    assert body["new-child-nhs_number"]["invalid"] is True
    assert "NHS number 943 476 5918 fails the check digit" in dumped(
        body["new-child-nhs_number-feedback"]
    )
    assert body["new-child-postcode"]["invalid"] is True
    assert body["new-child-first_name"]["invalid"] is False
    assert body["new-child-focus"]["data"] == "new-child-nhs_number"
    assert "There is a problem" in dumped(body["new-child-summary"])
    assert db.scalar(select(func.count()).select_from(Case)) == 0


def test_add_child_at_another_trust_is_refused(client, db):
    signed_in(client, db, Role.CLINICIAN)
    form = child_form(db, "RJZ01")
    body = add_child(client, form).get_json()["response"]
    assert body["new-child-lead_organisation"]["invalid"] is True
    assert db.scalar(select(func.count()).select_from(Case)) == 0


def test_add_child_opens_the_audit(client, db):
    signed_in(client, db, Role.AUDIT_ADMINISTRATOR)
    body = add_child(client, child_form(db)).get_json()["response"]
    case_id = db.scalar(select(Case.id))
    assert body["new-child-redirect"]["href"] == f"/e12/cases/{case_id}/audit"


def save_child(client, case_id, form: dict):
    return call(
        client,
        "edit-child-summary.children",
        inputs=[prop("edit-child-form", "n_submit", 1)],
        state=[prop("edit-case-id", "data", case_id)]
        + [prop(f"edit-child-{field}", "value", form.get(field, "")) for field in FORM_FIELDS],
        changed=["edit-child-form.n_submit"],
    )


def test_crafted_edits_of_another_trusts_child_are_refused(client, db):
    signed_in(client, db)
    other = quick_child(db, "RJZ01")
    before = snapshot(db, other.id)
    form = child_form(db, nhs_number=other.nhs_number, surname="Hacked")
    assert save_child(client, other.id, form).status_code == 403
    assert save_child(client, "1; drop table", form).status_code == 403
    assert snapshot(db, other.id) == before


def test_crafted_edits_of_a_locked_child_get_the_locked_message(client, db):
    signed_in(client, db)
    child = quick_child(db, first_assessment=dt.date(2024, 6, 1), complete=True, locked=True)
    before = snapshot(db, child.id)
    form = child_form(db, nhs_number=child.nhs_number, surname="Changed")
    response = save_child(client, child.id, form)
    assert response.status_code == 200 and "submitted" in text_of(response)
    assert "Only the national audit team" in text_of(response)
    consent = call(
        client,
        "edit-consent-result.children",
        inputs=[prop("edit-consent", "value", "yes")],
        state=[prop("edit-case-id", "data", child.id)],
        changed=["edit-consent.value"],
    )
    assert consent.status_code == 200 and "submitted" in text_of(consent)
    assert snapshot(db, child.id) == before


def test_national_staff_may_edit_a_locked_child(client, db):
    signed_in(client, db, Role.NATIONAL_AUDIT_TEAM, None)
    child = quick_child(db, first_assessment=dt.date(2022, 1, 10), complete=True, locked=True)
    form = child_form(db, nhs_number=child.nhs_number, surname="Corrected")
    assert "Saved the details" in text_of(save_child(client, child.id, form))
    db.expire_all()
    assert db.get(Case, child.id).surname == "Corrected"


def confirm(client, kind, case_id):
    dialog = f"edit-{kind}"
    return call(
        client,
        f"{dialog}-dialog.is_open",
        inputs=[
            prop(dialog, "n_clicks", None),
            prop(f"{dialog}-cancel", "n_clicks", None),
            prop(f"{dialog}-confirm", "n_clicks", 1),
        ],
        state=[prop("edit-case-id", "data", case_id)],
        changed=[f"{dialog}-confirm.n_clicks"],
    )


@pytest.mark.parametrize("kind", ["opt-out", "delete"])
def test_crafted_opt_out_and_delete(client, db, kind):
    signed_in(client, db)
    other = quick_child(db, "RJZ01")
    locked = quick_child(db, first_assessment=dt.date(2024, 6, 1), complete=True, locked=True)
    own = quick_child(db).id
    before = {case.id: snapshot(db, case.id) for case in (other, locked)}
    assert confirm(client, kind, other.id).status_code == 403
    refused = confirm(client, kind, locked.id)
    assert refused.status_code == 200 and "Only the national audit team" in text_of(refused)
    assert {case_id: snapshot(db, case_id) for case_id in before} == before
    done = confirm(client, kind, own).get_json()["response"]
    assert done["edit-opt-out-dialog" if kind == "opt-out" else "edit-delete-dialog"] == {
        "is_open": False
    }
    db.expire_all()
    if kind == "delete":
        assert db.get(Case, own) is None
    else:
        assert db.get(Case, own).nhs_number is None


def request_transfer(client, case_id, destination):
    return call(
        client,
        "edit-transfer-result.children..",
        inputs=[
            prop("edit-transfer-request", "n_clicks", 1),
            prop("edit-transfer-cancel", "n_clicks", None),
        ],
        state=[
            prop("edit-transfer-to", "value", str(destination)),
            prop("edit-case-id", "data", case_id),
        ],
        changed=["edit-transfer-request.n_clicks"],
    )


def test_transfer_request_needs_a_lead_clinician_and_the_childs_trust(client, db):
    kings = organisation(db, "RJZ01").id
    signed_in(client, db, Role.CLINICIAN)
    own = quick_child(db)
    assert request_transfer(client, own.id, kings).status_code == 403
    client.get("/auth/sign-out")
    lead = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RP401")
    client2 = client.application.test_client()
    sign_in(client2, lead)
    assert request_transfer(client2, own.id, kings).status_code == 403
    assert sites.pending_transfer(db, own.id) is None


def test_a_requested_transfer_reloads_the_page_and_notifies(client, db):
    signed_in(client, db)
    own = quick_child(db)
    response = request_transfer(client, own.id, organisation(db, "RJZ01").id)
    body = response.get_json()["response"]
    assert body["edit-case-redirect"]["href"] == f"/e12/cases/{own.id}?done=transfer_requested"
    assert db.scalar(select(Notification.kind)) == "e12.transfer_request"


def answer(client, transfer_id, kind="accept"):
    button = {"type": "transfer-answer", "answer": kind, "transfer": transfer_id}
    return call(
        client,
        "transfers-message.children",
        inputs=[
            [prop(button, "n_clicks", 1)],
            prop("reject-confirm", "n_clicks", None),
            prop("reject-cancel", "n_clicks", None),
        ],
        state=[
            prop("transfers-pending", "data", None),
            prop("reject-reason", "value", ""),
            prop("transfers-changed", "data", 0),
        ],
        changed=[prop_id(button, "n_clicks")],
    )


def test_only_the_receiving_trust_can_accept(client, db):
    origin = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RGT01")
    child = quick_child(db)
    transfer = sites.request_transfer(
        session=db, user=origin, case_id=child.id, organisation_id=organisation(db, "RJZ01").id
    )
    signed_in(client, db, Role.LEAD_CLINICIAN, "RP401")
    before = snapshot(db, child.id)
    assert answer(client, transfer.id).status_code == 403
    assert snapshot(db, child.id) == before


def test_the_receiving_lead_accepts(client, db):
    origin = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RGT01")
    child = quick_child(db)
    transfer = sites.request_transfer(
        session=db, user=origin, case_id=child.id, organisation_id=organisation(db, "RJZ01").id
    )
    signed_in(client, db, Role.LEAD_CLINICIAN, "RJZ01")
    listed = call(
        client, "transfers-incoming.children", inputs=[prop("transfers-changed", "data", 0)]
    )
    assert "Lovelace" in text_of(listed) and "Accept" in text_of(listed)
    response = answer(client, transfer.id)
    assert "now in your care" in text_of(response)
    db.expire_all()
    assert sites.lead_site(db, child.id).organisation.ods_code == "RJZ01"


def test_marking_anothers_notification_is_refused(client, db):
    theirs = notifications.notify(
        session=db,
        kind="e12.transfer_request",
        message="x",
        organisation_id=organisation(db, "RJZ01").id,
    )
    db.commit()
    signed_in(client, db)
    button = {"type": "notification-read", "notification": theirs.id}
    response = call(
        client,
        "notifications-changed.data",
        inputs=[[prop(button, "n_clicks", 1)], prop("notifications-read-all", "n_clicks", None)],
        state=[prop("notifications-changed", "data", 0)],
        changed=[prop_id(button, "n_clicks")],
    )
    assert response.status_code == 403
    db.expire_all()
    assert db.get(Notification, theirs.id).read_at is None


def test_the_navbar_counts_unread_notifications(client, db):
    notifications.notify(
        session=db,
        kind="e12.transfer_request",
        message="x",
        organisation_id=organisation(db, "RGT01").id,
    )
    db.commit()
    signed_in(client, db)
    response = call(
        client,
        "navbar-notifications.children",
        inputs=[prop("_pages_location", "pathname", "/"), prop("notifications-changed", "data", 0)],
        changed=["_pages_location.pathname"],
    )
    assert "1" in text_of(response) and "unread" in text_of(response)


@pytest.mark.parametrize(
    ("path", "module"),
    [
        ("/e12/cases", "pages.epilepsy12.cases"),
        ("/e12/cases/new", "pages.epilepsy12.case_new"),
        ("/e12/cases/12", "pages.epilepsy12.case_edit"),
        ("/e12/transfers", "pages.epilepsy12.transfers"),
    ],
)
def test_register_paths_reach_their_pages(path, module):
    assert page_for_path(path)["module"].endswith(module)


@pytest.mark.parametrize("path", ["/e12/cases/12/audit", "/e12/cases/12/summary"])
def test_the_case_page_does_not_swallow_the_audit_pages(path):
    """Dash matches ``/e12/cases/<case_id>`` greedily; the audit pages must win their paths."""
    page = page_for_path(path)
    assert page and not page["module"].endswith("pages.epilepsy12.case_edit")
