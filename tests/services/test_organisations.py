"""The organisations directory and organisation detail, against the real reference data."""

from __future__ import annotations

import datetime as dt

import pytest
from flask_login import AnonymousUserMixin
from sqlalchemy import func, select

from models.geography import (
    IntegratedCareBoard,
    OpenUKNetwork,
    Organisation,
    OrganisationIntegratedCareBoard,
)
from portal.access import AccessDenied
from portal.roles import Role
from services.organisations import (
    PER_PAGE,
    DirectoryQuery,
    directory_options,
    organisation_detail,
    search_organisations,
)
from tests.support.factories import make_user

pytestmark = pytest.mark.sqlite

#: A day when the 2026 ICBs are in force, so results do not depend on today's date.
IN_2026 = dt.date(2026, 11, 1)
IN_2025 = dt.date(2025, 6, 1)


@pytest.fixture
def user(db):
    return make_user(db, role=Role.CLINICIAN)


def search(db, user, on=IN_2026, **fields):
    return search_organisations(session=db, user=user, query=DirectoryQuery(**fields), on=on)


def all_codes(db, user, **fields) -> list[str]:
    result = search(db, user, **fields)
    codes = [row.ods_code for row in result.rows]
    for page in range(2, result.page_count + 1):
        codes += [row.ods_code for row in search(db, user, page=page, **fields).rows]
    return codes


def active_count(db, *conditions) -> int:
    return db.scalar(select(func.count(Organisation.id)).where(Organisation.active, *conditions))


def test_first_page_counts_every_active_organisation(db, user):
    result = search(db, user)
    assert result.total == active_count(db) == 347
    assert (result.page, result.page_count, result.first, result.last) == (1, 14, 1, 25)
    assert len(result.rows) == PER_PAGE


@pytest.mark.parametrize("text", ["addenbrooke", "ADDENBROOKE'S", "rgt01", "RGT01"])
def test_search_matches_name_or_ods_code_ignoring_case(db, user, text):
    assert [row.ods_code for row in search(db, user, search=text).rows] == ["RGT01"]


def test_search_treats_wildcards_as_plain_text(db, user):
    assert search(db, user, search="%").total == 0
    assert search(db, user, search="_").total == 0


def test_search_matches_part_of_a_name(db, user):
    codes = all_codes(db, user, search="children")
    expected = db.scalars(
        select(Organisation.ods_code).where(
            Organisation.active, func.lower(Organisation.name).contains("children")
        )
    ).all()
    assert sorted(codes) == sorted(expected) and len(codes) > 5


def test_country_filter_keeps_welsh_organisations(db, user):
    result = search(db, user, country="W92000004")
    assert result.total == 28
    assert {row.country_name for row in result.rows} == {"Wales"}


def test_region_filter(db, user):
    codes = all_codes(db, user, region="Y61")
    assert len(codes) == 35
    assert "RGT01" in codes and "RGT1W" not in codes


def test_icb_filter_uses_the_vintage_in_force(db, user):
    in_2026 = all_codes(db, user, icb="S1Y5D")
    expected = db.scalars(
        select(Organisation.ods_code)
        .join(OrganisationIntegratedCareBoard)
        .join(IntegratedCareBoard)
        .where(Organisation.active, IntegratedCareBoard.code == "S1Y5D")
    ).all()
    assert sorted(in_2026) == sorted(expected) and "RGT01" in in_2026
    assert search(db, user, icb="S1Y5D", on=IN_2025).total == 0
    assert "RGT01" in all_codes(db, user, icb="QUE", on=IN_2025)
    assert search(db, user, icb="QUE").total == 0


def test_local_health_board_filter(db, user):
    result = search(db, user, lhb="7A1")
    assert result.total == 6
    assert {row.parent_code for row in result.rows} == {"7A1"}


def test_network_filter(db, user):
    codes = all_codes(db, user, network="EPEN")
    expected = db.scalars(
        select(Organisation.ods_code)
        .join(OpenUKNetwork, Organisation.openuk_network_id == OpenUKNetwork.id)
        .where(Organisation.active, OpenUKNetwork.code == "EPEN")
    ).all()
    assert sorted(codes) == sorted(expected) and "RGT01" in codes


def test_trust_filter(db, user):
    assert sorted(all_codes(db, user, trust="RGT")) == ["RGT01", "RGT1W", "RGT2X"]


def test_filters_combine(db, user):
    assert all_codes(db, user, region="Y61", search="addenbrooke") == ["RGT01"]
    assert search(db, user, lhb="7A1", region="Y61").total == 0


@pytest.mark.parametrize(
    ("sort", "key"),
    [
        ("name", lambda row: row.name.lower()),
        ("ods_code", lambda row: row.ods_code),
        ("parent", lambda row: (row.parent_name or "").lower()),
        ("region", lambda row: (row.region_name or "").lower()),
    ],
)
def test_sort_both_ways(db, user, sort, key):
    ascending = search(db, user, country="E92000001", sort=sort, descending=False).rows
    descending = search(db, user, country="E92000001", sort=sort, descending=True).rows
    assert [key(r) for r in ascending] == sorted(key(r) for r in ascending)
    assert [key(r) for r in descending] == sorted((key(r) for r in descending), reverse=True)
    assert key(ascending[0]) < key(descending[0])


def test_sort_by_icb_puts_organisations_without_one_last_both_ways(db, user):
    for descending in (False, True):
        result = search(db, user, sort="icb", descending=descending, page=99)
        assert result.rows[-1].icb_name is None
        first = search(db, user, sort="icb", descending=descending).rows
        assert all(row.icb_name for row in first)
    first_up = search(db, user, sort="icb").rows[0].icb_name
    first_down = search(db, user, sort="icb", descending=True).rows[0].icb_name
    assert first_up.lower() < first_down.lower()


