"""Small SQL functions that PostgreSQL and SQLite spell differently."""

from __future__ import annotations

from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import GenericFunction


class whole_years(GenericFunction):
    """Whole years from the first date to the second (an age in completed years)."""

    type = Integer()
    inherit_cache = True


@compiles(whole_years, "postgresql")
def _whole_years_postgresql(element, compiler, **kw):
    start, end = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"CAST(date_part('year', age({end}, {start})) AS INTEGER)"


@compiles(whole_years)
def _whole_years_sqlite(element, compiler, **kw):
    start, end = (compiler.process(arg, **kw) for arg in element.clauses)
    return (
        f"(CAST(strftime('%Y', {end}) AS INTEGER) - CAST(strftime('%Y', {start}) AS INTEGER)"
        f" - (strftime('%m-%d', {end}) < strftime('%m-%d', {start})))"
    )
