"""Save one answer of a child's audit: check, write, clear what no longer applies, recount, rescore.

Every form saves one answer at a time. A save is refused whole, with the validators' specific
messages, or written whole in one transaction: the answer, the answers it makes inapplicable,
the section counters, the 21 scores and the audit trail.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from domain.epilepsy12.record import Record
from domain.epilepsy12.record.types import Section
from domain.epilepsy12.validation import ROW_KINDS, answers_to_clear, validate_answer
from portal.errors import UserError
from portal.roles import Role
from services.epilepsy12.access import CaseAction, check_case
from services.epilepsy12.changes import (
    AnswerInvalid,
    ChildChange,
    SaveResult,
    actor_for,
    commit_change,
    today_or,
    unchanged,
)
from services.epilepsy12.lookup_lists import LookupLists, lookup_lists
from services.epilepsy12.records import (
    FORMS,
    ROW_LISTS,
    ChildRows,
    column_value,
    load_child,
    stored_fields,
)

#: Answers a form never sets directly: a medicine's kind is fixed when it is added.
FIXED = {"antiepilepsy_medicines": {"is_rescue_medicine"}}
#: Answers that name an entry of a lookup list, and the column holding the entry's id.
NAMED = {
    ("multiaxial_diagnosis", "epilepsy_cause"): "epilepsy_cause_id",
    ("syndromes", "syndrome_name"): "syndrome_id",
    ("comorbidities", "comorbidity_name"): "comorbidityentity_id",
    ("antiepilepsy_medicines", "medicine_name"): "medicine_entity_id",
}
#: Lists that are answers of their form: emptying the answer deletes the rows.
LIST_ANSWERS = {"syndromes", "comorbidities"}


@dataclass(frozen=True)
class Target:
    """Where an answer lives: its form, its row (for lists) and its path in the record."""

    section: str
    form: str
    rows: str | None
    index: int | None
    item_id: int | None

    @property
    def path(self) -> str:
        return self.form if self.rows is None else f"{self.form}.{self.rows}[{self.index}]"

    @property
    def kind(self) -> str:
        return self.form if self.rows is None else ROW_KINDS[(self.form, self.rows)]

    def holder(self, record: Record) -> Section:
        """Return the form or row the answer belongs to (an empty form if not started)."""
        form = getattr(record, self.form)
        if form is None:
            return FORMS[self.form][1]()
        return form if self.rows is None else getattr(form, self.rows)[self.index]


class NotRegistered(UserError):
    """The audit forms open once the child is registered."""


def require_registered(child: ChildRows) -> None:
    """Refuse audit answers for a child whose registration is not finished."""
    if not child.record.is_registered:
        raise NotRegistered(
            "Register the child first: confirm eligibility and enter the date of the first "
            "paediatric assessment."
        )


def is_national(user) -> bool:
    return Role(user.role).is_national


def editable_fields(section: str) -> tuple[str, ...]:
    """The answers of a form or row list that ``save_answer`` accepts."""
    names = stored_fields(section)
    if section == "multiaxial_diagnosis":
        names += ("epilepsy_cause",)
    elif section in ROW_LISTS and ROW_LISTS[section].name_field:
        names += (ROW_LISTS[section].name_field,)
    return tuple(name for name in names if name not in FIXED.get(section, ()))


def locate(child: ChildRows, section: str, field: str, item_id: int | None) -> Target:
    """Find the answer, or explain why there is no such answer to save."""
    if section not in FORMS and section not in ROW_LISTS:
        raise UserError(f"{section!r} is not a section of the audit forms")
    if field not in editable_fields(section):
        raise UserError(f"{field!r} is not an answer of {section}")
    if section in FORMS:
        return Target(section, section, None, None, None)
    index = child.row_index(section, item_id) if item_id is not None else None
    if index is None:
        raise UserError(f"This {section.replace('_', ' ')} row no longer exists; reload the page.")
    return Target(section, ROW_LISTS[section].form, section, index, item_id)


def normalise(value: Any) -> Any:
    """Read a form value as an answer: blank text is no answer; a list keeps its order."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, list | tuple):
        return list(value) or None
    return value


