"""Whether the background machinery is alive: Redis, Celery workers and beat."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from redis import Redis
from redis.exceptions import RedisError

from models.base import utcnow
from portal.config import Settings, get_settings

#: Without Redis the scheduler runs in the web process, so its heartbeat can live in memory.
_in_process_heartbeat: dict[str, dt.datetime] = {}


def redis_client(settings: Settings | None = None) -> Redis | None:
    """Return a client for the configured Redis, or None when tasks run in-process."""
    settings = settings or get_settings()
    if not settings.redis_url:
        return None
    return Redis.from_url(settings.redis_url, socket_timeout=2, socket_connect_timeout=2)


def _heartbeat_key(settings: Settings) -> str:
    return f"{settings.redis_key_prefix}heartbeat"


def record_heartbeat(*, now: dt.datetime | None = None, settings: Settings | None = None) -> None:
    """Store the time of the latest scheduled heartbeat."""
    settings = settings or get_settings()
    now = now or utcnow()
    client = redis_client(settings)
    if client is None:
        _in_process_heartbeat["last"] = now
        return
    client.set(_heartbeat_key(settings), now.isoformat(), ex=settings.heartbeat_seconds * 20)


def last_heartbeat(settings: Settings | None = None) -> dt.datetime | None:
    """Return when beat last got a heartbeat run by a worker, if ever."""
    settings = settings or get_settings()
    client = redis_client(settings)
    if client is None:
        return _in_process_heartbeat.get("last")
    value = client.get(_heartbeat_key(settings))
    return dt.datetime.fromisoformat(value.decode()) if value else None


@dataclass(frozen=True)
class BackgroundStatus:
    """What the system status page shows."""

    mode: str
    redis_ok: bool | None
    workers: list[str] = field(default_factory=list)
    last_heartbeat: dt.datetime | None = None
    beat_alive: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def workers_alive(self) -> bool:
        return self.mode == "in-process" or bool(self.workers)


def background_status(
    *, settings: Settings | None = None, now: dt.datetime | None = None, ping_timeout: float = 1.0
) -> BackgroundStatus:
    """Check Redis, ask the workers to answer a ping and look at beat's last heartbeat."""
    settings = settings or get_settings()
    now = now or utcnow()
    stale_after = dt.timedelta(seconds=settings.heartbeat_seconds * 3)
    heartbeat = None
    problems: list[str] = []
    if settings.tasks_in_process:
        heartbeat = last_heartbeat(settings)
        alive = heartbeat is not None and now - heartbeat <= stale_after
        if not alive:
            problems.append(
                "The in-process scheduler has not run recently (is `portal serve` running?)."
            )
        return BackgroundStatus("in-process", None, [], heartbeat, alive, problems)
    try:
        redis_client(settings).ping()
        redis_ok = True
    except RedisError as error:
        return BackgroundStatus(
            "celery", False, [], None, False, [f"Redis is unreachable: {error}"]
        )
    heartbeat = last_heartbeat(settings)
    from tasks import celery_app

    replies = celery_app.control.ping(timeout=ping_timeout) or []
    workers = sorted(name for reply in replies for name in reply)
    if not workers:
        problems.append("No Celery worker answered (start: celery -A tasks worker).")
    alive = heartbeat is not None and now - heartbeat <= stale_after
    if not alive:
        problems.append(
            "Beat has not delivered a heartbeat recently (start: celery -A tasks beat)."
        )
    return BackgroundStatus("celery", redis_ok, workers, heartbeat, alive, problems)
