"""The multiaxial diagnosis: episodes, syndromes, cause, comorbidities and mental health."""

from __future__ import annotations

from domain.epilepsy12.codes import (
    DATE_ACCURACY,
    EPILEPSY_CAUSE_CATEGORY,
    EPILEPSY_DIAGNOSIS_STATUS,
    EPILEPTIC,
    EPILEPTIC_SEIZURE_ONSET_TYPE,
    EPISODE_DEFINITION,
    GENERALISED_SEIZURE_TYPE,
    MENTAL_HEALTH_ISSUE,
    NONEPILEPTIC_SEIZURE_TYPE,
    NONEPILEPTIC_SEIZURE_UNKNOWN_ONSET,
    NONEPILEPTIC_SUBTYPES,
    SEVERITY,
)
from domain.epilepsy12.record.types import Day, Section, Text, Words, one_of, rows, some_of


class Episode(Section):
    """One kind of event the child had, described and classified."""

    seizure_onset_date: Day | None = None
    seizure_onset_date_confidence: one_of(DATE_ACCURACY) | None = None
    episode_definition: one_of(EPISODE_DEFINITION) | None = None
    has_description_of_the_episode_or_episodes_been_gathered: bool | None = None
    description: str | None = None
    description_keywords: Words = ()
    epilepsy_or_nonepilepsy_status: one_of(EPILEPSY_DIAGNOSIS_STATUS) | None = None

    epileptic_seizure_onset_type: one_of(EPILEPTIC_SEIZURE_ONSET_TYPE) | None = None
    epileptic_generalised_onset: one_of(GENERALISED_SEIZURE_TYPE) | None = None
    focal_onset_left: bool | None = None
    focal_onset_right: bool | None = None
    focal_onset_laterality_unknown: bool | None = None
    focal_onset_atonic: bool | None = None
    focal_onset_clonic: bool | None = None
    focal_onset_epileptic_spasms: bool | None = None
    focal_onset_hyperkinetic: bool | None = None
    focal_onset_myoclonic: bool | None = None
    focal_onset_tonic: bool | None = None
    focal_onset_focal_to_bilateral_tonic_clonic: bool | None = None
    focal_onset_automatisms: bool | None = None
    focal_onset_impaired_awareness: bool | None = None
    focal_onset_gelastic: bool | None = None
    focal_onset_autonomic: bool | None = None
    focal_onset_behavioural_arrest: bool | None = None
    focal_onset_cognitive: bool | None = None
    focal_onset_emotional: bool | None = None
    focal_onset_sensory: bool | None = None
    focal_onset_centrotemporal: bool | None = None
    focal_onset_temporal: bool | None = None
    focal_onset_frontal: bool | None = None
    focal_onset_parietal: bool | None = None
    focal_onset_occipital: bool | None = None

    nonepileptic_seizure_unknown_onset: one_of(NONEPILEPTIC_SEIZURE_UNKNOWN_ONSET) | None = None
    nonepileptic_seizure_type: one_of(NONEPILEPTIC_SEIZURE_TYPE) | None = None
    nonepileptic_seizure_syncope: (
        one_of(NONEPILEPTIC_SUBTYPES["nonepileptic_seizure_syncope"]) | None
    ) = None
    nonepileptic_seizure_behavioural: (
        one_of(NONEPILEPTIC_SUBTYPES["nonepileptic_seizure_behavioural"]) | None
    ) = None
    nonepileptic_seizure_sleep: (
        one_of(NONEPILEPTIC_SUBTYPES["nonepileptic_seizure_sleep"]) | None
    ) = None
    nonepileptic_seizure_paroxysmal: (
        one_of(NONEPILEPTIC_SUBTYPES["nonepileptic_seizure_paroxysmal"]) | None
    ) = None
    nonepileptic_seizure_migraine: (
        one_of(NONEPILEPTIC_SUBTYPES["nonepileptic_seizure_migraine"]) | None
    ) = None
    nonepileptic_seizure_miscellaneous: (
        one_of(NONEPILEPTIC_SUBTYPES["nonepileptic_seizure_miscellaneous"]) | None
    ) = None
    nonepileptic_seizure_other: Text | None = None

    @property
    def is_epileptic(self) -> bool:
        return self.epilepsy_or_nonepilepsy_status == EPILEPTIC


class Syndrome(Section):
    """An epilepsy syndrome (ILAE 2022 name) and when it was diagnosed."""

    syndrome_name: Text | None = None
    syndrome_diagnosis_date: Day | None = None


class Comorbidity(Section):
    """A neurodevelopmental or other comorbidity (preferred term of the comorbidity list)."""

    comorbidity_name: Text | None = None
    comorbidity_diagnosis_date: Day | None = None


class MultiaxialDiagnosis(Section):
    syndrome_present: bool | None = None
    syndromes: rows(Syndrome) = ()
    epilepsy_cause_known: bool | None = None
    epilepsy_cause: Text | None = None
    epilepsy_cause_categories: some_of(EPILEPSY_CAUSE_CATEGORY) = ()
    relevant_impairments_behavioural_educational: bool | None = None
    comorbidities: rows(Comorbidity) = ()
    global_developmental_delay_or_learning_difficulties: bool | None = None
    global_developmental_delay_or_learning_difficulties_severity: one_of(SEVERITY) | None = None
    autistic_spectrum_disorder: bool | None = None
    mental_health_screen: bool | None = None
    mental_health_issue_identified: bool | None = None
    mental_health_issues: some_of(MENTAL_HEALTH_ISSUE) = ()
    episodes: rows(Episode) = ()
