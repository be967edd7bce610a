"""Each organisation's area at every level, as of a date: the join every aggregation groups on."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, and_, literal, or_, select

from domain.reporting.levels import NATIONAL_AREA, Level
from models.geography import (
    Country,
    IntegratedCareBoard,
    LocalHealthBoard,
    NHSEnglandRegion,
    OpenUKNetwork,
    Organisation,
    OrganisationIntegratedCareBoard,
    PaediatricDiabetesNetwork,
    PaediatricDiabetesUnit,
    Trust,
)


def current_icbs(as_of: dt.date):
    """Return a subquery of each organisation's ICB in the boundary vintage valid on ``as_of``."""
    return (
        select(OrganisationIntegratedCareBoard.organisation_id, IntegratedCareBoard.code)
        .join(
            IntegratedCareBoard,
            and_(
                IntegratedCareBoard.id == OrganisationIntegratedCareBoard.integrated_care_board_id,
                or_(
                    IntegratedCareBoard.valid_from.is_(None),
                    IntegratedCareBoard.valid_from <= as_of,
                ),
                or_(IntegratedCareBoard.valid_to.is_(None), IntegratedCareBoard.valid_to > as_of),
            ),
        )
        .subquery("current_icb")
    )


def area_keys(as_of: dt.date) -> Select:
    """Select every organisation's id and its area code at each level on ``as_of``."""
    icb = current_icbs(as_of)
    return (
        select(
            Organisation.id.label("organisation_id"),
            Organisation.ods_code.label(Level.ORGANISATION),
            Trust.code.label(Level.TRUST),
            LocalHealthBoard.code.label(Level.LOCAL_HEALTH_BOARD),
            icb.c.code.label(Level.INTEGRATED_CARE_BOARD),
            NHSEnglandRegion.code.label(Level.NHS_ENGLAND_REGION),
            OpenUKNetwork.code.label(Level.OPENUK_NETWORK),
            PaediatricDiabetesUnit.pz_code.label(Level.PAEDIATRIC_DIABETES_UNIT),
            PaediatricDiabetesNetwork.code.label(Level.PAEDIATRIC_DIABETES_NETWORK),
            Country.code.label(Level.COUNTRY),
            literal(NATIONAL_AREA).label(Level.NATIONAL),
        )
        .select_from(Organisation)
        .outerjoin(Trust, Trust.id == Organisation.trust_id)
        .outerjoin(LocalHealthBoard, LocalHealthBoard.id == Organisation.local_health_board_id)
        .outerjoin(icb, icb.c.organisation_id == Organisation.id)
        .outerjoin(NHSEnglandRegion, NHSEnglandRegion.id == Organisation.nhs_england_region_id)
        .outerjoin(OpenUKNetwork, OpenUKNetwork.id == Organisation.openuk_network_id)
        .outerjoin(
            PaediatricDiabetesUnit,
            PaediatricDiabetesUnit.id == Organisation.paediatric_diabetes_unit_id,
        )
        .outerjoin(
            PaediatricDiabetesNetwork,
            PaediatricDiabetesNetwork.id == PaediatricDiabetesUnit.paediatric_diabetes_network_id,
        )
        .outerjoin(Country, Country.id == Organisation.country_id)
    )
