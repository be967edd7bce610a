"""The child's details form, shared by "add a child" and the case page: every field labelled,
required, with its error beside it; tab order follows the form and Enter submits."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from domain.epilepsy12.codes import ETHNICITY, SEX, UNKNOWN_POSTCODES
from domain.epilepsy12.register import format_nhs_number, format_postcode
from services.epilepsy12.demographics import FIELDS, LABELS

#: The reasons a postcode may be unknown, in the words a clinician would use.
POSTCODE_REASONS = {
    "ZZ993WZ": "Address unknown",
    "ZZ993VZ": "No fixed abode",
    "ZZ993CZ": "Lives in England, postcode not known",
    "ZZ993GZ": "Lives in Wales, postcode not known",
}
#: The reason select's value when the postcode is known (a select cannot hold "").
KNOWN = "known"
HINTS = {
    "nhs_number": "10 digits, for example 943 476 5919. Spaces are fine.",
    "date_of_birth": "Not in the future.",
    "postcode": "For example CB2 0QQ. If it is not known, choose why below instead.",
}


def field_id(prefix: str, field: str) -> str:
    return f"{prefix}-{field}"


def _feedback(prefix: str, field: str) -> dbc.FormFeedback:
    return dbc.FormFeedback(id=f"{field_id(prefix, field)}-feedback", type="invalid")


def _group(prefix: str, field: str, control, *, width: dict) -> dbc.Col:
    parts = [dbc.Label(LABELS[field], html_for=field_id(prefix, field), className="fw-semibold")]
    if field in HINTS:
        parts.append(
            dbc.FormText(
                HINTS[field], id=f"{field_id(prefix, field)}-hint", className="d-block mb-1 mt-0"
            )
        )
    parts += [control, _feedback(prefix, field)]
    return dbc.Col(parts, className="mb-3", **width)


def _text(prefix: str, field: str, value, disabled: bool, **props) -> dbc.Input:
    return dbc.Input(
        id=field_id(prefix, field),
        value=value or "",
        disabled=disabled,
        **props,
    )


def _select(prefix: str, field: str, options: dict, value, disabled: bool, prompt: str):
    return dbc.Select(
        id=field_id(prefix, field),
        options=[{"label": label, "value": str(code)} for code, label in options.items()],
        value=None if value is None else str(value),
        placeholder=prompt,
        disabled=disabled,
    )


def child_fields(
    prefix: str,
    values: dict | None = None,
    *,
    organisations: list[tuple[int, str]] | None = None,
    disabled: bool = False,
) -> list:
    """Return the form's rows; ``organisations`` adds the lead organisation picker."""
    values = values or {}
    postcode = values.get("postcode") or ""
    reason = postcode if postcode in UNKNOWN_POSTCODES else ""
    shown_postcode = "" if reason else format_postcode(postcode)
    half = {"md": 6}
    rows = [
        dbc.Row(
            [
                _group(
                    prefix,
                    "first_name",
                    _text(
                        prefix,
                        "first_name",
                        values.get("first_name"),
                        disabled,
                        autocomplete="off",
                        maxlength=100,
                    ),
                    width=half,
                ),
                _group(
                    prefix,
                    "surname",
                    _text(
                        prefix,
                        "surname",
                        values.get("surname"),
                        disabled,
                        autocomplete="off",
                        maxlength=100,
                    ),
                    width=half,
                ),
            ]
        ),
        dbc.Row(
            [
                _group(
                    prefix,
                    "nhs_number",
                    _text(
                        prefix,
                        "nhs_number",
                        format_nhs_number(values["nhs_number"]) if values.get("nhs_number") else "",
                        disabled,
                        inputmode="numeric",
                        autocomplete="off",
                        maxlength=14,
                        className="nhs-number-input",
                    ),
                    width=half,
                ),
                _group(
                    prefix,
                    "date_of_birth",
                    _text(
                        prefix,
                        "date_of_birth",
                        values.get("date_of_birth") and values["date_of_birth"].isoformat(),
                        disabled,
                        type="date",
                    ),
                    width=half,
                ),
            ]
        ),
        dbc.Row(
            [
                _group(
                    prefix,
                    "sex",
                    _select(prefix, "sex", SEX, values.get("sex"), disabled, "Choose sex"),
                    width=half,
                ),
                _group(
                    prefix,
                    "ethnicity",
                    _select(
                        prefix,
                        "ethnicity",
                        ETHNICITY,
                        values.get("ethnicity"),
                        disabled,
                        "Choose ethnicity",
                    ),
                    width=half,
                ),
            ]
        ),
        dbc.Row(
            [
                _group(
                    prefix,
                    "postcode",
                    _text(
                        prefix,
                        "postcode",
                        shown_postcode,
                        disabled,
                        autocomplete="off",
                        maxlength=10,
                        className="postcode-input",
                    ),
                    width=half,
                ),
                dbc.Col(
                    [
                        dbc.Label(
                            "If the postcode is not known, why not?",
                            html_for=field_id(prefix, "postcode_unknown"),
                            className="fw-semibold",
                        ),
                        dbc.Select(
                            id=field_id(prefix, "postcode_unknown"),
                            options=[{"label": "The postcode is known", "value": KNOWN}]
                            + [
                                {"label": label, "value": code}
                                for code, label in POSTCODE_REASONS.items()
                            ],
                            value=reason or KNOWN,
                            disabled=disabled,
                        ),
                    ],
                    className="mb-3",
                    **half,
                ),
            ]
        ),
    ]
    if organisations is not None:
        options = {str(id_): label for id_, label in organisations}
        default = values.get("lead_organisation")
        if default is None and len(organisations) == 1:
            default = organisations[0][0]
        rows.append(
            dbc.Row(
                _group(
                    prefix,
                    "lead_organisation",
                    _select(
                        prefix,
                        "lead_organisation",
                        options,
                        default,
                        disabled,
                        "Choose the organisation leading the child's epilepsy care",
                    ),
                    width={"md": 12},
                ),
            )
        )
    return rows


def field_states(prefix: str, *, with_organisation: bool) -> list[str]:
    """Return the ids whose values a save reads, in form order (postcode reason included)."""
    fields = [f for f in FIELDS if with_organisation or f != "lead_organisation"]
    ids = [field_id(prefix, field) for field in fields]
    ids.insert(ids.index(field_id(prefix, "postcode")) + 1, field_id(prefix, "postcode_unknown"))
    return ids


def error_summary(prefix: str) -> html.Div:
    """Where the list of problems appears after a failed save, linked to each field."""
    return html.Div(id=f"{prefix}-summary", tabIndex="-1")


def focus_store(prefix: str) -> dcc.Store:
    """Holds the id of the first field at fault; a browser-side callback moves focus to it."""
    return dcc.Store(id=f"{prefix}-focus")
