"""Figures in words for the signed-in reporting pages: one way of writing every result."""

from __future__ import annotations

import datetime as dt
import math
from zoneinfo import ZoneInfo

from services.reporting.dashboard import (
    NO_DATA,
    NONE_ELIGIBLE,
    NOT_APPLICABLE,
    SHOWN,
    SUPPRESSED,
    Cell,
)
from services.reporting.registry import MeasureSpec, Statistic
from services.reporting.views import Snapshot

UK = ZoneInfo("Europe/London")

STATUS_TEXT = {
    SUPPRESSED: "Suppressed",
    NONE_ELIGIBLE: "None eligible",
    NO_DATA: "No data",
    NOT_APPLICABLE: "Not applicable",
}
STATUS_EXPLAINED = {
    SUPPRESSED: "suppressed: too few children to show outside its trust or health board",
    NONE_ELIGIBLE: "no child was eligible for this measure",
    NO_DATA: "no children counted in this cohort",
    NOT_APPLICABLE: "not applicable",
}


def whole(number: float) -> int:
    """Round half up, as people expect percentages to be rounded."""
    return math.floor(number + 0.5)


def local_time(moment: dt.datetime) -> dt.datetime:
    """Return a stored UTC time as UK time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(UK)


def as_of(snapshot: Snapshot | None) -> str:
    """Say when the figures were computed and whether they are published."""
    if snapshot is None:
        return "No figures have been computed for this cohort yet."
    when = f"{local_time(snapshot.computed_at):%-d %b %Y %H:%M}"
    kind = "published figures" if snapshot.published else "working figures, not yet published"
    return f"Data as of {when} ({kind})."


def headline(spec: MeasureSpec, item: Cell) -> str:
    """Return the number a cell shows ("74%", "52.3"), or its status in a word or two."""
    if item.status != SHOWN:
        return STATUS_TEXT[item.status]
    if spec.statistic is Statistic.PROPORTION:
        return f"{whole(item.percentage)}%"
    return f"{item.value:.1f}"


def counts(spec: MeasureSpec, item: Cell) -> str:
    """Return the counts behind a shown cell ("37/50", "n = 40"), or ""."""
    if item.status != SHOWN:
        return ""
    if spec.statistic is Statistic.PROPORTION:
        return f"{item.passed}/{item.eligible}"
    return f"n = {item.n}"


def cell_text(spec: MeasureSpec, item: Cell) -> str:
    """Return a cell as one line: "74% (37/50)", "Suppressed"…"""
    behind = counts(spec, item)
    return f"{headline(spec, item)} ({behind})" if behind else headline(spec, item)


def sentence(spec: MeasureSpec, item: Cell) -> str:
    """Return a cell as a phrase for summaries: "75% (30 of 40 children)"."""
    if item.status != SHOWN:
        return STATUS_EXPLAINED[item.status]
    if spec.statistic is Statistic.PROPORTION:
        return f"{whole(item.percentage)}% ({item.passed} of {item.eligible} children)"
    return f"{item.value:.1f} ({item.n} children)"


def ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"
