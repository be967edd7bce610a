"""A problem with one field of a record, and the error that carries all of a record's problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class FieldProblem:
    """What is wrong with the answer at ``path`` (``management.antiepilepsy_medicines[2].…``).

    ``involves`` names other answers the problem depends on, so a form editing one of them can
    show it too.
    """

    path: str
    message: str
    involves: frozenset[str] = field(default=frozenset(), compare=False)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class RecordError(ValueError):
    """The record cannot be accepted; ``problems`` lists every field at fault."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def join_path(*parts: str | int) -> str:
    """Write a location as ``section.rows[2].field``."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def shown(day: date) -> str:
    return day.isoformat()
