"""Children for the case-register tests: valid NHS numbers, a filled-in form, registered children."""

from __future__ import annotations

import datetime as dt
import itertools

from nhs_number import is_valid
from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.epilepsy12.cohorts import registration_dates
from models.epilepsy12 import AuditProgress, Case, Registration
from portal.roles import Role
from services.epilepsy12.cases import create_case
from services.epilepsy12.sites import new_lead_site
from tests.support.factories import make_user, organisation

_stems = itertools.count(700_000_001)
TODAY = dt.date(2025, 3, 1)


def valid_nhs_number() -> str:
    """Return a fresh NHS number that passes the Modulus 11 check."""
    while True:
        stem = str(next(_stems))
        for check_digit in "0123456789":
            if is_valid(stem + check_digit):
                return stem + check_digit


def child_form(session: Session, ods_code: str = "RGT01", **fields) -> dict:
    """Return the create-child form filled in correctly for a child led by ``ods_code``."""
    values = {
        "first_name": "Ada",
        "surname": "Lovelace",
        "nhs_number": valid_nhs_number(),
        "date_of_birth": "2015-03-14",
        "sex": "2",
        "ethnicity": "A",
        "postcode": "CB2 0QQ",
        "postcode_unknown": "",
        "lead_organisation": str(organisation(session, ods_code).id),
    }
    return values | fields


def national_user(session: Session):
    return make_user(session, role=Role.NATIONAL_AUDIT_TEAM, ods_code=None)


def make_child(session: Session, ods_code: str = "RGT01", **fields) -> Case:
    """Create a child through the service, as the national team, led by ``ods_code``."""
    return create_case(
        session=session,
        user=national_user(session),
        form=child_form(session, ods_code, **fields),
        today=TODAY,
    )


def register(
    session: Session,
    case: Case,
    *,
    first_assessment: dt.date = dt.date(2024, 1, 10),
    complete: bool = False,
) -> Registration:
    """Register a child directly in the tables (the audit workflow's job), optionally complete."""
    registration = session.scalar(select(Registration).where(Registration.case_id == case.id))
    dates = registration_dates(first_assessment)
    registration.eligibility_criteria_met = True
    registration.first_paediatric_assessment_date = first_assessment
    registration.cohort = dates.cohort
    registration.completed_first_year_of_care_date = dates.completed_first_year_of_care_date
    registration.audit_submission_date = dates.audit_submission_date
    progress = session.scalar(
        select(AuditProgress).where(AuditProgress.registration_id == registration.id)
    )
    if complete:
        for name in (
            "registration",
            "first_paediatric_assessment",
            "epilepsy_context",
            "multiaxial_diagnosis",
            "assessment",
            "investigations",
            "management",
        ):
            expected = getattr(progress, f"{name}_total_expected_fields")
            setattr(progress, f"{name}_total_completed_fields", expected)
            setattr(progress, f"{name}_complete", True)
        progress.audit_complete = True
    session.commit()
    return registration


def quick_child(
    session: Session,
    ods_code: str = "RGT01",
    *,
    first_assessment: dt.date | None = None,
    complete: bool = False,
    locked: bool = False,
) -> Case:
    """Write a child straight into the tables in one commit (for tests that need many)."""
    case = Case(
        nhs_number=valid_nhs_number(),
        first_name="Ada",
        surname="Lovelace",
        sex=2,
        date_of_birth=dt.date(2015, 3, 14),
        postcode="CB20QQ",
        ethnicity="A",
        locked=locked,
    )
    session.add(case)
    session.add(new_lead_site(case, organisation(session, ods_code).id))
    registration = Registration(case=case)
    if first_assessment is not None:
        dates = registration_dates(first_assessment)
        registration.eligibility_criteria_met = True
        registration.first_paediatric_assessment_date = first_assessment
        registration.cohort = dates.cohort
        registration.completed_first_year_of_care_date = dates.completed_first_year_of_care_date
        registration.audit_submission_date = dates.audit_submission_date
    registration.audit_progress = AuditProgress(
        registration_total_expected_fields=3,
        registration_total_completed_fields=3 if complete else 1,
        audit_complete=complete,
    )
    session.add(registration)
    session.commit()
    return case
