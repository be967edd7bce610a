"""Run the whole suite: everything on PostgreSQL, then the embedded-default tests on SQLite."""

from __future__ import annotations

import os
import subprocess
import sys


def _pytest(*args: str, **env: str) -> int:
    command = [sys.executable, "-m", "pytest", *args, *sys.argv[1:]]
    print("$", " ".join(command), flush=True)  # noqa: T201
    return subprocess.call(command, env={**os.environ, **env})


def main() -> int:
    """Run both passes and fail if either fails (exit 5, no tests collected, is a failure).

    Each pass runs in parallel processes (``PORTAL_TEST_WORKERS``, default 2: one per core of
    the CI machine), each with a database of its own; idle workers steal queued tests, so the
    slow browser tests do not pile up behind one process.
    """
    workers = ("-n", os.environ.get("PORTAL_TEST_WORKERS", "2"), "--dist", "worksteal")
    postgresql = _pytest(*workers, PORTAL_TEST_DATABASE="postgresql")
    sqlite = _pytest(*workers, "-m", "sqlite", PORTAL_TEST_DATABASE="sqlite")
    return postgresql or sqlite


if __name__ == "__main__":
    sys.exit(main())
