"""What the audit pages show about one child: the record, where it stands, and who may change it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.epilepsy12.completeness import Completeness
from domain.names import display_name
from models.geography import Organisation
from portal import access
from services.epilepsy12.access import CaseAction, check_case
from services.epilepsy12.changes import standing
from services.epilepsy12.lookup_lists import LookupLists, lookup_lists
from services.epilepsy12.records import ChildRows, SiteRow, load_child


@dataclass(frozen=True)
class AuditView:
    """One child's audit as its pages show it."""

    child: ChildRows
    completeness: Completeness
    kpis: dict[str, int | None]
    lock_reason: str | None
    may_edit: bool
    lists: LookupLists
    #: The national audit team may change a first paediatric assessment date once set.
    may_change_assessment_date: bool = False

    @property
    def lead(self) -> SiteRow | None:
        return next(
            (s for s in self.child.sites if s.flags["site_is_primary_centre_of_epilepsy_care"]),
            None,
        )

    def centre(self, role: str) -> SiteRow | None:
        return next((s for s in self.child.sites if s.flags.get(role)), None)


def load_audit(*, session: Session, user, case_id: int, today: dt.date | None = None) -> AuditView:
    """Return a child's audit if ``user`` may see the child (AccessDenied otherwise)."""
    today = today or dt.date.today()
    facts = check_case(session, user=user, case_id=case_id, action=CaseAction.READ)
    child = load_child(session, case_id)
    reason = facts.lock_reason(today=today)
    if child.opted_out:
        reason = "This child has been opted out of the audit."
    may_edit = access.can(user, "e12.audit.edit") and (
        reason is None or (access.can(user, "e12.locked.edit") and not child.opted_out)
    )
    completeness, kpis = standing(child.record)
    session.rollback()
    national = access.scope_for(session, user).is_national
    return AuditView(
        child, completeness, kpis, reason, may_edit, lookup_lists(session), may_edit and national
    )


def centre_choices(session: Session) -> list[tuple[int, str]]:
    """Every active organisation, by name, for naming the centres a child was referred to."""
    rows = session.execute(
        select(Organisation.id, Organisation.name, Organisation.ods_code)
        .where(Organisation.active.is_(True))
        .order_by(Organisation.name)
    ).all()
    return [(id_, f"{display_name(name)} ({ods})") for id_, name, ods in rows]
