"""The organisation dashboard's services: the view in the URL, the KPI table, case mix,
completeness, and one measure across siblings, the funnel plot and cohorts — each as the viewer
may see it."""

from __future__ import annotations

import pytest

from domain.reporting.funnel import control_limits
from domain.reporting.levels import Level
from portal.access import AccessDenied
from portal.errors import UserError
from portal.roles import Role
from services.reporting.comparison import ABOVE_998, BELOW_998, WITHIN, compare, position
from services.reporting.dashboard import (
    NONE_ELIGIBLE,
    NOT_APPLICABLE,
    SHOWN,
    SUPPRESSED,
    build_dashboard,
)
from services.reporting.dashboard_query import DashboardQuery, resolve_query
from services.reporting.geography import area_keys
from services.reporting.places import organisation_choices
from tests.services.reporting import e12_figures as e12
from tests.support.factories import make_user

TODAY = e12.AS_OF
ECG = "ecg"
MRI = "mri"


@pytest.fixture
def figures(db):
    """Cohort 8: RGT01 30/40 ECG, RGT1W (same trust) 3 of 3, RJZ01 (another trust) 20/30, a Welsh
    site 12/12; cohort 7: RGT01 10/20. Every other measure: all pass, MRI none eligible at RGT01."""
    e12.create(db)
    ids = e12.organisation_ids(db)
    rows = []
    for i in range(40):
        rows.append(e12.child(ids["RGT01"], 8, ecg=int(i < 30), mri=2, sex="2" if i < 10 else "1"))
    rows += [e12.child(ids["RGT1W"], 8) for _ in range(3)]
    rows += [e12.child(ids["RJZ01"], 8, ecg=int(i < 20)) for i in range(30)]
    rows += [e12.child(ids["7A1A1"], 8) for _ in range(12)]
    rows += [e12.child(ids["RGT01"], 8, counted=0, score=None) for _ in range(5)]
    rows += [e12.child(ids["RGT01"], 7, ecg=int(i < 10)) for i in range(20)]
    e12.add_and_aggregate(db, rows, [7, 8])
    yield db
    e12.drop(db)


def _query(**changes) -> DashboardQuery:
    return DashboardQuery("epilepsy12", 8, "RGT01", ECG).with_changes(**changes)


def _row(dashboard, measure):
    return next(r for g in dashboard.groups for r in g.rows if r.measure.name == measure)


def test_a_bare_url_opens_the_users_own_organisation_on_the_submitting_cohort(db):
    user = make_user(db, role=Role.CLINICIAN, ods_code="RGT01")
    query = resolve_query(session=db, user=user, params={}, today=TODAY)
    assert query == DashboardQuery(
        "epilepsy12", 8, "RGT01", "paediatrician_with_expertise_in_epilepsies"
    )
    assert resolve_query(session=db, user=user, params=query.to_params(), today=TODAY) == query


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"audit": "nope"}, "There is no audit called “nope”."),
        ({"cohort": "2"}, "Epilepsy12 has no cohort 2; choose one of Cohort 4, Cohort 5"),
        ({"measure": "made_up"}, "Epilepsy12 has no measure “made_up”."),
    ],
)
def test_a_bad_url_says_what_is_wrong(db, params, message):
    user = make_user(db, role=Role.CLINICIAN, ods_code="RGT01")
    with pytest.raises(UserError, match=message.split(";")[0]):
        resolve_query(session=db, user=user, params=params, today=TODAY)


def test_hospital_staff_may_not_read_audit_results(db):
    nurse = make_user(db, role=Role.NURSE, ods_code="RGT01")
    with pytest.raises(AccessDenied):
        resolve_query(session=db, user=nurse, params={}, today=TODAY)


def test_organisation_choices_are_the_users_scope_or_everything_for_national_staff(db):
    clinician = make_user(db, role=Role.CLINICIAN, ods_code="RGT01")
    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM)
    own = {c.ods_code for c in organisation_choices(session=db, user=clinician)}
    everything = {c.ods_code for c in organisation_choices(session=db, user=national)}
    trust = {
        r["organisation"] for r in db.execute(area_keys(TODAY)).mappings() if r["trust"] == "RGT"
    }
    assert "RGT01" in own and own <= trust and "RJZ01" not in own
    assert len(everything) > 300 and own < everything


