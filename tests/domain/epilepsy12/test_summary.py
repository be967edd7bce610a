"""The derived values ``score`` prints and ``export`` adds under ``"derived"``."""

from __future__ import annotations

from domain.epilepsy12.kpis import MEASURE_NAMES
from domain.epilepsy12.record import SECTIONS
from domain.epilepsy12.summary import derived_values, score_summary
from tests.domain.epilepsy12.builders import REMOVE, child


def test_score_summary():
    assert score_summary(child()) == {
        "cohort": 6,
        "kpis": dict.fromkeys(MEASURE_NAMES, 1),
        "complete": True,
    }


def test_derived_values_of_a_registered_child():
    derived = derived_values(child({"investigations.ct_head_scan_status": REMOVE}))
    assert derived["cohort"] == 6
    assert derived["completed_first_year_of_care_date"] == "2024-01-10"
    assert derived["audit_submission_date"] == "2025-01-14"
    assert derived["age_at_first_paediatric_assessment"] == 13
    assert list(derived["sections"]) == list(SECTIONS)
    assert derived["sections"]["investigations"] == {
        "expected": 8,
        "completed": 7,
        "complete": False,
    }
    assert derived["complete"] is False


def test_derived_values_of_an_unregistered_child():
    derived = derived_values(child({"registration": REMOVE}))
    assert derived["cohort"] is None
    assert derived["completed_first_year_of_care_date"] is None
    assert derived["audit_submission_date"] is None
    assert derived["kpis"] == dict.fromkeys(MEASURE_NAMES)
