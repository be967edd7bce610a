"""The accounts a manager sees: scoped, searched, filtered and paged."""

from __future__ import annotations

import datetime as dt

import pytest

from models.base import utcnow
from portal.errors import UserError
from portal.roles import Role
from services.accounts.listing import list_users, organisation_choices
from tests.support.factories import make_user, organisation


def emails(db, user, **filters):
    return [row.email for row in list_users(session=db, user=user, **filters).rows]


@pytest.fixture
def people(db):
    return {
        "lead": make_user(
            db, role=Role.LEAD_CLINICIAN, email="lead@rgt.nhs.uk", full_name="Ann Lead"
        ),
        "luton": make_user(db, ods_code="RGT2X", email="bo@rgt.nhs.uk", full_name="Bo Luton"),
        "nurse": make_user(db, role=Role.NURSE, email="cy@rgt.nhs.uk", full_name="Cy Nurse"),
        "kings": make_user(db, ods_code="RJZ01", email="di@kch.nhs.uk", full_name="Di Kings"),
        "wales": make_user(db, ods_code="7A1A1", email="ed@wales.nhs.uk", full_name="Ed Wales"),
        "national": make_user(
            db, role=Role.NATIONAL_AUDIT_TEAM, email="fi@rcpch.ac.uk", full_name="Fi National"
        ),
    }


def test_lead_clinician_sees_audit_accounts_of_their_trust_only(db, people):
    assert emails(db, people["lead"]) == ["lead@rgt.nhs.uk", "bo@rgt.nhs.uk"]


def test_national_team_sees_everyone_by_name(db, people):
    assert len(emails(db, people["national"])) == 6


def test_hospital_admin_sees_hospital_accounts_of_their_trust(db, people):
    admin = make_user(db, role=Role.HOSPITAL_ADMIN, email="ga@rgt.nhs.uk", full_name="Ga Admin")
    assert emails(db, admin) == ["cy@rgt.nhs.uk", "ga@rgt.nhs.uk"]


def test_clinicians_see_nobody(db, people):
    assert emails(db, people["luton"]) == []


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("luton", ["bo@rgt.nhs.uk"]),
        ("KCH", ["di@kch.nhs.uk"]),
        ("rjz01", ["di@kch.nhs.uk"]),
        ("glan clwyd", ["ed@wales.nhs.uk"]),
        ("%", []),
    ],
)
def test_search_by_name_email_organisation_or_ods_code(db, people, search, expected):
    assert emails(db, people["national"], search=search) == expected


def test_role_and_status_filters(db, people):
    national = people["national"]
    assert emails(db, national, role="nurse") == ["cy@rgt.nhs.uk"]
    people["kings"].is_active = False
    people["wales"].locked_until = utcnow() + dt.timedelta(minutes=5)
    db.commit()
    assert emails(db, national, status="deactivated") == ["di@kch.nhs.uk"]
    assert emails(db, national, status="locked") == ["ed@wales.nhs.uk"]
    assert "ed@wales.nhs.uk" not in emails(db, national, status="active")
    with pytest.raises(UserError, match="Unknown role"):
        emails(db, national, role="wizard")
    with pytest.raises(UserError, match="Unknown status"):
        emails(db, national, status="sleeping")


def test_paging(db, people):
    page = list_users(session=db, user=people["national"], per_page=4, page=2)
    assert (page.total, page.pages, page.page, len(page.rows)) == (6, 2, 2, 2)
    beyond = list_users(session=db, user=people["national"], per_page=4, page=9)
    assert beyond.page == 2


def test_organisation_choices_are_limited_to_scope(db, people):
    lead_choices = {label for _, label in organisation_choices(session=db, user=people["lead"])}
    assert any("(RGT01)" in label for label in lead_choices)
    assert not any("(RJZ01)" in label for label in lead_choices)
    national = organisation_choices(session=db, user=people["national"])
    assert organisation(db, "RJZ01").id in {id_ for id_, _ in national}
    assert organisation_choices(session=db, user=people["luton"]) == []
