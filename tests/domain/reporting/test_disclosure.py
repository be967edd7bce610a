"""Small-number suppression: primary 1–4, percentages withheld, no recovery by subtraction."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.reporting.disclosure import (
    Partition,
    Proportion,
    recoverable,
    suppress_counts,
    suppress_proportions,
)

TRUST = ("trust", "T")
A, B, C = ("organisation", "A"), ("organisation", "B"), ("organisation", "C")
TRUST_OF_ABC = Partition(TRUST, (A, B, C))


def test_counts_from_one_to_four_are_hidden_zero_and_five_are_shown():
    values = {A: 0, B: 1, C: 4, ("organisation", "D"): 5}
    hidden = suppress_counts(values, [], threshold=5)
    assert hidden == {B, C}


def test_threshold_is_configurable():
    assert suppress_counts({A: 9}, [], threshold=10) == {A}
    assert suppress_counts({A: 9}, [], threshold=5) == set()


def test_single_hidden_child_forces_a_second_so_parent_minus_siblings_reveals_nothing():
    values = {TRUST: 30, A: 3, B: 12, C: 15}
    hidden = suppress_counts(values, [TRUST_OF_ABC], threshold=5)
    assert hidden == {A, B}  # B is the smallest other child
    assert recoverable(values, hidden, [TRUST_OF_ABC]) == []


def test_only_child_hidden_hides_the_parent():
    values = {TRUST: 3, A: 3}
    hidden = suppress_counts(values, [Partition(TRUST, (A,))], threshold=5)
    assert hidden == {TRUST, A}


def test_secondary_suppression_of_a_zero_sibling_is_pointless_so_the_parent_is_hidden():
    values = {TRUST: 8, A: 8, B: 0}
    hidden = suppress_counts(values, [Partition(TRUST, (A, B))], threshold=5, also_hide=[A])
    assert TRUST in hidden


def test_cascades_upwards():
    region = ("region", "R")
    other_trust = ("trust", "U")
    partitions = [TRUST_OF_ABC, Partition(region, (TRUST, other_trust))]
    values = {TRUST: 4, A: 4, B: 0, C: 0, other_trust: 40, region: 44}
    hidden = suppress_counts(values, partitions, threshold=5)
    assert {A, TRUST, other_trust} <= hidden
    assert recoverable(values, hidden, partitions) == []


def test_proportion_percentage_withheld_when_either_count_is_hidden():
    shown = suppress_proportions({A: Proportion(passed=3, eligible=20)}, [], threshold=5)[A]
    assert shown.passed is None and shown.eligible == 20 and shown.percentage is None


def test_passed_hidden_when_few_did_not_pass():
    shown = suppress_proportions({A: Proportion(passed=18, eligible=20)}, [], threshold=5)[A]
    assert shown.passed is None and shown.percentage is None


def test_small_denominator_hides_both_counts():
    shown = suppress_proportions({A: Proportion(passed=0, eligible=3)}, [], threshold=5)[A]
    assert shown.passed is None and shown.eligible is None


def test_large_counts_are_published_with_percentage():
    shown = suppress_proportions({A: Proportion(passed=10, eligible=40)}, [], threshold=5)[A]
    assert (shown.passed, shown.eligible, shown.percentage) == (10, 40, 25.0)


def test_none_eligible_is_not_suppressed():
    shown = suppress_proportions({A: Proportion(passed=0, eligible=0)}, [], threshold=5)[A]
    assert (shown.passed, shown.eligible, shown.percentage) == (0, 0, None)


@st.composite
def hierarchies(draw):
    """Organisations in trusts in regions in one nation, with random counts."""
    trusts = draw(st.integers(1, 4))
    partitions, values = [], {}
    nation = ("national", "national")
    regions = {}
    for t in range(trusts):
        children = tuple(("organisation", f"{t}-{i}") for i in range(draw(st.integers(1, 4))))
        for child in children:
            values[child] = draw(st.integers(0, 12))
        trust = ("trust", str(t))
        values[trust] = sum(values[c] for c in children)
        partitions.append(Partition(trust, children))
        regions.setdefault(("region", str(t % 2)), []).append(trust)
    for region, members in regions.items():
        values[region] = sum(values[m] for m in members)
        partitions.append(Partition(region, tuple(members)))
    values[nation] = sum(values[r] for r in regions)
    partitions.append(Partition(nation, tuple(regions)))
    return values, partitions


@settings(max_examples=300, deadline=None)
@given(hierarchies())
def test_no_hidden_count_is_recoverable_from_one_partition(case):
    values, partitions = case
    hidden = suppress_counts(values, partitions, threshold=5)
    assert all(not (0 < values[a] < 5) or a in hidden for a in values)
    assert recoverable(values, hidden, partitions) == []
