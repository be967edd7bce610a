"""The users page callbacks: who may use them, and that crafted requests change nothing."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from models.accounts import AuthEvent, User
from portal.roles import Role
from tests.callbacks.admin.support import call, prop, prop_id
from tests.support.auth import dash_headers, sign_in
from tests.support.factories import make_user, organisation

ROUTER_OUTPUT = ".._pages_content.children..._pages_store.data.."
ADMIN_PAGES = {
    "/admin/users": {Role.NATIONAL_AUDIT_TEAM, Role.LEAD_CLINICIAN, Role.HOSPITAL_ADMIN},
    "/admin/sign-in-log": {Role.NATIONAL_AUDIT_TEAM, Role.LEAD_CLINICIAN, Role.HOSPITAL_ADMIN},
    "/admin/security": {Role.NATIONAL_AUDIT_TEAM},
}


@pytest.fixture(scope="module", autouse=True)
def dash_app(app):
    app.test_client().get("/")
    return app.extensions["dash_app"]


def route(client, path):
    body = {
        "output": ROUTER_OUTPUT,
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            prop("_pages_location", "pathname", path),
            prop("_pages_location", "search", ""),
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }
    return client.post("/_dash-update-component", json=body, headers=dash_headers(client))


def create(client, *, email, role, organisation_id, name="Pat Example"):
    return call(
        client,
        "create-result.children",
        inputs=[prop("create-form", "n_submit", 1)],
        state=[
            prop("create-email", "value", email),
            prop("create-name", "value", name),
            prop("create-role", "value", role),
            prop("create-organisation", "value", organisation_id),
            prop("users-created", "data", 0),
        ],
        changed=["create-form.n_submit"],
    )


def act(client, *, action=None, user_id=None, confirm=None):
    """Click a row's action button, or the dialog's Confirm with a (possibly forged) pending action."""
    row = []
    changed = []
    if action is not None:
        button = {"type": "user-action", "action": action, "user": user_id}
        row = [prop(button, "n_clicks", 1)]
        changed = [prop_id(button, "n_clicks")]
    if confirm is not None:
        changed = ["confirm-yes.n_clicks"]
    return call(
        client,
        "confirm-dialog.is_open",
        inputs=[
            row,
            prop("confirm-yes", "n_clicks", 1 if confirm else None),
            prop("confirm-cancel", "n_clicks", None),
        ],
        state=[prop("users-pending-action", "data", confirm), prop("users-changed", "data", 0)],
        changed=changed,
    )


def list_page(client, search=""):
    return call(
        client,
        "users-table.children",
        inputs=[
            prop("users-search", "value", search),
            prop("users-role", "value", "all"),
            prop("users-status", "value", "all"),
            prop("users-previous", "n_clicks", None),
            prop("users-next", "n_clicks", None),
            prop("users-created", "data", 0),
            prop("users-changed", "data", 0),
        ],
        state=[prop("users-page", "data", 1)],
        changed=["users-search.value"],
    )


def snapshot(db, user_id):
    db.expire_all()
    user = db.get(User, user_id)
    return (user.is_active, user.password_hash, user.session_token, user.locked_until)


@pytest.mark.parametrize("role", list(Role))
def test_who_may_open_the_admin_pages(client, db, role):
    user = make_user(db, role=role)
    sign_in(client, user)
    for path, allowed in ADMIN_PAGES.items():
        expected = 200 if role in allowed else 403
        assert route(client, path).status_code == expected, path
        assert client.get(path).status_code == expected, path


CREATE_MATRIX = [
    (Role.NATIONAL_AUDIT_TEAM, Role.NATIONAL_AUDIT_TEAM, None, True),
    (Role.NATIONAL_AUDIT_TEAM, Role.DOCTOR, "RJZ01", True),
    (Role.NATIONAL_AUDIT_TEAM, Role.LEAD_CLINICIAN, "7A1A1", True),
    (Role.LEAD_CLINICIAN, Role.CLINICIAN, "RGT01", True),
    (Role.LEAD_CLINICIAN, Role.AUDIT_ADMINISTRATOR, "RGT2X", True),
    (Role.LEAD_CLINICIAN, Role.LEAD_CLINICIAN, "RGT01", True),
    (Role.LEAD_CLINICIAN, Role.CLINICIAN, "RJZ01", False),
    (Role.LEAD_CLINICIAN, Role.CLINICIAN, "7A1A1", False),
    (Role.LEAD_CLINICIAN, Role.NURSE, "RGT01", False),
    (Role.LEAD_CLINICIAN, Role.NATIONAL_AUDIT_TEAM, None, False),
    (Role.HOSPITAL_ADMIN, Role.NURSE, "RGT01", True),
    (Role.HOSPITAL_ADMIN, Role.PHARMACIST, "RGT1W", True),
    (Role.HOSPITAL_ADMIN, Role.DOCTOR, "RJZ01", False),
    (Role.HOSPITAL_ADMIN, Role.CLINICIAN, "RGT01", False),
    (Role.CLINICIAN, Role.CLINICIAN, "RGT01", False),
    (Role.NURSE, Role.NURSE, "RGT01", False),
]


@pytest.mark.parametrize(("manager", "role", "ods_code", "allowed"), CREATE_MATRIX)
def test_who_may_create_which_role_where(client, db, manager, role, ods_code, allowed):
    sign_in(client, make_user(db, role=manager, ods_code="RGT01"))
    organisation_id = str(organisation(db, ods_code).id) if ods_code else ""
    response = create(
        client, email="new@example.nhs.uk", role=role.value, organisation_id=organisation_id
    )
    assert response.status_code == (200 if allowed else 403)
    created = db.scalar(select(User).where(User.email == "new@example.nhs.uk"))
    assert (created is not None) == allowed
    if allowed:
        body = response.get_json()["response"]
        assert body["users-created"]["data"] == 1
        assert "Temporary password" in json.dumps(body["create-result"])


def test_create_reports_bad_input_without_writing(client, db):
    sign_in(client, make_user(db, role=Role.LEAD_CLINICIAN))
    existing = make_user(db, email="taken@example.nhs.uk")
    response = create(
        client,
        email="TAKEN@example.nhs.uk",
        role="clinician",
        organisation_id=str(existing.organisation_id),
    )
    assert response.status_code == 200
    assert "already exists" in json.dumps(response.get_json()["response"]["create-result"])
    assert db.scalar(select(func.count()).select_from(User)) == 2


@pytest.fixture
def lead_and_strangers(client, db):
    lead = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RGT01", email="lead@rgt.nhs.uk")
    strangers = [
        make_user(db, ods_code="RJZ01", email="kings@kch.nhs.uk", totp_secret="x"),
        make_user(db, ods_code="7A1A1", email="glan@wales.nhs.uk", totp_secret="x"),
    ]
    sign_in(client, lead)
    return lead, strangers


def test_a_lead_lists_only_their_trust(client, db, lead_and_strangers):
    colleague = make_user(db, ods_code="RGT2X", email="luton@rgt.nhs.uk")
    table = json.dumps(list_page(client).get_json()["response"]["users-table"])
    assert colleague.email in table and "lead@rgt.nhs.uk" in table
    assert "kch.nhs.uk" not in table and "wales.nhs.uk" not in table
    assert "kch.nhs.uk" not in json.dumps(list_page(client, "kings").get_json())


@pytest.mark.parametrize(
    "action", ["reset_password", "reset_two_factor", "deactivate", "unlock", "reactivate"]
)
def test_crafted_requests_naming_another_trusts_user_are_refused(
    client, db, lead_and_strangers, action
):
    _lead, strangers = lead_and_strangers
    for stranger in strangers:
        before = snapshot(db, stranger.id)
        assert act(client, action=action, user_id=stranger.id).status_code == 403
        forged = {"action": action, "user_id": stranger.id}
        assert act(client, confirm=forged).status_code == 403
        assert snapshot(db, stranger.id) == before
    assert (
        db.scalar(select(func.count()).select_from(AuthEvent).where(AuthEvent.kind != "sign_in"))
        == 0
    )


def test_crafted_create_at_another_trust_is_refused(client, db, lead_and_strangers):
    for ods_code in ("RJZ01", "7A1A1"):
        response = create(
            client,
            email=f"plant.{ods_code.lower()}@example.nhs.uk",
            role="clinician",
            organisation_id=str(organisation(db, ods_code).id),
        )
        assert response.status_code == 403
    assert db.scalar(select(func.count()).select_from(User)) == 3


def test_confirmed_reset_shows_the_new_password_once(client, db, lead_and_strangers):
    colleague = make_user(db, email="colleague@rgt.nhs.uk", full_name="Kim Colleague")
    asked = act(client, action="reset_password", user_id=colleague.id).get_json()["response"]
    assert asked["confirm-dialog"]["is_open"] is True
    assert "Kim Colleague" in json.dumps(asked["confirm-body"])
    pending = asked["users-pending-action"]["data"]
    assert snapshot(db, colleague.id)[1] == colleague.password_hash  # nothing yet

    done = act(client, confirm=pending).get_json()["response"]
    assert "Temporary password" in json.dumps(done["users-action-result"])
    db.expire_all()
    assert db.get(User, colleague.id).must_change_password


def test_unlock_runs_at_once(client, db, lead_and_strangers):
    from models.base import utcnow

    colleague = make_user(db, email="locked@rgt.nhs.uk", locked_until=utcnow())
    done = act(client, action="unlock", user_id=colleague.id).get_json()["response"]
    assert "is unlocked" in json.dumps(done["users-action-result"])
    db.expire_all()
    assert db.get(User, colleague.id).locked_until is None
