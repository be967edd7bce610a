"""The first paediatric assessment and the child's epilepsy context: what was known at the start.

Every answer is nullable: NULL means not answered yet, which completeness and KPI scoring rely on.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Authored, Base
from models.epilepsy12.codes import CHRONICITY, YES_NO_UNCERTAIN, sql_in
from models.epilepsy12.registration import PartOfRegistration

YES_NO_UNCERTAIN_ANSWERS = (
    "previous_febrile_seizure",
    "previous_acute_symptomatic_seizure",
    "is_there_a_family_history_of_epilepsy",
    "previous_neonatal_seizures",
    "experienced_prolonged_generalized_convulsive_seizures",
    "experienced_prolonged_focal_seizures",
)


class FirstPaediatricAssessment(PartOfRegistration, Authored, Base):
    """The setting and findings of the first paediatric assessment."""

    __tablename__ = "e12_first_paediatric_assessment"
    __audited__ = True
    __registration_attribute__ = "first_paediatric_assessment"
    __table_args__ = (
        CheckConstraint(
            sql_in("first_paediatric_assessment_in_acute_or_nonacute_setting", CHRONICITY),
            name="setting",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    first_paediatric_assessment_in_acute_or_nonacute_setting: Mapped[int | None] = mapped_column(
        SmallInteger, comment="1 acute, 2 non-acute, 3 don't know"
    )
    has_number_of_episodes_since_the_first_been_documented: Mapped[bool | None]
    general_examination_performed: Mapped[bool | None]
    neurological_examination_performed: Mapped[bool | None]
    developmental_learning_or_schooling_problems: Mapped[bool | None]
    behavioural_or_emotional_problems: Mapped[bool | None]


class EpilepsyContext(PartOfRegistration, Authored, Base):
    """Earlier seizures, family history and whether the epileptic seizures were convulsive."""

    __tablename__ = "e12_epilepsy_context"
    __audited__ = True
    __registration_attribute__ = "epilepsy_context"
    __table_args__ = (
        CheckConstraint(
            " AND ".join(
                f"({sql_in(column, YES_NO_UNCERTAIN)})" for column in YES_NO_UNCERTAIN_ANSWERS
            ),
            name="yes_no_uncertain",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    previous_febrile_seizure: Mapped[str | None] = mapped_column(String(1), comment="Y, N or U")
    previous_acute_symptomatic_seizure: Mapped[str | None] = mapped_column(String(1))
    is_there_a_family_history_of_epilepsy: Mapped[str | None] = mapped_column(String(1))
    previous_neonatal_seizures: Mapped[str | None] = mapped_column(String(1))
    diagnosis_of_epilepsy_withdrawn: Mapped[bool | None]
    were_any_of_the_epileptic_seizures_convulsive: Mapped[bool | None]
    experienced_prolonged_generalized_convulsive_seizures: Mapped[str | None] = mapped_column(
        String(1), comment="longer than 5 minutes: Y, N or U"
    )
    experienced_prolonged_focal_seizures: Mapped[str | None] = mapped_column(
        String(1), comment="longer than 5 minutes: Y, N or U"
    )
