"""The heartbeat beat sends every few seconds: proof that both beat and a worker are alive."""

from __future__ import annotations

from services.system import record_heartbeat
from tasks import celery_app


@celery_app.task(name="portal.heartbeat", ignore_result=True)
def heartbeat() -> None:
    """Record that a scheduled task just ran."""
    record_heartbeat()
