"""What beat runs and how often; the schedule is code, never a committed state file."""

from __future__ import annotations

from datetime import timedelta

from portal.config import Settings

#: Each domain's task modules may add entries here when imported (see ``register``).
_entries: dict[str, dict] = {}


def register(name: str, *, task: str, every: timedelta, **options) -> None:
    """Add a periodic task to the beat schedule."""
    _entries[name] = {"task": task, "schedule": every, **options}


def beat_schedule(settings: Settings) -> dict[str, dict]:
    """Return the beat schedule: the heartbeat plus every registered entry."""
    schedule = {
        "heartbeat": {
            "task": "portal.heartbeat",
            "schedule": timedelta(seconds=settings.heartbeat_seconds),
            "options": {"expires": settings.heartbeat_seconds},
        }
    }
    schedule.update(_entries)
    return schedule
