"""Measures 6 and 7: asking about mental health, and supporting a mental health problem."""

from __future__ import annotations

from domain.epilepsy12.kpis.measure import INELIGIBLE, measure, passed_if, younger_than
from domain.epilepsy12.record import Record


@measure(
    name="assessment_of_mental_health_issues",
    label="6. Assessment of mental health issues",
    headline=True,
    needs=("multiaxial_diagnosis",),
)
def assessment_of_mental_health_issues(child: Record):
    """% of children and young people with epilepsy where there is documented evidence that
    they have been asked about mental health either through clinical screening, or a
    questionnaire/measure.

    Children under 5 at the first paediatric assessment are not eligible.
    """
    under_five = younger_than(child, 5)
    if under_five is None:
        return None
    if under_five:
        return INELIGIBLE
    screened = child.multiaxial_diagnosis.mental_health_screen
    return None if screened is None else passed_if(screened)


@measure(
    name="mental_health_support",
    label="7. Mental health support",
    headline=True,
    needs=("multiaxial_diagnosis", "management"),
)
def mental_health_support(child: Record):
    """% of children and young people with epilepsy and a mental health problem who have
    evidence of mental health support.

    A referral alone is not support.
    """
    identified = child.multiaxial_diagnosis.mental_health_issue_identified
    if identified is None:
        return None
    if not identified:
        return INELIGIBLE
    supported = child.management.has_support_for_mental_health_support
    return None if supported is None else passed_if(supported)
