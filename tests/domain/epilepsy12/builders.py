"""A complete record of a child who passes every measure, and ways to change one thing about it.

The child: a girl born 15 June 2009, first assessed on 10 January 2023 (aged 13, cohort 6), led by
Addenbrooke's (RGT01), with every answer given and every measure passed. Each test changes only
what it is about, by dotted path: ``child({"assessment.consultant_paediatrician_input_date":
"2023-01-25"})``.
"""

from __future__ import annotations

import copy
import re
from datetime import date, timedelta
from typing import Any

from domain.epilepsy12.ages import years_after
from domain.epilepsy12.lookup_files import load_lookups
from domain.epilepsy12.record import Record

TODAY = date(2025, 1, 1)
BORN = date(2009, 6, 15)
FIRST_ASSESSMENT = date(2023, 1, 10)
FIRST_YEAR_END = date(2024, 1, 10)
LOOKUPS = load_lookups()

_EPISODE = {
    "seizure_onset_date": "2022-11-20",
    "seizure_onset_date_confidence": "Exc",
    "episode_definition": "c",
    "has_description_of_the_episode_or_episodes_been_gathered": True,
    "description": "Stared and did not respond for a minute, then jerked her right arm.",
    "description_keywords": ["responsiveness impairment"],
    "epilepsy_or_nonepilepsy_status": "E",
    "epileptic_seizure_onset_type": "FO",
    "focal_onset_left": True,
    "focal_onset_impaired_awareness": True,
}

COMPLETE: dict[str, Any] = {
    "case": {
        "nhs_number": "943 476 5919",
        "first_name": "Ada",
        "surname": "Example",
        "sex": 2,
        "date_of_birth": BORN.isoformat(),
        "postcode": "CB2 0QQ",
        "ethnicity": "A",
    },
    "sites": [
        {
            "ods_code": "RGT01",
            "site_is_primary_centre_of_epilepsy_care": True,
            "site_is_general_paediatric_centre": True,
        },
        {
            "ods_code": "RGT01X",
            "site_is_paediatric_neurology_centre": True,
            "site_is_childrens_epilepsy_surgery_centre": True,
        },
    ],
    "registration": {
        "first_paediatric_assessment_date": FIRST_ASSESSMENT.isoformat(),
        "eligibility_criteria_met": True,
    },
    "first_paediatric_assessment": {
        "first_paediatric_assessment_in_acute_or_nonacute_setting": 2,
        "has_number_of_episodes_since_the_first_been_documented": True,
        "general_examination_performed": True,
        "neurological_examination_performed": True,
        "developmental_learning_or_schooling_problems": False,
        "behavioural_or_emotional_problems": False,
    },
    "epilepsy_context": {
        "previous_febrile_seizure": "N",
        "previous_acute_symptomatic_seizure": "N",
        "is_there_a_family_history_of_epilepsy": "U",
        "previous_neonatal_seizures": "N",
        "diagnosis_of_epilepsy_withdrawn": False,
        "were_any_of_the_epileptic_seizures_convulsive": True,
        "experienced_prolonged_generalized_convulsive_seizures": "N",
        "experienced_prolonged_focal_seizures": "N",
    },
    "multiaxial_diagnosis": {
        "syndrome_present": True,
        "syndromes": [
            {"syndrome_name": "Lennox–Gastaut syndrome", "syndrome_diagnosis_date": "2023-03-01"}
        ],
        "epilepsy_cause_known": True,
        "epilepsy_cause": "22q11.2 deletion syndrome",
        "epilepsy_cause_categories": ["Gen"],
        "relevant_impairments_behavioural_educational": True,
        "comorbidities": [
            {"comorbidity_name": "Dyslexia", "comorbidity_diagnosis_date": "2018-09-01"}
        ],
        "global_developmental_delay_or_learning_difficulties": True,
        "global_developmental_delay_or_learning_difficulties_severity": "mild",
        "autistic_spectrum_disorder": False,
        "mental_health_screen": True,
        "mental_health_issue_identified": True,
        "mental_health_issues": ["AxD"],
        "episodes": [_EPISODE],
    },
    "assessment": {
        "childrens_epilepsy_surgical_service_referral_criteria_met": True,
        "consultant_paediatrician_referral_made": True,
        "consultant_paediatrician_referral_date": "2023-01-10",
        "consultant_paediatrician_input_date": "2023-01-20",
        "paediatric_neurologist_referral_made": True,
        "paediatric_neurologist_referral_date": "2023-01-12",
        "paediatric_neurologist_input_date": "2023-02-15",
        "childrens_epilepsy_surgical_service_referral_made": True,
        "childrens_epilepsy_surgical_service_referral_date": "2023-03-01",
        "epilepsy_specialist_nurse_referral_made": True,
        "epilepsy_specialist_nurse_referral_date": "2023-01-10",
        "epilepsy_specialist_nurse_input_date": "2023-02-01",
    },
    "investigations": {
        "eeg_indicated": True,
        "eeg_request_date": "2023-01-10",
        "eeg_performed_date": "2023-01-30",
        "twelve_lead_ecg_status": True,
        "ct_head_scan_status": False,
        "mri_indicated": True,
        "mri_brain_requested_date": "2023-01-15",
        "mri_brain_reported_date": "2023-02-10",
    },
    "management": {
        "has_an_aed_been_given": True,
        "has_rescue_medication_been_prescribed": True,
        "antiepilepsy_medicines": [
            {
                "medicine_name": "Sodium valproate",
                "is_rescue_medicine": False,
                "antiepilepsy_medicine_start_date": "2023-01-20",
                "antiepilepsy_medicine_risk_discussed": True,
                "is_a_pregnancy_prevention_programme_needed": True,
                "is_a_pregnancy_prevention_programme_in_place": True,
                "has_a_valproate_annual_risk_acknowledgement_form_been_completed": True,
            },
            {
                "medicine_name": "Buccal midazolam",
                "is_rescue_medicine": True,
                "antiepilepsy_medicine_start_date": "2023-01-20",
                "antiepilepsy_medicine_risk_discussed": True,
            },
        ],
        "individualised_care_plan_in_place": True,
        "individualised_care_plan_date": "2023-02-01",
        "individualised_care_plan_has_parent_carer_child_agreement": True,
        "individualised_care_plan_includes_service_contact_details": True,
        "individualised_care_plan_include_first_aid": True,
        "individualised_care_plan_parental_prolonged_seizure_care": True,
        "individualised_care_plan_includes_general_participation_risk": True,
        "individualised_care_plan_addresses_water_safety": True,
        "individualised_care_plan_addresses_sudep": True,
        "individualised_care_plan_includes_ehcp": True,
        "has_individualised_care_plan_been_updated_in_the_last_year": True,
        "has_been_referred_for_mental_health_support": True,
        "has_support_for_mental_health_support": True,
    },
}