def test_page_two_shows_the_next_twenty_five(db, user):
    one, two = search(db, user, page=1), search(db, user, page=2)
    assert (two.first, two.last) == (26, 50)
    assert not {r.ods_code for r in one.rows} & {r.ods_code for r in two.rows}


def test_page_beyond_the_last_shows_the_last(db, user):
    result = search(db, user, page=500)
    assert (result.page, result.page_count, result.first, result.last) == (14, 14, 326, 347)
    assert len(result.rows) == 22
    assert result.query.page == 14


def test_no_match_is_an_empty_first_page(db, user):
    result = search(db, user, search="no such hospital")
    assert (result.total, result.page, result.page_count, result.rows) == (0, 1, 1, [])
    assert (result.first, result.last) == (0, 0)


def test_query_round_trips_through_the_url():
    query = DirectoryQuery(search="royal", region="Y61", sort="icb", descending=True, page=3)
    assert DirectoryQuery.from_params(query.to_params()) == query
    assert DirectoryQuery().to_params() == {}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"page": "abc"}, DirectoryQuery()),
        ({"page": "-4"}, DirectoryQuery()),
        ({"sort": "password_hash"}, DirectoryQuery()),
        ({"region": " y61 "}, DirectoryQuery(region="Y61")),
        ({"region": "any"}, DirectoryQuery()),
        ({"q": "x" * 500}, DirectoryQuery(search="x" * 100)),
    ],
)
def test_malformed_url_values_fall_back_to_defaults(params, expected):
    assert DirectoryQuery.from_params(params) == expected


def test_options_come_from_the_database(db, user):
    options = directory_options(session=db, user=user, on=IN_2026)
    assert [o.code for o in options.country] == ["L93000001", "E92000001", "W92000004"]
    assert len(options.region) == 7
    assert len(options.icb) == 36 and "S1Y5D" in {o.code for o in options.icb}
    assert len(options.lhb) == 7
    assert len(options.network) == 15
    assert {"RGT", "R0A"} <= {o.code for o in options.trust}
    older = directory_options(session=db, user=user, on=IN_2025)
    assert len(older.icb) == 42


def test_directory_needs_a_signed_in_user(db):
    with pytest.raises(AccessDenied):
        search_organisations(session=db, user=AnonymousUserMixin(), query=DirectoryQuery())
    with pytest.raises(AccessDenied):
        directory_options(session=db, user=AnonymousUserMixin())
    with pytest.raises(AccessDenied):
        organisation_detail(session=db, user=AnonymousUserMixin(), ods_code="RGT01")


def test_english_organisation_has_its_whole_hierarchy(db, user):
    detail = organisation_detail(session=db, user=user, ods_code="rgt01", on=IN_2026)
    assert detail.name == "ADDENBROOKE'S HOSPITAL"
    assert detail.trust.code == "RGT" and detail.local_health_board is None
    assert [(i.code, i.current) for i in detail.icbs] == [("S1Y5D", True), ("QUE", False)]
    assert detail.icbs[1].valid_to == dt.date(2026, 4, 1)
    assert detail.region.code == "Y61"
    assert detail.network.code == "EPEN"
    assert detail.diabetes_unit == "PZ041" and detail.diabetes_network.code == "PN06"
    assert detail.country.name == "England"
    assert [s.code for s in detail.siblings] == ["RGT1W", "RGT2X"]
    focus = detail.map_focus
    assert (focus.layer, focus.code) == ("icb_2026", "S1Y5D")
    assert focus.bounds.west < detail.longitude < focus.bounds.east
    assert focus.bounds.south < detail.latitude < focus.bounds.north


def test_map_follows_the_vintage_in_force(db, user):
    focus = organisation_detail(session=db, user=user, ods_code="RGT01", on=IN_2025).map_focus
    assert (focus.layer, focus.code) == ("icb_2023", "QUE")


def test_london_organisation_has_its_borough(db, user):
    london = db.scalar(
        select(Organisation.ods_code).where(Organisation.london_borough_id.is_not(None)).limit(1)
    )
    detail = organisation_detail(session=db, user=user, ods_code=london, on=IN_2026)
    assert detail.london_borough is not None and detail.region.code == "Y56"


def test_welsh_organisation_has_a_health_board_instead_of_trust_and_icb(db, user):
    detail = organisation_detail(session=db, user=user, ods_code="7A1A1", on=IN_2026)
    assert detail.trust is None and detail.icbs == [] and detail.region is None
    assert detail.local_health_board.code == "7A1"
    assert detail.country.code == "W92000004"
    assert len(detail.siblings) == 5
    assert (detail.map_focus.layer, detail.map_focus.code) == ("local_health_board", "7A1")
    row = search(db, user, search="7A1A1").rows[0]
    assert (row.parent_code, row.icb_code, row.region_code) == ("7A1", None, None)


def test_jersey_has_no_icb_region_or_boundary(db, user):
    detail = organisation_detail(session=db, user=user, ods_code="RGT1W", on=IN_2026)
    assert detail.icbs == [] and detail.region is None
    assert detail.country.code == "L93000001"
    assert detail.map_focus is None
    assert detail.latitude is not None
    row = search(db, user, search="RGT1W").rows[0]
    assert (row.icb_code, row.region_code, row.country_name) == (None, None, "Channel Islands")


def test_unknown_ods_code_is_none(db, user):
    assert organisation_detail(session=db, user=user, ods_code="XXXXX") is None
