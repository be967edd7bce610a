"""Rules for the child's identity and for the first paediatric assessment date."""

from __future__ import annotations

import re
from collections.abc import Iterator

import nhs_number

from domain.epilepsy12.ages import whole_years
from domain.epilepsy12.codes import UNKNOWN_POSTCODES
from domain.epilepsy12.cohorts import (
    FIRST_COHORT,
    earliest_first_assessment,
    submitting_cohort,
)
from domain.epilepsy12.record import Record
from domain.epilepsy12.validation.context import Checks
from domain.epilepsy12.validation.problems import FieldProblem, shown

REQUIRED_DEMOGRAPHICS = (
    "nhs_number",
    "first_name",
    "surname",
    "sex",
    "date_of_birth",
    "postcode",
    "ethnicity",
)
#: A UK postcode written without its space: outward code, then digit and two letters.
POSTCODE = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}")
OLDEST_AT_FIRST_ASSESSMENT = 24

DOB = "case.date_of_birth"
FPA = "registration.first_paediatric_assessment_date"


def nhs_number_problem(number: str) -> str | None:
    if not number.isdigit() or len(number) != 10:
        return "must be 10 digits (spaces allowed)"
    if not nhs_number.is_valid(number):
        return "is not a valid NHS number (its check digit does not match)"
    return None


def postcode_problem(postcode: str) -> str | None:
    if postcode in UNKNOWN_POSTCODES or POSTCODE.fullmatch(postcode):
        return None
    unknown = ", ".join(UNKNOWN_POSTCODES)
    return f"must be a UK postcode such as SW1A 1AA, or one of the unknown codes {unknown}"


def case_problems(record: Record, checks: Checks) -> Iterator[FieldProblem]:
    case = record.case
    for field in REQUIRED_DEMOGRAPHICS:
        if getattr(case, field) is None:
            yield FieldProblem(f"case.{field}", "is required")
    for field in ("first_name", "surname"):
        value = getattr(case, field)
        if value is not None and not value.strip():
            yield FieldProblem(f"case.{field}", "must not be blank")
    if case.nhs_number is not None and (message := nhs_number_problem(case.nhs_number)):
        yield FieldProblem("case.nhs_number", message)
    if case.postcode is not None and (message := postcode_problem(case.postcode)):
        yield FieldProblem("case.postcode", message)
    if case.date_of_birth is not None and case.date_of_birth > checks.today:
        yield FieldProblem(DOB, f"must not be in the future (today is {shown(checks.today)})")


def first_assessment_problems(record: Record, checks: Checks) -> Iterator[FieldProblem]:
    """Not in the future, within an audited cohort, after birth and before the child's 24th year."""
    assessed = record.first_paediatric_assessment_date
    if assessed is None:
        return
    if assessed > checks.today:
        yield FieldProblem(FPA, f"must not be in the future (today is {shown(checks.today)})")
    earliest = earliest_first_assessment()
    if assessed < earliest:
        yield FieldProblem(
            FPA, f"must be on or after {shown(earliest)}, the start of cohort {FIRST_COHORT}"
        )
    elif not checks.is_national:
        open_from = submitting_cohort(checks.today).start
        if assessed < open_from:
            yield FieldProblem(
                FPA,
                f"must be on or after {shown(open_from)}, the start of the cohort now being "
                "submitted; only the national audit team can enter an earlier date",
            )
    born = record.case.date_of_birth
    if born is None:
        return
    if assessed < born:
        yield FieldProblem(
            FPA, f"must not be before the date of birth ({shown(born)})", frozenset({DOB})
        )
    elif whole_years(born, assessed) >= OLDEST_AT_FIRST_ASSESSMENT:
        yield FieldProblem(
            FPA,
            f"the child must be under {OLDEST_AT_FIRST_ASSESSMENT} at the first paediatric "
            f"assessment (was {whole_years(born, assessed)})",
            frozenset({DOB}),
        )
