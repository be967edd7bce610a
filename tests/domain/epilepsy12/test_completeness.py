"""Expected and completed answers per section, with every conditional extra."""

from __future__ import annotations

import pytest

from domain.epilepsy12.completeness import CARE_PLAN_ANSWERS, SectionProgress, count_completeness
from domain.epilepsy12.record import SECTIONS
from tests.domain.epilepsy12.builders import REMOVE, born, child

EPISODE = "multiaxial_diagnosis.episodes[0]"
MD = "multiaxial_diagnosis"
A = "assessment"
I = "investigations"  # noqa: E741
M = "management"
VALPROATE = f"{M}.antiepilepsy_medicines[0]"


def progress(section: str, changes: dict) -> tuple[int, int]:
    counted = count_completeness(child(changes)).sections[section]
    return counted.expected, counted.completed


def test_the_complete_child_is_complete_in_every_section():
    completeness = count_completeness(child())
    assert list(completeness.sections) == list(SECTIONS)
    assert all(p.complete for p in completeness.sections.values())
    assert completeness.audit_complete
    assert completeness.total_expected == completeness.total_completed == 85


def test_a_record_of_demographics_only_is_incomplete_everywhere():
    completeness = count_completeness(child(dict.fromkeys(SECTIONS, REMOVE)))
    assert {name: (p.expected, p.completed) for name, p in completeness.sections.items()} == {
        "registration": (3, 1),
        "first_paediatric_assessment": (6, 0),
        "epilepsy_context": (8, 0),
        "multiaxial_diagnosis": (12, 0),
        "assessment": (5, 0),
        "investigations": (4, 0),
        "management": (5, 0),
    }
    assert not completeness.audit_complete


def test_a_section_expecting_nothing_is_not_complete():
    assert not SectionProgress(0, 0).complete
    assert SectionProgress(3, 3).complete
    assert not SectionProgress(3, 2).complete


def test_one_incomplete_section_makes_the_audit_incomplete():
    completeness = count_completeness(child({f"{A}.epilepsy_specialist_nurse_input_date": REMOVE}))
    assert not completeness.sections["assessment"].complete
    assert not completeness.audit_complete


LEAD_ONLY = [{"ods_code": "RGT01", "site_is_primary_centre_of_epilepsy_care": True}]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, (3, 3), id="complete"),
        pytest.param(
            {"registration.first_paediatric_assessment_date": REMOVE}, (3, 2), id="no-fpa"
        ),
        pytest.param(
            {"registration.eligibility_criteria_met": REMOVE}, (3, 2), id="no-eligibility"
        ),
        pytest.param({"registration.eligibility_criteria_met": False}, (3, 3), id="false-answers"),
        pytest.param({"sites": REMOVE}, (3, 3), id="sites-not-listed-lead-assumed"),
        pytest.param({"sites": []}, (3, 2), id="no-sites"),
        pytest.param(
            {"sites[0].site_is_primary_centre_of_epilepsy_care": False}, (3, 2), id="no-lead-site"
        ),
        pytest.param(
            {"sites[0].site_is_actively_involved_in_epilepsy_care": False},
            (3, 2),
            id="former-lead-site",
        ),
        pytest.param({"registration": REMOVE}, (3, 1), id="no-registration-form"),
    ],
)
def test_registration(changes, expected):
    assert progress("registration", changes) == expected


@pytest.mark.parametrize(
    ("section", "changes", "expected"),
    [
        ("first_paediatric_assessment", {}, (6, 6)),
        (
            "first_paediatric_assessment",
            {"first_paediatric_assessment.general_examination_performed": REMOVE},
            (6, 5),
        ),
        ("first_paediatric_assessment", {"first_paediatric_assessment": REMOVE}, (6, 0)),
        ("epilepsy_context", {}, (8, 8)),
        ("epilepsy_context", {"epilepsy_context.previous_febrile_seizure": REMOVE}, (8, 7)),
        (
            "epilepsy_context",
            {"epilepsy_context.diagnosis_of_epilepsy_withdrawn": REMOVE},
            (8, 7),
        ),
        ("epilepsy_context", {"epilepsy_context": REMOVE}, (8, 0)),
    ],
)
def test_every_answer_sections(section, changes, expected):
    assert progress(section, changes) == expected


