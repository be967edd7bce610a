"""Lead sites and transfers: who sees the child while a transfer waits, and what survives it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.epilepsy12 import Case, Site
from models.notifications import Notification
from portal.access import AccessDenied
from portal.errors import UserError
from portal.roles import Role
from services import notifications
from services.epilepsy12 import case_list, cases, sites
from services.epilepsy12.access import CaseLocked
from tests.support.e12_cases import TODAY, make_child, national_user, register
from tests.support.factories import make_user, organisation

pytestmark = pytest.mark.sqlite


@pytest.fixture
def origin_lead(db):
    return make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RGT01")


@pytest.fixture
def receiving_lead(db):
    return make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RJZ01")


@pytest.fixture
def child(db):
    return make_child(db, "RGT01")


def org_id(db, ods: str) -> int:
    return organisation(db, ods).id


def listed(db, user) -> list[int]:
    page = case_list.list_cases(session=db, user=user, query=case_list.CaseQuery(), today=TODAY)
    return [row.id for row in page.rows]


def add_site(db, case, ods, **roles) -> Site:
    site = Site(
        case_id=case.id,
        organisation_id=org_id(db, ods),
        site_is_actively_involved_in_epilepsy_care=True,
        **roles,
    )
    db.add(site)
    db.commit()
    return site


def request(db, user, case, ods="RJZ01") -> Site:
    return sites.request_transfer(
        session=db, user=user, case_id=case.id, organisation_id=org_id(db, ods), today=TODAY
    )


def test_while_pending_the_child_stays_with_the_origin(db, child, origin_lead, receiving_lead):
    transfer = request(db, origin_lead, child)
    assert sites.lead_site(db, child.id).organisation.ods_code == "RGT01"
    assert listed(db, origin_lead) == [child.id]
    assert listed(db, receiving_lead) == []
    with pytest.raises(AccessDenied):
        cases.get_case(session=db, user=receiving_lead, case_id=child.id)
    incoming = sites.incoming_transfers(session=db, user=receiving_lead)
    assert [(row.id, row.case_id, row.surname) for row in incoming] == [
        (transfer.id, child.id, "Lovelace")
    ]
    assert incoming[0].origin.endswith("(RGT01)") and incoming[0].requested_on == TODAY
    assert sites.incoming_transfers(session=db, user=origin_lead) == []
    assert [row.case_id for row in sites.outgoing_transfers(session=db, user=origin_lead)] == [
        child.id
    ]
    page = case_list.list_cases(
        session=db, user=origin_lead, query=case_list.CaseQuery(), today=TODAY
    )
    assert page.rows[0].transfer_pending


def test_the_receiving_team_is_notified(db, child, origin_lead, receiving_lead):
    request(db, origin_lead, child)
    notes = notifications.list_notifications(session=db, user=receiving_lead)
    assert [note.kind for note in notes] == ["e12.transfer_request"]
    assert f"child {child.id}" in notes[0].message and notes[0].link_path == "/e12/transfers"
    assert "Lovelace" not in notes[0].message
    assert notifications.list_notifications(session=db, user=origin_lead) == []


def test_accept_moves_the_child_and_keeps_other_roles(db, child, origin_lead, receiving_lead):
    add_site(db, child, "RGT1W", site_is_general_paediatric_centre=True)
    lead = sites.lead_site(db, child.id)
    lead.site_is_paediatric_neurology_centre = True
    db.commit()
    transfer = request(db, origin_lead, child)
    sites.accept_transfer(session=db, user=receiving_lead, transfer_id=transfer.id, today=TODAY)
    db.expire_all()
    assert sites.lead_site(db, child.id).organisation.ods_code == "RJZ01"
    assert listed(db, receiving_lead) == [child.id]
    assert listed(db, origin_lead) == []
    view = sites.case_sites(session=db, user=receiving_lead, case_id=child.id)
    assert view.pending is None and view.lead.transfer_status == "accepted"
    others = {row.name.split("(")[-1].rstrip(")"): row.roles for row in view.others}
    assert others == {"RGT1W": ("General paediatrics",), "RGT01": ("Paediatric neurology",)}
    assert [row.former_lead for row in view.history] == [True]
    kinds = [n.kind for n in notifications.list_notifications(session=db, user=origin_lead)]
    assert kinds == ["e12.transfer_accepted"]


def test_accept_merges_a_site_the_receiver_already_had(db, child, origin_lead, receiving_lead):
    add_site(db, child, "RJZ01", site_is_paediatric_neurology_centre=True)
    transfer = request(db, origin_lead, child)
    sites.accept_transfer(session=db, user=receiving_lead, transfer_id=transfer.id, today=TODAY)
    db.expire_all()
    view = sites.case_sites(session=db, user=receiving_lead, case_id=child.id)
    assert view.lead.roles == ("Paediatric neurology",) and view.others == []


def test_reject_restores_the_origin_and_says_why(db, child, origin_lead, receiving_lead):
    add_site(db, child, "RGT1W", site_is_general_paediatric_centre=True)
    transfer = request(db, origin_lead, child)
    sites.reject_transfer(
        session=db, user=receiving_lead, transfer_id=transfer.id, reason="Not our patient"
    )
    db.expire_all()
    view = sites.case_sites(session=db, user=origin_lead, case_id=child.id)
    assert view.lead.name.endswith("(RGT01)") and view.pending is None
    assert [row.roles for row in view.others] == [("General paediatrics",)]
    assert [row.transfer_status for row in view.history] == ["rejected"]
    assert listed(db, receiving_lead) == []
    note = notifications.list_notifications(session=db, user=origin_lead)[0]
    assert note.kind == "e12.transfer_rejected" and "“Not our patient”" in note.message


def test_only_the_receiving_scope_may_answer(db, child, origin_lead):
    transfer = request(db, origin_lead, child)
    stranger = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RP401")
    for answer in (sites.accept_transfer, sites.reject_transfer):
        with pytest.raises(AccessDenied):
            answer(session=db, user=stranger, transfer_id=transfer.id)
        with pytest.raises(AccessDenied):
            answer(session=db, user=origin_lead, transfer_id=transfer.id)
    clinician = make_user(db, role=Role.CLINICIAN, ods_code="RJZ01")
    with pytest.raises(AccessDenied):
        sites.accept_transfer(session=db, user=clinician, transfer_id=transfer.id)
    db.expire_all()
    assert db.get(Site, transfer.id).transfer_status == "pending"


def test_an_answered_transfer_cannot_be_answered_again(db, child, origin_lead, receiving_lead):
    transfer = request(db, origin_lead, child)
    sites.reject_transfer(session=db, user=receiving_lead, transfer_id=transfer.id)
    with pytest.raises(AccessDenied):
        sites.accept_transfer(session=db, user=receiving_lead, transfer_id=transfer.id)


def test_one_transfer_at_a_time_and_not_to_the_current_lead(db, child, origin_lead):
    request(db, origin_lead, child)
    with pytest.raises(UserError, match="already waiting"):
        request(db, origin_lead, child, "RP401")
    other = make_child(db, "RGT01")
    with pytest.raises(UserError, match="already the child's lead site"):
        request(db, origin_lead, other, "RGT01")


def test_withdrawing_a_transfer_tells_the_receiver(db, child, origin_lead, receiving_lead):
    request(db, origin_lead, child)
    sites.cancel_transfer(session=db, user=origin_lead, case_id=child.id, today=TODAY)
    assert sites.incoming_transfers(session=db, user=receiving_lead) == []
    kinds = {n.kind for n in notifications.list_notifications(session=db, user=receiving_lead)}
    assert kinds == {"e12.transfer_request", "e12.transfer_withdrawn"}


def test_a_submitted_child_cannot_be_transferred_by_the_trust(db, child, origin_lead):
    register(db, child, complete=True)
    cases.submit(session=db, user=origin_lead, case_id=child.id, today=TODAY)
    with pytest.raises(CaseLocked):
        request(db, origin_lead, child)
    assert sites.pending_transfer(db, child.id) is None
    request(db, national_user(db), child)
    assert sites.pending_transfer(db, child.id) is not None


def test_accepting_a_child_locked_meanwhile_is_refused_but_rejecting_works(
    db, child, origin_lead, receiving_lead
):
    transfer = request(db, origin_lead, child)
    register(db, child, complete=True)
    cases.submit(session=db, user=origin_lead, case_id=child.id, today=TODAY)
    with pytest.raises(CaseLocked):
        sites.accept_transfer(session=db, user=receiving_lead, transfer_id=transfer.id)
    sites.reject_transfer(session=db, user=receiving_lead, transfer_id=transfer.id)
    assert db.get(Site, transfer.id).transfer_status == "rejected"


def test_clinicians_may_not_request_transfers(db, child):
    clinician = make_user(db, role=Role.CLINICIAN, ods_code="RGT01")
    with pytest.raises(AccessDenied):
        request(db, clinician, child)


def test_allocate_moves_the_lead_within_the_trust_at_once(db, child):
    clinician = make_user(db, role=Role.CLINICIAN, ods_code="RGT01")
    sites.allocate_lead_site(
        session=db, user=clinician, case_id=child.id, organisation_id=org_id(db, "RGT1W")
    )
    db.expire_all()
    assert sites.lead_site(db, child.id).organisation.ods_code == "RGT1W"
    with pytest.raises(UserError, match="request a transfer instead"):
        sites.allocate_lead_site(
            session=db, user=clinician, case_id=child.id, organisation_id=org_id(db, "RJZ01")
        )


def test_allocation_choices_are_limited_to_the_scope(db, origin_lead):
    labels = [label for _id, label in sites.allocation_choices(session=db, user=origin_lead)]
    assert any(label.endswith("(RGT01)") for label in labels)
    assert not any(label.endswith("(RJZ01)") for label in labels)
    national = [
        label for _id, label in sites.allocation_choices(session=db, user=national_user(db))
    ]
    assert len(national) > len(labels) and any(label.endswith("(RJZ01)") for label in national)


def test_only_one_lead_site_survives_any_sequence(db, child, origin_lead, receiving_lead):
    for _ in range(2):
        transfer = request(db, origin_lead, child)
        sites.accept_transfer(session=db, user=receiving_lead, transfer_id=transfer.id)
        back = sites.request_transfer(
            session=db,
            user=receiving_lead,
            case_id=child.id,
            organisation_id=org_id(db, "RGT01"),
            today=TODAY,
        )
        sites.accept_transfer(session=db, user=origin_lead, transfer_id=back.id)
    db.expire_all()
    leads = db.scalars(select(Site).where(Site.case_id == child.id, sites.LEAD)).all()
    assert [site.organisation.ods_code for site in leads] == ["RGT01"]
    assert db.get(Case, child.id) is not None
    assert db.scalar(select(Notification.id).limit(1)) is not None
