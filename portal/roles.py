"""The roles a portal account can hold: exactly one per account."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """A user's single role; audit roles come from the audits, hospital roles from the ward."""

    LEAD_CLINICIAN = "lead_clinician"
    CLINICIAN = "clinician"
    AUDIT_ADMINISTRATOR = "audit_administrator"
    NATIONAL_AUDIT_TEAM = "national_audit_team"
    HOSPITAL_ADMIN = "hospital_admin"
    DOCTOR = "doctor"
    NURSE = "nurse"
    RECEPTIONIST = "receptionist"
    PHARMACIST = "pharmacist"
    LAB_TECHNICIAN = "lab_technician"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]

    @property
    def is_national(self) -> bool:
        """National roles see every organisation and need no employer."""
        return self in NATIONAL_ROLES

    @property
    def min_password_length(self) -> int:
        return 16 if self.is_national else 10


ROLE_LABELS = {
    Role.LEAD_CLINICIAN: "Lead clinician (trust or health board)",
    Role.CLINICIAN: "Clinician",
    Role.AUDIT_ADMINISTRATOR: "Audit administrator",
    Role.NATIONAL_AUDIT_TEAM: "National audit team",
    Role.HOSPITAL_ADMIN: "Hospital administrator",
    Role.DOCTOR: "Doctor",
    Role.NURSE: "Nurse",
    Role.RECEPTIONIST: "Receptionist",
    Role.PHARMACIST: "Pharmacist",
    Role.LAB_TECHNICIAN: "Lab technician",
}

NATIONAL_ROLES = frozenset({Role.NATIONAL_AUDIT_TEAM})
AUDIT_ROLES = frozenset(
    {Role.LEAD_CLINICIAN, Role.CLINICIAN, Role.AUDIT_ADMINISTRATOR, Role.NATIONAL_AUDIT_TEAM}
)
HOSPITAL_ROLES = frozenset(
    {
        Role.HOSPITAL_ADMIN,
        Role.DOCTOR,
        Role.NURSE,
        Role.RECEPTIONIST,
        Role.PHARMACIST,
        Role.LAB_TECHNICIAN,
    }
)
