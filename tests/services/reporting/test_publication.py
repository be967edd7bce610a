"""Publication: a suppressed, attributed copy that nothing can change afterwards."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from domain.reporting.disclosure import recoverable
from models.reporting import ReportFigure, ReportSnapshot
from portal.access import AccessDenied
from portal.errors import UserError
from portal.roles import Role
from services.reporting.engine import aggregate
from services.reporting.partitions import partitions
from services.reporting.publication import latest_published, publish
from tests.services.reporting.support import SCRATCH_REPORT, metadata, scratch_units
from tests.support.factories import make_user

AS_OF = dt.date(2026, 11, 23)


@pytest.fixture
def aggregated(db):
    metadata.create_all(db.get_bind())
    from services.reporting.geography import area_keys

    orgs = {
        r["organisation"]: r["organisation_id"] for r in db.execute(area_keys(AS_OF)).mappings()
    }
    rows = []
    # RGT01: 40 children; RGT1W (same trust): 3 children -> a small count inside trust RGT.
    for i in range(40):
        rows.append(
            {
                "cohort": 9,
                "organisation_id": orgs["RGT01"],
                "counted": 1,
                "kpi_a": i % 2,
                "kpi_b": 1,
                "hba1c": 50,
            }
        )
    for _ in range(3):
        rows.append(
            {
                "cohort": 9,
                "organisation_id": orgs["RGT1W"],
                "counted": 1,
                "kpi_a": 1,
                "kpi_b": 1,
                "hba1c": 60,
            }
        )
    for i in range(30):
        rows.append(
            {
                "cohort": 9,
                "organisation_id": orgs["RJZ01"],
                "counted": 1,
                "kpi_a": 1,
                "kpi_b": i % 3,
                "hba1c": 70,
            }
        )
    db.execute(insert(scratch_units), rows)
    aggregate(session=db, report=SCRATCH_REPORT, cohort=9, as_of=AS_OF)
    db.commit()
    yield db
    db.rollback()
    metadata.drop_all(db.get_bind())
    db.commit()


@pytest.mark.sqlite
def test_published_figures_hide_small_counts_and_what_reveals_them(aggregated):
    db = aggregated
    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM)
    snapshot = publish(session=db, report=SCRATCH_REPORT, cohort=9, user=national, threshold=5)
    db.commit()
    figures = {
        (f.level, f.area_code, f.measure): f
        for f in db.scalars(select(ReportFigure).where(ReportFigure.snapshot_id == snapshot.id))
    }
    small = figures[("organisation", "RGT1W", "kpi_a")]
    assert small.suppressed and small.eligible is None and small.passed is None
    # Trust RGT = RGT01 + RGT1W, so RGT01 must go too (otherwise trust − RGT01 = RGT1W).
    assert figures[("organisation", "RGT01", "kpi_a")].eligible is None
    assert figures[("national", "national", "kpi_a")].eligible == 73
    eligible = {(lv, code): f.eligible for (lv, code, m), f in figures.items() if m == "kpi_a"}
    private = {
        (f.level, f.area_code): f.eligible
        for f in db.scalars(
            select(ReportFigure).where(
                ReportFigure.snapshot_id == snapshot.source_snapshot_id,
                ReportFigure.measure == "kpi_a",
            )
        )
    }
    hidden = {area for area, value in eligible.items() if value is None}
    parts = partitions(db, levels=SCRATCH_REPORT.levels, as_of=AS_OF)
    assert recoverable(private, hidden, parts) == []
    for f in figures.values():
        for count in (f.passed, f.eligible, f.n):
            assert count is None or not 0 < count < 5
        assert f.ineligible is None and f.incomplete is None
    assert snapshot.published_by_id == national.id and snapshot.published_at is not None
    assert latest_published(db, audit="scratch", cohort=9).id == snapshot.id


@pytest.mark.sqlite
def test_published_snapshot_never_changes(aggregated):
    db = aggregated
    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM)
    snapshot_id = publish(
        session=db, report=SCRATCH_REPORT, cohort=9, user=national, threshold=5
    ).id
    db.commit()
    for statement in (
        update(ReportFigure).where(ReportFigure.snapshot_id == snapshot_id).values(passed=1),
        delete(ReportFigure).where(ReportFigure.snapshot_id == snapshot_id),
        update(ReportSnapshot).where(ReportSnapshot.id == snapshot_id).values(note="changed"),
        delete(ReportSnapshot).where(ReportSnapshot.id == snapshot_id),
    ):
        with pytest.raises(DBAPIError, match="never change"):
            db.execute(statement)
        db.rollback()
    # Re-aggregating the working snapshot leaves the published one as it was.
    before = db.scalar(
        select(text("count(*)"))
        .select_from(ReportFigure)
        .where(ReportFigure.snapshot_id == snapshot_id)
    )
    aggregate(session=db, report=SCRATCH_REPORT, cohort=9, as_of=AS_OF)
    db.commit()
    after = db.scalar(
        select(text("count(*)"))
        .select_from(ReportFigure)
        .where(ReportFigure.snapshot_id == snapshot_id)
    )
    assert before == after


def test_no_figure_can_be_added_to_a_published_snapshot_later(aggregated):
    db = aggregated
    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM)
    snapshot_id = publish(
        session=db, report=SCRATCH_REPORT, cohort=9, user=national, threshold=5
    ).id
    db.commit()
    with pytest.raises(DBAPIError, match="never change"):
        db.execute(
            insert(ReportFigure).values(
                snapshot_id=snapshot_id,
                audit="scratch",
                cohort=9,
                level="organisation",
                area_code="XXX",
                measure="kpi_a",
                passed=2,
                eligible=3,
            )
        )
    db.rollback()


def test_only_holders_of_the_publish_capability_may_publish(aggregated):
    clinician = make_user(aggregated, role=Role.LEAD_CLINICIAN)
    with pytest.raises(AccessDenied):
        publish(session=aggregated, report=SCRATCH_REPORT, cohort=9, user=clinician, threshold=5)


def test_publishing_an_unaggregated_cohort_says_so(db):
    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM)
    with pytest.raises(UserError, match="has not been aggregated"):
        publish(session=db, report=SCRATCH_REPORT, cohort=99, user=national, threshold=5)
