"""Measures 6 (mental health asked about) and 7 (mental health support)."""

from __future__ import annotations

import pytest

from tests.domain.epilepsy12.builders import REMOVE, born
from tests.domain.epilepsy12.scoring import score

SCREEN = "multiaxial_diagnosis.mental_health_screen"
IDENTIFIED = "multiaxial_diagnosis.mental_health_issue_identified"
SUPPORT = "management.has_support_for_mental_health_support"
REFERRED = "management.has_been_referred_for_mental_health_support"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, 1, id="screened"),
        pytest.param({SCREEN: False}, 0, id="not-screened"),
        pytest.param({SCREEN: REMOVE}, None, id="unanswered"),
        pytest.param({"case.date_of_birth": born(5, days=-1)}, 1, id="aged-5"),
        pytest.param({"case.date_of_birth": born(5)}, 1, id="5th-birthday-on-FPA"),
        pytest.param({"case.date_of_birth": born(5, days=1)}, 2, id="5th-birthday-day-after"),
        pytest.param({"case.date_of_birth": born(1), SCREEN: REMOVE}, 2, id="infant-unanswered"),
        pytest.param({"case.date_of_birth": born(4), SCREEN: False}, 2, id="aged-4-not-screened"),
        pytest.param({"multiaxial_diagnosis": REMOVE}, None, id="no-diagnosis-form"),
    ],
)
def test_assessment_of_mental_health_issues(changes, expected):
    assert score("assessment_of_mental_health_issues", changes) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, 1, id="supported"),
        pytest.param({SUPPORT: False}, 0, id="not-supported"),
        pytest.param({SUPPORT: False, REFERRED: True}, 0, id="referral-alone-is-not-support"),
        pytest.param({SUPPORT: REMOVE}, None, id="support-unanswered"),
        pytest.param({IDENTIFIED: REMOVE}, None, id="issue-unanswered"),
        pytest.param(
            {IDENTIFIED: False, "multiaxial_diagnosis.mental_health_issues": []}, 2, id="no-issue"
        ),
        pytest.param({IDENTIFIED: False, SUPPORT: REMOVE}, 2, id="no-issue-support-unanswered"),
        pytest.param({"multiaxial_diagnosis": REMOVE}, None, id="no-diagnosis-form"),
        pytest.param({"management": REMOVE}, None, id="no-management-form"),
    ],
)
def test_mental_health_support(changes, expected):
    assert score("mental_health_support", changes) == expected
