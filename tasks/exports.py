"""The national KPI workbook, made by a worker rather than inside a web request."""

from __future__ import annotations

import datetime as dt
import logging
import threading

from models.accounts import User
from portal import access
from portal.config import get_settings
from portal.db import session_scope
from portal.errors import UserError
from services.reporting.jobs import (
    FAILED,
    READY,
    RUNNING,
    Job,
    load_job,
    new_job,
    save_file,
    save_job,
)
from services.reporting.registry import AuditReport, get_report
from services.reporting.workbook import build_workbook
from tasks import celery_app

log = logging.getLogger(__name__)
WORKBOOK = "workbook"
PUBLISHED_WORKBOOK = "published-workbook"


def dispatch(task, *args, task_id: str) -> None:
    """Run ``task`` on a worker, or (embedded mode) in a thread of this process."""
    if get_settings().tasks_in_process:
        thread = threading.Thread(
            target=task.apply, args=(args,), kwargs={"task_id": task_id}, daemon=True
        )
        thread.start()
        return
    task.apply_async(args, task_id=task_id)


def start_workbook(
    *, user, report: AuditReport, cohort: int, published: bool, today: dt.date
) -> Job:
    """Queue the workbook of one cohort for ``user`` and return the job to poll."""
    access.require(user, report.capability_publish)
    if cohort not in report.cohorts(today):
        raise UserError(f"{report.title} has no {report.cohort_label(cohort).lower()}.")
    kind = PUBLISHED_WORKBOOK if published else WORKBOOK
    job = new_job(kind=kind, audit=report.audit, cohort=cohort, user=user)
    job = save_job(job.with_changes(task_id=job.id))
    dispatch(make_workbook, job.id, task_id=job.id)
    return job


@celery_app.task(name="portal.report.make_workbook")
def make_workbook(job_id: str) -> str:
    """Build the workbook a job asked for and keep it for download."""
    job = load_job(job_id)
    if job is None or job.kind not in (WORKBOOK, PUBLISHED_WORKBOOK):
        return "missing"
    save_job(job.with_changes(state=RUNNING))
    try:
        with session_scope() as session:
            user = session.get(User, job.requested_by)
            filename, content = build_workbook(
                session=session,
                user=user,
                report=get_report(job.audit),
                cohort=job.cohort,
                published=job.kind == PUBLISHED_WORKBOOK,
            )
    except (UserError, access.AccessDenied) as error:
        message = (
            str(error) if isinstance(error, UserError) else "You may not export these figures."
        )
        save_job(job.with_changes(state=FAILED, message=message))
        return FAILED
    except Exception:
        log.exception("workbook job %s failed", job_id)
        save_job(
            job.with_changes(
                state=FAILED, message="The workbook could not be made; the error was logged."
            )
        )
        raise
    save_file(job, content)
    save_job(job.with_changes(state=READY, filename=filename))
    return READY
