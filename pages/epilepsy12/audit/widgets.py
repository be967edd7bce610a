"""One question on a form: its label and help, the answer control, a "saved" note and the message.

Every control is a pattern-matching component ``{"type": "e12-answer", "section", "rows",
"item", "field"}`` whose ``value`` saves itself: text and dates when the field is left or Enter
is pressed, buttons and lists at once. Yes/no answers are radio groups drawn as buttons, so the
arrow keys move between them and nothing depends on colour.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import dash_bootstrap_components as dbc
from dash import html

from pages.epilepsy12.audit.questions import (
    CHOICE,
    DATE,
    FLAG,
    LOOKUP,
    MULTI,
    SELECT,
    TEXT,
    YES_NO,
    Question,
)

YES_NO_OPTIONS = [{"label": "Yes", "value": True}, {"label": "No", "value": False}]


def answer_id(kind: str, section: str, field: str, rows: str = "", item: int = 0) -> dict:
    return {"type": kind, "section": section, "rows": rows, "item": item, "field": field}


def dom_id(component_id: dict) -> str:
    """The id Dash gives a pattern-matching component in the page, for ``<label for>``."""
    parts = (f"{json.dumps(key)}:{json.dumps(component_id[key])}" for key in sorted(component_id))
    return "{" + ",".join(parts) + "}"


def _shown(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _buttons(control_id: dict, options: list[dict], value: Any, disabled: bool):
    return dbc.RadioItems(
        id=control_id,
        options=[{**option, "disabled": disabled} for option in options],
        value=value,
        inline=True,
        className="e12-choice",
        inputClassName="btn-check",
        labelClassName="btn btn-outline-primary",
        labelCheckedClassName="active",
    )


def control(question: Question, control_id: dict, value: Any, *, disabled: bool, lookups=None):
    """The input for one answer, showing ``value``."""
    value = _shown(value)
    kind = question.kind
    if kind == YES_NO:
        return _buttons(control_id, YES_NO_OPTIONS, value, disabled)
    if kind == CHOICE:
        options = [{"label": label, "value": code} for code, label in question.options.items()]
        return _buttons(control_id, options, value, disabled)
    if kind in (SELECT, LOOKUP):
        if kind == LOOKUP:
            names = lookups(question.lookup) if lookups else []
            if value and value not in names:
                names = [value, *names]
            options = [{"label": name, "value": name} for name in names]
        else:
            options = [{"label": label, "value": code} for code, label in question.options.items()]
        return dbc.Select(
            id=control_id,
            options=[{"label": "Choose…", "value": ""}, *options],
            value=value if value is not None else "",
            disabled=disabled,
            className="e12-select",
        )
    if kind == DATE:
        return dbc.Input(
            id=control_id,
            type="date",
            value=value,
            debounce=True,
            disabled=disabled,
            max=dt.date.today().isoformat(),
            className="e12-date",
        )
    if kind == MULTI:
        options = [
            {"label": label, "value": code, "disabled": disabled}
            for code, label in question.options.items()
        ]
        return dbc.Checklist(id=control_id, options=options, value=value or [], inline=True)
    if kind == FLAG:
        return dbc.Checkbox(
            id=control_id, label=question.label, value=bool(value), disabled=disabled
        )
    if kind == TEXT:
        return dbc.Textarea(
            id=control_id, value=value or "", debounce=True, disabled=disabled, rows=3
        )
    raise ValueError(f"no control for {kind!r}")


def field(
    question: Question,
    section: str,
    value: Any,
    *,
    rows: str = "",
    item: int = 0,
    disabled: bool = False,
    hidden: bool = False,
    lookups=None,
):
    """A question with its answer control, wrapped so that it can be shown or hidden."""
    control_id = answer_id("e12-answer", section, question.field, rows, item)
    status = html.Div(
        [
            html.Span(
                id=answer_id("e12-saved", section, question.field, rows, item),
                className="e12-saved",
                role="status",
            ),
            html.Div(
                id=answer_id("e12-feedback", section, question.field, rows, item),
                className="e12-feedback",
                role="alert",
            ),
        ]
    )
    help_text = dbc.FormText(question.help, className="d-block mb-1") if question.help else None
    input_ = control(question, control_id, value, disabled=disabled, lookups=lookups)
    if question.kind in (YES_NO, CHOICE, MULTI):
        body = html.Fieldset(
            [html.Legend(question.label, className="e12-question"), help_text, input_, status]
        )
    elif question.kind == FLAG:
        body = html.Div([input_, status])
    else:
        body = html.Div(
            [
                dbc.Label(question.label, html_for=dom_id(control_id), className="e12-question"),
                help_text,
                input_,
                status,
            ]
        )
    return html.Div(
        body,
        id=answer_id("e12-field", section, question.field, rows, item),
        className="e12-field" + (" e12-flag" if question.kind == FLAG else ""),
        hidden=hidden,
    )
