"""The record's JSON shape: exact types and codes, unknown keys refused, null the same as missing."""

from __future__ import annotations

from datetime import date

import pydantic
import pytest

from domain.epilepsy12.record import Record
from domain.epilepsy12.validation import RecordError, parse_record
from tests.domain.epilepsy12.builders import LOOKUPS, REMOVE, TODAY, child, data


def problems(changes: dict | None = None, raw=None) -> dict[str, str]:
    """Return the problems of the record as ``{path: message}``."""
    try:
        parse_record(data(changes) if raw is None else raw, today=TODAY, lookups=LOOKUPS)
    except RecordError as error:
        return {p.path: p.message for p in error.problems}
    return {}


def test_the_complete_record_is_valid():
    record = parse_record(data(), today=TODAY, lookups=LOOKUPS)
    assert record.cohort == 6
    assert record.age_at_first_assessment == 13
    assert record.first_year_of_care_end == date(2024, 1, 10)
    assert record.is_registered


@pytest.mark.parametrize(
    ("path", "value", "where", "message"),
    [
        pytest.param(
            "registraton",
            {},
            "registraton",
            "is not a field of the record; did you mean 'registration'?",
            id="top-level-typo",
        ),
        pytest.param(
            "assessment.consultant_paediatrician_referal_made",
            True,
            "assessment.consultant_paediatrician_referal_made",
            "is not a field of assessment; did you mean 'consultant_paediatrician_referral_made'?",
            id="section-typo",
        ),
        pytest.param(
            "multiaxial_diagnosis.episodes[0].focal_onset_lft",
            True,
            "multiaxial_diagnosis.episodes[0].focal_onset_lft",
            "is not a field of multiaxial_diagnosis.episodes[0]; did you mean 'focal_onset_left'?",
            id="row-typo",
        ),
        pytest.param(
            "sites[0].is_lead",
            True,
            "sites[0].is_lead",
            "is not a field of sites[0]",
            id="site-unknown",
        ),
        pytest.param(
            "case.locked",
            True,
            "case.locked",
            "is not a field of case",
            id="derived-fields-are-not-input",
        ),
    ],
)
def test_unknown_keys_are_refused(path, value, where, message):
    assert problems({path: value}) == {where: message}


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("assessment.consultant_paediatrician_referral_made", "yes", "must be true or false"),
        ("assessment.consultant_paediatrician_referral_made", 1, "must be true or false"),
        ("registration.eligibility_criteria_met", "true", "must be true or false"),
        ("assessment.consultant_paediatrician_input_date", "20/01/2023", "YYYY-MM-DD"),
        ("assessment.consultant_paediatrician_input_date", "2023-1-20", "YYYY-MM-DD"),
        ("assessment.consultant_paediatrician_input_date", "2023-02-30", "not a real calendar"),
        ("assessment.consultant_paediatrician_input_date", 20230120, "YYYY-MM-DD"),
        ("case.sex", True, "must be one of 0, 1, 2 or 9"),
        ("case.sex", "2", "must be one of 0, 1, 2 or 9"),
        ("case.sex", 3, "must be one of 0, 1, 2 or 9"),
        ("case.sex", 2.0, "must be one of 0, 1, 2 or 9"),
        ("case.ethnicity", "I", "must be one of 'A', 'B'"),
        ("case.ethnicity", "a", "must be one of 'A', 'B'"),
        ("epilepsy_context.previous_febrile_seizure", "Yes", "must be one of 'Y', 'N' or 'U'"),
        ("epilepsy_context.previous_febrile_seizure", True, "must be one of 'Y', 'N' or 'U'"),
        (
            "first_paediatric_assessment.first_paediatric_assessment_in_acute_or_nonacute_setting",
            4,
            "must be one of 1, 2 or 3",
        ),
        ("multiaxial_diagnosis.mental_health_issues", "AxD", "must be a list"),
        ("multiaxial_diagnosis.mental_health_issues[0]", "Anxiety", "must be one of 'AxD'"),
        (
            "multiaxial_diagnosis.global_developmental_delay_or_learning_difficulties_severity",
            "Mild",
            "must be one of 'mild'",
        ),
        (
            "multiaxial_diagnosis.episodes[0].epileptic_seizure_onset_type",
            "focal",
            "must be one of 'FO', 'GO', 'UO' or 'UC'",
        ),
        ("multiaxial_diagnosis.episodes[0].nonepileptic_seizure_syncope", "k", "must be one of"),
        ("multiaxial_diagnosis.syndromes", {}, "must be a list"),
        ("multiaxial_diagnosis.syndromes[0]", "Dravet syndrome", "must be an object"),
        ("assessment", [], "must be an object"),
        ("case.first_name", "", "must not be blank"),
        ("case.surname", "x" * 101, "must be at most 100 characters"),
        ("case.nhs_number", 9434765919, "must be text"),
        ("sites[0].ods_code", "RGT-01", "must be an ODS code"),
    ],
)
def test_values_must_have_the_exact_type(path, value, message):
    found = problems({path: value})
    assert list(found) == [path]
    assert message in found[path]


