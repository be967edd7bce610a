"""Throwaway databases for loader tests that must not touch the shared test database."""

from __future__ import annotations

import hashlib
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.orm import Session

from models.base import Base
from portal.db import make_engine
from services.reference.loader import LoadReport, load_reference
from services.reference.tables import PLANS
from tests.support.database import ADMIN_URL

WRITES = ("INSERT", "UPDATE", "DELETE")


@dataclass
class Scratch:
    """A migrated database of its own, with helpers to load into it and to fingerprint it."""

    url: str
    engine: Engine

    def load(self, directory: Path) -> LoadReport:
        """Load ``directory`` in one transaction: committed if it succeeds, rolled back if not."""
        with Session(self.engine) as session, session.begin():
            return load_reference(session=session, directory=directory)

    def fingerprint(self) -> str:
        """Return a hash of every row (timestamps included) of every reference table."""
        digest = hashlib.sha256()
        with self.engine.connect() as connection:
            for name, _build in PLANS:
                table = Base.metadata.tables[name]
                rows = connection.execute(select(table).order_by(*table.primary_key.columns))
                digest.update(name.encode())
                for row in rows:
                    digest.update(repr(tuple(row)).encode())
        return digest.hexdigest()

    @contextmanager
    def counting_writes(self) -> Iterator[list[str]]:
        """Collect the INSERT, UPDATE and DELETE statements run inside the block."""
        seen: list[str] = []

        def record(_conn, _cursor, statement, *_args) -> None:
            if statement.lstrip().upper().startswith(WRITES):
                seen.append(statement)

        event.listen(self.engine, "before_cursor_execute", record)
        try:
            yield seen
        finally:
            event.remove(self.engine, "before_cursor_execute", record)

    def session(self) -> Session:
        return Session(self.engine)


def clone_database(template_url: str, directory: Path) -> str:
    """Return the URL of a new database copied from the (unused) migrated template."""
    if template_url.startswith("sqlite"):
        target = directory / f"scratch_{uuid.uuid4().hex[:8]}.db"
        shutil.copyfile(template_url.removeprefix("sqlite:///"), target)
        return f"sqlite:///{target}"
    name = f"{template_url.rsplit('/', 1)[1]}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        template = template_url.rsplit("/", 1)[1]
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    admin.dispose()
    return template_url.rsplit("/", 1)[0] + f"/{name}"


def open_scratch(url: str) -> Scratch:
    return Scratch(url, make_engine(url))
