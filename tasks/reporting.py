"""Aggregation tasks: on beat's schedule, after data changes (debounced), and on demand."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from datetime import timedelta

from portal.config import get_settings
from portal.db import session_scope
from services.reporting.engine import aggregate
from services.reporting.registry import get_report, reports
from services.system import redis_client
from tasks import celery_app
from tasks.schedule import register

log = logging.getLogger(__name__)


def _today() -> dt.date:
    return dt.date.today()


@celery_app.task(name="portal.report.aggregate_cohort")
def aggregate_cohort(audit: str, cohort: int) -> dict:
    """Recompute one cohort of one audit at every level and store it."""
    report = get_report(audit)
    with session_scope() as session:
        result = aggregate(session=session, report=report, cohort=cohort, as_of=_today())
    return {
        "audit": audit,
        "cohort": cohort,
        "figures": result.figures,
        "areas": result.areas,
        "levels": len(report.levels),
        "children_included": result.children_included,
        "children_excluded": result.children_excluded,
        "computed_at": result.computed_at.isoformat(),
    }


@celery_app.task(name="portal.report.aggregate_all", bind=True)
def aggregate_all(self, audit: str | None = None) -> list[dict]:
    """Recompute every current cohort of every audit (or of one), reporting progress as it goes."""
    jobs = [
        (name, cohort)
        for name, report in sorted(reports().items())
        if audit in (None, name)
        for cohort in report.cohorts(_today())
    ]
    done = []
    for index, (name, cohort) in enumerate(jobs):
        if not self.request.called_directly and not celery_app.conf.task_always_eager:
            self.update_state(state="PROGRESS", meta={"done": index, "total": len(jobs)})
        done.append(aggregate_cohort.run(name, cohort))
    return done


register(
    "aggregate-all",
    task="portal.report.aggregate_all",
    every=timedelta(minutes=get_settings().aggregation_interval_minutes),
)

_pending: dict[tuple[str, int], float] = {}
_pending_lock = threading.Lock()


def request_refresh(audit: str, cohort: int) -> None:
    """Ask for a cohort to be re-aggregated soon; many requests within the debounce make one run."""
    settings = get_settings()
    delay = settings.aggregation_debounce_seconds
    client = redis_client(settings)
    if client is None:
        with _pending_lock:
            _pending.setdefault((audit, cohort), time.monotonic() + delay)
        return
    key = f"{settings.redis_key_prefix}refresh:{audit}:{cohort}"
    if client.set(key, "1", nx=True, ex=max(delay, 1)):
        aggregate_cohort.apply_async((audit, cohort), countdown=delay)


@celery_app.task(name="portal.report.run_pending_refreshes", ignore_result=True)
def run_pending_refreshes() -> int:
    """Run the in-process refreshes whose debounce has passed (embedded mode only)."""
    now = time.monotonic()
    with _pending_lock:
        due = [key for key, at in _pending.items() if at <= now]
        for key in due:
            del _pending[key]
    for audit, cohort in due:
        try:
            aggregate_cohort.run(audit, cohort)
        except Exception:
            log.exception("refresh of %s cohort %s failed", audit, cohort)
    return len(due)


if get_settings().tasks_in_process:
    register(
        "pending-refreshes", task="portal.report.run_pending_refreshes", every=timedelta(seconds=5)
    )
