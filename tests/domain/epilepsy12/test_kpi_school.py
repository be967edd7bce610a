"""Measure 10: a school individual healthcare plan, for children aged 5 and over."""

from __future__ import annotations

import pytest

from tests.domain.epilepsy12.builders import REMOVE, born
from tests.domain.epilepsy12.scoring import score

PLAN = "management.individualised_care_plan_in_place"
SCHOOL = "management.individualised_care_plan_includes_ehcp"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, 1, id="school-plan"),
        pytest.param({SCHOOL: False}, 0, id="no-school-plan"),
        pytest.param({SCHOOL: REMOVE}, None, id="school-plan-unanswered"),
        pytest.param({PLAN: False, SCHOOL: REMOVE}, 0, id="no-care-plan"),
        pytest.param({PLAN: REMOVE, SCHOOL: REMOVE}, None, id="care-plan-unanswered"),
        pytest.param({"case.date_of_birth": born(5)}, 1, id="5th-birthday-on-FPA"),
        pytest.param({"case.date_of_birth": born(5, days=-1)}, 1, id="aged-5"),
        pytest.param({"case.date_of_birth": born(5, days=1)}, 2, id="5th-birthday-day-after"),
        pytest.param({"case.date_of_birth": born(4)}, 2, id="aged-4-counted-as-ineligible"),
        pytest.param({"case.date_of_birth": born(2), PLAN: False}, 2, id="young-no-care-plan"),
        pytest.param({"management": REMOVE}, None, id="no-management-form"),
    ],
)
def test_school_individual_healthcare_plan(changes, expected):
    assert score("school_individual_healthcare_plan", changes) == expected
