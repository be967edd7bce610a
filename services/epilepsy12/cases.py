"""A child in the register: create, read, correct, consent, submit, opt out and delete.

Every function goes through ``services.epilepsy12.access.require_case`` (creation checks the
capability and the chosen lead organisation instead), so role, scope and lock are decided in one
place. Each change is one transaction: an error leaves nothing half-written. Searching and paging
the list of children is ``services.epilepsy12.case_list``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from domain.epilepsy12 import record as pure
from domain.epilepsy12.cohorts import is_past_deadline
from domain.epilepsy12.completeness import count_completeness
from models.base import utcnow
from models.epilepsy12 import SECTIONS, AuditProgress, Case, KPIResult, Registration, Site
from portal import access
from portal.errors import UserError
from services.epilepsy12.access import (
    CaseAction,
    CaseLocked,
    case_organisation_id,
    lock_reason,
    require_case,
)
from services.epilepsy12.demographics import Demographics, FormProblems, parse_demographics
from services.epilepsy12.sites import LEAD, active_organisation, new_lead_site

IDENTIFIERS = (
    "nhs_number",
    "first_name",
    "surname",
    "sex",
    "date_of_birth",
    "postcode",
    "ethnicity",
)


@dataclass(frozen=True)
class CaseDetail:
    """A child as the case page shows them, with where they stand in the audit."""

    id: int
    first_name: str | None
    surname: str | None
    nhs_number: str | None
    sex: int | None
    date_of_birth: dt.date | None
    postcode: str | None
    ethnicity: str | None
    consent: bool | None
    opted_out_at: dt.datetime | None
    submitted: bool
    organisation_id: int | None
    cohort: int | None
    deadline: dt.date | None
    registered: bool
    complete: bool
    completed: int
    expected: int
    lock_reason: str | None


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def _registration(session: Session, case_id: int) -> Registration | None:
    return session.scalar(select(Registration).where(Registration.case_id == case_id))


def get_case(*, session: Session, user, case_id: int, today: dt.date | None = None) -> CaseDetail:
    """Return a child the user may see; any other id is refused as if it did not exist."""
    case = require_case(session, user=user, case_id=case_id, action=CaseAction.READ)
    registration = _registration(session, case_id)
    progress = None
    if registration is not None:
        progress = session.scalar(
            select(AuditProgress).where(AuditProgress.registration_id == registration.id)
        )
    return CaseDetail(
        id=case.id,
        **{field: getattr(case, field) for field in IDENTIFIERS},
        consent=case.consent_patient_confirmed,
        opted_out_at=case.opted_out_at,
        submitted=case.locked,
        organisation_id=case_organisation_id(session, case_id),
        cohort=registration.cohort if registration else None,
        deadline=registration.audit_submission_date if registration else None,
        registered=bool(registration and registration.is_registered),
        complete=bool(progress and progress.audit_complete),
        completed=_total(progress, "completed"),
        expected=_total(progress, "expected"),
        lock_reason=lock_reason(case, registration, today=_today(today)),
    )


def _total(progress: AuditProgress | None, kind: str) -> int:
    if progress is None:
        return 0
    return sum(getattr(progress, f"{section}_total_{kind}_fields") for section in SECTIONS)


def _nhs_number_taken(session: Session, user, demographics: Demographics, case_id: int | None):
    owner = session.scalar(select(Case.id).where(Case.nhs_number == demographics.nhs_number))
    if owner is None or owner == case_id:
        return None
    if access.scope_for(session, user).allows(case_organisation_id(session, owner)):
        return f"This NHS number already belongs to child {owner}."
    return (
        "This NHS number already belongs to a child registered by another organisation: "
        "ask them to transfer the child to you."
    )


def _checked(
    session: Session, user, form: Mapping[str, Any], today: dt.date, *, case_id: int | None
) -> Demographics:
    """Return the form's details, or raise ``FormProblems`` with every problem at once."""
    problems: dict[str, str] = {}
    try:
        demographics = parse_demographics(form, today=today)
    except FormProblems as error:
        problems.update(error.problems)
        demographics = None
    if demographics is not None:
        taken = _nhs_number_taken(session, user, demographics, case_id)
        if taken:
            problems["nhs_number"] = taken
    if case_id is None:
        try:
            organisation = active_organisation(session, form.get("lead_organisation"))
        except UserError:
            problems["lead_organisation"] = "Choose the organisation leading the child's care."
        else:
            if not access.scope_for(session, user).allows(organisation.id):
                problems["lead_organisation"] = (
                    "You can only choose an organisation in your own trust or health board."
                )
    if problems:
        raise FormProblems(problems)
    return demographics


def _progress_for(demographics: Demographics, ods_code: str) -> AuditProgress:
    """Count what an empty audit expects, with the real rules, so the list shows it at once."""
    child = pure.Record(
        case=pure.Case(**vars(demographics)),
        sites=[pure.Site(ods_code=ods_code, site_is_primary_centre_of_epilepsy_care=True)],
    )
    counts = count_completeness(child)
    values = {}
    for section, progress in counts.sections.items():
        values[f"{section}_total_expected_fields"] = progress.expected
        values[f"{section}_total_completed_fields"] = progress.completed
        values[f"{section}_complete"] = progress.complete
    return AuditProgress(**values, audit_complete=counts.audit_complete)


