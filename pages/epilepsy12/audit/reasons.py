"""Why a child got their result on each measure, in a sentence or two built from their answers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from domain.epilepsy12.codes import FEMALE, MRI_NOT_INDICATED_SYNDROMES, SODIUM_VALPROATE
from domain.epilepsy12.kpis import BY_NAME
from domain.epilepsy12.kpis.specialists import (
    had_myoclonic_epileptic_seizure,
    maintenance_medicines_started_in_first_year,
)
from domain.epilepsy12.record import Record

FORM_NAMES = {
    "assessment": "assessment",
    "management": "management",
    "multiaxial_diagnosis": "multiaxial diagnosis",
    "investigations": "investigations",
    "epilepsy_context": "epilepsy context",
}


def _d(day: date | None) -> str:
    return f"{day:%-d %b %Y}" if day else "not entered"


def _answer(value: bool | None, yes: str, no: str, unknown: str) -> str:
    return yes if value is True else no if value is False else unknown


def _wait(made, referred, seen, who: str) -> str:
    if made is False:
        return f"No referral to {who}."
    if made is None:
        return f"Whether {who} was asked is not answered yet."
    if referred and seen:
        return f"Seen by {who} {(seen - referred).days} days after referral."
    return f"Referred to {who}; the dates are not all entered yet."


def paediatrician(r: Record) -> str:
    a = r.assessment
    return " ".join(
        (
            _wait(
                a.consultant_paediatrician_referral_made,
                a.consultant_paediatrician_referral_date,
                a.consultant_paediatrician_input_date,
                "a consultant paediatrician",
            ),
            _wait(
                a.paediatric_neurologist_referral_made,
                a.paediatric_neurologist_referral_date,
                a.paediatric_neurologist_input_date,
                "a paediatric neurologist",
            ),
            "Input within 14 days of referral is the standard.",
        )
    )


def nurse(r: Record) -> str:
    a = r.assessment
    if a.epilepsy_specialist_nurse_referral_made is False:
        return "No referral to an epilepsy specialist nurse."
    seen = a.epilepsy_specialist_nurse_input_date
    if seen is None:
        return "The nurse's input date is not entered yet."
    return f"Seen by an epilepsy specialist nurse on {_d(seen)}; the first year of care ended on {_d(r.first_year_of_care_end)}."


def tertiary(r: Record) -> str:
    reasons = []
    age = r.age_at_first_assessment
    if age is not None and age < 3:
        reasons.append(f"aged {age} at the first assessment")
    elif age is not None and age < 4 and had_myoclonic_epileptic_seizure(r):
        reasons.append("under 4 with myoclonic seizures")
    medicines = maintenance_medicines_started_in_first_year(r)
    if medicines >= 3:
        reasons.append(f"{medicines} maintenance medicines in the first year")
    if r.assessment.childrens_epilepsy_surgical_service_referral_criteria_met:
        reasons.append("meets the epilepsy surgery referral criteria")
    if not reasons:
        return (
            "None of the criteria apply: under 3, under 4 with myoclonic seizures, three or more "
            "medicines, or the surgery referral criteria."
        )
    a = r.assessment
    input_date = a.paediatric_neurologist_input_date
    surgery = a.childrens_epilepsy_surgical_service_referral_date
    return (
        f"Eligible: {', '.join(reasons)}. Neurologist input: {_d(input_date)}; surgery referral: "
        f"{_d(surgery)}; either is needed by {_d(r.first_year_of_care_end)}."
    )


def surgery(r: Record) -> str:
    a = r.assessment
    criteria = a.childrens_epilepsy_surgical_service_referral_criteria_met
    if criteria is None:
        return "Whether the surgery referral criteria are met is not answered yet."
    if criteria is False:
        return "The epilepsy surgery referral criteria are not met."
    return _answer(
        a.childrens_epilepsy_surgical_service_referral_made,
        "Meets the criteria and was referred to the epilepsy surgery service.",
        "Meets the criteria but was not referred to the epilepsy surgery service.",
        "Meets the criteria; whether a referral was made is not answered yet.",
    )


def ecg(r: Record) -> str:
    if r.epilepsy_context.were_any_of_the_epileptic_seizures_convulsive is False:
        return "No convulsive seizures, so an ECG is not expected."
    return _answer(
        r.investigations.twelve_lead_ecg_status,
        "Convulsive seizures, and a 12-lead ECG was done.",
        "Convulsive seizures, but no 12-lead ECG was done.",
        "Whether the seizures were convulsive, or an ECG done, is not answered yet.",
    )


def mri(r: Record) -> str:
    excluded = {
        s.syndrome_name for s in r.multiaxial_diagnosis.syndromes
    } & MRI_NOT_INDICATED_SYNDROMES
    if excluded:
        return f"{sorted(excluded)[0]} does not call for an MRI."
    i = r.investigations
    if i.mri_indicated is None:
        return "Whether an MRI was requested is not answered yet."
    if i.mri_indicated is False:
        return "No MRI was requested."
    if i.mri_declined:
        return "The family declined the MRI."
    if i.mri_brain_requested_date and i.mri_brain_reported_date:
        days = (i.mri_brain_reported_date - i.mri_brain_requested_date).days
        return f"Reported {days} days after it was requested; 42 days (6 weeks) is the standard."
    return "The MRI request and report dates are not both entered yet."


def _under(r: Record, years: int) -> bool:
    return r.age_at_first_assessment is not None and r.age_at_first_assessment < years


def mental_health(r: Record) -> str:
    if _under(r, 5):
        return "Under 5 at the first assessment: the screen applies from age 5."
    return _answer(
        r.multiaxial_diagnosis.mental_health_screen,
        "Screened for mental health problems.",
        "Not screened for mental health problems.",
        "Whether a mental health screen was done is not answered yet.",
    )


def mental_health_support(r: Record) -> str:
    issue = r.multiaxial_diagnosis.mental_health_issue_identified
    if issue is False:
        return "No mental health problem was identified."
    if issue is None:
        return "Whether a mental health problem was identified is not answered yet."
    return _answer(
        r.management and r.management.has_support_for_mental_health_support,
        "A mental health problem was identified and support is in place.",
        "A mental health problem was identified but no support is in place.",
        "Whether support is in place is not answered yet.",
    )


def valproate(r: Record) -> str:
    if r.case.sex != FEMALE or _under(r, 12):
        return "Applies to girls aged 12 and over at the first assessment."
    medicines = [
        m for m in r.management.antiepilepsy_medicines if m.medicine_name == SODIUM_VALPROATE
    ]
    if not medicines:
        return "Not taking sodium valproate."
    first = medicines[0]
    return (
        "Taking sodium valproate. Pregnancy prevention programme in place: "
        f"{_answer(first.is_a_pregnancy_prevention_programme_in_place, 'yes', 'no', 'not answered')}; "
        "annual risk form completed: "
        f"{_answer(first.has_a_valproate_annual_risk_acknowledgement_form_been_completed, 'yes', 'no', 'not answered')}."
    )


def _plan(r: Record) -> bool | None:
    return r.management.individualised_care_plan_in_place


def _covers(answer: str, what: str) -> Callable[[Record], str]:
    def reason(r: Record) -> str:
        if _plan(r) is False:
            return "No individualised care plan."
        return _answer(
            getattr(r.management, answer),
            f"The care plan covers {what}.",
            f"The care plan does not cover {what}.",
            f"Whether the care plan covers {what} is not answered yet.",
        )

    return reason


CONTENT = {
    "individualised_care_plan_include_first_aid": "first aid",
    "individualised_care_plan_addresses_water_safety": "water safety",
    "individualised_care_plan_includes_service_contact_details": "service contact details",
    "individualised_care_plan_includes_general_participation_risk": "participation and risk",
    "individualised_care_plan_addresses_sudep": "SUDEP",
}


def care_plan(r: Record) -> str:
    m = r.management
    if _plan(r) is None:
        return "Whether there is an individualised care plan is not answered yet."
    if _plan(r) is False:
        return "No individualised care plan."
    agreed = _answer(
        m.individualised_care_plan_has_parent_carer_child_agreement, "yes", "no", "not answered"
    )
    updated = _answer(
        m.has_individualised_care_plan_been_updated_in_the_last_year, "yes", "no", "not answered"
    )
    return f"Care plan in place; agreed with the family: {agreed}; updated when needed: {updated}."


def care_plan_content(r: Record) -> str:
    if _plan(r) is not True:
        return care_plan(r)
    m = r.management
    missing = [what for answer, what in CONTENT.items() if getattr(m, answer) is False]
    unknown = [what for answer, what in CONTENT.items() if getattr(m, answer) is None]
    if (
        m.has_rescue_medication_been_prescribed
        and m.individualised_care_plan_parental_prolonged_seizure_care is False
    ):
        missing.append("what to do in a prolonged seizure")
    if unknown:
        return f"Not answered yet: whether it covers {', '.join(unknown)}."
    if missing:
        return f"The care plan does not cover {', '.join(missing)}."
    return "The care plan covers everything it should."


def prolonged_seizures(r: Record) -> str:
    if _plan(r) is False:
        return "No individualised care plan."
    if r.management.has_rescue_medication_been_prescribed is False:
        return "No rescue medication was prescribed, so no prolonged-seizure plan is needed."
    return _covers(
        "individualised_care_plan_parental_prolonged_seizure_care",
        "what to do in a prolonged seizure",
    )(r)


def school_plan(r: Record) -> str:
    if _under(r, 5):
        return "Under 5 at the first assessment: applies to school-age children."
    if _plan(r) is False:
        return "No individualised care plan."
    return _answer(
        r.management.individualised_care_plan_includes_ehcp,
        "Has an individual healthcare plan for school.",
        "Has no individual healthcare plan for school.",
        "Whether there is a school healthcare plan is not answered yet.",
    )


REASONS: dict[str, Callable[[Record], str]] = {
    "paediatrician_with_expertise_in_epilepsies": paediatrician,
    "epilepsy_specialist_nurse": nurse,
    "tertiary_input": tertiary,
    "epilepsy_surgery_referral": surgery,
    "ecg": ecg,
    "mri": mri,
    "assessment_of_mental_health_issues": mental_health,
    "mental_health_support": mental_health_support,
    "sodium_valproate": valproate,
    "comprehensive_care_planning_agreement": care_plan,
    "patient_held_individualised_epilepsy_document": _covers(
        "individualised_care_plan_in_place", "an individualised epilepsy document"
    ),
    "patient_carer_parent_agreement_to_the_care_planning": _covers(
        "individualised_care_plan_has_parent_carer_child_agreement", "agreement with the family"
    ),
    "care_planning_has_been_updated_when_necessary": _covers(
        "has_individualised_care_plan_been_updated_in_the_last_year", "updates when needed"
    ),
    "comprehensive_care_planning_content": care_plan_content,
    "parental_prolonged_seizures_care_plan": prolonged_seizures,
    "water_safety": _covers("individualised_care_plan_addresses_water_safety", "water safety"),
    "first_aid": _covers("individualised_care_plan_include_first_aid", "first aid"),
    "general_participation_and_risk": _covers(
        "individualised_care_plan_includes_general_participation_risk", "participation and risk"
    ),
    "sudep": _covers("individualised_care_plan_addresses_sudep", "SUDEP"),
    "service_contact_details": _covers(
        "individualised_care_plan_includes_service_contact_details", "service contact details"
    ),
    "school_individual_healthcare_plan": school_plan,
}


def reason(name: str, record: Record) -> str:
    """Explain the child's result on measure ``name``."""
    if not record.is_registered:
        return "Scored once the child is registered."
    missing = [section for section in BY_NAME[name].needs if getattr(record, section) is None]
    if missing:
        forms = " and ".join(f"the {FORM_NAMES.get(s, s)} form" for s in missing)
        return f"Scored once {forms} is started."
    return REASONS[name](record)
