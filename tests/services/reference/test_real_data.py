"""The real reference files, as loaded into the test database when the test process starts."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from models.geography import (
    Country,
    IntegratedCareBoard,
    IntegratedCareBoardSuccession,
    LocalHealthBoard,
    LondonBorough,
    NHSEnglandRegion,
    OpenUKNetwork,
    OpenUKNetworkMember,
    Organisation,
    OrganisationIntegratedCareBoard,
    PaediatricDiabetesNetwork,
    PaediatricDiabetesUnit,
    PaediatricDiabetesUnitLead,
    Trust,
    TrustSuccession,
)

pytestmark = pytest.mark.sqlite

APRIL_2023 = dt.date(2023, 4, 1)
APRIL_2026 = dt.date(2026, 4, 1)


def _count(db, model, *where) -> int:
    return db.scalar(select(func.count()).select_from(model).where(*where))


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        (Organisation, 347),
        (Trust, 241),
        (NHSEnglandRegion, 7),
        (LocalHealthBoard, 7),
        (OpenUKNetwork, 15),
        (Country, 5),
        (LondonBorough, 33),
        (PaediatricDiabetesNetwork, 12),
        (TrustSuccession, 32),
        (IntegratedCareBoardSuccession, 46),
        (OpenUKNetworkMember, 159),
        (PaediatricDiabetesUnitLead, 173),
    ],
    ids=lambda value: getattr(value, "__tablename__", str(value)),
)
def test_counts_match_the_readme(db, model, expected):
    assert _count(db, model) == expected


def test_both_icb_vintages_are_kept_with_their_validity(db):
    by_period = db.execute(
        select(IntegratedCareBoard.valid_from, IntegratedCareBoard.valid_to, func.count())
        .group_by(IntegratedCareBoard.valid_from, IntegratedCareBoard.valid_to)
        .order_by(IntegratedCareBoard.valid_from)
    ).all()
    assert [tuple(row) for row in by_period] == [
        (APRIL_2023, APRIL_2026, 42),
        (APRIL_2026, None, 36),
    ]
    hampshire = db.scalars(
        select(IntegratedCareBoard).where(IntegratedCareBoard.code == "QRL")
        .order_by(IntegratedCareBoard.valid_from)
    ).all()  # fmt: skip
    assert [icb.boundary_identifier for icb in hampshire] == ["E54000042", "E54000067"]
    assert all(icb.geometry.startswith('{"type":') for icb in hampshire)


def test_every_english_organisation_has_one_icb_per_vintage(db):
    links = (
        select(OrganisationIntegratedCareBoard.organisation_id, func.count().label("n"))
        .join(IntegratedCareBoard)
        .group_by(OrganisationIntegratedCareBoard.organisation_id)
        .subquery()
    )
    england = select(Country.id).where(Country.code == "E92000001").scalar_subquery()
    counts = db.execute(
        select(Organisation.country_id == england, links.c.n)
        .select_from(Organisation)
        .outerjoin(links, links.c.organisation_id == Organisation.id)
    ).all()
    assert {(bool(english), n) for english, n in counts} == {(True, 2), (False, None)}
    assert sum(1 for english, _n in counts if english) == 318


def test_the_2026_icb_of_an_organisation_differs_where_boards_merged(db):
    organisation = db.scalar(select(Organisation).where(Organisation.ods_code == "RGT01"))
    boards = [(icb.code, icb.valid_from) for icb in organisation.integrated_care_boards]
    assert boards == [("QUE", APRIL_2023), ("S1Y5D", APRIL_2026)]
    assert organisation.trust.code == "RGT"
    assert organisation.nhs_england_region.code == "Y61"
    assert organisation.latitude == pytest.approx(52.17, abs=0.05)


def test_jersey_is_present_without_a_polygon(db):
    jersey = db.scalar(select(Organisation).where(Organisation.ods_code == "RGT1W"))
    assert jersey.country.code == "L93000001"
    assert jersey.country.geometry is None
    assert jersey.integrated_care_boards == []
    assert _count(db, Country, Country.geometry.is_not(None)) == 4


def test_welsh_organisations_belong_to_their_health_board(db):
    site = db.scalar(select(Organisation).where(Organisation.ods_code == "7A1A1"))
    assert site.local_health_board.code == "7A1"
    assert site.trust is None
    assert site.openuk_network.code == "EPIC"
    assert site.paediatric_diabetes_unit.pz_code == "PZ011"


def test_many_to_many_facts_of_the_readme(db):
    pz010 = db.scalar(
        select(PaediatricDiabetesUnit).where(PaediatricDiabetesUnit.pz_code == "PZ010")
    )
    assert sorted(lead.ods_code for lead in pz010.leads) == ["RC971", "RGT2X"]
    rn3 = db.scalars(
        select(OpenUKNetwork.code)
        .join(OpenUKNetworkMember)
        .where(OpenUKNetworkMember.ods_code == "RN3")
    ).all()
    assert sorted(rn3) == ["ORENG", "WPNN"]
    assert _count(db, TrustSuccession, TrustSuccession.predecessor_code.is_(None)) == 2
