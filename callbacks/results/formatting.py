"""Published figures in words: one way of writing a result, used by the maps, tables and hovers.

A count pair is always written "<passed> of <eligible>" and a statistic's count "n = <n>", so the
publication isolation test can find every count a public response carries.
"""

from __future__ import annotations

import datetime as dt
import math
from zoneinfo import ZoneInfo

from dash import html

from services.reporting.public import Result, Status
from services.reporting.views import Snapshot

UK = ZoneInfo("Europe/London")

STATUS_TEXT = {
    Status.SUPPRESSED: "suppressed",
    Status.NONE_ELIGIBLE: "none eligible",
    Status.NO_DATA: "no data",
}


STATUS_EXPLAINED = {
    Status.SUPPRESSED: "Suppressed: too few children to publish safely",
    Status.NONE_ELIGIBLE: "No children were eligible for this measure",
    Status.NO_DATA: "No children in the published results",
}


def whole(number: float) -> int:
    """Round half up, as people expect percentages to be rounded."""
    return math.floor(number + 0.5)


def number(result: Result) -> str:
    """Return the headline number of a result ("74%", "52.5", "40"), or its status in words."""
    if result.status is not Status.RESULT:
        return STATUS_TEXT[result.status]
    if result.is_proportion:
        return f"{whole(result.percentage)}%"
    if result.is_count:
        return str(result.n)
    return f"{result.value:.1f}"


def counts(result: Result) -> str:
    """Return the counts behind a result ("37 of 50", "n = 40"), or "" if none are published."""
    if result.is_proportion:
        if result.passed is not None and result.eligible is not None:
            return f"{result.passed} of {result.eligible}"
        if result.eligible:
            return f"{result.eligible} eligible"
        return ""
    if result.is_count:
        return ""
    return f"n = {result.n}" if result.n else ""


def sentence(result: Result) -> str:
    """Return a result as a short phrase for hovers and summaries."""
    if result.status is Status.RESULT:
        behind = counts(result)
        if result.is_proportion:
            return f"{number(result)} passed ({behind} children)"
        if result.is_count:
            return f"{result.n} children"
        return f"{result.measure.label}: {number(result)} ({behind})"
    explained = STATUS_EXPLAINED[result.status]
    behind = counts(result)
    return f"{explained} ({behind})" if behind else explained


def cell(result: Result) -> list:
    """Return a result for a table cell: the number in bold, the counts beneath in small type."""
    behind = counts(result)
    if result.status is not Status.RESULT:
        text = [html.Span(STATUS_TEXT[result.status], className="result-status")]
        return [*text, html.Br(), html.Small(behind)] if behind else text
    return [html.Strong(number(result)), *([html.Br(), html.Small(behind)] if behind else [])]


def suppression_rule(threshold: int) -> str:
    """Explain the disclosure control in one sentence."""
    return (
        f"Counts from 1 to {threshold - 1} are suppressed, with the percentages that come from "
        "them, and so are other counts where a small number could be worked out by subtraction."
    )


def no_counts() -> list:
    """Return a dash for a cell with no published counts, read out as words."""
    return [
        html.Span("–", **{"aria-hidden": "true"}),
        html.Span("no counts published", className="visually-hidden"),
    ]


def published_date(snapshot: Snapshot) -> str:
    """Return the day a snapshot was published in the UK, e.g. "23 November 2026"."""
    when = snapshot.published_at
    if when is None:
        return "not yet"
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return f"{when.astimezone(UK):%-d %B %Y}"


def published_short(snapshot: Snapshot) -> str:
    """Return the publication day in short, e.g. "23 Nov 2026"."""
    when = snapshot.published_at
    if when is None:
        return "not yet"
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return f"{when.astimezone(UK):%-d %b %Y}"


def published_on(snapshot: Snapshot) -> str:
    """Return "Published on 23 November 2026 by the national audit team"."""
    if snapshot.published_at is None:
        return "Not yet published"
    return f"Published on {published_date(snapshot)} by the national audit team"
