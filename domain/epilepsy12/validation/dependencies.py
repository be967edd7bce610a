"""Answers that exist only because of another answer (a referral date needs a referral made).

An answer given when its question does not apply contradicts the record: a referral date for a
referral not made, an MRI date for an MRI declined, focal features of a generalised seizure.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from domain.epilepsy12.codes import (
    EPILEPTIC,
    FOCAL_ONSET,
    FOCAL_ONSET_FIELDS,
    GENERALISED_ONSET,
    NON_EPILEPTIC,
    NONEPILEPTIC_SUBTYPE_FIELD,
    SODIUM_VALPROATE,
)
from domain.epilepsy12.record import Record
from domain.epilepsy12.record.types import Section
from domain.epilepsy12.validation.context import parts
from domain.epilepsy12.validation.problems import FieldProblem


@dataclass(frozen=True)
class Dependent:
    """``fields`` may be answered only while ``parent`` is ``value`` (or, if ``absent``, isn't).

    ``flags`` marks yes/no answers for which only "yes" needs the parent (a "no" focal feature
    of a generalised seizure is harmless).
    """

    fields: tuple[str, ...]
    parent: str
    value: Any = True
    absent: bool = False
    flags: bool = False

    def applies(self, section: Section) -> bool:
        matches = getattr(section, self.parent) == self.value
        return not matches if self.absent else matches

    def condition(self) -> str:
        shown = "true" if self.value is True else repr(self.value)
        return f"{self.parent} is {'not ' if self.absent else ''}{shown}"

    def answered(self, value: Any) -> bool:
        if self.flags:
            return value is True
        return value is not None and value != ()


def _referral(pathway: str, *dates: str) -> Dependent:
    return Dependent(tuple(f"{pathway}_{d}" for d in dates), f"{pathway}_referral_made")


REFERRAL_DATES = ("referral_date", "input_date")

DEPENDENTS: dict[str, tuple[Dependent, ...]] = {
    "assessment": (
        _referral("consultant_paediatrician", *REFERRAL_DATES),
        _referral("paediatric_neurologist", *REFERRAL_DATES),
        _referral("childrens_epilepsy_surgical_service", *REFERRAL_DATES),
        _referral("epilepsy_specialist_nurse", *REFERRAL_DATES),
    ),
    "investigations": (
        Dependent(("eeg_request_date", "eeg_performed_date"), "eeg_indicated"),
        Dependent(("eeg_declined",), "eeg_indicated", flags=True),
        Dependent(("eeg_performed_date",), "eeg_declined", absent=True),
        Dependent(("mri_brain_requested_date", "mri_brain_reported_date"), "mri_indicated"),
        Dependent(("mri_declined",), "mri_indicated", flags=True),
        Dependent(("mri_brain_reported_date",), "mri_declined", absent=True),
    ),
    "multiaxial_diagnosis": (
        Dependent(("syndromes",), "syndrome_present"),
        Dependent(("epilepsy_cause", "epilepsy_cause_categories"), "epilepsy_cause_known"),
        Dependent(("comorbidities",), "relevant_impairments_behavioural_educational"),
        Dependent(
            ("global_developmental_delay_or_learning_difficulties_severity",),
            "global_developmental_delay_or_learning_difficulties",
        ),
        Dependent(("mental_health_issues",), "mental_health_issue_identified"),
    ),
    "episode": (
        Dependent(("epileptic_seizure_onset_type",), "epilepsy_or_nonepilepsy_status", EPILEPTIC),
        Dependent(
            ("epileptic_generalised_onset",), "epileptic_seizure_onset_type", GENERALISED_ONSET
        ),
        Dependent(FOCAL_ONSET_FIELDS, "epileptic_seizure_onset_type", FOCAL_ONSET, flags=True),
        Dependent(
            ("nonepileptic_seizure_unknown_onset", "nonepileptic_seizure_type"),
            "epilepsy_or_nonepilepsy_status",
            NON_EPILEPTIC,
        ),
        *(
            Dependent((field,), "nonepileptic_seizure_type", code)
            for code, field in NONEPILEPTIC_SUBTYPE_FIELD.items()
        ),
    ),
    "management": (
        Dependent(
            (
                "individualised_care_plan_date",
                "individualised_care_plan_has_parent_carer_child_agreement",
                "individualised_care_plan_includes_service_contact_details",
                "individualised_care_plan_include_first_aid",
                "individualised_care_plan_parental_prolonged_seizure_care",
                "individualised_care_plan_includes_general_participation_risk",
                "individualised_care_plan_addresses_water_safety",
                "individualised_care_plan_addresses_sudep",
                "individualised_care_plan_includes_ehcp",
                "has_individualised_care_plan_been_updated_in_the_last_year",
            ),
            "individualised_care_plan_in_place",
        ),
    ),
    "medicine": (
        Dependent(
            (
                "is_a_pregnancy_prevention_programme_needed",
                "is_a_pregnancy_prevention_programme_in_place",
                "has_a_valproate_annual_risk_acknowledgement_form_been_completed",
            ),
            "medicine_name",
            SODIUM_VALPROATE,
        ),
    ),
}

#: Rows of the medicines list belong to the question that lists them.
MEDICINE_KIND_PARENT = {
    False: "has_an_aed_been_given",
    True: "has_rescue_medication_been_prescribed",
}


def dependency_problems(record: Record) -> Iterator[FieldProblem]:
    for kind, path, section in parts(record):
        for dependent in DEPENDENTS.get(kind, ()):
            if dependent.applies(section):
                continue
            for field in dependent.fields:
                if dependent.answered(getattr(section, field)):
                    yield FieldProblem(
                        f"{path}.{field}",
                        f"must be left empty unless {dependent.condition()}",
                        frozenset({f"{path}.{dependent.parent}"}),
                    )
    if record.management is not None:
        yield from _medicine_kind_problems(record)


def _medicine_kind_problems(record: Record) -> Iterator[FieldProblem]:
    management = record.management
    for index, medicine in enumerate(management.antiepilepsy_medicines):
        path = f"management.antiepilepsy_medicines[{index}]"
        if medicine.is_rescue_medicine is None:
            yield FieldProblem(
                f"{path}.is_rescue_medicine",
                "is required: true for a rescue medicine, false for a maintenance medicine",
            )
            continue
        parent = MEDICINE_KIND_PARENT[medicine.is_rescue_medicine]
        if getattr(management, parent) is not True:
            kind = "a rescue" if medicine.is_rescue_medicine else "a maintenance"
            yield FieldProblem(
                path,
                f"is {kind} medicine, which can be listed only when management.{parent} is true",
                frozenset({f"management.{parent}", f"{path}.is_rescue_medicine"}),
            )


def answers_to_clear(section: Section, kind: str, field: str, value: Any) -> list[str]:
    """Name the answers of ``section`` that setting ``field`` to ``value`` leaves inapplicable.

    A form saving ``field`` clears these in the same save, so the record stays consistent;
    clearing one answer may in turn clear the answers that depend on it. Rows listed under a
    question (medicines under "medicine given?") are deleted by the form, not named here.
    """
    changed = section.model_copy(update={field: value})
    cleared: list[str] = []
    changed_parents = [field]
    while changed_parents:
        parent = changed_parents.pop()
        for dependent in DEPENDENTS.get(kind, ()):
            if dependent.parent != parent or dependent.applies(changed):
                continue
            for name in dependent.fields:
                if name not in cleared and dependent.answered(getattr(changed, name)):
                    cleared.append(name)
                    changed_parents.append(name)
                    changed = changed.model_copy(update={name: _empty(changed, name)})
    return cleared


def _empty(section: Section, field: str) -> Any:
    return () if isinstance(getattr(section, field), tuple) else None
