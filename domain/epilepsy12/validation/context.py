"""What the content rules need to know besides the record, and where each part of it sits."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from domain.epilepsy12.lookups import Lookups
from domain.epilepsy12.record import SECTIONS, Record
from domain.epilepsy12.record.types import Section
from domain.epilepsy12.validation.problems import join_path


@dataclass(frozen=True)
class Checks:
    """``today`` bounds every date; ``is_national`` lifts the open-cohort limit on the FPA date."""

    today: date
    lookups: Lookups
    is_national: bool


#: The kind of each repeated row, by the list that holds it.
ROW_KINDS = {
    ("multiaxial_diagnosis", "episodes"): "episode",
    ("multiaxial_diagnosis", "syndromes"): "syndrome",
    ("multiaxial_diagnosis", "comorbidities"): "comorbidity",
    ("management", "antiepilepsy_medicines"): "medicine",
}


def parts(record: Record) -> Iterator[tuple[str, str, Section]]:
    """Yield ``(kind, path, section)`` for the case, each form present, and every row."""
    yield "case", "case", record.case
    for index, site in enumerate(record.sites or ()):
        yield "site", join_path("sites", index), site
    for name in SECTIONS:
        section = getattr(record, name)
        if section is None:
            continue
        yield name, name, section
        for (holder, rows), kind in ROW_KINDS.items():
            if holder == name:
                for index, row in enumerate(getattr(section, rows)):
                    yield kind, join_path(name, rows, index), row
