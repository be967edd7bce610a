"""Sign-in: generic failures, lockout after five, two-factor codes, events with IP and browser."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from domain.accounts import totp
from models.accounts import AuthEvent, User
from portal.auth.secret_box import encrypt
from services.accounts.events import Origin
from services.accounts.sign_in import (
    GENERIC_FAILURE,
    WRONG_CODE,
    Outcome,
    as_utc,
    authenticate,
    verify_code,
)
from tests.support.factories import PASSWORD, make_user

pytestmark = pytest.mark.sqlite

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
ORIGIN = Origin("203.0.113.9", "Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0")
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def events(db, user=None):
    statement = select(AuthEvent).order_by(AuthEvent.id)
    if user is not None:
        statement = statement.where(AuthEvent.user_id == user.id)
    db.expire_all()
    return [(e.kind, e.email) for e in db.scalars(statement)]


def attempt(db, email, password, *, now=NOW):
    return authenticate(session=db, email=email, password=password, origin=ORIGIN, now=now)


def test_right_password_signs_in_and_records_ip_and_browser(db):
    user = make_user(db, email="jane@example.nhs.uk", failed_sign_ins=3)
    result = attempt(db, "JANE@Example.nhs.uk ", PASSWORD)
    assert result.outcome is Outcome.SIGNED_IN and result.user.id == user.id
    db.refresh(user)
    assert user.failed_sign_ins == 0 and user.last_sign_in_at is not None
    event = db.scalar(select(AuthEvent))
    assert (event.kind, event.email, event.user_id) == ("sign_in", "jane@example.nhs.uk", user.id)
    assert event.ip_address == "203.0.113.9"
    assert event.user_agent.startswith("Mozilla/5.0")
    assert as_utc(event.at) == NOW


def test_wrong_password_and_unknown_email_get_the_same_message(db):
    make_user(db, email="jane@example.nhs.uk")
    wrong = attempt(db, "jane@example.nhs.uk", "not-the-password")
    unknown = attempt(db, "nobody@example.nhs.uk", PASSWORD)
    assert wrong.message == unknown.message == GENERIC_FAILURE
    assert wrong.outcome is unknown.outcome is Outcome.FAILED
    assert events(db) == [
        ("sign_in_failed", "jane@example.nhs.uk"),
        ("sign_in_failed", "nobody@example.nhs.uk"),
    ]


def test_deactivated_account_cannot_sign_in_even_with_the_right_password(db):
    make_user(db, email="gone@example.nhs.uk", is_active=False)
    result = attempt(db, "gone@example.nhs.uk", PASSWORD)
    assert (result.outcome, result.message) == (Outcome.FAILED, GENERIC_FAILURE)


def test_five_failures_lock_the_account_for_ten_minutes(db):
    user = make_user(db, email="jane@example.nhs.uk")
    results = [attempt(db, user.email, f"wrong-{i}") for i in range(5)]
    assert [r.outcome for r in results] == [Outcome.FAILED] * 4 + [Outcome.LOCKED]
    assert results[-1].message == "This account is locked for 10 minutes after 5 failed attempts."
    db.refresh(user)
    assert user.locked_until.replace(tzinfo=dt.UTC) == NOW + dt.timedelta(minutes=10)
    assert [k for k, _ in events(db)] == ["sign_in_failed"] * 5 + ["lockout"]

    locked = attempt(db, user.email, PASSWORD, now=NOW + dt.timedelta(minutes=9))
    assert locked.outcome is Outcome.LOCKED
    assert "Try again in 1 minute" in locked.message
    assert events(db)[-1] == ("sign_in_locked", user.email)

    later = attempt(db, user.email, PASSWORD, now=NOW + dt.timedelta(minutes=10, seconds=1))
    assert later.outcome is Outcome.SIGNED_IN


def test_four_failures_then_success_resets_the_count(db):
    user = make_user(db)
    for i in range(4):
        attempt(db, user.email, f"wrong-{i}")
    assert attempt(db, user.email, PASSWORD).outcome is Outcome.SIGNED_IN
    for i in range(4):
        assert attempt(db, user.email, f"wrong-{i}").outcome is Outcome.FAILED


def _with_two_factor(db, **fields):
    return make_user(
        db, totp_secret=encrypt(SECRET), totp_enabled_at=NOW - dt.timedelta(days=1), **fields
    )


def _code(now=NOW, offset=0):
    return totp.code_at(SECRET, step=totp.time_step(now) + offset)


def _verify(db, user, code, now=NOW):
    return verify_code(
        session=db,
        user_id=user.id,
        session_token=user.session_token,
        code=code,
        origin=ORIGIN,
        now=now,
    )


def test_two_factor_account_needs_a_code_after_the_password(db):
    user = _with_two_factor(db)
    result = attempt(db, user.email, PASSWORD)
    assert result.outcome is Outcome.NEEDS_CODE
    assert events(db) == []  # not signed in yet
    assert _verify(db, user, _code()).outcome is Outcome.SIGNED_IN
    assert events(db) == [("sign_in", user.email)]


def test_a_code_cannot_be_used_twice(db):
    user = _with_two_factor(db)
    assert _verify(db, user, _code()).outcome is Outcome.SIGNED_IN
    replay = _verify(db, user, _code(), now=NOW + dt.timedelta(seconds=5))
    assert (replay.outcome, replay.message) == (Outcome.FAILED, WRONG_CODE)
    assert events(db)[-1] == ("two_factor_failed", user.email)


def test_a_code_from_the_previous_step_is_accepted(db):
    user = _with_two_factor(db)
    assert _verify(db, user, _code(offset=-1)).outcome is Outcome.SIGNED_IN


def test_wrong_codes_count_towards_lockout_with_password_failures(db):
    user = _with_two_factor(db)
    attempt(db, user.email, "wrong-password")
    attempt(db, user.email, "wrong-password")
    results = [_verify(db, user, "000000" if _code() != "000000" else "111111") for _ in range(3)]
    assert results[-1].outcome is Outcome.LOCKED
    assert _verify(db, user, _code()).outcome is Outcome.LOCKED  # even the right code now


def test_password_step_does_not_reset_the_failure_count(db):
    user = _with_two_factor(db)
    for _ in range(4):
        _verify(db, user, "999999" if _code() != "999999" else "888888")
    assert attempt(db, user.email, PASSWORD).outcome is Outcome.NEEDS_CODE
    db.refresh(user)
    assert user.failed_sign_ins == 4


def test_a_stale_pending_sign_in_is_refused_after_the_session_token_changes(db):
    user = _with_two_factor(db)
    token = user.session_token
    user.session_token = "rotated"
    db.commit()
    result = verify_code(session=db, user_id=user.id, session_token=token, code=_code(), now=NOW)
    assert result.outcome is Outcome.FAILED and result.user is None


def test_events_survive_for_unknown_emails_with_no_user(db):
    attempt(db, "someone@elsewhere.org", "whatever-password")
    event = db.scalar(select(AuthEvent))
    assert event.user_id is None and event.detail == "no such account"
    assert db.scalar(select(User)) is None
