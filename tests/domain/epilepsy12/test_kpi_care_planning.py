"""Measures 9A and 9B with their sub-measures: the care plan, its agreement and its content."""

from __future__ import annotations

import pytest

from domain.epilepsy12.completeness import CARE_PLAN_ANSWERS
from tests.domain.epilepsy12.builders import REMOVE
from tests.domain.epilepsy12.scoring import score

M = "management"
PLAN = f"{M}.individualised_care_plan_in_place"
AGREED = f"{M}.individualised_care_plan_has_parent_carer_child_agreement"
UPDATED = f"{M}.has_individualised_care_plan_been_updated_in_the_last_year"
RESCUE = f"{M}.has_rescue_medication_been_prescribed"
PROLONGED = f"{M}.individualised_care_plan_parental_prolonged_seizure_care"
RESCUE_ROW = f"{M}.antiepilepsy_medicines[1]"
NO_PLAN = {PLAN: False, **{f"{M}.{answer}": REMOVE for answer in CARE_PLAN_ANSWERS}}
PLAN_UNANSWERED = {PLAN: REMOVE, **{f"{M}.{answer}": REMOVE for answer in CARE_PLAN_ANSWERS}}
NO_RESCUE = {
    RESCUE: False,
    f"{M}.antiepilepsy_medicines": [
        {
            "medicine_name": "Sodium valproate",
            "is_rescue_medicine": False,
            "antiepilepsy_medicine_start_date": "2023-01-20",
            "antiepilepsy_medicine_risk_discussed": True,
            "is_a_pregnancy_prevention_programme_needed": True,
            "is_a_pregnancy_prevention_programme_in_place": True,
            "has_a_valproate_annual_risk_acknowledgement_form_been_completed": True,
        }
    ],
}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, 1, id="agreed-and-updated"),
        pytest.param(NO_PLAN, 0, id="no-care-plan"),
        pytest.param(PLAN_UNANSWERED, None, id="care-plan-unanswered"),
        pytest.param({AGREED: REMOVE}, None, id="agreement-unanswered"),
        pytest.param({UPDATED: REMOVE}, None, id="update-unanswered"),
        pytest.param({AGREED: False}, 0, id="not-agreed"),
        pytest.param({UPDATED: False}, 0, id="not-updated"),
        pytest.param({AGREED: False, UPDATED: REMOVE}, None, id="not-agreed-update-unanswered"),
        pytest.param({M: REMOVE}, None, id="no-management-form"),
    ],
)
def test_comprehensive_care_planning_agreement(changes, expected):
    assert score("comprehensive_care_planning_agreement", changes) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, 1, id="care-plan"),
        pytest.param(NO_PLAN, 0, id="no-care-plan"),
        pytest.param(PLAN_UNANSWERED, None, id="unanswered"),
        pytest.param({AGREED: False, UPDATED: False}, 1, id="plan-regardless-of-agreement"),
        pytest.param({M: REMOVE}, None, id="no-management-form"),
    ],
)
def test_patient_held_individualised_epilepsy_document(changes, expected):
    assert score("patient_held_individualised_epilepsy_document", changes) == expected


#: The sub-measures scored purely on one care-plan answer, with the answer each reads.
CARE_PLAN_ITEMS = [
    ("patient_carer_parent_agreement_to_the_care_planning", AGREED),
    ("care_planning_has_been_updated_when_necessary", UPDATED),
    ("water_safety", f"{M}.individualised_care_plan_addresses_water_safety"),
    ("first_aid", f"{M}.individualised_care_plan_include_first_aid"),
    (
        "general_participation_and_risk",
        f"{M}.individualised_care_plan_includes_general_participation_risk",
    ),
    ("sudep", f"{M}.individualised_care_plan_addresses_sudep"),
    ("service_contact_details", f"{M}.individualised_care_plan_includes_service_contact_details"),
]


@pytest.mark.parametrize(
    ("measure", "answer"), CARE_PLAN_ITEMS, ids=[m for m, _ in CARE_PLAN_ITEMS]
)
@pytest.mark.parametrize(
    ("case", "expected"),
    [
        pytest.param("yes", 1, id="covered"),
        pytest.param("no", 0, id="not-covered"),
        pytest.param("unanswered", None, id="unanswered"),
        pytest.param("no-plan", 0, id="no-care-plan"),
        pytest.param("plan-unanswered", None, id="care-plan-unanswered"),
        pytest.param("no-form", None, id="no-management-form"),
    ],
)
def test_care_plan_item(measure, answer, case, expected):
    changes = {
        "yes": {answer: True},
        "no": {answer: False},
        "unanswered": {answer: REMOVE},
        "no-plan": NO_PLAN,
        "plan-unanswered": PLAN_UNANSWERED,
        "no-form": {M: REMOVE},
    }[case]
    assert score(measure, changes) == expected


CORE_ELEMENTS = [
    f"{M}.individualised_care_plan_include_first_aid",
    f"{M}.individualised_care_plan_addresses_water_safety",
    f"{M}.individualised_care_plan_includes_service_contact_details",
    f"{M}.individualised_care_plan_includes_general_participation_risk",
    f"{M}.individualised_care_plan_addresses_sudep",
]


def _short(path: str) -> str:
    return path.rsplit(".", 1)[-1].removeprefix("individualised_care_plan_")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, 1, id="everything-covered"),
        pytest.param(NO_PLAN, 0, id="no-care-plan"),
        pytest.param(PLAN_UNANSWERED, None, id="care-plan-unanswered"),
        *(pytest.param({e: False}, 0, id=f"{_short(e)}-missing") for e in CORE_ELEMENTS),
        *(pytest.param({e: REMOVE}, None, id=f"{_short(e)}-unanswered") for e in CORE_ELEMENTS),
        pytest.param({PROLONGED: False}, 0, id="rescue-without-prolonged-seizure-plan"),
        pytest.param({PROLONGED: REMOVE}, None, id="prolonged-seizure-plan-unanswered"),
        pytest.param({**NO_RESCUE, PROLONGED: False}, 1, id="no-rescue-no-plan-needed"),
        pytest.param({**NO_RESCUE, PROLONGED: REMOVE}, None, id="no-rescue-plan-unanswered"),
        pytest.param({RESCUE: REMOVE}, None, id="rescue-unanswered"),
        pytest.param({M: REMOVE}, None, id="no-management-form"),
    ],
)
def test_comprehensive_care_planning_content(changes, expected):
    assert score("comprehensive_care_planning_content", changes) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, 1, id="rescue-with-plan"),
        pytest.param({PROLONGED: False}, 0, id="rescue-without-plan"),
        pytest.param({PROLONGED: REMOVE}, None, id="plan-unanswered"),
        pytest.param(NO_PLAN, 0, id="rescue-no-care-plan"),
        pytest.param(PLAN_UNANSWERED, None, id="rescue-care-plan-unanswered"),
        pytest.param(NO_RESCUE, 2, id="no-rescue"),
        pytest.param({**NO_RESCUE, PROLONGED: REMOVE}, 2, id="no-rescue-plan-unanswered"),
        pytest.param({**NO_RESCUE, **NO_PLAN}, 2, id="no-rescue-no-care-plan"),
        pytest.param({RESCUE: REMOVE}, None, id="rescue-unanswered"),
        pytest.param({M: REMOVE}, None, id="no-management-form"),
    ],
)
def test_parental_prolonged_seizures_care_plan(changes, expected):
    assert score("parental_prolonged_seizures_care_plan", changes) == expected
