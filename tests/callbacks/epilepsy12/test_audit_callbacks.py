"""The audit forms' callbacks, posted as the browser posts them and as an attacker might.

A crafted request for another trust's child, a locked child or by a role that cannot enter audit
answers is refused (403, or the lock's message) and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from models.audit import AuditEvent
from pages.epilepsy12.audit.widgets import answer_id
from portal.audit import SYSTEM, set_actor
from portal.gate import callback_rules
from portal.roles import Role
from services.epilepsy12.records import load_child
from tests.support.auth import dash_headers, sign_in
from tests.support.e12_records import empty_child, registered_child
from tests.support.factories import make_user

ROUTER_OUTPUT = ".._pages_content.children..._pages_store.data.."
FIELD = ("epilepsy_context", "previous_febrile_seizure")


@pytest.fixture(scope="module", autouse=True)
def dash_app(app):
    app.test_client().get("/")
    return app.extensions["dash_app"]


@pytest.fixture(autouse=True)
def system_actor():
    set_actor(SYSTEM)


def _key(*fragments: str) -> str:
    found = [key for key in callback_rules() if all(f in key for f in fragments)]
    assert len(found) == 1, (fragments, found)
    return found[0]


def _compact(component_id) -> str:
    return json.dumps(component_id, sort_keys=True, separators=(",", ":"))


def save(client, case_id, value, *, section=FIELD[0], field=FIELD[1], rows="", item=0):
    """POST the answer's change exactly as the form's pattern-matching callback receives it."""
    answer = answer_id("e12-answer", section, field, rows, item)
    body = {
        "output": _key("e12-saved", f'"section":"{section}"'),
        "outputs": [
            {"id": answer_id("e12-saved", section, field, rows, item), "property": "children"},
            {"id": answer_id("e12-feedback", section, field, rows, item), "property": "children"},
        ],
        "inputs": [{"id": answer, "property": "value", "value": value}],
        "state": [{"id": "e12-case", "property": "data", "value": case_id}],
        "changedPropIds": [f"{_compact(answer)}.value"],
    }
    return client.post("/_dash-update-component", json=body, headers=dash_headers(client))


def add_episode(client, case_id):
    key = _key("e12-list-episodes")
    body = {
        "output": key,
        "outputs": [
            {"id": "e12-list-episodes", "property": "children"},
            {"id": "e12-add-episodes-feedback", "property": "children"},
        ],
        "inputs": [
            {"id": "e12-add-episodes", "property": "n_clicks", "value": 1},
            [],
        ],
        "state": [{"id": "e12-case", "property": "data", "value": case_id}],
        "changedPropIds": ["e12-add-episodes.n_clicks"],
    }
    return client.post("/_dash-update-component", json=body, headers=dash_headers(client))


def route(client, path):
    body = {
        "output": ROUTER_OUTPUT,
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": path},
            {"id": "_pages_location", "property": "search", "value": ""},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }
    return client.post("/_dash-update-component", json=body, headers=dash_headers(client))


def answer(db, case_id):
    db.rollback()
    context = load_child(db, case_id).record.epilepsy_context
    return context and context.previous_febrile_seizure


def events(db) -> int:
    return db.scalar(select(func.count()).select_from(AuditEvent))


def signed_in(client, db, role=Role.CLINICIAN, ods="RGT01"):
    user = make_user(db, role=role, ods_code=ods)
    sign_in(client, user)
    return user


def test_an_answer_posted_by_the_form_is_saved(client, db):
    case_id = registered_child(db)
    user = signed_in(client, db)

    response = save(client, case_id, "Y")

    assert response.status_code == 200
    assert "Saved" in response.get_data(as_text=True)
    assert answer(db, case_id) == "Y"
    event = db.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event.actor_id == user.id and event.changed_fields == ["previous_febrile_seizure"]


def test_a_bad_answer_comes_back_with_its_message_and_is_not_saved(client, db):
    case_id = registered_child(db)
    signed_in(client, db)

    response = save(client, case_id, "maybe")

    assert response.status_code == 200
    assert "Must be one of" in response.get_data(as_text=True)
    assert answer(db, case_id) is None


def test_another_trusts_child_is_refused(client, db):
    case_id = registered_child(db, ods_code="RJZ01")
    signed_in(client, db, ods="RGT01")
    written = events(db)

    assert save(client, case_id, "Y").status_code == 403
    assert add_episode(client, case_id).status_code == 403
    assert answer(db, case_id) is None and events(db) == written


@pytest.mark.parametrize("role", [Role.AUDIT_ADMINISTRATOR, Role.DOCTOR])
def test_roles_that_cannot_enter_answers_are_refused(client, db, role):
    case_id = registered_child(db)
    signed_in(client, db, role=role)
    assert save(client, case_id, "Y").status_code == 403
    assert answer(db, case_id) is None


def test_anonymous_requests_are_refused(client, db):
    case_id = registered_child(db)
    assert save(client, case_id, "Y").status_code == 401
    assert answer(db, case_id) is None


def test_a_submitted_child_cannot_be_changed_by_a_crafted_request(client, db):
    case_id = registered_child(db, locked=True)
    signed_in(client, db)
    written = events(db)

    response = save(client, case_id, "Y")

    assert "has been submitted" in response.get_data(as_text=True)
    assert answer(db, case_id) is None and events(db) == written


def test_a_child_past_the_deadline_cannot_be_changed_by_a_crafted_request(client, db):
    case_id = registered_child(db, assessed=dt.date(2023, 1, 10))
    signed_in(client, db)

    response = save(client, case_id, "Y")

    assert "deadline for this cohort passed" in response.get_data(as_text=True)
    assert answer(db, case_id) is None


def test_the_national_team_may_change_a_submitted_child(client, db):
    case_id = registered_child(db, locked=True)
    signed_in(client, db, role=Role.NATIONAL_AUDIT_TEAM, ods=None)
    assert "Saved" in save(client, case_id, "N").get_data(as_text=True)
    assert answer(db, case_id) == "N"


def test_an_episode_is_added_through_its_callback(client, db):
    case_id = registered_child(db)
    signed_in(client, db)

    response = add_episode(client, case_id)

    assert response.status_code == 200
    assert "Episode 1" in response.get_data(as_text=True)
    db.rollback()
    assert len(load_child(db, case_id).row_ids["episodes"]) == 1


def test_a_child_out_of_scope_shows_no_details(client, db):
    case_id = empty_child(db, ods_code="RJZ01")
    signed_in(client, db)

    page = route(client, f"/e12/cases/{case_id}/audit").get_data(as_text=True)

    assert "There is no such child" in page
    assert "Hughes" not in page


def test_the_audit_pages_open_for_a_child_in_scope(client, db):
    case_id = registered_child(db)
    signed_in(client, db)
    for path in ("", "/first-paediatric-assessment", "/multiaxial-diagnosis", "/management"):
        page = route(client, f"/e12/cases/{case_id}/audit{path}").get_data(as_text=True)
        assert "Nia Hughes" in page, path
    summary = route(client, f"/e12/cases/{case_id}/summary").get_data(as_text=True)
    assert "KPI summary" in summary and "Incomplete" in summary


def test_a_submitted_child_shows_read_only_forms_with_the_reason(client, db):
    case_id = registered_child(db, locked=True)
    signed_in(client, db)

    page = route(client, f"/e12/cases/{case_id}/audit/epilepsy-context").get_data(as_text=True)

    assert "Read only. This child's audit has been submitted." in page
    assert '"disabled":true' in page and '"disabled":false' not in page


def test_only_the_national_team_is_offered_to_change_the_assessment_date(client, db):
    case_id = registered_child(db)
    signed_in(client, db)
    page = route(client, f"/e12/cases/{case_id}/audit").get_data(as_text=True)
    assert "2 June 2025" in page and "e12-fpa-register" not in page

    client.post("/auth/sign-out", headers=dash_headers(client))
    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM, ods_code=None)
    sign_in(client, national)
    page = route(client, f"/e12/cases/{case_id}/audit").get_data(as_text=True)
    assert "Change the date" in page
