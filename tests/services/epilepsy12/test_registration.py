"""Registration: eligibility first, then the first paediatric assessment date and what it fixes."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from models.epilepsy12 import Registration, Site
from portal.errors import UserError
from portal.roles import Role
from services.epilepsy12.access import CaseLocked
from services.epilepsy12.answers import AnswerInvalid
from services.epilepsy12.records import load_child
from services.epilepsy12.registration import (
    confirm_eligibility,
    set_first_paediatric_assessment_date,
)
from tests.support.e12_records import TODAY, complete_child, empty_child, write_child
from tests.support.factories import make_user

#: 1 January 2025: the cohort being submitted is 7 (December 2023 – November 2024).
OPEN_DAY = dt.date(2024, 3, 4)


@pytest.fixture
def clinician(db):
    return make_user(db, role=Role.CLINICIAN, ods_code="RGT01")


@pytest.fixture
def national(db):
    return make_user(db, role=Role.NATIONAL_AUDIT_TEAM, ods_code=None)


def register(db, user, case_id, value, today=TODAY):
    return set_first_paediatric_assessment_date(
        session=db, user=user, case_id=case_id, value=value, today=today
    )


def stored(db, case_id) -> Registration:
    db.rollback()
    return db.scalar(select(Registration).where(Registration.case_id == case_id))


def test_eligibility_is_confirmed_once(db, clinician):
    case_id = empty_child(db)

    first = confirm_eligibility(session=db, user=clinician, case_id=case_id, today=TODAY)
    again = confirm_eligibility(session=db, user=clinician, case_id=case_id, today=TODAY)

    assert first.changed and not again.changed
    assert stored(db, case_id).eligibility_criteria_met is True
    assert first.completeness.sections["registration"].completed == 2


def test_the_date_needs_eligibility_first(db, clinician):
    case_id = empty_child(db)
    with pytest.raises(UserError, match="eligibility criteria first"):
        register(db, clinician, case_id, OPEN_DAY.isoformat())
    assert stored(db, case_id).first_paediatric_assessment_date is None


def test_the_date_needs_a_lead_site(db, clinician):
    case_id = empty_child(db, registration={"eligibility_criteria_met": True})
    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM, ods_code=None)
    db.query(Site).filter(Site.case_id == case_id).delete()
    db.commit()
    with pytest.raises(UserError, match="lead site first"):
        register(db, national, case_id, OPEN_DAY.isoformat())


def test_registering_derives_cohort_first_year_and_deadline(db, clinician, monkeypatch):
    asked = []
    monkeypatch.setattr("tasks.reporting.request_refresh", lambda audit, c: asked.append(c))
    case_id = empty_child(db, registration={"eligibility_criteria_met": True})

    result = register(db, clinician, case_id, OPEN_DAY.isoformat())

    registration = stored(db, case_id)
    assert registration.first_paediatric_assessment_date == OPEN_DAY
    assert registration.cohort == 7
    assert registration.completed_first_year_of_care_date == dt.date(2025, 3, 4)
    assert registration.audit_submission_date == dt.date(2026, 1, 13)
    assert result.completeness.sections["registration"].complete
    assert asked == [7]
    child = load_child(db, case_id)
    assert child.progress["registration_complete"] is True
    assert child.kpis["epilepsy_specialist_nurse"] is None  # registered, forms not started


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2025-01-02", "must not be in the future"),
        ("2024-04-01", "must not be before the date of birth"),
        ("2023-01-10", "only the national audit team can enter an earlier date"),
        ("2020-11-30", "the start of cohort 4"),
        ("not a date", "must be a date written YYYY-MM-DD"),
    ],
)
def test_bad_dates_are_refused_with_the_rule_they_break(db, clinician, value, message):
    case_id = empty_child(
        db, born=dt.date(2024, 5, 2), registration={"eligibility_criteria_met": True}
    )
    with pytest.raises(AnswerInvalid) as refused:
        register(db, clinician, case_id, value)
    assert message in refused.value.messages[0]
    assert stored(db, case_id).first_paediatric_assessment_date is None


def test_a_child_of_24_is_too_old(db, national):
    case_id = empty_child(
        db, born=dt.date(1998, 1, 1), registration={"eligibility_criteria_met": True}
    )
    with pytest.raises(AnswerInvalid, match="must be under 24"):
        register(db, national, case_id, "2023-01-10")


def test_the_national_team_may_enter_an_earlier_cohort(db, national):
    case_id = empty_child(db, registration={"eligibility_criteria_met": True})
    register(db, national, case_id, "2023-01-10")
    assert stored(db, case_id).cohort == 6


def test_the_date_cannot_be_changed_by_the_hospital(db, clinician):
    case_id = empty_child(db, registration={"eligibility_criteria_met": True})
    register(db, clinician, case_id, OPEN_DAY.isoformat())
    with pytest.raises(UserError, match="only the national audit team can change it"):
        register(db, clinician, case_id, "2024-03-05")


def test_the_national_team_can_move_the_date_unless_it_breaks_other_dates(db, national):
    case_id = complete_child(db)
    with pytest.raises(AnswerInvalid) as refused:
        register(db, national, case_id, "2023-01-25")
    assert any("antiepilepsy_medicines[0]" in message for message in refused.value.messages)

    register(db, national, case_id, "2023-01-09")
    assert stored(db, case_id).completed_first_year_of_care_date == dt.date(2024, 1, 9)


def test_a_submitted_child_cannot_be_registered_by_the_hospital(db, clinician):
    case_id = write_child(
        db,
        {
            "case": {"first_name": "Nia", "surname": "Hughes", "date_of_birth": "2014-05-02"},
            "sites": [{"ods_code": "RGT01", "site_is_primary_centre_of_epilepsy_care": True}],
            "registration": {"eligibility_criteria_met": True},
        },
        locked=True,
    )
    with pytest.raises(CaseLocked):
        register(db, clinician, case_id, OPEN_DAY.isoformat())
