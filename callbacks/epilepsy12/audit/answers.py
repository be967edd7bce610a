"""Save an answer the moment it is given: one pattern-matching callback per audit form.

The callback parses the answer's id, asks the save service, and shapes what comes back: the
"saved" note or the messages, the step menu and section progress, which questions now apply,
and the answers the service cleared.
"""

from __future__ import annotations

from dash import MATCH, Input, Output, State, ctx, html, no_update, set_props
from flask_login import current_user

from callbacks.epilepsy12.audit.messages import humanise
from pages.epilepsy12.audit.frame import section_progress, step_menu
from pages.epilepsy12.audit.lists import list_rows
from pages.epilepsy12.audit.questions import DATE, FLAG, LOOKUP, MULTI, QUESTIONS, SELECT, TEXT
from pages.epilepsy12.audit.visibility import shown_fields
from pages.epilepsy12.audit.widgets import answer_id
from portal.db import get_session
from portal.errors import UserError
from portal.gate import callback
from services.epilepsy12.answers import AnswerInvalid, save_answer
from services.epilepsy12.audit_view import load_audit

FORMS = (
    "first_paediatric_assessment",
    "epilepsy_context",
    "multiaxial_diagnosis",
    "assessment",
    "investigations",
    "management",
)
#: Controls that can show a red border; radio groups and tick boxes show only the message.
MARKABLE = {DATE, SELECT, LOOKUP, TEXT}
#: What a cleared answer looks like in each kind of control.
EMPTY = {DATE: "", SELECT: "", LOOKUP: "", TEXT: "", MULTI: [], FLAG: False}
#: Lists whose rows go when their yes/no answer becomes no.
CLEARED_LISTS = {"syndromes": "syndromes", "comorbidities": "comorbidities"}

SAVED = [html.I(className="bi bi-check-lg me-1", **{"aria-hidden": "true"}), "Saved"]


def _feedback(messages: list[str]):
    return html.Ul([html.Li(humanise(message)) for message in messages], className="mb-0")


def _mark(answer: dict, question, invalid: bool) -> None:
    if question.kind in MARKABLE:
        set_props(answer, {"invalid": invalid})


def _refresh_page(section: str, answer: dict, result, case_id: int) -> None:
    """Show the new standing: step menu, section progress, what applies, what was cleared."""
    registered = result.record.is_registered
    set_props(
        "e12-step-menu", {"children": step_menu(case_id, result.completeness, section, registered)}
    )
    set_props(
        "e12-section-progress",
        {"children": section_progress(result.completeness.sections[section])},
    )
    rows, item = answer["rows"], answer["item"]
    for name, shown in shown_fields(rows or section, result.holder).items():
        set_props(answer_id("e12-field", section, name, rows, item), {"hidden": not shown})
    questions = QUESTIONS[rows or section]
    for name in result.cleared:
        if name in CLEARED_LISTS:
            view = load_audit(session=get_session(), user=current_user, case_id=case_id)
            set_props(f"e12-list-{name}", {"children": list_rows(view, CLEARED_LISTS[name])})
        elif name in questions:
            empty = EMPTY.get(questions[name].kind)
            set_props(answer_id("e12-answer", section, name, rows, item), {"value": empty})


def _register(section: str) -> None:
    pattern = {"section": section, "rows": MATCH, "item": MATCH, "field": MATCH}

    @callback(
        Output({"type": "e12-saved", **pattern}, "children"),
        Output({"type": "e12-feedback", **pattern}, "children"),
        Input({"type": "e12-answer", **pattern}, "value"),
        State("e12-case", "data"),
        prevent_initial_call=True,
        capability="e12.audit.edit",
    )
    def save(value, case_id):
        answer = ctx.triggered_id
        rows = answer["rows"]
        question = QUESTIONS[rows or section].get(answer["field"])
        if question is None:
            raise UserError(f"{answer['field']!r} is not a question of this form")
        try:
            result = save_answer(
                session=get_session(),
                user=current_user,
                case_id=int(case_id),
                section=rows or section,
                field=answer["field"],
                value=value,
                item_id=answer["item"] or None,
            )
        except AnswerInvalid as error:
            _mark(answer, question, True)
            return "", _feedback(error.messages)
        except UserError as error:
            _mark(answer, question, True)
            return "", _feedback([str(error)])
        _mark(answer, question, False)
        if not result.changed:
            return no_update, ""
        _refresh_page(section, answer, result, int(case_id))
        return SAVED, ""

    save.__name__ = f"save_{section}_answer"


for _section in FORMS:
    _register(_section)
