"""The lookup lists the migrations seed: the right rows, the exact names KPIs match, real codes."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.epilepsy12 import (
    ComorbidityList,
    EpilepsyCause,
    Medicine,
    SemiologyKeyword,
    SyndromeList,
)
from models.epilepsy12.codes import SEMIOLOGY_CATEGORIES

DATA = Path(__file__).resolve().parents[3] / "data" / "epilepsy12"

KPI_5_SYNDROMES = (
    "Self-limited epilepsy with centrotemporal spikes",
    "Juvenile myoclonic epilepsy",
    "Juvenile absence epilepsy",
    "Childhood absence epilepsy",
    "Epilepsy with generalized tonic\N{EN DASH}clonic seizures alone",
)

# Verhoeff check digit tables, as SNOMED CT identifiers use them.
_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)


def is_well_formed_concept_id(sctid: str) -> bool:
    """Whether ``sctid`` is a SNOMED CT concept id: 6-18 digits, concept partition, Verhoeff."""
    if not (sctid.isdigit() and 6 <= len(sctid) <= 18 and sctid[-3:-1] in ("00", "10")):
        return False
    check = 0
    for position, digit in enumerate(reversed(sctid)):
        check = _D[check][_P[position % 8][int(digit)]]
    return check == 0


def rows(file_name: str) -> list[dict[str, str]]:
    with (DATA / file_name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_verhoeff_check_rejects_a_mistyped_id():
    assert is_well_formed_concept_id("387481005")
    assert not is_well_formed_concept_id("387481006")
    assert not is_well_formed_concept_id("387418005")
    assert not is_well_formed_concept_id("387481015")


@pytest.mark.parametrize("file_name", ["medicines.csv", "comorbidities.csv", "epilepsy_causes.csv"])
def test_every_concept_id_is_well_formed_and_unique(file_name):
    ids = [row["concept_id"] for row in rows(file_name) if row["concept_id"]]

    assert [sctid for sctid in ids if not is_well_formed_concept_id(sctid)] == []
    assert len(ids) == len(set(ids))


def test_epilepsy_causes_are_a_curated_list_of_40_to_80():
    causes = rows("epilepsy_causes.csv")

    assert 40 <= len(causes) <= 80
    assert all(row["concept_id"] and row["preferred_term"] for row in causes)


@pytest.mark.sqlite
def test_forty_ilae_syndromes_including_the_kpi_5_names_verbatim(db):
    names = set(db.scalars(select(SyndromeList.syndrome_name)))

    assert len(names) == 40
    assert set(KPI_5_SYNDROMES) <= names


@pytest.mark.sqlite
def test_medicines_maintenance_and_rescue(db):
    medicines = db.execute(
        select(Medicine.medicine_name, Medicine.concept_id, Medicine.is_rescue)
    ).all()
    maintenance = {name: concept for name, concept, rescue in medicines if not rescue}
    rescue = {name: concept for name, concept, rescue in medicines if rescue}

    assert len(maintenance) == 32
    assert maintenance["Sodium valproate"] == "387481005"
    assert maintenance["Other"] is None
    assert set(rescue) == {"Buccal midazolam", "Rectal diazepam", "Lorazepam", "Other"}
    assert all(concept for name, concept in maintenance.items() if name != "Other")


@pytest.mark.sqlite
def test_twenty_comorbidities_with_snomed_concepts(db):
    comorbidities = db.execute(
        select(ComorbidityList.preferred_term, ComorbidityList.concept_id)
    ).all()

    assert len(comorbidities) == 20
    assert ("Attention deficit hyperactivity disorder", "406506008") in comorbidities
    assert all(concept for _term, concept in comorbidities)


@pytest.mark.sqlite
def test_semiology_keywords_in_the_ilae_categories(db):
    by_category = dict(
        db.execute(
            select(SemiologyKeyword.category, func.count()).group_by(SemiologyKeyword.category)
        ).all()
    )

    assert set(by_category) == set(SEMIOLOGY_CATEGORIES)
    assert sum(by_category.values()) == 70


@pytest.mark.sqlite
@pytest.mark.parametrize(
    ("model", "file_name", "columns"),
    [
        (SyndromeList, "syndromes.csv", ("syndrome_name",)),
        (Medicine, "medicines.csv", ("medicine_name", "concept_id", "preferred_term")),
        (ComorbidityList, "comorbidities.csv", ("concept_id", "preferred_term")),
        (EpilepsyCause, "epilepsy_causes.csv", ("concept_id", "preferred_term")),
        (SemiologyKeyword, "semiology_keywords.csv", ("keyword", "category")),
    ],
)
def test_seeded_rows_are_the_file_rows_all_active_and_authorless(db, model, file_name, columns):
    seeded = db.scalars(select(model)).all()
    in_file = sorted(tuple(row[name] or None for name in columns) for row in rows(file_name))

    assert sorted(tuple(getattr(row, name) for name in columns) for row in seeded) == in_file
    assert all(row.active and row.created_by_id is None for row in seeded)
