"""Read the child's details from a form: every field required, each error said next to its field.

The rules are Epilepsy12's (spec §7.1): NHS number passes the Modulus 11 check, postcode is a UK
postcode or one of the four ONS "unknown" codes, date of birth not in the future. Nothing is looked
up on the internet. Uniqueness of the NHS number needs the database, so the services check it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from domain.epilepsy12.ages import years_after
from domain.epilepsy12.codes import ETHNICITY, SEX, UNKNOWN_POSTCODES
from domain.epilepsy12.cohorts import earliest_first_assessment
from domain.epilepsy12.register import format_nhs_number, nhs_number_digits
from domain.epilepsy12.validation.demographics import (
    OLDEST_AT_FIRST_ASSESSMENT,
    POSTCODE,
    nhs_number_problem,
)
from portal.errors import UserError

#: The form's fields in the order a person fills them in (and errors are focused).
FIELDS = (
    "first_name",
    "surname",
    "nhs_number",
    "date_of_birth",
    "sex",
    "ethnicity",
    "postcode",
    "lead_organisation",
)
LABELS = {
    "first_name": "First name",
    "surname": "Surname",
    "nhs_number": "NHS number",
    "date_of_birth": "Date of birth",
    "sex": "Sex",
    "ethnicity": "Ethnicity",
    "postcode": "Postcode",
    "lead_organisation": "Lead organisation",
}
NAME_LENGTH = 100


def earliest_birth_date() -> dt.date:
    """A child born before this was 24 by the first audited cohort, so cannot be in the audit."""
    return years_after(earliest_first_assessment(), -OLDEST_AT_FIRST_ASSESSMENT)


@dataclass(frozen=True)
class Demographics:
    """The child's identifiers and demographics, checked and normalised."""

    first_name: str
    surname: str
    nhs_number: str
    date_of_birth: dt.date
    sex: int
    ethnicity: str
    postcode: str


class FormProblems(UserError):
    """The form cannot be saved; ``problems`` maps each field at fault to what is wrong."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        self.problems = {field: problems[field] for field in FIELDS if field in problems}
        super().__init__(" ".join(self.problems.values()))


def _text(value: Any) -> str:
    return " ".join(str(value or "").split())


def _name(value: Any, label: str, problems: dict, field: str) -> str:
    text = _text(value)
    if not text:
        problems[field] = f"Enter the child's {label.lower()}."
    elif len(text) > NAME_LENGTH:
        problems[field] = f"{label} must be at most {NAME_LENGTH} characters (this is {len(text)})."
    return text


def _nhs_number(value: Any, problems: dict) -> str:
    digits = nhs_number_digits(value)
    if not digits:
        problems["nhs_number"] = "Enter the child's NHS number (10 digits)."
    elif not digits.isdigit():
        problems["nhs_number"] = "An NHS number has only digits, such as 943 476 5919."
    elif len(digits) != 10:
        problems["nhs_number"] = f"An NHS number has 10 digits; this has {len(digits)}."
    elif nhs_number_problem(digits):
        problems["nhs_number"] = (
            f"NHS number {format_nhs_number(digits)} fails the check digit: "
            "check it against the child's notes."
        )
    return digits


def _date_of_birth(value: Any, today: dt.date, problems: dict) -> dt.date | None:
    if isinstance(value, dt.date):
        born = value
    else:
        try:
            born = dt.date.fromisoformat(_text(value))
        except ValueError:
            problems["date_of_birth"] = (
                "Enter the date of birth as a date, such as 14/03/2015."
                if _text(value)
                else "Enter the child's date of birth."
            )
            return None
    if born > today:
        problems["date_of_birth"] = (
            f"Date of birth must not be in the future (today is {today:%-d %B %Y})."
        )
    elif born < earliest_birth_date():
        problems["date_of_birth"] = (
            f"Date of birth must be on or after {earliest_birth_date():%-d %B %Y}: children born "
            f"earlier were {OLDEST_AT_FIRST_ASSESSMENT} or older when the audit began."
        )
    return born


def _code(value: Any, codes: Mapping, field: str, problems: dict, missing: str):
    text = _text(value)
    for code in codes:
        if str(code) == text:
            return code
    problems[field] = (
        missing if not text else f"Choose one of the listed {LABELS[field].lower()} options."
    )
    return None


def _postcode(value: Any, unknown_reason: Any, problems: dict) -> str:
    reason = _text(unknown_reason).upper()
    if reason:
        if reason not in UNKNOWN_POSTCODES:
            problems["postcode"] = "Choose one of the listed reasons the postcode is not known."
        return reason
    compact = "".join(str(value or "").split()).replace("-", "").upper()
    if not compact:
        problems["postcode"] = "Enter the child's postcode, or choose why it is not known."
    elif compact in UNKNOWN_POSTCODES:
        return compact
    elif not POSTCODE.fullmatch(compact):
        problems["postcode"] = (
            f"“{_text(value)}” is not a UK postcode: enter one such as CB2 0QQ, "
            "or choose why it is not known."
        )
    return compact


def parse_demographics(form: Mapping[str, Any], *, today: dt.date) -> Demographics:
    """Return the checked details in ``form``, or raise ``FormProblems`` naming every bad field."""
    problems: dict[str, str] = {}
    first_name = _name(form.get("first_name"), "First name", problems, "first_name")
    surname = _name(form.get("surname"), "Surname", problems, "surname")
    nhs_number = _nhs_number(form.get("nhs_number"), problems)
    born = _date_of_birth(form.get("date_of_birth"), today, problems)
    sex = _code(form.get("sex"), SEX, "sex", problems, "Choose the child's sex.")
    ethnicity = _code(
        form.get("ethnicity"), ETHNICITY, "ethnicity", problems, "Choose the child's ethnicity."
    )
    postcode = _postcode(form.get("postcode"), form.get("postcode_unknown"), problems)
    if problems:
        raise FormProblems(problems)
    return Demographics(
        first_name=first_name,
        surname=surname,
        nhs_number=nhs_number,
        date_of_birth=born,
        sex=sex,
        ethnicity=ethnicity,
        postcode=postcode,
    )
