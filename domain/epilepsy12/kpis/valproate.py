"""Measure 8: the pregnancy risks of sodium valproate discussed with girls of 12 and over."""

from __future__ import annotations

from domain.epilepsy12.codes import FEMALE, SODIUM_VALPROATE
from domain.epilepsy12.kpis.measure import INELIGIBLE, any_of, measure, passed_if, younger_than
from domain.epilepsy12.record import Record


@measure(
    name="sodium_valproate",
    label="8. Sodium valproate",
    headline=True,
    needs=("management",),
)
def sodium_valproate(child: Record):
    """% of all females 12 years and above currently on valproate treatment with annual risk
    acknowledgement form completed.

    A pregnancy prevention programme in place also passes. Age is taken at the first paediatric
    assessment; any valproate prescription counts.
    """
    sex = child.case.sex
    not_eligible = any_of(younger_than(child, 12), None if sex is None else sex != FEMALE)
    if not_eligible is None:
        return None
    if not_eligible:
        return INELIGIBLE
    m = child.management
    if m.has_an_aed_been_given is None:
        return None
    valproate = [x for x in m.antiepilepsy_medicines if x.medicine_name == SODIUM_VALPROATE]
    if not valproate:
        return INELIGIBLE
    first = valproate[0]
    programme = first.is_a_pregnancy_prevention_programme_in_place
    risk_form = first.has_a_valproate_annual_risk_acknowledgement_form_been_completed
    if programme is None or risk_form is None:
        return None
    return passed_if(programme or risk_form)
