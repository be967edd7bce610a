"""``portal db``: create and upgrade the database schema with Alembic."""

from __future__ import annotations

import click


@click.group("db")
def command() -> None:
    """Manage the database schema."""


@command.command("upgrade")
def upgrade() -> None:
    """Create or upgrade every table to the latest migration."""
    from portal.migrations import upgrade_schema

    upgrade_schema()
    click.echo("Database schema is up to date.")


@command.command("check")
def check() -> None:
    """Fail if the models and the migrations disagree."""
    from portal.migrations import check_schema

    check_schema()
    click.echo("Models and migrations agree.")
