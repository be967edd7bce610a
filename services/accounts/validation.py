"""Check and tidy what an administrator types about an account, with messages that say what to fix."""

from __future__ import annotations

import re

from domain.accounts.password_policy import password_problems
from portal.errors import UserError
from portal.roles import Role

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
MAX_EMAIL = 254
MAX_NAME = 200


def clean_email(email: str | None) -> str:
    """Return the email address lower-cased, or raise ``UserError`` saying what is wrong."""
    value = (email or "").strip().lower()
    if not value:
        raise UserError("Enter the email address.")
    if len(value) > MAX_EMAIL:
        raise UserError(f"The email address is too long: use at most {MAX_EMAIL} characters.")
    if not _EMAIL.match(value):
        raise UserError(f'"{value}" is not an email address: it should look like name@nhs.net.')
    return value


def clean_name(full_name: str | None) -> str:
    """Return the full name with spaces tidied, or raise ``UserError``."""
    value = " ".join((full_name or "").split())
    if not value:
        raise UserError("Enter the person's full name.")
    if len(value) > MAX_NAME:
        raise UserError(f"The name is too long: use at most {MAX_NAME} characters.")
    return value


def parse_role(role: Role | str | None) -> Role:
    """Return the role named by ``role`` (its value or its label), or raise ``UserError``."""
    if isinstance(role, Role):
        return role
    text = (role or "").strip()
    if not text:
        raise UserError("Choose a role.")
    for candidate in Role:
        if text.lower() in (candidate.value, candidate.label.lower()):
            return candidate
    names = ", ".join(r.value for r in Role)
    raise UserError(f'Unknown role "{text}": choose one of {names}.')


def check_password(
    password: str, *, role: Role, email: str, full_name: str, confirm: str | None = None
) -> None:
    """Raise ``UserError`` listing every way ``password`` breaks the policy."""
    if confirm is not None and password != confirm:
        raise UserError("The two new passwords do not match.")
    problems = password_problems(password, role=role, email=email, full_name=full_name)
    if problems:
        raise UserError(" ".join(problems))
