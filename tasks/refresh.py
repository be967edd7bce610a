"""Refresh an audit's figures on demand and follow its progress, with or without a worker.

On a worker the refresh is ``aggregate_all`` (or ``aggregate_cohort``) and its progress is the
task's own ``PROGRESS`` state. In embedded mode a thread of this process aggregates the cohorts one
by one and records how many are done in the job.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading

from celery.result import AsyncResult

from portal import access
from portal.config import get_settings
from portal.errors import UserError
from services.reporting.jobs import FAILED, QUEUED, READY, RUNNING, Job, load_job, new_job, save_job
from services.reporting.registry import AuditReport, get_report
from tasks import celery_app
from tasks.reporting import aggregate_all, aggregate_cohort

log = logging.getLogger(__name__)
REFRESH = "refresh"


def start_refresh(*, user, report: AuditReport, cohort: int | None, today: dt.date) -> Job:
    """Recompute one cohort, or every current cohort, of an audit; return the job to poll."""
    access.require(user, report.capability_publish)
    cohorts = list(report.cohorts(today))
    if cohort is not None:
        if cohort not in cohorts:
            raise UserError(f"{report.title} has no {report.cohort_label(cohort).lower()}.")
        cohorts = [cohort]
    job = new_job(kind=REFRESH, audit=report.audit, cohort=cohort, user=user, total=len(cohorts))
    if get_settings().tasks_in_process:
        save_job(job)
        threading.Thread(target=_refresh_here, args=(job, cohorts), daemon=True).start()
        return job
    job = save_job(job.with_changes(task_id=job.id))
    if cohort is None:
        aggregate_all.apply_async((report.audit,), task_id=job.id)
    else:
        aggregate_cohort.apply_async((report.audit, cohort), task_id=job.id)
    return job


def _refresh_here(job: Job, cohorts: list[int]) -> None:
    job = save_job(job.with_changes(state=RUNNING))
    for index, cohort in enumerate(cohorts):
        try:
            aggregate_cohort.run(job.audit, cohort)
        except Exception:
            log.exception("refresh of %s cohort %s failed", job.audit, cohort)
            save_job(job.with_changes(state=FAILED, message=_failure(job, cohort)))
            return
        job = save_job(job.with_changes(done=index + 1))
    save_job(job.with_changes(state=READY))


def _failure(job: Job, cohort: int) -> str:
    report = get_report(job.audit)
    return f"Refreshing {report.cohort_label(cohort)} failed; the error was logged."


def refresh_progress(*, user, job_id: str) -> Job | None:
    """Return how far a refresh has got, or None if there is no such refresh."""
    job = load_job(job_id)
    if job is None or job.kind != REFRESH:
        return None
    access.require(user, get_report(job.audit).capability_publish)
    if job.task_id is None:
        return job
    result = AsyncResult(job.task_id, app=celery_app)
    state = result.state
    if state == "PROGRESS":
        meta = result.info or {}
        return job.with_changes(
            state=RUNNING, done=meta.get("done", 0), total=meta.get("total", job.total)
        )
    if state == "SUCCESS":
        return job.with_changes(state=READY, done=job.total)
    if state in ("FAILURE", "REVOKED"):
        return job.with_changes(state=FAILED, message="The refresh failed; the error was logged.")
    if state == "STARTED":
        return job.with_changes(state=RUNNING)
    return job.with_changes(state=QUEUED)
