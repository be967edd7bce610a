"""The shared browser forgets each test: a reused Chromium starts signed out with empty storage."""

from __future__ import annotations

import pytest

from portal.roles import Role
from tests.browser.conftest import Portal
from tests.support.factories import make_user

pytestmark = pytest.mark.browser


def test_a_released_browser_is_signed_out_with_nothing_left_behind(browser_pool, live_server, db):
    first = Portal(browser_pool.acquire(), live_server)
    first.sign_in(make_user(db, role=Role.CLINICIAN, ods_code="RGT01"))
    first.driver.execute_script("localStorage.setItem('left', 'behind')")
    first.add_script("window.injected = true")
    signed_in = {c["name"]: c["value"] for c in first.driver.get_cookies()}["portal_session"]
    browser_pool.release(origin=live_server, scripts=first.scripts)

    again = Portal(browser_pool.acquire(), live_server)
    assert again.driver is first.driver, "the browser was started again instead of reused"
    again.visit("/e12/cases", wait_for="#email")
    assert "/auth/sign-in" in again.driver.current_url
    fresh = {c["name"]: c["value"] for c in again.driver.get_cookies()}
    assert fresh.get("portal_session") != signed_in
    assert again.driver.execute_script("return localStorage.getItem('left')") is None
    assert again.driver.execute_script("return window.injected === undefined")
    browser_pool.release(origin=live_server, scripts=again.scripts)
