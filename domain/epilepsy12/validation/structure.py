"""Turn the record's JSON shape into typed values, explaining every key or value that does not fit."""

from __future__ import annotations

import copy
import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from domain.epilepsy12.record import Record
from domain.epilepsy12.validation.problems import FieldProblem, join_path

#: Values ``export`` adds for reading that ``import`` and ``score`` ignore.
DERIVED_KEY = "derived"

_MESSAGES = {
    "bool_type": "must be true or false (null if not answered)",
    "date_type": "must be a date written YYYY-MM-DD",
    "string_type": "must be text",
    "string_too_short": "must not be empty",
    "string_too_long": "must be at most {max_length} characters",
    "string_pattern_mismatch": "must be an ODS code: letters and digits only",
    "model_type": "must be an object of answers ({{...}})",
    "model_attributes_type": "must be an object of answers ({{...}})",
    "dict_type": "must be an object of answers ({{...}})",
    "tuple_type": "must be a list ([...])",
    "list_type": "must be a list ([...])",
    "missing": "is required",
    "literal_error": "must be one of {expected}",
}


def _section_model(annotation: Any) -> type[BaseModel] | None:
    """Find the record section class inside a field's type (``X | None``, ``tuple[X, ...]``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = _section_model(argument)
        if found is not None:
            return found
    return None


def _model_at(location: tuple[str | int, ...]) -> type[BaseModel] | None:
    model: type[BaseModel] | None = Record
    for part in location:
        if isinstance(part, int):
            continue
        if model is None or part not in model.model_fields:
            return None
        model = _section_model(model.model_fields[part].annotation)
    return model


def _unknown_key(location: tuple[str | int, ...]) -> str:
    parent = _model_at(location[:-1])
    section = join_path(*location[:-1]) or "the record"
    message = f"is not a field of {section}"
    if parent is not None:
        close = difflib.get_close_matches(str(location[-1]), list(parent.model_fields), n=1)
        if close:
            message += f"; did you mean {close[0]!r}?"
    return message


def _message(error: dict) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return _unknown_key(error["loc"])
    template = _MESSAGES.get(kind)
    if template is None:
        return error["msg"]
    return template.format(**error.get("ctx", {}))


def problems_from(error: ValidationError) -> list[FieldProblem]:
    """Explain each pydantic error as a problem at the field's record path."""
    problems = []
    for item in error.errors():
        path = join_path(*item["loc"]) or "record"
        message = _message(item)
        if item["type"] not in {"extra_forbidden", "missing"} and "input" in item:
            given = item["input"]
            if isinstance(given, str | int | float | bool) or given is None:
                message += f" (given {given!r})"
        problems.append(FieldProblem(path, message))
    return problems


def _drop(data: Any, location: tuple[str | int, ...]) -> None:
    """Remove the value at ``location`` so the rest of the record can still be checked.

    A bad row is replaced by an empty one (keeping the other rows' positions); a bad item of a
    list of codes or words takes the whole list with it.
    """
    *parents, last = location
    holders = [data]
    for part in parents:
        try:
            holders.append(holders[-1][part])
        except (KeyError, IndexError, TypeError):
            return
    holder = holders[-1]
    if isinstance(holder, dict):
        holder.pop(last, None)
    elif isinstance(holder, list) and isinstance(last, int) and last < len(holder):
        if any(isinstance(item, dict) for item in holder):
            holder[last] = {}
        elif len(holders) > 1 and isinstance(holders[-2], dict):
            holders[-2].pop(parents[-1], None)


def build_record(data: Any) -> tuple[Record | None, list[FieldProblem]]:
    """Return the record and the shape problems; the record skips the values at fault.

    The returned record (when one can be built at all) lets the content rules run on everything
    that did fit, so one pass reports every problem.
    """
    if not isinstance(data, dict):
        return None, [FieldProblem("record", "must be a JSON object of sections ({...})")]
    data = {key: value for key, value in data.items() if key != DERIVED_KEY}
    try:
        return Record.model_validate(data), []
    except ValidationError as error:
        problems = problems_from(error)
        trimmed = copy.deepcopy(data)
        for item in sorted(error.errors(), key=lambda e: len(e["loc"]), reverse=True):
            if item["loc"]:
                _drop(trimmed, item["loc"])
        try:
            return Record.model_validate(trimmed), problems
        except ValidationError:
            return None, problems
