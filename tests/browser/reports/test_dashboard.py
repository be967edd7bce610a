"""The organisation dashboard in a real browser: the KPI table beside every area, a measure's
charts, filters in the URL that reopen the same view, downloads, and no console or WCAG errors."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from portal.roles import Role
from tests.browser.reports.conftest import (
    CURRENT,
    PREVIOUS,
    allow_downloads,
    click,
    query_params,
    wait_for_file,
    wait_until,
)
from tests.support.factories import make_user

KPI = "#dashboard-kpi"
HEADING = "#dashboard-measure-heading"


def measure_button(portal, label: str):
    return portal.driver.find_element(
        By.XPATH,
        f"//button[contains(@class, 'measure-button') and "
        f"(normalize-space()='{label}' or normalize-space()='▶ {label}')]",
    )


def row_text(portal, label: str) -> str:
    row = measure_button(portal, label).find_element(By.XPATH, "ancestor::tr")
    return row.text


@pytest.fixture
def clinician(figures):
    return make_user(figures, role=Role.CLINICIAN, ods_code="RGT01", full_name="Cleo Clinician")


@pytest.fixture
def dashboard(portal, clinician):
    portal.sign_in(clinician, next_path="/reports/dashboard")
    portal.visit("/reports/dashboard", wait_for=".kpi-table")
    return portal


def test_the_dashboard_shows_the_organisation_beside_its_areas(dashboard):
    assert dashboard.find("#dashboard-heading").text == "Epilepsy12: Addenbrooke's Hospital"
    assert f"Cohort {CURRENT}. Data as of" in dashboard.find("#dashboard-as-of").text
    headers = [th.text.split("\n")[0] for th in dashboard.find_all(".kpi-table thead th")]
    assert headers == [
        "Measure",
        "Organisation",
        "Trust",
        "Integrated care board",
        "NHS England region",
        "OPEN UK network",
        "Country",
        "England and Wales",
    ]
    assert "75% (30/40)" in row_text(dashboard, "4. ECG")
    assert query_params(dashboard) == {}  # the bare URL is a valid view; filters appear on change
    dashboard.settle(1)
    dashboard.screenshot("reports-dashboard-top")
    dashboard.assert_clean(context="on the dashboard")


def test_choosing_a_measure_draws_its_charts_and_the_url_reopens_the_view(dashboard):
    click(dashboard, measure_button(dashboard, "5. MRI"))
    dashboard.wait_for_text(HEADING, "5. MRI")
    wait_until(
        dashboard, lambda: query_params(dashboard).get("measure") == "mri", "URL not updated"
    )
    assert measure_button(dashboard, "5. MRI").get_attribute("aria-pressed") == "true"
    summary = dashboard.find("#dashboard-funnel-text").text
    assert "Addenbrooke's Hospital: 30% (12 of 40 children)" in summary
    assert "limit" in summary
    traces = dashboard.driver.execute_script(
        "return document.querySelector('#dashboard-funnel .js-plotly-plot').data.length"
    )
    assert traces >= 6  # four limit lines, the national rate, the organisations

    Select(dashboard.find("#dashboard-cohort")).select_by_visible_text(f"Cohort {PREVIOUS}")
    wait_until(
        dashboard,
        lambda: query_params(dashboard).get("cohort") == str(PREVIOUS),
        "cohort not in URL",
    )
    dashboard.wait_for_text("#dashboard-as-of", f"Cohort {PREVIOUS}.")
    assert "50% (10/20)" in row_text(dashboard, "4. ECG")

    url = dashboard.driver.current_url
    dashboard.driver.get(url)
    dashboard.wait_for(".kpi-table")
    dashboard.wait_for_text(HEADING, "5. MRI")
    assert (
        Select(dashboard.find("#dashboard-cohort")).first_selected_option.text
        == f"Cohort {PREVIOUS}"
    )
    dashboard.settle(1)
    dashboard.screenshot("reports-dashboard-measure")
    dashboard.assert_clean(context="after choosing a measure and a cohort")


def test_sub_measures_fold_away_and_open_on_request(dashboard):
    assert not dashboard.driver.find_elements(
        By.XPATH,
        "//button[normalize-space()='9A-i. Patient held individualised epilepsy document']",
    )
    toggle = dashboard.driver.find_element(
        By.XPATH, "//button[normalize-space()='Show 9 sub-measures']"
    )
    assert toggle.get_attribute("aria-expanded") == "false"
    click(dashboard, toggle)
    wait_until(dashboard, lambda: query_params(dashboard).get("sub") == "1", "sub not in URL")
    measure_button(dashboard, "9A-i. Patient held individualised epilepsy document")
    dashboard.assert_clean(context="with sub-measures shown")


def test_every_table_downloads_as_csv_and_excel(dashboard, tmp_path):
    allow_downloads(dashboard, tmp_path)
    click(dashboard, dashboard.find("#dashboard-export-kpi-csv"))
    path = wait_for_file(tmp_path, f"epilepsy12-cohort{CURRENT}-RGT01-kpi.csv")
    rows = list(csv.DictReader(path.open()))
    ecg = [r for r in rows if r["measure"] == "ecg" and r["area_code"] == "RGT01"][0]
    assert (ecg["passed"], ecg["eligible"], ecg["percentage"]) == ("30", "40", "75.0")
    click(dashboard, dashboard.find("#dashboard-export-funnel-xlsx"))
    book = load_workbook(
        wait_for_file(
            tmp_path,
            f"epilepsy12-cohort{CURRENT}-RGT01-funnel-paediatrician_with_expertise_in_epilepsies.xlsx",
        )
    )
    sheet = book["Funnel plot"]
    codes = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert "RGT01" in codes
    shown = dashboard.find("#dashboard-funnel-text").text
    assert f"{len(codes)} organisations plotted" in shown


def test_national_staff_search_for_any_organisation(portal, figures):
    national = make_user(figures, role=Role.NATIONAL_AUDIT_TEAM, full_name="Nia National")
    portal.sign_in(national, next_path="/reports/dashboard")
    portal.visit("/reports/dashboard?organisation=RGT01&measure=ecg", wait_for=".kpi-table")
    options = [o.text for o in Select(portal.find("#dashboard-organisation")).options]
    assert len(options) > 300 and "King's College Hospital (Denmark Hill) (RJZ01)" in options
    portal.find("#dashboard-find").send_keys("rjz01")
    wait_until(portal, lambda: query_params(portal).get("organisation") == "RJZ01", "not RJZ01")
    portal.wait_for_text("#dashboard-heading", "King's College Hospital")
    assert "67% (20/30)" in row_text(portal, "4. ECG")
    portal.assert_clean(context="after picking another organisation")


def test_another_trusts_dashboard_is_refused_in_words(portal, figures, clinician):
    portal.sign_in(clinician, next_path="/reports/dashboard")
    portal.visit("/reports/dashboard?organisation=RJZ01", wait_for="h1")
    portal.wait_for_text("h1", "Not your organisation")
    assert "75%" not in portal.find("#_pages_content").text
    portal.assert_clean(context="on a refused dashboard")
