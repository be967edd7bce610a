"""Answers that contradict another answer, lookup names, repeated rows and lead sites."""

from __future__ import annotations

import pytest

from domain.epilepsy12.validation import RecordError, answers_to_clear, parse_record
from tests.domain.epilepsy12.builders import LOOKUPS, REMOVE, TODAY, child, data

A = "assessment"
I = "investigations"  # noqa: E741
MD = "multiaxial_diagnosis"
EPISODE = f"{MD}.episodes[0]"
M = "management"
VALPROATE = f"{M}.antiepilepsy_medicines[0]"
RESCUE = f"{M}.antiepilepsy_medicines[1]"


def problems(changes: dict) -> dict[str, str]:
    try:
        parse_record(data(changes), today=TODAY, lookups=LOOKUPS)
    except RecordError as error:
        return {p.path: p.message for p in error.problems}
    return {}


@pytest.mark.parametrize(
    "pathway",
    [
        "consultant_paediatrician",
        "paediatric_neurologist",
        "childrens_epilepsy_surgical_service",
        "epilepsy_specialist_nurse",
    ],
)
@pytest.mark.parametrize("made", [False, REMOVE], ids=["not-made", "unanswered"])
def test_referral_dates_need_the_referral_made(pathway, made):
    changes = {f"{A}.{pathway}_referral_made": made, f"{A}.{pathway}_input_date": "2023-04-01"}
    found = problems(changes)
    message = f"must be left empty unless {pathway}_referral_made is true"
    assert found[f"{A}.{pathway}_referral_date"] == message
    assert found[f"{A}.{pathway}_input_date"] == message


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            {f"{I}.eeg_indicated": False, f"{I}.eeg_performed_date": REMOVE},
            {f"{I}.eeg_request_date": "must be left empty unless eeg_indicated is true"},
            id="eeg-dates-without-eeg",
        ),
        pytest.param(
            {f"{I}.eeg_declined": True},
            {f"{I}.eeg_performed_date": "must be left empty unless eeg_declined is not true"},
            id="declined-eeg-performed",
        ),
        pytest.param(
            {
                f"{I}.eeg_indicated": False,
                f"{I}.eeg_request_date": REMOVE,
                f"{I}.eeg_performed_date": REMOVE,
                f"{I}.eeg_declined": True,
            },
            {f"{I}.eeg_declined": "must be left empty unless eeg_indicated is true"},
            id="declined-without-eeg",
        ),
        pytest.param(
            {f"{I}.mri_declined": True},
            {f"{I}.mri_brain_reported_date": "must be left empty unless mri_declined is not true"},
            id="declined-mri-reported",
        ),
        pytest.param(
            {f"{I}.eeg_declined": True, f"{I}.eeg_performed_date": REMOVE},
            {},
            id="declined-eeg-with-request-date",
        ),
        pytest.param(
            {
                f"{I}.mri_indicated": False,
                f"{I}.mri_brain_requested_date": REMOVE,
                f"{I}.mri_brain_reported_date": REMOVE,
                f"{I}.mri_declined": False,
            },
            {},
            id="not-declined-answered-no",
        ),
        pytest.param(
            {
                f"{EPISODE}.focal_onset_left": False,
                f"{EPISODE}.epileptic_seizure_onset_type": "GO",
                f"{EPISODE}.focal_onset_impaired_awareness": REMOVE,
                f"{EPISODE}.epileptic_generalised_onset": "TCl",
            },
            {},
            id="focal-no-on-generalised-seizure",
        ),
        pytest.param(
            {
                f"{EPISODE}.epileptic_seizure_onset_type": "GO",
                f"{EPISODE}.epileptic_generalised_onset": "TCl",
            },
            {
                f"{EPISODE}.focal_onset_left": (
                    "must be left empty unless epileptic_seizure_onset_type is 'FO'"
                ),
                f"{EPISODE}.focal_onset_impaired_awareness": (
                    "must be left empty unless epileptic_seizure_onset_type is 'FO'"
                ),
            },
            id="focal-features-of-generalised-seizure",
        ),
        pytest.param(
            {f"{EPISODE}.epileptic_generalised_onset": "TCl"},
            {
                f"{EPISODE}.epileptic_generalised_onset": (
                    "must be left empty unless epileptic_seizure_onset_type is 'GO'"
                )
            },
            id="generalised-type-of-focal-seizure",
        ),
        pytest.param(
            {
                f"{EPISODE}.epilepsy_or_nonepilepsy_status": "NE",
                f"{EPISODE}.focal_onset_left": REMOVE,
                f"{EPISODE}.focal_onset_impaired_awareness": REMOVE,
            },
            {
                f"{EPISODE}.epileptic_seizure_onset_type": (
                    "must be left empty unless epilepsy_or_nonepilepsy_status is 'E'"
                )
            },
            id="onset-type-of-non-epileptic-episode",
        ),
        pytest.param(
            {f"{EPISODE}.nonepileptic_seizure_type": "SAS"},
            {
                f"{EPISODE}.nonepileptic_seizure_type": (
                    "must be left empty unless epilepsy_or_nonepilepsy_status is 'NE'"
                )
            },
            id="non-epileptic-type-of-epileptic-episode",
        ),
        pytest.param(
            {
                f"{EPISODE}.epilepsy_or_nonepilepsy_status": "NE",
                f"{EPISODE}.epileptic_seizure_onset_type": REMOVE,
                f"{EPISODE}.focal_onset_left": REMOVE,
                f"{EPISODE}.focal_onset_impaired_awareness": REMOVE,
                f"{EPISODE}.nonepileptic_seizure_type": "BPP",
                f"{EPISODE}.nonepileptic_seizure_syncope": "a",
            },
            {
                f"{EPISODE}.nonepileptic_seizure_syncope": (
                    "must be left empty unless nonepileptic_seizure_type is 'SAS'"
                )
            },
            id="subtype-of-another-type",
        ),
        pytest.param(
            {
                f"{EPISODE}.epilepsy_or_nonepilepsy_status": "NE",
                f"{EPISODE}.epileptic_seizure_onset_type": REMOVE,
                f"{EPISODE}.focal_onset_left": REMOVE,
                f"{EPISODE}.focal_onset_impaired_awareness": REMOVE,
                f"{EPISODE}.nonepileptic_seizure_type": "SAS",
                f"{EPISODE}.nonepileptic_seizure_other": "Fainting",
            },
            {
                f"{EPISODE}.nonepileptic_seizure_other": (
                    "must be left empty unless nonepileptic_seizure_type is 'Oth'"
                )
            },
            id="other-text-of-a-listed-type",
        ),
        pytest.param(
            {f"{MD}.syndrome_present": False},
            {f"{MD}.syndromes": "must be left empty unless syndrome_present is true"},
            id="syndromes-without-syndrome",
        ),
        pytest.param(
            {f"{MD}.epilepsy_cause_known": False},
            {
                f"{MD}.epilepsy_cause": "must be left empty unless epilepsy_cause_known is true",
                f"{MD}.epilepsy_cause_categories": (
                    "must be left empty unless epilepsy_cause_known is true"
                ),
            },
            id="cause-without-known-cause",
        ),
        pytest.param(
            {f"{MD}.relevant_impairments_behavioural_educational": REMOVE},
            {
                f"{MD}.comorbidities": (
                    "must be left empty unless relevant_impairments_behavioural_educational is true"
                )
            },
            id="comorbidities-unflagged",
        ),
        pytest.param(
            {f"{MD}.mental_health_issue_identified": False},
            {
                f"{MD}.mental_health_issues": (
                    "must be left empty unless mental_health_issue_identified is true"
                )
            },
            id="issues-without-issue",
        ),
        pytest.param(
            {f"{MD}.global_developmental_delay_or_learning_difficulties": False},
            {
                f"{MD}.global_developmental_delay_or_learning_difficulties_severity": (
                    "must be left empty unless global_developmental_delay_or_learning_difficulties "
                    "is true"
                )
            },
            id="severity-without-delay",
        ),
        pytest.param(
            {f"{RESCUE}.is_a_pregnancy_prevention_programme_in_place": True},
            {
                f"{RESCUE}.is_a_pregnancy_prevention_programme_in_place": (
                    "must be left empty unless medicine_name is 'Sodium valproate'"
                )
            },
            id="pregnancy-answers-for-another-medicine",
        ),
        pytest.param(
            {f"{M}.has_an_aed_been_given": False},
            {
                VALPROATE: (
                    "is a maintenance medicine, which can be listed only when "
                    "management.has_an_aed_been_given is true"
                )
            },
            id="maintenance-medicine-not-given",
        ),
        pytest.param(
            {f"{M}.has_rescue_medication_been_prescribed": REMOVE},
            {
                RESCUE: (
                    "is a rescue medicine, which can be listed only when "
                    "management.has_rescue_medication_been_prescribed is true"
                )
            },
            id="rescue-medicine-not-prescribed",
        ),
        pytest.param(
            {f"{RESCUE}.is_rescue_medicine": REMOVE},
            {
                f"{RESCUE}.is_rescue_medicine": (
                    "is required: true for a rescue medicine, false for a maintenance medicine"
                )
            },
            id="medicine-kind-missing",
        ),
    ],
)
def test_contradicting_answers(changes, expected):
    assert problems(changes) == expected


