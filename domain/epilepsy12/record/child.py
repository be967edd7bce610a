"""One child's whole Epilepsy12 record, and the facts every rule derives from it."""

from __future__ import annotations

from datetime import date
from functools import cached_property

from domain.epilepsy12.ages import whole_years
from domain.epilepsy12.cohorts import cohort_for, first_year_of_care_end
from domain.epilepsy12.record.case import Case, Site
from domain.epilepsy12.record.diagnosis import MultiaxialDiagnosis
from domain.epilepsy12.record.forms import (
    Assessment,
    EpilepsyContext,
    FirstPaediatricAssessment,
    Investigations,
    Registration,
)
from domain.epilepsy12.record.management import Management
from domain.epilepsy12.record.types import Section, rows

#: The seven audit sections, in the order the audit presents them.
SECTIONS = (
    "registration",
    "first_paediatric_assessment",
    "epilepsy_context",
    "multiaxial_diagnosis",
    "assessment",
    "investigations",
    "management",
)


class Record(Section):
    """A child's demographics, sites and the seven audit forms; a missing form is ``None``.

    ``sites`` is ``None`` when the record does not list them: the child is then taken to be
    led by the organisation it is scored or imported for.
    """

    case: Case
    sites: rows(Site) | None = None
    registration: Registration | None = None
    first_paediatric_assessment: FirstPaediatricAssessment | None = None
    epilepsy_context: EpilepsyContext | None = None
    multiaxial_diagnosis: MultiaxialDiagnosis | None = None
    assessment: Assessment | None = None
    investigations: Investigations | None = None
    management: Management | None = None

    @cached_property
    def first_paediatric_assessment_date(self) -> date | None:
        return self.registration and self.registration.first_paediatric_assessment_date

    @cached_property
    def is_registered(self) -> bool:
        """A child is scored once the assessment date is set and eligibility confirmed."""
        return bool(
            self.first_paediatric_assessment_date and self.registration.eligibility_criteria_met
        )

    @cached_property
    def age_at_first_assessment(self) -> int | None:
        """Whole years between birth and the first paediatric assessment, never today's age."""
        born, assessed = self.case.date_of_birth, self.first_paediatric_assessment_date
        if born is None or assessed is None:
            return None
        return whole_years(born, assessed)

    @cached_property
    def first_year_of_care_end(self) -> date | None:
        assessed = self.first_paediatric_assessment_date
        return first_year_of_care_end(assessed) if assessed else None

    @cached_property
    def cohort(self) -> int | None:
        """The cohort of the first paediatric assessment; ``None`` before the first cohort."""
        assessed = self.first_paediatric_assessment_date
        try:
            return cohort_for(assessed) if assessed else None
        except ValueError:
            return None

    @cached_property
    def has_lead_site(self) -> bool:
        """An unlisted set of sites means the scoring organisation leads the child's care."""
        return self.sites is None or any(site.is_lead for site in self.sites)

    def has_active_centre(self, flag: str) -> bool:
        """Return whether an active site plays the role named by the ``site_is_…`` ``flag``."""
        return any(
            site.site_is_actively_involved_in_epilepsy_care and getattr(site, flag)
            for site in self.sites or ()
        )
