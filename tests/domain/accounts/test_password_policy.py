"""The password policy: length by role, common passwords, personal details."""

from __future__ import annotations

import pytest

from domain.accounts.password_policy import (
    MAX_LENGTH,
    common_passwords,
    password_problems,
    temporary_password,
)
from portal.roles import Role

pytestmark = pytest.mark.sqlite


def problems(password, role=Role.CLINICIAN, email="jane.smith@nhs.net", name="Jane Smith"):
    return password_problems(password, role=role, email=email, full_name=name)


def test_a_long_unusual_passphrase_is_accepted():
    assert problems("violet-otter-kettle-91") == []


@pytest.mark.parametrize(
    ("role", "minimum"), [(Role.CLINICIAN, 10), (Role.NURSE, 10), (Role.NATIONAL_AUDIT_TEAM, 16)]
)
def test_minimum_length_depends_on_the_role(role, minimum):
    passphrase = "violet-otter-kettle-91-xyz"
    assert problems(passphrase[: minimum - 1], role) != []
    assert problems(passphrase[:minimum], role) == []


def test_the_national_message_names_the_role_and_the_length():
    (message,) = problems("violet-otter-1", Role.NATIONAL_AUDIT_TEAM)
    assert message == "Use at least 16 characters for a national audit role (this has 14)."


def test_other_roles_are_told_ten():
    assert problems("violet-1", Role.DOCTOR) == ["Use at least 10 characters (this has 8)."]


def test_too_long_is_refused():
    assert problems("violet-otter-" * 10) == [
        f"Use at most {MAX_LENGTH} characters (this has 130)."
    ]


@pytest.mark.parametrize("password", ["qwertyuiop", "1234567890", "Manchester", "password123"])
def test_common_passwords_are_refused_in_any_case(password):
    assert password.lower() in common_passwords()
    assert "This is one of the most commonly used passwords: choose another." in problems(password)


@pytest.mark.parametrize("password", ["Liverpool2024!", "!!sunshine123456", "football1234567"])
def test_a_common_word_padded_with_digits_and_symbols_is_refused(password):
    assert "This is one of the most commonly used passwords: choose another." in problems(password)


@pytest.mark.parametrize(
    "password", ["jane.smith-rocks", "my-smith-password", "JANE!correct-horse", "xx-jane.smith-xx"]
)
def test_name_and_email_local_part_are_refused(password):
    assert "Do not include your name or email address in the password." in problems(password)


def test_short_name_parts_do_not_block_ordinary_words():
    found = password_problems(
        "violet-otter-kettle", role=Role.NURSE, email="al@nhs.net", full_name="Al Ng"
    )
    assert found == []


def test_too_few_different_characters():
    assert problems("ababababababab") == ["Use at least 5 different characters."]


def test_surrounding_spaces_are_refused():
    assert "Do not start or end the password with a space." in problems(" violet-otter-kettle")


def test_every_problem_is_reported_at_once():
    found = problems("dragon", Role.NATIONAL_AUDIT_TEAM, name="Jane Dragon")
    assert len(found) == 3  # too short, common, contains the name


def test_temporary_passwords_meet_the_policy_for_every_role():
    seen = set()
    for _ in range(50):
        password = temporary_password()
        seen.add(password)
        for role in Role:
            assert password_problems(password, role=role, email="a@b.nhs.uk") == []
    assert len(seen) == 50