CARE_PLAN_DETAILS = (
    "individualised_care_plan_date",
    "individualised_care_plan_includes_ehcp",
    "individualised_care_plan_addresses_sudep",
    "has_individualised_care_plan_been_updated_in_the_last_year",
)


@pytest.mark.parametrize("answer", CARE_PLAN_DETAILS)
def test_care_plan_details_need_a_care_plan(answer):
    found = problems({f"{M}.individualised_care_plan_in_place": False})
    assert (
        found[f"{M}.{answer}"]
        == "must be left empty unless individualised_care_plan_in_place is true"
    )


@pytest.mark.parametrize(
    ("changes", "path", "message"),
    [
        pytest.param(
            {f"{MD}.syndromes[0].syndrome_name": "dravet syndrome"},
            f"{MD}.syndromes[0].syndrome_name",
            "'dravet syndrome' is not in the syndrome list; did you mean 'Dravet syndrome'?",
            id="syndrome-case",
        ),
        pytest.param(
            {f"{MD}.syndromes[0].syndrome_name": "Lennox-Gastaut syndrome"},
            f"{MD}.syndromes[0].syndrome_name",
            "'Lennox-Gastaut syndrome' is not in the syndrome list; "
            "did you mean 'Lennox–Gastaut syndrome'?",
            id="syndrome-hyphen-for-en-dash",
        ),
        pytest.param(
            {f"{MD}.syndromes[0].syndrome_name": "Made-up syndrome"},
            f"{MD}.syndromes[0].syndrome_name",
            "'Made-up syndrome' is not in the syndrome list",
            id="syndrome-unknown",
        ),
        pytest.param(
            {f"{MD}.comorbidities[0].comorbidity_name": "Dyslexic"},
            f"{MD}.comorbidities[0].comorbidity_name",
            "'Dyslexic' is not in the comorbidity list; did you mean 'Dyslexia'?",
            id="comorbidity",
        ),
        pytest.param(
            {f"{MD}.epilepsy_cause": "Bad luck"},
            f"{MD}.epilepsy_cause",
            "'Bad luck' is not in the epilepsy cause list",
            id="cause",
        ),
        pytest.param(
            {f"{EPISODE}.description_keywords": ["fear", "terror"]},
            f"{EPISODE}.description_keywords",
            "'terror' is not in the semiology keyword list",
            id="keyword",
        ),
        pytest.param(
            {f"{VALPROATE}.medicine_name": "Sodium Valproate"},
            f"{VALPROATE}.medicine_name",
            "'Sodium Valproate' is not in the medicine list; did you mean 'Sodium valproate'?",
            id="medicine-case",
        ),
        pytest.param(
            {f"{RESCUE}.medicine_name": "Levetiracetam"},
            f"{RESCUE}.medicine_name",
            "'Levetiracetam' is not a rescue medicine",
            id="maintenance-medicine-as-rescue",
        ),
        pytest.param(
            {f"{MD}.syndromes[1]": {"syndrome_name": "Lennox–Gastaut syndrome"}},
            f"{MD}.syndromes[1].syndrome_name",
            "repeats row 0; list each one once",
            id="syndrome-twice",
        ),
        pytest.param(
            {f"{MD}.comorbidities[1]": {"comorbidity_name": "Dyslexia"}},
            f"{MD}.comorbidities[1].comorbidity_name",
            "repeats row 0; list each one once",
            id="comorbidity-twice",
        ),
        pytest.param(
            {
                f"{M}.antiepilepsy_medicines[2]": {
                    "medicine_name": "Buccal midazolam",
                    "is_rescue_medicine": True,
                }
            },
            f"{M}.antiepilepsy_medicines[2].medicine_name",
            "repeats row 1; list each one once",
            id="medicine-twice",
        ),
        pytest.param(
            {"sites[1].site_is_primary_centre_of_epilepsy_care": True},
            "sites[1].site_is_primary_centre_of_epilepsy_care",
            "only one active site can lead the child's care (sites[0] already does)",
            id="two-lead-sites",
        ),
        pytest.param(
            {"sites[1].ods_code": "rgt01"},
            "sites[1].ods_code",
            "repeats row 0; list each one once",
            id="site-twice",
        ),
    ],
)
def test_list_problems(changes, path, message):
    assert problems(changes) == {path: message}


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param(
            {
                f"{M}.antiepilepsy_medicines[2]": {
                    "medicine_name": "Other",
                    "is_rescue_medicine": False,
                },
                f"{M}.antiepilepsy_medicines[3]": {
                    "medicine_name": "Other",
                    "is_rescue_medicine": True,
                },
            },
            id="other-as-both-kinds",
        ),
        pytest.param(
            {
                "sites[2]": {
                    "ods_code": "RGT02",
                    "site_is_primary_centre_of_epilepsy_care": True,
                    "site_is_actively_involved_in_epilepsy_care": False,
                }
            },
            id="former-lead-site",
        ),
        pytest.param({"sites": []}, id="no-sites"),
    ],
)
def test_allowed_lists(changes):
    assert problems(changes) == {}


