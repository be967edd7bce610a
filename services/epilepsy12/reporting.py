"""Epilepsy12 as the reporting engine sees it: its 21 measures and one row per counted child.

A child counts for a cohort once their first year of care has ended and every section of the audit
is complete; a child whose year has ended but whose audit is incomplete is counted as excluded.
Children are attributed to their lead organisation as it is now, so a transferred child counts
where they are cared for today. Opted-out children are not counted at all.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, String, and_, case, cast, select

from domain.epilepsy12.cohorts import cohort_for, earliest_first_assessment
from domain.epilepsy12.kpis import MEASURES
from domain.reporting.levels import Level
from models.epilepsy12 import AuditProgress, Case, KPIResult, Registration, Site
from services.reporting.registry import AuditReport, Breakdown, MeasureSpec
from services.reporting.sql import whole_years

#: The KPI table's row groups, as on the Epilepsy12 organisation dashboard.
GROUPS = {
    "paediatrician_with_expertise_in_epilepsies": "Clinical team",
    "epilepsy_specialist_nurse": "Clinical team",
    "tertiary_input": "Clinical team",
    "epilepsy_surgery_referral": "Clinical team",
    "ecg": "Investigations",
    "mri": "Investigations",
    "assessment_of_mental_health_issues": "Mental health",
    "mental_health_support": "Mental health",
    "sodium_valproate": "Medication",
}

LEVELS = (
    Level.ORGANISATION,
    Level.TRUST,
    Level.LOCAL_HEALTH_BOARD,
    Level.INTEGRATED_CARE_BOARD,
    Level.NHS_ENGLAND_REGION,
    Level.OPENUK_NETWORK,
    Level.COUNTRY,
    Level.NATIONAL,
)


AGE_BANDS = {
    "0": "Under 1",
    "1-4": "1 to 4",
    "5-11": "5 to 11",
    "12-15": "12 to 15",
    "16+": "16 and over",
}
SEX = {"0": "Not known", "1": "Male", "2": "Female", "9": "Not specified"}
ETHNICITY = {
    "A": "White British",
    "B": "White Irish",
    "C": "Any other White background",
    "D": "White and Black Caribbean",
    "E": "White and Black African",
    "F": "White and Asian",
    "G": "Any other mixed background",
    "H": "Indian",
    "J": "Pakistani",
    "K": "Bangladeshi",
    "L": "Any other Asian background",
    "M": "Caribbean",
    "N": "African",
    "P": "Any other Black background",
    "R": "Chinese",
    "S": "Any other ethnic group",
    "Z": "Not stated",
}
IMD_QUINTILES = {
    str(q): f"Quintile {q}"
    + (" (most deprived)" if q == 1 else " (least deprived)" if q == 5 else "")
    for q in range(1, 6)
}

BREAKDOWNS = (
    Breakdown("age_band", "Age at first paediatric assessment", AGE_BANDS),
    Breakdown("sex", "Sex", SEX),
    Breakdown("ethnicity", "Ethnicity", ETHNICITY),
    Breakdown("imd_quintile", "Deprivation quintile (IMD)", IMD_QUINTILES),
)


def _age_band(age):
    return case(
        (age < 1, "0"), (age < 5, "1-4"), (age < 12, "5-11"), (age < 16, "12-15"), else_="16+"
    )


def counted_children(*, cohort: int, as_of: dt.date) -> Select:
    """Select one row per child of the cohort whose first year of care ended by ``as_of``."""
    lead_site = and_(
        Site.case_id == Case.id,
        Site.site_is_primary_centre_of_epilepsy_care.is_(True),
        Site.site_is_actively_involved_in_epilepsy_care.is_(True),
    )
    return (
        select(
            Site.organisation_id,
            case((AuditProgress.audit_complete.is_(True), 1), else_=0).label("counted"),
            *[getattr(KPIResult, m.name).label(m.name) for m in MEASURES],
            _age_band(
                whole_years(Case.date_of_birth, Registration.first_paediatric_assessment_date)
            ).label("age_band"),
            cast(Case.sex, String).label("sex"),
            Case.ethnicity.label("ethnicity"),
            cast(Case.index_of_multiple_deprivation_quintile, String).label("imd_quintile"),
        )
        .select_from(Registration)
        .join(Case, Case.id == Registration.case_id)
        .join(Site, lead_site)
        .join(AuditProgress, AuditProgress.registration_id == Registration.id)
        .outerjoin(KPIResult, KPIResult.registration_id == Registration.id)
        .where(
            Registration.cohort == cohort,
            Registration.eligibility_criteria_met.is_(True),
            Registration.completed_first_year_of_care_date <= as_of,
            Case.opted_out_at.is_(None),
        )
    )


def cohorts(today: dt.date) -> list[int]:
    """Return every cohort from the first (4) to the one recruiting today."""
    return list(range(cohort_for(earliest_first_assessment()), cohort_for(today) + 1))


def default_cohort(today: dt.date) -> int:
    """Dashboards open on the submitting cohort: the one whose year of care is being completed."""
    return cohort_for(today) - 1


REPORT = AuditReport(
    audit="epilepsy12",
    title="Epilepsy12",
    levels=LEVELS,
    measures=tuple(
        MeasureSpec(
            name=m.name,
            label=m.label,
            headline=m.headline,
            group=GROUPS.get(m.name, "Care planning"),
            description=m.definition,
        )
        for m in MEASURES
    ),
    units=counted_children,
    cohorts=cohorts,
    default_cohort=default_cohort,
    cohort_label=lambda cohort: f"Cohort {cohort}",
    breakdowns=BREAKDOWNS,
    capability_read="e12.report.read",
    capability_publish="e12.report.publish",
)
