"""The geographic levels at which audit results are reported."""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    """A reporting level; each audit chooses the levels it reports at."""

    ORGANISATION = "organisation"
    TRUST = "trust"
    LOCAL_HEALTH_BOARD = "local_health_board"
    INTEGRATED_CARE_BOARD = "integrated_care_board"
    NHS_ENGLAND_REGION = "nhs_england_region"
    OPENUK_NETWORK = "openuk_network"
    PAEDIATRIC_DIABETES_UNIT = "paediatric_diabetes_unit"
    PAEDIATRIC_DIABETES_NETWORK = "paediatric_diabetes_network"
    COUNTRY = "country"
    NATIONAL = "national"

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]


LEVEL_LABELS = {
    Level.ORGANISATION: "Organisation",
    Level.TRUST: "Trust",
    Level.LOCAL_HEALTH_BOARD: "Local health board",
    Level.INTEGRATED_CARE_BOARD: "Integrated care board",
    Level.NHS_ENGLAND_REGION: "NHS England region",
    Level.OPENUK_NETWORK: "OPEN UK network",
    Level.PAEDIATRIC_DIABETES_UNIT: "Paediatric diabetes unit",
    Level.PAEDIATRIC_DIABETES_NETWORK: "Paediatric diabetes network",
    Level.COUNTRY: "Country",
    Level.NATIONAL: "England and Wales",
}

#: The single area of the national level.
NATIONAL_AREA = "national"
