"""The public reading helpers: published, suppressed figures only, whatever the working ones say."""

from __future__ import annotations

import dataclasses

import pytest

from domain.reporting.levels import Level
from services.reporting.map_layers import boundaries, layer_for
from services.reporting.public import (
    MAP_LEVELS,
    PUBLIC_EXPORT_COLUMNS,
    Status,
    area_figures,
    comparison,
    export_row,
    level_results,
    newest_published_cohort,
    organisation_results,
    published_organisations,
    published_snapshot,
    shown_measures,
)
from services.reporting.registry import CHILDREN_INCLUDED
from tests.services.reporting import public_scenario as scenario

TODAY = scenario.AS_OF
pytestmark = pytest.mark.sqlite


@pytest.fixture
def world(db, monkeypatch):
    built = scenario.build(db, monkeypatch)
    yield built
    scenario.tear_down(db)


@pytest.fixture
def published(db, world):
    return published_snapshot(session=db, report=world.report, cohort=scenario.PUBLISHED_COHORT)


def test_only_the_published_snapshot_is_read_and_unpublished_cohorts_have_none(db, world):
    snapshot = published_snapshot(session=db, report=world.report, cohort=scenario.PUBLISHED_COHORT)
    assert snapshot.id == world.published_id and snapshot.published
    assert snapshot.id != world.working_id
    assert (
        published_snapshot(session=db, report=world.report, cohort=scenario.UNPUBLISHED_COHORT)
        is None
    )
    assert newest_published_cohort(session=db, report=world.report, today=TODAY) == 8


def test_level_results_are_the_published_figures_with_names_and_empty_areas(db, world, published):
    stored = scenario.figures(db, world.published_id)
    working = scenario.figures(db, world.working_id)
    kpi_a = world.report.measure("kpi_a")
    for level in MAP_LEVELS:
        rows = level_results(
            session=db, report=world.report, snapshot=published, measure=kpi_a, level=level
        )
        assert rows, level
        for row in rows:
            figure = stored.get((level.value, row.code, "kpi_a"))
            if figure is None:
                assert row.result.status is Status.NO_DATA
                continue
            assert (row.result.passed, row.result.eligible) == (figure.passed, figure.eligible)
            assert row.name and row.name != row.code
    regions = {
        r.code: r
        for r in level_results(
            session=db,
            report=world.report,
            snapshot=published,
            measure=kpi_a,
            level=Level.NHS_ENGLAND_REGION,
        )
    }
    # RJZ01's region changed after publication; the public still sees the published count.
    region = regions["Y56"].result
    assert region.eligible == stored[("nhs_england_region", "Y56", "kpi_a")].eligible
    assert region.eligible != working[("nhs_england_region", "Y56", "kpi_a")].eligible


def test_small_areas_are_suppressed_and_no_count_below_the_threshold_is_returned(
    db, world, published
):
    for spec in shown_measures(world.report):
        for level in MAP_LEVELS:
            for row in level_results(
                session=db, report=world.report, snapshot=published, measure=spec, level=level
            ):
                for count in (row.result.passed, row.result.eligible, row.result.n):
                    assert count is None or not 0 < count < scenario.THRESHOLD
    icbs = {
        r.code: r
        for r in level_results(
            session=db,
            report=world.report,
            snapshot=published,
            measure=world.report.measure("kpi_a"),
            level=Level.INTEGRATED_CARE_BOARD,
        )
    }
    assert icbs["QSL"].result.status is Status.SUPPRESSED
    assert icbs["QSL"].result.percentage is None


def test_organisation_points_carry_the_published_result_and_a_location(db, world, published):
    stored = scenario.figures(db, world.published_id)
    points = organisation_results(
        session=db, snapshot=published, measure=world.report.measure("kpi_a")
    )
    assert len(points) > 100
    for point in points:
        figure = stored[("organisation", point.ods_code, "kpi_a")]
        assert (point.result.passed, point.result.eligible) == (figure.passed, figure.eligible)
        assert (point.result.status is Status.SUPPRESSED) == figure.suppressed
        assert -8 < point.longitude < 3 and 49 < point.latitude < 56
    by_code = {p.ods_code: p for p in points}
    rjz = by_code[scenario.LATE_ORGANISATION]
    assert rjz.result.eligible is not None and rjz.result.eligible < scenario.LATE_CHILDREN
    working = scenario.figures(db, world.working_id)
    secondary = [
        p
        for p in points
        if p.result.status is Status.SUPPRESSED
        and working[("organisation", p.ods_code, "kpi_a")].eligible >= scenario.THRESHOLD
    ]
    assert secondary, "some organisation is hidden only to protect a small neighbour"


