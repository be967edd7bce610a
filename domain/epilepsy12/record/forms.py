"""The one-per-child audit forms that hold no repeated rows."""

from __future__ import annotations

from domain.epilepsy12.codes import CHRONICITY, YES_NO_UNCERTAIN
from domain.epilepsy12.record.types import Day, Section, one_of

YesNoUncertain = one_of(YES_NO_UNCERTAIN)


class Registration(Section):
    """The first paediatric assessment date fixes the cohort; eligibility is confirmed once."""

    first_paediatric_assessment_date: Day | None = None
    eligibility_criteria_met: bool | None = None


class FirstPaediatricAssessment(Section):
    first_paediatric_assessment_in_acute_or_nonacute_setting: one_of(CHRONICITY) | None = None
    has_number_of_episodes_since_the_first_been_documented: bool | None = None
    general_examination_performed: bool | None = None
    neurological_examination_performed: bool | None = None
    developmental_learning_or_schooling_problems: bool | None = None
    behavioural_or_emotional_problems: bool | None = None


class EpilepsyContext(Section):
    previous_febrile_seizure: YesNoUncertain | None = None
    previous_acute_symptomatic_seizure: YesNoUncertain | None = None
    is_there_a_family_history_of_epilepsy: YesNoUncertain | None = None
    previous_neonatal_seizures: YesNoUncertain | None = None
    diagnosis_of_epilepsy_withdrawn: bool | None = None
    were_any_of_the_epileptic_seizures_convulsive: bool | None = None
    experienced_prolonged_generalized_convulsive_seizures: YesNoUncertain | None = None
    experienced_prolonged_focal_seizures: YesNoUncertain | None = None


class Assessment(Section):
    """Referrals to the four specialist pathways, each: made?, referral date, input date."""

    childrens_epilepsy_surgical_service_referral_criteria_met: bool | None = None
    consultant_paediatrician_referral_made: bool | None = None
    consultant_paediatrician_referral_date: Day | None = None
    consultant_paediatrician_input_date: Day | None = None
    paediatric_neurologist_referral_made: bool | None = None
    paediatric_neurologist_referral_date: Day | None = None
    paediatric_neurologist_input_date: Day | None = None
    childrens_epilepsy_surgical_service_referral_made: bool | None = None
    childrens_epilepsy_surgical_service_referral_date: Day | None = None
    childrens_epilepsy_surgical_service_input_date: Day | None = None
    epilepsy_specialist_nurse_referral_made: bool | None = None
    epilepsy_specialist_nurse_referral_date: Day | None = None
    epilepsy_specialist_nurse_input_date: Day | None = None


class Investigations(Section):
    """EEG, ECG, CT and MRI; a test the family declined is recorded as declined, without a date."""

    eeg_indicated: bool | None = None
    eeg_request_date: Day | None = None
    eeg_performed_date: Day | None = None
    eeg_declined: bool | None = None
    twelve_lead_ecg_status: bool | None = None
    ct_head_scan_status: bool | None = None
    mri_indicated: bool | None = None
    mri_brain_requested_date: Day | None = None
    mri_brain_reported_date: Day | None = None
    mri_declined: bool | None = None
