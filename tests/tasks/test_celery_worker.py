"""A real Celery worker, against the real Redis, runs the portal's tasks on this test database."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid

import pytest
from redis import Redis
from sqlalchemy import select

from models.reporting import ReportSnapshot
from portal.config import Settings
from services.system import last_heartbeat
from tasks import make_celery

pytestmark = pytest.mark.celery
REDIS_URL = os.environ.get("PORTAL_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture(scope="module")
def worker(settings):
    """Start a worker on a queue and key prefix of its own; remove its Redis keys afterwards."""
    run = uuid.uuid4().hex[:8]
    worker_settings = Settings(
        database_url=settings.database_url,
        redis_url=REDIS_URL,
        redis_key_prefix=f"portal-test-{run}:",
        celery_queue=f"portal-test-{run}",
        secret_key=settings.secret_key,
        portal_env="test",
    )
    env = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "REDIS_URL": REDIS_URL,
        "REDIS_KEY_PREFIX": worker_settings.redis_key_prefix,
        "CELERY_QUEUE": worker_settings.celery_queue,
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "tasks",
            "worker",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
            "-Q",
            worker_settings.celery_queue,
            "-n",
            f"test-{run}@%h",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    client = make_celery(worker_settings)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not client.control.ping(timeout=0.5):
        assert process.poll() is None, process.stdout.read().decode()
    sent: list[str] = []
    yield client, worker_settings, sent
    process.terminate()
    process.wait(timeout=20)
    redis = Redis.from_url(REDIS_URL)
    owned = [*redis.scan_iter(f"*{run}*"), *(f"celery-task-meta-{task_id}" for task_id in sent)]
    if owned:
        redis.delete(*owned)


def test_worker_runs_the_heartbeat_into_redis(worker):
    client, worker_settings, sent = worker
    assert last_heartbeat(worker_settings) is None
    sent.append(client.send_task("portal.heartbeat", queue=worker_settings.celery_queue).id)
    deadline = time.monotonic() + 30
    while last_heartbeat(worker_settings) is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert last_heartbeat(worker_settings) is not None


def test_worker_aggregates_a_cohort_into_the_database(worker, db):
    client, worker_settings, sent = worker
    task = client.send_task(
        "portal.report.aggregate_cohort", args=["epilepsy12", 8], queue=worker_settings.celery_queue
    )
    sent.append(task.id)
    result = task.get(timeout=60)
    assert result["audit"] == "epilepsy12" and result["cohort"] == 8
    snapshot = db.scalar(
        select(ReportSnapshot).where(
            ReportSnapshot.audit == "epilepsy12", ReportSnapshot.cohort == 8
        )
    )
    assert snapshot is not None and snapshot.kind == "working"
