"""Which organisations care for a child: the lead site, its allocation, and transfers between trusts.

A transfer is asked for, then answered. While it waits, the child stays with the origin (its lead
site is unchanged) and the receiving organisation sees only the request. Accepting moves the lead
site; rejecting leaves everything as it was. The other roles a site plays (general paediatrics,
neurology, surgery) survive a transfer. See docs/decisions.md, "Epilepsy12 transfers".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, aliased

from domain.names import display_name
from models.accounts import User
from models.epilepsy12 import Case, Registration, Site
from models.geography import Organisation
from portal import access
from portal.errors import UserError
from services.epilepsy12.access import CaseAction, require_case, require_transfer
from services.notifications import notify

#: The roles a site can play besides being the lead, with the words for them.
ROLE_FLAGS = {
    "site_is_general_paediatric_centre": "General paediatrics",
    "site_is_paediatric_neurology_centre": "Paediatric neurology",
    "site_is_childrens_epilepsy_surgery_centre": "Children's epilepsy surgery",
}
TRANSFERS_PATH = "/e12/transfers"
#: Written exactly as the partial indexes on ``e12_site`` are, so PostgreSQL can use them.
LEAD = and_(
    Site.site_is_primary_centre_of_epilepsy_care,
    Site.site_is_actively_involved_in_epilepsy_care,
)
PENDING = and_(Site.active_transfer.is_(True), Site.transfer_status == "pending")


def organisation_label(name: str, ods_code: str) -> str:
    return f"{display_name(name)} ({ods_code})"


def new_lead_site(case: Case, organisation_id: int) -> Site:
    """Return the lead site of a child being created."""
    return Site(
        case=case,
        organisation_id=organisation_id,
        site_is_primary_centre_of_epilepsy_care=True,
        site_is_actively_involved_in_epilepsy_care=True,
    )


def active_organisation(session: Session, organisation_id) -> Organisation:
    """Return the active organisation with this id, or raise ``UserError``."""
    try:
        found = session.get(Organisation, int(organisation_id))
    except (TypeError, ValueError):
        found = None
    if found is None or not found.active:
        raise UserError("Choose an organisation from the list.")
    return found


def _choices(session: Session, statement) -> list[tuple[int, str]]:
    rows = session.execute(statement.order_by(Organisation.name, Organisation.ods_code)).all()
    return [(id_, organisation_label(name, ods)) for id_, name, ods in rows]


def allocation_choices(*, session: Session, user) -> list[tuple[int, str]]:
    """Return the organisations ``user`` may make a child's lead site: active ones in scope."""
    statement = select(Organisation.id, Organisation.name, Organisation.ods_code).where(
        Organisation.active.is_(True)
    )
    return _choices(session, access.scope_for(session, user).restrict(statement, Organisation.id))


def transfer_choices(*, session: Session, user, case_id: int) -> list[tuple[int, str]]:
    """Return the organisations a child may be transferred to: any active one but the lead's."""
    require_case(session, user=user, case_id=case_id, action=CaseAction.READ)
    lead = lead_site(session, case_id)
    statement = select(Organisation.id, Organisation.name, Organisation.ods_code).where(
        Organisation.active.is_(True)
    )
    if lead is not None:
        statement = statement.where(Organisation.id != lead.organisation_id)
    return _choices(session, statement)


def lead_site(session: Session, case_id: int) -> Site | None:
    return session.scalar(select(Site).where(Site.case_id == case_id, LEAD))


def pending_transfer(session: Session, case_id: int) -> Site | None:
    return session.scalar(select(Site).where(Site.case_id == case_id, PENDING))


@dataclass(frozen=True)
class SiteRow:
    """One organisation's part in a child's care, as the case page shows it."""

    id: int
    organisation_id: int
    name: str
    is_lead: bool
    active: bool
    former_lead: bool
    roles: tuple[str, ...]
    transfer_status: str | None
    transfer_request_date: dt.date | None
    origin: str | None


@dataclass(frozen=True)
class CaseSites:
    """A child's lead site, the other sites involved, a waiting transfer and past sites."""

    lead: SiteRow | None
    others: list[SiteRow]
    pending: SiteRow | None
    history: list[SiteRow]


def case_sites(*, session: Session, user, case_id: int) -> CaseSites:
    """Return the organisations involved in a child's care, for a user who may see the child."""
    require_case(session, user=user, case_id=case_id, action=CaseAction.READ)
    origin = aliased(Organisation)
    rows = session.execute(
        select(Site, origin.name, origin.ods_code)
        .outerjoin(origin, origin.id == Site.transfer_origin_organisation_id)
        .where(Site.case_id == case_id)
        .order_by(Site.id)
    ).all()
    shown = [_site_row(site, origin_name, origin_ods) for site, origin_name, origin_ods in rows]
    return CaseSites(
        lead=next((row for row in shown if row.is_lead), None),
        others=[row for row in shown if row.active and not row.is_lead],
        pending=next((row for row in shown if row.transfer_status == "pending"), None),
        history=[row for row in shown if not row.active and row.transfer_status != "pending"],
    )


