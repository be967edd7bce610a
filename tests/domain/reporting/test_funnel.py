"""Funnel-plot control limits behave like the binomial limits they are."""

import pytest

from domain.reporting.funnel import binomial_quantile, control_limits, funnel


def test_limits_narrow_as_the_denominator_grows():
    widths = [control_limits(0.7, n, 0.95) for n in (10, 100, 1000)]
    assert [w.upper - w.lower for w in widths] == sorted(
        (w.upper - w.lower for w in widths), reverse=True
    )


def test_998_limits_are_wider_than_95():
    narrow, wide = control_limits(0.6, 80, 0.95), control_limits(0.6, 80, 0.998)
    assert wide.lower < narrow.lower < 0.6 < narrow.upper < wide.upper


def test_large_n_matches_the_normal_approximation():
    limits = control_limits(0.5, 10_000, 0.95)
    half_width = 1.959964 * (0.25 / 10_000) ** 0.5
    assert limits.lower == pytest.approx(0.5 - half_width, abs=2e-4)
    assert limits.upper == pytest.approx(0.5 + half_width, abs=2e-4)


def test_quantile_at_the_extremes():
    assert binomial_quantile(0.5, 10, 0.0) == 0.0
    assert binomial_quantile(0.5, 10, 1.0) == 10.0


def test_funnel_spans_denominators_up_to_the_largest():
    curve = funnel(0.8, 500, 0.998)
    assert curve[0].n == 1 and curve[-1].n == 500
    assert all(0.0 <= c.lower <= c.upper <= 1.0 for c in curve)
