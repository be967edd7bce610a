"""Children for the audit-workflow tests, written from record data by the portal's own writer.

``complete_child`` is the domain tests' girl who passes every measure (first assessed 10 January
2023, cohort 6, scored as of ``TODAY`` = 1 January 2025, before that cohort's deadline), led by
Addenbrooke's with Great Ormond Street as neurology and surgery centre. ``open_child`` is a child
with demographics and a lead site only, first assessed in a cohort still open today.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
from typing import Any

from nhs_number import is_valid
from sqlalchemy.orm import Session

from domain.epilepsy12.record import Record
from services.epilepsy12.lookup_lists import lookup_lists
from services.epilepsy12.records import NewChild, NewSite, write_children
from tests.domain.epilepsy12.builders import TODAY, data
from tests.support.factories import organisation

__all__ = [
    "OPEN_COHORT",
    "TODAY",
    "complete_child",
    "complete_data",
    "empty_child",
    "registered_child",
    "valid_nhs_number",
]

#: A first paediatric assessment in cohort 8, open for submission until January 2027.
OPEN_COHORT = dt.date(2025, 6, 2)

_stems = itertools.count(810_000_001)
NEUROLOGY_CENTRE = "RP401"


def valid_nhs_number() -> str:
    """Return a fresh NHS number that passes the Modulus 11 check."""
    while True:
        stem = str(next(_stems))
        for check_digit in "0123456789":
            if is_valid(stem + check_digit):
                return stem + check_digit


def complete_data(changes: dict[str, Any] | None = None, *, ods_code: str = "RGT01") -> dict:
    """The complete record as JSON data, led by ``ods_code``, with ``changes`` applied."""
    result = data(changes)
    result["case"]["nhs_number"] = valid_nhs_number()
    for site in result.get("sites") or ():
        if site["ods_code"] == "RGT01":
            site["ods_code"] = ods_code
        elif site["ods_code"] == "RGT01X":
            site["ods_code"] = NEUROLOGY_CENTRE
    return result


def write_child(session: Session, record_data: dict, *, locked: bool = False) -> int:
    """Write a child from record data (its ``sites`` name existing organisations); return its id."""
    record = Record.model_validate(copy.deepcopy(record_data))
    sites = [
        NewSite(organisation(session, site.ods_code).id, site.model_dump(exclude={"ods_code"}))
        for site in record.sites or ()
    ]
    extra = {"locked": True, "locked_at": dt.datetime(2024, 12, 1, tzinfo=dt.UTC)} if locked else {}
    (case_id,) = write_children(
        session=session,
        children=[NewChild(record, sites, extra)],
        lists=lookup_lists(session),
        actor=None,
    )
    session.commit()
    return case_id


def complete_child(
    session: Session,
    changes: dict[str, Any] | None = None,
    *,
    ods_code: str = "RGT01",
    locked: bool = False,
) -> int:
    return write_child(session, complete_data(changes, ods_code=ods_code), locked=locked)


def empty_child(
    session: Session,
    *,
    ods_code: str = "RGT01",
    born: dt.date = dt.date(2014, 5, 2),
    sex: int = 2,
    registration: dict | None = None,
    locked: bool = False,
) -> int:
    """A child with demographics, a lead site and an empty registration."""
    record = {
        "case": {
            "nhs_number": valid_nhs_number(),
            "first_name": "Nia",
            "surname": "Hughes",
            "sex": sex,
            "date_of_birth": born.isoformat(),
            "postcode": "CB20QQ",
            "ethnicity": "A",
        },
        "sites": [{"ods_code": ods_code, "site_is_primary_centre_of_epilepsy_care": True}],
        "registration": registration or {},
    }
    return write_child(session, record, locked=locked)


def registered_child(
    session: Session,
    *,
    ods_code: str = "RGT01",
    assessed: dt.date = OPEN_COHORT,
    locked: bool = False,
) -> int:
    """A child registered (eligible, first assessed on ``assessed``) with no forms started."""
    registration = {
        "eligibility_criteria_met": True,
        "first_paediatric_assessment_date": assessed.isoformat(),
    }
    return empty_child(session, ods_code=ods_code, registration=registration, locked=locked)