def _site_row(site: Site, origin_name: str | None, origin_ods: str | None) -> SiteRow:
    return SiteRow(
        id=site.id,
        organisation_id=site.organisation_id,
        name=organisation_label(site.organisation.name, site.organisation.ods_code),
        is_lead=site.is_lead,
        active=site.site_is_actively_involved_in_epilepsy_care,
        former_lead=site.site_is_primary_centre_of_epilepsy_care and not site.is_lead,
        roles=tuple(label for flag, label in ROLE_FLAGS.items() if getattr(site, flag)),
        transfer_status=site.transfer_status,
        transfer_request_date=site.transfer_request_date,
        origin=organisation_label(origin_name, origin_ods) if origin_name else None,
    )


def _move_lead(session: Session, *, current: Site, target: Site) -> None:
    """Make ``target`` the lead site; the old lead stays as history, its other roles carry on."""
    current.site_is_actively_involved_in_epilepsy_care = False
    roles = {flag: True for flag in ROLE_FLAGS if getattr(current, flag)}
    if roles and current.organisation_id != target.organisation_id:
        session.add(
            Site(
                case_id=current.case_id,
                organisation_id=current.organisation_id,
                site_is_actively_involved_in_epilepsy_care=True,
                **roles,
            )
        )
    same_place = session.scalars(
        select(Site).where(
            Site.case_id == current.case_id,
            Site.organisation_id == target.organisation_id,
            Site.site_is_actively_involved_in_epilepsy_care.is_(True),
            Site.site_is_primary_centre_of_epilepsy_care.is_(False),
        )
    ).all()
    for existing in same_place:
        if existing is target:
            continue
        for flag in ROLE_FLAGS:
            if getattr(existing, flag):
                setattr(target, flag, True)
        existing.site_is_actively_involved_in_epilepsy_care = False
    session.flush()  # the old lead gives up its place before the new one takes it
    target.site_is_primary_centre_of_epilepsy_care = True
    target.site_is_actively_involved_in_epilepsy_care = True


def allocate_lead_site(
    *, session: Session, user, case_id: int, organisation_id, today: dt.date | None = None
) -> Site:
    """Move the lead site at once to another organisation in the user's own scope."""
    require_case(
        session, user=user, case_id=case_id, action=CaseAction.ALLOCATE_LEAD_SITE, today=today
    )
    organisation = active_organisation(session, organisation_id)
    if not access.scope_for(session, user).allows(organisation.id):
        raise UserError(
            f"{organisation_label(organisation.name, organisation.ods_code)} is outside your "
            "trust or health board: request a transfer instead, and they will accept or reject it."
        )
    current = lead_site(session, case_id)
    if current is not None and current.organisation_id == organisation.id:
        raise UserError("That organisation is already the child's lead site.")
    if pending_transfer(session, case_id) is not None:
        raise UserError("A transfer is waiting for an answer: cancel it before moving the child.")
    target = Site(case_id=case_id, organisation_id=organisation.id)
    session.add(target)
    if current is None:
        target.site_is_primary_centre_of_epilepsy_care = True
        target.site_is_actively_involved_in_epilepsy_care = True
    else:
        _move_lead(session, current=current, target=target)
    session.commit()
    _refresh(session, case_id)
    return target


def request_transfer(
    *, session: Session, user, case_id: int, organisation_id, today: dt.date | None = None
) -> Site:
    """Ask another organisation to take over as lead site; the child stays put until they accept."""
    today = today or dt.date.today()
    require_case(session, user=user, case_id=case_id, action=CaseAction.TRANSFER, today=today)
    organisation = active_organisation(session, organisation_id)
    current = lead_site(session, case_id)
    if current is None:
        raise UserError("This child has no lead site to transfer from.")
    if current.organisation_id == organisation.id:
        raise UserError("That organisation is already the child's lead site.")
    waiting = pending_transfer(session, case_id)
    if waiting is not None:
        raise UserError(
            f"A transfer to {organisation_label(waiting.organisation.name, waiting.organisation.ods_code)} "
            "is already waiting for an answer."
        )
    request = Site(
        case_id=case_id,
        organisation_id=organisation.id,
        active_transfer=True,
        transfer_status="pending",
        transfer_origin_organisation_id=current.organisation_id,
        transfer_request_date=today,
    )
    session.add(request)
    origin = current.organisation
    notify(
        session=session,
        kind="e12.transfer_request",
        message=f"{organisation_label(origin.name, origin.ods_code)} asks you to take over the "
        f"Epilepsy12 care of child {case_id}. Accept or reject the transfer.",
        link_path=TRANSFERS_PATH,
        organisation_id=organisation.id,
    )
    session.commit()
    return request


