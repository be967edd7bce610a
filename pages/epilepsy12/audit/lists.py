"""The lists of a child's audit: episodes, syndromes, comorbidities, maintenance and rescue medicines.

Each row is a card of questions that save themselves, with a button to remove it; below the list
a row is added (by name, where the row is named from a list).
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from pages.epilepsy12.audit.forms import fields
from pages.epilepsy12.audit.questions import EPISODE, FOCAL_GROUPS, QUESTIONS
from pages.epilepsy12.audit.visibility import is_shown
from pages.epilepsy12.audit.widgets import answer_id, field
from services.epilepsy12.audit_view import AuditView

#: Each list on the pages: (rows it holds, form, title of one row, rescue medicines or not).
LISTS = {
    "episodes": ("episodes", "multiaxial_diagnosis", "Episode", None),
    "syndromes": ("syndromes", "multiaxial_diagnosis", "Syndrome", None),
    "comorbidities": ("comorbidities", "multiaxial_diagnosis", "Comorbidity", None),
    "maintenance": ("antiepilepsy_medicines", "management", "Maintenance medicine", False),
    "rescue": ("antiepilepsy_medicines", "management", "Rescue medicine", True),
}
#: The medicine lists share one callback, so their remove buttons share one id type.
REMOVE_GROUPS = {"maintenance": "medicines", "rescue": "medicines"}
ADD_LABELS = {
    "episodes": "Add an episode",
    "syndromes": "Add this syndrome",
    "comorbidities": "Add this comorbidity",
    "maintenance": "Add this medicine",
    "rescue": "Add this rescue medicine",
}
PICKERS = {
    "syndromes": ("Syndrome to add", "syndromes", None),
    "comorbidities": ("Comorbidity to add", "comorbidities", None),
    "maintenance": ("Maintenance medicine to add", "medicines", False),
    "rescue": ("Rescue medicine to add", "medicines", True),
}


def rows_of(view: AuditView, key: str) -> list[tuple[int, object]]:
    """The (id, answers) of each row of a list, in the order they were added."""
    rows, form, _title, rescue = LISTS[key]
    holder = getattr(view.child.record, form)
    if holder is None:
        return []
    found = zip(view.child.row_ids.get(rows, ()), getattr(holder, rows), strict=True)
    return [
        (item, row) for item, row in found if rescue is None or row.is_rescue_medicine is rescue
    ]


def _focal(view: AuditView, item: int, episode) -> html.Fieldset:
    groups = []
    for group, names in FOCAL_GROUPS.items():
        questions = [QUESTIONS["episodes"][f"focal_onset_{name}"] for name in names]
        groups.append(
            html.Div(
                [
                    html.H5(group, className="e12-subheading"),
                    html.Div(
                        fields(
                            view,
                            "multiaxial_diagnosis",
                            episode,
                            questions,
                            rows="episodes",
                            item=item,
                        ),
                        className="e12-flags",
                    ),
                ]
            )
        )
    return html.Div(
        html.Fieldset([html.Legend("Focal features", className="e12-question"), *groups]),
        id=answer_id("e12-field", "multiaxial_diagnosis", "focal_features", "episodes", item),
        className="e12-field",
        hidden=not is_shown("episodes", episode, "focal_features"),
    )


def _episode(view: AuditView, item: int, episode) -> list:
    split = [question.field for question in EPISODE].index("epileptic_generalised_onset") + 1
    return [
        *fields(view, "multiaxial_diagnosis", episode, EPISODE[:split], rows="episodes", item=item),
        _focal(view, item, episode),
        *fields(view, "multiaxial_diagnosis", episode, EPISODE[split:], rows="episodes", item=item),
    ]


def _medicine_lookups(view: AuditView, rescue: bool):
    return lambda _kind: view.lists.options("medicines", rescue=rescue)


def row_card(view: AuditView, key: str, number: int, item: int, row) -> dbc.Card:
    rows, form, title, rescue = LISTS[key]
    if key == "episodes":
        body = _episode(view, item, row)
    else:
        lookups = _medicine_lookups(view, rescue) if rescue is not None else None
        body = fields(
            view, form, row, QUESTIONS[rows].values(), rows=rows, item=item, lookups=lookups
        )
    remove = dbc.Button(
        [
            html.I(className="bi bi-trash me-1", **{"aria-hidden": "true"}),
            f"Remove {title.lower()} {number}",
        ],
        id={"type": f"e12-remove-{REMOVE_GROUPS.get(key, key)}", "list": key, "item": item},
        color="danger",
        outline=True,
        size="sm",
        disabled=not view.may_edit,
    )
    return dbc.Card(
        [
            dbc.CardHeader(
                html.Div(
                    [html.H4(f"{title} {number}", className="h6 mb-0"), remove],
                    className="d-flex justify-content-between align-items-center",
                )
            ),
            dbc.CardBody(body),
        ],
        className="e12-row mb-3",
    )


def list_rows(view: AuditView, key: str) -> list:
    """The cards of a list, or a line saying it is empty."""
    found = rows_of(view, key)
    if not found:
        return [html.P(f"No {LISTS[key][2].lower()} added yet.", className="text-body-secondary")]
    return [row_card(view, key, number, item, row) for number, (item, row) in enumerate(found, 1)]


def _name(row) -> str | None:
    for name in ("syndrome_name", "comorbidity_name", "medicine_name"):
        if hasattr(row, name):
            return getattr(row, name)
    return None


def _picker(view: AuditView, key: str):
    label, lookup, rescue = PICKERS[key]
    taken = {_name(row) for _item, row in rows_of(view, key)}
    names = view.lists.options(lookup, rescue=rescue)
    options = [{"label": name, "value": name} for name in names if name not in taken]
    return html.Div(
        [
            dbc.Label(label, html_for=f"e12-new-{key}", className="e12-question"),
            dbc.Select(
                id=f"e12-new-{key}",
                options=[{"label": "Choose…", "value": ""}, *options],
                value="",
                disabled=not view.may_edit,
                className="e12-select",
            ),
        ],
        className="flex-grow-1",
    )


def list_block(view: AuditView, key: str) -> html.Div:
    """A list with its add control."""
    adder = [
        dbc.Button(
            [html.I(className="bi bi-plus-lg me-1", **{"aria-hidden": "true"}), ADD_LABELS[key]],
            id=f"e12-add-{key}",
            color="primary",
            outline=key != "episodes",
            disabled=not view.may_edit,
        )
    ]
    if key in PICKERS:
        adder.insert(0, _picker(view, key))
    return html.Div(
        [
            html.Div(list_rows(view, key), id=f"e12-list-{key}"),
            html.Div(
                adder,
                id=f"e12-adder-{key}",
                className="d-flex gap-2 align-items-end flex-wrap e12-adder",
            ),
            html.Div(id=f"e12-add-{key}-feedback", className="e12-feedback", role="alert"),
        ],
        className="e12-list",
    )


def wrapped_list(view: AuditView, form: str, name: str, key: str, heading: str) -> html.Div:
    """A list that is shown only while the yes/no answer it belongs to is yes."""
    holder = getattr(view.child.record, form)
    shown = holder is not None and is_shown(form, holder, name)
    return html.Div(
        [html.H3(heading, className="h5"), list_block(view, key)],
        id=answer_id("e12-field", form, name),
        className="e12-field e12-list-wrapper",
        hidden=not shown,
    )


__all__ = ["LISTS", "field", "list_block", "list_rows", "rows_of", "wrapped_list"]
