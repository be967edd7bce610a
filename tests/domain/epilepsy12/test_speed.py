"""Scoring and counting one child stays far below the 15 ms budget of a whole save."""

from __future__ import annotations

import random
import time

from domain.epilepsy12.completeness import count_completeness
from domain.epilepsy12.kpis import score_child
from domain.epilepsy12.record import Record
from tests.domain.epilepsy12.builders import REMOVE, born, data

VARIATIONS = [
    {},
    {"case.sex": 1},
    {"case.date_of_birth": born(2)},
    {"investigations": REMOVE},
    {"management.individualised_care_plan_in_place": REMOVE},
    {"assessment.consultant_paediatrician_input_date": "2023-02-20"},
    {"registration.eligibility_criteria_met": REMOVE},
]


def test_three_thousand_children_build_score_and_count_in_under_six_seconds():
    rng = random.Random(12)
    children = [data(rng.choice(VARIATIONS)) for _ in range(3000)]
    started = time.perf_counter()
    for answers in children:
        record = Record.model_validate(answers)
        score_child(record)
        count_completeness(record)
    assert time.perf_counter() - started < 6.0
