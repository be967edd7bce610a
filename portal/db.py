"""Database engine and sessions: one session per request, closed when the request ends."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from flask import Flask, g
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from portal.config import get_settings

#: What every PostgreSQL connection is opened with (see ``make_engine``).
POSTGRESQL_CONNECT_ARGS = {"options": "-c jit=off"}


def make_engine(url: str) -> Engine:
    """Create an engine tuned for the backend behind ``url``.

    PostgreSQL's JIT compiler is turned off: the aggregation statement holds hundreds of
    aggregate expressions, and compiling them took seconds where running the statement takes
    milliseconds (a fresh table without statistics looks expensive enough to trigger it).
    """
    if url.startswith("sqlite"):
        database = url.split("///", 1)[-1]
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=10,
        connect_args=POSTGRESQL_CONNECT_ARGS,
    )


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Enforce foreign keys and let readers work while a writer commits."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def get_engine(url: str | None = None) -> Engine:
    """Return the shared engine for ``url`` (the configured database by default)."""
    return _engine(url or get_settings().database_url)


@lru_cache(maxsize=4)
def _engine(url: str) -> Engine:
    return make_engine(url)


def session_factory(url: str | None = None) -> sessionmaker[Session]:
    """Return a session factory bound to the engine for ``url``."""
    return _session_factory(url or get_settings().database_url)


@lru_cache(maxsize=4)
def _session_factory(url: str) -> sessionmaker[Session]:
    return sessionmaker(_engine(url), expire_on_commit=False)


def reset_engines() -> None:
    """Forget every engine and session factory (tests that switch databases)."""
    _session_factory.cache_clear()
    _engine.cache_clear()


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """Open a session for a task or command: commit on success, roll back on error."""
    with session_factory(url).begin() as session:
        yield session


def get_session() -> Session:
    """Return this request's session, opening it on first use."""
    if "db_session" not in g:
        g.db_session = session_factory()()
    return g.db_session


def close_session(_exc: BaseException | None = None) -> None:
    """Close this request's session, discarding anything not committed."""
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def init_app(app: Flask) -> None:
    """Close the request session when each request ends."""
    app.teardown_appcontext(close_session)


def refresh_statistics(*tables: str) -> None:
    """Have the database re-read statistics after a bulk write (of ``tables``, or all), so the
    planner does not keep choosing plans for the old row counts."""
    with get_engine().connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        if not tables:
            connection.exec_driver_sql("ANALYZE")
        for table in tables:
            connection.exec_driver_sql(f'ANALYZE "{table}"')
