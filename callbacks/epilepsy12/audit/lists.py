"""Add a row to one of the audit's lists, or remove one: the list is drawn again afterwards."""

from __future__ import annotations

from dash import ALL, Input, Output, State, ctx, html, no_update, set_props
from dash.exceptions import PreventUpdate
from flask_login import current_user

from callbacks.epilepsy12.audit.messages import humanise
from pages.epilepsy12.audit.frame import section_progress, step_menu
from pages.epilepsy12.audit.lists import LISTS, list_rows
from portal.db import get_session
from portal.errors import UserError
from portal.gate import callback
from services.epilepsy12.audit_view import load_audit
from services.epilepsy12.rows import add_row, remove_row

#: The lists each callback draws: both medicine lists share their rows.
GROUPS = {
    "episodes": ("episodes",),
    "syndromes": ("syndromes",),
    "comorbidities": ("comorbidities",),
    "medicines": ("maintenance", "rescue"),
}


def _values(key: str, picked: str | None) -> dict:
    rows, _form, _title, rescue = LISTS[key]
    if rows == "episodes":
        return {}
    name_field = {"syndromes": "syndrome_name", "comorbidities": "comorbidity_name"}.get(
        rows, "medicine_name"
    )
    values = {name_field: picked or None}
    if rescue is not None:
        values["is_rescue_medicine"] = rescue
    return values


def _change(keys: tuple[str, ...], case_id: int, picks: list):
    trigger = ctx.triggered_id
    if not ctx.triggered or not ctx.triggered[0]["value"]:
        raise PreventUpdate
    session, user = get_session(), current_user
    if isinstance(trigger, dict):
        key = trigger["list"]
        remove_row(
            session=session, user=user, case_id=case_id, rows=LISTS[key][0], item_id=trigger["item"]
        )
    else:
        key = trigger.removeprefix("e12-add-")
        picked = picks[keys.index(key)] if picks else None
        add_row(
            session=session,
            user=user,
            case_id=case_id,
            rows=LISTS[key][0],
            values=_values(key, picked),
        )
    return key


def _register(group: str, keys: tuple[str, ...]) -> None:
    pickers = [State(f"e12-new-{key}", "value") for key in keys if key != "episodes"]

    @callback(
        *(Output(f"e12-list-{key}", "children") for key in keys),
        *(Output(f"e12-add-{key}-feedback", "children") for key in keys),
        *(Input(f"e12-add-{key}", "n_clicks") for key in keys),
        Input({"type": f"e12-remove-{group}", "list": ALL, "item": ALL}, "n_clicks"),
        State("e12-case", "data"),
        *pickers,
        prevent_initial_call=True,
        capability="e12.audit.edit",
    )
    def change(*args):
        case_id = int(args[len(keys) + 1])
        picks = list(args[len(keys) + 2 :])
        trigger = ctx.triggered_id
        feedback = [""] * len(keys)
        try:
            key = _change(keys, case_id, picks)
        except UserError as error:
            messages = getattr(error, "messages", [str(error)])
            key = trigger["list"] if isinstance(trigger, dict) else trigger.removeprefix("e12-add-")
            feedback[keys.index(key)] = html.Ul(
                [html.Li(humanise(m)) for m in messages], className="mb-0"
            )
            return *([no_update] * len(keys)), *feedback
        view = load_audit(session=get_session(), user=current_user, case_id=case_id)
        form = LISTS[key][1]
        registered = view.child.record.is_registered
        set_props(
            "e12-step-menu", {"children": step_menu(case_id, view.completeness, form, registered)}
        )
        set_props(
            "e12-section-progress", {"children": section_progress(view.completeness.sections[form])}
        )
        if key != "episodes":
            set_props(f"e12-new-{key}", {"value": ""})
        return *(list_rows(view, each) for each in keys), *feedback

    change.__name__ = f"change_{group}"


for _group, _keys in GROUPS.items():
    _register(_group, _keys)
