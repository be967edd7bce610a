"""Build rows for tests with sensible defaults."""

from __future__ import annotations

import itertools

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.accounts import User
from models.geography import Organisation
from portal.auth.passwords import hash_password
from portal.roles import Role

#: Long enough for every role, including the 16 characters national roles need.
PASSWORD = "correct-horse-battery-staple-42"
_counter = itertools.count(1)
_hashes: dict[str, str] = {}


def organisation(session: Session, ods_code: str) -> Organisation:
    """Return the reference organisation with ``ods_code``."""
    found = session.scalar(select(Organisation).where(Organisation.ods_code == ods_code))
    if found is None:
        raise LookupError(f"no organisation {ods_code}: is the reference data loaded?")
    return found


def make_user(
    session: Session,
    *,
    role: Role = Role.CLINICIAN,
    ods_code: str | None = "RGT01",
    email: str | None = None,
    password: str = PASSWORD,
    **fields,
) -> User:
    """Create and commit an active account; national roles get no employer by default."""
    if password not in _hashes:
        _hashes[password] = hash_password(password)
    employer = None
    if not role.is_national and ods_code:
        employer = organisation(session, ods_code)
    user = User(
        email=email or f"user{next(_counter)}@example.nhs.uk",
        full_name=fields.pop("full_name", "Test User"),
        role=role.value,
        organisation=employer,
        password_hash=_hashes[password],
        **fields,
    )
    session.add(user)
    session.commit()
    return user
