"""The aggregation engine stores exactly what a plain Python recount gives, at every level."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select

from domain.reporting.levels import Level
from models.reporting import ReportFigure, ReportSnapshot
from services.reporting.engine import aggregate
from services.reporting.geography import area_keys
from services.reporting.registry import CHILDREN_EXCLUDED_INCOMPLETE, CHILDREN_INCLUDED
from tests.services.reporting.support import LEVELS, SCRATCH_REPORT, metadata, scratch_units

AS_OF = dt.date(2026, 11, 23)
#: English sites in two trusts, Welsh sites in one board, and Jersey: every kind of hierarchy.
SAMPLE_ODS = ["RGT01", "RGT1W", "RJZ01", "RJZ30", "7A1A1", "7A3B7", "RP401"]


@pytest.fixture
def scratch(db):
    metadata.create_all(db.get_bind())
    db.commit()
    yield db
    db.rollback()
    db.execute(delete(ReportFigure))
    db.execute(delete(ReportSnapshot))
    db.commit()
    metadata.drop_all(db.get_bind())
    db.commit()


@pytest.fixture
def organisations(db):
    rows = db.execute(area_keys(AS_OF)).mappings().all()
    by_ods = {row["organisation"]: row for row in rows}
    sample = [by_ods[code] for code in SAMPLE_ODS if code in by_ods]
    assert len(sample) >= 5, "reference data not loaded"
    return sample


def _recount(children, organisations):
    """Count what every figure should be, the slow obvious way."""
    keys = {org["organisation_id"]: org for org in organisations}
    expected: dict[tuple, dict] = defaultdict(lambda: defaultdict(int))
    medians: dict[tuple, list] = defaultdict(list)
    for child in children:
        org = keys[child["organisation_id"]]
        for level in LEVELS:
            area = org[level.value]
            if area is None:
                continue
            figure = expected[(level.value, area)]
            if not child["counted"]:
                figure["excluded"] += 1
                continue
            figure["included"] += 1
            figure[f"casemix.sex.{child.get('sex') or 'unknown'}"] += 1
            for kpi in ("kpi_a", "kpi_b"):
                score = child[kpi]
                figure[f"{kpi}.passed"] += score == 1
                figure[f"{kpi}.eligible"] += score in (0, 1)
                figure[f"{kpi}.ineligible"] += score == 2
                figure[f"{kpi}.incomplete"] += score is None
            if child["hba1c"] is not None:
                medians[(level.value, area)].append(child["hba1c"])
    return expected, medians


def _stored(db):
    rows = db.scalars(select(ReportFigure)).all()
    return {(r.level, r.area_code, r.measure): r for r in rows}


child_strategy = st.fixed_dictionaries(
    {
        "org": st.integers(min_value=0, max_value=len(SAMPLE_ODS) - 1),
        "counted": st.booleans(),
        "kpi_a": st.sampled_from([0, 1, 2, None]),
        "kpi_b": st.sampled_from([0, 1, 2, None]),
        "hba1c": st.one_of(st.none(), st.integers(min_value=30, max_value=120)),
        "sex": st.sampled_from(["1", "2", None]),
    }
)


@pytest.mark.sqlite
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    children=st.lists(child_strategy, max_size=40),
    transfers=st.lists(st.tuples(st.integers(0, 39), st.integers(0, 6)), max_size=5),
)
def test_every_figure_equals_a_plain_recount(scratch, organisations, children, transfers):
    db = scratch
    db.execute(delete(scratch_units))
    rows = [
        {
            "cohort": 7,
            "organisation_id": organisations[c["org"] % len(organisations)]["organisation_id"],
            "counted": int(c["counted"]),
            "kpi_a": c["kpi_a"],
            "kpi_b": c["kpi_b"],
            "hba1c": c["hba1c"],
            "sex": c["sex"],
        }
        for c in children
    ]
    # A transfer moves a child to another organisation before aggregation: counted where now.
    for index, target in transfers:
        if index < len(rows):
            rows[index]["organisation_id"] = organisations[target % len(organisations)][
                "organisation_id"
            ]
    if rows:
        db.execute(insert(scratch_units), rows)
    result = aggregate(session=db, report=SCRATCH_REPORT, cohort=7, as_of=AS_OF)
    db.commit()

    expected, medians = _recount(rows, organisations)
    stored = _stored(db)
    for (level, area), figure in expected.items():
        assert stored[(level, area, CHILDREN_INCLUDED)].n == figure["included"]
        assert stored[(level, area, CHILDREN_EXCLUDED_INCOMPLETE)].n == figure["excluded"]
        for kpi in ("kpi_a", "kpi_b"):
            row = stored[(level, area, kpi)]
            assert (row.passed, row.eligible, row.ineligible, row.incomplete) == (
                figure[f"{kpi}.passed"],
                figure[f"{kpi}.eligible"],
                figure[f"{kpi}.ineligible"],
                figure[f"{kpi}.incomplete"],
            ), (level, area, kpi)
        for key, count in figure.items():
            if key.startswith("casemix."):
                assert stored[(level, area, key)].n == count, (level, area, key)
        values = medians.get((level, area))
        median_row = stored.get((level, area, "hba1c"))
        if values:
            assert median_row.n == len(values)
            assert median_row.value == pytest.approx(statistics.median(values))
        else:
            assert median_row is None or (median_row.n == 0 and median_row.value is None)
    casemix = {k for k in stored if k[2].startswith("casemix.")}
    assert casemix == {
        (lv, a, key) for (lv, a), f in expected.items() for key in f if key.startswith("casemix.")
    }
    areas_with_children = {key for key in stored if key[2] == CHILDREN_INCLUDED}
    assert {(lv, a, CHILDREN_INCLUDED) for (lv, a) in expected} == areas_with_children
    assert result.children_included == sum(1 for r in rows if r["counted"])


@pytest.mark.sqlite
def test_running_twice_gives_the_same_table(scratch, organisations):
    db = scratch
    org_ids = [o["organisation_id"] for o in organisations]
    db.execute(
        insert(scratch_units),
        [
            {
                "cohort": 3,
                "organisation_id": org_ids[i % len(org_ids)],
                "counted": i % 4 != 0,
                "kpi_a": i % 3,
                "kpi_b": None if i % 5 == 0 else 1,
                "hba1c": 40 + i,
            }
            for i in range(60)
        ],
    )
    first = aggregate(session=db, report=SCRATCH_REPORT, cohort=3, as_of=AS_OF)
    db.commit()
    before = {
        k: (r.passed, r.eligible, r.ineligible, r.incomplete, r.n, r.value)
        for k, r in _stored(db).items()
    }
    second = aggregate(session=db, report=SCRATCH_REPORT, cohort=3, as_of=AS_OF)
    db.commit()
    after = {
        k: (r.passed, r.eligible, r.ineligible, r.incomplete, r.n, r.value)
        for k, r in _stored(db).items()
    }
    assert before == after
    assert first.snapshot_id == second.snapshot_id
    assert (
        db.scalar(select(ReportSnapshot.id).where(ReportSnapshot.kind == "working"))
        == first.snapshot_id
    )


def test_national_level_counts_every_child(scratch, organisations):
    db = scratch
    db.execute(
        insert(scratch_units),
        [
            {
                "cohort": 5,
                "organisation_id": organisations[0]["organisation_id"],
                "counted": 1,
                "kpi_a": 1,
                "kpi_b": 0,
                "hba1c": None,
            },
            {
                "cohort": 5,
                "organisation_id": organisations[-1]["organisation_id"],
                "counted": 1,
                "kpi_a": 0,
                "kpi_b": 2,
                "hba1c": None,
            },
        ],
    )
    aggregate(session=db, report=SCRATCH_REPORT, cohort=5, as_of=AS_OF)
    national = _stored(db)[(Level.NATIONAL.value, "national", "kpi_a")]
    assert (national.passed, national.eligible) == (1, 2)
