"""Run several independent reads in one round trip to the database.

Loading a child takes six reads that all depend only on the range of case ids. On PostgreSQL
they are sent together in psycopg's pipeline mode and answered together; elsewhere they run one
after another. Listeners of ``before_cursor_execute`` still see every statement.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Executable


@lru_cache(maxsize=32)
def _compiled(statement: Executable, dialect) -> str:
    return str(statement.compile(dialect=dialect))


def read_together(
    connection: Connection, statements: Sequence[Executable], params: Mapping[str, Any]
) -> list[list[tuple]]:
    """Return every row of each statement, in order, as plain tuples."""
    if connection.dialect.name != "postgresql":
        return [list(connection.execute(statement, params).all()) for statement in statements]
    driver = connection.connection.driver_connection
    cursors = []
    with driver.pipeline():
        for statement in statements:
            sql = _compiled(statement, connection.dialect)
            cursor = driver.cursor()
            connection.dispatch.before_cursor_execute(connection, cursor, sql, params, None, False)
            cursor.execute(sql, params)
            cursors.append(cursor)
    try:
        return [cursor.fetchall() for cursor in cursors]
    finally:
        for cursor in cursors:
            cursor.close()
