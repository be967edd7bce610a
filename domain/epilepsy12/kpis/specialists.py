"""Measures 1–3b: timely input from the right specialists."""

from __future__ import annotations

from domain.epilepsy12.codes import GENERALISED_ONSET, MYOCLONIC
from domain.epilepsy12.kpis.measure import (
    FAIL,
    INELIGIBLE,
    PASS,
    any_of,
    best_of,
    happened_by,
    measure,
    passed_if,
    seen_within,
    younger_than,
)
from domain.epilepsy12.record import Record

TWO_WEEKS = 14


@measure(
    name="paediatrician_with_expertise_in_epilepsies",
    label="1. Paediatrician with expertise",
    headline=True,
    needs=("assessment",),
)
def paediatrician_with_expertise(child: Record):
    """% of children and young people with epilepsy, with input by a 'consultant paediatrician
    with expertise in epilepsies' within 2 weeks of initial referral.

    Input from a paediatric neurologist within 2 weeks counts as well: the child passes if either
    pathway was in time.
    """
    a = child.assessment
    return best_of(
        seen_within(
            a.consultant_paediatrician_referral_made,
            a.consultant_paediatrician_referral_date,
            a.consultant_paediatrician_input_date,
            days=TWO_WEEKS,
        ),
        seen_within(
            a.paediatric_neurologist_referral_made,
            a.paediatric_neurologist_referral_date,
            a.paediatric_neurologist_input_date,
            days=TWO_WEEKS,
        ),
    )


@measure(
    name="epilepsy_specialist_nurse",
    label="2. Epilepsy specialist nurse",
    headline=True,
    needs=("assessment",),
)
def epilepsy_specialist_nurse(child: Record):
    """% of children and young people with epilepsy, with input by epilepsy specialist nurse
    within the first year of care.
    """
    a = child.assessment
    if a.epilepsy_specialist_nurse_referral_made is False:
        return FAIL
    answers = (
        a.epilepsy_specialist_nurse_referral_made,
        a.epilepsy_specialist_nurse_referral_date,
        a.epilepsy_specialist_nurse_input_date,
    )
    if None in answers:
        return None
    return passed_if(a.epilepsy_specialist_nurse_input_date <= child.first_year_of_care_end)


def had_myoclonic_epileptic_seizure(child: Record) -> bool:
    return any(
        episode.is_epileptic
        and (
            (
                episode.epileptic_seizure_onset_type == GENERALISED_ONSET
                and episode.epileptic_generalised_onset == MYOCLONIC
            )
            or episode.focal_onset_myoclonic is True
        )
        for episode in child.multiaxial_diagnosis.episodes
    )


def maintenance_medicines_started_in_first_year(child: Record) -> int:
    end = child.first_year_of_care_end
    return sum(
        1
        for medicine in child.management.medicines(rescue=False)
        if medicine.antiepilepsy_medicine_start_date is not None
        and medicine.antiepilepsy_medicine_start_date < end
    )


def meets_tertiary_referral_criteria(child: Record) -> bool | None:
    """Under 3; or under 4 with myoclonic seizures; or 3+ maintenance medicines in the first
    year; or meeting the epilepsy surgery referral criteria."""
    under_four = younger_than(child, 4)
    return any_of(
        younger_than(child, 3),
        None if under_four is None else under_four and had_myoclonic_epileptic_seizure(child),
        maintenance_medicines_started_in_first_year(child) >= 3,
        child.assessment.childrens_epilepsy_surgical_service_referral_criteria_met,
    )


@measure(
    name="tertiary_input",
    label="3a. Tertiary involvement",
    headline=True,
    needs=("management", "assessment", "multiaxial_diagnosis"),
)
def tertiary_input(child: Record):
    """% of children and young people meeting defined criteria for paediatric neurology
    referral, with input of tertiary care and/or CESS referral within the first year of care.

    Criteria: under 3 at the first paediatric assessment; under 4 with a myoclonic epileptic
    seizure; three or more maintenance medicines started within the first year; or the epilepsy
    surgery referral criteria met. Tertiary care: a paediatric neurologist's input, or a referral
    to the children's epilepsy surgery service (CESS), on or before the end of the first year.
    """
    eligible = meets_tertiary_referral_criteria(child)
    if eligible is None:
        return None
    if not eligible:
        return INELIGIBLE
    a, end = child.assessment, child.first_year_of_care_end
    return best_of(
        happened_by(
            a.paediatric_neurologist_referral_made,
            a.paediatric_neurologist_input_date,
            deadline=end,
        ),
        happened_by(
            a.childrens_epilepsy_surgical_service_referral_made,
            a.childrens_epilepsy_surgical_service_referral_date,
            deadline=end,
        ),
    )


@measure(
    name="epilepsy_surgery_referral",
    label="3b. Epilepsy surgery referral",
    headline=True,
    needs=("assessment",),
)
def epilepsy_surgery_referral(child: Record):
    """% of ongoing children and young people meeting defined epilepsy surgery referral criteria
    with evidence of epilepsy surgery referral.

    Only a referral to the children's epilepsy surgery service passes; a neurologist's input
    alone does not.
    """
    a = child.assessment
    criteria_met = a.childrens_epilepsy_surgical_service_referral_criteria_met
    if criteria_met is None:
        return None
    if not criteria_met:
        return INELIGIBLE
    referred = a.childrens_epilepsy_surgical_service_referral_made
    if referred is None:
        return None
    return PASS if referred else FAIL
