"""The tables use the field names of the record format, so a record maps onto rows name for name."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import inspect

import domain.epilepsy12.codes as domain_codes
import domain.epilepsy12.record as record
import models.epilepsy12 as tables
import models.epilepsy12.codes as stored_codes

#: Record fields that name a lookup row or hold a list of rows, rather than a column.
NOT_COLUMNS = {
    "Site": {"ods_code"},
    "MultiaxialDiagnosis": {"syndromes", "comorbidities", "episodes", "epilepsy_cause"},
    "Syndrome": {"syndrome_name"},
    "Comorbidity": {"comorbidity_name"},
    "Management": {"antiepilepsy_medicines"},
    "AntiEpilepsyMedicine": {"medicine_name"},
}
PARTS = [
    "Case",
    "Site",
    "Registration",
    "FirstPaediatricAssessment",
    "EpilepsyContext",
    "MultiaxialDiagnosis",
    "Episode",
    "Syndrome",
    "Comorbidity",
    "Assessment",
    "Investigations",
    "Management",
    "AntiEpilepsyMedicine",
]


def field_names(cls) -> set[str]:
    if dataclasses.is_dataclass(cls):
        return {field.name for field in dataclasses.fields(cls)}
    return set(cls.model_fields)


@pytest.mark.parametrize("part", PARTS)
def test_every_record_field_is_a_column_of_the_same_name(part):
    model = getattr(tables, part)
    columns = set(inspect(model).columns.keys())
    others = NOT_COLUMNS.get(part, set())

    assert field_names(getattr(record, part)) - others <= columns
    assert all(hasattr(model, name) for name in others - {"ods_code"})


@pytest.mark.parametrize(
    ("stored", "domain_name"),
    [
        ("SEX", "SEX"),
        ("ETHNICITY", "ETHNICITY"),
        ("YES_NO_UNCERTAIN", "YES_NO_UNCERTAIN"),
        ("CHRONICITY", "CHRONICITY"),
        ("SEVERITY", "SEVERITY"),
        ("DATE_ACCURACY", "DATE_ACCURACY"),
        ("EPISODE_DEFINITION", "EPISODE_DEFINITION"),
        ("EPILEPSY_DIAGNOSIS_STATUS", "EPILEPSY_DIAGNOSIS_STATUS"),
        ("EPILEPTIC_SEIZURE_ONSET_TYPE", "EPILEPTIC_SEIZURE_ONSET_TYPE"),
        ("GENERALISED_SEIZURE_TYPE", "GENERALISED_SEIZURE_TYPE"),
        ("NONEPILEPTIC_SEIZURE_UNKNOWN_ONSET", "NONEPILEPTIC_SEIZURE_UNKNOWN_ONSET"),
        ("NONEPILEPTIC_SEIZURE_TYPE", "NONEPILEPTIC_SEIZURE_TYPE"),
        ("EPILEPSY_CAUSE_CATEGORIES", "EPILEPSY_CAUSE_CATEGORY"),
        ("MENTAL_HEALTH_ISSUES", "MENTAL_HEALTH_ISSUE"),
    ],
)
def test_the_database_allows_exactly_the_codes_the_record_allows(stored, domain_name):
    assert set(getattr(stored_codes, stored)) == set(getattr(domain_codes, domain_name))


def test_non_epileptic_subtype_codes_agree():
    assert {field: set(codes) for field, codes in stored_codes.NONEPILEPTIC_SUBTYPES.items()} == {
        field: set(codes) for field, codes in domain_codes.NONEPILEPTIC_SUBTYPES.items()
    }