@pytest.mark.sqlite
def test_kpi_table_sets_the_organisation_beside_every_area_it_belongs_to(figures):
    user = make_user(figures, role=Role.CLINICIAN, ods_code="RGT01")
    dashboard = build_dashboard(session=figures, user=user, query=_query(), today=TODAY)
    labels = [c.label for c in dashboard.columns]
    assert labels == [
        "Organisation",
        "Trust",
        "Integrated care board",
        "NHS England region",
        "OPEN UK network",
        "Country",
        "England and Wales",
    ]
    ecg = _row(dashboard, ECG).cells
    assert (ecg[0].passed, ecg[0].eligible, ecg[0].percentage) == (30, 40, 75.0)
    assert (ecg[1].area.code, ecg[1].passed, ecg[1].eligible) == ("RGT", 33, 43)
    assert (ecg[-1].passed, ecg[-1].eligible) == (30 + 3 + 20 + 12, 40 + 3 + 30 + 12)
    assert all(c.status == SHOWN for c in ecg)
    mri = _row(dashboard, MRI).cells
    assert mri[0].status == NONE_ELIGIBLE and mri[0].percentage is None
    assert dashboard.snapshot.cohort == 8


def test_sub_measures_are_listed_only_when_asked_for(figures):
    user = make_user(figures, role=Role.CLINICIAN, ods_code="RGT01")
    folded = build_dashboard(session=figures, user=user, query=_query(), today=TODAY)
    unfolded = build_dashboard(session=figures, user=user, query=_query(sub=True), today=TODAY)
    care = {g.name: g for g in folded.groups}["Care planning"]
    assert care.sub_measures == 9
    assert all(r.measure.headline for g in folded.groups for r in g.rows)
    assert sum(len(g.rows) for g in folded.groups) == 12
    assert sum(len(g.rows) for g in unfolded.groups) == 21
    assert [g.name for g in folded.groups] == [
        "Clinical team",
        "Investigations",
        "Mental health",
        "Medication",
        "Care planning",
    ]


def test_a_welsh_organisation_has_a_health_board_and_no_icb_or_region(figures):
    user = make_user(figures, role=Role.CLINICIAN, ods_code="7A1A1")
    dashboard = build_dashboard(
        session=figures, user=user, query=_query(organisation="7A1A1"), today=TODAY
    )
    columns = {c.label: c for c in dashboard.columns}
    assert columns["Local health board"].area.code == "7A1"
    assert columns["Integrated care board"].area is None
    assert columns["Integrated care board"].absent == "Not applicable in Wales"
    assert _row(dashboard, ECG).cells[2].status == NOT_APPLICABLE


@pytest.mark.sqlite
def test_completeness_and_case_mix_count_the_organisations_children(figures):
    user = make_user(figures, role=Role.CLINICIAN, ods_code="RGT01")
    dashboard = build_dashboard(session=figures, user=user, query=_query(), today=TODAY)
    included, excluded = dashboard.completeness
    assert included.counts[0] == 40 and excluded.counts[0] == 5
    assert included.counts[-1] == 85 and excluded.counts[-1] == 5
    sex = {b.name: b for b in dashboard.casemix}["sex"]
    counts = {row.label: row.counts for row in sex.rows}
    assert counts["Female"] == (10, 10) and counts["Male"] == (30, 75)
    assert counts["Not known"] == (0, 0)


def test_another_trusts_organisation_is_refused(figures):
    user = make_user(figures, role=Role.CLINICIAN, ods_code="RGT01")
    with pytest.raises(AccessDenied):
        build_dashboard(session=figures, user=user, query=_query(organisation="RJZ01"), today=TODAY)
    with pytest.raises(AccessDenied):
        resolve_query(session=figures, user=user, params={"organisation": "RJZ01"}, today=TODAY)


