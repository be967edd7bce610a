"""Read the allowed lookup names from the project's seed lists in ``data/epilepsy12``.

The portal itself validates against the lists in the database (national staff can extend them);
these files are what the database is seeded from, so commands that work without a database use
them directly.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from domain.epilepsy12.lookups import Lookups

SEED_DIRECTORY = Path(__file__).resolve().parents[2] / "data" / "epilepsy12"


def _column(directory: Path, filename: str, column: str) -> list[dict[str, str]]:
    with (directory / filename).open(newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    if rows and column not in rows[0]:
        raise ValueError(f"{directory / filename} has no {column!r} column")
    return rows


def _names(directory: Path, filename: str, column: str) -> frozenset[str]:
    return frozenset(row[column] for row in _column(directory, filename, column) if row[column])


@lru_cache(maxsize=4)
def load_lookups(directory: Path = SEED_DIRECTORY) -> Lookups:
    """Return the lookup names listed in ``directory`` (the seed lists by default)."""
    medicines: dict[str, set[bool]] = {}
    for row in _column(directory, "medicines.csv", "medicine_name"):
        rescue = row["is_rescue"].strip().lower() in {"true", "1", "yes"}
        medicines.setdefault(row["medicine_name"], set()).add(rescue)
    return Lookups(
        syndromes=_names(directory, "syndromes.csv", "syndrome_name"),
        medicines={name: frozenset(kinds) for name, kinds in medicines.items()},
        comorbidities=_names(directory, "comorbidities.csv", "preferred_term"),
        epilepsy_causes=_names(directory, "epilepsy_causes.csv", "preferred_term"),
        semiology_keywords=_names(directory, "semiology_keywords.csv", "keyword"),
    )
