"""Where each part of a child's record is stored: the forms, the lists and their columns."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import domain.epilepsy12.record as pure
import models.epilepsy12 as tables

#: The six one-per-child forms: record section → table, pure model.
FORMS: dict[str, tuple[type, type]] = {
    "first_paediatric_assessment": (
        tables.FirstPaediatricAssessment,
        pure.FirstPaediatricAssessment,
    ),
    "epilepsy_context": (tables.EpilepsyContext, pure.EpilepsyContext),
    "multiaxial_diagnosis": (tables.MultiaxialDiagnosis, pure.MultiaxialDiagnosis),
    "assessment": (tables.Assessment, pure.Assessment),
    "investigations": (tables.Investigations, pure.Investigations),
    "management": (tables.Management, pure.Management),
}


@dataclass(frozen=True)
class RowList:
    """A list of repeated rows: the form holding it, its table, and the name column it joins."""

    name: str
    form: str
    table: type
    model: type
    parent_column: str
    lookup_column: str
    name_field: str | None


ROW_LISTS: dict[str, RowList] = {
    "episodes": RowList(
        "episodes", "multiaxial_diagnosis", tables.Episode, pure.Episode,
        "multiaxial_diagnosis_id", "", None,
    ),
    "syndromes": RowList(
        "syndromes", "multiaxial_diagnosis", tables.Syndrome, pure.Syndrome,
        "multiaxial_diagnosis_id", "syndrome_id", "syndrome_name",
    ),
    "comorbidities": RowList(
        "comorbidities", "multiaxial_diagnosis", tables.Comorbidity, pure.Comorbidity,
        "multiaxial_diagnosis_id", "comorbidityentity_id", "comorbidity_name",
    ),
    "antiepilepsy_medicines": RowList(
        "antiepilepsy_medicines", "management", tables.AntiEpilepsyMedicine,
        pure.AntiEpilepsyMedicine, "management_id", "medicine_entity_id", "medicine_name",
    ),
}  # fmt: skip

CASE_FIELDS = tuple(pure.Case.model_fields)
REGISTRATION_FIELDS = tuple(pure.Registration.model_fields)
SITE_FLAGS = tuple(name for name in pure.Site.model_fields if name.startswith("site_is_"))
PROGRESS_COLUMNS = tuple(
    column.name
    for column in tables.AuditProgress.__table__.columns
    if column.name not in {"id", "registration_id", "created_at", "updated_at"}
)
KPI_COLUMNS = tuple(tables.KPI_NAMES)


@cache
def stored_fields(section: str) -> tuple[str, ...]:
    """The answers of a form or a row list that are columns of its table (names excepted)."""
    if section in FORMS:
        table, model = FORMS[section]
    else:
        table, model = ROW_LISTS[section].table, ROW_LISTS[section].model
    columns = set(table.__table__.columns.keys())
    return tuple(name for name in model.model_fields if name in columns)
