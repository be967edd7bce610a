"""Turn the rows of a checked CSV file into table rows: cells as values, codes as parents' ids."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from geojson.geometry import geometry_text
from services.reference.files import CSV_BY_NAME, GEO_FILES
from services.reference.sync import Key
from services.reference.validation import ReferenceFiles

#: Ids of the rows already written, by table name and then natural key.
Ids = dict[str, dict[Any, int]]


def text(value: str) -> str | None:
    """Return a cell's value, or None for an empty cell ("does not apply")."""
    return value or None


def records(files: ReferenceFiles, name: str) -> list[dict[str, str]]:
    """Return the file's rows as dicts of cell text."""
    return files.records(name)


def rows(
    files: ReferenceFiles, name: str, ids: Ids, parents: dict[str, str] | None = None, **fixed: Any
) -> list[dict[str, Any]]:
    """Return one table row per file row.

    Each holds the file's copied columns (empty cells as None), ``<table>_id`` for each
    ``{column: table}`` of ``parents``, the boundary if the file has a layer, and ``fixed``.
    """
    copied = CSV_BY_NAME[name].copied
    boundaries = _boundaries(files, name)
    built = []
    for record in records(files, name):
        row = {column: text(record[column]) for column in copied}
        for column, table in (parents or {}).items():
            row[f"{table}_id"] = ids[table].get(record[column])
        if boundaries is not None:
            row["geometry"] = boundaries.get(record["code"])
        built.append(row | fixed)
    return built


def _boundaries(files: ReferenceFiles, name: str) -> dict[str, str | None] | None:
    layer = next((f.layer for f in GEO_FILES if f.areas == name), None)
    if layer is None:
        return None
    frame = files.layers[layer]
    return dict(zip(frame["code"], map(geometry_text, frame.geometry), strict=True))


def vintage_ids(ids: Ids, start: dt.date) -> dict[str, int]:
    """Return the ids of the ICBs of the vintage starting on ``start``, by code."""
    return {
        code: id_
        for (code, valid_from), id_ in ids["integrated_care_board"].items()
        if valid_from == start
    }


def vintage_key(key: Key) -> str:
    """Name an ICB of one vintage, e.g. ``QRL (from 2026-04-01)``."""
    return f"{key[0]} (from {key[1]})"


def labels(ids: dict[Any, int]) -> dict[int, str]:
    """Return the natural key of each id, as text."""
    return {
        id_: vintage_key(key) if isinstance(key, tuple) else str(key) for key, id_ in ids.items()
    }


def pair(left: dict[Any, int], right: dict[Any, int], verb: str) -> Callable[[Key], str]:
    """Describe a link row by the natural keys of the two rows it joins."""
    left_of, right_of = labels(left), labels(right)
    return lambda key: f"{left_of.get(key[0], key[0])} {verb} {right_of.get(key[1], key[1])}"
