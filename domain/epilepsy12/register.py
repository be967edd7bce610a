"""The case register's rules: a child's submission status and how identifiers are shown.

A child's row in the case list carries one deadline status, said in words with an icon (never by
colour alone): complete with more than a week to go, complete with the deadline imminent, the
deadline passed, or incomplete. An opted-out child's identifiers are gone and are shown masked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from domain.epilepsy12.cohorts import days_remaining, is_past_deadline

#: A complete child whose deadline is this many days away or fewer is flagged "imminent".
IMMINENT_DAYS = 7
MASK = "##########"


class DeadlineStatus(Enum):
    """Where a child stands against their cohort's submission deadline."""

    COMPLETE = ("Complete", "bi-check-circle-fill", "success")
    IMMINENT = ("Complete, deadline imminent", "bi-alarm-fill", "warning")
    PASSED = ("Deadline passed", "bi-lock-fill", "secondary")
    INCOMPLETE = ("Incomplete", "bi-circle-half", "light")
    NOT_REGISTERED = ("Not registered", "bi-dash-circle", "light")
    OPTED_OUT = ("Opted out", "bi-eye-slash-fill", "dark")

    def __init__(self, label: str, icon: str, tone: str) -> None:
        self.label = label
        self.icon = icon
        self.tone = tone


@dataclass(frozen=True)
class Standing:
    """A child's deadline status and the days left to submit (None without a deadline)."""

    status: DeadlineStatus
    days_left: int | None


def standing(
    *,
    complete: bool,
    registered: bool,
    deadline: date | None,
    opted_out: bool = False,
    today: date,
) -> Standing:
    """Return a child's deadline status on ``today``."""
    if opted_out:
        return Standing(DeadlineStatus.OPTED_OUT, None)
    left = days_remaining(deadline, today=today) if deadline else None
    if deadline is not None and is_past_deadline(deadline, today=today):
        return Standing(DeadlineStatus.PASSED, 0)
    if not registered:
        return Standing(DeadlineStatus.NOT_REGISTERED, left)
    if not complete:
        return Standing(DeadlineStatus.INCOMPLETE, left)
    if left is not None and left <= IMMINENT_DAYS:
        return Standing(DeadlineStatus.IMMINENT, left)
    return Standing(DeadlineStatus.COMPLETE, left)


def format_nhs_number(number: str | None) -> str:
    """Return an NHS number as ``000 000 0000``; a wiped one as the mask."""
    if not number:
        return MASK
    digits = "".join(number.split())
    if len(digits) != 10 or not digits.isdigit():
        return number
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def format_postcode(postcode: str | None) -> str:
    """Return a stored postcode (upper case, no space) with its space before the inward code."""
    if not postcode:
        return ""
    return f"{postcode[:-3]} {postcode[-3:]}" if len(postcode) > 4 else postcode


def nhs_number_digits(text: str | None) -> str:
    """Return what was typed as an NHS number with spaces and dashes removed."""
    return "".join((text or "").split()).replace("-", "")