def same_answer(current: Any, value: Any) -> bool:
    if isinstance(current, dt.date) and isinstance(value, str):
        return current.isoformat() == value
    if isinstance(current, tuple):
        return list(current) == (value or [])
    return current == value and type(current) is type(value)


def with_answers(record: Record, target: Target, values: dict[str, Any]) -> dict:
    """Return the record's data with ``values`` set on the target form or row."""
    data = record.model_dump(exclude_defaults=False)
    holder = data.get(target.form)
    if holder is None:
        holder = data[target.form] = {}
    if target.rows is not None:
        holder = holder[target.rows][target.index]
    for name, value in values.items():
        holder[name] = [] if name in LIST_ANSWERS and value is None else value
    return data


def _checked(record: Record, target: Target, field: str, value: Any, *, today, lists):
    """Validate the answer in its record. The clinician's floor on the assessment date applies
    to entering that date (``registration``), not to every later answer of the child."""
    messages = validate_answer(
        record, target.path, field, value, today=today, lookups=lists.lookups, is_national=True
    )
    if messages:
        raise AnswerInvalid(messages)


def _column_values(
    target: Target, field: str, typed: Any, cleared: list[str], lists: LookupLists, holder
) -> dict[str, Any]:
    """Translate answers into the columns of the target's table (names become lookup ids)."""
    values: dict[str, Any] = {}
    for name, value in ((field, typed), *((name, None) for name in cleared)):
        if name in LIST_ANSWERS:
            continue
        column = NAMED.get((target.section, name))
        if column is None:
            values[name] = column_value(value)
        elif value is None:
            values[column] = None
        elif target.section == "antiepilepsy_medicines":
            values[column] = lists.medicine_ids[(value, holder.is_rescue_medicine)]
        else:
            ids = {
                "multiaxial_diagnosis": lists.epilepsy_cause_ids,
                "syndromes": lists.syndrome_ids,
                "comorbidities": lists.comorbidity_ids,
            }[target.section]
            values[column] = ids[value]
    return values


def save_answer(
    *,
    session: Session,
    user,
    case_id: int,
    section: str,
    field: str,
    value: Any,
    item_id: int | None = None,
    today: dt.date | None = None,
) -> SaveResult:
    """Save one answer for a child, or raise AnswerInvalid / CaseLocked / AccessDenied.

    ``section`` is a form (``"assessment"``) or a list of rows (``"antiepilepsy_medicines"``,
    with ``item_id`` naming the row). Answers that the new one makes inapplicable are cleared in
    the same save and listed in the result.
    """
    today = today_or(today)
    check_case(session, user=user, case_id=case_id, action=CaseAction.EDIT_AUDIT, today=today)
    child = load_child(session, case_id, lock=True)
    require_registered(child)
    target = locate(child, section, field, item_id)
    value = normalise(value)
    holder = target.holder(child.record)
    if same_answer(getattr(holder, field), value):
        session.rollback()
        return unchanged(child.record, getattr(holder, field), holder)

    lists = lookup_lists(session)
    cleared = answers_to_clear(holder, target.kind, field, value)
    candidate = child.record
    if cleared:
        candidate = Record.model_validate(with_answers(candidate, target, dict.fromkeys(cleared)))
    _checked(candidate, target, field, value, today=today, lists=lists)
    record = Record.model_validate(with_answers(candidate, target, {field: value}))
    typed = getattr(target.holder(record), field)

    change = ChildChange(session, child, actor_for(user))
    row_id = target.item_id if target.rows else change.ensure_form(target.form)
    model = ROW_LISTS[target.rows].table if target.rows else FORMS[target.form][0]
    change.update(model, row_id, _column_values(target, field, typed, cleared, lists, holder))
    for name in cleared:
        if name in LIST_ANSWERS:
            rows = ROW_LISTS[name]
            change.delete(rows.table, rows.table.multiaxial_diagnosis_id == row_id)
    return commit_change(
        session, change, child, record, typed, tuple(cleared), holder=target.holder(record)
    )


__all__ = ["AnswerInvalid", "SaveResult", "save_answer"]
