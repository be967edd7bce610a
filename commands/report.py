"""``portal report``: aggregate, publish and export audit results from the command line."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from domain.reporting.levels import Level
from portal.config import get_settings
from portal.errors import UserError


def _report(audit: str):
    from services.reporting.registry import get_report

    try:
        return get_report(audit)
    except KeyError as error:
        raise UserError(str(error.args[0])) from None


@click.group("report")
def command() -> None:
    """Aggregate, publish and export audit results."""


@command.command("aggregate")
@click.option("--audit", required=True, help="Audit name, e.g. epilepsy12.")
@click.option("--cohort", type=int, required=True, help="Cohort number.")
def aggregate_command(audit: str, cohort: int) -> None:
    """Run the aggregation task for one cohort in the foreground and say what it stored."""
    from tasks.reporting import aggregate_cohort

    _report(audit)
    started = time.perf_counter()
    result = aggregate_cohort.run(audit, cohort)
    elapsed = (time.perf_counter() - started) * 1000
    click.echo(
        f"{audit} cohort {cohort}: stored {result['figures']} figures for "
        f"{result['children_included']} children counted ({result['areas']} areas at "
        f"{result['levels']} levels, {result['children_excluded']} excluded as incomplete) "
        f"in {elapsed:.0f} ms; data as of {result['computed_at']}."
    )


@command.command("publish")
@click.option("--audit", required=True)
@click.option("--cohort", type=int, required=True)
@click.option(
    "--by", "email", required=True, help="Email of the national audit team member publishing."
)
@click.option("--note", default=None, help="A note stored with the publication.")
def publish_command(audit: str, cohort: int, email: str, note: str | None) -> None:
    """Publish the cohort's current figures with small numbers suppressed."""
    from sqlalchemy import select

    from models.accounts import User
    from portal.db import session_scope
    from services.reporting.publication import publish

    report = _report(audit)
    with session_scope() as session:
        user = session.scalar(select(User).where(User.email == email.strip().lower()))
        if user is None or not user.is_active:
            raise UserError(f"no active account {email}")
        from portal import access

        if not access.can(user, report.capability_publish):
            raise UserError(f"{email} may not publish {report.title} results")
        snapshot = publish(
            session=session,
            report=report,
            cohort=cohort,
            user=user,
            threshold=get_settings().suppression_threshold,
            note=note,
        )
        click.echo(
            f"Published {report.title} {report.cohort_label(cohort)} as snapshot {snapshot.id} "
            f"(counts below {snapshot.suppression_threshold} suppressed)."
        )


@command.command("export")
@click.option("--audit", required=True)
@click.option("--cohort", type=int, required=True)
@click.option("--level", type=click.Choice([lv.value for lv in Level]), required=True)
@click.option("--published", is_flag=True, help="Export the latest published (suppressed) figures.")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), default="csv")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (default: standard output for CSV, a named file for Excel).",
)
def export_command(
    audit: str, cohort: int, level: str, published: bool, fmt: str, output: Path | None
) -> None:
    """Write the table the dashboard shows for one level as CSV or Excel."""
    from portal.db import session_scope
    from services.reporting.files import csv_bytes, xlsx_bytes
    from services.reporting.publication import latest_published, working
    from services.reporting.tables import EXPORT_COLUMNS, level_table

    report = _report(audit)
    level_enum = Level(level)
    if level_enum not in report.levels:
        raise UserError(f"{report.title} is not reported at level {level}")
    with session_scope() as session:
        finder = latest_published if published else working
        snapshot = finder(session, audit=audit, cohort=cohort)
        if snapshot is None:
            state = "published" if published else "aggregated"
            raise UserError(
                f"{report.title} {report.cohort_label(cohort)} has not been {state} yet"
            )
        rows = [
            row.as_dict()
            for row in level_table(session, report=report, snapshot=snapshot, level=level_enum)
        ]
    if fmt == "csv":
        data = csv_bytes(rows, EXPORT_COLUMNS)
    else:
        data = xlsx_bytes({level_enum.label: (EXPORT_COLUMNS, rows)})
        output = output or Path(
            f"{audit}-cohort{cohort}-{level}{'-published' if published else ''}.xlsx"
        )
    if output is None:
        sys.stdout.buffer.write(data)
        return
    output.write_bytes(data)
    click.echo(f"Wrote {len(rows)} rows to {output}", err=True)
