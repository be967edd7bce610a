"""The registry of 21 measures: names, labels, order, and who gets scored at all."""

from __future__ import annotations

import pytest

from domain.epilepsy12.kpis import HEADLINE_MEASURES, MEASURE_NAMES, MEASURES, score_child
from domain.epilepsy12.record import SECTIONS
from tests.domain.epilepsy12.builders import REMOVE, child

#: The result fields of spec §1.15, in order.
SPEC_NAMES = (
    "paediatrician_with_expertise_in_epilepsies",
    "epilepsy_specialist_nurse",
    "tertiary_input",
    "epilepsy_surgery_referral",
    "ecg",
    "mri",
    "assessment_of_mental_health_issues",
    "mental_health_support",
    "sodium_valproate",
    "comprehensive_care_planning_agreement",
    "patient_held_individualised_epilepsy_document",
    "patient_carer_parent_agreement_to_the_care_planning",
    "care_planning_has_been_updated_when_necessary",
    "comprehensive_care_planning_content",
    "parental_prolonged_seizures_care_plan",
    "water_safety",
    "first_aid",
    "general_participation_and_risk",
    "sudep",
    "service_contact_details",
    "school_individual_healthcare_plan",
)

#: The national report's measure names (the Power BI feed, issue #997).
HEADLINE_LABELS = [
    "1. Paediatrician with expertise",
    "2. Epilepsy specialist nurse",
    "3a. Tertiary involvement",
    "3b. Epilepsy surgery referral",
    "4. ECG",
    "5. MRI",
    "6. Assessment of mental health issues",
    "7. Mental health support",
    "8. Sodium valproate",
    "9a. Comprehensive care planning agreement",
    "9b. Comprehensive care planning content",
    "10. School Individual Health Care Plan",
]


def test_there_are_21_measures_in_the_result_row_order():
    assert MEASURE_NAMES == SPEC_NAMES


def test_the_12_headline_measures():
    assert [m.label for m in HEADLINE_MEASURES] == HEADLINE_LABELS


def test_sub_measure_labels():
    assert [m.label for m in MEASURES if not m.headline] == [
        "9A-i. Patient held individualised epilepsy document",
        "9A-ii. Patient/carer/parent agreement to the care planning",
        "9A-iii. Care planning has been updated when necessary",
        "9B-i. Parental prolonged seizures care plan",
        "9B-ii. Water safety",
        "9B-iii. First aid",
        "9B-iv. General participation and risk",
        "9B-v. SUDEP",
        "9B-vi. Service contact details",
    ]


@pytest.mark.parametrize("measure", MEASURES, ids=MEASURE_NAMES)
def test_each_measure_quotes_its_published_definition(measure):
    assert measure.definition.startswith(("% of", "Percentage of"))
    assert set(measure.needs) <= set(SECTIONS)


def test_the_complete_child_passes_every_measure():
    assert score_child(child()) == dict.fromkeys(SPEC_NAMES, 1)


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"registration.first_paediatric_assessment_date": REMOVE}, id="no-fpa-date"),
        pytest.param(
            {"registration.eligibility_criteria_met": REMOVE}, id="eligibility-unanswered"
        ),
        pytest.param({"registration.eligibility_criteria_met": False}, id="not-eligible"),
        pytest.param({"registration": REMOVE}, id="no-registration"),
    ],
)
def test_an_unregistered_child_is_not_scored(changes):
    assert score_child(child(changes)) == dict.fromkeys(SPEC_NAMES)


def test_a_child_with_no_forms_is_scored_incomplete():
    forms = [s for s in SECTIONS if s != "registration"]
    assert score_child(child(dict.fromkeys(forms, REMOVE))) == dict.fromkeys(SPEC_NAMES)


def test_empty_forms_still_apply_age_rules():
    forms = [s for s in SECTIONS if s != "registration"]
    results = score_child(child(dict.fromkeys(forms, {})))
    assert results["sodium_valproate"] is None
    assert {name for name, value in results.items() if value is not None} == set()
    boy = score_child(child({**dict.fromkeys(forms, {}), "case.sex": 1}))
    assert boy["sodium_valproate"] == 2
