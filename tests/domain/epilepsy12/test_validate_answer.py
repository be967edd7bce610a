"""One answer at a time, as a data-entry form saves it: the same rules as a whole record."""

from __future__ import annotations

import pytest

from domain.epilepsy12.validation import validate_answer
from tests.domain.epilepsy12.builders import LOOKUPS, REMOVE, TODAY, child


def check(section, field, value, *, record=None, is_national=True):
    return validate_answer(
        record or child(),
        section,
        field,
        value,
        today=TODAY,
        lookups=LOOKUPS,
        is_national=is_national,
    )


def test_a_good_answer_has_no_problems():
    assert check("assessment", "consultant_paediatrician_input_date", "2023-01-24") == []


def test_an_answer_of_the_wrong_type():
    assert check("assessment", "consultant_paediatrician_referral_made", "yes") == [
        "must be true or false (null if not answered) (given 'yes')"
    ]


def test_an_answer_of_the_wrong_code():
    assert check("epilepsy_context", "previous_febrile_seizure", "X") == [
        "must be one of 'Y', 'N' or 'U' (given 'X')"
    ]


def test_an_answer_before_its_pair():
    assert check("assessment", "consultant_paediatrician_input_date", "2023-01-09") == [
        "must not be before consultant_paediatrician_referral_date (2023-01-10)"
    ]


def test_an_answer_that_breaks_its_pair_names_the_other_field():
    assert check("assessment", "consultant_paediatrician_referral_date", "2023-01-21") == [
        "assessment.consultant_paediatrician_input_date: must not be before "
        "consultant_paediatrician_referral_date (2023-01-21)"
    ]


def test_a_row_answer():
    section = "management.antiepilepsy_medicines[0]"
    assert check(section, "antiepilepsy_medicine_start_date", "2023-01-09") == [
        "must not be before the first paediatric assessment (2023-01-10)"
    ]


def test_a_row_lookup_name():
    assert check("multiaxial_diagnosis.syndromes[0]", "syndrome_name", "Dravet") == [
        "'Dravet' is not in the syndrome list; did you mean 'Dravet syndrome'?"
    ]


def test_a_later_date_of_birth_names_every_date_it_breaks():
    messages = check("case", "date_of_birth", "2018-09-02")
    assert messages == [
        "multiaxial_diagnosis.comorbidities[0].comorbidity_diagnosis_date: must not be before "
        "the date of birth (2018-09-02)"
    ]


def test_a_clinician_cannot_enter_a_closed_cohort():
    assert check(
        "registration", "first_paediatric_assessment_date", "2023-01-10", is_national=False
    )
    assert not check("registration", "first_paediatric_assessment_date", "2023-01-10")


def test_a_parent_answer_that_leaves_dependents_behind():
    messages = check("investigations", "mri_indicated", False)
    assert messages == [
        "investigations.mri_brain_requested_date: must be left empty unless mri_indicated is true",
        "investigations.mri_brain_reported_date: must be left empty unless mri_indicated is true",
    ]


def test_problems_elsewhere_in_the_record_are_not_reported():
    record = child({"assessment.epilepsy_specialist_nurse_input_date": "2022-01-01"})
    assert check("epilepsy_context", "previous_febrile_seizure", "Y", record=record) == []


def test_a_first_answer_opens_its_form():
    record = child({"investigations": REMOVE})
    assert check("investigations", "twelve_lead_ecg_status", True, record=record) == []
    assert check("investigations", "eeg_request_date", "2030-01-01", record=record) == [
        "must not be in the future (today is 2025-01-01)",
        "must be left empty unless eeg_indicated is true",
    ]


def test_unknown_fields_are_refused():
    assert check("assessment", "consultant_referral_made", True) == [
        "is not a field of assessment; did you mean 'consultant_paediatrician_referral_made'?"
    ]


@pytest.mark.parametrize("section", ["Assessment", "management.antiepilepsy_medicines", "x.y[1]z"])
def test_sections_must_be_named_exactly(section):
    with pytest.raises(ValueError, match="not a record section"):
        check(section, "anything", None)


def test_the_first_answer_of_a_new_row():
    section = "management.antiepilepsy_medicines[2]"
    assert check(section, "medicine_name", "Lamotrigine") == []
    assert check(section, "medicine_name", "Lamotrigin") == [
        "'Lamotrigin' is not in the medicine list; did you mean 'Lamotrigine'?"
    ]


def test_rows_cannot_skip_positions():
    with pytest.raises(ValueError, match="beyond the last row"):
        check("management.antiepilepsy_medicines[5]", "medicine_name", "Lamotrigine")
