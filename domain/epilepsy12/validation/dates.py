"""Rules for every clinical date: none in the future, none before the date it follows.

Each date has an earliest allowed date: the child's birth, the first paediatric assessment, or
the earlier date of its pair (a referral before its input, a request before its result).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from domain.epilepsy12.record import Record
from domain.epilepsy12.record.types import Section
from domain.epilepsy12.validation.context import Checks, parts
from domain.epilepsy12.validation.demographics import DOB, FPA
from domain.epilepsy12.validation.problems import FieldProblem, shown

BIRTH, FIRST_ASSESSMENT = "birth", "first assessment"

#: (kind of section, date field) → what it may not precede: birth, the FPA, or a sibling date.
EARLIEST = {
    ("episode", "seizure_onset_date"): BIRTH,
    ("syndrome", "syndrome_diagnosis_date"): BIRTH,
    ("comorbidity", "comorbidity_diagnosis_date"): BIRTH,
    ("assessment", "consultant_paediatrician_referral_date"): BIRTH,
    ("assessment", "consultant_paediatrician_input_date"): "consultant_paediatrician_referral_date",
    ("assessment", "paediatric_neurologist_referral_date"): FIRST_ASSESSMENT,
    ("assessment", "paediatric_neurologist_input_date"): "paediatric_neurologist_referral_date",
    ("assessment", "childrens_epilepsy_surgical_service_referral_date"): FIRST_ASSESSMENT,
    (
        "assessment",
        "childrens_epilepsy_surgical_service_input_date",
    ): "childrens_epilepsy_surgical_service_referral_date",
    ("assessment", "epilepsy_specialist_nurse_referral_date"): BIRTH,
    (
        "assessment",
        "epilepsy_specialist_nurse_input_date",
    ): "epilepsy_specialist_nurse_referral_date",
    ("investigations", "eeg_request_date"): BIRTH,
    ("investigations", "eeg_performed_date"): "eeg_request_date",
    ("investigations", "mri_brain_requested_date"): BIRTH,
    ("investigations", "mri_brain_reported_date"): "mri_brain_requested_date",
    ("medicine", "antiepilepsy_medicine_start_date"): FIRST_ASSESSMENT,
    ("medicine", "antiepilepsy_medicine_stop_date"): "antiepilepsy_medicine_start_date",
    ("management", "individualised_care_plan_date"): FIRST_ASSESSMENT,
}


def _bound(
    record: Record, section: Section, path: str, earliest: str
) -> tuple[date | None, str, str]:
    """Return the earliest allowed date, how to describe it, and the answer it comes from."""
    if earliest == BIRTH:
        return record.case.date_of_birth, "the date of birth", DOB
    if earliest == FIRST_ASSESSMENT:
        return record.first_paediatric_assessment_date, "the first paediatric assessment", FPA
    sibling = f"{path}.{earliest}"
    return getattr(section, earliest), earliest, sibling


def date_problems(record: Record, checks: Checks) -> Iterator[FieldProblem]:
    for kind, path, section in parts(record):
        if kind in {"case", "registration", "site"}:
            continue
        for field, value in section:
            if not isinstance(value, date):
                continue
            at = f"{path}.{field}"
            if value > checks.today:
                yield FieldProblem(
                    at, f"must not be in the future (today is {shown(checks.today)})"
                )
            earliest = EARLIEST.get((kind, field))
            if earliest is None:
                continue
            bound, described, source = _bound(record, section, path, earliest)
            if bound is not None and value < bound:
                yield FieldProblem(
                    at,
                    f"must not be before {described} ({shown(bound)})",
                    frozenset({source}),
                )
