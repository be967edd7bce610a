"""Sign-in in a real browser: failure and success, lockout, two-factor, first-sign-in password."""

from __future__ import annotations

import datetime as dt

import pytest

from domain.accounts import totp
from models.accounts import RolePolicy
from models.base import utcnow
from portal.roles import Role
from tests.support.factories import PASSWORD, make_user

pytestmark = pytest.mark.browser

NEW_PASSWORD = "violet-otter-kettle-91"


def submit_sign_in(portal, email, password):
    portal.visit("/auth/sign-in", wait_for="#email")
    portal.find("#email").send_keys(email)
    portal.find("#password").send_keys(password)
    portal.find("#sign-in-submit").click()


def code_for(secret: str, steps_ahead: int = 0) -> str:
    return totp.code_at(secret, step=totp.time_step(utcnow()) + steps_ahead)


def test_wrong_password_shows_the_message_then_right_one_signs_in(portal, db):
    user = make_user(db, full_name="Jo Browser")
    submit_sign_in(portal, user.email, "not-my-password")
    portal.wait_for_text("#sign-in-error", "The email address or password is not right.")
    assert portal.find("#email").get_attribute("value") == user.email
    portal.screenshot("sign_in_failed")
    portal.assert_clean(context="after a failed sign-in")

    portal.find("#password").send_keys(PASSWORD)
    portal.find("#sign-in-submit").click()
    portal.wait_for_text("h1", "Welcome, Jo Browser")
    portal.settle()
    portal.assert_clean(context="on the home page after signing in")


def test_lockout_after_five_attempts_is_shown(portal, db):
    user = make_user(db)
    for attempt in range(5):
        submit_sign_in(portal, user.email, f"wrong-password-{attempt}")
        portal.wait_for("#sign-in-error")
    portal.wait_for_text("#sign-in-error", "locked for 10 minutes after 5 failed attempts")
    submit_sign_in(portal, user.email, PASSWORD)
    portal.wait_for_text("#sign-in-error", "This account is locked")
    portal.screenshot("sign_in_locked")
    portal.assert_clean(context="on the lockout message")


def test_two_factor_enrolment_then_sign_in_with_a_code(portal, db):
    db.add(RolePolicy(role=Role.CLINICIAN.value, totp_required=True))
    db.commit()
    user = make_user(db, role=Role.CLINICIAN, full_name="Ty Factor")
    submit_sign_in(portal, user.email, PASSWORD)
    portal.wait_for("#totp-secret")
    assert portal.driver.current_url.endswith("/account/two-factor")
    assert portal.find_all("svg.qr-code")
    portal.screenshot("two_factor_enrolment")
    portal.assert_clean(context="on the two-factor enrolment page")

    secret = portal.find("#totp-secret").text.replace(" ", "")
    portal.find("#code").send_keys(code_for(secret))
    portal.find("#enrol-submit").click()
    portal.wait_for_text("#done-message", "you will be asked for a code")
    portal.assert_clean(context="after enrolment")

    portal.find("#sign-out").click()
    portal.wait_for("#email")
    submit_sign_in(portal, user.email, PASSWORD)
    portal.wait_for("#code")
    assert portal.driver.current_url.endswith("/auth/two-factor")
    portal.find("#code").send_keys("000000" if code_for(secret, 1) != "000000" else "111111")
    portal.find("#two-factor-submit").click()
    portal.wait_for_text("#two-factor-error", "That code is not right")
    portal.screenshot("two_factor_wrong_code")
    portal.assert_clean(context="on a wrong two-factor code")

    portal.find("#code").send_keys(code_for(secret, 1))  # the enrolment code cannot be replayed
    portal.find("#two-factor-submit").click()
    portal.wait_for_text("h1", "Welcome, Ty Factor")


def test_a_temporary_password_must_be_replaced_first(portal, db):
    user = make_user(db, must_change_password=True, full_name="Nu Starter")
    submit_sign_in(portal, user.email, PASSWORD)
    portal.wait_for("#must-change-notice")
    portal.screenshot("must_change_password")
    portal.assert_clean(context="on the forced password change")

    portal.find("#current_password").send_keys(PASSWORD)
    portal.find("#new_password").send_keys("password123")
    portal.find("#confirm_password").send_keys("password123")
    portal.find("#password-submit").click()
    portal.wait_for_text("#password-error", "commonly used")
    portal.assert_clean(context="on a refused new password")

    portal.find("#current_password").send_keys(PASSWORD)
    portal.find("#new_password").send_keys(NEW_PASSWORD)
    portal.find("#confirm_password").send_keys(NEW_PASSWORD)
    portal.find("#password-submit").click()
    portal.wait_for_text("#done-message", "Your password has been changed")
    portal.find("#continue").click()
    portal.wait_for_text("h1", "Welcome, Nu Starter")
    db.expire_all()
    db.refresh(user)
    assert not user.must_change_password
    assert user.password_changed_at > utcnow() - dt.timedelta(minutes=1)
