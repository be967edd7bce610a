"""The rows each reference table should hold, in the order the tables are written."""

from __future__ import annotations

from typing import Any

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
    TrustIntegratedCareBoard,
    TrustSuccession,
)
from services.reference.files import ICB_TRANSITION, ICB_VINTAGES
from services.reference.rows import Ids, labels, pair, records, rows, vintage_ids, vintage_key
from services.reference.sync import Plan
from services.reference.validation import (
    ReferenceFiles,
    parse_boolean,
    parse_date,
    parse_number,
)

ALWAYS = {"valid_from": None, "valid_to": None}
COUNTRY = {"country_code": "country"}
REGION = {"nhs_england_region_code": "nhs_england_region"}


def countries(files: ReferenceFiles, ids: Ids) -> Plan:
    return Plan(Country, ("code",), rows(files, "countries.csv", ids, **ALWAYS))


def regions(files: ReferenceFiles, ids: Ids) -> Plan:
    built = rows(files, "nhs_england_regions.csv", ids, COUNTRY, **ALWAYS)
    return Plan(NHSEnglandRegion, ("code",), built)


def integrated_care_boards(files: ReferenceFiles, ids: Ids) -> Plan:
    """Write every vintage's ICBs, each valid until the next vintage starts."""
    starts = [files.icb_starts[vintage.year] for vintage in ICB_VINTAGES]
    built = []
    for vintage, start, end in zip(ICB_VINTAGES, starts, [*starts[1:], None], strict=True):
        built += rows(files, vintage.areas, ids, COUNTRY | REGION, valid_from=start, valid_to=end)
    return Plan(IntegratedCareBoard, ("code", "valid_from"), built, describe=vintage_key)


def local_health_boards(files: ReferenceFiles, ids: Ids) -> Plan:
    built = rows(files, "local_health_boards.csv", ids, COUNTRY, **ALWAYS)
    return Plan(LocalHealthBoard, ("code",), built)


def london_boroughs(files: ReferenceFiles, ids: Ids) -> Plan:
    built = rows(files, "london_boroughs.csv", ids, REGION, **ALWAYS)
    for row, record in zip(built, records(files, "london_boroughs.csv"), strict=True):
        row["inner_london"] = parse_boolean(record["inner_london"])
    return Plan(LondonBorough, ("code",), built)


def openuk_networks(files: ReferenceFiles, ids: Ids) -> Plan:
    return Plan(OpenUKNetwork, ("code",), rows(files, "openuk_networks.csv", ids, COUNTRY))


def diabetes_networks(files: ReferenceFiles, ids: Ids) -> Plan:
    built = rows(files, "paediatric_diabetes_networks.csv", ids)
    return Plan(PaediatricDiabetesNetwork, ("code",), built)


def trusts(files: ReferenceFiles, ids: Ids) -> Plan:
    parents = COUNTRY | {"openuk_network_code": "openuk_network"}
    built = rows(files, "trusts.csv", ids, parents, active=True)
    return Plan(Trust, ("code",), built, deactivate=True)


def network_members(files: ReferenceFiles, ids: Ids) -> Plan:
    networks = ids["openuk_network"]
    built = [
        {
            "openuk_network_id": networks[record["openuk_network_code"]],
            "ods_code": record["parent_ods_code"],
            "parent_type": record["parent_type"],
            "rcpch_primary": bool(parse_boolean(record["rcpch_primary"])),
        }
        for record in records(files, "openuk_network_members.csv")
    ]
    network_of = labels(networks)
    return Plan(
        OpenUKNetworkMember,
        ("openuk_network_id", "ods_code"),
        built,
        describe=lambda key: f"{key[1]} in {network_of.get(key[0], key[0])}",
    )


def trust_integrated_care_boards(files: ReferenceFiles, ids: Ids) -> Plan:
    """Link trusts to the ICBs they serve; the trust–ICB table uses the first vintage's codes."""
    boards = vintage_ids(ids, files.icb_starts[ICB_VINTAGES[0].year])
    built = [
        {
            "trust_id": ids["trust"][record["trust_code"]],
            "integrated_care_board_id": boards[record["integrated_care_board_code"]],
            "rcpch_primary": bool(parse_boolean(record["rcpch_primary"])),
        }
        for record in records(files, "trust_integrated_care_boards.csv")
    ]
    describe = pair(ids["trust"], ids["integrated_care_board"], "serves")
    key = ("trust_id", "integrated_care_board_id")
    return Plan(TrustIntegratedCareBoard, key, built, describe=describe)