def create_case(
    *, session: Session, user, form: Mapping[str, Any], today: dt.date | None = None
) -> Case:
    """Create a child with their lead site and an empty audit; raise ``FormProblems`` if bad."""
    access.require(user, "e12.case.edit")
    demographics = _checked(session, user, form, _today(today), case_id=None)
    organisation = active_organisation(session, form.get("lead_organisation"))
    case = Case(**vars(demographics))
    session.add(case)
    session.add(new_lead_site(case, organisation.id))
    registration = Registration(case=case)
    registration.audit_progress = _progress_for(demographics, organisation.ods_code)
    registration.kpi_result = KPIResult()
    session.add(registration)
    _commit_or_explain(session)
    return case


def _commit_or_explain(session: Session) -> None:
    """Commit; a number taken by someone else meanwhile is reported like any taken number."""
    try:
        session.commit()
    except IntegrityError as error:
        session.rollback()
        if "nhs_number" in str(error.orig):
            raise FormProblems(
                {"nhs_number": "This NHS number was just given to another child."}
            ) from None
        raise


def update_demographics(
    *, session: Session, user, case_id: int, form: Mapping[str, Any], today: dt.date | None = None
) -> Case:
    """Correct a child's details; the lock and the opt-out are respected."""
    today = _today(today)
    case = require_case(
        session, user=user, case_id=case_id, action=CaseAction.EDIT_DEMOGRAPHICS, today=today
    )
    if case.opted_out_at is not None:
        raise UserError("This child has been opted out: their details were wiped for good.")
    demographics = _checked(session, user, form, today, case_id=case_id)
    for field, value in vars(demographics).items():
        setattr(case, field, value)
    _commit_or_explain(session)
    return case


def set_consent(
    *, session: Session, user, case_id: int, consent: bool | None, today: dt.date | None = None
) -> Case:
    """Record whether the family confirmed consent (None: not asked yet)."""
    if consent not in (True, False, None):
        raise UserError("Choose whether consent was confirmed.")
    case = require_case(session, user=user, case_id=case_id, action=CaseAction.CONSENT, today=today)
    case.consent_patient_confirmed = consent
    session.commit()
    return case


def _cohort(session: Session, case_id: int) -> int | None:
    return session.scalar(select(Registration.cohort).where(Registration.case_id == case_id))


def _refresh(cohort: int | None) -> None:
    if cohort is not None:
        from tasks.reporting import request_refresh

        request_refresh("epilepsy12", cohort)


def opt_out(*, session: Session, user, case_id: int, today: dt.date | None = None) -> Case:
    """Opt a child out: wipe identifiers and audit answers, keep the counted row and lead site."""
    case = require_case(session, user=user, case_id=case_id, action=CaseAction.OPT_OUT, today=today)
    cohort = _cohort(session, case_id)
    for field in IDENTIFIERS:
        setattr(case, field, None)
    case.consent_patient_confirmed = None
    case.opted_out_at = utcnow()
    for site in session.scalars(select(Site).where(Site.case_id == case_id, ~LEAD)):
        session.delete(site)
    registration = _registration(session, case_id)
    if registration is not None:
        session.delete(registration)
    session.commit()
    _refresh(cohort)
    return case


def delete_case(*, session: Session, user, case_id: int, today: dt.date | None = None) -> None:
    """Delete a child entered by mistake, with everything recorded about them."""
    case = require_case(session, user=user, case_id=case_id, action=CaseAction.DELETE, today=today)
    cohort = _cohort(session, case_id)
    session.delete(case)
    session.commit()
    _refresh(cohort)


def submit(*, session: Session, user, case_id: int, today: dt.date | None = None) -> Case:
    """Submit a complete audit: from now on only the national audit team can change it."""
    case = require_case(session, user=user, case_id=case_id, action=CaseAction.SUBMIT, today=today)
    progress = session.scalar(
        select(AuditProgress)
        .join(Registration, Registration.id == AuditProgress.registration_id)
        .where(Registration.case_id == case_id)
    )
    if progress is None or not progress.audit_complete:
        raise UserError("Complete every section of the audit before submitting it.")
    case.locked = True
    case.locked_at = utcnow()
    case.locked_by_id = user.id
    session.commit()
    return case


def unsubmit(*, session: Session, user, case_id: int, today: dt.date | None = None) -> Case:
    """Reopen a submitted audit for changes; after the deadline only national staff may."""
    today = _today(today)
    case = require_case(
        session, user=user, case_id=case_id, action=CaseAction.UNSUBMIT, today=today
    )
    if not case.locked:
        raise UserError("This child's audit is not submitted.")
    registration = _registration(session, case_id)
    deadline = registration.audit_submission_date if registration else None
    past = deadline is not None and is_past_deadline(deadline, today=today)
    if past and not access.can(user, "e12.locked.edit"):
        raise CaseLocked(
            f"The submission deadline for this cohort passed on {deadline:%d %B %Y}. "
            "Only the national audit team can reopen it now."
        )
    case.locked = False
    case.locked_at = utcnow()
    case.locked_by_id = user.id
    session.commit()
    return case
