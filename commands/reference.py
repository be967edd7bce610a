"""``portal reference``: load the reference geography from its files and show what is loaded."""

from __future__ import annotations

from pathlib import Path

import click

from portal.config import get_settings
from portal.db import refresh_statistics, session_scope


@click.group("reference")
def command() -> None:
    """Load and inspect the reference geography (organisations, NHS areas, boundaries)."""


@command.command("load")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
def load(directory: Path | None) -> None:
    """Load the reference files in DIRECTORY (default: PORTAL_REFERENCE_DIR) and report changes."""
    from services.reference.loader import ReferenceDataError, load_reference

    directory = directory or get_settings().portal_reference_dir
    try:
        with session_scope() as session:
            report = load_reference(session=session, directory=directory)
    except ReferenceDataError as error:
        for line in str(error).splitlines():
            click.echo(f"Error: {line}", err=True)
        count = len(error.problems)
        noun = "problem" if count == 1 else "problems"
        click.echo(f"Error: {count} {noun} found; nothing was loaded.", err=True)
        raise SystemExit(error.exit_code) from None
    click.echo(str(report))
    click.echo(f"Took {report.seconds:.1f} s.")
    refresh_statistics()


@command.command("status")
def status() -> None:
    """Show how many rows each reference table holds and when the data last changed."""
    from services.reference.status import reference_status

    with session_scope() as session:
        click.echo(str(reference_status(session=session)))