GENERALISED = {
    f"{EPISODE}.epileptic_seizure_onset_type": "GO",
    f"{EPISODE}.epileptic_generalised_onset": "TCl",
    f"{EPISODE}.focal_onset_left": REMOVE,
    f"{EPISODE}.focal_onset_impaired_awareness": REMOVE,
}
NON_EPILEPTIC = {
    f"{EPISODE}.epilepsy_or_nonepilepsy_status": "NE",
    f"{EPISODE}.epileptic_seizure_onset_type": REMOVE,
    f"{EPISODE}.focal_onset_left": REMOVE,
    f"{EPISODE}.focal_onset_impaired_awareness": REMOVE,
    f"{EPISODE}.nonepileptic_seizure_unknown_onset": "BAr",
    f"{EPISODE}.nonepileptic_seizure_type": "SAS",
    f"{EPISODE}.nonepileptic_seizure_syncope": "a",
}
SECOND_EPISODE = {
    "seizure_onset_date": "2022-12-20",
    "seizure_onset_date_confidence": "Apx",
    "episode_definition": "a",
    "has_description_of_the_episode_or_episodes_been_gathered": True,
    "epilepsy_or_nonepilepsy_status": "E",
    "epileptic_seizure_onset_type": "UO",
}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, (22, 22), id="complete"),
        pytest.param({f"{MD}.episodes": []}, (20, 15), id="no-episode-yet"),
        pytest.param(GENERALISED, (22, 22), id="generalised-with-type"),
        pytest.param(
            {**GENERALISED, f"{EPISODE}.epileptic_generalised_onset": REMOVE},
            (22, 21),
            id="generalised-type-missing",
        ),
        pytest.param({f"{EPISODE}.focal_onset_left": REMOVE}, (22, 21), id="focal-no-laterality"),
        pytest.param({f"{EPISODE}.focal_onset_left": False}, (22, 21), id="focal-laterality-no"),
        pytest.param({f"{EPISODE}.focal_onset_right": True}, (22, 22), id="focal-two-sides"),
        pytest.param(
            {
                f"{EPISODE}.focal_onset_left": REMOVE,
                f"{EPISODE}.focal_onset_laterality_unknown": True,
            },
            (22, 22),
            id="focal-laterality-unknown",
        ),
        pytest.param(
            {
                f"{EPISODE}.epileptic_seizure_onset_type": "UO",
                f"{EPISODE}.focal_onset_left": REMOVE,
            },
            (21, 21),
            id="unknown-onset",
        ),
        pytest.param(
            {
                f"{EPISODE}.epileptic_seizure_onset_type": REMOVE,
                f"{EPISODE}.focal_onset_left": REMOVE,
            },
            (21, 20),
            id="onset-type-missing",
        ),
        pytest.param({f"{EPISODE}.seizure_onset_date": REMOVE}, (22, 21), id="onset-date-missing"),
        pytest.param({f"{EPISODE}.description": REMOVE}, (22, 22), id="description-not-counted"),
        pytest.param(NON_EPILEPTIC, (28, 23), id="non-epileptic-only"),
        pytest.param(
            {
                **NON_EPILEPTIC,
                f"{EPISODE}.nonepileptic_seizure_type": "Oth",
                f"{EPISODE}.nonepileptic_seizure_syncope": REMOVE,
                f"{EPISODE}.nonepileptic_seizure_other": "Staring spells",
            },
            (27, 22),
            id="non-epileptic-other",
        ),
        pytest.param(
            {
                **NON_EPILEPTIC,
                f"{EPISODE}.nonepileptic_seizure_type": REMOVE,
                f"{EPISODE}.nonepileptic_seizure_syncope": REMOVE,
            },
            (28, 21),
            id="non-epileptic-type-missing",
        ),
        pytest.param(
            {
                **NON_EPILEPTIC,
                f"{EPISODE}.nonepileptic_seizure_syncope": REMOVE,
            },
            (28, 22),
            id="non-epileptic-subtype-missing",
        ),
        pytest.param(
            {**NON_EPILEPTIC, f"{MD}.episodes[1]": SECOND_EPISODE},
            (29, 29),
            id="non-epileptic-and-epileptic",
        ),
        pytest.param(
            {
                f"{EPISODE}.epilepsy_or_nonepilepsy_status": "U",
                f"{EPISODE}.epileptic_seizure_onset_type": REMOVE,
                f"{EPISODE}.focal_onset_left": REMOVE,
                f"{EPISODE}.focal_onset_impaired_awareness": REMOVE,
            },
            (25, 20),
            id="uncertain-only",
        ),
        pytest.param(
            {f"{EPISODE}.epilepsy_or_nonepilepsy_status": REMOVE}, (25, 19), id="status-missing"
        ),
        pytest.param({f"{MD}.syndromes": []}, (22, 20), id="syndrome-present-none-added"),
        pytest.param(
            {
                f"{MD}.syndromes[1]": {
                    "syndrome_name": "Dravet syndrome",
                    "syndrome_diagnosis_date": "2023-04-01",
                }
            },
            (24, 24),
            id="two-syndromes",
        ),
        pytest.param(
            {f"{MD}.syndromes[0].syndrome_diagnosis_date": REMOVE}, (22, 21), id="syndrome-no-date"
        ),
        pytest.param(
            {f"{MD}.syndrome_present": False, f"{MD}.syndromes": []}, (20, 20), id="no-syndrome"
        ),
        pytest.param({f"{MD}.epilepsy_cause_categories": []}, (22, 21), id="cause-no-category"),
        pytest.param({f"{MD}.epilepsy_cause": REMOVE}, (22, 21), id="cause-not-named"),
        pytest.param(
            {
                f"{MD}.epilepsy_cause_known": False,
                f"{MD}.epilepsy_cause": REMOVE,
                f"{MD}.epilepsy_cause_categories": [],
            },
            (20, 20),
            id="cause-not-known",
        ),
        pytest.param({f"{MD}.comorbidities": []}, (22, 20), id="comorbidity-flagged-none-added"),
        pytest.param(
            {
                f"{MD}.relevant_impairments_behavioural_educational": False,
                f"{MD}.comorbidities": [],
            },
            (20, 20),
            id="no-comorbidity",
        ),
        pytest.param(
            {f"{MD}.mental_health_issues": []}, (22, 21), id="mental-health-issue-unnamed"
        ),
        pytest.param(
            {f"{MD}.mental_health_issue_identified": False, f"{MD}.mental_health_issues": []},
            (21, 21),
            id="no-mental-health-issue",
        ),
        pytest.param(
            {f"{MD}.global_developmental_delay_or_learning_difficulties_severity": REMOVE},
            (22, 21),
            id="delay-severity-missing",
        ),
        pytest.param(
            {
                f"{MD}.global_developmental_delay_or_learning_difficulties": False,
                f"{MD}.global_developmental_delay_or_learning_difficulties_severity": REMOVE,
            },
            (21, 21),
            id="no-delay",
        ),
        pytest.param({MD: REMOVE}, (12, 0), id="no-diagnosis-form"),
    ],
)
def test_multiaxial_diagnosis(changes, expected):
    assert progress("multiaxial_diagnosis", changes) == expected


