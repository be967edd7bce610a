"""Create, empty and drop the databases the tests run against."""

from __future__ import annotations

import os
import uuid

from sqlalchemy import Engine, create_engine, text

ADMIN_URL = os.environ.get(
    "PORTAL_TEST_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def backend() -> str:
    """Return which database the tests run against: ``postgresql`` (default) or ``sqlite``."""
    return os.environ.get("PORTAL_TEST_DATABASE", "postgresql")


def create_database(tmp_dir: str) -> str:
    """Create an empty database for this test process and return its URL."""
    name = f"portal_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    if backend() == "sqlite":
        return f"sqlite:///{tmp_dir}/{name}.db"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def drop_database(url: str) -> None:
    """Drop the database at ``url``."""
    if url.startswith("sqlite"):
        for suffix in ("", "-wal", "-shm"):
            path = url.removeprefix("sqlite:///") + suffix
            if os.path.exists(path):
                os.remove(path)
        return
    name = url.rsplit("/", 1)[1]
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def user_tables() -> list:
    """Return the tables that tests fill, children before parents."""
    import models

    keep = {
        mapper.local_table.name
        for mapper in models.Base.registry.mappers
        if getattr(mapper.class_, "__reference_data__", False)
    }
    return [t for t in reversed(models.Base.metadata.sorted_tables) if t.name not in keep]


def empty_user_tables(engine: Engine) -> None:
    """Delete every row tests may have written, append-only logs included, keeping reference data."""
    tables = user_tables()
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SET LOCAL session_replication_role = replica"))
            for table in tables:
                connection.execute(table.delete())
            return
        triggers = connection.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        ).all()
        for name, _sql in triggers:
            connection.execute(text(f'DROP TRIGGER "{name}"'))
        for table in tables:
            connection.execute(table.delete())
        for _name, sql in triggers:
            connection.execute(text(sql))
