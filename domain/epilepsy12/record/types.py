"""The value types every section of the record is built from.

Answers are exact: a yes/no answer is ``true``/``false`` (never ``"yes"`` or ``1``), a date is
written ``YYYY-MM-DD``, a code is one of its listed values. ``null`` or a missing key means
"not answered".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Section(BaseModel):
    """An immutable part of the record that refuses unknown keys and inexact values."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")


def _iso_date(value: Any) -> Any:
    if isinstance(value, str):
        if not _ISO_DATE.fullmatch(value):
            raise PydanticCustomError("iso_date", "must be a date written YYYY-MM-DD")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("iso_date", "is not a real calendar date") from None
    return value


#: A date given as ``YYYY-MM-DD`` text (or a ``date``).
Day = Annotated[date, BeforeValidator(_iso_date)]


def _none_as_empty(value: Any) -> Any:
    return () if value is None else value


def listed(allowed: Iterable) -> str:
    """Write codes as a reader would list them: ``'A', 'B' or 'C'``."""
    shown = [repr(code) if isinstance(code, str) else str(code) for code in allowed]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"


def one_of(allowed: dict) -> Any:
    """Return the type of an answer that must be one of the keys of ``allowed``, exactly.

    Numeric codes also refuse ``true`` and ``2.0``, which equal 1 and 2 in Python.
    """
    if all(isinstance(code, str) for code in allowed):
        return Literal[tuple(allowed)]
    codes = frozenset(allowed)
    message = f"must be one of {listed(allowed)}"

    def exactly_one_of(value: Any) -> Any:
        if type(value) is not int or value not in codes:
            raise PydanticCustomError("code", message)
        return value

    return Annotated[Literal[tuple(allowed)], BeforeValidator(exactly_one_of)]


def some_of(allowed: dict) -> Any:
    """Return the type of a multi-select answer: a list of keys of ``allowed``."""
    return Annotated[
        tuple[one_of(allowed), ...], Field(strict=False), BeforeValidator(_none_as_empty)
    ]


def rows(model: type) -> Any:
    """Return the type of a list of repeated rows (episodes, medicines...)."""
    return Annotated[tuple[model, ...], Field(strict=False), BeforeValidator(_none_as_empty)]


Text = Annotated[str, Field(min_length=1)]
Words = Annotated[tuple[Text, ...], Field(strict=False), BeforeValidator(_none_as_empty)]
