"""The lists Epilepsy12 answers choose from, seeded from ``data/epilepsy12`` and extended nationally.

Rows are never deleted (answers point at them): national staff retire a row with ``active = False``.
Seeded rows have no author; rows added through the portal record who added them.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, String, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Authored, Base
from models.epilepsy12.codes import SEMIOLOGY_CATEGORIES, sql_in


class Lookup(Authored):
    """A row of a lookup list: offered while active."""

    __reference_data__ = True

    active: Mapped[bool] = mapped_column(default=True, server_default=true())


class SyndromeList(Lookup, Base):
    """An ILAE 2022 epilepsy syndrome; KPI 5 recognises some by their exact name."""

    __tablename__ = "e12_syndrome_list"

    id: Mapped[int] = mapped_column(primary_key=True)
    syndrome_name: Mapped[str] = mapped_column(String(200), unique=True)


class Medicine(Lookup, Base):
    """An antiseizure medicine, maintenance or rescue, with its SNOMED CT concept."""

    __tablename__ = "e12_medicine"
    __table_args__ = (UniqueConstraint("medicine_name", "is_rescue"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    medicine_name: Mapped[str] = mapped_column(String(100))
    concept_id: Mapped[str | None] = mapped_column(String(18), comment="SNOMED CT; NULL for Other")
    preferred_term: Mapped[str | None] = mapped_column(String(255))
    is_rescue: Mapped[bool]


class ComorbidityList(Lookup, Base):
    """A neurodevelopmental comorbidity from the paediatric neurodisability reference set."""

    __tablename__ = "e12_comorbidity_list"

    id: Mapped[int] = mapped_column(primary_key=True)
    concept_id: Mapped[str | None] = mapped_column(String(18), unique=True, comment="SNOMED CT")
    preferred_term: Mapped[str] = mapped_column(String(255), unique=True)


class EpilepsyCause(Lookup, Base):
    """A known cause of epilepsy as a SNOMED CT concept."""

    __tablename__ = "e12_epilepsy_cause"

    id: Mapped[int] = mapped_column(primary_key=True)
    concept_id: Mapped[str | None] = mapped_column(String(18), unique=True, comment="SNOMED CT")
    preferred_term: Mapped[str] = mapped_column(String(255), unique=True)


class SemiologyKeyword(Lookup, Base):
    """An ILAE seizure-semiology term looked for in a seizure description."""

    __tablename__ = "e12_semiology_keyword"
    __table_args__ = (CheckConstraint(sql_in("category", SEMIOLOGY_CATEGORIES), name="category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    keyword: Mapped[str] = mapped_column(String(100), unique=True)
    category: Mapped[str] = mapped_column(String(30))