def test_comparison_puts_the_organisation_beside_each_of_its_areas(db, world, published):
    found = comparison(session=db, report=world.report, snapshot=published, ods_code="RJZ01")
    levels = [column.level for column in found.columns]
    assert levels == [
        Level.ORGANISATION,
        Level.TRUST,
        Level.INTEGRATED_CARE_BOARD,
        Level.NHS_ENGLAND_REGION,
        Level.OPENUK_NETWORK,
        Level.COUNTRY,
        Level.NATIONAL,
    ]
    assert [c.code for c in found.columns][:4] == ["RJZ01", "RJZ", "QKK", "Y56"]
    stored = scenario.figures(db, world.published_id)
    national = found.columns[-1]
    assert national.result.n == stored[("national", "national", CHILDREN_INCLUDED)].n
    assert [spec.name for spec, _ in found.rows] == ["kpi_a", "kpi_b", "hba1c"]
    kpi_a = found.rows[0][1]
    assert kpi_a[0].eligible == stored[("organisation", "RJZ01", "kpi_a")].eligible
    assert comparison(session=db, report=world.report, snapshot=published, ods_code="NOPE") is None


def test_a_welsh_organisation_is_compared_with_its_health_board(db, world, published):
    found = comparison(session=db, report=world.report, snapshot=published, ods_code="7A1A1")
    if found is None:
        pytest.skip("7A1A1 not in the reference data")
    levels = [column.level for column in found.columns]
    assert Level.LOCAL_HEALTH_BOARD in levels and Level.TRUST not in levels
    assert Level.INTEGRATED_CARE_BOARD not in levels


def test_area_figures_list_every_measure_and_refuse_unknown_areas(db, world, published):
    area, results = area_figures(
        session=db,
        report=world.report,
        snapshot=published,
        level=Level.LOCAL_HEALTH_BOARD,
        code="7A7",
    )
    assert area.name and results[0].measure.name == CHILDREN_INCLUDED
    assert all(r.status is Status.SUPPRESSED for r in results if r.found)
    for level, code in [
        (Level.LOCAL_HEALTH_BOARD, "XXX"),
        (Level.PAEDIATRIC_DIABETES_UNIT, "PZ041"),  # a level this audit does not report
    ]:
        assert (
            area_figures(
                session=db, report=world.report, snapshot=published, level=level, code=code
            )
            is None
        )


def test_published_organisations_are_those_with_published_figures(db, world, published):
    codes = dict(published_organisations(session=db, snapshot=published))
    assert "RGT01" in codes and scenario.LATE_ORGANISATION in codes
    assert all(name for name in codes.values())


def test_export_rows_say_suppressed_and_hold_no_private_column(db, world, published):
    area, results = area_figures(
        session=db, report=world.report, snapshot=published, level=Level.ORGANISATION, code="RGT1W"
    )
    rows = [export_row(cohort=8, area=area, result=r) for r in results]
    assert set(PUBLIC_EXPORT_COLUMNS) <= set(rows[0])
    assert all(row["status"] == "suppressed" and row["suppressed"] for row in rows)
    assert all(row["passed"] is None and row["eligible"] is None for row in rows)
    assert "ineligible" not in PUBLIC_EXPORT_COLUMNS and "incomplete" not in PUBLIC_EXPORT_COLUMNS


def test_result_status_words():
    spec = scenario.REPORT.measure("kpi_a")
    from services.reporting.public import Result

    assert Result(spec, 3, 10).status is Status.RESULT
    assert Result(spec, None, None, suppressed=True).status is Status.SUPPRESSED
    assert Result(spec, None, 50, suppressed=True).status is Status.SUPPRESSED
    assert Result(spec, 0, 0).status is Status.NONE_ELIGIBLE
    assert Result(spec, found=False).status is Status.NO_DATA
    median = scenario.REPORT.measure("hba1c")
    assert Result(median, n=0, value=None).status is Status.NONE_ELIGIBLE
    assert Result(median, n=12, value=51.5).shown == 51.5
    assert dataclasses.is_dataclass(Result)


def test_map_layers_follow_the_snapshot_date_and_return_boundaries(db):
    import datetime as dt

    assert layer_for(
        session=db, level=Level.INTEGRATED_CARE_BOARD, as_of=dt.date(2026, 11, 23)
    ) == ("icb_2026")
    assert layer_for(session=db, level=Level.INTEGRATED_CARE_BOARD, as_of=dt.date(2025, 6, 1)) == (
        "icb_2023"
    )
    assert layer_for(session=db, level=Level.COUNTRY, as_of=dt.date(2026, 1, 1)) == "country"
    shapes = boundaries(
        session=db, level=Level.LOCAL_HEALTH_BOARD, as_of=dt.date(2026, 1, 1), codes=["7A7", "X"]
    )
    assert len(shapes) == 1 and '"coordinates"' in shapes[0]
