"""Run the beat schedule in a thread of the web process when there is no Redis (embedded mode)."""

from __future__ import annotations

import logging
import threading
import time

from tasks import celery_app

log = logging.getLogger(__name__)


class InProcessScheduler(threading.Thread):
    """Call each scheduled task when its interval has passed, in this process."""

    def __init__(self, *, tick_seconds: float = 1.0) -> None:
        super().__init__(name="portal-scheduler", daemon=True)
        self.tick_seconds = tick_seconds
        self._halt = threading.Event()

    def run(self) -> None:
        due: dict[str, float] = {}
        while not self._halt.is_set():
            now = time.monotonic()
            for name, entry in celery_app.conf.beat_schedule.items():
                if now >= due.get(name, 0.0):
                    due[name] = now + entry["schedule"].total_seconds()
                    self._run(name, entry)
            self._halt.wait(self.tick_seconds)

    def _run(self, name: str, entry: dict) -> None:
        try:
            celery_app.tasks[entry["task"]].apply(
                args=entry.get("args", ()), kwargs=entry.get("kwargs", {})
            )
        except Exception:  # a failing task must not stop the schedule
            log.exception("scheduled task %s failed", name)

    def stop(self) -> None:
        self._halt.set()
