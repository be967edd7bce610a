"""A clinician adds a child and completes the whole audit through the pages, as at a clinic.

The child: a girl of 12 first assessed on the first day of the cohort now being submitted (the
earliest date a clinician may enter, so every later date of her care is already in the past),
seen by a consultant paediatrician in 8 days and by a nurse within a month, EEG, ECG and an MRI
reported in 26 days, one maintenance medicine, a full care plan, screened for mental health.
Every section must end complete and the KPI summary must show what those answers earn.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from domain.epilepsy12.cohorts import cohort_for, submitting_cohort
from pages.epilepsy12.audit.widgets import answer_id, dom_id
from portal.roles import Role
from tests.support.e12_records import valid_nhs_number
from tests.support.factories import make_user

pytestmark = pytest.mark.browser

ASSESSED = submitting_cohort(dt.date.today()).start
COHORT = cohort_for(ASSESSED)
BORN = dt.date(ASSESSED.year - 12, 3, 14)


def typed(day: dt.date) -> tuple:
    """Keys that enter ``day`` in a date field, from its first part, then Enter to save it."""
    return Keys.LEFT, Keys.LEFT, day.strftime("%m%d%Y"), Keys.ENTER


def by_id(driver, component_id: dict):
    """Find a pattern-matching component (its DOM id holds quotes a CSS selector cannot)."""
    return driver.execute_script(
        "return document.getElementById(arguments[0])", dom_id(component_id)
    )


class Form:
    """Answers the questions of one section the way a person does, waiting for each save."""

    def __init__(self, portal, section: str) -> None:
        self.portal = portal
        self.section = section

    def _wrapper(self, field: str, rows: str, item: int):
        wrapper_id = answer_id("e12-field", self.section, field, rows, item)

        def shown(driver):
            found = by_id(driver, wrapper_id)
            return found if found is not None and found.is_displayed() else False

        return WebDriverWait(self.portal.driver, 10).until(shown)

    def _saved(self, field: str, rows: str, item: int) -> None:
        saved = answer_id("e12-saved", self.section, field, rows, item)
        try:
            WebDriverWait(self.portal.driver, 15).until(
                lambda driver: "Saved" in by_id(driver, saved).text
            )
        except Exception:
            self.portal.screenshot("e12_debug_saved")
            raise

    def choose(self, field: str, label: str, *, rows: str = "", item: int = 0) -> None:
        wrapper = self._wrapper(field, rows, item)
        button = wrapper.find_element(By.XPATH, f".//label[normalize-space()='{label}']")
        # Bootstrap scrolls smoothly; a click must not chase a page still moving.
        self.portal.driver.execute_script(
            "document.documentElement.style.scrollBehavior = 'auto';"
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
            button,
        )
        button.click()
        self._saved(field, rows, item)

    def pick(self, field: str, text: str, *, rows: str = "", item: int = 0) -> None:
        wrapper = self._wrapper(field, rows, item)
        Select(wrapper.find_element(By.TAG_NAME, "select")).select_by_visible_text(text)
        self._saved(field, rows, item)

    def date(self, field: str, day: dt.date, *, rows: str = "", item: int = 0) -> None:
        wrapper = self._wrapper(field, rows, item)
        wrapper.find_element(By.TAG_NAME, "input").send_keys(*typed(day))
        self._saved(field, rows, item)

    def mistype(self, field: str, day: dt.date) -> None:
        """Enter a date the rules refuse, and wait for the form to say why."""
        wrapper = self._wrapper(field, "", 0)
        wrapper.find_element(By.TAG_NAME, "input").send_keys(*typed(day))
        feedback = answer_id("e12-feedback", self.section, field)
        WebDriverWait(self.portal.driver, 15).until(lambda d: by_id(d, feedback).text)

    def yes(self, *fields: str, rows: str = "", item: int = 0) -> None:
        for field in fields:
            self.choose(field, "Yes", rows=rows, item=item)

    def no(self, *fields: str, rows: str = "", item: int = 0) -> None:
        for field in fields:
            self.choose(field, "No", rows=rows, item=item)


def _open(portal, case_id: int, slug: str, title: str) -> None:
    portal.visit(f"/e12/cases/{case_id}/audit{slug}", wait_for=".e12-section-title")
    portal.wait_for_text(".e12-section-title", title)


def _section_complete(portal) -> None:
    portal.wait_for_text("#e12-section-progress", "Section complete", timeout=15)


def _add_child(portal) -> int:
    portal.wait_for("#new-child-form")
    portal.find("#new-child-first_name").send_keys("Seren")
    portal.find("#new-child-surname").send_keys("Price")
    portal.find("#new-child-nhs_number").send_keys(valid_nhs_number())
    portal.find("#new-child-date_of_birth").send_keys(BORN.strftime("%m%d%Y"))
    Select(portal.find("#new-child-sex")).select_by_visible_text("Female")
    Select(portal.find("#new-child-ethnicity")).select_by_visible_text("White - British")
    portal.find("#new-child-postcode").send_keys("CB2 0QQ", Keys.ENTER)
    WebDriverWait(portal.driver, 15).until(lambda d: d.current_url.endswith("/audit"))
    return int(portal.driver.current_url.rsplit("/", 2)[-2])


def _register(portal, case_id: int) -> None:
    portal.wait_for_text(".e12-section-title", "Registration")
    portal.settle()
    portal.assert_clean(context="on the registration page")
    portal.find("#e12-confirm-eligibility").click()
    portal.wait_for_text("#e12-registration-body", "Eligibility confirmed")
    portal.find("#e12-fpa-date").send_keys(ASSESSED.strftime("%m%d%Y"))
    portal.find("#e12-fpa-register").click()
    portal.wait_for_text("#e12-fpa-confirm", f"cohort {COHORT}")
    portal.find("#e12-fpa-confirm-yes").click()
    portal.wait_for_text("#e12-registration-body", "Submission deadline")
    portal.wait_for_text("#e12-facts", f"cohort {COHORT}")
    _section_complete(portal)
    portal.settle()
    portal.screenshot("e12_audit_registration")


def _first_assessment(portal, case_id: int) -> None:
    _open(portal, case_id, "/first-paediatric-assessment", "First paediatric assessment")
    form = Form(portal, "first_paediatric_assessment")
    form.choose("first_paediatric_assessment_in_acute_or_nonacute_setting", "Non-acute")
    form.yes(
        "has_number_of_episodes_since_the_first_been_documented",
        "general_examination_performed",
        "neurological_examination_performed",
    )
    form.no("developmental_learning_or_schooling_problems", "behavioural_or_emotional_problems")
    _section_complete(portal)
    portal.assert_clean(context="on the first assessment page")


def _context(portal, case_id: int) -> None:
    _open(portal, case_id, "/epilepsy-context", "Epilepsy context")
    form = Form(portal, "epilepsy_context")
    for field in (
        "previous_febrile_seizure",
        "previous_acute_symptomatic_seizure",
        "previous_neonatal_seizures",
        "experienced_prolonged_generalized_convulsive_seizures",
        "experienced_prolonged_focal_seizures",
    ):
        form.choose(field, "No")
    form.choose("is_there_a_family_history_of_epilepsy", "Uncertain")
    form.yes("were_any_of_the_epileptic_seizures_convulsive")
    form.no("diagnosis_of_epilepsy_withdrawn")
    _section_complete(portal)


def _diagnosis(portal, case_id: int) -> None:
    _open(portal, case_id, "/multiaxial-diagnosis", "Multiaxial diagnosis")
    portal.find("#e12-add-episodes").click()
    remove = portal.wait_for("[id*='e12-remove-episodes']")
    item = json.loads(remove.get_attribute("id"))["item"]
    form = Form(portal, "multiaxial_diagnosis")
    episode = {"rows": "episodes", "item": item}
    form.date("seizure_onset_date", ASSESSED - dt.timedelta(days=40), **episode)
    form.choose("seizure_onset_date_confidence", "Exact", **episode)
    form.choose("episode_definition", "Two or more episodes more than 24 hours apart", **episode)
    form.yes("has_description_of_the_episode_or_episodes_been_gathered", **episode)
    form.choose("epilepsy_or_nonepilepsy_status", "Epileptic", **episode)
    form.choose("epileptic_seizure_onset_type", "Generalised onset", **episode)
    form.pick("epileptic_generalised_onset", "Tonic-clonic", **episode)
    form.no(
        "syndrome_present",
        "epilepsy_cause_known",
        "relevant_impairments_behavioural_educational",
        "global_developmental_delay_or_learning_difficulties",
        "autistic_spectrum_disorder",
    )
    form.yes("mental_health_screen")
    form.no("mental_health_issue_identified")
    _section_complete(portal)
    portal.settle()
    portal.screenshot("e12_audit_diagnosis")
    portal.assert_clean(context="on the multiaxial diagnosis page")


def _assessment(portal, case_id: int) -> None:
    _open(portal, case_id, "/assessment", "Assessment")
    form = Form(portal, "assessment")
    form.no("childrens_epilepsy_surgical_service_referral_criteria_met")
    form.yes("consultant_paediatrician_referral_made")
    form.date("consultant_paediatrician_referral_date", ASSESSED)
    form.mistype("consultant_paediatrician_input_date", ASSESSED - dt.timedelta(days=3))
    feedback = by_id(
        portal.driver,
        answer_id("e12-feedback", "assessment", "consultant_paediatrician_input_date"),
    )
    assert f"Must not be before “Date of referral” ({ASSESSED:%-d %b %Y})" in feedback.text
    portal.screenshot("e12_audit_assessment_error")
    form.date("consultant_paediatrician_input_date", ASSESSED + dt.timedelta(days=8))
    assert feedback.text == ""
    centre = {"type": "e12-centre", "role": "site_is_general_paediatric_centre"}
    Select(by_id(portal.driver, centre)).select_by_visible_text("Addenbrooke's Hospital (RGT01)")
    saved = {"type": "e12-centre-saved", "role": "site_is_general_paediatric_centre"}
    WebDriverWait(portal.driver, 15).until(lambda d: "Saved" in by_id(d, saved).text)
    form.no(
        "paediatric_neurologist_referral_made", "childrens_epilepsy_surgical_service_referral_made"
    )
    form.yes("epilepsy_specialist_nurse_referral_made")
    form.date("epilepsy_specialist_nurse_referral_date", ASSESSED)
    form.date("epilepsy_specialist_nurse_input_date", ASSESSED + dt.timedelta(days=29))
    _section_complete(portal)
    portal.assert_clean(context="on the assessment page")


def _investigations(portal, case_id: int) -> None:
    _open(portal, case_id, "/investigations", "Investigations")
    form = Form(portal, "investigations")
    form.yes("eeg_indicated")
    form.date("eeg_request_date", ASSESSED + dt.timedelta(days=1))
    form.date("eeg_performed_date", ASSESSED + dt.timedelta(days=18))
    form.yes("twelve_lead_ecg_status")
    form.no("ct_head_scan_status")
    form.yes("mri_indicated")
    form.date("mri_brain_requested_date", ASSESSED + dt.timedelta(days=3))
    form.date("mri_brain_reported_date", ASSESSED + dt.timedelta(days=29))
    _section_complete(portal)


def _management(portal, case_id: int) -> None:
    _open(portal, case_id, "/management", "Management")
    form = Form(portal, "management")
    form.yes("has_an_aed_been_given")
    Select(portal.wait_for("#e12-new-maintenance")).select_by_visible_text("Levetiracetam")
    portal.find("#e12-add-maintenance").click()
    remove = portal.wait_for("[id*='e12-remove-medicines']")
    medicine = {
        "rows": "antiepilepsy_medicines",
        "item": json.loads(remove.get_attribute("id"))["item"],
    }
    form.date("antiepilepsy_medicine_start_date", ASSESSED + dt.timedelta(days=8), **medicine)
    form.yes("antiepilepsy_medicine_risk_discussed", **medicine)
    form.no("has_rescue_medication_been_prescribed")
    form.yes("individualised_care_plan_in_place")
    form.date("individualised_care_plan_date", ASSESSED + dt.timedelta(days=13))
    form.yes(
        "individualised_care_plan_has_parent_carer_child_agreement",
        "individualised_care_plan_includes_service_contact_details",
        "individualised_care_plan_include_first_aid",
        "individualised_care_plan_parental_prolonged_seizure_care",
        "individualised_care_plan_includes_general_participation_risk",
        "individualised_care_plan_addresses_water_safety",
        "individualised_care_plan_addresses_sudep",
        "individualised_care_plan_includes_ehcp",
        "has_individualised_care_plan_been_updated_in_the_last_year",
    )
    form.no("has_been_referred_for_mental_health_support", "has_support_for_mental_health_support")
    _section_complete(portal)
    portal.settle()
    portal.screenshot("e12_audit_management")
    portal.assert_clean(context="on the management page")


EXPECTED = {
    "paediatrician_with_expertise_in_epilepsies": "Met",
    "epilepsy_specialist_nurse": "Met",
    "tertiary_input": "Not applicable",
    "epilepsy_surgery_referral": "Not applicable",
    "ecg": "Met",
    "mri": "Met",
    "assessment_of_mental_health_issues": "Met",
    "mental_health_support": "Not applicable",
    "sodium_valproate": "Not applicable",
    "comprehensive_care_planning_agreement": "Met",
    "comprehensive_care_planning_content": "Met",
    "parental_prolonged_seizures_care_plan": "Not applicable",
    "sudep": "Met",
    "school_individual_healthcare_plan": "Met",
}


def test_a_clinician_completes_a_childs_audit(portal, db):
    clinician = make_user(db, role=Role.CLINICIAN, ods_code="RGT01", full_name="Tom Hughes")
    portal.sign_in(clinician, next_path="/e12/cases/new")
    case_id = _add_child(portal)

    _register(portal, case_id)
    _first_assessment(portal, case_id)
    _context(portal, case_id)
    _diagnosis(portal, case_id)
    _assessment(portal, case_id)
    _investigations(portal, case_id)
    _management(portal, case_id)

    portal.find("a[href$='/summary']").click()
    portal.wait_for_text(".e12-section-title", "KPI summary")
    steps = portal.find("#e12-step-menu").text
    assert steps.count("Complete") == 7, steps
    assert "Audit complete" in steps
    for measure, result in EXPECTED.items():
        row = portal.find(f"#e12-kpi-{measure}")
        assert row.find_elements(By.CSS_SELECTOR, ".e12-result")[0].text == result, measure
    assert (
        "Seen by a consultant paediatrician 8 days after referral"
        in portal.find("#e12-kpi-paediatrician_with_expertise_in_epilepsies").text
    )
    portal.settle()
    portal.screenshot("e12_audit_summary")
    portal.assert_clean(context="on the KPI summary")
