"""``portal e12 score FILE``: score one child's record without touching the database."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from portal.errors import UserError

INVALID = 2


def read_json(path: Path) -> object:
    """Return the JSON in ``path``, or explain where it is malformed."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text", exit_code=INVALID) from None
    except json.JSONDecodeError as error:
        raise UserError(
            f"{path} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}",
            exit_code=INVALID,
        ) from None


@click.command("score")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def score(file: Path) -> None:
    """Print the cohort, the 21 measure results and completeness of the record in FILE.

    Results: 1 pass, 0 fail, 2 ineligible, null incomplete. Names are checked against the seed
    lookup lists in data/epilepsy12. Invalid input: each problem on its own line, exit code 2.
    """
    from domain.epilepsy12.lookup_files import load_lookups
    from domain.epilepsy12.summary import score_summary
    from domain.epilepsy12.validation import RecordError, parse_record

    try:
        record = parse_record(read_json(file), today=date.today(), lookups=load_lookups())
    except RecordError as error:
        count = len(error.problems)
        lines = "\n".join(f"  {problem}" for problem in error.problems)
        raise UserError(
            f"{file} has {count} problem{'s' if count > 1 else ''}:\n{lines}", exit_code=INVALID
        ) from None
    click.echo(json.dumps(score_summary(record), indent=2, ensure_ascii=False))
