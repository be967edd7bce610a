"""Insert many rows fast: ids taken from the sequence in one query, rows sent with COPY.

On PostgreSQL a multi-row INSERT of thousands of rows is mostly spent building and parsing the
statement text; COPY streams the rows instead. SQLite (the embedded default) takes a plain
executemany, which is fast there.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Integer,
    MetaData,
    Table,
    bindparam,
    func,
    insert,
    select,
    text,
    update,
)


def allocate_ids(connection: Connection, table: Table, count: int) -> list[int]:
    """Reserve ``count`` new primary keys of ``table`` (the caller inserts them in this transaction)."""
    if count == 0:
        return []
    if connection.dialect.name == "postgresql":
        statement = text(
            "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)"
        )
        return list(connection.execute(statement, {"table": table.name, "count": count}).scalars())
    start = connection.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()
    return list(range(start + 1, start + 1 + count))


def bulk_insert(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (all with the same keys) into ``table``."""
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), list(rows))
        return
    columns = list(rows[0])
    json_positions = [i for i, name in enumerate(columns) if isinstance(table.c[name].type, JSON)]
    names = ", ".join(f'"{name}"' for name in columns)
    driver = connection.connection.driver_connection
    with (
        driver.cursor() as cursor,
        cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy,
    ):
        for row in rows:
            values = [row[name] for name in columns]
            for position in json_positions:
                if values[position] is not None:
                    values[position] = json.dumps(values[position])
            copy.write_row(values)


#: Below this many rows a plain executemany is quicker than staging them.
STAGE_FROM = 50


def bulk_update(
    connection: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    stamp: str | None = None,
) -> None:
    """Set each row's values on the row of ``table`` whose id is its ``row_id``.

    On PostgreSQL many rows are copied into a temporary table and applied with one UPDATE;
    ``stamp`` names a timestamp column set to the time of the update.
    """
    if not rows:
        return
    columns = [name for name in rows[0] if name != "row_id"]
    if connection.dialect.name != "postgresql" or len(rows) < STAGE_FROM:
        values = {name: bindparam(name) for name in columns}
        if stamp:
            values[stamp] = func.now()
        statement = update(table).where(table.c.id == bindparam("row_id")).values(values)
        connection.execute(statement, list(rows))
        return
    stage = Table(
        f"stage_{table.name}",
        MetaData(),
        Column("row_id", Integer),
        *(Column(name, table.c[name].type) for name in columns),
        prefixes=["TEMPORARY"],
        postgresql_on_commit="DROP",
    )
    stage.create(connection)
    bulk_insert(connection, stage, rows)
    assignments = {name: stage.c[name] for name in columns}
    if stamp:
        assignments[stamp] = func.now()
    connection.execute(update(table).where(table.c.id == stage.c.row_id).values(assignments))
