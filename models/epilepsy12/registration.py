"""A child's registration in the audit: the first paediatric assessment date fixes the cohort.

The six forms, the completeness counters and the KPI result each hang off the registration, one row
each. The service derives cohort, first-year end date and submission date on every save.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import CheckConstraint, ForeignKey, SmallInteger
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from models.base import Authored, Base

if TYPE_CHECKING:
    from models.epilepsy12.assessment import Assessment, Investigations
    from models.epilepsy12.case import Case
    from models.epilepsy12.diagnosis import MultiaxialDiagnosis
    from models.epilepsy12.first_assessment import EpilepsyContext, FirstPaediatricAssessment
    from models.epilepsy12.management import Management
    from models.epilepsy12.progress import AuditProgress, KPIResult


def _one(target: str) -> Any:
    """A form owned by the registration: deleted with it, loaded only when asked for."""
    return relationship(
        target,
        back_populates="registration",
        uselist=False,
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise_on_sql",
    )


class Registration(Authored, Base):
    """Eligibility and first paediatric assessment date, with the dates derived from them."""

    __tablename__ = "e12_registration"
    __audited__ = True
    __table_args__ = (
        CheckConstraint("cohort >= 4", name="cohort_from_december_2020"),
        CheckConstraint(
            "completed_first_year_of_care_date > first_paediatric_assessment_date",
            name="first_year_after_assessment",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("e12_case.id", ondelete="CASCADE"), unique=True)
    first_paediatric_assessment_date: Mapped[dt.date | None]
    eligibility_criteria_met: Mapped[bool | None]
    cohort: Mapped[int | None] = mapped_column(
        SmallInteger, index=True, comment="derived from the first paediatric assessment date"
    )
    completed_first_year_of_care_date: Mapped[dt.date | None] = mapped_column(
        comment="derived: first paediatric assessment + 1 year"
    )
    audit_submission_date: Mapped[dt.date | None] = mapped_column(
        comment="derived: second Tuesday of January after the cohort"
    )

    case: Mapped[Case] = relationship(back_populates="registration", lazy="raise_on_sql")
    first_paediatric_assessment: Mapped[FirstPaediatricAssessment | None] = _one(
        "FirstPaediatricAssessment"
    )
    epilepsy_context: Mapped[EpilepsyContext | None] = _one("EpilepsyContext")
    multiaxial_diagnosis: Mapped[MultiaxialDiagnosis | None] = _one("MultiaxialDiagnosis")
    assessment: Mapped[Assessment | None] = _one("Assessment")
    investigations: Mapped[Investigations | None] = _one("Investigations")
    management: Mapped[Management | None] = _one("Management")
    audit_progress: Mapped[AuditProgress | None] = _one("AuditProgress")
    kpi_result: Mapped[KPIResult | None] = _one("KPIResult")

    @property
    def is_registered(self) -> bool:
        """Whether the child counts for KPI scoring: eligibility confirmed and a first assessment."""
        return (
            bool(self.eligibility_criteria_met)
            and self.first_paediatric_assessment_date is not None
        )


class PartOfRegistration:
    """A row that exists once per registration: a form, the counters or the KPI result."""

    #: The attribute of ``Registration`` that holds this row.
    __registration_attribute__: ClassVar[str]

    @declared_attr
    def registration_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("e12_registration.id", ondelete="CASCADE"), unique=True)

    @declared_attr
    def registration(cls) -> Mapped[Registration]:
        return relationship(
            "Registration", back_populates=cls.__registration_attribute__, lazy="raise_on_sql"
        )
