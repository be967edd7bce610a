"""Apply disclosure control to a snapshot's figures: what the public may see of them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from domain.reporting.disclosure import Partition, Proportion, suppress_counts, suppress_proportions
from services.reporting.registry import CHILDREN_INCLUDED, AuditReport, Statistic


@dataclass(frozen=True)
class PublicFigure:
    """One figure as the public may see it; None marks a suppressed or unpublished value."""

    level: str
    area_code: str
    measure: str
    passed: int | None
    eligible: int | None
    n: int | None
    value: float | None
    suppressed: bool


def _proportions_and_children(
    proportions: dict[str, dict], children: dict, partitions: Sequence[Partition], threshold: int
):
    """Suppress the children counts and every proportion together.

    Where a measure's eligible count equals the number of children, showing one gives the other
    away, so hiding either hides both; this repeats until nothing more needs hiding.
    """
    counts = {area: f.n or 0 for area, f in children.items()}
    forced: set = set()
    while True:
        hidden_children = suppress_counts(counts, partitions, threshold=threshold, also_hide=forced)
        shown, more = {}, set()
        for measure, rows in proportions.items():
            ties = {
                a for a, f in rows.items() if counts.get(a) == (f.eligible or 0) and counts.get(a)
            }
            shown[measure] = suppress_proportions(
                {area: Proportion(f.passed or 0, f.eligible or 0) for area, f in rows.items()},
                partitions,
                threshold=threshold,
                also_hide=ties & hidden_children,
            )
            more |= {a for a in ties if shown[measure][a].eligible is None}
        if more <= hidden_children:
            return hidden_children, shown
        forced |= more


def disclose(
    report: AuditReport, figures: Iterable, partitions: Sequence[Partition], *, threshold: int
) -> list[PublicFigure]:
    """Return the publishable version of every figure: small numbers and what reveals them hidden.

    Only passed, eligible (and their percentage), the number of children included and the n and
    value of statistics are published; ineligible, incomplete and excluded counts stay private.
    """
    by_measure: dict[str, dict] = defaultdict(dict)
    for figure in figures:
        by_measure[figure.measure][(figure.level, figure.area_code)] = figure
    statistics = {spec.name: spec.statistic for spec in report.measures}
    proportions = {
        m: rows for m, rows in by_measure.items() if statistics.get(m) is Statistic.PROPORTION
    }
    children = by_measure.get(CHILDREN_INCLUDED, {})
    hidden_children, shown = _proportions_and_children(proportions, children, partitions, threshold)

    disclosed: list[PublicFigure] = [
        PublicFigure(level, code, measure, d.passed, d.eligible, None, None, d.suppressed)
        for measure, areas in shown.items()
        for (level, code), d in areas.items()
    ]
    for measure, rows in by_measure.items():
        if measure == CHILDREN_INCLUDED:
            hidden = hidden_children
        elif statistics.get(measure) in (Statistic.MEAN, Statistic.MEDIAN):
            hidden = suppress_counts(
                {a: f.n or 0 for a, f in rows.items()}, partitions, threshold=threshold
            )
        else:
            continue
        for (level, code), f in rows.items():
            secret = (level, code) in hidden
            disclosed.append(
                PublicFigure(
                    level,
                    code,
                    measure,
                    None,
                    None,
                    None if secret else f.n,
                    None if secret else f.value,
                    secret,
                )
            )
    return disclosed
