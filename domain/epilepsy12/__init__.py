"""Epilepsy12, the national clinical audit of seizures and epilepsies in children and young people.

This package holds the audit's pure rules: the record format, cohorts and dates, the 21 measures,
completeness, validation. ``CAPABILITIES`` is what each audit role may do (registered with
``portal.access`` by ``portal.domains.load_domains``).
"""

from __future__ import annotations

from portal.roles import Role

LEAD_CLINICIAN = Role.LEAD_CLINICIAN
CLINICIAN = Role.CLINICIAN
AUDIT_ADMINISTRATOR = Role.AUDIT_ADMINISTRATOR
NATIONAL = Role.NATIONAL_AUDIT_TEAM

CAPABILITIES: dict[str, frozenset[Role]] = {
    # See children's records and their audit answers.
    "e12.case.read": frozenset({LEAD_CLINICIAN, CLINICIAN, AUDIT_ADMINISTRATOR, NATIONAL}),
    # Create a child and edit demographics; record consent.
    "e12.case.edit": frozenset({LEAD_CLINICIAN, CLINICIAN, AUDIT_ADMINISTRATOR, NATIONAL}),
    "e12.case.delete": frozenset({LEAD_CLINICIAN, CLINICIAN, NATIONAL}),
    # Enter audit answers, register, confirm eligibility, opt out, submit and unsubmit.
    "e12.audit.edit": frozenset({LEAD_CLINICIAN, CLINICIAN, NATIONAL}),
    "e12.lead_site.allocate": frozenset({LEAD_CLINICIAN, CLINICIAN, NATIONAL}),
    # Request, accept or reject the transfer of a child's lead site.
    "e12.transfer": frozenset({LEAD_CLINICIAN, NATIONAL}),
    # Change a submitted record, or any record after its cohort's deadline.
    "e12.locked.edit": frozenset({NATIONAL}),
    "e12.lookups.manage": frozenset({NATIONAL}),
    "e12.report.read": frozenset({LEAD_CLINICIAN, CLINICIAN, AUDIT_ADMINISTRATOR, NATIONAL}),
    "e12.report.publish": frozenset({NATIONAL}),
}
