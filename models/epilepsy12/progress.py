"""What the service derives on every save: section completeness and the child's 21 KPI scores.

Both are stored so that dashboards can count children set-based. They are derived, so they are not
audited and carry no author: recomputing them from the audited answers gives the same values.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, SmallInteger, false
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped, utcnow
from models.epilepsy12.codes import KPI_SCORES, sql_in
from models.epilepsy12.registration import PartOfRegistration

#: The seven sections of the audit, in form order.
SECTIONS = (
    "registration",
    "first_paediatric_assessment",
    "epilepsy_context",
    "multiaxial_diagnosis",
    "assessment",
    "investigations",
    "management",
)

#: The 21 per-child measures, in the order of the published methodology.
KPI_NAMES = (
    "paediatrician_with_expertise_in_epilepsies",
    "epilepsy_specialist_nurse",
    "tertiary_input",
    "epilepsy_surgery_referral",
    "ecg",
    "mri",
    "assessment_of_mental_health_issues",
    "mental_health_support",
    "sodium_valproate",
    "comprehensive_care_planning_agreement",
    "patient_held_individualised_epilepsy_document",
    "patient_carer_parent_agreement_to_the_care_planning",
    "care_planning_has_been_updated_when_necessary",
    "comprehensive_care_planning_content",
    "parental_prolonged_seizures_care_plan",
    "water_safety",
    "first_aid",
    "general_participation_and_risk",
    "sudep",
    "service_contact_details",
    "school_individual_healthcare_plan",
)


def _count() -> Mapped[int]:
    return mapped_column(SmallInteger, default=0, server_default="0")


def _flag() -> Mapped[bool]:
    return mapped_column(default=False, server_default=false())


def _score() -> Mapped[int | None]:
    return mapped_column(SmallInteger, comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible")


class AuditProgress(PartOfRegistration, Timestamped, Base):
    """Expected and completed answers per section, and whether the whole audit is complete."""

    __tablename__ = "e12_audit_progress"
    __registration_attribute__ = "audit_progress"

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_total_expected_fields: Mapped[int] = _count()
    registration_total_completed_fields: Mapped[int] = _count()
    registration_complete: Mapped[bool] = _flag()
    first_paediatric_assessment_total_expected_fields: Mapped[int] = _count()
    first_paediatric_assessment_total_completed_fields: Mapped[int] = _count()
    first_paediatric_assessment_complete: Mapped[bool] = _flag()
    epilepsy_context_total_expected_fields: Mapped[int] = _count()
    epilepsy_context_total_completed_fields: Mapped[int] = _count()
    epilepsy_context_complete: Mapped[bool] = _flag()
    multiaxial_diagnosis_total_expected_fields: Mapped[int] = _count()
    multiaxial_diagnosis_total_completed_fields: Mapped[int] = _count()
    multiaxial_diagnosis_complete: Mapped[bool] = _flag()
    assessment_total_expected_fields: Mapped[int] = _count()
    assessment_total_completed_fields: Mapped[int] = _count()
    assessment_complete: Mapped[bool] = _flag()
    investigations_total_expected_fields: Mapped[int] = _count()
    investigations_total_completed_fields: Mapped[int] = _count()
    investigations_complete: Mapped[bool] = _flag()
    management_total_expected_fields: Mapped[int] = _count()
    management_total_completed_fields: Mapped[int] = _count()
    management_complete: Mapped[bool] = _flag()
    audit_complete: Mapped[bool] = mapped_column(
        default=False, server_default=false(), comment="all seven sections complete"
    )


class KPIResult(PartOfRegistration, Base):
    """The child's score on each of the 21 measures, as of ``scored_at``."""

    __tablename__ = "e12_kpi_result"
    __registration_attribute__ = "kpi_result"
    __table_args__ = (
        CheckConstraint(
            " AND ".join(f"({sql_in(name, KPI_SCORES)})" for name in KPI_NAMES),
            name="scores",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    paediatrician_with_expertise_in_epilepsies: Mapped[int | None] = _score()
    epilepsy_specialist_nurse: Mapped[int | None] = _score()
    tertiary_input: Mapped[int | None] = _score()
    epilepsy_surgery_referral: Mapped[int | None] = _score()
    ecg: Mapped[int | None] = _score()
    mri: Mapped[int | None] = _score()
    assessment_of_mental_health_issues: Mapped[int | None] = _score()
    mental_health_support: Mapped[int | None] = _score()
    sodium_valproate: Mapped[int | None] = _score()
    comprehensive_care_planning_agreement: Mapped[int | None] = _score()
    patient_held_individualised_epilepsy_document: Mapped[int | None] = _score()
    patient_carer_parent_agreement_to_the_care_planning: Mapped[int | None] = _score()
    care_planning_has_been_updated_when_necessary: Mapped[int | None] = _score()
    comprehensive_care_planning_content: Mapped[int | None] = _score()
    parental_prolonged_seizures_care_plan: Mapped[int | None] = _score()
    water_safety: Mapped[int | None] = _score()
    first_aid: Mapped[int | None] = _score()
    general_participation_and_risk: Mapped[int | None] = _score()
    sudep: Mapped[int | None] = _score()
    service_contact_details: Mapped[int | None] = _score()
    school_individual_healthcare_plan: Mapped[int | None] = _score()
    scored_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
