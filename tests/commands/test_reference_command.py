"""``portal reference load`` and ``portal reference status`` as a user runs them."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from portal.cli import main
from tests.services.reference.edits import copy_reference, edit_csv

pytestmark = pytest.mark.sqlite


def _run(*args: str):
    return CliRunner().invoke(main, ["reference", *args])


def test_load_reports_no_changes_on_the_loaded_database(db):
    result = _run("load")
    assert result.exit_code == 0, result.output
    assert "no changes." in result.stdout
    assert result.stderr == ""


def test_bad_files_give_one_error_line_each_and_exit_2(db, settings, tmp_path):
    files = copy_reference(settings.portal_reference_dir, tmp_path / "reference")
    edit_csv(files, "trusts.csv", lambda frame: frame.drop(columns=["name"]))
    (files / "icb.geojson").unlink()

    result = _run("load", str(files))

    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Error: trusts.csv line 1, column name: column is missing",
        f"Error: icb.geojson: file is missing from {files}",
        "Error: 2 problems found; nothing was loaded.",
    ]
    assert "Traceback" not in result.output


def test_a_missing_directory_is_one_error(db, tmp_path):
    result = _run("load", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"Error: {tmp_path / 'nowhere'}: no such directory"


def test_status_counts_the_tables(db):
    result = _run("status")
    assert result.exit_code == 0, result.output
    lines = dict(line.split(None, 1) for line in result.stdout.splitlines()[:-1])
    assert lines["organisation"] == "347 (347 active)"
    assert lines["integrated_care_board"] == "78"
    assert result.stdout.splitlines()[-1].startswith("Last changed: 20")
