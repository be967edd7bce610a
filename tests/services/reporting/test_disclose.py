"""Disclosure across measures: a shown eligible count never gives away a hidden children count."""

from __future__ import annotations

from dataclasses import dataclass

from domain.reporting.disclosure import Partition
from services.reporting.disclosure import disclose
from services.reporting.registry import CHILDREN_INCLUDED
from tests.services.reporting.support import SCRATCH_REPORT


@dataclass
class Row:
    level: str
    area_code: str
    measure: str
    passed: int | None = None
    eligible: int | None = None
    n: int | None = None
    value: float | None = None


TRUST = ("trust", "T")
A, B = ("organisation", "A"), ("organisation", "B")
PARTS = [Partition(TRUST, (A, B))]


def _published(rows):
    return {
        (f.level, f.area_code, f.measure): f
        for f in disclose(SCRATCH_REPORT, rows, PARTS, threshold=5)
    }


def test_eligible_equal_to_a_hidden_children_count_is_hidden_too():
    rows = [
        Row("trust", "T", CHILDREN_INCLUDED, n=13),
        Row("organisation", "A", CHILDREN_INCLUDED, n=3),
        Row("organisation", "B", CHILDREN_INCLUDED, n=10),
        # Every child of B is eligible: showing 10 eligible would show B's hidden 10 children.
        Row("trust", "T", "kpi_a", passed=7, eligible=13),
        Row("organisation", "A", "kpi_a", passed=0, eligible=3),
        Row("organisation", "B", "kpi_a", passed=7, eligible=10),
    ]
    shown = _published(rows)
    assert shown[("organisation", "B", CHILDREN_INCLUDED)].n is None
    assert shown[("organisation", "B", "kpi_a")].eligible is None
    assert shown[("trust", "T", "kpi_a")].eligible == 13


def test_hidden_eligible_equal_to_children_hides_the_children_count():
    rows = [
        Row("trust", "T", CHILDREN_INCLUDED, n=30),
        Row("organisation", "A", CHILDREN_INCLUDED, n=20),
        Row("organisation", "B", CHILDREN_INCLUDED, n=10),
        # kpi_b: A has 2 eligible (hidden), so B's 10 eligible is hidden by secondary suppression;
        # B's 10 children would then say what its hidden eligible count is.
        Row("trust", "T", "kpi_b", passed=6, eligible=12),
        Row("organisation", "A", "kpi_b", passed=1, eligible=2),
        Row("organisation", "B", "kpi_b", passed=5, eligible=10),
    ]
    shown = _published(rows)
    assert shown[("organisation", "B", "kpi_b")].eligible is None
    assert shown[("organisation", "B", CHILDREN_INCLUDED)].n is None
    # Then A's children count must go as well, or trust − A would give B.
    assert shown[("organisation", "A", CHILDREN_INCLUDED)].n is None


def test_unrelated_counts_stay_published():
    rows = [
        Row("trust", "T", CHILDREN_INCLUDED, n=30),
        Row("organisation", "A", CHILDREN_INCLUDED, n=20),
        Row("organisation", "B", CHILDREN_INCLUDED, n=10),
        Row("trust", "T", "kpi_a", passed=20, eligible=25),
        Row("organisation", "A", "kpi_a", passed=12, eligible=17),
        Row("organisation", "B", "kpi_a", passed=8, eligible=8 + 0),
    ]
    shown = _published(rows)
    assert shown[("organisation", "A", CHILDREN_INCLUDED)].n == 20
    assert shown[("organisation", "A", "kpi_a")].eligible == 17
