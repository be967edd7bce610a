"""National results admin in a real browser: publish with confirmation, the KPI workbook from a
background task, and refresh with a progress bar."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from selenium.webdriver.support.ui import Select

from portal.roles import Role
from tests.browser.reports.conftest import (
    COHORTS_TODAY,
    CURRENT,
    allow_downloads,
    click,
    wait_for_file,
    wait_until,
)
from tests.support.factories import make_user


@pytest.fixture
def admin(portal, figures):
    national = make_user(figures, role=Role.NATIONAL_AUDIT_TEAM, full_name="Nia National")
    portal.sign_in(national, next_path="/reports/admin")
    portal.visit("/reports/admin", wait_for=".admin-cohorts")
    return portal


def cohort_row(portal, label: str) -> str:
    rows = [r.text for r in portal.find_all(".admin-cohorts tbody tr")]
    return next(r for r in rows if r.startswith(label))


def test_publishing_asks_first_and_lists_the_publication(admin):
    assert "Never published" in cohort_row(admin, f"Cohort {CURRENT}")
    Select(admin.find("#admin-publish-cohort")).select_by_visible_text(f"Cohort {CURRENT}")
    admin.find("#admin-publish-note").send_keys("Reviewed at the November meeting")
    click(admin, admin.find("#admin-publish-open"))
    admin.wait_for_text(
        "#admin-publish-question", f"Publish Epilepsy12 Cohort {CURRENT}, data as of"
    )
    admin.settle(0.5)
    admin.assert_clean(context="with the publish confirmation open")
    click(admin, admin.find("#admin-publish-confirm"))
    admin.wait_for_text("#admin-publish-result", f"Published Epilepsy12 Cohort {CURRENT} on")
    admin.wait_for_text(".admin-publications", "Reviewed at the November meeting")
    assert "Nia National" in admin.find(".admin-publications").text
    wait_until(
        admin, lambda: "by Nia National" in cohort_row(admin, f"Cohort {CURRENT}"), "not listed"
    )
    admin.settle(0.5)
    admin.screenshot("reports-admin")
    admin.assert_clean(context="after publishing")


def test_the_workbook_is_prepared_in_the_background_and_downloaded(admin, tmp_path):
    allow_downloads(admin, tmp_path)
    Select(admin.find("#admin-workbook-cohort")).select_by_visible_text(f"Cohort {CURRENT}")
    click(admin, admin.find("#admin-workbook-start"))
    link = admin.wait_for("#admin-workbook-link", timeout=60)
    assert link.text.endswith(f"epilepsy12-cohort-{CURRENT}-working.xlsx")
    click(admin, link)
    book = load_workbook(wait_for_file(tmp_path, f"epilepsy12-cohort-{CURRENT}-working.xlsx"))
    assert "England and Wales" in book.sheetnames and "Areas" in book.sheetnames
    admin.assert_clean(context="with the workbook ready")


def test_refresh_now_shows_progress_until_every_cohort_is_done(admin):
    click(admin, admin.find("#admin-refresh-all"))
    done = f"Refreshed Epilepsy12: {COHORTS_TODAY} of {COHORTS_TODAY} cohorts done."
    admin.wait_for_text("#admin-refresh-status", done, timeout=60)
    assert admin.find("#admin-progress").get_attribute("value") == "100"
    assert admin.find("#admin-refresh-all").is_enabled()
    admin.assert_clean(context="after refreshing")
