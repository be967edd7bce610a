"""Every question of the seven audit forms as a clinician reads it: wording, help and answer kind.

Field names are the record's; the wording is ours, written from the audit's definitions.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.epilepsy12.codes import (
    CHRONICITY,
    DATE_ACCURACY,
    EPILEPSY_CAUSE_CATEGORY,
    EPILEPSY_DIAGNOSIS_STATUS,
    EPILEPTIC_SEIZURE_ONSET_TYPE,
    EPISODE_DEFINITION,
    GENERALISED_SEIZURE_TYPE,
    MENTAL_HEALTH_ISSUE,
    NONEPILEPTIC_SEIZURE_TYPE,
    NONEPILEPTIC_SEIZURE_UNKNOWN_ONSET,
    NONEPILEPTIC_SUBTYPES,
    SEVERITY,
    YES_NO_UNCERTAIN,
)

YES_NO = "yes_no"  # a tri-state answer: yes, no, or not answered
CHOICE = "choice"  # one of a few codes, as buttons
SELECT = "select"  # one of many codes, as a list
DATE = "date"
MULTI = "multi"  # any of a few codes
LOOKUP = "lookup"  # a name from a lookup list
TEXT = "text"
FLAG = "flag"  # a tick box: ticked is yes, unticked no


@dataclass(frozen=True)
class Question:
    field: str
    label: str
    help: str = ""
    kind: str = YES_NO
    options: dict | None = None
    lookup: str | None = None


def q(field, label, help="", kind=YES_NO, options=None, lookup=None) -> Question:
    return Question(field, label, help, kind, options, lookup)


FIRST_PAEDIATRIC_ASSESSMENT = (
    q(
        "first_paediatric_assessment_in_acute_or_nonacute_setting",
        "Where did the first paediatric assessment take place?",
        "Acute: an emergency or same-day setting. Non-acute: a planned clinic.",
        CHOICE,
        CHRONICITY,
    ),
    q(
        "has_number_of_episodes_since_the_first_been_documented",
        "Was the number of episodes since the first one documented?",
    ),
    q("general_examination_performed", "Was a general examination performed?"),
    q("neurological_examination_performed", "Was a neurological examination performed?"),
    q(
        "developmental_learning_or_schooling_problems",
        "Were developmental, learning or schooling problems identified?",
    ),
    q("behavioural_or_emotional_problems", "Were behavioural or emotional problems identified?"),
)

EPILEPSY_CONTEXT = (
    q(
        "previous_febrile_seizure",
        "Any previous febrile seizures?",
        kind=CHOICE,
        options=YES_NO_UNCERTAIN,
    ),
    q(
        "previous_acute_symptomatic_seizure",
        "Any previous acute symptomatic seizures?",
        "Seizures provoked by an acute illness or injury of the brain.",
        CHOICE,
        YES_NO_UNCERTAIN,
    ),
    q(
        "is_there_a_family_history_of_epilepsy",
        "Is there a family history of epilepsy?",
        "In a first-degree relative.",
        CHOICE,
        YES_NO_UNCERTAIN,
    ),
    q(
        "previous_neonatal_seizures",
        "Any seizures in the neonatal period?",
        kind=CHOICE,
        options=YES_NO_UNCERTAIN,
    ),
    q(
        "were_any_of_the_epileptic_seizures_convulsive",
        "Were any of the epileptic seizures convulsive?",
        "Decides whether a 12-lead ECG is expected (measure 4).",
    ),
    q(
        "experienced_prolonged_generalized_convulsive_seizures",
        "Any prolonged generalised convulsive seizures (longer than 5 minutes)?",
        kind=CHOICE,
        options=YES_NO_UNCERTAIN,
    ),
    q(
        "experienced_prolonged_focal_seizures",
        "Any prolonged focal seizures (longer than 5 minutes)?",
        kind=CHOICE,
        options=YES_NO_UNCERTAIN,
    ),
    q(
        "diagnosis_of_epilepsy_withdrawn",
        "Was the diagnosis of epilepsy withdrawn within the first year?",
    ),
)

MULTIAXIAL_DIAGNOSIS = (
    q("syndrome_present", "Has an epilepsy syndrome been diagnosed?", "Add each syndrome below."),
    q("epilepsy_cause_known", "Is the cause of the epilepsy known?"),
    q(
        "epilepsy_cause",
        "Cause",
        "Choose the nearest term from the list.",
        LOOKUP,
        lookup="epilepsy_causes",
    ),
    q(
        "epilepsy_cause_categories",
        "Category of the cause",
        "Tick every category that applies.",
        MULTI,
        EPILEPSY_CAUSE_CATEGORY,
    ),
    q(
        "relevant_impairments_behavioural_educational",
        "Are there relevant behavioural, educational or developmental impairments?",
        "Add each comorbidity below.",
    ),
    q(
        "global_developmental_delay_or_learning_difficulties",
        "Global developmental delay (under 5) or learning disability (5 and over)?",
    ),
    q(
        "global_developmental_delay_or_learning_difficulties_severity",
        "How severe?",
        kind=CHOICE,
        options=SEVERITY,
    ),
    q("autistic_spectrum_disorder", "Autistic spectrum disorder?"),
    q(
        "mental_health_screen",
        "Was the child screened for mental health problems?",
        "Measure 6, for children aged 5 and over.",
    ),
    q("mental_health_issue_identified", "Was a mental health problem identified?"),
    q(
        "mental_health_issues",
        "Which problems?",
        "Tick every one that applies.",
        MULTI,
        MENTAL_HEALTH_ISSUE,
    ),
)

EPISODE = (
    q("seizure_onset_date", "Date of the first episode of this kind", kind=DATE),
    q(
        "seizure_onset_date_confidence",
        "How sure is that date?",
        kind=CHOICE,
        options=DATE_ACCURACY,
    ),
    q("episode_definition", "How many episodes?", kind=CHOICE, options=EPISODE_DEFINITION),
    q(
        "has_description_of_the_episode_or_episodes_been_gathered",
        "Was a description of the episodes gathered?",
    ),
    q("description", "Description (optional)", "In the words of the child or witness.", TEXT),
    q(
        "epilepsy_or_nonepilepsy_status",
        "Were the episodes epileptic?",
        kind=CHOICE,
        options=EPILEPSY_DIAGNOSIS_STATUS,
    ),
    q(
        "epileptic_seizure_onset_type",
        "Seizure onset",
        kind=CHOICE,
        options=EPILEPTIC_SEIZURE_ONSET_TYPE,
    ),
    q(
        "epileptic_generalised_onset",
        "Generalised seizure type",
        kind=SELECT,
        options=GENERALISED_SEIZURE_TYPE,
    ),
    q(
        "nonepileptic_seizure_unknown_onset",
        "Non-epileptic onset",
        kind=CHOICE,
        options=NONEPILEPTIC_SEIZURE_UNKNOWN_ONSET,
    ),
    q(
        "nonepileptic_seizure_type",
        "Kind of non-epileptic event",
        kind=SELECT,
        options=NONEPILEPTIC_SEIZURE_TYPE,
    ),
    *(
        q(field, "Which one?", kind=SELECT, options=codes)
        for field, codes in NONEPILEPTIC_SUBTYPES.items()
    ),
    q("nonepileptic_seizure_other", "Describe the event", kind=TEXT),
)

FOCAL_GROUPS = {
    "Side": ("left", "right", "laterality_unknown"),
    "Motor features": (
        "atonic",
        "clonic",
        "epileptic_spasms",
        "hyperkinetic",
        "myoclonic",
        "tonic",
        "focal_to_bilateral_tonic_clonic",
        "automatisms",
    ),
    "Non-motor features": (
        "impaired_awareness",
        "gelastic",
        "autonomic",
        "behavioural_arrest",
        "cognitive",
        "emotional",
        "sensory",
    ),
    "EEG findings": ("centrotemporal", "temporal", "frontal", "parietal", "occipital"),
}
FOCAL_WORDS = {
    "laterality_unknown": "Side not known",
    "focal_to_bilateral_tonic_clonic": "Focal to bilateral tonic-clonic",
}
FOCAL = tuple(
    q(f"focal_onset_{name}", FOCAL_WORDS.get(name, name.replace("_", " ").capitalize()), kind=FLAG)
    for names in FOCAL_GROUPS.values()
    for name in names
)

SYNDROME = (
    q("syndrome_name", "Syndrome", kind=LOOKUP, lookup="syndromes"),
    q("syndrome_diagnosis_date", "Date of diagnosis", kind=DATE),
)
COMORBIDITY = (
    q("comorbidity_name", "Comorbidity", kind=LOOKUP, lookup="comorbidities"),
    q("comorbidity_diagnosis_date", "Date of diagnosis", kind=DATE),
)

PATHWAYS = {
    "consultant_paediatrician": (
        "Referred to a consultant paediatrician with expertise in epilepsy?",
        "Measure 1: input within 2 weeks of referral.",
        "site_is_general_paediatric_centre",
    ),
    "paediatric_neurologist": (
        "Referred to a paediatric neurologist?",
        "Counts for measures 1 and 3.",
        "site_is_paediatric_neurology_centre",
    ),
    "childrens_epilepsy_surgical_service": (
        "Referred to the children's epilepsy surgery service?",
        "Measures 3 and 3b.",
        "site_is_childrens_epilepsy_surgery_centre",
    ),
    "epilepsy_specialist_nurse": (
        "Referred to an epilepsy specialist nurse?",
        "Measure 2: input within the first year of care.",
        None,
    ),
}
ASSESSMENT = (
    q(
        "childrens_epilepsy_surgical_service_referral_criteria_met",
        "Does the child meet the criteria for referral to epilepsy surgery?",
    ),
    *(
        question
        for pathway, (label, help_text, _centre) in PATHWAYS.items()
        for question in (
            q(f"{pathway}_referral_made", label, help_text),
            q(f"{pathway}_referral_date", "Date of referral", kind=DATE),
            q(
                f"{pathway}_input_date",
                "Date first seen"
                + (" (if known)" if pathway == "childrens_epilepsy_surgical_service" else ""),
                kind=DATE,
            ),
        )
    ),
)

INVESTIGATIONS = (
    q("eeg_indicated", "Was an EEG requested?"),
    q("eeg_declined", "The family declined the EEG", kind=FLAG),
    q("eeg_request_date", "Date the EEG was requested", kind=DATE),
    q("eeg_performed_date", "Date the EEG was performed", kind=DATE),
    q(
        "twelve_lead_ecg_status",
        "Was a 12-lead ECG performed?",
        "Measure 4, for convulsive seizures.",
    ),
    q("ct_head_scan_status", "Was a CT head scan performed?"),
    q(
        "mri_indicated",
        "Was a brain MRI requested?",
        "Measure 5: reported within 6 weeks of request.",
    ),
    q("mri_declined", "The family declined the MRI", kind=FLAG),
    q("mri_brain_requested_date", "Date the MRI was requested", kind=DATE),
    q("mri_brain_reported_date", "Date the MRI was reported", kind=DATE),
)

CARE_PLAN = (
    q("individualised_care_plan_date", "Date of the care plan", kind=DATE),
    q(
        "individualised_care_plan_has_parent_carer_child_agreement",
        "Was it agreed with the child and parents or carers?",
    ),
    q(
        "individualised_care_plan_includes_service_contact_details",
        "Does it give the service's contact details?",
    ),
    q("individualised_care_plan_include_first_aid", "Does it include seizure first aid?"),
    q(
        "individualised_care_plan_parental_prolonged_seizure_care",
        "Does it say what parents should do for a prolonged seizure?",
    ),
    q(
        "individualised_care_plan_includes_general_participation_risk",
        "Does it cover general participation and risk?",
    ),
    q("individualised_care_plan_addresses_water_safety", "Does it cover water safety?"),
    q(
        "individualised_care_plan_addresses_sudep",
        "Does it cover SUDEP (sudden unexpected death in epilepsy)?",
    ),
    q(
        "individualised_care_plan_includes_ehcp",
        "Does the child have an individual healthcare plan for school?",
    ),
    q(
        "has_individualised_care_plan_been_updated_in_the_last_year",
        "Was the care plan updated when needed in the first year?",
    ),
)
MANAGEMENT = (
    q("has_an_aed_been_given", "Was an antiseizure medicine given?", "Add each medicine below."),
    q(
        "has_rescue_medication_been_prescribed",
        "Was rescue medication prescribed?",
        "Add it below.",
    ),
    q("individualised_care_plan_in_place", "Is there an individualised care plan?"),
    *CARE_PLAN,
    q(
        "has_been_referred_for_mental_health_support",
        "Was the child referred for mental health support?",
    ),
    q("has_support_for_mental_health_support", "Is the child getting mental health support?"),
)

MEDICINE = (
    q("medicine_name", "Medicine", kind=LOOKUP, lookup="medicines"),
    q("antiepilepsy_medicine_start_date", "Date started", kind=DATE),
    q("antiepilepsy_medicine_stop_date", "Date stopped (if stopped)", kind=DATE),
    q("antiepilepsy_medicine_risk_discussed", "Were its risks and benefits discussed?"),
    q("is_a_pregnancy_prevention_programme_needed", "Is a pregnancy prevention programme needed?"),
    q(
        "is_a_pregnancy_prevention_programme_in_place",
        "Is the pregnancy prevention programme in place?",
    ),
    q(
        "has_a_valproate_annual_risk_acknowledgement_form_been_completed",
        "Was the annual risk acknowledgement form completed?",
    ),
)

#: Questions of each form and each list, by the name the save service uses.
QUESTIONS: dict[str, dict[str, Question]] = {
    name: {question.field: question for question in questions}
    for name, questions in {
        "first_paediatric_assessment": FIRST_PAEDIATRIC_ASSESSMENT,
        "epilepsy_context": EPILEPSY_CONTEXT,
        "multiaxial_diagnosis": MULTIAXIAL_DIAGNOSIS,
        "episodes": EPISODE + FOCAL,
        "syndromes": SYNDROME,
        "comorbidities": COMORBIDITY,
        "assessment": ASSESSMENT,
        "investigations": INVESTIGATIONS,
        "management": MANAGEMENT,
        "antiepilepsy_medicines": MEDICINE,
    }.items()
}

SECTION_TITLES = {
    "registration": "Registration",
    "first_paediatric_assessment": "First paediatric assessment",
    "epilepsy_context": "Epilepsy context",
    "multiaxial_diagnosis": "Multiaxial diagnosis",
    "assessment": "Assessment",
    "investigations": "Investigations",
    "management": "Management",
}
SECTION_SLUGS = {
    "registration": "",
    "first_paediatric_assessment": "/first-paediatric-assessment",
    "epilepsy_context": "/epilepsy-context",
    "multiaxial_diagnosis": "/multiaxial-diagnosis",
    "assessment": "/assessment",
    "investigations": "/investigations",
    "management": "/management",
}


def section_path(case_id: int, section: str) -> str:
    return f"/e12/cases/{case_id}/audit{SECTION_SLUGS[section]}"


def summary_path(case_id: int) -> str:
    return f"/e12/cases/{case_id}/summary"


def label_for(field: str) -> str:
    """The question a field answers, for messages that name another field."""
    for questions in QUESTIONS.values():
        if field in questions:
            return questions[field].label
    return field.replace("_", " ")
