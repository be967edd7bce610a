"""The case register's write path: create, correct, consent, opt out, delete, submit, unsubmit."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from models.audit import AuditEvent
from models.epilepsy12 import AuditProgress, Case, KPIResult, Registration, Site
from portal.access import AccessDenied
from portal.errors import UserError
from portal.roles import Role
from services.epilepsy12 import cases, sites
from services.epilepsy12.access import CaseLocked
from services.epilepsy12.demographics import FormProblems
from tests.support.e12_cases import (
    TODAY,
    child_form,
    make_child,
    national_user,
    register,
    valid_nhs_number,
)
from tests.support.factories import make_user, organisation

pytestmark = pytest.mark.sqlite


@pytest.fixture
def clinician(db):
    return make_user(db, role=Role.CLINICIAN, ods_code="RGT01")


def count(db, model) -> int:
    return db.scalar(select(func.count()).select_from(model))


def problems_of(db, user, **fields) -> dict[str, str]:
    with pytest.raises(FormProblems) as caught:
        cases.create_case(session=db, user=user, form=child_form(db, **fields), today=TODAY)
    db.rollback()
    return caught.value.problems


def test_create_writes_the_child_lead_site_and_an_empty_audit(db, clinician):
    form = child_form(db, nhs_number="943 476 5919", postcode="cb2 0qq", first_name="  Ada  ")
    case = cases.create_case(session=db, user=clinician, form=form, today=TODAY)
    stored = db.get(Case, case.id)
    assert (stored.nhs_number, stored.postcode, stored.first_name) == (
        "9434765919",
        "CB20QQ",
        "Ada",
    )
    lead = sites.lead_site(db, case.id)
    assert lead.organisation.ods_code == "RGT01"
    registration = db.scalar(select(Registration).where(Registration.case_id == case.id))
    assert registration.cohort is None and registration.eligibility_criteria_met is None
    progress = db.scalar(
        select(AuditProgress).where(AuditProgress.registration_id == registration.id)
    )
    assert progress.registration_total_completed_fields == 1  # the lead site
    assert progress.registration_total_expected_fields == 3
    assert progress.audit_complete is False
    assert count(db, KPIResult) == 1
    tables = set(db.scalars(select(AuditEvent.table_name)))
    assert {"e12_case", "e12_site", "e12_registration"} <= tables


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"nhs_number": "943 476 5918"}, "nhs_number", "NHS number 943 476 5918 fails the check"),
        ({"nhs_number": "943 476 591"}, "nhs_number", "10 digits; this has 9"),
        ({"nhs_number": "94347A5919"}, "nhs_number", "only digits"),
        ({"nhs_number": ""}, "nhs_number", "Enter the child's NHS number"),
        ({"first_name": " "}, "first_name", "Enter the child's first name"),
        ({"surname": "x" * 101}, "surname", "at most 100 characters"),
        ({"date_of_birth": "2025-03-02"}, "date_of_birth", "must not be in the future"),
        ({"date_of_birth": "1990-01-01"}, "date_of_birth", "on or after 1 December 1996"),
        ({"date_of_birth": "14/03/2015"}, "date_of_birth", "as a date"),
        ({"sex": ""}, "sex", "Choose the child's sex"),
        ({"sex": "5"}, "sex", "listed sex options"),
        ({"ethnicity": "Q"}, "ethnicity", "listed ethnicity options"),
        ({"postcode": "CB2 XYZ"}, "postcode", "“CB2 XYZ” is not a UK postcode"),
        ({"postcode": ""}, "postcode", "or choose why it is not known"),
        ({"postcode_unknown": "ZZ993XX"}, "postcode", "listed reasons"),
        ({"lead_organisation": ""}, "lead_organisation", "Choose the organisation"),
        ({"lead_organisation": "999999"}, "lead_organisation", "Choose the organisation"),
    ],
)
def test_create_refuses_bad_details_with_a_specific_message_and_writes_nothing(
    db, clinician, fields, field, message
):
    problems = problems_of(db, clinician, **fields)
    assert list(problems) == [field]
    assert message in problems[field]
    assert count(db, Case) == 0 and count(db, Site) == 0 and count(db, Registration) == 0


def test_every_problem_is_reported_at_once_in_form_order(db, clinician):
    problems = problems_of(db, clinician, postcode="nope", first_name="", nhs_number="1")
    assert list(problems) == ["first_name", "nhs_number", "postcode"]


@pytest.mark.parametrize("reason", ["ZZ993CZ", "ZZ993GZ", "ZZ993WZ", "ZZ993VZ"])
def test_an_unknown_postcode_reason_stores_its_ons_code(db, clinician, reason):
    form = child_form(db, postcode="", postcode_unknown=reason)
    case = cases.create_case(session=db, user=clinician, form=form, today=TODAY)
    assert db.get(Case, case.id).postcode == reason


def test_lead_organisation_must_be_in_the_users_trust(db, clinician):
    problems = problems_of(db, clinician, lead_organisation=str(organisation(db, "RJZ01").id))
    assert "your own trust" in problems["lead_organisation"]


def test_a_taken_nhs_number_names_the_child_when_in_scope(db, clinician):
    first = make_child(db, "RGT01")
    problems = problems_of(db, clinician, nhs_number=first.nhs_number)
    assert problems["nhs_number"] == f"This NHS number already belongs to child {first.id}."


def test_a_taken_nhs_number_out_of_scope_does_not_reveal_the_child(db, clinician):
    other = make_child(db, "RJZ01")
    problems = problems_of(db, clinician, nhs_number=other.nhs_number)
    assert str(other.id) not in problems["nhs_number"]
    assert "another organisation" in problems["nhs_number"]


def test_roles_without_the_capability_cannot_create(db):
    doctor = make_user(db, role=Role.DOCTOR, ods_code="RGT01")
    with pytest.raises(AccessDenied):
        cases.create_case(session=db, user=doctor, form=child_form(db), today=TODAY)
    assert count(db, Case) == 0


def test_update_keeps_its_own_number_and_reports_anothers(db, clinician):
    case = make_child(db)
    other = make_child(db)
    form = child_form(db, nhs_number=case.nhs_number, surname="Byron")
    cases.update_demographics(session=db, user=clinician, case_id=case.id, form=form, today=TODAY)
    assert db.get(Case, case.id).surname == "Byron"
    with pytest.raises(FormProblems) as caught:
        cases.update_demographics(
            session=db,
            user=clinician,
            case_id=case.id,
            form=child_form(db, nhs_number=other.nhs_number, surname="Shelley"),
            today=TODAY,
        )
    db.rollback()
    assert f"child {other.id}" in caught.value.problems["nhs_number"]
    assert db.get(Case, case.id).surname == "Byron"


def test_get_case_refuses_another_trusts_child_like_a_missing_one(db, clinician):
    other = make_child(db, "RJZ01")
    with pytest.raises(AccessDenied):
        cases.get_case(session=db, user=clinician, case_id=other.id)
    with pytest.raises(AccessDenied):
        cases.get_case(session=db, user=clinician, case_id=other.id + 1000)


def test_consent_is_recorded_and_cleared(db, clinician):
    case = make_child(db)
    cases.set_consent(session=db, user=clinician, case_id=case.id, consent=True, today=TODAY)
    assert cases.get_case(session=db, user=clinician, case_id=case.id).consent is True
    cases.set_consent(session=db, user=clinician, case_id=case.id, consent=None, today=TODAY)
    assert db.get(Case, case.id).consent_patient_confirmed is None


def test_opt_out_wipes_identifiers_and_answers_but_keeps_the_child_counted(db, clinician):
    case = make_child(db)
    register(db, case)
    db.add(
        Site(
            case_id=case.id,
            organisation_id=organisation(db, "RGT1W").id,
            site_is_actively_involved_in_epilepsy_care=True,
            site_is_paediatric_neurology_centre=True,
        )
    )
    db.commit()
    lead_user = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RGT01")
    sites.request_transfer(
        session=db,
        user=lead_user,
        case_id=case.id,
        organisation_id=organisation(db, "RJZ01").id,
        today=TODAY,
    )
    cases.opt_out(session=db, user=clinician, case_id=case.id, today=TODAY)
    db.expire_all()
    stored = db.get(Case, case.id)
    assert stored.opted_out_at is not None
    assert all(getattr(stored, field) is None for field in cases.IDENTIFIERS)
    assert count(db, Registration) == 0 and count(db, AuditProgress) == 0
    assert count(db, KPIResult) == 0
    remaining = db.scalars(select(Site).where(Site.case_id == case.id)).all()
    assert [site.organisation.ods_code for site in remaining] == ["RGT01"]
    assert remaining[0].is_lead
    detail = cases.get_case(session=db, user=clinician, case_id=case.id)
    assert "opted out" in detail.lock_reason


def test_an_opted_out_child_cannot_be_changed_again(db, clinician):
    case = make_child(db)
    cases.opt_out(session=db, user=clinician, case_id=case.id, today=TODAY)
    with pytest.raises(CaseLocked, match="opted out"):
        cases.update_demographics(
            session=db, user=clinician, case_id=case.id, form=child_form(db), today=TODAY
        )
    with pytest.raises(CaseLocked):
        cases.opt_out(session=db, user=clinician, case_id=case.id, today=TODAY)
    national = national_user(db)
    with pytest.raises(UserError, match="wiped for good"):
        cases.update_demographics(
            session=db, user=national, case_id=case.id, form=child_form(db), today=TODAY
        )


def test_delete_removes_the_child_and_everything_recorded(db, clinician):
    case = make_child(db)
    register(db, case)
    cases.delete_case(session=db, user=clinician, case_id=case.id, today=TODAY)
    assert count(db, Case) == 0 and count(db, Site) == 0 and count(db, Registration) == 0
    assert count(db, AuditProgress) == 0 and count(db, KPIResult) == 0


def test_submit_needs_a_complete_audit(db, clinician):
    case = make_child(db)
    register(db, case)
    with pytest.raises(UserError, match="Complete every section"):
        cases.submit(session=db, user=clinician, case_id=case.id, today=TODAY)
    assert db.get(Case, case.id).locked is False


def test_submit_locks_and_unsubmit_reopens_before_the_deadline(db, clinician):
    case = make_child(db)
    register(db, case, complete=True)
    cases.submit(session=db, user=clinician, case_id=case.id, today=TODAY)
    stored = db.get(Case, case.id)
    assert stored.locked and stored.locked_by_id == clinician.id
    with pytest.raises(CaseLocked, match="submitted"):
        cases.set_consent(session=db, user=clinician, case_id=case.id, consent=True, today=TODAY)
    cases.unsubmit(session=db, user=clinician, case_id=case.id, today=TODAY)
    assert db.get(Case, case.id).locked is False
    with pytest.raises(UserError, match="not submitted"):
        cases.unsubmit(session=db, user=clinician, case_id=case.id, today=TODAY)


def test_after_the_deadline_only_national_staff_can_reopen(db, clinician):
    case = make_child(db)
    register(db, case, first_assessment=dt.date(2022, 1, 10), complete=True)  # cohort 5
    cases.submit(session=db, user=national_user(db), case_id=case.id, today=TODAY)
    with pytest.raises(CaseLocked, match="deadline .* passed on 09 January 2024"):
        cases.unsubmit(session=db, user=clinician, case_id=case.id, today=TODAY)
    assert db.get(Case, case.id).locked is True
    cases.unsubmit(session=db, user=national_user(db), case_id=case.id, today=TODAY)
    assert db.get(Case, case.id).locked is False


def test_valid_nhs_numbers_helper_makes_distinct_numbers():
    assert len({valid_nhs_number() for _ in range(5)}) == 5
