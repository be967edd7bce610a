"""Measure 10: a school individual healthcare plan."""

from __future__ import annotations

from domain.epilepsy12.kpis.measure import FAIL, INELIGIBLE, measure, passed_if, younger_than
from domain.epilepsy12.record import Record


@measure(
    name="school_individual_healthcare_plan",
    label="10. School Individual Health Care Plan",
    headline=True,
    needs=("management",),
)
def school_individual_healthcare_plan(child: Record):
    """% of children and young people with epilepsy aged 4 years and above with evidence of a
    school individual healthcare plan by 1 year after first paediatric assessment.

    As scored nationally, children under 5 at the first paediatric assessment are not eligible.
    """
    under_five = younger_than(child, 5)
    if under_five is None:
        return None
    if under_five:
        return INELIGIBLE
    m = child.management
    if m.individualised_care_plan_in_place is None:
        return None
    if not m.individualised_care_plan_in_place:
        return FAIL
    school_plan = m.individualised_care_plan_includes_ehcp
    return None if school_plan is None else passed_if(school_plan)
