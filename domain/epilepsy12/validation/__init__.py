"""Check a child's record against the audit's rules, whole (import, score) or one answer at a time.

The same rules serve the data-entry forms, ``portal e12 import`` and ``portal e12 score``:
shape and codes first (unknown keys are refused, never dropped), then content — identity,
dates, answers that contradict another answer, names from the lookup lists.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from domain.epilepsy12.lookups import Lookups
from domain.epilepsy12.record import Record
from domain.epilepsy12.validation.context import ROW_KINDS, Checks
from domain.epilepsy12.validation.dates import date_problems
from domain.epilepsy12.validation.demographics import case_problems, first_assessment_problems
from domain.epilepsy12.validation.dependencies import answers_to_clear, dependency_problems
from domain.epilepsy12.validation.lists import lookup_problems, site_problems
from domain.epilepsy12.validation.problems import FieldProblem, RecordError
from domain.epilepsy12.validation.structure import DERIVED_KEY, build_record


def check_record(record: Record, *, checks: Checks) -> list[FieldProblem]:
    """Return every content problem of an already well-formed record."""
    return [
        *case_problems(record, checks),
        *first_assessment_problems(record, checks),
        *date_problems(record, checks),
        *dependency_problems(record),
        *lookup_problems(record, checks),
        *site_problems(record),
    ]


def _problems(data: Any, checks: Checks) -> tuple[Record | None, list[FieldProblem]]:
    """Return the record and its problems, leaving out those that follow from another one.

    A wrong answer is reported once: not again through the answers that depend on it (dates of
    a referral whose "made?" answer is malformed, or a pair whose earlier date is itself wrong).
    """
    record, problems = build_record(data)
    if record is not None:
        shaped = {problem.path for problem in problems}
        problems += [p for p in check_record(record, checks=checks) if p.path not in shaped]
    faulty = {problem.path for problem in problems}
    return record, [p for p in problems if not p.involves & faulty]


def parse_record(data: Any, *, today: date, lookups: Lookups, is_national: bool = True) -> Record:
    """Return the record in ``data`` (a parsed JSON object) or raise ``RecordError``.

    ``is_national`` is False when a clinician enters the data: the first paediatric assessment
    must then fall in a cohort still open for submission.
    """
    record, problems = _problems(data, Checks(today, lookups, is_national))
    if problems:
        raise RecordError(problems)
    return record


_SECTION_PATH = re.compile(r"(?P<name>[a-z_]+)(?:\.(?P<rows>[a-z_]+)\[(?P<index>\d+)\])?")


def _locate(section: str) -> tuple[str, str | None, int | None]:
    match = _SECTION_PATH.fullmatch(section)
    if match is None:
        raise ValueError(f"not a record section: {section!r}")
    index = match["index"]
    return match["name"], match["rows"], None if index is None else int(index)


def _with_answer(record: Record, section: str, field: str, value: Any) -> dict:
    """Return the record as data with one answer changed; a row one past the end is new."""
    name, rows, index = _locate(section)
    data = record.model_dump()
    holder = data.get(name)
    if holder is None:
        holder = data[name] = {}
    if rows is not None:
        listed = holder[rows] = list(holder.get(rows) or ())
        if index == len(listed):
            listed.append({})
        elif index > len(listed):
            raise ValueError(f"{section} is beyond the last row")
        holder = listed[index]
    holder[field] = value
    return data


def validate_answer(
    record: Record,
    section: str,
    field: str,
    value: Any,
    *,
    today: date,
    lookups: Lookups,
    is_national: bool,
) -> list[str]:
    """Check one answer in the context of the rest of the child's record.

    ``section`` is a section name (``"assessment"``) or a row (``"management.antiepilepsy_
    medicines[1]"``; one past the last row is a row being added). Returns the messages a form
    should show next to the answer: its own problems first, then problems it causes elsewhere
    (prefixed with that field's path).
    """
    target = f"{section}.{field}"
    checks = Checks(today, lookups, is_national)
    _, problems = _problems(_with_answer(record, section, field, value), checks)
    own = [p.message for p in problems if p.path == target]
    caused = [str(p) for p in problems if p.path != target and target in p.involves]
    return own + caused


__all__ = [
    "DERIVED_KEY",
    "ROW_KINDS",
    "Checks",
    "FieldProblem",
    "RecordError",
    "answers_to_clear",
    "check_record",
    "parse_record",
    "validate_answer",
]
