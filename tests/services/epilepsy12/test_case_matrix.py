"""Spec §5.1 in the write path: every role × action × (own trust, other trust) × record state.

The expected outcome is worked out here from the spec's table, written out independently of the
capability table the code uses, so a wrong grant in either place fails a test.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from models.epilepsy12 import Case, Site
from portal.access import AccessDenied
from portal.errors import UserError
from portal.roles import Role
from services.epilepsy12 import cases, sites
from services.epilepsy12.access import CaseLocked
from tests.support.e12_cases import TODAY, child_form, quick_child
from tests.support.factories import make_user, organisation

LEAD, CLINICIAN, ADMIN, NATIONAL = (
    Role.LEAD_CLINICIAN,
    Role.CLINICIAN,
    Role.AUDIT_ADMINISTRATOR,
    Role.NATIONAL_AUDIT_TEAM,
)
TRUST_TEAM = {LEAD, CLINICIAN, ADMIN}

#: Spec §5.1: who may do what (national staff may do everything, anywhere, locked or not).
MAY = {
    "read": {LEAD, CLINICIAN, ADMIN, NATIONAL},
    "edit_demographics": {LEAD, CLINICIAN, ADMIN, NATIONAL},
    "consent": {LEAD, CLINICIAN, ADMIN, NATIONAL},
    "submit": {LEAD, CLINICIAN, NATIONAL},
    "unsubmit": {LEAD, CLINICIAN, NATIONAL},
    "opt_out": {LEAD, CLINICIAN, NATIONAL},
    "delete": {LEAD, CLINICIAN, NATIONAL},
    "allocate_lead_site": {LEAD, CLINICIAN, NATIONAL},
    "request_transfer": {LEAD, NATIONAL},
}
#: Actions a submitted or past-deadline record refuses to trust users.
LOCKED_OUT = set(MAY) - {"read"}
STATES = ("open", "submitted", "past_deadline")
#: Each child's trust, a site of the same trust to allocate to, and another trust to transfer to.
PLACES = {"own": ("RGT01", "RGT1W", "RJZ01"), "other": ("RJZ01", "RJZ30", "RGT01")}


def expected(role: Role, action: str, place: str, state: str) -> str:
    if role not in MAY[action]:
        return "denied"
    if place == "other" and role is not NATIONAL:
        return "denied"
    if role is NATIONAL:
        return "not_submitted" if action == "unsubmit" and state == "open" else "ok"
    if action == "unsubmit":
        return {"open": "not_submitted", "submitted": "ok", "past_deadline": "locked"}[state]
    if state != "open" and action in LOCKED_OUT:
        return "locked"
    return "ok"


def child_in(db, place: str, state: str) -> Case:
    first_assessment = dt.date(2022, 1, 10) if state == "past_deadline" else dt.date(2024, 1, 10)
    return quick_child(
        db,
        PLACES[place][0],
        first_assessment=first_assessment,
        complete=True,
        locked=state != "open",
    )


def act(db, user, action: str, child: Case, place: str) -> None:
    _ods, sister, elsewhere = PLACES[place]
    common = {"session": db, "user": user, "case_id": child.id, "today": TODAY}
    if action == "read":
        cases.get_case(**common)
    elif action == "edit_demographics":
        form = child_form(db, nhs_number=child.nhs_number, surname="Changed")
        cases.update_demographics(form=form, **common)
    elif action == "consent":
        cases.set_consent(consent=True, **common)
    elif action in ("submit", "unsubmit", "opt_out", "delete"):
        getattr(cases, {"delete": "delete_case"}.get(action, action))(**common)
    elif action == "allocate_lead_site":
        sites.allocate_lead_site(organisation_id=organisation(db, sister).id, **common)
    elif action == "request_transfer":
        sites.request_transfer(organisation_id=organisation(db, elsewhere).id, **common)


def snapshot(db, case_id: int):
    db.expire_all()
    case = db.get(Case, case_id)
    if case is None:
        return None
    site_rows = db.execute(
        select(Site.organisation_id, Site.site_is_actively_involved_in_epilepsy_care)
        .where(Site.case_id == case_id)
        .order_by(Site.id)
    ).all()
    fields = (
        "surname",
        "nhs_number",
        "locked",
        "locked_at",
        "consent_patient_confirmed",
        "opted_out_at",
    )
    return tuple(getattr(case, field) for field in fields), tuple(site_rows)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("place", ["own", "other"])
@pytest.mark.parametrize("action", list(MAY))
@pytest.mark.parametrize("role", [LEAD, CLINICIAN, ADMIN, NATIONAL])
def test_capability_matrix(db, role, action, place, state):
    user = make_user(db, role=role, ods_code="RGT01")
    child = child_in(db, place, state)
    before = snapshot(db, child.id)
    outcome = expected(role, action, place, state)
    refusals = {
        "denied": AccessDenied,
        "locked": CaseLocked,
        "not_submitted": UserError,
    }
    if outcome == "ok":
        act(db, user, action, child, place)
        if action != "read":
            assert snapshot(db, child.id) != before, "an allowed change must change something"
        return
    with pytest.raises(refusals[outcome]) as caught:
        act(db, user, action, child, place)
    if outcome == "not_submitted":
        assert "not submitted" in str(caught.value)
    db.rollback()
    assert snapshot(db, child.id) == before


@pytest.mark.parametrize("action", list(MAY))
@pytest.mark.parametrize("role", [Role.DOCTOR, Role.HOSPITAL_ADMIN])
def test_hospital_roles_may_do_nothing_with_children(db, role, action):
    user = make_user(db, role=role, ods_code="RGT01")
    child = child_in(db, "own", "open")
    before = snapshot(db, child.id)
    with pytest.raises(AccessDenied):
        act(db, user, action, child, "own")
    db.rollback()
    assert snapshot(db, child.id) == before
