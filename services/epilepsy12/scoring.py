"""Recount and rescore children from their stored answers: one child, or every child in batches.

Saving an answer already rescored that child. This is for the times the rules themselves change
(a methodology change), or a child's sites change: the answers stay, the derived rows follow.
Batches read a thousand children in a handful of queries and write only the rows whose counts or
scores changed, with one multi-row statement per table.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import create_engine, insert, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

import models.epilepsy12 as tables
from domain.epilepsy12.kpis import score_child
from portal import access
from portal.access import AccessDenied
from portal.db import POSTGRESQL_CONNECT_ARGS, refresh_statistics
from services.epilepsy12.access import CaseAction, check_case
from services.epilepsy12.records import ChildRows, load_children, progress_values
from services.epilepsy12.records.bulk import bulk_update

BATCH_SIZE = 1000
#: Rewriting this many rows in one rescore leaves the planner's statistics out of date.
BULK_REWRITE = 1000


@dataclass(frozen=True)
class RescoreSummary:
    """How many children were looked at and how many stored rows had to change."""

    children: int
    scores_changed: int
    counts_changed: int
    cohorts: frozenset[int]
    seconds: float


def _derived_writes(children: Sequence[ChildRows]) -> tuple[dict[str, list], set[int]]:
    """Work out the counter and score rows that differ from what the rules give now."""
    writes: dict[str, list] = {"progress": [], "kpis": [], "new_progress": [], "new_kpis": []}
    cohorts: set[int] = set()
    for child in children:
        if child.registration_id is None:
            continue
        progress = progress_values(child.record)
        kpis = score_child(child.record)
        if child.progress_id is None:
            writes["new_progress"].append({"registration_id": child.registration_id, **progress})
        elif progress != dict(child.progress):
            writes["progress"].append({"row_id": child.progress_id, **progress})
        if child.kpi_id is None:
            writes["new_kpis"].append({"registration_id": child.registration_id, **kpis})
        elif kpis != dict(child.kpis):
            writes["kpis"].append({"row_id": child.kpi_id, **kpis})
        if child.cohort is not None and (child.kpis != kpis or child.progress != progress):
            cohorts.add(child.cohort)
    return writes, cohorts


def restore_derived(session: Session, case_ids: Sequence[int]) -> tuple[int, int, set[int]]:
    """Recount and rescore these children and store what changed; the caller commits.

    The caller must already have checked the user may change these children
    (``services.epilepsy12.access.require_case``). Returns (scores changed, counts changed,
    cohorts affected).
    """
    children = load_children(session, case_ids, lock=True).values()
    writes, cohorts = _derived_writes(list(children))
    connection = session.connection()
    bulk_update(connection, tables.AuditProgress.__table__, writes["progress"], stamp="updated_at")
    bulk_update(connection, tables.KPIResult.__table__, writes["kpis"], stamp="scored_at")
    for table, rows in (
        (tables.AuditProgress.__table__, writes["new_progress"]),
        (tables.KPIResult.__table__, writes["new_kpis"]),
    ):
        if rows:
            connection.execute(insert(table), rows)
    scores = len(writes["kpis"]) + len(writes["new_kpis"])
    counts = len(writes["progress"]) + len(writes["new_progress"])
    return scores, counts, cohorts


def _refresh(cohorts: set[int]) -> None:
    from tasks.reporting import request_refresh

    for cohort in sorted(cohorts):
        request_refresh("epilepsy12", cohort)


def rescore_child(*, session: Session, user, case_id: int) -> RescoreSummary:
    """Recount and rescore one child the user may see, storing any difference."""
    started = time.perf_counter()
    check_case(session, user=user, case_id=case_id, action=CaseAction.READ)
    scores, counts, cohorts = restore_derived(session, [case_id])
    session.commit()
    _refresh(cohorts)
    return RescoreSummary(1, scores, counts, frozenset(cohorts), time.perf_counter() - started)


def _batches(ids: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _rescore_ids(session: Session, ids: Sequence[int], batch_size: int, on_batch=None):
    """Rescore ``ids`` batch by batch, each batch committed on its own."""
    scores = counts = done = 0
    cohorts: set[int] = set()
    for batch in _batches(ids, batch_size):
        batch_scores, batch_counts, batch_cohorts = restore_derived(session, batch)
        session.commit()
        scores, counts = scores + batch_scores, counts + batch_counts
        cohorts |= batch_cohorts
        done += len(batch)
        if on_batch:
            on_batch(done)
    return scores, counts, cohorts


def _worker(job: tuple[str, Sequence[int], int]) -> tuple[int, int, set[int]]:
    """Rescore one share of the children in a process of its own, on its own connection."""
    url, ids, batch_size = job
    engine = create_engine(url, poolclass=NullPool, connect_args=POSTGRESQL_CONNECT_ARGS)
    try:
        with Session(engine) as session:
            return _rescore_ids(session, ids, batch_size)
    finally:
        engine.dispose()


def default_workers(session: Session) -> int:
    """One process per core, up to four, on PostgreSQL; SQLite takes one writer at a time."""
    if session.get_bind().dialect.name != "postgresql":
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def rescore_all(
    *,
    session: Session,
    user,
    batch_size: int = BATCH_SIZE,
    workers: int | None = None,
    on_batch: Callable[[int, int], None] | None = None,
) -> RescoreSummary:
    """Recount and rescore every registered child in the country (national staff only).

    Each batch is its own transaction and holds its children's rows while it works, so a save
    made meanwhile is never overwritten with older counts. With several ``workers`` the children
    are split into contiguous shares rescored in parallel processes.
    """
    if not access.scope_for(session, user).is_national:
        raise AccessDenied()
    started = time.perf_counter()
    case_ids = list(
        session.scalars(select(tables.Registration.case_id).order_by(tables.Registration.case_id))
    )
    session.rollback()
    workers = workers or default_workers(session)
    if workers <= 1 or len(case_ids) <= batch_size:
        total = len(case_ids)
        scores, counts, cohorts = _rescore_ids(
            session,
            case_ids,
            batch_size,
            (lambda done: on_batch(done, total)) if on_batch else None,
        )
    else:
        share = -(-len(case_ids) // workers)
        url = session.get_bind().url.render_as_string(hide_password=False)
        jobs = [(url, case_ids[i : i + share], batch_size) for i in range(0, len(case_ids), share)]
        scores = counts = done = 0
        cohorts = set()
        with multiprocessing.get_context("fork").Pool(len(jobs)) as pool:
            for job, (job_scores, job_counts, job_cohorts) in zip(
                jobs, pool.imap(_worker, jobs), strict=True
            ):
                scores, counts = scores + job_scores, counts + job_counts
                cohorts |= job_cohorts
                done += len(job[1])
                if on_batch:
                    on_batch(done, len(case_ids))
    if scores + counts >= BULK_REWRITE:
        refresh_statistics(tables.KPIResult.__tablename__, tables.AuditProgress.__tablename__)
    _refresh(cohorts)
    return RescoreSummary(
        len(case_ids), scores, counts, frozenset(cohorts), time.perf_counter() - started
    )
