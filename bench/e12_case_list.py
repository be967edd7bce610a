"""Time the Epilepsy12 case list (one page of 50 plus the count) and show PostgreSQL's plan.

Run against a national-size database (``portal demo --children 30000``, whose busiest
organisation, Addenbrooke's, leads about 3,000 children) with
``python -m bench.e12_case_list``. Each view is timed server-side through the service, as the
list's callback calls it, as a trust lead clinician and as the national audit team.
"""

from __future__ import annotations

import datetime as dt
import time

from sqlalchemy import func, select

from bench.support import StatementCounter, bench_session, describe
from models.accounts import User
from services.epilepsy12.case_list import CaseQuery, list_cases

LEAD = "lead.rgt@demo.example.nhs.uk"
NATIONAL = "national@demo.example.nhs.uk"
RUNS = 30
VIEWS = {
    "first page, by name": CaseQuery(),
    "search a surname": CaseQuery(search="harris"),
    "search an NHS number": CaseQuery(search="999 000 05"),
    "cohort 8, incomplete": CaseQuery(cohort=8, status="incomplete"),
    "by completeness, descending": CaseQuery(sort="completeness", descending=True),
    "by deadline, last page": CaseQuery(sort="deadline", page=10**6),
}


def _time(session, user, query: CaseQuery) -> tuple[list[float], list[float], int, int]:
    """Return wall-clock and this process's CPU milliseconds per call, statements, matches."""
    timings, cpu = [], []
    for _ in range(RUNS):
        started, started_cpu = time.perf_counter(), time.process_time()
        page = list_cases(session=session, user=user, query=query)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        session.rollback()
    with StatementCounter(session.get_bind()) as counter:
        list_cases(session=session, user=user, query=query)
    session.rollback()
    return timings, cpu, counter.count, page.total


def explain(session, user, query: CaseQuery) -> str:
    """Return PostgreSQL's EXPLAIN ANALYZE of the page statement for ``query``."""
    captured: list[tuple[str, dict]] = []
    engine = session.get_bind()

    def seen(_conn, _cursor, statement, parameters, *_args):
        captured.append((statement, parameters))

    from sqlalchemy import event

    event.listen(engine, "before_cursor_execute", seen)
    try:
        list_cases(session=session, user=user, query=query)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    statement, parameters = captured[-1]
    cursor = session.connection().connection.cursor()
    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {statement}", parameters)
    plan = "\n".join(row[0] for row in cursor.fetchall())
    session.rollback()
    return plan


def run() -> dict:
    results = {}
    with bench_session() as (session, _engine):
        for email in (LEAD, NATIONAL):
            user = session.scalar(select(User).where(func.lower(User.email) == email))
            if user is None:
                raise SystemExit(f"No account {email}: run `portal demo` first.")
            session.expunge(user)  # loaded once, as a request's signed-in user is
            print(f"As {user.full_name} ({email}):")
            for label, query in VIEWS.items():
                timings, cpu, statements, total = _time(session, user, query)
                results[(email, label)] = timings
                print(
                    f"  {describe(label, timings)}  [Python CPU median {sorted(cpu)[len(cpu) // 2]:.1f}"
                    f" ms; {statements} statements; {total} children]"
                )
        with open("/proc/loadavg") as load:
            print(f"\nLoad average while measuring: {load.read().split()[0]}")
        lead = session.scalar(select(User).where(User.email == LEAD))
        print("\nPlan of the first page for the trust lead clinician:")
        print(explain(session, lead, CaseQuery()))
    return {"today": dt.date.today().isoformat(), "views": len(results)}


if __name__ == "__main__":
    run()
