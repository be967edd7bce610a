"""``portal users``: one clear line and a non-zero exit for every expected failure."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from models.accounts import AuthEvent, User
from portal.auth.passwords import verify_password
from portal.cli import main
from tests.support.factories import make_user

TEMPORARY = re.compile(r"Temporary password for (\S+): (\S+)")


def run(*args, input=None):
    return CliRunner().invoke(main, ["users", *args], input=input)


def stored(db, email):
    db.expire_all()
    return db.scalar(select(User).where(User.email == email))


def test_create_prints_a_temporary_password(db):
    result = run(
        "create",
        "--email",
        "Kim.Lee@Example.nhs.uk",
        "--name",
        "Kim Lee",
        "--role",
        "clinician",
        "--organisation",
        "rgt01",
    )
    assert result.exit_code == 0, result.output
    email, password = TEMPORARY.search(result.output).groups()
    user = stored(db, "kim.lee@example.nhs.uk")
    assert email == user.email and verify_password(user.password_hash, password)
    assert user.must_change_password and user.organisation.ods_code == "RGT01"
    event = db.scalar(select(AuthEvent))
    assert (event.kind, event.user_agent, event.detail) == (
        "account_created",
        "portal command line",
        "Clinician by command line",
    )


def test_create_a_national_account_with_a_password_from_stdin(db):
    result = run(
        "create",
        "--email",
        "nat@rcpch.ac.uk",
        "--name",
        "Nat Team",
        "--role",
        "national_audit_team",
        "--password-stdin",
        input="violet-otter-kettle-91\n",
    )
    assert result.exit_code == 0, result.output
    assert "Temporary password" not in result.output
    user = stored(db, "nat@rcpch.ac.uk")
    assert verify_password(user.password_hash, "violet-otter-kettle-91")
    assert not user.must_change_password and user.organisation_id is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "clinician"], "Error: Choose the employer organisation"),
        (
            ["--role", "clinician", "--organisation", "XXX99"],
            'No organisation has the ODS code "XXX99"',
        ),
        (["--role", "wizard", "--organisation", "RGT01"], 'Unknown role "wizard"'),
    ],
)
def test_create_failures_are_one_line_and_exit_non_zero(db, args, message):
    result = run("create", "--email", "a@example.nhs.uk", "--name", "A Person", *args)
    assert result.exit_code == 1
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert stored(db, "a@example.nhs.uk") is None


def test_duplicate_email_any_case(db):
    make_user(db, email="taken@example.nhs.uk")
    result = run(
        "create",
        "--email",
        "TAKEN@example.nhs.uk",
        "--name",
        "Someone",
        "--role",
        "nurse",
        "--organisation",
        "RGT01",
    )
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: An account with the email address taken@example.nhs.uk already exists."
    )


def test_weak_stdin_password_is_refused_with_the_policy_message(db):
    result = run(
        "create",
        "--email",
        "nat@rcpch.ac.uk",
        "--name",
        "Nat Team",
        "--role",
        "national_audit_team",
        "--password-stdin",
        input="password123\n",
    )
    assert result.exit_code == 1
    assert "Use at least 16 characters for a national audit role" in result.output
    assert "commonly used" in result.output


def test_reset_password_deactivate_reactivate_unlock(db):
    user = make_user(db, email="kim@example.nhs.uk", failed_sign_ins=2)
    token = user.session_token

    reset = run("reset-password", "KIM@example.nhs.uk")
    assert reset.exit_code == 0, reset.output
    _, password = TEMPORARY.search(reset.output).groups()
    fresh = stored(db, "kim@example.nhs.uk")
    assert verify_password(fresh.password_hash, password) and fresh.session_token != token

    assert run("deactivate", "kim@example.nhs.uk").output == "Deactivated kim@example.nhs.uk.\n"
    assert not stored(db, "kim@example.nhs.uk").is_active
    again = run("deactivate", "kim@example.nhs.uk")
    assert again.exit_code == 1 and "already deactivated" in again.output
    assert run("reactivate", "kim@example.nhs.uk").exit_code == 0
    assert run("unlock", "kim@example.nhs.uk").output == "Unlocked kim@example.nhs.uk.\n"


def test_unknown_email_is_one_line(db):
    result = run("unlock", "ghost@example.nhs.uk")
    assert result.exit_code == 1
    assert result.output == 'Error: No account has the email address "ghost@example.nhs.uk".\n'


def test_list(db):
    make_user(db, email="b@example.nhs.uk", full_name="Bea")
    make_user(db, email="a@example.nhs.uk", full_name="Al", is_active=False)
    result = CliRunner().invoke(main, ["users", "list"])
    lines = result.stdout.splitlines()
    assert lines == [
        "a@example.nhs.uk\tclinician\tRGT01\tdeactivated",
        "b@example.nhs.uk\tclinician\tRGT01\tactive",
    ]