@pytest.mark.parametrize(
    ("section", "kind", "field", "value", "cleared"),
    [
        pytest.param(
            A,
            "assessment",
            "consultant_paediatrician_referral_made",
            False,
            ["consultant_paediatrician_referral_date", "consultant_paediatrician_input_date"],
            id="referral-not-made",
        ),
        pytest.param(
            A,
            "assessment",
            "consultant_paediatrician_referral_made",
            True,
            [],
            id="referral-still-made",
        ),
        pytest.param(
            I,
            "investigations",
            "eeg_indicated",
            False,
            ["eeg_request_date", "eeg_performed_date"],
            id="no-eeg",
        ),
        pytest.param(
            I,
            "investigations",
            "mri_declined",
            True,
            ["mri_brain_reported_date"],
            id="mri-declined",
        ),
        pytest.param(
            EPISODE,
            "episode",
            "epilepsy_or_nonepilepsy_status",
            "NE",
            ["epileptic_seizure_onset_type", "focal_onset_left", "focal_onset_impaired_awareness"],
            id="epileptic-to-non-epileptic",
        ),
        pytest.param(
            EPISODE,
            "episode",
            "epileptic_seizure_onset_type",
            "GO",
            ["focal_onset_left", "focal_onset_impaired_awareness"],
            id="focal-to-generalised",
        ),
        pytest.param(
            MD, "multiaxial_diagnosis", "syndrome_present", False, ["syndromes"], id="no-syndrome"
        ),
        pytest.param(
            M,
            "management",
            "individualised_care_plan_in_place",
            False,
            [
                "individualised_care_plan_date",
                "individualised_care_plan_has_parent_carer_child_agreement",
                "individualised_care_plan_includes_service_contact_details",
                "individualised_care_plan_include_first_aid",
                "individualised_care_plan_parental_prolonged_seizure_care",
                "individualised_care_plan_includes_general_participation_risk",
                "individualised_care_plan_addresses_water_safety",
                "individualised_care_plan_addresses_sudep",
                "individualised_care_plan_includes_ehcp",
                "has_individualised_care_plan_been_updated_in_the_last_year",
            ],
            id="no-care-plan",
        ),
        pytest.param(
            VALPROATE,
            "medicine",
            "medicine_name",
            "Levetiracetam",
            [
                "is_a_pregnancy_prevention_programme_needed",
                "is_a_pregnancy_prevention_programme_in_place",
                "has_a_valproate_annual_risk_acknowledgement_form_been_completed",
            ],
            id="valproate-changed",
        ),
    ],
)
def test_answers_to_clear(section, kind, field, value, cleared):
    record = child()
    holder = record
    for part in section.split("."):
        name, _, index = part.partition("[")
        holder = getattr(holder, name)
        if index:
            holder = holder[int(index[:-1])]
    assert answers_to_clear(holder, kind, field, value) == cleared
