"""Cohort numbers, windows, first-year-of-care ends and submission deadlines."""

from __future__ import annotations

from datetime import date

import pytest

from domain.epilepsy12.ages import whole_years, years_after
from domain.epilepsy12.cohorts import (
    Cohort,
    cohort_end,
    cohort_for,
    cohort_start,
    days_remaining,
    first_year_of_care_end,
    is_past_deadline,
    recruiting_cohort,
    registration_dates,
    submission_deadline,
    submitting_cohort,
)


@pytest.mark.parametrize(
    ("first_assessment", "cohort"),
    [
        pytest.param(date(2020, 12, 1), 4, id="first-day-of-cohort-4"),
        pytest.param(date(2021, 11, 30), 4, id="last-day-of-cohort-4"),
        pytest.param(date(2021, 12, 1), 5, id="first-day-of-cohort-5"),
        pytest.param(date(2022, 6, 15), 5, id="mid-cohort-5"),
        pytest.param(date(2022, 11, 30), 5, id="30-november"),
        pytest.param(date(2022, 12, 1), 6, id="1-december"),
        pytest.param(date(2023, 1, 10), 6, id="january"),
        pytest.param(date(2024, 2, 29), 7, id="leap-day"),
        pytest.param(date(2024, 12, 31), 8, id="new-year-eve"),
        pytest.param(date(2025, 1, 1), 8, id="new-year"),
    ],
)
def test_cohort_number(first_assessment, cohort):
    assert cohort_for(first_assessment) == cohort


def test_assessments_before_cohort_4_are_refused():
    with pytest.raises(ValueError, match="before the first audited cohort"):
        cohort_for(date(2020, 11, 30))


@pytest.mark.parametrize(
    ("cohort", "start", "end"),
    [
        (4, date(2020, 12, 1), date(2021, 11, 30)),
        (6, date(2022, 12, 1), date(2023, 11, 30)),
        (8, date(2024, 12, 1), date(2025, 11, 30)),
    ],
)
def test_cohort_window(cohort, start, end):
    assert (cohort_start(cohort), cohort_end(cohort)) == (start, end)


@pytest.mark.parametrize(
    ("cohort", "deadline"),
    [
        (4, date(2023, 1, 10)),
        (5, date(2024, 1, 9)),
        (6, date(2025, 1, 14)),
        (7, date(2026, 1, 13)),
        (8, date(2027, 1, 12)),
        (9, date(2028, 1, 11)),
    ],
)
def test_submission_deadline_is_second_tuesday_of_january(cohort, deadline):
    assert submission_deadline(cohort) == deadline
    assert deadline.weekday() == 1 and 8 <= deadline.day <= 14


@pytest.mark.parametrize(
    ("first_assessment", "end"),
    [
        pytest.param(date(2023, 1, 10), date(2024, 1, 10), id="ordinary"),
        pytest.param(date(2023, 3, 1), date(2024, 3, 1), id="across-a-leap-day"),
        pytest.param(date(2024, 2, 29), date(2025, 2, 28), id="29-february-to-28-february"),
        pytest.param(date(2024, 2, 28), date(2025, 2, 28), id="28-february"),
        pytest.param(date(2023, 11, 30), date(2024, 11, 30), id="cohort-end"),
    ],
)
def test_first_year_of_care_end(first_assessment, end):
    assert first_year_of_care_end(first_assessment) == end


def test_registration_dates_come_from_the_first_assessment():
    dates = registration_dates(date(2023, 1, 10))
    assert dates.cohort == 6
    assert dates.completed_first_year_of_care_date == date(2024, 1, 10)
    assert dates.audit_submission_date == date(2025, 1, 14)


@pytest.mark.parametrize(
    ("today", "remaining", "past"),
    [
        pytest.param(date(2025, 1, 4), 10, False, id="ten-days-before"),
        pytest.param(date(2025, 1, 13), 1, False, id="day-before"),
        pytest.param(date(2025, 1, 14), 0, False, id="deadline-day-still-open"),
        pytest.param(date(2025, 1, 15), 0, True, id="day-after"),
        pytest.param(date(2026, 6, 1), 0, True, id="long-after"),
    ],
)
def test_days_remaining_and_past_deadline(today, remaining, past):
    deadline = submission_deadline(6)
    assert days_remaining(deadline, today=today) == remaining
    assert is_past_deadline(deadline, today=today) is past


@pytest.mark.parametrize(
    ("today", "recruiting", "submitting"),
    [
        pytest.param(date(2024, 11, 30), 7, 6, id="30-november"),
        pytest.param(date(2024, 12, 1), 8, 7, id="1-december"),
        pytest.param(date(2025, 1, 14), 8, 7, id="january"),
    ],
)
def test_recruiting_and_submitting_cohorts(today, recruiting, submitting):
    assert recruiting_cohort(today).number == recruiting
    assert submitting_cohort(today).number == submitting


def test_cohort_as_seen_on_a_day():
    assert Cohort.of(6, today=date(2025, 1, 4)) == Cohort(
        number=6,
        start=date(2022, 12, 1),
        end=date(2023, 11, 30),
        submission_deadline=date(2025, 1, 14),
        days_remaining=10,
        past_deadline=False,
    )


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        pytest.param(date(2010, 5, 20), date(2015, 5, 19), 4, id="day-before-birthday"),
        pytest.param(date(2010, 5, 20), date(2015, 5, 20), 5, id="on-birthday"),
        pytest.param(date(2010, 5, 20), date(2015, 5, 21), 5, id="day-after-birthday"),
        pytest.param(date(2012, 2, 29), date(2017, 2, 28), 4, id="leapling-28-february"),
        pytest.param(date(2012, 2, 29), date(2017, 3, 1), 5, id="leapling-1-march"),
        pytest.param(date(2020, 1, 1), date(2020, 1, 1), 0, id="newborn"),
    ],
)
def test_whole_years(born, on, age):
    assert whole_years(born, on) == age


def test_years_after_moves_29_february_to_28_february():
    assert years_after(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert years_after(date(2024, 2, 29), -4) == date(2020, 2, 29)
