"""The case register in a real browser, by keyboard where a clinician would use it.

A lead clinician adds a child (getting the NHS number wrong first), finds them by NHS number,
corrects a detail and asks another trust to take the child over; that trust's lead clinician sees
the notification, accepts, and the child moves to their list.
"""

from __future__ import annotations

import datetime as dt

import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select
from sqlalchemy import func, select

from models.epilepsy12 import Case
from portal.roles import Role
from services.epilepsy12 import sites
from tests.support.e12_cases import quick_child
from tests.support.factories import make_user, organisation

pytestmark = pytest.mark.browser

NHS_NUMBER = "943 476 5919"


def _fill_child(portal, *, nhs_number: str) -> None:
    portal.find("#new-child-first_name").send_keys("Ada")
    portal.find("#new-child-surname").send_keys("Lovelace")
    portal.find("#new-child-nhs_number").send_keys(nhs_number)
    born = dt.date(2015, 3, 14)
    portal.find("#new-child-date_of_birth").send_keys(born.strftime("%m%d%Y"))
    Select(portal.find("#new-child-sex")).select_by_visible_text("Female")
    Select(portal.find("#new-child-ethnicity")).select_by_visible_text("White - British")
    portal.find("#new-child-postcode").send_keys("cb2 0qq")


def test_add_find_edit_and_transfer_a_child(portal, db):
    origin = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RGT01", full_name="Priya Raman")
    receiver = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RJZ01", full_name="Sam Okoro")
    quick_child(db, "RGT01", first_assessment=dt.date.today() - dt.timedelta(days=200))

    portal.sign_in(origin, next_path="/e12/cases/new")
    portal.wait_for("#new-child-form")
    _fill_child(portal, nhs_number="943 476 5918")
    portal.find("#new-child-postcode").send_keys(Keys.ENTER)
    portal.wait_for_text("#new-child-nhs_number-feedback", "fails the check digit")
    active = portal.driver.switch_to.active_element
    assert active.get_attribute("id") == "new-child-nhs_number"
    assert db.scalar(select(func.count()).select_from(Case)) == 1  # only the child made above
    portal.settle()
    portal.screenshot("e12_case_new_error")
    portal.assert_clean(context="after a wrong NHS number")

    field = portal.find("#new-child-nhs_number")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(NHS_NUMBER, Keys.ENTER)
    portal.driver.implicitly_wait(0)
    for _ in range(50):
        if "/audit" in portal.driver.current_url:
            break
        portal.settle(0.2)
    child = db.scalar(select(Case).where(Case.nhs_number == "9434765919"))
    assert child is not None and child.postcode == "CB20QQ"
    assert portal.driver.current_url.endswith(f"/e12/cases/{child.id}/audit")

    portal.visit("/e12/cases", wait_for="#cases-rows tr")
    search = portal.find("#cases-search")
    search.send_keys(NHS_NUMBER, Keys.ENTER)
    portal.wait_for_text("#cases-status-line", "of 1 child")
    assert "Ada Lovelace" in portal.find("#cases-rows").text
    assert NHS_NUMBER in portal.find("#cases-rows").text
    assert "q=943" in portal.driver.current_url
    portal.settle()
    portal.screenshot("e12_case_list_search")
    portal.assert_clean(context="on the case list")

    portal.visit("/e12/cases", wait_for="#cases-rows tr")
    portal.wait_for_text("#cases-status-line", "of 2 children")
    portal.settle()
    portal.screenshot("e12_case_list")
    portal.assert_clean(context="on the full case list")

    portal.visit(f"/e12/cases/{child.id}", wait_for="#edit-child-form")
    surname = portal.find("#edit-child-surname")
    surname.send_keys(Keys.CONTROL, "a")
    surname.send_keys("King", Keys.ENTER)
    portal.wait_for_text("#edit-child-summary", "Saved the details of Ada King")
    db.expire_all()
    assert db.get(Case, child.id).surname == "King"
    Select(portal.find("#edit-transfer-to")).select_by_value(str(organisation(db, "RJZ01").id))
    portal.find("#edit-transfer-request").send_keys(Keys.ENTER)  # by keyboard
    portal.wait_for_text("#_pages_content", "Transfer requested")
    portal.wait_for_text("#_pages_content", "waiting for their answer")
    portal.settle()
    portal.screenshot("e12_case_edit_transfer_requested")
    portal.assert_clean(context="on the case page after requesting a transfer")
    assert sites.pending_transfer(db, child.id) is not None

    portal.driver.delete_all_cookies()
    portal.sign_in(receiver, next_path="/notifications")
    portal.wait_for_text("#navbar-notifications", "1")
    portal.wait_for_text("#notifications-list", f"child {child.id}")
    portal.settle()
    portal.screenshot("e12_notifications")
    portal.assert_clean(context="on the notifications page")

    portal.find("#notifications-list button.btn-primary").send_keys(Keys.ENTER)
    portal.wait_for_text("#transfers-incoming", "Ada King")
    portal.settle()
    portal.screenshot("e12_transfers_incoming")
    portal.assert_clean(context="on the transfers page")
    accept = next(
        b
        for b in portal.find_all("#transfers-incoming button")
        if b.get_attribute("textContent").startswith("Accept")
    )
    accept.send_keys(Keys.ENTER)
    portal.wait_for_text("#transfers-message", "now in your care")
    assert "1" not in portal.find("#navbar-notifications").text  # opening it marked it read
    assert sites.lead_site(db, child.id).organisation.ods_code == "RJZ01"

    portal.visit("/e12/cases", wait_for="#cases-rows tr")
    portal.wait_for_text("#cases-rows", "Ada King")
    portal.settle()
    portal.assert_clean(context="on the receiving trust's case list")


def test_a_locked_child_reads_as_locked(portal, db):
    clinician = make_user(db, role=Role.CLINICIAN, ods_code="RGT01")
    child = quick_child(db, first_assessment=dt.date(2022, 1, 10), complete=True, locked=True)
    portal.sign_in(clinician, next_path=f"/e12/cases/{child.id}")
    portal.wait_for("#edit-lock-reason")
    assert "Only the national audit team" in portal.find("#edit-lock-reason").text
    assert not portal.find("#edit-child-surname").is_enabled()
    portal.settle()
    portal.screenshot("e12_case_edit_locked")
    portal.assert_clean(context="on a locked child's page")
