"""Names of the areas figures are reported for, at each level, as of a date."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from domain.names import display_name
from domain.reporting.levels import LEVEL_LABELS, NATIONAL_AREA, Level
from models.geography import (
    Country,
    IntegratedCareBoard,
    LocalHealthBoard,
    NHSEnglandRegion,
    OpenUKNetwork,
    Organisation,
    PaediatricDiabetesNetwork,
    PaediatricDiabetesUnit,
    Trust,
)

_TABLES = {
    Level.ORGANISATION: (Organisation.ods_code, Organisation.name),
    Level.TRUST: (Trust.code, Trust.name),
    Level.LOCAL_HEALTH_BOARD: (LocalHealthBoard.code, LocalHealthBoard.name),
    Level.INTEGRATED_CARE_BOARD: (IntegratedCareBoard.code, IntegratedCareBoard.name),
    Level.NHS_ENGLAND_REGION: (NHSEnglandRegion.code, NHSEnglandRegion.name),
    Level.OPENUK_NETWORK: (OpenUKNetwork.code, OpenUKNetwork.name),
    Level.PAEDIATRIC_DIABETES_UNIT: (
        PaediatricDiabetesUnit.pz_code,
        PaediatricDiabetesUnit.pz_code,
    ),
    Level.PAEDIATRIC_DIABETES_NETWORK: (
        PaediatricDiabetesNetwork.code,
        PaediatricDiabetesNetwork.name,
    ),
    Level.COUNTRY: (Country.code, Country.name),
}


def area_names(session: Session, *, level: Level, as_of: dt.date) -> dict[str, str]:
    """Return code → name for every area of ``level`` that existed on ``as_of``."""
    if level is Level.NATIONAL:
        return {NATIONAL_AREA: LEVEL_LABELS[Level.NATIONAL]}
    code, name = _TABLES[level]
    query = select(code, name)
    if level is Level.INTEGRATED_CARE_BOARD:
        query = query.where(
            or_(IntegratedCareBoard.valid_from.is_(None), IntegratedCareBoard.valid_from <= as_of),
            or_(IntegratedCareBoard.valid_to.is_(None), IntegratedCareBoard.valid_to > as_of),
        )
    return {code: display_name(name) for code, name in session.execute(query)}
