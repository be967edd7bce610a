"""The case register's pure rules: deadline status at its boundaries, identifiers as shown."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.epilepsy12.register import (
    MASK,
    DeadlineStatus,
    format_nhs_number,
    format_postcode,
    nhs_number_digits,
    standing,
)

DEADLINE = date(2026, 1, 13)


@pytest.mark.parametrize(
    ("days_before", "complete", "status", "left"),
    [
        (8, True, DeadlineStatus.COMPLETE, 8),
        (7, True, DeadlineStatus.IMMINENT, 7),
        (0, True, DeadlineStatus.IMMINENT, 0),  # submission stays open on the day itself
        (-1, True, DeadlineStatus.PASSED, 0),
        (30, False, DeadlineStatus.INCOMPLETE, 30),
        (3, False, DeadlineStatus.INCOMPLETE, 3),
        (-1, False, DeadlineStatus.PASSED, 0),
    ],
)
def test_standing_against_the_deadline(days_before, complete, status, left):
    today = DEADLINE - timedelta(days=days_before)
    result = standing(complete=complete, registered=True, deadline=DEADLINE, today=today)
    assert (result.status, result.days_left) == (status, left)


def test_unregistered_and_opted_out_children():
    today = date(2025, 3, 1)
    assert standing(complete=False, registered=False, deadline=None, today=today).status is (
        DeadlineStatus.NOT_REGISTERED
    )
    gone = standing(complete=True, registered=True, deadline=DEADLINE, opted_out=True, today=today)
    assert (gone.status, gone.days_left) == (DeadlineStatus.OPTED_OUT, None)


def test_every_status_has_words_and_an_icon_not_just_a_colour():
    for status in DeadlineStatus:
        assert status.label and status.icon.startswith("bi-")
    assert len({status.icon for status in DeadlineStatus}) == len(DeadlineStatus)


@pytest.mark.parametrize(
    ("stored", "shown"),
    [("9434765919", "943 476 5919"), (None, MASK), ("", MASK), ("12345", "12345")],
)
def test_nhs_numbers_are_shown_in_three_groups(stored, shown):
    assert format_nhs_number(stored) == shown


def test_postcodes_get_their_space_back_and_typed_numbers_lose_theirs():
    assert format_postcode("CB20QQ") == "CB2 0QQ"
    assert format_postcode("W1A1AA") == "W1A 1AA"
    assert format_postcode(None) == ""
    assert nhs_number_digits(" 943-476 5919 ") == "9434765919"
