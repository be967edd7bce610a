"""The database refuses records that break the audit's rules, whatever code writes them."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from models.epilepsy12 import (
    EpilepsyContext,
    Investigations,
    KPIResult,
    Medicine,
    MultiaxialDiagnosis,
    Registration,
    Site,
    Syndrome,
    SyndromeList,
)
from models.notifications import Notification
from tests.models.epilepsy12.conftest import lead_site, new_case

pytestmark = pytest.mark.sqlite


def refused(db, *rows) -> bool:
    """Whether the database refuses to store ``rows``; the session is rolled back either way."""
    db.add_all(rows)
    try:
        db.commit()
    except IntegrityError:
        db.rollback()
        return True
    return False


def registered_case(db, organisation_id: int) -> Registration:
    case = new_case()
    registration = Registration(case=case, first_paediatric_assessment_date=dt.date(2024, 1, 5))
    db.add_all([case, lead_site(case, organisation_id), registration])
    db.commit()
    return registration


def test_a_child_has_at_most_one_active_lead_site(db, addenbrookes, kings):
    case = new_case()
    db.add_all([case, lead_site(case, addenbrookes.id)])
    db.commit()

    assert refused(db, lead_site(case, kings.id))


def test_former_lead_sites_and_other_roles_sit_beside_the_lead_site(db, addenbrookes, kings):
    case = new_case()
    former = lead_site(case, kings.id, site_is_actively_involved_in_epilepsy_care=False)
    neurology = Site(
        case=case,
        organisation_id=kings.id,
        site_is_actively_involved_in_epilepsy_care=True,
        site_is_paediatric_neurology_centre=True,
    )

    assert not refused(db, case, lead_site(case, addenbrookes.id), former, neurology)


def test_two_children_each_have_their_own_lead_site(db, addenbrookes):
    first, second = new_case(), new_case()

    assert not refused(
        db, first, second, lead_site(first, addenbrookes.id), lead_site(second, addenbrookes.id)
    )


def test_nhs_number_is_unique_but_many_children_may_have_none(db):
    taken = new_case()
    db.add(taken)
    db.commit()

    assert refused(db, new_case(nhs_number=taken.nhs_number))
    assert not refused(db, new_case(nhs_number=None), new_case(nhs_number=None))


@pytest.mark.parametrize(
    "fields",
    [
        {"sex": 3},
        {"ethnicity": "I"},
        {"postcode": "cb2 0qq"},
        {"nhs_number": "123456789"},
        {"index_of_multiple_deprivation_quintile": 6},
    ],
    ids=["sex", "ethnicity", "postcode", "nhs-number-length", "imd-quintile"],
)
def test_case_codes_are_checked(db, fields):
    assert refused(db, new_case(**fields))


def test_an_opted_out_child_keeps_no_identifiers(db):
    assert refused(db, new_case(opted_out_at=dt.datetime.now(dt.UTC)))
    wiped = new_case(
        nhs_number=None,
        first_name=None,
        surname=None,
        sex=None,
        date_of_birth=None,
        postcode=None,
        ethnicity=None,
        opted_out_at=dt.datetime.now(dt.UTC),
    )
    assert not refused(db, wiped)


def test_transfer_status_is_checked(db, addenbrookes):
    case = new_case()

    assert refused(db, case, lead_site(case, addenbrookes.id, transfer_status="maybe"))


def test_one_registration_per_child(db, addenbrookes):
    registration = registered_case(db, addenbrookes.id)

    assert refused(db, Registration(case_id=registration.case_id))


def test_cohorts_start_in_december_2020(db, addenbrookes):
    registration = registered_case(db, addenbrookes.id)
    registration.cohort = 3

    assert refused(db, registration)


def test_yes_no_uncertain_answers_are_checked(db, addenbrookes):
    registration = registered_case(db, addenbrookes.id)

    assert refused(db, EpilepsyContext(registration=registration, previous_febrile_seizure="X"))
    assert not refused(db, EpilepsyContext(registration=registration, previous_febrile_seizure="U"))


def test_each_form_is_stored_once_per_registration(db, addenbrookes):
    registration = registered_case(db, addenbrookes.id)
    db.add(EpilepsyContext(registration=registration))
    db.commit()

    assert refused(db, EpilepsyContext(registration_id=registration.id))


def test_a_declined_mri_has_no_report_date(db, addenbrookes):
    registration = registered_case(db, addenbrookes.id)
    declined = Investigations(
        registration=registration,
        mri_declined=True,
        mri_brain_requested_date=dt.date(2024, 2, 1),
        mri_brain_reported_date=dt.date(2024, 2, 20),
    )

    assert refused(db, declined)


def test_a_test_is_not_done_before_it_is_asked_for(db, addenbrookes):
    registration = registered_case(db, addenbrookes.id)
    backwards = Investigations(
        registration=registration,
        eeg_request_date=dt.date(2024, 2, 1),
        eeg_performed_date=dt.date(2024, 1, 20),
    )

    assert refused(db, backwards)


def test_a_syndrome_is_recorded_once_per_child(db, addenbrookes):
    dravet = db.scalar(select(SyndromeList).where(SyndromeList.syndrome_name == "Dravet syndrome"))
    registration = registered_case(db, addenbrookes.id)
    diagnosis = MultiaxialDiagnosis(registration=registration, syndrome_present=True)
    db.add_all([diagnosis, Syndrome(multiaxial_diagnosis=diagnosis, syndrome=dravet)])
    db.commit()

    assert refused(db, Syndrome(multiaxial_diagnosis=diagnosis, syndrome=dravet))


def test_kpi_scores_are_codes(db, addenbrookes):
    registration = registered_case(db, addenbrookes.id)

    assert refused(db, KPIResult(registration=registration, mri=3))
    assert not refused(db, KPIResult(registration=registration, mri=2, ecg=None))


def test_medicine_names_are_unique_per_kind(db):
    assert refused(db, Medicine(medicine_name="Sodium valproate", is_rescue=False))


def test_a_notification_has_a_recipient_and_a_local_link(db, addenbrookes):
    assert refused(db, Notification(kind="e12.transfer_request", message="A child"))
    assert refused(
        db,
        Notification(
            recipient_organisation_id=addenbrookes.id,
            kind="e12.transfer_request",
            message="A child",
            link_path="https://example.com/",
        ),
    )
    assert not refused(
        db,
        Notification(
            recipient_organisation_id=addenbrookes.id,
            kind="e12.transfer_request",
            message="A child is being transferred to you",
            link_path="/epilepsy12/cases?transfers=1",
        ),
    )