def not_made(pathway: str) -> dict:
    return {
        f"{A}.{pathway}_referral_made": False,
        f"{A}.{pathway}_referral_date": REMOVE,
        f"{A}.{pathway}_input_date": REMOVE,
    }


PATHWAYS = (
    "consultant_paediatrician",
    "paediatric_neurologist",
    "childrens_epilepsy_surgical_service",
    "epilepsy_specialist_nurse",
)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, (15, 15), id="complete"),
        pytest.param(not_made("consultant_paediatrician"), (12, 12), id="no-paediatrician"),
        pytest.param(not_made("paediatric_neurologist"), (12, 12), id="no-neurologist"),
        pytest.param(not_made("childrens_epilepsy_surgical_service"), (13, 13), id="no-surgery"),
        pytest.param(not_made("epilepsy_specialist_nurse"), (13, 13), id="no-nurse"),
        pytest.param(
            {k: v for p in PATHWAYS for k, v in not_made(p).items()}, (5, 5), id="no-referrals"
        ),
        pytest.param(
            {f"{A}.childrens_epilepsy_surgical_service_referral_criteria_met": REMOVE},
            (15, 14),
            id="criteria-unanswered",
        ),
        pytest.param(
            {f"{A}.epilepsy_specialist_nurse_input_date": REMOVE},
            (15, 14),
            id="nurse-input-missing",
        ),
        pytest.param(
            {f"{A}.childrens_epilepsy_surgical_service_input_date": "2023-04-01"},
            (15, 15),
            id="surgery-input-date-not-counted",
        ),
        pytest.param(
            {"sites[0].site_is_general_paediatric_centre": False},
            (15, 14),
            id="no-paediatric-centre",
        ),
        pytest.param(
            {"sites[1].site_is_actively_involved_in_epilepsy_care": False},
            (15, 13),
            id="centre-no-longer-involved",
        ),
        pytest.param(
            {"sites[1].site_is_paediatric_neurology_centre": False},
            (15, 14),
            id="no-neurology-centre",
        ),
        pytest.param({"sites": LEAD_ONLY}, (15, 12), id="no-centres-listed"),
        pytest.param({"sites": REMOVE}, (15, 12), id="sites-not-listed"),
        pytest.param(
            {"sites[0].site_is_paediatric_neurology_centre": True}, (15, 15), id="one-per-pathway"
        ),
        pytest.param({A: REMOVE}, (5, 0), id="no-assessment-form"),
    ],
)
def test_assessment(changes, expected):
    assert progress("assessment", changes) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, (8, 8), id="complete"),
        pytest.param(
            {f"{I}.eeg_declined": True, f"{I}.eeg_performed_date": REMOVE},
            (7, 7),
            id="eeg-declined",
        ),
        pytest.param(
            {
                f"{I}.eeg_declined": True,
                f"{I}.eeg_request_date": REMOVE,
                f"{I}.eeg_performed_date": REMOVE,
            },
            (7, 7),
            id="eeg-declined-no-dates",
        ),
        pytest.param(
            {f"{I}.mri_declined": True, f"{I}.mri_brain_reported_date": REMOVE},
            (7, 7),
            id="mri-declined",
        ),
        pytest.param({f"{I}.eeg_declined": False}, (8, 8), id="eeg-not-declined"),
        pytest.param(
            {
                f"{I}.eeg_indicated": False,
                f"{I}.eeg_request_date": REMOVE,
                f"{I}.eeg_performed_date": REMOVE,
            },
            (6, 6),
            id="no-eeg",
        ),
        pytest.param(
            {
                f"{I}.mri_indicated": False,
                f"{I}.mri_brain_requested_date": REMOVE,
                f"{I}.mri_brain_reported_date": REMOVE,
            },
            (6, 6),
            id="no-mri",
        ),
        pytest.param({f"{I}.mri_brain_reported_date": REMOVE}, (8, 7), id="mri-report-missing"),
        pytest.param({f"{I}.ct_head_scan_status": REMOVE}, (8, 7), id="ct-unanswered"),
        pytest.param({I: REMOVE}, (4, 0), id="no-investigations-form"),
    ],
)
def test_investigations(changes, expected):
    assert progress("investigations", changes) == expected


