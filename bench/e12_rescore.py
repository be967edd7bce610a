"""Time rescoring every Epilepsy12 child in the country, as after a change of the measures' rules.

Two passes: one where every stored score is already right (read, recount, rescore, compare), and
one where every stored score is wrong (all 21 wiped first), so every child's row is rewritten.
"""

from __future__ import annotations

import time

from sqlalchemy import update

from bench.support import StatementCounter, bench_session, cpu_seconds, machine_load
from models.epilepsy12 import KPI_NAMES, KPIResult
from services.accounts.operator import COMMAND_LINE_OPERATOR
from services.epilepsy12.scoring import default_workers, rescore_all


def _pass(session, engine, label: str, workers: int | None = None) -> dict:
    workers = workers or default_workers(session)
    with StatementCounter(engine) as counter:
        started = time.perf_counter()
        cpu = cpu_seconds()
        summary = rescore_all(session=session, user=COMMAND_LINE_OPERATOR, workers=workers)
        seconds = time.perf_counter() - started
        cpu = cpu_seconds() - cpu
    counted = f"{counter.count} SQL statements" if workers == 1 else "statements not counted"
    print(
        f"{label} ({workers} process{'es' if workers > 1 else ''}): {summary.children} children "
        f"in {seconds:.1f} s ({seconds / summary.children * 1000:.2f} ms a child; "
        f"{cpu:.1f} s of Python CPU), {counted}; scores rewritten "
        f"{summary.scores_changed}, counts rewritten {summary.counts_changed}"
    )
    return {"children": summary.children, "seconds": seconds, "statements": counter.count}


def _wipe_scores(session) -> None:
    session.execute(update(KPIResult).values(dict.fromkeys(KPI_NAMES)))
    session.commit()


def run() -> dict:
    print(machine_load())
    with bench_session() as (session, engine):
        settled = _pass(session, engine, "Rescore all, nothing changed")
        _wipe_scores(session)
        rewritten = _pass(session, engine, "Rescore all, every score rewritten")
        _wipe_scores(session)
        single = _pass(session, engine, "Rescore all, every score rewritten", workers=1)
    return {"settled": settled, "rewritten": rewritten, "single": single}


if __name__ == "__main__":
    run()
