"""Check the reference files completely before anything is written, naming each problem's place."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import geopandas as gpd
import pandas as pd

from portal.errors import UserError
from services.reference.boundaries import check_layer
from services.reference.files import (
    CSV_BY_NAME,
    CSV_FILES,
    GEO_FILES,
    ICB_VINTAGES,
    CsvFile,
    Ref,
)
from services.reference.reading import at, read_csv, read_layer

#: How many problems an error lists before it summarises the rest.
MAX_LISTED = 50
BOOLEANS = {"true": True, "false": False}


class ReferenceDataError(UserError):
    """The reference files have problems; nothing was loaded."""

    exit_code = 2

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        listed = self.problems[:MAX_LISTED]
        if len(self.problems) > MAX_LISTED:
            listed.append(f"… and {len(self.problems) - MAX_LISTED} more problems")
        super().__init__("\n".join(listed))


@dataclass(frozen=True)
class ReferenceFiles:
    """Every reference file, read and checked: tables by file name, layers by layer name."""

    directory: Path
    tables: dict[str, pd.DataFrame]
    layers: dict[str, gpd.GeoDataFrame]
    icb_starts: dict[int, dt.date]
    _records: dict[str, list[dict[str, str]]] = field(default_factory=dict, repr=False)

    def records(self, name: str) -> list[dict[str, str]]:
        """Return the rows of CSV file ``name`` as dicts of cell text."""
        if name not in self._records:
            columns = {column: values.tolist() for column, values in self.tables[name].items()}
            self._records[name] = [
                dict(zip(columns, row, strict=True)) for row in zip(*columns.values(), strict=True)
            ]
        return self._records[name]


def read_reference(directory: Path) -> ReferenceFiles:
    """Read and check every file, raising ``ReferenceDataError`` with all the problems found."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ReferenceDataError([f"{directory}: no such directory"])
    problems: list[str] = []
    tables = {f.name: read_csv(directory, f, problems) for f in CSV_FILES}
    layers = {f.layer: read_layer(directory, f, problems) for f in GEO_FILES}
    codes = {
        name: set(frame[CSV_BY_NAME[name].code_column])
        for name, frame in tables.items()
        if frame is not None
    }
    for file in CSV_FILES:
        if tables[file.name] is not None:
            problems += check_table(file, tables[file.name], codes)
    problems += check_organisation_parents(tables["organisations.csv"])
    problems += check_unit_networks(tables["paediatric_diabetes_units.csv"])
    for file in GEO_FILES:
        if layers[file.layer] is not None:
            problems += check_layer(file, layers[file.layer], tables[file.areas])
    icb_starts, vintage_problems = icb_vintage_starts(tables)
    problems += vintage_problems
    if problems:
        raise ReferenceDataError(problems)
    return ReferenceFiles(directory, tables, layers, icb_starts)


def check_table(file: CsvFile, frame: pd.DataFrame, codes: dict[str, set[str]]) -> list[str]:
    """Return the problems with the values of one CSV file."""
    lines = frame.index.tolist()
    cells = {column: frame[column].tolist() for column in file.columns}

    def each(column: str, problem) -> list[str]:
        """Return a message for every filled cell of ``column`` that ``problem`` finds fault with."""
        found = []
        for line, value in zip(lines, cells[column], strict=True):
            text = problem(value) if value else None
            if text:
                found.append(at(file.name, line, column, text))
        return found

    problems = [
        at(file.name, line, column, "empty, but a value is required")
        for column in file.required
        for line, value in zip(lines, cells[column], strict=True)
        if not value
    ]
    problems += _duplicates(file, lines, cells)
    for column, choices in file.choices.items():
        problems += each(column, partial(_choice_problem, choices=choices))
    for column, ref in file.references.items():
        problems += _references(file, lines, cells, column, ref, codes)
    for column in file.booleans:
        problems += each(column, _boolean_problem)
    for column in file.dates:
        problems += each(column, _date_problem)
    for column, (low, high) in file.numbers.items():
        problems += each(column, partial(_number_problem, low=low, high=high))
    problems += _lengths(file, lines, cells)
    return problems


def _choice_problem(value: str, *, choices: tuple[str, ...]) -> str | None:
    return None if value in choices else f'"{value}" is not one of {", ".join(choices)}'


def _boolean_problem(value: str) -> str | None:
    return None if value.lower() in BOOLEANS else f'"{value}" is not True or False'


def _date_problem(value: str) -> str | None:
    return None if parse_date(value) else f'"{value}" is not a YYYY-MM-DD date'


def _number_problem(value: str, *, low: float, high: float) -> str | None:
    number = parse_number(value)
    if number is None:
        return f'"{value}" is not a number'
    if not low <= number <= high:
        return f"{value} is outside the expected range {low} to {high}"
    return None


