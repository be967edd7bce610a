"""Seed the Epilepsy12 lookup lists from the project's own files in ``data/epilepsy12``.

Revision ID: e12_0002
Revises: e12_0001
"""

import csv
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = "e12_0002"
down_revision: str | Sequence[str] | None = "e12_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DATA = Path(__file__).resolve().parents[3] / "data" / "epilepsy12"

syndrome_list = sa.table(
    "e12_syndrome_list",
    sa.column("syndrome_name", sa.String),
    sa.column("active", sa.Boolean),
)
medicine = sa.table(
    "e12_medicine",
    sa.column("medicine_name", sa.String),
    sa.column("concept_id", sa.String),
    sa.column("preferred_term", sa.String),
    sa.column("is_rescue", sa.Boolean),
    sa.column("active", sa.Boolean),
)
comorbidity_list = sa.table(
    "e12_comorbidity_list",
    sa.column("concept_id", sa.String),
    sa.column("preferred_term", sa.String),
    sa.column("active", sa.Boolean),
)
epilepsy_cause = sa.table(
    "e12_epilepsy_cause",
    sa.column("concept_id", sa.String),
    sa.column("preferred_term", sa.String),
    sa.column("active", sa.Boolean),
)
semiology_keyword = sa.table(
    "e12_semiology_keyword",
    sa.column("keyword", sa.String),
    sa.column("category", sa.String),
    sa.column("active", sa.Boolean),
)

#: Each lookup table, the file that fills it, and the columns that identify a row.
SEEDS = (
    (syndrome_list, "syndromes.csv", ("syndrome_name",)),
    (medicine, "medicines.csv", ("medicine_name", "is_rescue")),
    (comorbidity_list, "comorbidities.csv", ("preferred_term",)),
    (epilepsy_cause, "epilepsy_causes.csv", ("preferred_term",)),
    (semiology_keyword, "semiology_keywords.csv", ("keyword",)),
)


def _value(column: sa.ColumnClause, text: str) -> object:
    if isinstance(column.type, sa.Boolean):
        if text not in ("true", "false"):
            raise ValueError(f"{column.name}: expected true or false, got {text!r}")
        return text == "true"
    return text or None


def read_rows(table: sa.TableClause, file_name: str) -> list[dict[str, object]]:
    """Return the rows of ``file_name`` as values for ``table``, every row active."""
    with (DATA / file_name).open(newline="", encoding="utf-8") as handle:
        return [
            {
                **{name: _value(table.c[name], text) for name, text in row.items()},
                "active": True,
            }
            for row in csv.DictReader(handle)
        ]


def upgrade() -> None:
    for table, file_name, _key in SEEDS:
        op.bulk_insert(table, read_rows(table, file_name))


def downgrade() -> None:
    for table, file_name, key in reversed(SEEDS):
        for row in read_rows(table, file_name):
            op.execute(table.delete().where(*(table.c[name] == row[name] for name in key)))
