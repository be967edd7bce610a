"""Shape account data for the admin pages: times in UK local time, status as words and badges."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import dash_bootstrap_components as dbc
from dash import html

from models.base import utcnow
from services.accounts.listing import UserRow

UK = ZoneInfo("Europe/London")


def local_time(value: dt.datetime | None, *, never: str = "Never") -> str:
    """Return a UTC time as UK local time, e.g. "24 Nov 2026, 14:05"."""
    if value is None:
        return never
    return value.astimezone(UK).strftime("%-d %b %Y, %H:%M")


def status_badges(row: UserRow, *, now: dt.datetime | None = None) -> list:
    """Return the account's state in words (colour only repeats what the words say)."""
    now = now or utcnow()
    badges = []
    if not row.is_active:
        badges.append(dbc.Badge("Deactivated", color="secondary", className="me-1"))
    elif row.locked_until is not None and row.locked_until > now:
        badges.append(
            dbc.Badge(
                f"Locked until {row.locked_until.astimezone(UK):%H:%M}",
                color="danger",
                className="me-1",
            )
        )
    else:
        badges.append(dbc.Badge("Active", color="success", className="me-1"))
    if row.must_change_password and row.is_active:
        badges.append(dbc.Badge("Temporary password", color="warning", text_color="dark"))
    badges.append(
        html.Div("Two-factor on" if row.two_factor else "Two-factor off", className="small")
    )
    return badges


def message(text: str, *, ok: bool = True, extra=None) -> dbc.Alert:
    """Return an alert reporting the outcome of an action."""
    children = [text] if extra is None else [text, extra]
    return dbc.Alert(
        children, color="success" if ok else "danger", dismissable=True, className="mt-2"
    )


def handover(email: str, password: str, *, what: str) -> dbc.Alert:
    """Show a temporary password once, with what to do with it."""
    return dbc.Alert(
        [
            html.P(f"{what} Temporary password for {email}:", className="mb-1"),
            html.Code(
                password, className="fs-4 d-block user-select-all mb-2", id="temporary-password"
            ),
            html.P(
                "Give it to them privately. It is shown only this once, and they must choose "
                "their own password when they sign in.",
                className="mb-0",
            ),
        ],
        color="success",
        dismissable=True,
        className="mt-2",
    )