def _filled(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame.loc[frame[column] != "", column]


def _duplicates(file: CsvFile, lines: list[int], cells: dict[str, list[str]]) -> list[str]:
    first: dict[tuple[str, ...], int] = {}
    problems = []
    for line, key in zip(lines, zip(*(cells[c] for c in file.key), strict=True), strict=True):
        if not all(key):
            continue
        if key in first:
            shown = " / ".join(f'"{value}"' for value in key)
            text = f"duplicate {file.noun} {shown} (first on line {first[key]})"
            problems.append(at(file.name, line, ", ".join(file.key), text))
        else:
            first[key] = line
    return problems


def _references(
    file: CsvFile,
    lines: list[int],
    cells: dict[str, list[str]],
    column: str,
    ref: Ref,
    codes: dict[str, set[str]],
) -> list[str]:
    chosen = cells[ref.chosen_by] if ref.chosen_by else [None] * len(lines)
    problems = []
    for line, value, choice in zip(lines, cells[column], chosen, strict=True):
        if not value:
            continue
        targets = (ref.choices[choice],) if ref.chosen_by and choice in ref.choices else ref.files
        if not targets or any(target not in codes for target in targets):
            continue
        if not any(value in codes[target] for target in targets):
            nouns = " or ".join(CSV_BY_NAME[target].noun for target in targets)
            where = " or ".join(targets)
            text = f'unknown {nouns} code "{value}" (not in {where})'
            problems.append(at(file.name, line, column, text))
    return problems


def _lengths(file: CsvFile, lines: list[int], cells: dict[str, list[str]]) -> list[str]:
    stored = dict.fromkeys(file.copied, file.model) | dict(file.stored_in)
    problems = []
    for column, model in stored.items():
        limit = getattr(model.__table__.c[column].type, "length", None)
        for line, value in zip(lines, cells[column], strict=True):
            if limit is not None and len(value) > limit:
                text = (
                    f'"{value[:40]}…" is {len(value)} characters, longer than the {limit} allowed'
                )
                problems.append(at(file.name, line, column, text))
    return problems


def check_organisation_parents(frame: pd.DataFrame | None) -> list[str]:
    """Return organisations whose parent is neither their trust nor their health board."""
    if frame is None:
        return []
    wrong = frame[
        (frame["parent_ods_code"] != "")
        & (frame["parent_ods_code"] != frame["trust_ods_code"])
        & (frame["parent_ods_code"] != frame["local_health_board_code"])
    ]
    text = '"{}" is neither trust_ods_code nor local_health_board_code of the row'
    return [
        at("organisations.csv", line, "parent_ods_code", text.format(value))
        for line, value in wrong["parent_ods_code"].items()
    ]


def check_unit_networks(frame: pd.DataFrame | None) -> list[str]:
    """Return the lead rows of one diabetes unit that disagree about its network."""
    if frame is None:
        return []
    column = "paediatric_diabetes_network_code"
    first: dict[str, tuple[int, str]] = {}
    problems = []
    for line, pz_code, network in zip(frame.index, frame["pz_code"], frame[column], strict=True):
        first_line, first_network = first.setdefault(pz_code, (line, network))
        if network != first_network:
            text = (
                f'"{network}" differs from line {first_line} ("{first_network}") for unit {pz_code}'
            )
            problems.append(at("paediatric_diabetes_units.csv", line, column, text))
    return problems


def icb_vintage_starts(tables: dict[str, pd.DataFrame | None]) -> tuple[dict[int, dt.date], list]:
    """Return the day each ICB vintage starts, read from the manifest or from a file's column."""
    starts: dict[int, dt.date] = {}
    problems: list[str] = []
    for vintage in ICB_VINTAGES:
        if isinstance(vintage.starts, dt.date):
            starts[vintage.year] = vintage.starts
            continue
        name, column = vintage.starts
        frame = tables.get(name)
        if frame is None:
            continue
        dates = {line: parse_date(value) for line, value in _filled(frame, column).items()}
        dates = {line: value for line, value in dates.items() if value is not None}
        if not dates:
            text = f"no row gives a date, so the {vintage.year} ICBs have no start"
            problems.append(at(name, 1, column, text))
            continue
        first_line, first = next(iter(dates.items()))
        for line, value in dates.items():
            if value != first:
                text = f"{value} differs from {first} on line {first_line}"
                problems.append(at(name, line, column, text))
        if first.year != vintage.year:
            text = f"{first} is not in {vintage.year}, the year of the ICBs it starts"
            problems.append(at(name, first_line, column, text))
        starts[vintage.year] = first
    return starts, problems


def parse_date(value: str) -> dt.date | None:
    """Return ``value`` as a date if it is one in ISO form, else None."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def parse_number(value: str) -> float | None:
    """Return ``value`` as a finite number, else None."""
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def parse_boolean(value: str) -> bool | None:
    """Return ``value`` (True/False in any case, or empty) as a boolean or None."""
    return BOOLEANS.get(value.lower()) if value else None
