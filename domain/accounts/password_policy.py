"""The password policy: long enough for the role, not common, not built from the user's name."""

from __future__ import annotations

import re
import secrets
from functools import lru_cache

from portal.roles import Role

MAX_LENGTH = 128
#: Name and email fragments shorter than this are too common inside words to refuse.
_MIN_PERSONAL_FRAGMENT = 3
_SEPARATORS = re.compile(r"[\s._+\-'@]+")
_EDGE_NOISE = re.compile(r"^[\d\W_]+|[\d\W_]+$")
#: No 0/o, 1/l/i: a temporary password is read aloud or copied from a screen.
_TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """Return the 30,000 most frequently used passwords known to zxcvbn, lower-case."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(word.lower() for word in FREQUENCY_LISTS["passwords"])


def _personal_fragments(email: str, full_name: str) -> set[str]:
    local_part = email.split("@", 1)[0].lower()
    fragments = {local_part, *_SEPARATORS.split(local_part), *_SEPARATORS.split(full_name.lower())}
    return {f for f in fragments if len(f) >= _MIN_PERSONAL_FRAGMENT}


def _is_common(password: str) -> bool:
    lowered = password.lower()
    common = common_passwords()
    if lowered in common:
        return True
    core = _EDGE_NOISE.sub("", lowered)
    return len(core) >= 4 and core in common


def password_problems(
    password: str, *, role: Role, email: str = "", full_name: str = ""
) -> list[str]:
    """Return what is wrong with ``password`` for this account, as sentences; empty if it is fine."""
    problems = []
    minimum = role.min_password_length
    if len(password) < minimum:
        who = " for a national audit role" if role.is_national else ""
        problems.append(f"Use at least {minimum} characters{who} (this has {len(password)}).")
    if len(password) > MAX_LENGTH:
        problems.append(f"Use at most {MAX_LENGTH} characters (this has {len(password)}).")
    if password and password.strip() != password:
        problems.append("Do not start or end the password with a space.")
    if password and _is_common(password):
        problems.append("This is one of the most commonly used passwords: choose another.")
    elif len(set(password)) < 5 and password:
        problems.append("Use at least 5 different characters.")
    lowered = password.lower()
    found = sorted(f for f in _personal_fragments(email, full_name) if f in lowered)
    if found:
        problems.append("Do not include your name or email address in the password.")
    return problems


def temporary_password() -> str:
    """Return a random 23-character password for a new or reset account, in groups of five."""
    groups = ["".join(secrets.choice(_TEMPORARY_ALPHABET) for _ in range(5)) for _ in range(4)]
    return "-".join(groups)
