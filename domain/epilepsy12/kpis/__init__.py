"""The 21 Epilepsy12 measures, scored for one child: 0 fail, 1 pass, 2 ineligible, None incomplete.

A child is scored only once registered (first paediatric assessment date set and eligibility
confirmed); before that every result is ``None``. Each measure also needs its forms: without them
its result is ``None``.
"""

from __future__ import annotations

from domain.epilepsy12.kpis.care_planning import (
    care_planning_has_been_updated_when_necessary,
    comprehensive_care_planning_agreement,
    comprehensive_care_planning_content,
    first_aid,
    general_participation_and_risk,
    parental_prolonged_seizures_care_plan,
    patient_carer_parent_agreement_to_the_care_planning,
    patient_held_individualised_epilepsy_document,
    service_contact_details,
    sudep,
    water_safety,
)
from domain.epilepsy12.kpis.investigations import ecg, mri
from domain.epilepsy12.kpis.measure import Measure, Score
from domain.epilepsy12.kpis.mental_health import (
    assessment_of_mental_health_issues,
    mental_health_support,
)
from domain.epilepsy12.kpis.school import school_individual_healthcare_plan
from domain.epilepsy12.kpis.specialists import (
    epilepsy_specialist_nurse,
    epilepsy_surgery_referral,
    paediatrician_with_expertise,
    tertiary_input,
)
from domain.epilepsy12.kpis.valproate import sodium_valproate
from domain.epilepsy12.record import Record

#: Every measure, in the order of the per-child result row.
MEASURES: tuple[Measure, ...] = (
    paediatrician_with_expertise,
    epilepsy_specialist_nurse,
    tertiary_input,
    epilepsy_surgery_referral,
    ecg,
    mri,
    assessment_of_mental_health_issues,
    mental_health_support,
    sodium_valproate,
    comprehensive_care_planning_agreement,
    patient_held_individualised_epilepsy_document,
    patient_carer_parent_agreement_to_the_care_planning,
    care_planning_has_been_updated_when_necessary,
    comprehensive_care_planning_content,
    parental_prolonged_seizures_care_plan,
    water_safety,
    first_aid,
    general_participation_and_risk,
    sudep,
    service_contact_details,
    school_individual_healthcare_plan,
)
MEASURE_NAMES = tuple(m.name for m in MEASURES)
HEADLINE_MEASURES = tuple(m for m in MEASURES if m.headline)
BY_NAME = {m.name: m for m in MEASURES}


def score_child(record: Record) -> dict[str, int | None]:
    """Return the child's result on every measure, by result field name, in ``MEASURES`` order."""
    if not record.is_registered:
        return dict.fromkeys(MEASURE_NAMES)
    results = {}
    for m in MEASURES:
        score = m.score(record)
        results[m.name] = None if score is None else int(score)
    return results


__all__ = ["BY_NAME", "HEADLINE_MEASURES", "MEASURES", "MEASURE_NAMES", "Measure", "Score"]
__all__ += ["score_child"]
