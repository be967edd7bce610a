"""The in-process memory of recent reads: least recently used goes first, old values expire."""

from __future__ import annotations

import time

from services.reporting.recent import Recent


def test_values_are_kept_computed_once_and_the_least_recent_dropped():
    memory, calls = Recent(size=2), []

    def compute(value):
        calls.append(value)
        return value

    assert memory.get("a", lambda: compute(1)) == 1
    assert memory.get("a", lambda: compute(2)) == 1
    memory.get("b", lambda: compute(3))
    memory.get("a", lambda: compute(4))  # "a" is now the most recent
    memory.get("c", lambda: compute(5))  # so "b" goes
    assert memory.get("b", lambda: compute(6)) == 6
    assert calls == [1, 3, 5, 6]


def test_values_expire_and_first_says_whether_a_key_is_new():
    memory = Recent(size=4, seconds=0.05)
    assert memory.first("k") is True
    assert memory.first("k") is False
    time.sleep(0.06)
    assert memory.first("k") is True
    assert memory.get("x", lambda: 1) == 1
    time.sleep(0.06)
    assert memory.get("x", lambda: 2) == 2
