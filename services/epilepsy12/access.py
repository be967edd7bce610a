"""Who may see or change one child's record: the role, the organisation, and the lock.

Every Epilepsy12 service that touches a child goes through ``require_case``. A child belongs to
the organisation of their lead site (the last one, if opted out); a user may touch the child only
if that organisation is in their scope. A submitted child, or any child whose cohort is past its
submission deadline, can be changed only by holders of ``e12.locked.edit`` (the national audit
team) — whatever page or callback the request came through.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.epilepsy12.cohorts import is_past_deadline
from models.epilepsy12 import Case, Registration, Site
from portal import access
from portal.access import AccessDenied
from portal.errors import UserError


class CaseAction(Enum):
    """What a user wants to do with a child, and the capability it needs."""

    READ = ("read", "e12.case.read", False)
    EDIT_DEMOGRAPHICS = ("edit demographics", "e12.case.edit", True)
    CONSENT = ("record consent", "e12.case.edit", True)
    EDIT_AUDIT = ("edit audit answers", "e12.audit.edit", True)
    SUBMIT = ("submit", "e12.audit.edit", True)
    UNSUBMIT = ("unsubmit", "e12.audit.edit", False)
    OPT_OUT = ("opt out", "e12.audit.edit", True)
    DELETE = ("delete", "e12.case.delete", True)
    ALLOCATE_LEAD_SITE = ("allocate lead site", "e12.lead_site.allocate", True)
    TRANSFER = ("transfer", "e12.transfer", True)

    def __init__(self, description: str, capability: str, blocked_by_lock: bool) -> None:
        self.description = description
        self.capability = capability
        self.blocked_by_lock = blocked_by_lock


class CaseLocked(UserError):
    """The child's record is submitted or past its deadline; only national staff may change it."""


def case_organisation_id(session: Session, case_id: int) -> int | None:
    """Return the organisation a child belongs to: the lead site's, else the last primary site's."""
    return session.scalar(
        select(Site.organisation_id)
        .where(Site.case_id == case_id, Site.site_is_primary_centre_of_epilepsy_care.is_(True))
        .order_by(Site.site_is_actively_involved_in_epilepsy_care.desc(), Site.id.desc())
        .limit(1)
    )


def lock_reason_for(
    *, locked: bool, opted_out: bool, deadline: dt.date | None, today: dt.date
) -> str | None:
    """Say why a child's record is locked, or return None if it is open."""
    if opted_out:
        return "This child has been opted out of Epilepsy12."
    if locked:
        return "This child's audit has been submitted."
    if deadline is not None and is_past_deadline(deadline, today=today):
        return f"The submission deadline for this cohort passed on {deadline:%d %B %Y}."
    return None


def lock_reason(case: Case, registration: Registration | None, *, today: dt.date) -> str | None:
    """Say why this child's record is locked, or return None if it is open."""
    return lock_reason_for(
        locked=bool(case.locked),
        opted_out=case.opted_out_at is not None,
        deadline=registration.audit_submission_date if registration else None,
        today=today,
    )


@dataclass(frozen=True)
class CaseFacts:
    """What deciding access to a child needs, fetched in one query."""

    case_id: int
    organisation_id: int | None
    in_scope: bool
    locked: bool
    opted_out: bool
    deadline: dt.date | None

    def lock_reason(self, *, today: dt.date) -> str | None:
        """Say why the record is locked, or return None if it is open."""
        return lock_reason_for(
            locked=self.locked, opted_out=self.opted_out, deadline=self.deadline, today=today
        )


def case_facts(session: Session, *, user, case_id: int) -> CaseFacts | None:
    """Fetch the child's organisation, whether it is in ``user``'s scope, and its lock state.

    A child with no lead site is in national scope only: for everyone else the scope condition
    on a NULL organisation is NULL, which counts as out of scope.
    """
    organisation = (
        select(Site.organisation_id)
        .where(Site.case_id == Case.id, Site.site_is_primary_centre_of_epilepsy_care.is_(True))
        .order_by(Site.site_is_actively_involved_in_epilepsy_care.desc(), Site.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    row = session.execute(
        select(
            organisation.label("organisation_id"),
            access.scope_condition(user, organisation).label("in_scope"),
            Case.locked,
            Case.opted_out_at.is_not(None).label("opted_out"),
            Registration.audit_submission_date,
        )
        .outerjoin(Registration, Registration.case_id == Case.id)
        .where(Case.id == case_id)
    ).one_or_none()
    if row is None:
        return None
    return CaseFacts(
        case_id,
        row.organisation_id,
        bool(row.in_scope),
        bool(row.locked),
        bool(row.opted_out),
        row.audit_submission_date,
    )


def check_case(
    session: Session, *, user, case_id: int, action: CaseAction, today: dt.date | None = None
) -> CaseFacts:
    """Allow ``action`` on the child or raise AccessDenied / CaseLocked, in one query.

    A child outside the user's scope is refused exactly like one that does not exist, so ids
    cannot be probed.
    """
    access.require(user, action.capability)
    facts = case_facts(session, user=user, case_id=case_id)
    if facts is None or not facts.in_scope:
        raise AccessDenied()
    if action.blocked_by_lock and not access.can(user, "e12.locked.edit"):
        reason = facts.lock_reason(today=today or dt.date.today())
        if reason:
            raise CaseLocked(f"{reason} Only the national audit team can change it now.")
    return facts


def require_case(
    session: Session, *, user, case_id: int, action: CaseAction, today: dt.date | None = None
) -> Case:
    """Return the child if ``user`` may do ``action`` with them; raise like ``check_case``."""
    check_case(session, user=user, case_id=case_id, action=action, today=today)
    return session.get(Case, case_id)


def require_transfer(
    session: Session,
    *,
    user,
    transfer_id: int,
    today: dt.date | None = None,
    changes_record: bool = True,
) -> Site:
    """Return a pending transfer if ``user`` may accept or reject it; raise like ``require_case``.

    The child is not yet in the receiving organisation's scope, so the check is on the site the
    child is transferring to. Accepting changes the record, so the lock applies to it; rejecting
    leaves the child where they are, so it does not.
    """
    access.require(user, CaseAction.TRANSFER.capability)
    site = session.get(Site, transfer_id)
    if site is None or site.transfer_status != "pending" or not site.active_transfer:
        raise AccessDenied()
    if not access.scope_for(session, user).allows(site.organisation_id):
        raise AccessDenied()
    if changes_record and not access.can(user, "e12.locked.edit"):
        case = session.get(Case, site.case_id)
        registration = session.scalar(
            select(Registration).where(Registration.case_id == site.case_id)
        )
        reason = lock_reason(case, registration, today=today or dt.date.today())
        if reason:
            raise CaseLocked(f"{reason} Only the national audit team can change it now.")
    return site
