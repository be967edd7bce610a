"""The browser's idle timer: after the shell's idle minutes with no activity, go to sign-in."""

from __future__ import annotations

import time

from selenium.webdriver.support.ui import WebDriverWait

from tests.support.factories import make_user

#: Replace the navigation with a recorder, so the test sees where the timer would go.
RECORD_NAVIGATION = """
window.__idleTarget = null;
window.portalIdleTimer.navigate = url => { window.__idleTarget = url; };
document.getElementById('idle-timer').setAttribute('data-idle-minutes', arguments[0]);
"""


def idle_target(portal):
    return portal.driver.execute_script("return window.__idleTarget")


def test_idle_user_is_sent_to_sign_in_and_activity_postpones_it(portal, db, settings):
    portal.sign_in(make_user(db))
    portal.visit("/", wait_for="#idle-timer")
    assert portal.find("#idle-timer").get_attribute("data-idle-minutes") == str(
        settings.session_idle_minutes
    )
    portal.driver.execute_script(RECORD_NAVIGATION, "0.05")  # three seconds
    portal.driver.execute_script("window.dispatchEvent(new KeyboardEvent('keydown'))")
    portal.driver.execute_script("window.portalIdleTimer.check()")
    assert idle_target(portal) is None

    time.sleep(1.5)
    portal.driver.execute_script(
        "document.body.dispatchEvent(new MouseEvent('mousedown', {bubbles: true}))"
    )
    time.sleep(2)
    portal.driver.execute_script("window.portalIdleTimer.check()")
    assert idle_target(portal) is None, "activity 2 s ago should keep the session"

    # The timer's own loop looks again within 15 s (a quarter of the limit, at most 15 s).
    WebDriverWait(portal.driver, 20, poll_frequency=0.2).until(
        lambda _driver: idle_target(portal), message="the idle timer never fired"
    )
    assert idle_target(portal) == "/auth/sign-in?idle=1"
    portal.assert_clean(context="after the idle timer fired")


def test_anonymous_visitor_has_no_idle_timer(portal):
    portal.visit("/map", wait_for="#idle-timer")
    assert portal.find("#idle-timer").get_attribute("data-idle-minutes") == "0"
    portal.driver.execute_script(
        "window.__idleTarget = null;"
        "window.portalIdleTimer.navigate = url => { window.__idleTarget = url; };"
        "localStorage.setItem('portal-last-activity', '0');"
    )
    time.sleep(1)
    portal.driver.execute_script("window.portalIdleTimer.check()")
    assert idle_target(portal) is None
