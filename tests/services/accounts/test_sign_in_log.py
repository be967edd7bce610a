"""The sign-in log: newest first, filtered, paged, and scoped to the accounts a reader manages."""

from __future__ import annotations

import datetime as dt

import pytest

from domain.accounts.events import EventKind
from portal.access import AccessDenied
from portal.errors import UserError
from portal.roles import Role
from services.accounts.events import Origin, record_event
from services.accounts.sign_in_log import list_events
from tests.support.factories import make_user

T0 = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def log(db):
    people = {
        "lead": make_user(db, role=Role.LEAD_CLINICIAN, email="lead@rgt.nhs.uk"),
        "ours": make_user(db, email="ours@rgt.nhs.uk"),
        "theirs": make_user(db, ods_code="RJZ01", email="theirs@kch.nhs.uk"),
        "national": make_user(db, role=Role.NATIONAL_AUDIT_TEAM, email="nat@rcpch.ac.uk"),
    }
    origin = Origin("198.51.100.7", "TestBrowser")
    for minutes, (who, kind) in enumerate(
        [
            ("ours", EventKind.SIGN_IN),
            ("theirs", EventKind.SIGN_IN_FAILED),
            ("ours", EventKind.SIGN_OUT),
            ("theirs", EventKind.LOCKOUT),
        ]
    ):
        user = people[who]
        record_event(
            session=db,
            kind=kind,
            email=user.email,
            user=user,
            origin=origin,
            now=T0 + dt.timedelta(minutes=minutes),
        )
    record_event(session=db, kind=EventKind.SIGN_IN_FAILED, email="ghost@x.org", now=T0)
    db.commit()
    return people


def test_lead_reads_only_the_events_of_accounts_they_manage_newest_first(db, log):
    page = list_events(session=db, user=log["lead"])
    assert [(r.email, r.kind) for r in page.rows] == [
        ("ours@rgt.nhs.uk", "sign_out"),
        ("ours@rgt.nhs.uk", "sign_in"),
    ]
    assert page.rows[0].ip_address == "198.51.100.7" and page.rows[0].kind_label == "Signed out"


def test_national_reads_everything_including_unknown_addresses(db, log):
    page = list_events(session=db, user=log["national"])
    assert page.total == 5
    assert page.rows[0].kind == "lockout"
    assert "ghost@x.org" in {r.email for r in page.rows}


def test_filters_and_paging(db, log):
    national = log["national"]
    assert list_events(session=db, user=national, email="KCH").total == 2
    assert list_events(session=db, user=national, kind="lockout").total == 1
    page = list_events(session=db, user=national, per_page=2, page=3)
    assert (page.page, page.pages, len(page.rows)) == (3, 3, 1)
    with pytest.raises(UserError, match="Unknown kind"):
        list_events(session=db, user=national, kind="party")


def test_people_without_the_capability_are_refused(db, log):
    with pytest.raises(AccessDenied):
        list_events(session=db, user=log["ours"])
