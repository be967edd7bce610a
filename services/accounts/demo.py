"""Demo accounts, one per role at real organisations, with a fixed password printed for the demo."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.accounts.events import EventKind
from models.accounts import User
from models.geography import Organisation
from portal.errors import UserError
from portal.roles import Role
from services.accounts.events import COMMAND_LINE, record_event
from services.accounts.passwords import set_password
from services.accounts.validation import check_password

#: Long enough for national roles; shared by every demo account and printed by ``portal demo``.
DEMO_PASSWORD = "Paediatric-portal-tryout-2026"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    full_name: str
    role: Role
    ods_code: str | None


DEMO_ACCOUNTS = (
    DemoAccount("lead.rgt@demo.example.nhs.uk", "Priya Raman", Role.LEAD_CLINICIAN, "RGT01"),
    DemoAccount("clinician.rgt@demo.example.nhs.uk", "Tom Hughes", Role.CLINICIAN, "RGT01"),
    DemoAccount("admin.rgt@demo.example.nhs.uk", "Grace Okafor", Role.AUDIT_ADMINISTRATOR, "RGT01"),
    DemoAccount("lead.bcu@demo.example.nhs.uk", "Rhys Evans", Role.LEAD_CLINICIAN, "7A1A1"),
    DemoAccount("clinician.bcu@demo.example.nhs.uk", "Megan Davies", Role.CLINICIAN, "7A1A1"),
    DemoAccount("admin.bcu@demo.example.nhs.uk", "Owen Jones", Role.AUDIT_ADMINISTRATOR, "7A1A1"),
    DemoAccount("national@demo.example.nhs.uk", "Sam Patel", Role.NATIONAL_AUDIT_TEAM, None),
    DemoAccount("ward.admin@demo.example.nhs.uk", "Helen Clarke", Role.HOSPITAL_ADMIN, "RGT01"),
    DemoAccount("doctor@demo.example.nhs.uk", "Ahmed Khan", Role.DOCTOR, "RGT01"),
    DemoAccount("nurse@demo.example.nhs.uk", "Chloe Martin", Role.NURSE, "RGT01"),
    DemoAccount("reception@demo.example.nhs.uk", "Liam Walsh", Role.RECEPTIONIST, "RGT01"),
    DemoAccount("pharmacy@demo.example.nhs.uk", "Nadia Rossi", Role.PHARMACIST, "RGT01"),
    DemoAccount("laboratory@demo.example.nhs.uk", "Ben Carter", Role.LAB_TECHNICIAN, "RGT01"),
)


def ensure_demo_accounts(*, session: Session) -> list[tuple[DemoAccount, bool]]:
    """Create the demo accounts that are missing; return each with whether it was created.

    Existing accounts are left as they are, so running the demo twice changes nothing.
    """
    codes = {a.ods_code for a in DEMO_ACCOUNTS if a.ods_code}
    organisations = dict(
        session.execute(
            select(Organisation.ods_code, Organisation.id).where(Organisation.ods_code.in_(codes))
        ).all()
    )
    missing = sorted(codes - organisations.keys())
    if missing:
        raise UserError(
            f"Organisations {', '.join(missing)} are not loaded: run `portal reference load` first."
        )
    existing = set(
        session.scalars(select(User.email).where(User.email.in_([a.email for a in DEMO_ACCOUNTS])))
    )
    results = []
    for account in DEMO_ACCOUNTS:
        if account.email in existing:
            results.append((account, False))
            continue
        check_password(
            DEMO_PASSWORD, role=account.role, email=account.email, full_name=account.full_name
        )
        user = User(
            email=account.email,
            full_name=account.full_name,
            role=account.role.value,
            organisation_id=organisations.get(account.ods_code),
        )
        set_password(session=session, user=user, password=DEMO_PASSWORD)
        session.flush()
        record_event(
            session=session,
            kind=EventKind.ACCOUNT_CREATED,
            email=user.email,
            user=user,
            detail=f"{account.role.label} by portal demo",
            origin=COMMAND_LINE,
        )
        results.append((account, True))
    session.commit()
    return results
