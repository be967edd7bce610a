"""The sign-in log callback: a lead clinician never reads another trust's events, however asked."""

from __future__ import annotations

import json

import pytest

from domain.accounts.events import EventKind
from portal.roles import Role
from services.accounts.events import Origin, record_event
from tests.callbacks.admin.support import call, prop
from tests.support.auth import sign_in
from tests.support.factories import make_user


@pytest.fixture(scope="module", autouse=True)
def dash_app(app):
    app.test_client().get("/")
    return app.extensions["dash_app"]


def read_log(client, *, email="", kind="all"):
    response = call(
        client,
        "log-table.children",
        inputs=[
            prop("log-email", "value", email),
            prop("log-kind", "value", kind),
            prop("log-previous", "n_clicks", None),
            prop("log-next", "n_clicks", None),
        ],
        state=[prop("log-page", "data", 1)],
        changed=["log-email.value"],
    )
    return response


@pytest.fixture
def strangers_events(db):
    for ods_code, email in (("RJZ01", "kings@kch.nhs.uk"), ("7A1A1", "glan@wales.nhs.uk")):
        stranger = make_user(db, ods_code=ods_code, email=email)
        record_event(
            session=db,
            kind=EventKind.LOCKOUT,
            email=email,
            user=stranger,
            origin=Origin("10.9.8.7", "Secret/1.0"),
        )
    db.commit()


def test_a_lead_cannot_read_another_trusts_events_by_filter_or_url(client, db, strangers_events):
    lead = make_user(db, role=Role.LEAD_CLINICIAN, email="lead@rgt.nhs.uk")
    sign_in(client, lead)
    assert client.get("/admin/sign-in-log?email=kch.nhs.uk").status_code == 200
    for email in ("", "kch", "wales", "@"):
        body = json.dumps(read_log(client, email=email).get_json())
        assert "kch.nhs.uk" not in body and "wales.nhs.uk" not in body and "10.9.8.7" not in body
    own = json.dumps(read_log(client).get_json())
    assert "lead@rgt.nhs.uk" in own  # their own sign-in


def test_national_team_reads_them(client, db, strangers_events):
    sign_in(client, make_user(db, role=Role.NATIONAL_AUDIT_TEAM))
    body = json.dumps(read_log(client, email="kch", kind="lockout").get_json())
    assert "kings@kch.nhs.uk" in body and "10.9.8.7" in body


def test_an_unknown_kind_gets_a_message(client, db):
    sign_in(client, make_user(db, role=Role.NATIONAL_AUDIT_TEAM))
    body = json.dumps(read_log(client, kind="party").get_json())
    assert "Unknown kind of event" in body


def test_people_who_manage_nobody_are_refused(client, db):
    sign_in(client, make_user(db, role=Role.NURSE))
    assert read_log(client).status_code == 403
