"""The user admin pages in a real browser: create an account, reset a password, read the log."""

from __future__ import annotations

import pytest
from selenium.webdriver.support.ui import Select
from sqlalchemy import select

from models.accounts import User
from portal.roles import Role
from tests.support.factories import make_user

pytestmark = pytest.mark.browser


def test_a_lead_clinician_creates_an_account_by_keyboard(portal, db):
    lead = make_user(db, role=Role.LEAD_CLINICIAN, full_name="Lee Lead", email="lead@rgt.nhs.uk")
    make_user(db, ods_code="RJZ01", email="stranger@kch.nhs.uk", full_name="Sam Stranger")
    portal.sign_in(lead, next_path="/admin/users")
    portal.wait_for("#users-table table")
    assert "stranger@kch.nhs.uk" not in portal.find("#users-table").text
    portal.settle()
    portal.screenshot("admin_users")
    portal.assert_clean(context="on /admin/users")

    organisations = [o.text for o in Select(portal.find("#create-organisation")).options]
    assert any("(RGT01)" in o for o in organisations)
    assert not any("(RJZ01)" in o for o in organisations)
    roles = [o.text for o in Select(portal.find("#create-role")).options]
    assert "Nurse" not in roles and "National audit team" not in roles

    portal.find("#create-email").send_keys("new.clinician@rgt.nhs.uk")
    portal.find("#create-name").send_keys("Noa Clinician")
    Select(portal.find("#create-role")).select_by_visible_text("Clinician")
    Select(portal.find("#create-organisation")).select_by_value(str(lead.organisation_id))
    portal.find("#create-name").send_keys("\n")  # Enter submits the form
    portal.wait_for("#temporary-password")
    temporary = portal.find("#temporary-password").text
    portal.wait_for_text("#users-table", "new.clinician@rgt.nhs.uk")
    created = db.scalar(select(User).where(User.email == "new.clinician@rgt.nhs.uk"))
    assert created is not None and created.must_change_password and len(temporary) == 23
    portal.settle()
    portal.screenshot("admin_users_created")
    portal.assert_clean(context="after creating an account")


def test_resetting_a_password_asks_first(portal, db):
    lead = make_user(db, role=Role.LEAD_CLINICIAN, full_name="Lee Lead", email="lead@rgt.nhs.uk")
    colleague = make_user(db, full_name="Kim Colleague", email="kim@rgt.nhs.uk")
    portal.sign_in(lead, next_path="/admin/users")
    portal.wait_for_text("#users-table", "Kim Colleague")
    button = next(
        b
        for b in portal.find_all("#users-table button")
        if b.get_attribute("textContent") == "Reset password for Kim Colleague"
    )
    button.click()
    portal.wait_for_text("#confirm-body", "Kim Colleague (kim@rgt.nhs.uk)")
    portal.settle(0.5)
    portal.screenshot("admin_users_confirm")
    portal.assert_clean(context="with the confirm dialog open")
    portal.find("#confirm-yes").click()
    portal.wait_for("#temporary-password")
    db.refresh(colleague)
    assert colleague.must_change_password


def test_sign_in_log_and_security_pages(portal, db):
    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM, full_name="Nat Ional")
    portal.sign_in(national, next_path="/admin/sign-in-log")
    portal.wait_for_text("#log-table", "Signed in")
    portal.settle()
    portal.screenshot("admin_sign_in_log")
    portal.assert_clean(context="on /admin/sign-in-log")

    portal.visit("/admin/security", wait_for="#policy-roles")
    portal.settle()
    portal.assert_clean(context="on /admin/security")
