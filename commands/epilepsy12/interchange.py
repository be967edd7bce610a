"""``portal e12 import FILE --organisation ODS`` and ``portal e12 export CASE_ID``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from commands.epilepsy12.score import read_json


@click.command("export")
@click.argument("case_id", type=int)
def export(case_id: int) -> None:
    """Print child CASE_ID's record as JSON, with a "derived" block (cohort, completeness, KPIs).

    The derived block is for reading; ``import`` ignores it.
    """
    from portal.access import AccessDenied
    from portal.db import session_scope
    from portal.errors import UserError
    from services.accounts.operator import COMMAND_LINE_OPERATOR
    from services.epilepsy12.interchange import export_record

    with session_scope() as session:
        try:
            data = export_record(session=session, user=COMMAND_LINE_OPERATOR, case_id=case_id)
        except AccessDenied:
            raise UserError(f"There is no child {case_id}.") from None
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--organisation",
    "organisation",
    required=True,
    metavar="ODS",
    help="ODS code of the organisation that leads the child's care.",
)
def import_(file: Path, organisation: str) -> None:
    """Create a child from the record in FILE, led by ORGANISATION.

    Invalid input: each bad field on its own line, exit code 2, nothing written.
    """
    from portal.db import session_factory
    from services.accounts.operator import COMMAND_LINE_OPERATOR
    from services.epilepsy12.interchange import import_record

    data = read_json(file)
    with session_factory()() as session:
        case_id = import_record(
            session=session, user=COMMAND_LINE_OPERATOR, data=data, organisation=organisation
        )
    click.echo(f"Created child {case_id}, led by {organisation.upper()}.")