def cancel_transfer(*, session: Session, user, case_id: int, today: dt.date | None = None) -> None:
    """Withdraw a transfer that has not been answered yet."""
    require_case(session, user=user, case_id=case_id, action=CaseAction.TRANSFER, today=today)
    waiting = pending_transfer(session, case_id)
    if waiting is None:
        raise UserError("There is no transfer waiting for an answer.")
    notify(
        session=session,
        kind="e12.transfer_withdrawn",
        message=f"The transfer of child {case_id} to you was withdrawn; nothing needs doing.",
        link_path=TRANSFERS_PATH,
        organisation_id=waiting.organisation_id,
    )
    session.delete(waiting)
    session.commit()


def accept_transfer(
    *, session: Session, user, transfer_id: int, today: dt.date | None = None
) -> int:
    """Take the child over: the request becomes the lead site. Return the child's id."""
    request = require_transfer(session, user=user, transfer_id=transfer_id, today=today)
    current = lead_site(session, request.case_id)
    if current is None:
        raise UserError("This child has no lead site to transfer from.")
    receiver = request.organisation
    _move_lead(session, current=current, target=request)
    request.active_transfer = False
    request.transfer_status = "accepted"
    notify(
        session=session,
        kind="e12.transfer_accepted",
        message=f"{organisation_label(receiver.name, receiver.ods_code)} accepted the transfer "
        f"of child {request.case_id}, who is now in their care.",
        link_path=TRANSFERS_PATH,
        organisation_id=request.transfer_origin_organisation_id,
    )
    session.commit()
    _refresh(session, request.case_id)
    return request.case_id


def reject_transfer(
    *, session: Session, user, transfer_id: int, reason: str = "", today: dt.date | None = None
) -> int:
    """Decline the child: the origin stays the lead site. Return the child's id."""
    request = require_transfer(
        session, user=user, transfer_id=transfer_id, today=today, changes_record=False
    )
    receiver = request.organisation
    request.active_transfer = False
    request.transfer_status = "rejected"
    why = " ".join((reason or "").split())[:200]
    notify(
        session=session,
        kind="e12.transfer_rejected",
        message=f"{organisation_label(receiver.name, receiver.ods_code)} rejected the transfer of "
        f"child {request.case_id}" + (f": “{why}”" if why else "") + ". The child stays with you.",
        link_path=f"/e12/cases/{request.case_id}",
        organisation_id=request.transfer_origin_organisation_id,
    )
    session.commit()
    return request.case_id


def _refresh(session: Session, case_id: int) -> None:
    """Ask for the child's cohort to be re-aggregated: their organisation changed."""
    cohort = session.scalar(select(Registration.cohort).where(Registration.case_id == case_id))
    if cohort is not None:
        from tasks.reporting import request_refresh

        request_refresh("epilepsy12", cohort)


@dataclass(frozen=True)
class TransferRow:
    """A transfer waiting for an answer, with what the receiving team needs to decide."""

    id: int
    case_id: int
    first_name: str | None
    surname: str | None
    date_of_birth: dt.date | None
    nhs_number: str | None
    origin: str
    destination: str
    requested_on: dt.date | None
    requested_by: str | None


def _transfers(session: Session, *, where) -> list[TransferRow]:
    origin, destination = aliased(Organisation), aliased(Organisation)
    statement = (
        select(
            Site.id,
            Case.id,
            Case.first_name,
            Case.surname,
            Case.date_of_birth,
            Case.nhs_number,
            origin.name,
            origin.ods_code,
            destination.name,
            destination.ods_code,
            Site.transfer_request_date,
            User.full_name,
        )
        .join(Case, Case.id == Site.case_id)
        .join(origin, origin.id == Site.transfer_origin_organisation_id)
        .join(destination, destination.id == Site.organisation_id)
        .outerjoin(User, User.id == Site.created_by_id)
        .where(PENDING, where)
        .order_by(Site.transfer_request_date, Site.id)
    )
    return [
        TransferRow(
            id=row[0],
            case_id=row[1],
            first_name=row[2],
            surname=row[3],
            date_of_birth=row[4],
            nhs_number=row[5],
            origin=organisation_label(row[6], row[7]),
            destination=organisation_label(row[8], row[9]),
            requested_on=row[10],
            requested_by=row[11],
        )
        for row in session.execute(statement)
    ]


def incoming_transfers(*, session: Session, user) -> list[TransferRow]:
    """Return the transfers waiting for an organisation in ``user``'s scope to answer."""
    access.require(user, "e12.case.read")
    scope = access.scope_for(session, user)
    return _transfers(session, where=scope.condition(Site.organisation_id))


def outgoing_transfers(*, session: Session, user) -> list[TransferRow]:
    """Return the transfers ``user``'s organisations asked for that are still waiting."""
    access.require(user, "e12.case.read")
    scope = access.scope_for(session, user)
    return _transfers(session, where=scope.condition(Site.transfer_origin_organisation_id))
