"""Management in the first year: medicines, the individualised care plan, mental health support."""

from __future__ import annotations

from domain.epilepsy12.record.types import Day, Section, Text, rows


class AntiEpilepsyMedicine(Section):
    """A maintenance or rescue medicine, by its name in the medicine list.

    The three pregnancy-prevention answers belong to sodium valproate only.
    """

    medicine_name: Text | None = None
    is_rescue_medicine: bool | None = None
    antiepilepsy_medicine_start_date: Day | None = None
    antiepilepsy_medicine_stop_date: Day | None = None
    antiepilepsy_medicine_risk_discussed: bool | None = None
    is_a_pregnancy_prevention_programme_needed: bool | None = None
    is_a_pregnancy_prevention_programme_in_place: bool | None = None
    has_a_valproate_annual_risk_acknowledgement_form_been_completed: bool | None = None


class Management(Section):
    has_an_aed_been_given: bool | None = None
    has_rescue_medication_been_prescribed: bool | None = None
    antiepilepsy_medicines: rows(AntiEpilepsyMedicine) = ()
    individualised_care_plan_in_place: bool | None = None
    individualised_care_plan_date: Day | None = None
    individualised_care_plan_has_parent_carer_child_agreement: bool | None = None
    individualised_care_plan_includes_service_contact_details: bool | None = None
    individualised_care_plan_include_first_aid: bool | None = None
    individualised_care_plan_parental_prolonged_seizure_care: bool | None = None
    individualised_care_plan_includes_general_participation_risk: bool | None = None
    individualised_care_plan_addresses_water_safety: bool | None = None
    individualised_care_plan_addresses_sudep: bool | None = None
    individualised_care_plan_includes_ehcp: bool | None = None
    has_individualised_care_plan_been_updated_in_the_last_year: bool | None = None
    has_been_referred_for_mental_health_support: bool | None = None
    has_support_for_mental_health_support: bool | None = None

    def medicines(self, *, rescue: bool) -> tuple[AntiEpilepsyMedicine, ...]:
        """Return the maintenance (``rescue=False``) or the rescue medicines."""
        return tuple(m for m in self.antiepilepsy_medicines if m.is_rescue_medicine is rescue)
