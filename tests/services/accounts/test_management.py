"""Account administration: create, reset, deactivate, unlock, always within the manager's scope."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from models.accounts import AuthEvent, User
from portal.access import AccessDenied
from portal.auth.passwords import verify_password
from portal.errors import UserError
from portal.roles import Role
from services.accounts import management
from services.accounts.operator import COMMAND_LINE_OPERATOR
from tests.support.factories import make_user, organisation

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def lead(db):
    return make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RGT01", email="lead@rgt.nhs.uk")


def create(db, actor, **fields):
    values = {
        "email": "new.person@example.nhs.uk",
        "full_name": "New Person",
        "role": Role.CLINICIAN,
        "organisation_id": organisation(db, "RGT01").id,
    }
    values.update(fields)
    return management.create_user(session=db, actor=actor, **values)


def count_users(db):
    return db.scalar(select(func.count()).select_from(User))


def test_create_gives_a_temporary_password_that_must_be_changed(db, lead):
    user, temporary = create(db, lead, email="  New.Person@Example.NHS.uk ")
    assert user.email == "new.person@example.nhs.uk"
    assert user.must_change_password and user.is_active
    assert verify_password(user.password_hash, temporary)
    event = db.scalar(select(AuthEvent).where(AuthEvent.kind == "account_created"))
    assert event.user_id == user.id and event.detail == "Clinician by lead@rgt.nhs.uk"


def test_lead_may_employ_at_a_sibling_site_of_the_same_trust(db, lead):
    user, _ = create(db, lead, organisation_id=organisation(db, "RGT2X").id)
    assert user.organisation_id == organisation(db, "RGT2X").id


def test_duplicate_email_in_any_case_is_refused_with_a_clear_message(db, lead):
    create(db, lead)
    with pytest.raises(UserError, match="An account with the email address new.person@"):
        create(db, lead, email="NEW.PERSON@example.nhs.uk")
    assert count_users(db) == 2


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": ""}, "Enter the email address."),
        ({"email": "not-an-email"}, "is not an email address"),
        ({"full_name": "   "}, "Enter the person's full name."),
        ({"role": "surgeon"}, 'Unknown role "surgeon"'),
        ({"organisation_id": None}, "Choose the employer organisation"),
    ],
)
def test_bad_input_is_refused_with_a_specific_message(db, lead, fields, message):
    with pytest.raises(UserError, match=message):
        create(db, lead, **fields)
    assert count_users(db) == 1


@pytest.mark.parametrize("ods_code", ["RJZ01", "7A1A1"])
def test_lead_cannot_create_an_account_at_another_trust_or_health_board(db, lead, ods_code):
    with pytest.raises(AccessDenied):
        create(db, lead, organisation_id=organisation(db, ods_code).id)
    assert count_users(db) == 1


@pytest.mark.parametrize("role", [Role.NATIONAL_AUDIT_TEAM, Role.DOCTOR, Role.HOSPITAL_ADMIN])
def test_lead_cannot_give_roles_outside_the_audit(db, lead, role):
    with pytest.raises(AccessDenied):
        create(db, lead, role=role)


def test_national_team_member_needs_no_employer(db):
    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM)
    user, _ = create(db, national, role=Role.NATIONAL_AUDIT_TEAM, organisation_id=None)
    assert user.organisation_id is None


def test_command_line_may_set_a_password_which_must_meet_the_policy(db):
    with pytest.raises(UserError, match="Use at least 16 characters for a national audit role"):
        create(
            db,
            COMMAND_LINE_OPERATOR,
            role="national_audit_team",
            organisation_id=None,
            password="short-but-ok1",
        )
    user, temporary = create(
        db,
        COMMAND_LINE_OPERATOR,
        role="national_audit_team",
        organisation_id=None,
        password="violet-otter-kettle-91",
    )
    assert temporary is None and not user.must_change_password


def test_reset_password_ends_sessions_clears_lockout_and_forces_a_change(db, lead):
    user = make_user(db, locked_until=NOW + dt.timedelta(minutes=5), failed_sign_ins=2)
    token = user.session_token
    _, temporary = management.reset_password(session=db, actor=lead, user_id=user.id, now=NOW)
    db.refresh(user)
    assert verify_password(user.password_hash, temporary)
    assert user.must_change_password and user.session_token != token
    assert user.locked_until is None and user.failed_sign_ins == 0


def test_deactivate_and_reactivate(db, lead):
    user = make_user(db)
    token = user.session_token
    management.deactivate_user(session=db, actor=lead, user_id=user.id)
    db.refresh(user)
    assert not user.is_active and user.session_token != token
    with pytest.raises(UserError, match="already deactivated"):
        management.deactivate_user(session=db, actor=lead, user_id=user.id)
    management.reactivate_user(session=db, actor=lead, user_id=user.id)
    db.refresh(user)
    assert user.is_active
    kinds = db.scalars(select(AuthEvent.kind).order_by(AuthEvent.id)).all()
    assert kinds == ["account_deactivated", "account_reactivated"]


def test_managers_cannot_deactivate_themselves(db, lead):
    with pytest.raises(UserError, match="cannot deactivate your own account"):
        management.deactivate_user(session=db, actor=lead, user_id=lead.id)


def test_unlock(db, lead):
    user = make_user(db, locked_until=NOW + dt.timedelta(minutes=5), failed_sign_ins=3)
    management.unlock_user(session=db, actor=lead, user_id=user.id)
    db.refresh(user)
    assert user.locked_until is None and user.failed_sign_ins == 0


def test_reset_two_factor(db, lead):
    user = make_user(db, totp_secret="x", totp_enabled_at=NOW, totp_last_step=5)
    management.reset_two_factor(session=db, actor=lead, user_id=user.id)
    db.refresh(user)
    assert (user.totp_secret, user.totp_enabled_at, user.totp_last_step) == (None, None, None)
    with pytest.raises(UserError, match="has not set up two-factor"):
        management.reset_two_factor(session=db, actor=lead, user_id=user.id)


ACTIONS = [
    management.deactivate_user,
    management.reactivate_user,
    management.reset_password,
    management.unlock_user,
    management.reset_two_factor,
]


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("ods_code", ["RJZ01", "7A1A1"])
def test_lead_cannot_touch_an_account_of_another_trust(db, lead, action, ods_code):
    other = make_user(
        db,
        ods_code=ods_code,
        is_active=action is not management.reactivate_user,
        totp_secret="x",
        locked_until=NOW,
    )
    before = (other.is_active, other.password_hash, other.session_token, other.totp_secret)
    with pytest.raises(AccessDenied):
        action(session=db, actor=lead, user_id=other.id)
    db.expire_all()
    other = db.get(User, other.id)
    assert (other.is_active, other.password_hash, other.session_token, other.totp_secret) == before
    assert db.scalar(select(func.count()).select_from(AuthEvent)) == 0


def test_hospital_admin_manages_hospital_accounts_but_not_audit_ones(db):
    admin = make_user(db, role=Role.HOSPITAL_ADMIN)
    nurse = make_user(db, role=Role.NURSE)
    clinician = make_user(db, role=Role.CLINICIAN)
    management.unlock_user(session=db, actor=admin, user_id=nurse.id)
    with pytest.raises(AccessDenied):
        management.unlock_user(session=db, actor=admin, user_id=clinician.id)


def test_unknown_account_id_is_refused_like_a_forbidden_one(db, lead):
    with pytest.raises(AccessDenied):
        management.unlock_user(session=db, actor=lead, user_id=999_999)
    with pytest.raises(AccessDenied):
        management.unlock_user(session=db, actor=lead, user_id="not-a-number")


def test_clinicians_manage_nobody(db):
    clinician = make_user(db, role=Role.CLINICIAN)
    other = make_user(db, role=Role.CLINICIAN)
    with pytest.raises(AccessDenied):
        management.unlock_user(session=db, actor=clinician, user_id=other.id)
    with pytest.raises(AccessDenied):
        create(db, clinician)