def test_bad_values_are_quoted():
    found = problems({"case.sex": "female"})
    assert found == {"case.sex": "must be one of 0, 1, 2 or 9 (given 'female')"}


def test_a_record_must_be_an_object():
    assert problems(raw=[1, 2]) == {"record": "must be a JSON object of sections ({...})"}


def test_the_case_is_required():
    assert problems({"case": REMOVE}) == {"case": "is required"}


def test_a_site_needs_its_ods_code():
    assert problems({"sites[0].ods_code": REMOVE}) == {"sites[0].ods_code": "is required"}


def test_null_is_the_same_as_missing():
    nulls = data(
        {
            "assessment.consultant_paediatrician_input_date": None,
            "multiaxial_diagnosis.mental_health_issues": None,
            "multiaxial_diagnosis.syndromes": None,
            "multiaxial_diagnosis.syndrome_present": None,
            "investigations": None,
            "sites": None,
        }
    )
    missing = data(
        {
            "assessment.consultant_paediatrician_input_date": REMOVE,
            "multiaxial_diagnosis.mental_health_issues": REMOVE,
            "multiaxial_diagnosis.syndromes": REMOVE,
            "multiaxial_diagnosis.syndrome_present": REMOVE,
            "investigations": REMOVE,
            "sites": REMOVE,
        }
    )
    assert Record.model_validate(nulls) == Record.model_validate(missing)


def test_derived_values_are_ignored():
    record = data({"derived": {"cohort": 99, "kpis": {"ecg": 0}, "complete": False}})
    assert parse_record(record, today=TODAY, lookups=LOOKUPS) == child()


def test_identifiers_are_normalised():
    record = child(
        {
            "case.nhs_number": " 943 476 5919 ",
            "case.postcode": "cb2-0qq",
            "sites[0].ods_code": "rgt01",
        }
    )
    assert record.case.nhs_number == "9434765919"
    assert record.case.postcode == "CB20QQ"
    assert record.sites[0].ods_code == "RGT01"


def test_a_listed_site_is_active_unless_it_says_otherwise():
    site = child().sites[1]
    assert site.site_is_actively_involved_in_epilepsy_care
    assert not site.site_is_primary_centre_of_epilepsy_care


def test_every_problem_is_reported_at_once():
    found = problems(
        {
            "case.sex": "F",
            "assessment.consultant_paediatrician_input_date": "2023-01-01",
            "investigations.eeg_indicated": "yes",
            "management.antiepilepsy_medicines[0].medicine_name": "Valproate",
        }
    )
    assert set(found) == {
        "case.sex",
        "assessment.consultant_paediatrician_input_date",
        "investigations.eeg_indicated",
        "management.antiepilepsy_medicines[0].medicine_name",
    }


def test_a_bad_row_does_not_hide_problems_in_later_rows():
    found = problems(
        {
            "multiaxial_diagnosis.syndromes[0]": 7,
            "multiaxial_diagnosis.syndromes[1]": {"syndrome_name": "No such syndrome"},
        }
    )
    assert set(found) == {
        "multiaxial_diagnosis.syndromes[0]",
        "multiaxial_diagnosis.syndromes[1].syndrome_name",
    }


def test_records_are_immutable():
    record = child()
    with pytest.raises(pydantic.ValidationError):
        record.case.sex = 1


def test_record_errors_name_each_field_on_its_own_line():
    with pytest.raises(RecordError) as raised:
        parse_record(data({"case.sex": 5, "case.ethnicity": "Q"}), today=TODAY, lookups=LOOKUPS)
    lines = str(raised.value).splitlines()
    assert [line.split(":")[0] for line in lines] == ["case.sex", "case.ethnicity"]
