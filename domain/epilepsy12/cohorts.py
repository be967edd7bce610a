"""Cohorts and the dates that follow from a child's first paediatric assessment.

A cohort is every child first assessed between 1 December of one year and 30 November of the
next; cohort 4 (December 2020) is the first this audit accepts. A cohort's data must be submitted
by the second Tuesday of January, two years after the cohort closes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from domain.epilepsy12.ages import years_after

FIRST_COHORT = 4
COHORT_YEAR_OFFSET = 2016
COHORT_START_MONTH = 12
TUESDAY = 1


def earliest_first_assessment() -> date:
    """The first day of the first cohort the audit accepts."""
    return cohort_start(FIRST_COHORT)


def cohort_for(first_assessment: date) -> int:
    """Return the cohort of a first paediatric assessment; before cohort 4 is an error."""
    if first_assessment < earliest_first_assessment():
        raise ValueError(
            f"{first_assessment:%d %B %Y} is before the first audited cohort, "
            f"which starts on {earliest_first_assessment():%d %B %Y}"
        )
    year = first_assessment.year
    if first_assessment.month < COHORT_START_MONTH:
        year -= 1
    return year - COHORT_YEAR_OFFSET


def cohort_start(cohort: int) -> date:
    return date(cohort + COHORT_YEAR_OFFSET, COHORT_START_MONTH, 1)


def cohort_end(cohort: int) -> date:
    return cohort_start(cohort + 1) - timedelta(days=1)


def second_tuesday_of_january(year: int) -> date:
    first = date(year, 1, 1)
    first_tuesday = first + timedelta(days=(TUESDAY - first.weekday()) % 7)
    return first_tuesday + timedelta(days=7)


def submission_deadline(cohort: int) -> date:
    """The last day to submit a cohort: second Tuesday of January two years after it closes."""
    return second_tuesday_of_january(cohort_end(cohort).year + 2)


def first_year_of_care_end(first_assessment: date) -> date:
    """One calendar year after the first paediatric assessment (29 February → 28 February)."""
    return years_after(first_assessment, 1)


def days_remaining(deadline: date, *, today: date) -> int:
    """Whole days left before ``deadline``, never negative (0 on the deadline day itself)."""
    return max(0, (deadline - today).days)


def is_past_deadline(deadline: date, *, today: date) -> bool:
    """Submission stays open through the deadline day and closes the day after."""
    return today > deadline


@dataclass(frozen=True)
class Cohort:
    """A cohort's window and submission deadline, seen from a given day."""

    number: int
    start: date
    end: date
    submission_deadline: date
    days_remaining: int
    past_deadline: bool

    @classmethod
    def of(cls, number: int, *, today: date) -> Cohort:
        deadline = submission_deadline(number)
        return cls(
            number=number,
            start=cohort_start(number),
            end=cohort_end(number),
            submission_deadline=deadline,
            days_remaining=days_remaining(deadline, today=today),
            past_deadline=is_past_deadline(deadline, today=today),
        )


def recruiting_cohort(today: date) -> Cohort:
    """The cohort whose children are being first assessed today."""
    return Cohort.of(cohort_for(today), today=today)


def submitting_cohort(today: date) -> Cohort:
    """The cohort whose year of care is being completed and submitted (recruiting − 1)."""
    return Cohort.of(cohort_for(today) - 1, today=today)


@dataclass(frozen=True)
class RegistrationDates:
    """The dates a registration derives from its first paediatric assessment (never input)."""

    cohort: int
    completed_first_year_of_care_date: date
    audit_submission_date: date


def registration_dates(first_assessment: date) -> RegistrationDates:
    cohort = cohort_for(first_assessment)
    return RegistrationDates(
        cohort=cohort,
        completed_first_year_of_care_date=first_year_of_care_end(first_assessment),
        audit_submission_date=submission_deadline(cohort),
    )