LEVETIRACETAM = {
    "medicine_name": "Levetiracetam",
    "is_rescue_medicine": False,
    "antiepilepsy_medicine_start_date": "2023-03-01",
    "antiepilepsy_medicine_risk_discussed": True,
}
RESCUE_ONLY = [
    {
        "medicine_name": "Buccal midazolam",
        "is_rescue_medicine": True,
        "antiepilepsy_medicine_start_date": "2023-01-20",
        "antiepilepsy_medicine_risk_discussed": True,
    }
]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, (23, 23), id="complete"),
        pytest.param({"case.sex": 1}, (21, 21), id="boy-no-pregnancy-answers"),
        pytest.param({"case.date_of_birth": born(12, days=1)}, (21, 21), id="girl-aged-11"),
        pytest.param({"case.date_of_birth": born(12)}, (23, 23), id="girl-12-on-fpa"),
        pytest.param(
            {f"{VALPROATE}.is_a_pregnancy_prevention_programme_needed": False},
            (21, 21),
            id="programme-not-needed",
        ),
        pytest.param(
            {f"{VALPROATE}.is_a_pregnancy_prevention_programme_needed": REMOVE},
            (21, 21),
            id="programme-need-unanswered",
        ),
        pytest.param(
            {f"{VALPROATE}.is_a_pregnancy_prevention_programme_in_place": REMOVE},
            (23, 22),
            id="programme-unanswered",
        ),
        pytest.param(
            {f"{M}.antiepilepsy_medicines": RESCUE_ONLY}, (21, 18), id="medicine-given-none-listed"
        ),
        pytest.param(
            {f"{M}.antiepilepsy_medicines[2]": LEVETIRACETAM}, (26, 26), id="two-maintenance"
        ),
        pytest.param(
            {f"{VALPROATE}.antiepilepsy_medicine_start_date": REMOVE}, (23, 22), id="no-start-date"
        ),
        pytest.param(
            {f"{VALPROATE}.antiepilepsy_medicine_stop_date": "2023-09-01"},
            (23, 23),
            id="stop-date-not-counted",
        ),
        pytest.param(
            {f"{M}.antiepilepsy_medicines[1].antiepilepsy_medicine_risk_discussed": REMOVE},
            (23, 22),
            id="rescue-risk-unanswered",
        ),
        pytest.param(
            {f"{M}.antiepilepsy_medicines": [LEVETIRACETAM]}, (21, 18), id="rescue-none-listed"
        ),
        pytest.param(
            {
                f"{M}.has_rescue_medication_been_prescribed": False,
                f"{M}.antiepilepsy_medicines[1]": LEVETIRACETAM,
            },
            (23, 23),
            id="no-rescue",
        ),
        pytest.param(
            {
                f"{M}.individualised_care_plan_in_place": False,
                **{f"{M}.{answer}": REMOVE for answer in CARE_PLAN_ANSWERS},
            },
            (13, 13),
            id="no-care-plan",
        ),
        pytest.param(
            {f"{M}.individualised_care_plan_date": REMOVE}, (23, 22), id="care-plan-date-missing"
        ),
        pytest.param(
            {f"{M}.has_been_referred_for_mental_health_support": REMOVE},
            (23, 22),
            id="mental-health-referral-unanswered",
        ),
        pytest.param({M: REMOVE}, (5, 0), id="no-management-form"),
    ],
)
def test_management(changes, expected):
    assert progress("management", changes) == expected
