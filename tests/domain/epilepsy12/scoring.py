"""Score one measure of the complete child after changing some answers."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from domain.epilepsy12.kpis import score_child
from tests.domain.epilepsy12.builders import child


def score(measure: str, changes: dict[str, Any] | None = None) -> int | None:
    return score_child(child(changes))[measure]


def days_after(day: str | date, days: int) -> str:
    start = date.fromisoformat(day) if isinstance(day, str) else day
    return (start + timedelta(days=days)).isoformat()
