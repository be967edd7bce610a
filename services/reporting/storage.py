"""Write a cohort's freshly computed figures into its working snapshot.

On PostgreSQL the new figures go to a temporary table first and are merged in: only figures that
changed since the last run are written, so a refresh on the beat schedule, when few answers
have changed, writes almost nothing and leaves the table byte-for-byte as it was. SQLite (the
embedded default) simply replaces the snapshot's figures.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    Float,
    Integer,
    MetaData,
    Table,
    Text,
    bindparam,
    delete,
    insert,
    literal,
    select,
    text,
)
from sqlalchemy.engine import Connection

from models.reporting import ReportFigure
from services.reporting.aggregation_sql import FIGURE_COLUMNS, tidy_figures
from services.reporting.registry import AuditReport

#: Per-connection scratch table for one run's figures; emptied at every commit.
NEW_FIGURES = Table(
    "new_report_figures",
    MetaData(),
    Column("level", Text),
    Column("area_code", Text),
    Column("measure", Text),
    *[Column(name, Integer) for name in FIGURE_COLUMNS[:-1]],
    Column("value", Float),
    prefixes=["TEMPORARY"],
    postgresql_on_commit="DELETE ROWS",
)

_MERGE = text(
    """
    MERGE INTO report_figure AS f
    USING new_report_figures AS n
    ON f.snapshot_id = :snapshot_id AND f.level = n.level AND f.area_code = n.area_code
       AND f.measure = n.measure
    WHEN MATCHED AND (f.passed, f.eligible, f.ineligible, f.incomplete, f.n, f.value)
                     IS DISTINCT FROM (n.passed, n.eligible, n.ineligible, n.incomplete, n.n, n.value)
        THEN UPDATE SET passed = n.passed, eligible = n.eligible, ineligible = n.ineligible,
                        incomplete = n.incomplete, n = n.n, value = n.value
    WHEN NOT MATCHED
        THEN INSERT (snapshot_id, audit, cohort, level, area_code, measure, passed, eligible,
                     ineligible, incomplete, n, value, suppressed)
             VALUES (:snapshot_id, :audit, :cohort, n.level, n.area_code, n.measure, n.passed,
                     n.eligible, n.ineligible, n.incomplete, n.n, n.value, false)
    """
)

_DELETE_GONE = text(
    """
    DELETE FROM report_figure AS f
    WHERE f.snapshot_id = :snapshot_id
      AND NOT EXISTS (SELECT 1 FROM new_report_figures AS n
                      WHERE n.level = f.level AND n.area_code = f.area_code AND n.measure = f.measure)
    """
)

_statements: dict[tuple[str, int, str], object] = {}


def _computed(report: AuditReport, dialect: str):
    """Return the statement computing a cohort's figures, built once per report and dialect.

    Building and keying this large statement costs far more than running it, so it is built
    with bound parameters (snapshot, cohort, date) and reused; SQLAlchemy then reuses its
    compiled form.
    """
    key = (report.audit, id(report), dialect)
    if key not in _statements:
        cohort = bindparam("cohort", type_=Integer)
        as_of = bindparam("as_of", type_=Date)
        tidy = tidy_figures(report, cohort=cohort, as_of=as_of, dialect=dialect).subquery("tidy")
        columns = [
            tidy.c.level,
            tidy.c.area_code,
            tidy.c.measure,
            *[tidy.c[c] for c in FIGURE_COLUMNS],
        ]
        if dialect == "postgresql":
            statement = insert(NEW_FIGURES).from_select(
                [c.name for c in NEW_FIGURES.c], select(*columns)
            )
        else:
            source = select(
                bindparam("snapshot_id", type_=Integer), literal(report.audit), cohort, *columns
            )
            target = [
                "snapshot_id",
                "audit",
                "cohort",
                "level",
                "area_code",
                "measure",
                *FIGURE_COLUMNS,
            ]
            statement = insert(ReportFigure.__table__).from_select(target, source)
        _statements[key] = statement
    return _statements[key]


def store_figures(
    connection: Connection, *, report: AuditReport, snapshot_id: int, cohort: int, as_of
) -> None:
    """Make the snapshot's figures exactly the ones computed now."""
    dialect = connection.dialect.name
    parameters = {
        "snapshot_id": snapshot_id,
        "cohort": cohort,
        "as_of": as_of,
        "audit": report.audit,
    }
    if dialect != "postgresql":
        connection.execute(delete(ReportFigure).where(ReportFigure.snapshot_id == snapshot_id))
        connection.execute(_computed(report, dialect), parameters)
        return
    NEW_FIGURES.create(connection, checkfirst=True)
    connection.execute(NEW_FIGURES.delete())
    connection.execute(_computed(report, dialect), parameters)
    # The scratch table has no statistics: left alone, the planner probes the primary key once
    # per figure, or sorts both sides on three text keys; hashing is several times faster.
    connection.execute(text("SET LOCAL enable_nestloop = off"))
    connection.execute(text("SET LOCAL enable_mergejoin = off"))
    connection.execute(_MERGE, parameters)
    connection.execute(_DELETE_GONE, parameters)