_STEP = re.compile(r"([a-z_0-9]+)(?:\[(\d+)\])?")
REMOVE = object()
"""Pass as a value to delete the key (an unanswered question, or a missing form)."""


def _steps(path: str) -> list[str | int]:
    steps: list[str | int] = []
    for part in path.split("."):
        match = _STEP.fullmatch(part)
        assert match, f"bad path {path!r}"
        steps.append(match[1])
        if match[2] is not None:
            steps.append(int(match[2]))
    return steps


def data(changes: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return the complete record as JSON data with ``changes`` (dotted path → value) applied.

    A row index one past the end appends a row.
    """
    result = copy.deepcopy(COMPLETE)
    for path, value in (changes or {}).items():
        *parents, last = _steps(path)
        holder: Any = result
        for step in parents:
            holder = holder[step]
        value = value.isoformat() if isinstance(value, date) else value
        if value is REMOVE:
            holder.pop(last, None)
        elif isinstance(holder, list) and last == len(holder):
            holder.append(value)
        else:
            holder[last] = value
    return result


def child(changes: dict[str, Any] | None = None) -> Record:
    """Return the complete record with ``changes`` applied, checked for shape only."""
    return Record.model_validate(data(changes))


def born(years_before_assessment: int, *, days: int = 0) -> str:
    """The birth date ``years`` before the first assessment, moved ``days`` later.

    ``born(5)`` puts the fifth birthday on the assessment day; ``days=1`` puts it on the day
    after (the child is still 4), ``days=-1`` on the day before (already 5).
    """
    birthday = years_after(FIRST_ASSESSMENT, -years_before_assessment)
    return (birthday + timedelta(days=days)).isoformat()