def icb_successions(files: ReferenceFiles, ids: Ids) -> Plan:
    old, new = (vintage_ids(ids, files.icb_starts[v.year]) for v in ICB_VINTAGES[:2])
    built = [
        {
            "predecessor_id": old[record["icb_2023_code"]],
            "successor_id": new[record["icb_2026_code"]],
            "area_share": parse_number(record["area_share_of_2023_icb"]),
            "change_type": record["change_type"],
        }
        for record in records(files, ICB_TRANSITION)
    ]
    describe = pair(ids["integrated_care_board"], ids["integrated_care_board"], "→")
    key = ("predecessor_id", "successor_id")
    return Plan(IntegratedCareBoardSuccession, key, built, describe=describe)


def trust_successions(files: ReferenceFiles, ids: Ids) -> Plan:
    built = rows(files, "trust_successions.csv", ids)
    for row, record in zip(built, records(files, "trust_successions.csv"), strict=True):
        row["succession_date"] = parse_date(record["succession_date"])
    key = ("successor_code", "predecessor_name")
    return Plan(TrustSuccession, key, built, describe=lambda key: f"{key[1]} → {key[0]}")


def diabetes_units(files: ReferenceFiles, ids: Ids) -> Plan:
    """Write one unit per PZ code; its lead rows agree on the network (checked)."""
    networks = ids["paediatric_diabetes_network"]
    units: dict[str, dict[str, Any]] = {}
    for record in records(files, "paediatric_diabetes_units.csv"):
        network = networks.get(record["paediatric_diabetes_network_code"])
        units.setdefault(
            record["pz_code"],
            {"pz_code": record["pz_code"], "paediatric_diabetes_network_id": network},
        )
    return Plan(PaediatricDiabetesUnit, ("pz_code",), list(units.values()))


def diabetes_unit_leads(files: ReferenceFiles, ids: Ids) -> Plan:
    parents = {"pz_code": "paediatric_diabetes_unit"}
    built = rows(files, "paediatric_diabetes_units.csv", ids, parents)
    unit_of = labels(ids["paediatric_diabetes_unit"])
    return Plan(
        PaediatricDiabetesUnitLead,
        ("paediatric_diabetes_unit_id", "ods_code"),
        built,
        describe=lambda key: f"{unit_of.get(key[0], key[0])} led by {key[1]}",
    )


def organisations(files: ReferenceFiles, ids: Ids) -> Plan:
    parents = (
        COUNTRY
        | REGION
        | {
            "trust_ods_code": "trust",
            "local_health_board_code": "local_health_board",
            "openuk_network_code": "openuk_network",
            "london_borough_code": "london_borough",
            "paediatric_diabetes_unit_code": "paediatric_diabetes_unit",
        }
    )
    built = rows(files, "organisations.csv", ids, parents, active=True)
    for row, record in zip(built, records(files, "organisations.csv"), strict=True):
        row["latitude"] = parse_number(record["latitude"])
        row["longitude"] = parse_number(record["longitude"])
    return Plan(Organisation, ("ods_code",), built, deactivate=True)


def organisation_integrated_care_boards(files: ReferenceFiles, ids: Ids) -> Plan:
    """Link each organisation to its ICB of every vintage; keep inactive ones' links as history."""
    organisation_ids = ids["organisation"]
    built = []
    for vintage in ICB_VINTAGES:
        boards = vintage_ids(ids, files.icb_starts[vintage.year])
        built += [
            {
                "organisation_id": organisation_ids[record["ods_code"]],
                "integrated_care_board_id": boards[record[vintage.organisation_column]],
            }
            for record in records(files, "organisations.csv")
            if record[vintage.organisation_column]
        ]
    listed = {organisation_ids[code] for code in files.tables["organisations.csv"]["ods_code"]}
    return Plan(
        OrganisationIntegratedCareBoard,
        ("organisation_id", "integrated_care_board_id"),
        built,
        describe=pair(organisation_ids, ids["integrated_care_board"], "in"),
        keep=lambda key: key[0] not in listed,
    )


#: Every table in the order it is written, parents first, with the function building its rows.
PLANS = (
    ("country", countries),
    ("nhs_england_region", regions),
    ("integrated_care_board", integrated_care_boards),
    ("local_health_board", local_health_boards),
    ("london_borough", london_boroughs),
    ("openuk_network", openuk_networks),
    ("paediatric_diabetes_network", diabetes_networks),
    ("trust", trusts),
    ("openuk_network_member", network_members),
    ("trust_integrated_care_board", trust_integrated_care_boards),
    ("integrated_care_board_succession", icb_successions),
    ("trust_succession", trust_successions),
    ("paediatric_diabetes_unit", diabetes_units),
    ("paediatric_diabetes_unit_lead", diabetes_unit_leads),
    ("organisation", organisations),
    ("organisation_integrated_care_board", organisation_integrated_care_boards),
)
