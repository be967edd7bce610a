"""``portal users``: create, deactivate, reset and unlock accounts from the server's command line."""

from __future__ import annotations

import sys

import click

from models.base import utcnow
from portal.db import session_factory
from portal.errors import UserError
from portal.roles import Role
from services.accounts import management
from services.accounts.events import COMMAND_LINE
from services.accounts.listing import (
    STATUSES,
    list_users,
    organisation_id_for_code,
    user_id_for_email,
)
from services.accounts.operator import COMMAND_LINE_OPERATOR as OPERATOR

_ROLE_HELP = ", ".join(role.value for role in Role)


def _handover(email: str, password: str) -> None:
    click.echo(f"Temporary password for {email}: {password}")
    click.echo("Give it to them privately; they must choose their own password when they sign in.")


@click.group("users")
def command() -> None:
    """Manage portal accounts (there is no self sign-up)."""


@command.command("create")
@click.option("--email", required=True, help="Sign-in email address (stored lower-case).")
@click.option("--name", "full_name", required=True, help="The person's full name.")
@click.option("--role", required=True, help=f"One of: {_ROLE_HELP}.")
@click.option(
    "--organisation",
    "ods_code",
    default=None,
    help="ODS code of the employer, e.g. RGT01 (required except for national_audit_team).",
)
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from standard input instead of generating a temporary one; "
    "it must meet the password policy and need not be changed at first sign-in.",
)
def create(email: str, full_name: str, role: str, ods_code: str | None, password_stdin: bool):
    """Create an account and print its temporary password."""
    password = None
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise UserError("No password on standard input.")
    with session_factory()() as session:
        organisation_id = (
            organisation_id_for_code(session=session, ods_code=ods_code) if ods_code else None
        )
        user, temporary = management.create_user(
            session=session,
            actor=OPERATOR,
            email=email,
            full_name=full_name,
            role=role,
            organisation_id=organisation_id,
            password=password,
            origin=COMMAND_LINE,
        )
        click.echo(f"Created {user.email} ({Role(user.role).label}).")
        if temporary:
            _handover(user.email, temporary)


def _apply(action, email: str):
    """Run a management ``action`` on the account with ``email``, as the command-line operator."""
    with session_factory()() as session:
        user_id = user_id_for_email(session=session, email=email)
        return action(session=session, actor=OPERATOR, user_id=user_id, origin=COMMAND_LINE)


@command.command("deactivate")
@click.argument("email")
def deactivate(email: str) -> None:
    """Stop an account signing in and end its sessions."""
    user = _apply(management.deactivate_user, email)
    click.echo(f"Deactivated {user.email}.")


@command.command("reactivate")
@click.argument("email")
def reactivate(email: str) -> None:
    """Let a deactivated account sign in again."""
    user = _apply(management.reactivate_user, email)
    click.echo(f"Reactivated {user.email}.")


@command.command("reset-password")
@click.argument("email")
def reset_password(email: str) -> None:
    """Give an account a new temporary password, end its sessions and lift any lockout."""
    user, temporary = _apply(management.reset_password, email)
    _handover(user.email, temporary)


@command.command("unlock")
@click.argument("email")
def unlock(email: str) -> None:
    """Lift a lockout after too many failed sign-in attempts."""
    user = _apply(management.unlock_user, email)
    click.echo(f"Unlocked {user.email}.")


@command.command("reset-two-factor")
@click.argument("email")
def reset_two_factor(email: str) -> None:
    """Forget an account's authenticator app (a lost phone)."""
    user = _apply(management.reset_two_factor, email)
    click.echo(f"Two-factor sign-in reset for {user.email}.")


@command.command("list")
@click.option("--search", default="", help="Part of a name, email address or organisation.")
@click.option("--role", default=None, type=click.Choice([r.value for r in Role]))
@click.option("--status", default="all", type=click.Choice(list(STATUSES)))
def list_(search: str, role: str | None, status: str) -> None:
    """List accounts, one per line: email, role, organisation, status."""
    now = utcnow()
    with session_factory()() as session:
        page = list_users(
            session=session,
            user=OPERATOR,
            search=search,
            role=role,
            status=status,
            per_page=100_000,
        )
    for row in page.rows:
        state = "active" if row.is_active else "deactivated"
        if row.locked_until is not None and row.locked_until > now:
            state += ", locked"
        if row.must_change_password:
            state += ", temporary password"
        click.echo(f"{row.email}\t{row.role.value}\t{row.ods_code or '-'}\t{state}")
    click.echo(f"{page.total} account{'s' if page.total != 1 else ''}.", err=True)
