"""Who the child is (Case) and which hospitals care for them (Site)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator

from domain.epilepsy12.codes import ETHNICITY, SEX
from domain.epilepsy12.record.types import Day, Section, one_of

Name = Annotated[str, Field(max_length=100)]


class Case(Section):
    """The child's demographics; every field is needed to create a case."""

    nhs_number: str | None = None
    first_name: Name | None = None
    surname: Name | None = None
    sex: one_of(SEX) | None = None
    date_of_birth: Day | None = None
    postcode: str | None = None
    ethnicity: one_of(ETHNICITY) | None = None

    @field_validator("nhs_number")
    @classmethod
    def _nhs_number_digits(cls, value: str | None) -> str | None:
        """Store the number as ten digits: spaces removed, left-padded when a sheet lost zeros."""
        if value is None:
            return None
        digits = "".join(value.split())
        return digits.zfill(10) if digits.isdigit() else digits

    @field_validator("postcode")
    @classmethod
    def _postcode_compact(cls, value: str | None) -> str | None:
        """Store postcodes upper case without spaces or dashes."""
        if value is None:
            return None
        return "".join(value.split()).replace("-", "").upper()


class Site(Section):
    """An organisation involved in the child's care, and the roles it plays.

    A listed site is taken to be actively involved unless it says otherwise; every role flag is
    false unless given.
    """

    ods_code: Annotated[str, Field(min_length=3, max_length=12, pattern=r"^[A-Za-z0-9]+$")]
    site_is_actively_involved_in_epilepsy_care: bool = True
    site_is_primary_centre_of_epilepsy_care: bool = False
    site_is_general_paediatric_centre: bool = False
    site_is_paediatric_neurology_centre: bool = False
    site_is_childrens_epilepsy_surgery_centre: bool = False

    @field_validator("ods_code")
    @classmethod
    def _ods_upper(cls, value: str) -> str:
        return value.upper()

    @property
    def is_lead(self) -> bool:
        return (
            self.site_is_actively_involved_in_epilepsy_care
            and self.site_is_primary_centre_of_epilepsy_care
        )
