"""Which areas add up exactly to which parent areas, for secondary suppression.

Derived from the organisations' own areas on the snapshot's date: a parent level is partitioned by
a child level when every organisation under each parent has exactly one child area and each child
area lies under one parent. Then the parent's count is the sum of its children's.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from itertools import permutations

from sqlalchemy.orm import Session

from domain.reporting.disclosure import Partition
from domain.reporting.levels import Level
from services.reporting.geography import area_keys


def partitions(session: Session, *, levels: Sequence[Level], as_of: dt.date) -> list[Partition]:
    """Return every exact parent = Σ children relationship between the given levels."""
    rows = session.execute(area_keys(as_of)).mappings().all()
    found: list[Partition] = []
    for child_level, parent_level in permutations(levels, 2):
        if child_level is Level.NATIONAL:
            continue
        children_of: dict[str, set[str]] = defaultdict(set)
        parent_of: dict[str, set[str]] = defaultdict(set)
        exact = True
        for row in rows:
            parent, child = row[parent_level.value], row[child_level.value]
            if parent is None:
                continue
            if child is None:
                exact = False
                break
            children_of[parent].add(child)
            parent_of[child].add(parent)
        if not exact or any(len(parents) > 1 for parents in parent_of.values()):
            continue
        if all(len(kids) == 1 and parent in kids for parent, kids in children_of.items()):
            continue  # the same areas under two names (e.g. national and national)
        for parent, kids in children_of.items():
            found.append(
                Partition(
                    (parent_level.value, parent),
                    tuple((child_level.value, kid) for kid in sorted(kids)),
                )
            )
    return found
