"""Shape a child for the case register's pages: status in words and icon, completeness as a bar."""

from __future__ import annotations

import datetime as dt

import dash_bootstrap_components as dbc
from dash import html

from domain.epilepsy12.codes import SEX
from domain.epilepsy12.register import MASK, DeadlineStatus, Standing, format_nhs_number

MASKED = "Opted out"


def icon(name: str) -> html.I:
    return html.I(className=f"bi {name} me-1", **{"aria-hidden": "true"})


def day(value: dt.date | None) -> str:
    """Return a date as clinicians write it, e.g. "14 Mar 2015"."""
    return value.strftime("%-d %b %Y") if value else "—"


def masked(value: str | None) -> str | html.Span:
    """Show a wiped identifier as a mask that screen readers announce as "opted out"."""
    if value:
        return value
    return html.Span(
        [
            html.Span(MASK, **{"aria-hidden": "true"}),
            html.Span(MASKED, className="visually-hidden"),
        ],
        className="text-body-secondary",
    )


def nhs_number(value: str | None):
    return format_nhs_number(value) if value else masked(None)


def full_name(first: str | None, surname: str | None) -> str:
    return " ".join(part for part in (first, surname) if part) or MASKED


def sex_label(code: int | None) -> str:
    return SEX.get(code, "—") if code is not None else "—"


def status_badge(standing: Standing) -> dbc.Badge:
    """A child's deadline status as words with an icon; the colour only repeats them."""
    status = standing.status
    text_colour = "dark" if status.tone in ("warning", "light", "info") else None
    return dbc.Badge(
        [icon(status.icon), status.label],
        color=status.tone,
        text_color=text_colour,
        className="status-badge",
    )


def days_left(standing: Standing) -> str:
    if standing.status is DeadlineStatus.PASSED:
        return "Closed"
    if standing.days_left is None:
        return ""
    if standing.days_left == 0:
        return "Due today"
    return "1 day left" if standing.days_left == 1 else f"{standing.days_left} days left"


def completeness_bar(completed: int, expected: int, *, label: str) -> html.Div:
    """An accessible progress bar: its value said in words, e.g. "34 of 47 answers"."""
    percent = round(100 * completed / expected) if expected else 0
    words = f"{completed} of {expected} answers"
    return html.Div(
        [
            html.Div(
                html.Div(className="progress-bar", style={"width": f"{percent}%"}),
                className="progress completeness-bar",
                role="progressbar",
                **{
                    "aria-label": label,
                    "aria-valuenow": str(completed),
                    "aria-valuemin": "0",
                    "aria-valuemax": str(expected),
                    "aria-valuetext": words,
                },
            ),
            html.Div(words, className="small completeness-text", **{"aria-hidden": "true"}),
        ],
        className="completeness",
    )


def outcome(text: str, *, ok: bool = True) -> dbc.Alert:
    """Report what an action did, or why it was refused."""
    return dbc.Alert(
        [icon("bi-check-circle-fill" if ok else "bi-exclamation-triangle-fill"), text],
        color="success" if ok else "danger",
        dismissable=True,
        className="mt-2 mb-2",
    )
