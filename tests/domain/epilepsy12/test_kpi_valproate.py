"""Measure 8: sodium valproate risks for girls aged 12 and over."""

from __future__ import annotations

import pytest

from tests.domain.epilepsy12.builders import REMOVE, born
from tests.domain.epilepsy12.scoring import score

VALPROATE = "management.antiepilepsy_medicines[0]"
PROGRAMME = f"{VALPROATE}.is_a_pregnancy_prevention_programme_in_place"
RISK_FORM = f"{VALPROATE}.has_a_valproate_annual_risk_acknowledgement_form_been_completed"
RESCUE_VALPROATE = {
    "medicine_name": "Sodium valproate",
    "is_rescue_medicine": True,
    "antiepilepsy_medicine_start_date": "2023-01-20",
    "is_a_pregnancy_prevention_programme_in_place": True,
    "has_a_valproate_annual_risk_acknowledgement_form_been_completed": True,
}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, 1, id="both-in-place"),
        pytest.param({RISK_FORM: False}, 1, id="programme-only"),
        pytest.param({PROGRAMME: False}, 1, id="risk-form-only"),
        pytest.param({PROGRAMME: False, RISK_FORM: False}, 0, id="neither"),
        pytest.param({PROGRAMME: REMOVE}, None, id="programme-unanswered"),
        pytest.param({RISK_FORM: REMOVE}, None, id="risk-form-unanswered"),
        pytest.param({"case.sex": 1}, 2, id="male"),
        pytest.param({"case.sex": 0}, 2, id="sex-not-known"),
        pytest.param({"case.sex": 9}, 2, id="sex-not-specified"),
        pytest.param({"case.sex": 1, "case.date_of_birth": born(5)}, 2, id="young-boy"),
        pytest.param({"case.date_of_birth": born(12, days=1)}, 2, id="12th-birthday-day-after"),
        pytest.param({"case.date_of_birth": born(12)}, 1, id="12th-birthday-on-FPA"),
        pytest.param({"case.date_of_birth": born(12, days=-1)}, 1, id="aged-12"),
        pytest.param({"management.has_an_aed_been_given": REMOVE}, None, id="aed-unanswered"),
        pytest.param(
            {f"{VALPROATE}.medicine_name": "Levetiracetam", PROGRAMME: REMOVE, RISK_FORM: REMOVE},
            2,
            id="not-on-valproate",
        ),
        pytest.param(
            {"management.has_an_aed_been_given": False, "management.antiepilepsy_medicines": []},
            2,
            id="no-medicine",
        ),
        pytest.param(
            {
                "management.has_an_aed_been_given": False,
                "management.antiepilepsy_medicines": [RESCUE_VALPROATE],
            },
            1,
            id="rescue-valproate-counts",
        ),
        pytest.param(
            {
                "management.antiepilepsy_medicines[1]": {
                    **RESCUE_VALPROATE,
                    "is_a_pregnancy_prevention_programme_in_place": False,
                    "has_a_valproate_annual_risk_acknowledgement_form_been_completed": False,
                }
            },
            1,
            id="first-valproate-row-decides",
        ),
        pytest.param({"management": REMOVE}, None, id="no-management-form"),
    ],
)
def test_sodium_valproate(changes, expected):
    assert score("sodium_valproate", changes) == expected
