"""Background reporting jobs (refreshes, workbooks) and the files they produce, kept for a day.

With Redis configured the web process and the workers share the jobs through it, with an expiry;
without Redis (embedded mode) everything runs in one process and the jobs live as files in the
instance folder, removed a day later.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from models.base import utcnow
from portal.config import INSTANCE_DIR, get_settings
from services.system import redis_client

KEEP_SECONDS = 24 * 3600
QUEUED, RUNNING, READY, FAILED = "queued", "running", "ready", "failed"
_JOB_ID = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class Job:
    """What was asked for, by whom, and how far it has got."""

    id: str
    kind: str
    audit: str
    cohort: int | None
    requested_by: int
    requested_at: str
    state: str = QUEUED
    done: int = 0
    total: int = 0
    filename: str | None = None
    message: str | None = None
    task_id: str | None = None

    def with_changes(self, **changes) -> Job:
        return replace(self, **changes)


def new_job(*, kind: str, audit: str, cohort: int | None, user, total: int = 0) -> Job:
    """Return a queued job with an id nobody can guess."""
    return Job(
        id=uuid.uuid4().hex,
        kind=kind,
        audit=audit,
        cohort=cohort,
        requested_by=user.id,
        requested_at=utcnow().isoformat(timespec="seconds"),
        total=total,
    )


def _valid(job_id: str) -> bool:
    return bool(_JOB_ID.match(job_id or ""))


def _key(job_id: str, part: str) -> str:
    return f"{get_settings().redis_key_prefix}report-job:{job_id}:{part}"


def _folder() -> Path:
    folder = INSTANCE_DIR / "report-jobs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _forget_old(folder: Path) -> None:
    cutoff = time.time() - KEEP_SECONDS
    for path in folder.iterdir():
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


def save_job(job: Job) -> Job:
    """Store the job's current state."""
    body = json.dumps(asdict(job)).encode()
    client = redis_client()
    if client is not None:
        client.set(_key(job.id, "job"), body, ex=KEEP_SECONDS)
        return job
    folder = _folder()
    _forget_old(folder)
    temporary = folder / f"{job.id}.json.tmp"
    temporary.write_bytes(body)
    temporary.replace(folder / f"{job.id}.json")
    return job


def load_job(job_id: str) -> Job | None:
    """Return the job, or None if the id is malformed, unknown or expired."""
    if not _valid(job_id):
        return None
    client = redis_client()
    if client is not None:
        body = client.get(_key(job_id, "job"))
    else:
        path = _folder() / f"{job_id}.json"
        body = path.read_bytes() if path.exists() else None
    return Job(**json.loads(body)) if body else None


def save_file(job: Job, content: bytes) -> None:
    """Store the file a job produced."""
    client = redis_client()
    if client is not None:
        client.set(_key(job.id, "file"), content, ex=KEEP_SECONDS)
        return
    (_folder() / f"{job.id}.file").write_bytes(content)


def load_file(job: Job) -> bytes | None:
    """Return the file a job produced, if it is still kept."""
    client = redis_client()
    if client is not None:
        return client.get(_key(job.id, "file"))
    path = _folder() / f"{job.id}.file"
    return path.read_bytes() if path.exists() else None
