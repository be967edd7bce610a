"""``portal e12 score FILE``: JSON in, the cohort, 21 results and completeness out; no database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from domain.epilepsy12.kpis import MEASURE_NAMES
from portal.cli import main
from tests.domain.epilepsy12.builders import REMOVE, data


@pytest.fixture
def no_database(monkeypatch):
    """Make any attempt to reach a database fail the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("portal e12 score touched the database")

    import portal.db

    for name in ("get_engine", "session_factory", "session_scope", "make_engine"):
        monkeypatch.setattr(portal.db, name, refuse)
    monkeypatch.setattr("sqlalchemy.create_engine", refuse)


def score(tmp_path: Path, record) -> object:
    path = tmp_path / "child.json"
    path.write_text(record if isinstance(record, str) else json.dumps(record), encoding="utf-8")
    return CliRunner().invoke(main, ["e12", "score", str(path)])


def test_scores_a_complete_record(tmp_path, no_database):
    result = score(tmp_path, data())
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "cohort": 6,
        "kpis": dict.fromkeys(MEASURE_NAMES, 1),
        "complete": True,
    }
    assert list(json.loads(result.stdout)["kpis"]) == list(MEASURE_NAMES)


def test_scores_an_incomplete_record(tmp_path, no_database):
    changes = {
        "investigations": REMOVE,
        "case.sex": 1,
        "assessment.consultant_paediatrician_input_date": "2023-01-25",
        "assessment.paediatric_neurologist_input_date": "2023-01-27",
    }
    result = json.loads(score(tmp_path, data(changes)).stdout)
    assert result["complete"] is False
    assert result["kpis"]["ecg"] is None
    assert result["kpis"]["mri"] is None
    assert result["kpis"]["sodium_valproate"] == 2
    assert result["kpis"]["paediatrician_with_expertise_in_epilepsies"] == 0


def test_an_unregistered_child_has_no_cohort_or_results(tmp_path, no_database):
    result = json.loads(score(tmp_path, data({"registration": REMOVE})).stdout)
    assert result == {"cohort": None, "kpis": dict.fromkeys(MEASURE_NAMES), "complete": False}


def test_invalid_records_name_each_bad_field_and_exit_2(tmp_path, no_database):
    changes = {
        "case.nhs_number": "9434765918",
        "assessment.consultant_paediatrician_referal_made": True,
        "management.antiepilepsy_medicines[0].medicine_name": "Sodium Valproate",
    }
    result = score(tmp_path, data(changes))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == f"Error: {tmp_path / 'child.json'} has 3 problems:"
    assert [line.split(":")[0].strip() for line in lines[1:]] == [
        "assessment.consultant_paediatrician_referal_made",
        "case.nhs_number",
        "management.antiepilepsy_medicines[0].medicine_name",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param("{", "is not valid JSON: Expecting property name", id="truncated"),
        pytest.param("[]", "record: must be a JSON object of sections", id="not-an-object"),
        pytest.param("{}", "case: is required", id="empty"),
    ],
)
def test_malformed_files(tmp_path, no_database, content, message):
    result = score(tmp_path, content)
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_missing_file(tmp_path, no_database):
    result = CliRunner().invoke(main, ["e12", "score", str(tmp_path / "absent.json")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_runs_with_no_database_reachable(tmp_path):
    """The real command, with the database pointed somewhere that cannot exist."""
    path = tmp_path / "child.json"
    path.write_text(json.dumps(data()), encoding="utf-8")
    environment = {**os.environ, "DATABASE_URL": "sqlite:////proc/no-such-directory/portal.db"}
    completed = subprocess.run(
        [str(Path(sys.executable).with_name("portal")), "e12", "score", str(path)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["complete"] is True
