"""Save the child's details form: read it, call the service, put each problem beside its field.

Shared by "add a child" (prefix ``new-child``) and the case page (``edit-child``). After a failed
save the first field at fault gets the focus, from a browser-side callback.
"""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State, clientside_callback, html
from flask_login import current_user

from callbacks.epilepsy12.rendering import outcome
from pages.epilepsy12.child_form import KNOWN, field_id, field_states
from portal.access import AccessDenied
from portal.db import get_session
from portal.errors import UserError
from portal.gate import callback
from services.epilepsy12 import cases
from services.epilepsy12.demographics import FIELDS, LABELS, FormProblems

NEW, EDIT = "new-child", "edit-child"


def case_id_from(value) -> int:
    """Return the case id the page holds; anything else is refused like a child out of scope."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise AccessDenied()
    return value


def _fields(with_organisation: bool) -> list[str]:
    return [f for f in FIELDS if with_organisation or f != "lead_organisation"]


def outputs(prefix: str, *, with_organisation: bool) -> list[Output]:
    fields = _fields(with_organisation)
    return [
        Output(f"{prefix}-summary", "children"),
        Output(f"{prefix}-focus", "data"),
        *[Output(field_id(prefix, f), "invalid") for f in fields],
        *[Output(f"{field_id(prefix, f)}-feedback", "children") for f in fields],
    ]


def states(prefix: str, *, with_organisation: bool) -> list[State]:
    return [
        State(id_, "value") for id_ in field_states(prefix, with_organisation=with_organisation)
    ]


def read_form(prefix: str, values, *, with_organisation: bool) -> dict:
    """Return the submitted values keyed by field name."""
    ids = field_states(prefix, with_organisation=with_organisation)
    form = {id_.removeprefix(f"{prefix}-"): value for id_, value in zip(ids, values, strict=True)}
    if form.get("postcode_unknown") == KNOWN:
        form["postcode_unknown"] = ""
    return form


def shown(prefix: str, problems: dict[str, str], *, with_organisation: bool, message=None) -> list:
    """Return the outputs showing ``problems`` beside their fields (none: the form is clean)."""
    fields = _fields(with_organisation)
    summary = message
    focus = None
    if problems:
        first = next(f for f in fields if f in problems)
        focus = field_id(prefix, first)
        summary = html.Div(
            [
                html.H2("There is a problem", className="h5"),
                html.Ul(
                    [
                        html.Li(
                            html.A(f"{LABELS[f]}: {problems[f]}", href=f"#{field_id(prefix, f)}")
                        )
                        for f in fields
                        if f in problems
                    ],
                    className="mb-0",
                ),
            ],
            className="alert alert-danger",
            role="alert",
        )
    return [
        summary,
        focus,
        *[f in problems for f in fields],
        *[problems.get(f, "") for f in fields],
    ]


for _prefix in (NEW, EDIT):
    clientside_callback(
        ClientsideFunction(namespace="caseRegister", function_name="focusField"),
        Output(f"{_prefix}-focus-done", "data"),
        Input(f"{_prefix}-focus", "data"),
        prevent_initial_call=True,
    )
    clientside_callback(
        ClientsideFunction(namespace="caseRegister", function_name="postcodeNeeded"),
        Output(f"{_prefix}-postcode", "disabled"),
        Input(f"{_prefix}-postcode_unknown", "value"),
        State(f"{_prefix}-postcode_unknown", "disabled"),
    )


@callback(
    Output(f"{NEW}-redirect", "href"),
    *outputs(NEW, with_organisation=True),
    Input(f"{NEW}-form", "n_submit"),
    *states(NEW, with_organisation=True),
    prevent_initial_call=True,
    capability="e12.case.edit",
)
def add_child(_submitted, *values):
    """Create the child (the service checks everything again), then open their audit."""
    form = read_form(NEW, values, with_organisation=True)
    try:
        case = cases.create_case(session=get_session(), user=current_user, form=form)
    except FormProblems as error:
        return None, *shown(NEW, error.problems, with_organisation=True)
    except UserError as error:
        return None, *shown(NEW, {}, with_organisation=True, message=outcome(str(error), ok=False))
    return f"/e12/cases/{case.id}/audit", *shown(NEW, {}, with_organisation=True)


@callback(
    *outputs(EDIT, with_organisation=False),
    Input(f"{EDIT}-form", "n_submit"),
    State("edit-case-id", "data"),
    *states(EDIT, with_organisation=False),
    prevent_initial_call=True,
    capability="e12.case.edit",
)
def save_child(_submitted, case_id, *values):
    """Save corrected details; a locked or out-of-scope child is refused by the service."""
    form = read_form(EDIT, values, with_organisation=False)
    try:
        case = cases.update_demographics(
            session=get_session(), user=current_user, case_id=case_id_from(case_id), form=form
        )
    except FormProblems as error:
        return shown(EDIT, error.problems, with_organisation=False)
    except UserError as error:
        return shown(EDIT, {}, with_organisation=False, message=outcome(str(error), ok=False))
    saved = outcome(f"Saved the details of {case.first_name} {case.surname}.")
    return shown(EDIT, {}, with_organisation=False, message=saved)
