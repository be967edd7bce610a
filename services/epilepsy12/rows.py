"""Add and remove the rows of a child's lists (episodes, syndromes, comorbidities, medicines),
and name the centres a child was referred to.

A row is added with the answer that identifies it (a syndrome's name, a medicine's name and
kind); its other answers are then saved one at a time like any other.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

import models.epilepsy12 as tables
from domain.epilepsy12.record import Record
from domain.epilepsy12.validation import RecordError, parse_record
from domain.epilepsy12.validation.dependencies import MEDICINE_KIND_PARENT
from models.geography import Organisation
from portal.errors import UserError
from services.epilepsy12.access import CaseAction, check_case
from services.epilepsy12.answers import require_registered
from services.epilepsy12.changes import (
    AnswerInvalid,
    ChildChange,
    SaveResult,
    actor_for,
    commit_change,
    today_or,
)
from services.epilepsy12.lookup_lists import LookupLists, lookup_lists
from services.epilepsy12.records import ROW_LISTS, ChildRows, load_child

#: The yes/no answer a list belongs to, and the question as the form asks it.
LIST_PARENTS = {
    "syndromes": ("syndrome_present", "Is an epilepsy syndrome present?"),
    "comorbidities": (
        "relevant_impairments_behavioural_educational",
        "Are there relevant impairments (behavioural, educational or developmental)?",
    ),
}
CENTRE_ROLES = (
    "site_is_general_paediatric_centre",
    "site_is_paediatric_neurology_centre",
    "site_is_childrens_epilepsy_surgery_centre",
)


def _problems(data: dict, *, today: dt.date, lists: LookupLists) -> set[str]:
    """Every problem of the record; the assessment-date floor belongs to registration only."""
    try:
        parse_record(data, today=today, lookups=lists.lookups, is_national=True)
    except RecordError as error:
        return {str(problem) for problem in error.problems}
    return set()


def _check_new_row(child: ChildRows, data: dict, *, today, lists) -> Record:
    """Refuse a new row that breaks a rule the record kept before it was added."""
    before = child.record.model_dump(mode="json")
    new = _problems(data, today=today, lists=lists) - _problems(before, today=today, lists=lists)
    if new:
        raise AnswerInvalid(sorted(message.split(": ", 1)[-1] for message in new))
    return Record.model_validate(data)


def _parent_given(child: ChildRows, rows: str, values: dict[str, Any]) -> None:
    form = getattr(child.record, ROW_LISTS[rows].form)
    if rows in LIST_PARENTS:
        parent, question = LIST_PARENTS[rows]
        if form is None or getattr(form, parent) is not True:
            raise AnswerInvalid([f"Answer yes to “{question}” before adding one."])
    if rows == "antiepilepsy_medicines":
        rescue = values.get("is_rescue_medicine")
        if rescue not in (True, False):
            raise AnswerInvalid(["Say whether this is a rescue or a maintenance medicine."])
        parent = MEDICINE_KIND_PARENT[rescue]
        if form is None or getattr(form, parent) is not True:
            kind = "rescue medication was prescribed" if rescue else "a medicine was given"
            raise AnswerInvalid([f"Answer yes to whether {kind} before adding one."])


def add_row(
    *,
    session: Session,
    user,
    case_id: int,
    rows: str,
    values: dict[str, Any] | None = None,
    today: dt.date | None = None,
) -> SaveResult:
    """Add a row to a list: an episode (empty), or a syndrome, comorbidity or medicine by name."""
    today = today_or(today)
    check_case(session, user=user, case_id=case_id, action=CaseAction.EDIT_AUDIT, today=today)
    if rows not in ROW_LISTS:
        raise UserError(f"{rows!r} is not a list of the audit forms")
    values = {k: v for k, v in (values or {}).items() if v not in (None, "")}
    row_list = ROW_LISTS[rows]
    allowed = {row_list.name_field} if row_list.name_field else set()
    if rows == "antiepilepsy_medicines":
        allowed.add("is_rescue_medicine")
    if set(values) - allowed:
        raise UserError(f"A new row of {rows} takes only {', '.join(sorted(allowed)) or 'nothing'}")
    child = load_child(session, case_id, lock=True)
    require_registered(child)
    _parent_given(child, rows, values)
    if row_list.name_field and row_list.name_field not in values:
        raise AnswerInvalid(["Choose one from the list first."])
    lists = lookup_lists(session)
    data = child.record.model_dump(mode="json")
    holder = data.get(row_list.form) or {}
    data[row_list.form] = holder
    holder[rows] = [*holder.get(rows, []), values]
    record = _check_new_row(child, data, today=today, lists=lists)

    change = ChildChange(session, child, actor_for(user))
    parent_id = change.ensure_form(row_list.form)
    columns: dict[str, Any] = {row_list.parent_column: parent_id}
    if rows == "syndromes":
        columns["syndrome_id"] = lists.syndrome_ids[values["syndrome_name"]]
    elif rows == "comorbidities":
        columns["comorbidityentity_id"] = lists.comorbidity_ids[values["comorbidity_name"]]
    elif rows == "antiepilepsy_medicines":
        key = (values["medicine_name"], values["is_rescue_medicine"])
        columns["medicine_entity_id"] = lists.medicine_ids[key]
        columns["is_rescue_medicine"] = values["is_rescue_medicine"]
    row_id = change.insert(row_list.table, columns)
    return commit_change(session, change, child, record, None, item_id=row_id)


def remove_row(
    *, session: Session, user, case_id: int, rows: str, item_id: int, today: dt.date | None = None
) -> SaveResult:
    """Remove one row of a list, with its answers."""
    today = today_or(today)
    check_case(session, user=user, case_id=case_id, action=CaseAction.EDIT_AUDIT, today=today)
    if rows not in ROW_LISTS:
        raise UserError(f"{rows!r} is not a list of the audit forms")
    child = load_child(session, case_id, lock=True)
    index = child.row_index(rows, item_id)
    if index is None:
        raise UserError("That row was already removed; reload the page.")
    row_list = ROW_LISTS[rows]
    data = child.record.model_dump()
    remaining = list(data[row_list.form][rows])
    del remaining[index]
    data[row_list.form][rows] = remaining
    record = Record.model_validate(data)
    change = ChildChange(session, child, actor_for(user))
    change.delete(row_list.table, row_list.table.id == item_id)
    return commit_change(session, change, child, record, None, item_id=item_id)


def set_centre(
    *,
    session: Session,
    user,
    case_id: int,
    role: str,
    organisation_id: int | None,
    today: dt.date | None = None,
) -> SaveResult:
    """Name the organisation that plays ``role`` (a ``site_is_…_centre`` flag), or nobody."""
    today = today_or(today)
    check_case(session, user=user, case_id=case_id, action=CaseAction.EDIT_AUDIT, today=today)
    if role not in CENTRE_ROLES:
        raise UserError(f"{role!r} is not a centre of the assessment")
    child = load_child(session, case_id, lock=True)
    require_registered(child)
    target = None
    if organisation_id is not None:
        target = session.execute(
            select(Organisation.id, Organisation.ods_code).where(
                Organisation.id == organisation_id, Organisation.active.is_(True)
            )
        ).first()
        if target is None:
            raise AnswerInvalid(["Choose an organisation from the list."])
    change = ChildChange(session, child, actor_for(user))
    sites = []
    holder = None
    for site in child.sites:
        flags = dict(site.flags)
        if site.organisation_id == organisation_id:
            holder = site
            flags[role] = True
            if not site.flags.get(role):
                change.update(tables.Site, site.id, {role: True})
        elif site.flags.get(role):
            flags[role] = False
            lead = flags["site_is_primary_centre_of_epilepsy_care"]
            if not lead and not any(flags[name] for name in CENTRE_ROLES):
                change.delete(tables.Site, tables.Site.id == site.id)
                continue
            change.update(tables.Site, site.id, {role: False})
        sites.append({"ods_code": site.ods_code, **flags})
    if target is not None and holder is None:
        flags = {"site_is_actively_involved_in_epilepsy_care": True, role: True}
        change.insert(tables.Site, {"case_id": case_id, "organisation_id": target.id, **flags})
        sites.append({"ods_code": target.ods_code, **flags})
    data = child.record.model_dump()
    data["sites"] = sites
    record = Record.model_validate(data)
    return commit_change(session, change, child, record, organisation_id)
