"""The multiaxial diagnosis: episodes, syndromes, cause, comorbidities and mental health.

Episodes, syndromes and comorbidities belong to the diagnosis and go with it. A syndrome or a
comorbidity appears at most once per child. Lists of codes (cause categories, mental health issues,
description keywords) are JSON lists of strings.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Authored, Base
from models.epilepsy12.codes import (
    DATE_ACCURACY,
    EPILEPSY_DIAGNOSIS_STATUS,
    EPILEPTIC_SEIZURE_ONSET_TYPE,
    EPISODE_DEFINITION,
    GENERALISED_SEIZURE_TYPE,
    NONEPILEPTIC_SEIZURE_TYPE,
    NONEPILEPTIC_SEIZURE_UNKNOWN_ONSET,
    NONEPILEPTIC_SUBTYPES,
    SEVERITY,
    sql_in,
)
from models.epilepsy12.lookups import ComorbidityList, EpilepsyCause, SyndromeList
from models.epilepsy12.registration import PartOfRegistration


def _children(target: str) -> Any:
    """A collection owned by the diagnosis: removed rows are deleted, loaded only when asked for."""
    return relationship(
        target,
        back_populates="multiaxial_diagnosis",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise_on_sql",
        order_by=f"{target}.id",
    )


class MultiaxialDiagnosis(PartOfRegistration, Authored, Base):
    """The diagnosis form: yes/no answers that open the detail questions."""

    __tablename__ = "e12_multiaxial_diagnosis"
    __audited__ = True
    __registration_attribute__ = "multiaxial_diagnosis"
    __table_args__ = (
        CheckConstraint(
            sql_in("global_developmental_delay_or_learning_difficulties_severity", SEVERITY),
            name="gdd_severity",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    syndrome_present: Mapped[bool | None]
    epilepsy_cause_known: Mapped[bool | None]
    epilepsy_cause_id: Mapped[int | None] = mapped_column(
        ForeignKey("e12_epilepsy_cause.id", ondelete="RESTRICT")
    )
    epilepsy_cause_categories: Mapped[list[str] | None] = mapped_column(
        comment="Gen, Imm, Inf, Met, Str"
    )
    relevant_impairments_behavioural_educational: Mapped[bool | None]
    global_developmental_delay_or_learning_difficulties: Mapped[bool | None]
    global_developmental_delay_or_learning_difficulties_severity: Mapped[str | None] = (
        mapped_column(String(10))
    )
    autistic_spectrum_disorder: Mapped[bool | None]
    mental_health_screen: Mapped[bool | None]
    mental_health_issue_identified: Mapped[bool | None]
    mental_health_issues: Mapped[list[str] | None] = mapped_column(
        comment="AxD, EmB, MoD, SHm, Oth"
    )

    epilepsy_cause: Mapped[EpilepsyCause | None] = relationship(lazy="joined")
    episodes: Mapped[list[Episode]] = _children("Episode")
    syndromes: Mapped[list[Syndrome]] = _children("Syndrome")
    comorbidities: Mapped[list[Comorbidity]] = _children("Comorbidity")


def _diagnosis_id() -> Mapped[int]:
    return mapped_column(ForeignKey("e12_multiaxial_diagnosis.id", ondelete="CASCADE"), index=True)


def _nonepileptic_subtype_checks() -> tuple[CheckConstraint, ...]:
    return tuple(
        CheckConstraint(sql_in(column, codes), name=column.removeprefix("nonepileptic_seizure_"))
        for column, codes in NONEPILEPTIC_SUBTYPES.items()
    )


class Episode(Authored, Base):
    """One kind of episode the child had: when, how it was described, and how it was classified."""

    __tablename__ = "e12_episode"
    __audited__ = True
    __table_args__ = (
        CheckConstraint(sql_in("seizure_onset_date_confidence", DATE_ACCURACY), name="confidence"),
        CheckConstraint(sql_in("episode_definition", EPISODE_DEFINITION), name="definition"),
        CheckConstraint(
            sql_in("epilepsy_or_nonepilepsy_status", EPILEPSY_DIAGNOSIS_STATUS), name="status"
        ),
        CheckConstraint(
            sql_in("epileptic_seizure_onset_type", EPILEPTIC_SEIZURE_ONSET_TYPE), name="onset_type"
        ),
        CheckConstraint(
            sql_in("epileptic_generalised_onset", GENERALISED_SEIZURE_TYPE),
            name="generalised_onset",
        ),
        CheckConstraint(
            sql_in("nonepileptic_seizure_unknown_onset", NONEPILEPTIC_SEIZURE_UNKNOWN_ONSET),
            name="nonepileptic_onset",
        ),
        CheckConstraint(
            sql_in("nonepileptic_seizure_type", NONEPILEPTIC_SEIZURE_TYPE),
            name="nonepileptic_type",
        ),
        *_nonepileptic_subtype_checks(),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    multiaxial_diagnosis_id: Mapped[int] = _diagnosis_id()
    seizure_onset_date: Mapped[dt.date | None]
    seizure_onset_date_confidence: Mapped[str | None] = mapped_column(
        String(3), comment="Apx approximate, Exc exact, NK not known"
    )
    episode_definition: Mapped[str | None] = mapped_column(
        String(1), comment="a single, b cluster within 24 h, c two or more over 24 h apart"
    )
    has_description_of_the_episode_or_episodes_been_gathered: Mapped[bool | None]
    description: Mapped[str | None] = mapped_column(Text)
    description_keywords: Mapped[list[str] | None] = mapped_column(
        comment="semiology keywords found in the description"
    )
    epilepsy_or_nonepilepsy_status: Mapped[str | None] = mapped_column(
        String(2), comment="E epileptic, NE non-epileptic, U uncertain"
    )
    epileptic_seizure_onset_type: Mapped[str | None] = mapped_column(String(2))
    epileptic_generalised_onset: Mapped[str | None] = mapped_column(String(3))
    focal_onset_left: Mapped[bool | None]
    focal_onset_right: Mapped[bool | None]
    focal_onset_laterality_unknown: Mapped[bool | None]
    focal_onset_atonic: Mapped[bool | None]
    focal_onset_clonic: Mapped[bool | None]
    focal_onset_epileptic_spasms: Mapped[bool | None]
    focal_onset_hyperkinetic: Mapped[bool | None]
    focal_onset_myoclonic: Mapped[bool | None]
    focal_onset_tonic: Mapped[bool | None]
    focal_onset_focal_to_bilateral_tonic_clonic: Mapped[bool | None]
    focal_onset_automatisms: Mapped[bool | None]
    focal_onset_impaired_awareness: Mapped[bool | None]
    focal_onset_gelastic: Mapped[bool | None]
    focal_onset_autonomic: Mapped[bool | None]
    focal_onset_behavioural_arrest: Mapped[bool | None]
    focal_onset_cognitive: Mapped[bool | None]
    focal_onset_emotional: Mapped[bool | None]
    focal_onset_sensory: Mapped[bool | None]
    focal_onset_centrotemporal: Mapped[bool | None]
    focal_onset_temporal: Mapped[bool | None]
    focal_onset_frontal: Mapped[bool | None]
    focal_onset_parietal: Mapped[bool | None]
    focal_onset_occipital: Mapped[bool | None]
    nonepileptic_seizure_unknown_onset: Mapped[str | None] = mapped_column(String(3))
    nonepileptic_seizure_type: Mapped[str | None] = mapped_column(String(3))
    nonepileptic_seizure_syncope: Mapped[str | None] = mapped_column(String(1))
    nonepileptic_seizure_behavioural: Mapped[str | None] = mapped_column(String(1))
    nonepileptic_seizure_sleep: Mapped[str | None] = mapped_column(String(1))
    nonepileptic_seizure_paroxysmal: Mapped[str | None] = mapped_column(String(1))
    nonepileptic_seizure_migraine: Mapped[str | None] = mapped_column(String(1))
    nonepileptic_seizure_miscellaneous: Mapped[str | None] = mapped_column(String(1))
    nonepileptic_seizure_other: Mapped[str | None] = mapped_column(String(250))

    multiaxial_diagnosis: Mapped[MultiaxialDiagnosis] = relationship(
        back_populates="episodes", lazy="raise_on_sql"
    )


class Syndrome(Authored, Base):
    """An epilepsy syndrome diagnosed in the child, and when."""

    __tablename__ = "e12_syndrome"
    __audited__ = True
    __table_args__ = (UniqueConstraint("multiaxial_diagnosis_id", "syndrome_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    multiaxial_diagnosis_id: Mapped[int] = _diagnosis_id()
    syndrome_id: Mapped[int] = mapped_column(
        ForeignKey("e12_syndrome_list.id", ondelete="RESTRICT")
    )
    syndrome_diagnosis_date: Mapped[dt.date | None]

    syndrome: Mapped[SyndromeList] = relationship(lazy="joined", innerjoin=True)
    multiaxial_diagnosis: Mapped[MultiaxialDiagnosis] = relationship(
        back_populates="syndromes", lazy="raise_on_sql"
    )

    @property
    def syndrome_name(self) -> str:
        return self.syndrome.syndrome_name


class Comorbidity(Authored, Base):
    """A neurodevelopmental comorbidity of the child, and when it was diagnosed."""

    __tablename__ = "e12_comorbidity"
    __audited__ = True
    __table_args__ = (UniqueConstraint("multiaxial_diagnosis_id", "comorbidityentity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    multiaxial_diagnosis_id: Mapped[int] = _diagnosis_id()
    comorbidityentity_id: Mapped[int] = mapped_column(
        ForeignKey("e12_comorbidity_list.id", ondelete="RESTRICT")
    )
    comorbidity_diagnosis_date: Mapped[dt.date | None]

    comorbidityentity: Mapped[ComorbidityList] = relationship(lazy="joined", innerjoin=True)
    multiaxial_diagnosis: Mapped[MultiaxialDiagnosis] = relationship(
        back_populates="comorbidities", lazy="raise_on_sql"
    )

    @property
    def comorbidity_name(self) -> str:
        return self.comorbidityentity.preferred_term
