"""Calendar arithmetic the audit relies on: ages in whole years and "one year later"."""

from __future__ import annotations

from datetime import date


def whole_years(born: date, on: date) -> int:
    """Return the age in completed years on a day (the birthday itself counts as reached)."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def years_after(day: date, years: int) -> date:
    """Return the same calendar day ``years`` later; 29 February falls back to 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
