"""Notifications: who sees which, counting unread, and marking read only what one may read."""

from __future__ import annotations

import pytest

from models.notifications import Notification
from portal.access import AccessDenied
from portal.roles import Role
from services import notifications
from tests.support.factories import make_user, organisation

pytestmark = pytest.mark.sqlite


def note(db, **recipient) -> Notification:
    made = notifications.notify(
        session=db,
        kind=recipient.pop("kind", "e12.transfer_request"),
        message="Hello",
        link_path="/e12/transfers",
        **recipient,
    )
    db.commit()
    return made


@pytest.fixture
def addenbrookes_lead(db):
    return make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RGT01")


def ids(db, user, **kwargs) -> list[int]:
    return [row.id for row in notifications.list_notifications(session=db, user=user, **kwargs)]


def test_a_team_notification_reaches_everyone_in_the_trust(db, addenbrookes_lead):
    sister_site = make_user(db, role=Role.CLINICIAN, ods_code="RGT1W")
    elsewhere = make_user(db, role=Role.CLINICIAN, ods_code="RJZ01")
    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM, ods_code=None)
    made = note(db, organisation_id=organisation(db, "RGT01").id)
    assert ids(db, addenbrookes_lead) == [made.id]
    assert ids(db, sister_site) == [made.id]
    assert ids(db, elsewhere) == [] and ids(db, national) == []


def test_a_personal_notification_reaches_only_that_user(db, addenbrookes_lead):
    colleague = make_user(db, role=Role.CLINICIAN, ods_code="RGT01")
    made = note(db, user_id=colleague.id, kind="accounts.notice")
    assert ids(db, colleague) == [made.id] and ids(db, addenbrookes_lead) == []


def test_audit_notifications_are_hidden_from_roles_outside_the_audit(db):
    nurse = make_user(db, role=Role.NURSE, ods_code="RGT01")
    note(db, organisation_id=organisation(db, "RGT01").id)
    other = note(db, organisation_id=organisation(db, "RGT01").id, kind="hospital.notice")
    assert ids(db, nurse) == [other.id]


def test_unread_count_and_marking_read_for_the_whole_team(db, addenbrookes_lead):
    colleague = make_user(db, role=Role.CLINICIAN, ods_code="RGT01")
    first = note(db, organisation_id=organisation(db, "RGT01").id)
    note(db, organisation_id=organisation(db, "RGT01").id)
    assert notifications.unread_count(session=db, user=colleague) == 2
    notifications.mark_read(session=db, user=addenbrookes_lead, notification_id=first.id)
    assert notifications.unread_count(session=db, user=colleague) == 1
    rows = notifications.list_notifications(session=db, user=colleague)
    assert rows[-1].id == first.id and rows[-1].read_by == addenbrookes_lead.full_name
    assert ids(db, colleague, unread_only=True) == [rows[0].id]
    assert notifications.mark_all_read(session=db, user=colleague) == 1
    assert notifications.unread_count(session=db, user=addenbrookes_lead) == 0


def test_marking_someone_elses_notification_is_refused(db, addenbrookes_lead):
    elsewhere = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RJZ01")
    theirs = note(db, organisation_id=organisation(db, "RJZ01").id)
    with pytest.raises(AccessDenied):
        notifications.mark_read(session=db, user=addenbrookes_lead, notification_id=theirs.id)
    assert notifications.mark_all_read(session=db, user=addenbrookes_lead) == 0
    db.expire_all()
    assert db.get(Notification, theirs.id).read_at is None
    assert notifications.unread_count(session=db, user=elsewhere) == 1


def test_a_notification_needs_a_recipient_and_a_local_link(db):
    with pytest.raises(ValueError):
        notifications.notify(session=db, kind="x", message="m")
    with pytest.raises(ValueError):
        notifications.notify(
            session=db, kind="x", message="m", user_id=1, link_path="https://evil.example"
        )
