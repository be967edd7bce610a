"""``portal e12 import | export | rescore``: as the command-line operator, with clear failures."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import delete, func, select, update

from models.epilepsy12 import Case, KPIResult
from portal.cli import main
from tests.support.e12_records import complete_child, complete_data


def run(*args: str):
    return CliRunner().invoke(main, ["e12", *args])


def children(db) -> int:
    db.rollback()
    return db.scalar(select(func.count()).select_from(Case))


def write(tmp_path: Path, data) -> str:
    path = tmp_path / "child.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_export_prints_the_record_with_its_derived_block(db):
    case_id = complete_child(db)

    result = run("export", str(case_id))

    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["case"]["surname"] == "Example"
    assert data["derived"]["case_id"] == case_id
    assert data["derived"]["kpis"]["mri"] == 1


def test_export_of_a_missing_child_is_one_line(db):
    result = run("export", "987654")
    assert result.exit_code == 1
    assert result.output.strip() == "Error: There is no child 987654."


def test_import_creates_the_child_and_exports_it_back(db, tmp_path):
    case_id = complete_child(db)
    exported = run("export", str(case_id)).output
    db.execute(delete(Case).where(Case.id == case_id))
    db.commit()

    result = run("import", write(tmp_path, exported), "--organisation", "rgt01")

    assert result.exit_code == 0, result.output
    new_id = int(result.output.split()[2].rstrip(","))
    again = json.loads(run("export", str(new_id)).output)
    first = json.loads(exported)
    for data in (first, again):
        del data["derived"]["case_id"]
    assert again == first


def test_import_names_each_bad_field_exits_2_and_writes_nothing(db, tmp_path):
    data = complete_data(
        {
            "investigations.mri_brain_reported_date": "2023-01-01",
            "management.has_an_aed_been_given": "yes",
        }
    )

    result = run("import", write(tmp_path, data), "--organisation", "RGT01")

    assert result.exit_code == 2
    assert "investigations.mri_brain_reported_date: must not be before" in result.output
    assert "management.has_an_aed_been_given: must be true or false" in result.output
    assert "nothing imported" in result.output
    assert children(db) == 0


def test_import_of_broken_json_exits_2(db, tmp_path):
    result = run("import", write(tmp_path, "{ not json"), "--organisation", "RGT01")
    assert result.exit_code == 2
    assert "is not valid JSON" in result.output
    assert children(db) == 0


def test_import_for_an_unknown_organisation_exits_2(db, tmp_path):
    result = run("import", write(tmp_path, complete_data()), "--organisation", "NOPE1")
    assert result.exit_code == 2
    assert "No organisation has the ODS code NOPE1" in result.output


def test_rescore_puts_stale_scores_right(db):
    ids = [complete_child(db) for _ in range(3)]
    db.execute(update(KPIResult).values(water_safety=0))
    db.commit()

    result = run("rescore")

    assert result.exit_code == 0, result.output
    assert "Rescored 3 children" in result.output and "3 with new scores" in result.output
    db.rollback()
    assert set(db.scalars(select(KPIResult.water_safety))) == {1}
    one = run("rescore", "--case", str(ids[0]))
    assert "Rescored 1 child in" in one.output and "0 with new scores" in one.output
