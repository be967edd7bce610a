"""Control limits for funnel plots of proportions (Spiegelhalter, Statistics in Medicine 2005).

For a target rate ``p`` and a denominator ``n`` the limits are the binomial quantiles of the
number of passes expected by chance, interpolated so they are smooth in ``n``, divided by ``n``.
The 95% limits use the 2.5% and 97.5% quantiles; the 99.8% limits the 0.1% and 99.9%.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

LEVELS = {"95%": 0.95, "99.8%": 0.998}


def _log_pmf(k: int, n: int, log_p: float, log_q: float, log_n_fact: float) -> float:
    return log_n_fact - math.lgamma(k + 1) - math.lgamma(n - k + 1) + k * log_p + (n - k) * log_q


def binomial_quantile(q: float, n: int, p: float) -> float:
    """Return the interpolated ``q`` quantile of Binomial(n, p), as a number of passes."""
    if p <= 0.0:
        return 0.0
    if p >= 1.0:
        return float(n)
    log_p, log_q, log_n_fact = math.log(p), math.log1p(-p), math.lgamma(n + 1)
    cdf = 0.0
    for r in range(n + 1):
        point = math.exp(_log_pmf(r, n, log_p, log_q, log_n_fact))
        cdf += point
        if cdf >= q:
            return r - ((cdf - q) / point if point else 0.0)
    return float(n)


@dataclass(frozen=True)
class Limits:
    """Lower and upper control limits, as proportions, for one denominator."""

    n: int
    lower: float
    upper: float


def control_limits(p: float, n: int, coverage: float) -> Limits:
    """Return the two-sided control limits with this coverage (0.95 or 0.998) for ``n``."""
    tail = (1.0 - coverage) / 2.0
    lower = binomial_quantile(tail, n, p) / n
    upper = binomial_quantile(1.0 - tail, n, p) / n
    return Limits(n, max(0.0, lower), min(1.0, upper))


def funnel(p: float, max_n: int, coverage: float, *, points: int = 60) -> list[Limits]:
    """Return limits along denominators from 1 to ``max_n`` for drawing the funnel."""
    if max_n < 1:
        return []
    steps = sorted(
        {max(1, round(math.exp(i * math.log(max_n) / (points - 1)))) for i in range(points)}
    )
    return [control_limits(p, n, coverage) for n in steps]
