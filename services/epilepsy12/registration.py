"""Register a child in the audit: confirm eligibility, then set the first paediatric assessment date.

The date fixes the child's cohort, the end of their first year of care and their submission
deadline. Both steps are one-way for the hospital team: only the national audit team can change
a date once set (spec §2, §7.2).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

import models.epilepsy12 as tables
from domain.epilepsy12.record import Record
from domain.epilepsy12.validation import validate_answer
from portal.errors import UserError
from services.epilepsy12.access import CaseAction, check_case
from services.epilepsy12.answers import is_national, normalise, same_answer
from services.epilepsy12.changes import (
    AnswerInvalid,
    ChildChange,
    SaveResult,
    actor_for,
    commit_change,
    today_or,
    unchanged,
)
from services.epilepsy12.lookup_lists import lookup_lists
from services.epilepsy12.records import ChildRows, load_child, registration_values

FPA = "first_paediatric_assessment_date"


def _registration(child: ChildRows) -> dict[str, Any]:
    registration = child.record.registration
    return registration.model_dump() if registration else {}


def _with_registration(record: Record, **values: Any) -> Record:
    data = record.model_dump()
    data["registration"] = {**(data.get("registration") or {}), **values}
    return Record.model_validate(data)


def confirm_eligibility(
    *, session: Session, user, case_id: int, today: dt.date | None = None
) -> SaveResult:
    """Record that the child meets every criterion of the audit (cannot be undone here)."""
    today = today_or(today)
    check_case(session, user=user, case_id=case_id, action=CaseAction.EDIT_AUDIT, today=today)
    child = load_child(session, case_id, lock=True)
    if _registration(child).get("eligibility_criteria_met") is True:
        session.rollback()
        return unchanged(child.record, True)
    record = _with_registration(child.record, eligibility_criteria_met=True)
    change = ChildChange(session, child, actor_for(user))
    registration_id = change.ensure_registration()
    change.update(tables.Registration, registration_id, {"eligibility_criteria_met": True})
    return commit_change(session, change, child, record, True)


def set_first_paediatric_assessment_date(
    *, session: Session, user, case_id: int, value: Any, today: dt.date | None = None
) -> SaveResult:
    """Set the date of the first paediatric assessment, deriving cohort and deadlines from it.

    Eligibility must be confirmed and a lead site allocated first. A clinician may set the date
    once, within the cohort now being submitted or later; the national audit team may change it.
    """
    today = today_or(today)
    check_case(session, user=user, case_id=case_id, action=CaseAction.EDIT_AUDIT, today=today)
    child = load_child(session, case_id, lock=True)
    value = normalise(value)
    current = _registration(child).get(FPA)
    if same_answer(current, value):
        session.rollback()
        return unchanged(child.record, current)
    if _registration(child).get("eligibility_criteria_met") is not True:
        raise UserError("Confirm that the child meets the eligibility criteria first.")
    if not child.record.has_lead_site:
        raise UserError("Allocate the child's lead site first.")
    if current is not None and not is_national(user):
        raise UserError(
            "The first paediatric assessment date is already set; only the national audit "
            "team can change it."
        )
    if value is None:
        raise AnswerInvalid(["is required: a registered child keeps their assessment date"])
    messages = validate_answer(
        child.record,
        "registration",
        FPA,
        value,
        today=today,
        lookups=lookup_lists(session).lookups,
        is_national=is_national(user),
    )
    if messages:
        raise AnswerInvalid(messages)
    record = _with_registration(child.record, **{FPA: value})
    values = registration_values(record)
    del values["eligibility_criteria_met"]
    change = ChildChange(session, child, actor_for(user))
    change.update(tables.Registration, change.ensure_registration(), values)
    return commit_change(session, change, child, record, values[FPA])
