"""What every benchmark needs: the database it measures, a statement counter, percentiles."""

from __future__ import annotations

import os
import resource
import statistics
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event, func, select
from sqlalchemy.orm import Session

from models.epilepsy12 import Registration
from portal.db import session_factory


class StatementCounter:
    """Counts the SQL statements sent to the database (each executemany counts once)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.count = 0

    def _seen(self, *_args) -> None:
        self.count += 1

    def __enter__(self) -> StatementCounter:
        event.listen(self.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *_exc) -> None:
        event.remove(self.engine, "before_cursor_execute", self._seen)


@contextmanager
def bench_session() -> Iterator[tuple[Session, Engine]]:
    """A session on the configured database, refusing one too small to say anything."""
    from portal.domains import load_domains

    load_domains()
    with session_factory()() as session:
        engine = session.get_bind()
        registered = session.scalar(select(func.count()).select_from(Registration))
        if registered < 10_000:
            raise SystemExit(
                f"Only {registered} registered children: run `portal demo --children 30000` on a "
                "scratch PostgreSQL database first and point DATABASE_URL at it."
            )
        yield session, engine


def machine_load() -> str:
    """The load average, to read the timings against: this machine is shared."""
    one, five, _fifteen = os.getloadavg()
    return f"load average {one:.1f} (5 min {five:.1f}) on {os.cpu_count()} cores"


def cpu_seconds() -> float:
    """CPU time of this process and of its finished child processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def describe(label: str, milliseconds: list[float]) -> str:
    return (
        f"{label}: n={len(milliseconds)}  median {statistics.median(milliseconds):.1f} ms  "
        f"p95 {percentile(milliseconds, 0.95):.1f} ms  p99 {percentile(milliseconds, 0.99):.1f} ms  "
        f"max {max(milliseconds):.1f} ms"
    )
