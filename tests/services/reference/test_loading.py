"""Loading is one transaction, idempotent, and reports what a newer file changed."""

from __future__ import annotations

import pandas as pd
import pytest
import shapely.affinity
import shapely.geometry
from sqlalchemy import select

from models.geography import Organisation, OrganisationIntegratedCareBoard, Trust
from services.reference.validation import ReferenceDataError
from tests.services.reference.edits import edit_csv, edit_geojson, read_csv

pytestmark = pytest.mark.sqlite

RENAMED, DROPPED, TEMPLATE = "RGT01", "RYW91", "RBS25"


def test_a_second_load_changes_nothing_and_writes_nothing(loaded, reference_dir):
    before = loaded.fingerprint()
    with loaded.counting_writes() as writes:
        report = loaded.load(reference_dir)
    assert not report
    assert str(report) == f"Reference data from {reference_dir}: no changes."
    assert writes == []
    assert loaded.fingerprint() == before


def test_an_unchanged_copy_rewritten_by_pandas_changes_nothing(loaded, files):
    for name in ("organisations.csv", "trusts.csv"):
        edit_csv(files, name, lambda frame: None)
    assert not loaded.load(files)


def _unreferenced_trust(files) -> str:
    """Return a trust no other file mentions, so that it can leave trusts.csv alone."""
    mentioned = set()
    for name, columns in {
        "organisations.csv": ["trust_ods_code", "parent_ods_code"],
        "openuk_network_members.csv": ["parent_ods_code"],
        "trust_integrated_care_boards.csv": ["trust_code"],
        "trust_successions.csv": ["successor_code"],
        "paediatric_diabetes_units.csv": ["ods_code"],
    }.items():
        frame = read_csv(files, name)
        for column in columns:
            mentioned |= set(frame[column])
    return sorted(set(read_csv(files, "trusts.csv")["code"]) - mentioned)[0]


def _edit_newer_files(files) -> tuple[str, str]:
    """Rename one organisation, add one, drop one and one trust, move one Welsh boundary."""

    def organisations(frame):
        frame.loc[frame["ods_code"] == RENAMED, "name"] = "ADDENBROOKE'S HOSPITAL (RENAMED)"
        added = frame[frame["ods_code"] == TEMPLATE].assign(ods_code="RBS99", name="NEW SITE")
        return pd.concat([frame[frame["ods_code"] != DROPPED], added], ignore_index=True)

    edit_csv(files, "organisations.csv", organisations)
    trust = _unreferenced_trust(files)
    edit_csv(files, "trusts.csv", lambda frame: frame[frame["code"] != trust])

    def shift(collection):
        feature = collection["features"][0]
        moved = shapely.affinity.translate(shapely.geometry.shape(feature["geometry"]), xoff=1e-4)
        feature["geometry"] = shapely.geometry.mapping(moved)
        return feature["properties"]["code"]

    board = []
    edit_geojson(files, "local_health_board.geojson", lambda c: board.append(shift(c)))
    return trust, board[0]


def test_a_newer_file_is_reported_change_by_change(fresh, files, reference_dir):
    trust, board = _edit_newer_files(files)
    report = fresh.load(files)

    touched = {changes.table for changes in report.tables if changes}
    assert touched == {
        "organisation",
        "organisation_integrated_care_board",
        "trust",
        "local_health_board",
    }
    organisations = report.table("organisation")
    assert organisations.added == ["RBS99"]
    assert organisations.changed == [(RENAMED, ["name"])]
    assert organisations.removed == [DROPPED]
    assert report.table("trust").removed == [trust]
    assert report.table("local_health_board").changed == [(board, ["geometry"])]
    assert len(report.table("organisation_integrated_care_board").added) == 2
    assert report.table("organisation_integrated_care_board").removed == []
    text = str(report)
    assert f"changed organisation {RENAMED}: name" in text
    assert f"marked inactive organisation {DROPPED}" in text
    assert "organisation: 1 added, 1 changed, 1 marked inactive" in text

    with fresh.session() as session:
        dropped = session.scalar(select(Organisation).where(Organisation.ods_code == DROPPED))
        assert dropped.active is False
        assert len(dropped.integrated_care_boards) == 2, "an inactive site keeps its history"
        assert session.scalar(select(Trust.active).where(Trust.code == trust)) is False
        renamed = session.scalar(select(Organisation).where(Organisation.ods_code == RENAMED))
        assert renamed.name == "ADDENBROOKE'S HOSPITAL (RENAMED)"

    assert not fresh.load(files), "loading the same newer files again changes nothing"

    back = fresh.load(reference_dir)
    assert sorted(back.table("organisation").changed) == [
        (RENAMED, ["name"]),
        (DROPPED, ["active"]),
    ]
    assert back.table("organisation").removed == ["RBS99"]
    assert back.table("trust").changed == [(trust, ["active"])]


def test_a_removal_other_rows_still_need_is_refused_and_rolled_back(fresh, files):
    """A borough cannot go while an inactive organisation still lies in it."""
    organisations = read_csv(files, "organisations.csv")
    counts = organisations["london_borough_code"].value_counts()
    leads = set(read_csv(files, "paediatric_diabetes_units.csv")["ods_code"])
    site = organisations[
        organisations["london_borough_code"].isin(counts[counts == 1].index)
        & ~organisations["ods_code"].isin(leads)
    ].iloc[0]
    borough = site["london_borough_code"]
    edit_csv(files, "organisations.csv", lambda f: f[f["ods_code"] != site["ods_code"]])
    edit_csv(files, "london_boroughs.csv", lambda f: f[f["code"] != borough])
    edit_geojson(
        files,
        "london_borough.geojson",
        lambda c: c.update(
            features=[f for f in c["features"] if f["properties"]["code"] != borough]
        ),
    )
    before = fresh.fingerprint()
    with pytest.raises(ReferenceDataError, match="london_borough: cannot remove"):
        fresh.load(files)
    assert fresh.fingerprint() == before


def test_links_follow_the_location_based_icb_columns(fresh):
    with fresh.session() as session:
        pairs = session.execute(
            select(Organisation.ods_code)
            .join(OrganisationIntegratedCareBoard)
            .where(Organisation.ods_code == "RGT2X")
        ).all()
    assert len(pairs) == 2
