"""Aggregation of one cohort at every level, stored, timed beside the one-statement floor.

The floor is a single GROUPING SETS SELECT that computes every measure's four counts at every
level and returns them without storing anything: the least work the database can do for this.
The aggregation adds what a real refresh needs: lock the working snapshot, replace its figures
with tidy rows (counts, case mix, children included and excluded) and stamp the time.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time

from sqlalchemy import func, select

from bench.support import StatementCounter, bench_session, describe, percentile
from services.reporting.aggregation_sql import _grouped_with_grouping_sets, attributed_children
from services.reporting.engine import aggregate
from services.reporting.registry import get_report

ROUNDS = 15


def _floor_statement(report, cohort: int, as_of: dt.date):
    grouped = _grouped_with_grouping_sets(
        report, attributed_children(report, cohort=cohort, as_of=as_of)
    )
    return select(grouped)


def _children(session, report, cohort: int, as_of: dt.date) -> int:
    units = report.units(cohort=cohort, as_of=as_of).subquery()
    return session.scalar(select(func.count()).select_from(units))


def _largest_cohort(session, report, as_of: dt.date) -> int:
    """The cohort with the most children: the heaviest refresh a beat run makes."""
    return max(report.cohorts(as_of), key=lambda c: _children(session, report, c, as_of))


def run() -> None:
    report = get_report("epilepsy12")
    as_of = dt.date.today()
    with bench_session() as (session, engine):
        if engine.dialect.name != "postgresql":
            raise SystemExit("The aggregation benchmark measures PostgreSQL (GROUPING SETS).")
        cohort = _largest_cohort(session, report, as_of)
        floor = _floor_statement(report, cohort, as_of)
        session.execute(floor).all()
        aggregate(session=session, report=report, cohort=cohort, as_of=as_of)
        session.commit()

        floor_ms, aggregate_ms, statements = [], [], []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            rows = session.execute(floor).all()
            floor_ms.append((time.perf_counter() - started) * 1000)
            session.rollback()

            with StatementCounter(engine) as counter:
                started = time.perf_counter()
                result = aggregate(session=session, report=report, cohort=cohort, as_of=as_of)
                session.commit()
                aggregate_ms.append((time.perf_counter() - started) * 1000)
            statements.append(counter.count)

        children = _children(session, report, cohort, as_of)
    print(
        f"  cohort {cohort}: {children} children in the cohort's rows, {result.children_included} counted, "
        f"{len(rows)} grouped areas, {result.figures} figures stored"
    )
    print("  " + describe("floor (one GROUPING SETS SELECT, nothing stored)", floor_ms))
    print("  " + describe("aggregation (locked, replaced, stored, stamped)", aggregate_ms))
    ratio = statistics.median(aggregate_ms) / statistics.median(floor_ms)
    print(
        f"  ratio aggregation / floor (medians): {ratio:.2f}×   p95 aggregation {percentile(aggregate_ms, 0.95):.0f} ms "
        f"(target < 200 ms, ≤ 5× floor)   SQL statements per aggregation: {statistics.median(statements):.0f}"
    )
