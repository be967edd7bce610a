"""Identity rules (spec §7.1) and the first paediatric assessment date (spec §7.2)."""

from __future__ import annotations

from datetime import date

import pytest

from domain.epilepsy12.validation import RecordError, parse_record
from domain.epilepsy12.validation.demographics import REQUIRED_DEMOGRAPHICS
from tests.domain.epilepsy12.builders import LOOKUPS, REMOVE, TODAY, born, data

FPA = "registration.first_paediatric_assessment_date"


def problems(changes: dict, *, is_national: bool = True, today: date = TODAY) -> dict[str, str]:
    try:
        parse_record(data(changes), today=today, lookups=LOOKUPS, is_national=is_national)
    except RecordError as error:
        return {p.path: p.message for p in error.problems}
    return {}


@pytest.mark.parametrize("field", REQUIRED_DEMOGRAPHICS)
def test_every_demographic_is_required(field):
    assert problems({f"case.{field}": REMOVE}).get(f"case.{field}") == "is required"


@pytest.mark.parametrize(
    "number",
    [
        pytest.param("9434765919", id="plain"),
        pytest.param("943 476 5919", id="spaced"),
        pytest.param("4010232137", id="england"),
        pytest.param(" 401 023 2137 ", id="padded-with-spaces"),
    ],
)
def test_valid_nhs_numbers(number):
    assert problems({"case.nhs_number": number}) == {}


@pytest.mark.parametrize(
    ("number", "message"),
    [
        pytest.param("9434765918", "check digit does not match", id="wrong-check-digit"),
        pytest.param("4010232138", "check digit does not match", id="wrong-check-digit-2"),
        pytest.param("94347659", "check digit does not match", id="short-padded-with-zeros"),
        pytest.param("94347659190", "must be 10 digits", id="eleven-digits"),
        pytest.param("943-476-5919", "must be 10 digits", id="dashes"),
        pytest.param("NHS1234567", "must be 10 digits", id="letters"),
    ],
)
def test_invalid_nhs_numbers(number, message):
    assert message in problems({"case.nhs_number": number})["case.nhs_number"]


@pytest.mark.parametrize(
    "postcode",
    [
        "CB2 0QQ",
        "cb20qq",
        "SW1A 1AA",
        "M1 1AE",
        "B33 8TH",
        "CR2 6XH",
        "DN55 1PT",
        "W1A 0AX",
        "EC1A 1BB",
        "CF10 1EP",
        "ZZ99 3CZ",
        "ZZ993GZ",
        "zz99 3wz",
        "ZZ99 3VZ",
    ],
)
def test_valid_postcodes(postcode):
    assert problems({"case.postcode": postcode}) == {}


@pytest.mark.parametrize(
    "postcode", ["CB2", "12345", "CB2 0Q", "C 0QQ", "CB2 QQ0", "CB2 0QQQ", "-"]
)
def test_invalid_postcodes(postcode):
    assert "must be a UK postcode" in problems({"case.postcode": postcode})["case.postcode"]


@pytest.mark.parametrize("field", ["first_name", "surname"])
def test_names_must_not_be_blank(field):
    assert problems({f"case.{field}": "   "}) == {f"case.{field}": "must not be blank"}


def test_date_of_birth_must_not_be_in_the_future():
    found = problems({"case.date_of_birth": "2025-01-02"})
    assert found["case.date_of_birth"] == "must not be in the future (today is 2025-01-01)"


def test_date_of_birth_today_is_allowed():
    found = problems({"case.date_of_birth": "2025-01-01", "registration": REMOVE})
    assert "case.date_of_birth" not in found


@pytest.mark.parametrize(
    ("first_assessment", "message"),
    [
        pytest.param("2025-01-02", "must not be in the future", id="future"),
        pytest.param(
            "2020-11-30",
            "must be on or after 2020-12-01, the start of cohort 4",
            id="before-cohort-4",
        ),
        pytest.param(
            "2009-06-14", "must not be before the date of birth (2009-06-15)", id="before-birth"
        ),
    ],
)
def test_first_assessment_date_problems(first_assessment, message):
    assert message in problems({FPA: first_assessment})[FPA]


@pytest.mark.parametrize(
    ("first_assessment", "ok"),
    [
        pytest.param("2020-12-01", True, id="first-day-of-cohort-4"),
        pytest.param("2025-01-01", True, id="today"),
    ],
)
def test_first_assessment_dates_accepted(first_assessment, ok):
    changes = {FPA: first_assessment, "case.date_of_birth": "2015-01-01"}
    assert (FPA not in problems(changes)) is ok


@pytest.mark.parametrize(
    ("birth", "accepted"),
    [
        pytest.param(born(24, days=1), True, id="day-before-24th-birthday"),
        pytest.param(born(24), False, id="24th-birthday"),
        pytest.param(born(30), False, id="aged-30"),
    ],
)
def test_child_must_be_under_24_at_first_assessment(birth, accepted):
    found = problems({"case.date_of_birth": birth})
    if accepted:
        assert FPA not in found
    else:
        assert "the child must be under 24 at the first paediatric assessment" in found[FPA]


@pytest.mark.parametrize(
    ("first_assessment", "is_national", "accepted"),
    [
        pytest.param("2023-12-01", False, True, id="clinician-submitting-cohort-start"),
        pytest.param("2023-11-30", False, False, id="clinician-day-before"),
        pytest.param("2023-01-10", False, False, id="clinician-closed-cohort"),
        pytest.param("2023-01-10", True, True, id="national-closed-cohort"),
        pytest.param("2020-12-01", True, True, id="national-cohort-4"),
    ],
)
def test_clinicians_enter_only_open_cohorts(first_assessment, is_national, accepted):
    changes = {FPA: first_assessment, "case.date_of_birth": "2015-01-01"}
    found = problems(changes, is_national=is_national)
    if accepted:
        assert FPA not in found
    else:
        assert found[FPA].startswith("must be on or after 2023-12-01, the start of the cohort now")