def test_national_staff_open_any_organisation_and_default_to_the_busiest(figures):
    national = make_user(figures, role=Role.NATIONAL_AUDIT_TEAM)
    query = resolve_query(session=figures, user=national, params={}, today=TODAY)
    assert query.organisation == "RGT01"
    dashboard = build_dashboard(
        session=figures, user=national, query=_query(organisation="RJZ01"), today=TODAY
    )
    assert (_row(dashboard, ECG).cells[0].passed, _row(dashboard, ECG).cells[0].eligible) == (
        20,
        30,
    )


@pytest.mark.sqlite
def test_comparison_plots_siblings_and_every_organisation_the_viewer_may_see(figures):
    user = make_user(figures, role=Role.CLINICIAN, ods_code="RGT01")
    dashboard = build_dashboard(session=figures, user=user, query=_query(), today=TODAY)
    result = compare(session=figures, user=user, dashboard=dashboard, today=TODAY)
    keys = {r["organisation"]: r for r in figures.execute(area_keys(TODAY)).mappings()}
    icb = keys["RGT01"][Level.INTEGRATED_CARE_BOARD.value]
    assert result.bars.area_name == dashboard.columns[2].area.name
    bar_codes = [c.area.code for c in result.bars.cells]
    assert set(bar_codes) <= {code for code, r in keys.items() if r["integrated_care_board"] == icb}
    assert "RGT01" in bar_codes and "RJZ01" not in bar_codes
    # Another trust's organisation is on the funnel only as the public would see it.
    points = {c.area.code: c for c in result.funnel.points}
    assert points["RGT01"].passed == 30 and points["RGT1W"].eligible == 3
    assert result.funnel.national_rate == pytest.approx(65 / 85)
    assert result.funnel.position == position(65 / 85, 30, 40)
    assert "RJZ01" not in points or points["RJZ01"].eligible >= 5
    assert [p.cohort for p in result.trend] == [7, 8]
    assert (result.trend[0].organisation.passed, result.trend[0].organisation.eligible) == (10, 20)
    assert result.trend[1].national.eligible == 85


def test_small_numbers_of_other_trusts_are_not_plotted(figures):
    user = make_user(figures, role=Role.CLINICIAN, ods_code="RJZ01")
    dashboard = build_dashboard(
        session=figures, user=user, query=_query(organisation="RJZ01"), today=TODAY
    )
    result = compare(session=figures, user=user, dashboard=dashboard, today=TODAY)
    points = {c.area.code for c in result.funnel.points}
    assert "RGT1W" not in points and "RJZ01" in points
    assert result.funnel.not_plotted >= 1
    national = make_user(figures, role=Role.NATIONAL_AUDIT_TEAM)
    everything = compare(session=figures, user=national, dashboard=dashboard, today=TODAY)
    assert "RGT1W" in {c.area.code for c in everything.funnel.points}
    assert everything.funnel.not_plotted == 0
    assert SUPPRESSED  # the status the hidden ones carry


def test_position_against_the_funnel_limits():
    assert position(0.5, 50, 100) == WITHIN
    assert position(0.5, 80, 100) == ABOVE_998
    assert position(0.5, 20, 100) == BELOW_998
    limits = control_limits(0.5, 100, 0.95)
    just_above = int(limits.upper * 100) + 1
    assert position(0.5, just_above, 100) in ("above the 95% upper limit", ABOVE_998)


def test_a_new_submitting_cohort_that_counts_nobody_yet_gives_way_to_the_one_before(figures):
    """On 2 December cohort 9 is being submitted but no child has finished a year of care."""
    december = e12.AS_OF.replace(month=12, day=2)
    user = make_user(figures, role=Role.CLINICIAN, ods_code="RGT01")
    bare = resolve_query(session=figures, user=user, params={}, today=december)
    assert bare.cohort == 8
    chosen = resolve_query(session=figures, user=user, params={"cohort": "9"}, today=december)
    assert chosen.cohort == 9

    e12.add_and_aggregate(figures, [e12.child(e12.organisation_ids(figures)["RJZ01"], 9)], [9])
    assert resolve_query(session=figures, user=user, params={}, today=december).cohort == 9
