"""Small-number suppression for everything the public can see.

Primary suppression hides any count from 1 to ``threshold - 1`` (1–4 by default): the count is
shown as suppressed and any percentage derived from it is withheld. A measure's *passed* count
is also hidden when the children who did not pass (eligible − passed) are that few, because the
two published counts would give them away.

Secondary suppression stops a hidden count being recovered by subtraction inside a parent area:
a parent's count is the sum of its children's (trust = Σ its organisations, region = Σ its ICBs,
England and Wales = Σ countries …), so wherever a published parent has exactly one hidden child,
the smallest other child is hidden too (or, if no other child has a count, the parent); a hidden
parent whose children are all shown gets its smallest child hidden. This repeats until nothing
changes, because each new suppression can expose another partition.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

Area = tuple[str, str]
"""An area as (level, area code)."""


@dataclass(frozen=True)
class Partition:
    """A parent area whose counts are exactly the sum of these child areas' counts."""

    parent: Area
    children: tuple[Area, ...]


@dataclass(frozen=True)
class Proportion:
    """A proportion measure's counts for one area."""

    passed: int
    eligible: int


@dataclass(frozen=True)
class Disclosed:
    """What the public may see of one area's proportion: None marks a suppressed value."""

    passed: int | None
    eligible: int | None

    @property
    def percentage(self) -> float | None:
        if self.passed is None or self.eligible is None or self.eligible == 0:
            return None
        return 100.0 * self.passed / self.eligible

    @property
    def suppressed(self) -> bool:
        return self.passed is None or self.eligible is None


def is_small(count: int, threshold: int) -> bool:
    """Return whether ``count`` is a small number that must not be published."""
    return 0 < count < threshold


def _secondary(
    values: Mapping[Area, int], hidden: set[Area], partitions: Sequence[Partition]
) -> None:
    """Hide more areas until no hidden count can be recovered by subtraction in a partition."""
    changed = True
    while changed:
        changed = False
        for partition in partitions:
            if partition.parent not in values:
                continue
            children = [c for c in partition.children if c in values]
            hidden_children = [c for c in children if c in hidden]
            shown = sorted(
                (c for c in children if c not in hidden and values[c] > 0),
                key=lambda c: (values[c], c),
            )
            if partition.parent in hidden:
                if not hidden_children and shown:
                    hidden.add(shown[0])
                    changed = True
            elif len(hidden_children) == 1:
                hidden.add(shown[0] if shown else partition.parent)
                changed = True


def suppress_counts(
    values: Mapping[Area, int],
    partitions: Sequence[Partition],
    *,
    threshold: int,
    also_hide: Iterable[Area] = (),
) -> set[Area]:
    """Return the areas whose count must be hidden, primary and secondary."""
    hidden = {area for area, count in values.items() if is_small(count, threshold)}
    hidden.update(area for area in also_hide if area in values)
    _secondary(values, hidden, partitions)
    return hidden


def suppress_proportions(
    figures: Mapping[Area, Proportion],
    partitions: Sequence[Partition],
    *,
    threshold: int,
    also_hide: Iterable[Area] = (),
) -> dict[Area, Disclosed]:
    """Return what may be published of one measure's figures across every area.

    ``also_hide`` names areas whose eligible count must be hidden for a reason outside this
    measure (it would reveal another hidden count).
    """
    eligible = {area: f.eligible for area, f in figures.items()}
    passed = {area: f.passed for area, f in figures.items()}
    hidden_eligible = suppress_counts(
        eligible, partitions, threshold=threshold, also_hide=also_hide
    )
    failed_few = [a for a, f in figures.items() if is_small(f.eligible - f.passed, threshold)]
    hidden_passed = suppress_counts(
        passed, partitions, threshold=threshold, also_hide=[*hidden_eligible, *failed_few]
    )
    return {
        area: Disclosed(
            passed=None if area in hidden_passed else f.passed,
            eligible=None if area in hidden_eligible else f.eligible,
        )
        for area, f in figures.items()
    }


def recoverable(
    values: Mapping[Area, int], hidden: set[Area], partitions: Sequence[Partition]
) -> list[Area]:
    """Return hidden areas whose count follows from one partition's shown counts (for tests)."""
    found = []
    for partition in partitions:
        if partition.parent not in values:
            continue
        children = [c for c in partition.children if c in values]
        hidden_children = [c for c in children if c in hidden]
        if partition.parent not in hidden and len(hidden_children) == 1:
            found.append(hidden_children[0])
        if partition.parent in hidden and not hidden_children:
            found.append(partition.parent)
    return found
