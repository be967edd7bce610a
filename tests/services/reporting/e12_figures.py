"""Epilepsy12 figures without Epilepsy12 records: made-up children in a scratch table, aggregated by
the real engine under the real report definition (measures, levels, breakdowns, capabilities)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from sqlalchemy import Column, Integer, MetaData, String, Table, insert, select

from services.epilepsy12.reporting import REPORT
from services.reporting.engine import aggregate
from services.reporting.geography import area_keys

AS_OF = dt.date(2026, 11, 23)
MEASURES = [spec.name for spec in REPORT.measures]
BREAKDOWNS = [b.name for b in REPORT.breakdowns]

metadata = MetaData()
children = Table(
    "scratch_e12_children",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("cohort", Integer, nullable=False),
    Column("organisation_id", Integer, nullable=False),
    Column("counted", Integer, nullable=False),
    *[Column(name, Integer) for name in MEASURES],
    *[Column(name, String(8)) for name in BREAKDOWNS],
)


def _units(*, cohort: int, as_of: dt.date):
    t = children
    return select(
        t.c.organisation_id, t.c.counted, *[t.c[m] for m in MEASURES], *[t.c[b] for b in BREAKDOWNS]
    ).where(t.c.cohort == cohort)


SCRATCH_E12 = replace(REPORT, units=_units)


def organisation_ids(session) -> dict[str, int]:
    return {
        row["organisation"]: row["organisation_id"]
        for row in session.execute(area_keys(AS_OF)).mappings()
    }


def child(organisation_id: int, cohort: int, *, score: int | None = 1, counted: int = 1, **fields):
    """One child scoring ``score`` on every measure unless a measure is given in ``fields``."""
    row = {"cohort": cohort, "organisation_id": organisation_id, "counted": counted}
    row |= dict.fromkeys(MEASURES, score)
    row |= {"age_band": "5-11", "sex": "1", "ethnicity": "A", "imd_quintile": "3"}
    return row | fields


def random_children(ids: list[int], *, cohort: int, count: int, seed: int = 1) -> list[dict]:
    """``count`` children spread over the organisations, each measure passed with its own rate."""
    rng = random.Random(seed)
    rates = {name: 0.45 + 0.5 * rng.random() for name in MEASURES}
    weights = [rng.random() ** 2 + 0.05 for _ in ids]
    rows = []
    for org in rng.choices(ids, weights=weights, k=count):
        row = child(org, cohort, counted=int(rng.random() > 0.08))
        for name in MEASURES:
            draw = rng.random()
            row[name] = 2 if draw < 0.15 else int(rng.random() < rates[name])
        row["age_band"] = rng.choice(["0", "1-4", "5-11", "12-15", "16+"])
        row["sex"] = rng.choice(["1", "2", "1", "2", "9"])
        row["ethnicity"] = rng.choice(["A", "A", "A", "C", "H", "J", "N", "Z", None])
        row["imd_quintile"] = rng.choice(["1", "2", "3", "4", "5", None])
        rows.append(row)
    return rows


def add_and_aggregate(session, rows: list[dict], cohorts: list[int]) -> None:
    if rows:
        session.execute(insert(children), rows)
    for cohort in cohorts:
        aggregate(session=session, report=SCRATCH_E12, cohort=cohort, as_of=AS_OF)
    session.commit()


def create(session) -> None:
    metadata.create_all(session.get_bind())
    session.commit()


def drop(session) -> None:
    """Drop the scratch table; the ``db`` fixture empties the report tables afterwards."""
    session.rollback()
    metadata.drop_all(session.get_bind())
    session.commit()
