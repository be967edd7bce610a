"""Background work: the Celery app, configured from REDIS_URL, and its beat schedule.

Without REDIS_URL every task runs in the calling process (``task_always_eager``) and ``portal serve``
runs the beat schedule in a thread, so the embedded SQLite default needs no other service.
Each domain's tasks live in a sub-package (``tasks/epilepsy12``…) and are found automatically.
"""

from __future__ import annotations

from celery import Celery
from celery.signals import worker_process_init

from portal.config import Settings, get_settings
from tasks.schedule import beat_schedule


def make_celery(settings: Settings) -> Celery:
    """Create the Celery app for ``settings``."""
    app = Celery("portal")
    app.conf.update(
        broker_url=settings.redis_url or "memory://",
        result_backend=settings.redis_url or "cache+memory://",
        result_expires=3600,
        task_always_eager=settings.tasks_in_process,
        task_eager_propagates=True,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_time_limit=900,
        task_soft_time_limit=840,
        worker_prefetch_multiplier=1,
        broker_transport_options={"visibility_timeout": 3600},
        broker_connection_retry_on_startup=True,
        timezone="Europe/London",
        enable_utc=True,
        task_default_queue=settings.celery_queue,
    )
    return app


celery_app = make_celery(get_settings())


@worker_process_init.connect
def _fresh_connections(**_kwargs) -> None:
    """Give each forked worker process its own database connections."""
    from portal.db import get_engine

    get_engine().dispose(close=False)


def _discover() -> None:
    from portal.discovery import import_submodules
    from portal.domains import load_domains

    load_domains()
    import_submodules("tasks")


_discover()
celery_app.conf.beat_schedule = beat_schedule(get_settings())
