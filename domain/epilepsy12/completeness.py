"""How much of each audit section is filled in: expected and completed answers, per section.

Every section expects a fixed set of answers plus the extras its answers call for (a referral
made calls for its dates, a medicine for its start date...). A section is complete when every
expected answer is given; the audit is complete when all seven sections are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from domain.epilepsy12.codes import (
    FEMALE,
    FOCAL_LATERALITY_FIELDS,
    FOCAL_ONSET,
    GENERALISED_ONSET,
    NON_EPILEPTIC,
    NONEPILEPTIC_SUBTYPE_FIELD,
    OTHER_NONEPILEPTIC_TYPE,
    SODIUM_VALPROATE,
)
from domain.epilepsy12.record import (
    SECTIONS,
    Assessment,
    EpilepsyContext,
    Episode,
    FirstPaediatricAssessment,
    Investigations,
    Management,
    MultiaxialDiagnosis,
    Record,
    Registration,
)
from domain.epilepsy12.record.types import Section

#: Answers each episode always expects; an epileptic episode is required, so none yet expects these.
EPISODE_BASE = (
    "seizure_onset_date",
    "seizure_onset_date_confidence",
    "episode_definition",
    "has_description_of_the_episode_or_episodes_been_gathered",
    "epilepsy_or_nonepilepsy_status",
)
MEDICINE_ANSWERS = (
    "medicine_name",
    "antiepilepsy_medicine_start_date",
    "antiepilepsy_medicine_risk_discussed",
)
CARE_PLAN_ANSWERS = (
    "individualised_care_plan_date",
    "individualised_care_plan_has_parent_carer_child_agreement",
    "individualised_care_plan_includes_service_contact_details",
    "individualised_care_plan_include_first_aid",
    "individualised_care_plan_parental_prolonged_seizure_care",
    "individualised_care_plan_includes_general_participation_risk",
    "individualised_care_plan_addresses_water_safety",
    "individualised_care_plan_addresses_sudep",
    "individualised_care_plan_includes_ehcp",
    "has_individualised_care_plan_been_updated_in_the_last_year",
)


@dataclass(frozen=True)
class SectionProgress:
    expected: int
    completed: int

    @property
    def complete(self) -> bool:
        """Every expected answer is given (a section that expects nothing is not complete)."""
        return self.expected > 0 and self.completed == self.expected


@dataclass(frozen=True)
class Completeness:
    """Progress of each of the seven sections, in the order the audit presents them."""

    sections: dict[str, SectionProgress]

    @property
    def audit_complete(self) -> bool:
        return all(progress.complete for progress in self.sections.values())

    @property
    def total_expected(self) -> int:
        return sum(progress.expected for progress in self.sections.values())

    @property
    def total_completed(self) -> int:
        return sum(progress.completed for progress in self.sections.values())


class Tally:
    """Counts answers as they are asked for: expected always, completed when given."""

    __slots__ = ("completed", "expected")

    def __init__(self) -> None:
        self.expected = 0
        self.completed = 0

    def ask(self, *answers) -> None:
        """Expect these answers; ``None`` and an empty list mean one is not given."""
        self.expected += len(answers)
        for answer in answers:
            if answer is not None and answer != ():
                self.completed += 1

    def ask_fields(self, section: Section, fields: Iterable[str]) -> None:
        self.ask(*(getattr(section, field) for field in fields))

    def ask_rows(self, rows: tuple[Section, ...], fields: tuple[str, ...]) -> None:
        """Expect ``fields`` of every row, or of one row still to be added when there is none."""
        if not rows:
            self.expected += len(fields)
        for row in rows:
            self.ask_fields(row, fields)

    def progress(self) -> SectionProgress:
        return SectionProgress(self.expected, self.completed)


def present(condition: bool) -> bool | None:
    """An answer that exists only when ``condition`` holds (a lead site, a listed centre)."""
    return True if condition else None


def registration_progress(record: Record) -> SectionProgress:
    registration = record.registration or Registration()
    t = Tally()
    t.ask(
        registration.first_paediatric_assessment_date,
        registration.eligibility_criteria_met,
        present(record.has_lead_site),
    )
    return t.progress()


def every_answer_progress(section: Section | None, empty: type[Section]) -> SectionProgress:
    t = Tally()
    t.ask_fields(section or empty(), empty.model_fields)
    return t.progress()


def episode_answers(t: Tally, episode: Episode) -> None:
    t.ask_fields(episode, EPISODE_BASE)
    if episode.is_epileptic:
        t.ask(episode.epileptic_seizure_onset_type)
        if episode.epileptic_seizure_onset_type == GENERALISED_ONSET:
            t.ask(episode.epileptic_generalised_onset)
        elif episode.epileptic_seizure_onset_type == FOCAL_ONSET:
            t.ask(present(any(getattr(episode, f) for f in FOCAL_LATERALITY_FIELDS)))
    elif episode.epilepsy_or_nonepilepsy_status == NON_EPILEPTIC:
        t.ask(episode.nonepileptic_seizure_unknown_onset, episode.nonepileptic_seizure_type)
        if episode.nonepileptic_seizure_type != OTHER_NONEPILEPTIC_TYPE:
            subtype = NONEPILEPTIC_SUBTYPE_FIELD.get(episode.nonepileptic_seizure_type)
            t.ask(getattr(episode, subtype) if subtype else None)


def multiaxial_diagnosis_progress(record: Record) -> SectionProgress:
    md = record.multiaxial_diagnosis or MultiaxialDiagnosis()
    t = Tally()
    t.ask(
        md.syndrome_present,
        md.epilepsy_cause_known,
        md.relevant_impairments_behavioural_educational,
        md.autistic_spectrum_disorder,
        md.global_developmental_delay_or_learning_difficulties,
        md.mental_health_screen,
        md.mental_health_issue_identified,
    )
    for episode in md.episodes:
        episode_answers(t, episode)
    if not any(episode.is_epileptic for episode in md.episodes):
        t.expected += len(EPISODE_BASE)
    if md.syndrome_present:
        t.ask_rows(md.syndromes, ("syndrome_diagnosis_date", "syndrome_name"))
    if md.epilepsy_cause_known:
        t.ask(md.epilepsy_cause, md.epilepsy_cause_categories)
    if md.relevant_impairments_behavioural_educational:
        t.ask_rows(md.comorbidities, ("comorbidity_diagnosis_date", "comorbidity_name"))
    if md.mental_health_issue_identified:
        t.ask(md.mental_health_issues)
    if md.global_developmental_delay_or_learning_difficulties:
        t.ask(md.global_developmental_delay_or_learning_difficulties_severity)
    return t.progress()


def assessment_progress(record: Record) -> SectionProgress:
    a = record.assessment or Assessment()
    t = Tally()
    t.ask(
        a.childrens_epilepsy_surgical_service_referral_criteria_met,
        a.consultant_paediatrician_referral_made,
        a.paediatric_neurologist_referral_made,
        a.childrens_epilepsy_surgical_service_referral_made,
        a.epilepsy_specialist_nurse_referral_made,
    )
    if a.consultant_paediatrician_referral_made:
        t.ask(
            a.consultant_paediatrician_referral_date,
            a.consultant_paediatrician_input_date,
            present(record.has_active_centre("site_is_general_paediatric_centre")),
        )
    if a.paediatric_neurologist_referral_made:
        t.ask(
            a.paediatric_neurologist_referral_date,
            a.paediatric_neurologist_input_date,
            present(record.has_active_centre("site_is_paediatric_neurology_centre")),
        )
    if a.childrens_epilepsy_surgical_service_referral_made:
        t.ask(
            a.childrens_epilepsy_surgical_service_referral_date,
            present(record.has_active_centre("site_is_childrens_epilepsy_surgery_centre")),
        )
    if a.epilepsy_specialist_nurse_referral_made:
        t.ask(a.epilepsy_specialist_nurse_referral_date, a.epilepsy_specialist_nurse_input_date)
    return t.progress()


def investigations_progress(record: Record) -> SectionProgress:
    i = record.investigations or Investigations()
    t = Tally()
    t.ask(i.eeg_indicated, i.twelve_lead_ecg_status, i.ct_head_scan_status, i.mri_indicated)
    if i.eeg_indicated:
        if i.eeg_declined:
            t.ask(i.eeg_declined)
        else:
            t.ask(i.eeg_request_date, i.eeg_performed_date)
    if i.mri_indicated:
        if i.mri_declined:
            t.ask(i.mri_declined)
        else:
            t.ask(i.mri_brain_requested_date, i.mri_brain_reported_date)
    return t.progress()


def needs_pregnancy_prevention_answers(record: Record) -> bool:
    """Girls aged 12 or more at the first paediatric assessment."""
    age = record.age_at_first_assessment
    return record.case.sex == FEMALE and age is not None and age >= 12


def management_progress(record: Record) -> SectionProgress:
    m = record.management or Management()
    t = Tally()
    t.ask(
        m.has_an_aed_been_given,
        m.has_rescue_medication_been_prescribed,
        m.individualised_care_plan_in_place,
        m.has_been_referred_for_mental_health_support,
        m.has_support_for_mental_health_support,
    )
    if m.has_an_aed_been_given:
        maintenance = m.medicines(rescue=False)
        t.ask_rows(maintenance, MEDICINE_ANSWERS)
        if needs_pregnancy_prevention_answers(record):
            for medicine in maintenance:
                if (
                    medicine.medicine_name == SODIUM_VALPROATE
                    and medicine.is_a_pregnancy_prevention_programme_needed
                ):
                    t.ask(
                        medicine.is_a_pregnancy_prevention_programme_in_place,
                        medicine.has_a_valproate_annual_risk_acknowledgement_form_been_completed,
                    )
    if m.has_rescue_medication_been_prescribed:
        t.ask_rows(m.medicines(rescue=True), MEDICINE_ANSWERS)
    if m.individualised_care_plan_in_place:
        t.ask_fields(m, CARE_PLAN_ANSWERS)
    return t.progress()


def count_completeness(record: Record) -> Completeness:
    """Count expected and completed answers in each of the seven sections."""
    sections = {
        "registration": registration_progress(record),
        "first_paediatric_assessment": every_answer_progress(
            record.first_paediatric_assessment, FirstPaediatricAssessment
        ),
        "epilepsy_context": every_answer_progress(record.epilepsy_context, EpilepsyContext),
        "multiaxial_diagnosis": multiaxial_diagnosis_progress(record),
        "assessment": assessment_progress(record),
        "investigations": investigations_progress(record),
        "management": management_progress(record),
    }
    return Completeness({name: sections[name] for name in SECTIONS})
