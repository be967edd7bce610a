"""Agreed actions from review mode: saved per audit, cohort, organisation and measure, shown next
time with who and when, and closed to anyone outside the organisation's trust or health board."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from models.reporting import ReviewNote
from portal.access import AccessDenied
from portal.errors import UserError
from portal.roles import Role
from services.epilepsy12.reporting import REPORT
from services.reporting.review import MAX_LENGTH, review_note, save_review_note
from tests.services.reporting.e12_figures import AS_OF
from tests.support.factories import make_user


def _save(db, user, text, *, ods="RGT01", measure="ecg", cohort=8):
    return save_review_note(
        session=db,
        user=user,
        report=REPORT,
        cohort=cohort,
        ods_code=ods,
        measure=measure,
        text=text,
        today=AS_OF,
    )


def _read(db, user, *, ods="RGT01", measure="ecg", cohort=8):
    return review_note(
        session=db, user=user, report=REPORT, cohort=cohort, ods_code=ods, measure=measure
    )


@pytest.mark.sqlite
def test_a_note_is_saved_and_shown_next_time_with_who_and_when(db):
    lead = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RGT01", full_name="Ada Lead")
    assert _read(db, lead).text == "" and _read(db, lead).updated_at is None
    _save(db, lead, "  Audit ECG requests at first clinic.  ")
    note = _read(db, lead)
    assert note.text == "Audit ECG requests at first clinic."
    assert note.updated_by == "Ada Lead" and note.updated_at is not None
    # A colleague in the same trust (another site) sees it and may change it.
    colleague = make_user(db, role=Role.CLINICIAN, ods_code="RGT1W", full_name="Bo Colleague")
    assert _read(db, colleague).text == note.text
    _save(db, colleague, "Audit ECG requests; report back in March.")
    assert _read(db, lead).updated_by == "Bo Colleague"
    assert db.scalar(select(func.count()).select_from(ReviewNote)) == 1


def test_notes_are_kept_apart_by_measure_cohort_and_organisation(db):
    lead = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RGT01")
    _save(db, lead, "ECG, cohort 8")
    _save(db, lead, "MRI, cohort 8", measure="mri")
    _save(db, lead, "ECG, cohort 7", cohort=7)
    _save(db, lead, "ECG at the other site", ods="RGT1W")
    assert _read(db, lead).text == "ECG, cohort 8"
    assert _read(db, lead, measure="mri").text == "MRI, cohort 8"
    assert _read(db, lead, cohort=7).text == "ECG, cohort 7"
    assert _read(db, lead, ods="RGT1W").text == "ECG at the other site"


def test_emptying_a_note_removes_it(db):
    lead = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RGT01")
    _save(db, lead, "Something")
    _save(db, lead, "   ")
    assert _read(db, lead).text == ""
    assert db.scalar(select(func.count()).select_from(ReviewNote)) == 0


def test_another_trusts_notes_are_refused_both_ways(db):
    owner = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RGT01")
    _save(db, owner, "Private to Cambridge")
    stranger = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RJZ01")
    with pytest.raises(AccessDenied):
        _read(db, stranger)
    with pytest.raises(AccessDenied):
        _save(db, stranger, "Overwritten")
    assert _read(db, owner).text == "Private to Cambridge"


def test_hospital_staff_may_not_read_or_write_notes(db):
    nurse = make_user(db, role=Role.NURSE, ods_code="RGT01")
    with pytest.raises(AccessDenied):
        _read(db, nurse)
    with pytest.raises(AccessDenied):
        _save(db, nurse, "No")


def test_national_staff_may_read_and_write_any_organisations_notes(db):
    owner = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RGT01")
    _save(db, owner, "Cambridge plan")
    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM)
    assert _read(db, national).text == "Cambridge plan"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"measure": "made_up"}, "Epilepsy12 has no measure “made_up”."),
        ({"cohort": 2}, "Epilepsy12 has no cohort 2."),
        ({"ods": "ZZZ99"}, "There is no organisation with the ODS code “ZZZ99”."),
    ],
)
def test_bad_requests_are_refused_with_a_clear_message_and_nothing_saved(db, change, message):
    lead = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RGT01")
    with pytest.raises(UserError, match=message):
        _save(db, lead, "Text", **change)
    assert db.scalar(select(func.count()).select_from(ReviewNote)) == 0


def test_an_over_long_note_is_refused_and_the_old_one_kept(db):
    lead = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RGT01")
    _save(db, lead, "Short plan")
    with pytest.raises(UserError, match="at most 5,000 characters; this note has 5,001"):
        _save(db, lead, "x" * (MAX_LENGTH + 1))
    db.rollback()
    assert _read(db, lead).text == "Short plan"
