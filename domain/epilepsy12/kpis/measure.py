"""What a measure is, how it scores one child, and the small vocabulary the rules are written in."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum, IntEnum

from domain.epilepsy12.record import Record


class Score(IntEnum):
    """A child's result on one measure; ``None`` (not a member) means incomplete."""

    FAIL = 0
    PASS = 1
    INELIGIBLE = 2


PASS, FAIL, INELIGIBLE = Score.PASS, Score.FAIL, Score.INELIGIBLE

Rule = Callable[[Record], Score | None]


@dataclass(frozen=True)
class Measure:
    """One audit measure: the result field it fills, its published label and its rule.

    ``needs`` names the record sections (forms) without which the measure is not scored.
    """

    name: str
    label: str
    headline: bool
    needs: tuple[str, ...]
    rule: Rule

    @property
    def definition(self) -> str:
        """The measure as published, quoted in the rule's docstring."""
        return inspect.cleandoc(self.rule.__doc__ or "")

    def score(self, child: Record) -> Score | None:
        for section in self.needs:
            if getattr(child, section) is None:
                return None
        return self.rule(child)


def measure(*, name: str, label: str, headline: bool, needs: tuple[str, ...]):
    """Declare the decorated rule as the measure filling result field ``name``."""

    def declare(rule: Rule) -> Measure:
        return Measure(name=name, label=label, headline=headline, needs=needs, rule=rule)

    return declare


def passed_if(condition: bool) -> Score:
    return PASS if condition else FAIL


def any_of(*conditions: bool | None) -> bool | None:
    """Three-valued "or": true if any holds, unknown if none holds but one is unknown."""
    if True in conditions:
        return True
    if None in conditions:
        return None
    return False


def younger_than(child: Record, years: int) -> bool | None:
    """Whether the child was under ``years`` at the first paediatric assessment."""
    age = child.age_at_first_assessment
    return None if age is None else age < years


class Pathway(Enum):
    """Where one referral pathway stands against its time limit."""

    IN_TIME = "in time"
    LATE = "late"
    NOT_MADE = "not made"
    UNKNOWN = "unknown"


def seen_within(
    made: bool | None, referred: date | None, seen: date | None, *, days: int
) -> Pathway:
    """Judge a referral by the wait from referral to input (``days`` or fewer is in time)."""
    if made is False:
        return Pathway.NOT_MADE
    if made is None or referred is None or seen is None:
        return Pathway.UNKNOWN
    return Pathway.IN_TIME if (seen - referred).days <= days else Pathway.LATE


def happened_by(made: bool | None, happened: date | None, *, deadline: date) -> Pathway:
    """Judge a referral by whether its event (``happened``) fell on or before ``deadline``."""
    if made is False:
        return Pathway.NOT_MADE
    if happened is None:
        return Pathway.UNKNOWN
    return Pathway.IN_TIME if happened <= deadline else Pathway.LATE


def best_of(*pathways: Pathway) -> Score | None:
    """Pass if any pathway was in time; incomplete if one is still unknown; otherwise fail."""
    if Pathway.IN_TIME in pathways:
        return PASS
    if Pathway.UNKNOWN in pathways:
        return None
    return FAIL
