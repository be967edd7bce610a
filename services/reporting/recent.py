"""A small in-process memory of recent reads, keyed by what makes them valid.

Figures only change when a cohort is re-aggregated (its snapshot's ``computed_at`` moves on) and
what a viewer may see only depends on their scope, so a read keyed by snapshot, computation time
and scope can be reused until either changes. Reference geography changes only when the reference
files are reloaded, so it is kept for a few minutes.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


class Recent:
    """Keep the ``size`` most recently used values, each for at most ``seconds``."""

    def __init__(self, *, size: int, seconds: float | None = None) -> None:
        self.size, self.seconds = size, seconds
        self._values: OrderedDict[Hashable, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Return the value kept for ``key``, computing and keeping it if missing or too old."""
        now = time.monotonic()
        with self._lock:
            found = self._values.get(key)
            if found is not None and (self.seconds is None or now - found[0] < self.seconds):
                self._values.move_to_end(key)
                return found[1]  # type: ignore[return-value]
        value = compute()
        with self._lock:
            self._values[key] = (now, value)
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value

    def first(self, key: Hashable) -> bool:
        """Remember ``key``; return True only if it was not already remembered."""
        sentinel = object()
        return self.get(key, lambda: sentinel) is sentinel

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
