"""A made-up audit whose per-child rows live in a scratch table, to test the engine alone."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Integer, MetaData, String, Table, select

from domain.reporting.levels import Level
from services.reporting.registry import AuditReport, Breakdown, MeasureSpec, Statistic

metadata = MetaData()
scratch_units = Table(
    "scratch_units",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("cohort", Integer, nullable=False),
    Column("organisation_id", Integer, nullable=False),
    Column("counted", Integer, nullable=False),
    Column("kpi_a", Integer),
    Column("kpi_b", Integer),
    Column("hba1c", Integer),
    Column("sex", String(1)),
)

LEVELS = (
    Level.ORGANISATION,
    Level.TRUST,
    Level.LOCAL_HEALTH_BOARD,
    Level.INTEGRATED_CARE_BOARD,
    Level.NHS_ENGLAND_REGION,
    Level.OPENUK_NETWORK,
    Level.COUNTRY,
    Level.NATIONAL,
)


def _units(*, cohort: int, as_of: dt.date):
    t = scratch_units
    return select(t.c.organisation_id, t.c.counted, t.c.kpi_a, t.c.kpi_b, t.c.hba1c, t.c.sex).where(
        t.c.cohort == cohort
    )


SCRATCH_REPORT = AuditReport(
    audit="scratch",
    title="Scratch audit",
    levels=LEVELS,
    measures=(
        MeasureSpec("kpi_a", "A"),
        MeasureSpec("kpi_b", "B"),
        MeasureSpec("hba1c", "Median HbA1c", statistic=Statistic.MEDIAN),
    ),
    units=_units,
    cohorts=lambda today: [1, 2],
    default_cohort=lambda today: 1,
    breakdowns=(Breakdown("sex", "Sex", {"1": "Male", "2": "Female"}),),
    capability_read="directory.read",
    capability_publish="system.admin",
)
