"""A published cohort with small numbers, then unpublished changes: what the public side must hide.

The scratch audit (``support.SCRATCH_REPORT``, renamed here as cohorts 8 and 9) is registered
beside the real audits for the duration of a test, so the public pages can be asked for it.

* Cohort 8: children at most organisations, several small (1–4) organisations, a trust whose
  other organisation is then secondarily suppressed (RGT01 40 + RGT1W 3), a board with one tiny
  organisation (7A7) and an ICB whose only children are 2 (QSL). Published, then changed:
  1111 more children at RJZ01 (80 before) are aggregated into the working snapshot afterwards.
* Cohort 9: aggregated (working) only, never published.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from sqlalchemy import insert, select

from domain.reporting.levels import Level
from models.reporting import ReportFigure, ReportSnapshot
from portal.roles import Role
from services.reporting import registry
from services.reporting.engine import aggregate
from services.reporting.geography import area_keys
from services.reporting.publication import publish
from tests.services.reporting.support import SCRATCH_REPORT, metadata, scratch_units
from tests.support.factories import make_user

AS_OF = dt.date(2026, 11, 23)
THRESHOLD = 5
PUBLISHED_COHORT = 8
UNPUBLISHED_COHORT = 9
#: Children added to the working snapshot after publication: their numbers must never show.
LATE_CHILDREN = 1111
LATE_ORGANISATION = "RJZ01"

REPORT = replace(
    SCRATCH_REPORT,
    cohorts=lambda today: [PUBLISHED_COHORT, UNPUBLISHED_COHORT],
    default_cohort=lambda today: PUBLISHED_COHORT,
    cohort_label=lambda cohort: f"Cohort {cohort}",
)


@dataclass(frozen=True)
class Scenario:
    report: object
    published_id: int
    working_id: int
    unpublished_working_id: int
    national_user: object


def _children(rng: random.Random, cohort: int, organisation_id: int, count: int) -> list[dict]:
    passing = rng.uniform(0.3, 0.95)
    return [
        {
            "cohort": cohort,
            "organisation_id": organisation_id,
            "counted": 1 if rng.random() > 0.05 else 0,
            "kpi_a": 1 if rng.random() < passing else 0,
            "kpi_b": rng.choice([0, 1, 1, 2]),
            "hba1c": rng.randint(40, 80),
            "sex": rng.choice(["1", "2"]),
        }
        for _ in range(count)
    ]


def _cohort_rows(organisations: dict[str, dict], cohort: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    fixed = {"RGT01": 40, "RGT1W": 3, LATE_ORGANISATION: 80}
    tiny_icb = "QSL"
    rows = []
    for code, keys in sorted(organisations.items()):
        if code in fixed:
            count = fixed[code]
        elif keys[Level.INTEGRATED_CARE_BOARD.value] == tiny_icb:
            count = 0
        elif keys[Level.LOCAL_HEALTH_BOARD.value] == "7A7":
            count = 3
        else:
            roll = rng.random()
            count = 0 if roll < 0.3 else rng.randint(1, 4) if roll < 0.4 else rng.randint(5, 45)
        rows += _children(rng, cohort, keys["organisation_id"], count)
    first_in_tiny_icb = next(
        keys
        for code, keys in sorted(organisations.items())
        if keys[Level.INTEGRATED_CARE_BOARD.value] == tiny_icb
    )
    rows += _children(rng, cohort, first_in_tiny_icb["organisation_id"], 2)
    return rows


def build(db, monkeypatch) -> Scenario:
    """Create, aggregate and publish cohort 8, change it, aggregate cohort 9; register the audit."""
    registry.reports()
    monkeypatch.setitem(registry._reports, REPORT.audit, REPORT)
    metadata.create_all(db.get_bind())
    organisations = {
        row[Level.ORGANISATION.value]: dict(row) for row in db.execute(area_keys(AS_OF)).mappings()
    }
    db.execute(insert(scratch_units), _cohort_rows(organisations, PUBLISHED_COHORT, seed=8))
    aggregate(session=db, report=REPORT, cohort=PUBLISHED_COHORT, as_of=AS_OF)
    db.commit()
    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM)
    published = publish(
        session=db, report=REPORT, cohort=PUBLISHED_COHORT, user=national, threshold=THRESHOLD
    )
    db.commit()
    late = organisations[LATE_ORGANISATION]["organisation_id"]
    db.execute(
        insert(scratch_units),
        [
            {
                "cohort": PUBLISHED_COHORT,
                "organisation_id": late,
                "counted": 1,
                "kpi_a": 1 if i % 7 else 0,
                "kpi_b": 1,
                "hba1c": 99,
                "sex": "1",
            }
            for i in range(LATE_CHILDREN)
        ],
    )
    aggregate(session=db, report=REPORT, cohort=PUBLISHED_COHORT, as_of=AS_OF)
    db.execute(insert(scratch_units), _cohort_rows(organisations, UNPUBLISHED_COHORT, seed=9))
    aggregate(session=db, report=REPORT, cohort=UNPUBLISHED_COHORT, as_of=AS_OF)
    db.commit()
    working = {
        s.cohort: s.id
        for s in db.scalars(select(ReportSnapshot).where(ReportSnapshot.kind == "working"))
    }
    return Scenario(
        REPORT, published.id, working[PUBLISHED_COHORT], working[UNPUBLISHED_COHORT], national
    )


def tear_down(db) -> None:
    db.rollback()
    metadata.drop_all(db.get_bind())
    db.commit()


def figures(db, snapshot_id: int) -> dict[tuple[str, str, str], ReportFigure]:
    """Return a snapshot's figures keyed by (level, area code, measure)."""
    return {
        (f.level, f.area_code, f.measure): f
        for f in db.scalars(select(ReportFigure).where(ReportFigure.snapshot_id == snapshot_id))
    }
