"""The manifest of reference files: their columns, keys, foreign codes and boundary vintages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from models.geography import (
    Country,
    IntegratedCareBoard,
    LocalHealthBoard,
    LondonBorough,
    NHSEnglandRegion,
    OpenUKNetwork,
    Organisation,
    PaediatricDiabetesNetwork,
    PaediatricDiabetesUnit,
    PaediatricDiabetesUnitLead,
    Trust,
    TrustSuccession,
)

#: Latitude and longitude bounds that take in the UK and the Channel Islands.
UK_LATITUDE = (49.0, 61.0)
UK_LONGITUDE = (-8.7, 2.0)


@dataclass(frozen=True)
class Ref:
    """Where the codes of a column must come from: any of ``files``, or the file ``chosen_by`` names."""

    files: tuple[str, ...] = ()
    chosen_by: str | None = None
    choices: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CsvFile:
    """A CSV file: the columns the loader reads and the rules their values follow."""

    name: str
    noun: str
    key: tuple[str, ...]
    code: str | None = None
    model: type | None = None
    copied: tuple[str, ...] = ()
    stored_in: Mapping[str, type] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    references: Mapping[str, Ref] = field(default_factory=dict)
    booleans: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    numbers: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    choices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    unique_code: bool = True

    @property
    def code_column(self) -> str:
        """Return the column other files use to refer to a row of this one."""
        return self.code or self.key[0]

    @property
    def columns(self) -> tuple[str, ...]:
        """Return every column the loader reads, each once, in a stable order."""
        named = (
            *self.key,
            *self.required,
            *self.copied,
            *self.optional,
            *self.references,
            *self.booleans,
            *self.dates,
            *self.numbers,
            *self.choices,
        )
        return tuple(dict.fromkeys(named))


@dataclass(frozen=True)
class GeoFile:
    """A GeoJSON layer: one boundary per row of ``areas``, served at ``/geojson/<layer>.json``."""

    name: str
    layer: str
    areas: str
    model: type
    has_boundary: str | None = None
    vintage: int | None = None


@dataclass(frozen=True)
class Vintage:
    """One edition of the ICBs: its files and the day it starts (a date, or a file's column)."""

    year: int
    areas: str
    boundaries: str
    organisation_column: str
    starts: dt.date | tuple[str, str]


def ref(*files: str) -> Ref:
    """Refer to the codes of any of ``files``."""
    return Ref(files=files)


AREA = ("code", "name")
COUNTRY_REF = ref("countries.csv")
REGION_REF = ref("nhs_england_regions.csv")
ICB_2023 = ref("integrated_care_boards.csv")
ICB_2026 = ref("integrated_care_boards_2026.csv")
TRUST_OR_BOARD = {"trust": "trusts.csv", "local_health_board": "local_health_boards.csv"}

CSV_FILES: tuple[CsvFile, ...] = (
    CsvFile(
        name="countries.csv",
        noun="country",
        key=("code",),
        model=Country,
        required=AREA,
        copied=(*AREA, "welsh_name", "boundary_identifier"),
        booleans=("has_boundary",),
    ),
    CsvFile(
        name="nhs_england_regions.csv",
        noun="NHS England region",
        key=("code",),
        model=NHSEnglandRegion,
        required=(*AREA, "country_code"),
        copied=(*AREA, "boundary_identifier"),
        references={"country_code": COUNTRY_REF},
    ),
    CsvFile(
        name="integrated_care_boards.csv",
        noun="ICB (2023)",
        key=("code",),
        model=IntegratedCareBoard,
        required=(*AREA, "nhs_england_region_code", "country_code"),
        copied=(*AREA, "boundary_identifier"),
        references={"nhs_england_region_code": REGION_REF, "country_code": COUNTRY_REF},
    ),
    CsvFile(
        name="integrated_care_boards_2026.csv",
        noun="ICB (2026)",
        key=("code",),
        model=IntegratedCareBoard,
        required=(*AREA, "nhs_england_region_code", "country_code"),
        copied=(*AREA, "boundary_identifier"),
        references={"nhs_england_region_code": REGION_REF, "country_code": COUNTRY_REF},
    ),
    CsvFile(
        name="integrated_care_board_2023_to_2026.csv",
        noun="ICB succession",
        key=("icb_2023_code", "icb_2026_code"),
        required=("icb_2023_code", "icb_2026_code", "change_type"),
        references={"icb_2023_code": ICB_2023, "icb_2026_code": ICB_2026},
        numbers={"area_share_of_2023_icb": (0.0, 1.0)},
        dates=("effective_date",),
        choices={"change_type": ("unchanged", "merger", "split", "continues_with_boundary_change")},
    ),
    CsvFile(
        name="local_health_boards.csv",
        noun="local health board",
        key=("code",),
        model=LocalHealthBoard,
        required=(*AREA, "country_code"),
        copied=(*AREA, "welsh_name", "boundary_identifier"),
        references={"country_code": COUNTRY_REF},
    ),
    CsvFile(
        name="london_boroughs.csv",
        noun="London borough",
        key=("code",),
        model=LondonBorough,
        required=AREA,
        copied=(*AREA, "boundary_identifier"),
        references={"nhs_england_region_code": REGION_REF},
        booleans=("inner_london",),
    ),
    CsvFile(
        name="openuk_networks.csv",
        noun="OPEN UK network",
        key=("code",),
        model=OpenUKNetwork,
        required=AREA,
        copied=AREA,
        references={"country_code": COUNTRY_REF},
    ),
    CsvFile(
        name="paediatric_diabetes_networks.csv",
        noun="paediatric diabetes network",
        key=("code",),
        model=PaediatricDiabetesNetwork,
        required=AREA,
        copied=AREA,
    ),
    CsvFile(
        name="trusts.csv",
        noun="trust",
        key=("code",),
        model=Trust,
        required=AREA,
        copied=(*AREA, "address_line_1", "address_line_2", "town", "postcode"),
        references={"country_code": COUNTRY_REF, "openuk_network_code": ref("openuk_networks.csv")},
    ),
    CsvFile(
        name="openuk_network_members.csv",
        noun="OPEN UK network member",
        key=("parent_ods_code", "openuk_network_code"),
        required=("parent_ods_code", "openuk_network_code", "parent_type"),
        references={
            "parent_ods_code": Ref(chosen_by="parent_type", choices=TRUST_OR_BOARD),
            "openuk_network_code": ref("openuk_networks.csv"),
        },
        booleans=("rcpch_primary",),
        choices={"parent_type": tuple(TRUST_OR_BOARD)},
    ),
    CsvFile(
        name="trust_integrated_care_boards.csv",
        noun="trust ICB",
        key=("trust_code", "integrated_care_board_code"),
        required=("trust_code", "integrated_care_board_code"),
        references={
            "trust_code": ref("trusts.csv"),
            "integrated_care_board_code": ICB_2023,
            "nhs_england_region_code": REGION_REF,
        },
        booleans=("rcpch_primary",),
    ),
    CsvFile(
        name="trust_successions.csv",
        noun="trust succession",
        key=("successor_code", "predecessor_name"),
        model=TrustSuccession,
        required=("predecessor_name", "successor_code", "successor_name", "succession_date"),
        copied=("predecessor_code", "predecessor_name", "successor_code", "successor_name"),
        references={"successor_code": ref("trusts.csv")},
        dates=("succession_date",),
    ),
    CsvFile(
        name="paediatric_diabetes_units.csv",
        noun="paediatric diabetes unit",
        key=("pz_code", "ods_code"),
        code="pz_code",
        unique_code=False,
        model=PaediatricDiabetesUnitLead,
        stored_in={"pz_code": PaediatricDiabetesUnit},
        required=("pz_code", "ods_code", "ods_level"),
        copied=("ods_code", "ods_level", "notes"),
        references={
            "ods_code": Ref(
                chosen_by="ods_level",
                choices={"organisation": "organisations.csv", **TRUST_OR_BOARD},
            ),
            "paediatric_diabetes_network_code": ref("paediatric_diabetes_networks.csv"),
        },
        choices={"ods_level": ("organisation", *TRUST_OR_BOARD)},
    ),
    CsvFile(
        name="organisations.csv",
        noun="organisation",
        key=("ods_code",),
        model=Organisation,
        required=("ods_code", "name", "parent_ods_code", "country_code"),
        copied=(
            "ods_code",
            "name",
            "address1",
            "address2",
            "address3",
            "city",
            "county",
            "postcode",
            "coordinate_quality",
            "local_authority_code",
            "website",
            "telephone",
            "record_source",
            "notes",
        ),
        references={
            "parent_ods_code": ref("trusts.csv", "local_health_boards.csv"),
            "trust_ods_code": ref("trusts.csv"),
            "local_health_board_code": ref("local_health_boards.csv"),
            "integrated_care_board_code": ICB_2023,
            "integrated_care_board_2026_code": ICB_2026,
            "nhs_england_region_code": REGION_REF,
            "rcpch_integrated_care_board_code": ICB_2023,
            "rcpch_nhs_england_region_code": REGION_REF,
            "openuk_network_code": ref("openuk_networks.csv"),
            "paediatric_diabetes_unit_code": ref("paediatric_diabetes_units.csv"),
            "country_code": COUNTRY_REF,
            "london_borough_code": ref("london_boroughs.csv"),
        },
        numbers={"latitude": UK_LATITUDE, "longitude": UK_LONGITUDE},
    ),
)

GEO_FILES: tuple[GeoFile, ...] = (
    GeoFile("country.geojson", "country", "countries.csv", Country, has_boundary="has_boundary"),
    GeoFile(
        "nhs_england_region.geojson",
        "nhs_england_region",
        "nhs_england_regions.csv",
        NHSEnglandRegion,
    ),
    GeoFile(
        "icb.geojson", "icb_2023", "integrated_care_boards.csv", IntegratedCareBoard, vintage=2023
    ),
    GeoFile(
        "icb_2026.geojson",
        "icb_2026",
        "integrated_care_boards_2026.csv",
        IntegratedCareBoard,
        vintage=2026,
    ),
    GeoFile(
        "local_health_board.geojson",
        "local_health_board",
        "local_health_boards.csv",
        LocalHealthBoard,
    ),
    GeoFile("london_borough.geojson", "london_borough", "london_boroughs.csv", LondonBorough),
)

ICB_TRANSITION = "integrated_care_board_2023_to_2026.csv"

#: The ICB editions, oldest first; each ends the day the next one starts.
ICB_VINTAGES: tuple[Vintage, ...] = (
    Vintage(
        year=2023,
        areas="integrated_care_boards.csv",
        boundaries="icb.geojson",
        organisation_column="integrated_care_board_code",
        starts=dt.date(2023, 4, 1),
    ),
    Vintage(
        year=2026,
        areas="integrated_care_boards_2026.csv",
        boundaries="icb_2026.geojson",
        organisation_column="integrated_care_board_2026_code",
        starts=(ICB_TRANSITION, "effective_date"),
    ),
)

#: The properties every boundary feature carries.
FEATURE_PROPERTIES = ("code", "name", "boundary_identifier")

CSV_BY_NAME = {file.name: file for file in CSV_FILES}
GEO_BY_LAYER = {file.layer: file for file in GEO_FILES}
