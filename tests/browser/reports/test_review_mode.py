"""Review mode in a real browser, driven by the keyboard only: step through the measures, write
and save the agreed actions, find them again next time, and leave back to the dashboard."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from portal.roles import Role
from tests.browser.reports.conftest import CURRENT, query_params, wait_until
from tests.support.factories import make_user

START = f"/reports/review?audit=epilepsy12&cohort={CURRENT}&organisation=RGT01&measure=ecg"
MEASURE = "#review-measure"


def press(portal, *keys) -> None:
    """Press keys as a person would, wherever the focus is."""
    ActionChains(portal.driver).send_keys(*keys).perform()


def active_id(portal) -> str:
    return portal.driver.execute_script(
        "return document.activeElement && document.activeElement.id"
    )


@pytest.fixture
def review(portal, figures):
    lead = make_user(figures, role=Role.LEAD_CLINICIAN, ods_code="RGT01", full_name="Lee Lead")
    portal.sign_in(lead, next_path=START)
    portal.visit(START, wait_for=MEASURE)
    portal.wait_for_text(MEASURE, "4. ECG")
    return portal


def test_review_mode_is_full_screen_with_large_type(review):
    assert not review.find("header").is_displayed()
    size = review.driver.execute_script(
        "return parseFloat(getComputedStyle(document.querySelector('.review-mode')).fontSize)"
    )
    assert size >= 20
    assert review.find("#review-position").text == "Measure 5 of 12"
    assert review.find(".review-headline").text == "75%"
    assert review.find(".review-counts").text == "30 of 40 children"
    review.settle(1.5)
    review.screenshot("reports-review-mode")
    review.assert_clean(context="in review mode")


def test_keyboard_steps_through_measures(review):
    press(review, Keys.ARROW_RIGHT)
    review.wait_for_text(MEASURE, "5. MRI")
    wait_until(review, lambda: query_params(review).get("measure") == "mri", "URL not updated")
    press(review, Keys.PAGE_DOWN)
    review.wait_for_text(MEASURE, "6. Assessment of mental health issues")
    press(review, Keys.PAGE_UP)
    review.wait_for_text(MEASURE, "5. MRI")
    press(review, Keys.ARROW_LEFT)
    review.wait_for_text(MEASURE, "4. ECG")
    assert review.find("#review-position").text == "Measure 5 of 12"
    review.assert_clean(context="after stepping through measures")


def test_agreed_actions_are_written_saved_and_shown_next_time(review):
    press(review, "e")
    assert active_id(review) == "review-note"
    press(review, "Re-audit ECG requests at first clinic by March.")
    press(review, Keys.ESCAPE)  # stop editing: focus moves to the save button
    assert active_id(review) == "review-save"
    press(review, Keys.ENTER)
    review.wait_for_text("#review-note-meta", "Last saved by Lee Lead")

    press(review, Keys.ARROW_RIGHT)
    review.wait_for_text(MEASURE, "5. MRI")
    assert review.find("#review-note").get_attribute("value") == ""
    press(review, "e", "Book MRI slots with radiology.", Keys.ESCAPE, Keys.ARROW_RIGHT)
    review.wait_for_text(MEASURE, "6. Assessment of mental health issues")  # saved on the way
    press(review, Keys.ARROW_LEFT)
    review.wait_for_text(MEASURE, "5. MRI")
    review.wait_for_text("#review-note-meta", "Last saved by Lee Lead")
    assert review.find("#review-note").get_attribute("value") == "Book MRI slots with radiology."

    review.driver.get(review.driver.current_url.replace("measure=mri", "measure=ecg"))
    review.wait_for_text(MEASURE, "4. ECG")
    assert (
        review.find("#review-note").get_attribute("value")
        == "Re-audit ECG requests at first clinic by March."
    )
    review.assert_clean(context="after saving agreed actions")


def test_escape_leaves_review_mode_for_the_same_view_of_the_dashboard(review):
    press(review, Keys.ARROW_RIGHT)
    review.wait_for_text(MEASURE, "5. MRI")
    press(review, Keys.ESCAPE)
    wait_until(review, lambda: "/reports/dashboard" in review.driver.current_url, "still reviewing")
    review.wait_for(".kpi-table")
    review.wait_for_text("#dashboard-measure-heading", "5. MRI")
    assert review.find("header").is_displayed()


def test_the_first_and_last_measures_stop_the_keys(review):
    review.visit(START.replace("measure=ecg", "measure=paediatrician_with_expertise_in_epilepsies"))
    review.wait_for_text(MEASURE, "1. Paediatrician with expertise")
    assert review.find("#review-previous").get_attribute("disabled")
    press(review, Keys.ARROW_LEFT)
    review.settle(0.5)
    assert review.find(MEASURE).text == "1. Paediatrician with expertise"
