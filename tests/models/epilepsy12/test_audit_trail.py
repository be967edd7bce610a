"""Every change to a child's record is attributed and written to the audit trail, never its values."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from models.audit import AuditEvent
from models.epilepsy12 import AuditProgress, KPIResult, Registration, Site
from portal.audit import Actor, acting_as
from tests.models.epilepsy12.conftest import lead_site, new_case

pytestmark = pytest.mark.sqlite


def events(db, table_name: str) -> list[AuditEvent]:
    return list(
        db.scalars(
            select(AuditEvent).where(AuditEvent.table_name == table_name).order_by(AuditEvent.id)
        )
    )


def test_creating_a_child_names_the_fields_and_the_actor(db, clinician, addenbrookes):
    case = new_case()
    with acting_as(Actor(clinician.email, clinician.id)):
        db.add_all([case, lead_site(case, addenbrookes.id)])
        db.commit()

    [created] = events(db, "e12_case")
    [site_created] = events(db, "e12_site")
    assert created.action == "insert"
    assert created.row_id == str(case.id)
    assert created.actor_id == clinician.id
    assert {"nhs_number", "surname", "date_of_birth", "postcode"} <= set(created.changed_fields)
    assert site_created.actor_label == clinician.email
    assert case.created_by_id == clinician.id
    assert case.updated_by_id == clinician.id


def test_changing_a_child_names_only_what_changed_and_who(db, clinician):
    case = new_case()
    db.add(case)
    db.commit()

    with acting_as(Actor(clinician.email, clinician.id)):
        case.surname = "Byron"
        case.postcode = "SW1A1AA"
        db.commit()

    created, changed = events(db, "e12_case")
    assert created.actor_label == "system"
    assert case.created_by_id is None
    assert changed.action == "update"
    assert set(changed.changed_fields) - {"updated_at", "updated_by_id"} == {"surname", "postcode"}
    assert changed.actor_id == clinician.id
    assert case.updated_by_id == clinician.id


def test_the_trail_never_holds_the_values(db, clinician):
    case = new_case(surname="Zanzibar-Quince")
    with acting_as(Actor(clinician.email, clinician.id)):
        db.add(case)
        db.commit()
        case.date_of_birth = dt.date(2016, 7, 1)
        db.commit()

    text = repr(
        [(e.actor_label, e.row_id, e.changed_fields) for e in db.scalars(select(AuditEvent))]
    )
    assert case.nhs_number not in text
    assert "Zanzibar" not in text
    assert "2016" not in text


def test_deleting_a_child_is_recorded(db):
    case = new_case()
    db.add(case)
    db.commit()

    db.delete(case)
    db.commit()

    assert [event.action for event in events(db, "e12_case")] == ["insert", "delete"]


def test_derived_rows_are_not_audited(db, addenbrookes):
    case = new_case()
    registration = Registration(case=case)
    db.add_all(
        [
            case,
            lead_site(case, addenbrookes.id),
            registration,
            AuditProgress(registration=registration),
            KPIResult(registration=registration, ecg=1),
        ]
    )
    db.commit()

    assert events(db, "e12_registration")
    assert events(db, "e12_audit_progress") == []
    assert events(db, "e12_kpi_result") == []
    assert Site.__audited__ and Registration.__audited__
