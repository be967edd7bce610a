"""Rows the Epilepsy12 model tests build on: organisations, a signed-in actor, a child."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from nhs_number import is_valid

from models.epilepsy12 import Case, Site
from tests.support.factories import make_user, organisation

_stems = itertools.count(400_000_001)


def valid_nhs_number() -> str:
    """Return a fresh NHS number that passes the Modulus 11 check."""
    while True:
        stem = str(next(_stems))
        for check_digit in "0123456789":
            if is_valid(stem + check_digit):
                return stem + check_digit


def new_case(**fields) -> Case:
    """Return an unsaved child with complete demographics."""
    values = {
        "nhs_number": valid_nhs_number(),
        "first_name": "Ada",
        "surname": "Lovelace",
        "sex": 2,
        "date_of_birth": dt.date(2015, 3, 14),
        "postcode": "CB20QQ",
        "ethnicity": "A",
    }
    return Case(**(values | fields))


def lead_site(case: Case, organisation_id: int, **fields) -> Site:
    """Return an unsaved lead site of ``case`` at ``organisation_id``."""
    values = {
        "site_is_primary_centre_of_epilepsy_care": True,
        "site_is_actively_involved_in_epilepsy_care": True,
    }
    return Site(case=case, organisation_id=organisation_id, **(values | fields))


@pytest.fixture
def addenbrookes(db):
    return organisation(db, "RGT01")


@pytest.fixture
def kings(db):
    return organisation(db, "RJZ01")


@pytest.fixture
def clinician(db):
    return make_user(db, ods_code="RGT01")
