"""Enrolment in two-factor sign-in, the per-role policy, and changing one's own password."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from domain.accounts import totp
from models.accounts import AuthEvent
from portal.access import AccessDenied
from portal.auth.passwords import verify_password
from portal.auth.secret_box import decrypt
from portal.errors import UserError
from portal.roles import Role
from services.accounts.passwords import change_password
from services.accounts.two_factor import (
    confirm_enrolment,
    needs_enrolment,
    set_two_factor_policy,
    start_enrolment,
    two_factor_policies,
)
from tests.support.factories import PASSWORD, make_user

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


def test_enrolment_keeps_the_secret_encrypted_until_confirmed(db):
    user = make_user(db, email="jane@example.nhs.uk")
    enrolment = start_enrolment(session=db, user=user)
    assert user.totp_secret != enrolment.secret
    assert decrypt(user.totp_secret) == enrolment.secret
    assert "jane%40example.nhs.uk" in enrolment.uri
    assert start_enrolment(session=db, user=user).secret == enrolment.secret  # same on reload
    assert user.totp_enabled_at is None


def test_confirming_with_the_right_code_turns_it_on(db):
    user = make_user(db)
    secret = start_enrolment(session=db, user=user).secret
    with pytest.raises(UserError, match="That code is not right"):
        confirm_enrolment(session=db, user=user, code="000000", now=NOW)
    code = totp.code_at(secret, step=totp.time_step(NOW))
    confirm_enrolment(session=db, user=user, code=code, now=NOW)
    assert user.totp_enabled_at == NOW and user.totp_last_step == totp.time_step(NOW)
    kinds = db.scalars(select(AuthEvent.kind)).all()
    assert kinds == ["two_factor_enrolled"]
    with pytest.raises(UserError, match="already set up"):
        start_enrolment(session=db, user=user)


def test_policy_is_set_by_the_national_team_and_drives_enrolment(db):
    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM)
    clinician = make_user(db, role=Role.CLINICIAN)
    assert not needs_enrolment(session=db, user=clinician)
    changed = set_two_factor_policy(
        session=db, actor=national, required_roles={Role.CLINICIAN, Role.NATIONAL_AUDIT_TEAM}
    )
    assert set(changed) == {Role.CLINICIAN, Role.NATIONAL_AUDIT_TEAM}
    assert two_factor_policies(session=db)[Role.CLINICIAN] is True
    assert needs_enrolment(session=db, user=clinician)
    assert set_two_factor_policy(session=db, actor=national, required_roles={Role.CLINICIAN}) == [
        Role.NATIONAL_AUDIT_TEAM
    ]
    lead = make_user(db, role=Role.LEAD_CLINICIAN)
    with pytest.raises(AccessDenied):
        set_two_factor_policy(session=db, actor=lead, required_roles=set())


def test_change_password_checks_the_current_one_and_the_policy(db):
    user = make_user(db, email="jane.smith@example.nhs.uk", full_name="Jane Smith")
    token = user.session_token

    def change(current, new, confirm=None):
        change_password(
            session=db,
            user=user,
            current_password=current,
            new_password=new,
            confirm=new if confirm is None else confirm,
        )

    with pytest.raises(UserError, match="current password is not right"):
        change("wrong", "violet-otter-kettle-91")
    with pytest.raises(UserError, match="do not match"):
        change(PASSWORD, "violet-otter-kettle-91", "violet-otter-kettle-92")
    with pytest.raises(UserError, match="Use at least 10 characters"):
        change(PASSWORD, "violet-1")
    with pytest.raises(UserError, match="name or email"):
        change(PASSWORD, "jane-smith-kettle-91")
    with pytest.raises(UserError, match="different from your current"):
        change(PASSWORD, PASSWORD)
    assert user.session_token == token

    user.must_change_password = True
    change(PASSWORD, "violet-otter-kettle-91")
    assert verify_password(user.password_hash, "violet-otter-kettle-91")
    assert user.session_token != token and not user.must_change_password
    assert db.scalars(select(AuthEvent.kind)).all() == ["password_changed"]
