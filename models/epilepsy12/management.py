"""Management in the first year: medicines, the individualised care plan and mental health support."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Authored, Base
from models.epilepsy12.lookups import Medicine
from models.epilepsy12.registration import PartOfRegistration


class Management(PartOfRegistration, Authored, Base):
    """Medicines given, the care plan and what it covers, and mental health support."""

    __tablename__ = "e12_management"
    __audited__ = True
    __registration_attribute__ = "management"

    id: Mapped[int] = mapped_column(primary_key=True)
    has_an_aed_been_given: Mapped[bool | None]
    has_rescue_medication_been_prescribed: Mapped[bool | None]
    individualised_care_plan_in_place: Mapped[bool | None]
    individualised_care_plan_date: Mapped[dt.date | None]
    individualised_care_plan_has_parent_carer_child_agreement: Mapped[bool | None]
    individualised_care_plan_includes_service_contact_details: Mapped[bool | None]
    individualised_care_plan_include_first_aid: Mapped[bool | None]
    individualised_care_plan_parental_prolonged_seizure_care: Mapped[bool | None]
    individualised_care_plan_includes_general_participation_risk: Mapped[bool | None]
    individualised_care_plan_addresses_water_safety: Mapped[bool | None]
    individualised_care_plan_addresses_sudep: Mapped[bool | None]
    individualised_care_plan_includes_ehcp: Mapped[bool | None] = mapped_column(
        comment="school individual healthcare plan"
    )
    has_individualised_care_plan_been_updated_in_the_last_year: Mapped[bool | None]
    has_been_referred_for_mental_health_support: Mapped[bool | None]
    has_support_for_mental_health_support: Mapped[bool | None]

    antiepilepsy_medicines: Mapped[list[AntiEpilepsyMedicine]] = relationship(
        back_populates="management",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise_on_sql",
        order_by="AntiEpilepsyMedicine.id",
    )


class AntiEpilepsyMedicine(Authored, Base):
    """A maintenance or rescue medicine the child was given, with valproate safety answers."""

    __tablename__ = "e12_antiepilepsy_medicine"
    __audited__ = True
    __table_args__ = (
        UniqueConstraint("management_id", "medicine_entity_id"),
        CheckConstraint(
            "antiepilepsy_medicine_stop_date >= antiepilepsy_medicine_start_date",
            name="stopped_after_start",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    management_id: Mapped[int] = mapped_column(
        ForeignKey("e12_management.id", ondelete="CASCADE"), index=True
    )
    medicine_entity_id: Mapped[int] = mapped_column(
        ForeignKey("e12_medicine.id", ondelete="RESTRICT")
    )
    is_rescue_medicine: Mapped[bool | None]
    antiepilepsy_medicine_start_date: Mapped[dt.date | None]
    antiepilepsy_medicine_stop_date: Mapped[dt.date | None]
    antiepilepsy_medicine_risk_discussed: Mapped[bool | None]
    is_a_pregnancy_prevention_programme_needed: Mapped[bool | None]
    is_a_pregnancy_prevention_programme_in_place: Mapped[bool | None]
    has_a_valproate_annual_risk_acknowledgement_form_been_completed: Mapped[bool | None]

    medicine_entity: Mapped[Medicine] = relationship(lazy="joined", innerjoin=True)
    management: Mapped[Management] = relationship(
        back_populates="antiepilepsy_medicines", lazy="raise_on_sql"
    )

    @property
    def medicine_name(self) -> str:
        return self.medicine_entity.medicine_name
