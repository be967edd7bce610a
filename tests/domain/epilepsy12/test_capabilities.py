"""Who may do what in Epilepsy12 (spec §5.1, in our capability names)."""

from __future__ import annotations

from domain.epilepsy12 import CAPABILITIES
from portal.access import capabilities
from portal.roles import HOSPITAL_ROLES, Role

LEAD, CLINICIAN, ADMIN, NATIONAL = (
    Role.LEAD_CLINICIAN,
    Role.CLINICIAN,
    Role.AUDIT_ADMINISTRATOR,
    Role.NATIONAL_AUDIT_TEAM,
)

EXPECTED = {
    "e12.case.read": {LEAD, CLINICIAN, ADMIN, NATIONAL},
    "e12.case.edit": {LEAD, CLINICIAN, ADMIN, NATIONAL},
    "e12.case.delete": {LEAD, CLINICIAN, NATIONAL},
    "e12.audit.edit": {LEAD, CLINICIAN, NATIONAL},
    "e12.lead_site.allocate": {LEAD, CLINICIAN, NATIONAL},
    "e12.transfer": {LEAD, NATIONAL},
    "e12.locked.edit": {NATIONAL},
    "e12.lookups.manage": {NATIONAL},
    "e12.report.read": {LEAD, CLINICIAN, ADMIN, NATIONAL},
    "e12.report.publish": {NATIONAL},
}


def test_capability_table():
    assert {name: set(roles) for name, roles in CAPABILITIES.items()} == EXPECTED


def test_hospital_roles_hold_no_epilepsy12_capability():
    assert all(not (roles & HOSPITAL_ROLES) for roles in CAPABILITIES.values())


def test_the_table_is_registered_with_the_access_rules():
    registered = capabilities()
    assert {name: registered[name] for name in CAPABILITIES} == CAPABILITIES
