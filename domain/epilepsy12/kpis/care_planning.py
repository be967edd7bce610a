"""Measures 9A and 9B: an agreed, up-to-date care plan, and what it covers."""

from __future__ import annotations

from domain.epilepsy12.kpis.measure import FAIL, INELIGIBLE, Score, measure, passed_if
from domain.epilepsy12.record import Record

MANAGEMENT = ("management",)


def care_plan_covers(child: Record, answer: str) -> Score | None:
    """Pass if the child has a care plan and it includes ``answer``; no care plan is a fail."""
    m = child.management
    if m.individualised_care_plan_in_place is None:
        return None
    if not m.individualised_care_plan_in_place:
        return FAIL
    value = getattr(m, answer)
    return None if value is None else passed_if(value)


@measure(
    name="comprehensive_care_planning_agreement",
    label="9a. Comprehensive care planning agreement",
    headline=True,
    needs=MANAGEMENT,
)
def comprehensive_care_planning_agreement(child: Record):
    """% of children and young people with epilepsy after 12 months where there is evidence of a
    comprehensive care plan that is agreed between the person, their family and/or carers and
    primary and secondary care providers, and the care plan has been updated where necessary.
    """
    m = child.management
    if m.individualised_care_plan_in_place is None:
        return None
    if not m.individualised_care_plan_in_place:
        return FAIL
    agreed = m.individualised_care_plan_has_parent_carer_child_agreement
    updated = m.has_individualised_care_plan_been_updated_in_the_last_year
    if agreed is None or updated is None:
        return None
    return passed_if(agreed and updated)


@measure(
    name="patient_held_individualised_epilepsy_document",
    label="9A-i. Patient held individualised epilepsy document",
    headline=False,
    needs=MANAGEMENT,
)
def patient_held_individualised_epilepsy_document(child: Record):
    """% of children and young people with epilepsy after 12 months that had an individualised
    epilepsy document or a copy clinic letter that includes care planning information.
    """
    in_place = child.management.individualised_care_plan_in_place
    return None if in_place is None else passed_if(in_place)


@measure(
    name="patient_carer_parent_agreement_to_the_care_planning",
    label="9A-ii. Patient/carer/parent agreement to the care planning",
    headline=False,
    needs=MANAGEMENT,
)
def patient_carer_parent_agreement_to_the_care_planning(child: Record):
    """% of children and young people with epilepsy after 12 months where there was evidence of
    agreement between the person, their family and/or carers as appropriate.
    """
    return care_plan_covers(child, "individualised_care_plan_has_parent_carer_child_agreement")


@measure(
    name="care_planning_has_been_updated_when_necessary",
    label="9A-iii. Care planning has been updated when necessary",
    headline=False,
    needs=MANAGEMENT,
)
def care_planning_has_been_updated_when_necessary(child: Record):
    """% of children and young people with epilepsy after 12 months where there is evidence that
    the care plan has been updated where necessary.
    """
    return care_plan_covers(child, "has_individualised_care_plan_been_updated_in_the_last_year")


@measure(
    name="comprehensive_care_planning_content",
    label="9b. Comprehensive care planning content",
    headline=True,
    needs=MANAGEMENT,
)
def comprehensive_care_planning_content(child: Record):
    """% of children diagnosed with epilepsy with documented evidence of communication regarding
    core elements of care planning.

    The core elements: first aid, water safety, service contact details, general participation
    and risk, SUDEP — and, where rescue medication is prescribed, a prolonged seizures plan.
    """
    m = child.management
    if m.individualised_care_plan_in_place is None:
        return None
    if not m.individualised_care_plan_in_place:
        return FAIL
    core_elements = (
        m.individualised_care_plan_include_first_aid,
        m.individualised_care_plan_addresses_water_safety,
        m.individualised_care_plan_includes_service_contact_details,
        m.individualised_care_plan_includes_general_participation_risk,
        m.individualised_care_plan_addresses_sudep,
    )
    rescue = m.has_rescue_medication_been_prescribed
    prolonged_seizures_plan = m.individualised_care_plan_parental_prolonged_seizure_care
    if None in core_elements or rescue is None or prolonged_seizures_plan is None:
        return None
    return passed_if(all(core_elements) and (not rescue or prolonged_seizures_plan))


@measure(
    name="parental_prolonged_seizures_care_plan",
    label="9B-i. Parental prolonged seizures care plan",
    headline=False,
    needs=MANAGEMENT,
)
def parental_prolonged_seizures_care_plan(child: Record):
    """Percentage of children and young people with epilepsy who have been prescribed rescue
    medication and have evidence of a written prolonged seizures plan.

    Only children prescribed rescue medication are eligible.
    """
    rescue = child.management.has_rescue_medication_been_prescribed
    if rescue is None:
        return None
    if not rescue:
        return INELIGIBLE
    return care_plan_covers(child, "individualised_care_plan_parental_prolonged_seizure_care")


@measure(name="water_safety", label="9B-ii. Water safety", headline=False, needs=MANAGEMENT)
def water_safety(child: Record):
    """Percentage of children and young people with epilepsy with evidence of discussion
    regarding water safety.
    """
    return care_plan_covers(child, "individualised_care_plan_addresses_water_safety")


@measure(name="first_aid", label="9B-iii. First aid", headline=False, needs=MANAGEMENT)
def first_aid(child: Record):
    """Percentage of children and young people with epilepsy with evidence of discussion
    regarding first aid.
    """
    return care_plan_covers(child, "individualised_care_plan_include_first_aid")


@measure(
    name="general_participation_and_risk",
    label="9B-iv. General participation and risk",
    headline=False,
    needs=MANAGEMENT,
)
def general_participation_and_risk(child: Record):
    """Percentage of children and young people with epilepsy with evidence of discussion
    regarding general participation and risk.
    """
    return care_plan_covers(child, "individualised_care_plan_includes_general_participation_risk")


@measure(name="sudep", label="9B-v. SUDEP", headline=False, needs=MANAGEMENT)
def sudep(child: Record):
    """Percentage of children and young people with epilepsy with evidence of discussion
    regarding SUDEP.
    """
    return care_plan_covers(child, "individualised_care_plan_addresses_sudep")


@measure(
    name="service_contact_details",
    label="9B-vi. Service contact details",
    headline=False,
    needs=MANAGEMENT,
)
def service_contact_details(child: Record):
    """Percentage of children and young people with epilepsy with evidence of being given
    service contact details.
    """
    return care_plan_covers(child, "individualised_care_plan_includes_service_contact_details")
