"""Rules for names chosen from the audit's lists, and for rows that may appear only once."""

from __future__ import annotations

from collections.abc import Iterator

from domain.epilepsy12.lookups import suggestion
from domain.epilepsy12.record import Record
from domain.epilepsy12.validation.context import Checks
from domain.epilepsy12.validation.problems import FieldProblem, join_path


def _unknown(path: str, name: str, allowed, list_name: str) -> FieldProblem:
    return FieldProblem(path, f"{name!r} is not in the {list_name} list{suggestion(name, allowed)}")


def _repeated(rows, key, path_of) -> Iterator[FieldProblem]:
    seen: dict[object, int] = {}
    for index, row in enumerate(rows):
        value = key(row)
        if value is None or None in (value if isinstance(value, tuple) else (value,)):
            continue
        if value in seen:
            yield FieldProblem(path_of(index), f"repeats row {seen[value]}; list each one once")
        else:
            seen[value] = index


def lookup_problems(record: Record, checks: Checks) -> Iterator[FieldProblem]:
    lookups = checks.lookups
    md = record.multiaxial_diagnosis
    if md is not None:
        for index, syndrome in enumerate(md.syndromes):
            name = syndrome.syndrome_name
            if name is not None and name not in lookups.syndromes:
                path = join_path("multiaxial_diagnosis", "syndromes", index, "syndrome_name")
                yield _unknown(path, name, lookups.syndromes, "syndrome")
        yield from _repeated(
            md.syndromes,
            lambda row: row.syndrome_name,
            lambda i: join_path("multiaxial_diagnosis", "syndromes", i, "syndrome_name"),
        )
        for index, comorbidity in enumerate(md.comorbidities):
            name = comorbidity.comorbidity_name
            if name is not None and name not in lookups.comorbidities:
                path = join_path("multiaxial_diagnosis", "comorbidities", index, "comorbidity_name")
                yield _unknown(path, name, lookups.comorbidities, "comorbidity")
        yield from _repeated(
            md.comorbidities,
            lambda row: row.comorbidity_name,
            lambda i: join_path("multiaxial_diagnosis", "comorbidities", i, "comorbidity_name"),
        )
        if md.epilepsy_cause is not None and md.epilepsy_cause not in lookups.epilepsy_causes:
            yield _unknown(
                "multiaxial_diagnosis.epilepsy_cause",
                md.epilepsy_cause,
                lookups.epilepsy_causes,
                "epilepsy cause",
            )
        for index, episode in enumerate(md.episodes):
            for word in episode.description_keywords:
                if word not in lookups.semiology_keywords:
                    path = join_path(
                        "multiaxial_diagnosis", "episodes", index, "description_keywords"
                    )
                    yield _unknown(path, word, lookups.semiology_keywords, "semiology keyword")
    if record.management is not None:
        yield from _medicine_problems(record, checks)


def _medicine_problems(record: Record, checks: Checks) -> Iterator[FieldProblem]:
    medicines = checks.lookups.medicines
    rows = record.management.antiepilepsy_medicines
    for index, medicine in enumerate(rows):
        name, rescue = medicine.medicine_name, medicine.is_rescue_medicine
        if name is None:
            continue
        path = join_path("management", "antiepilepsy_medicines", index, "medicine_name")
        if name not in medicines:
            yield _unknown(path, name, medicines, "medicine")
        elif rescue is not None and rescue not in medicines[name]:
            kind = "rescue" if rescue else "maintenance"
            kind_path = join_path(
                "management", "antiepilepsy_medicines", index, "is_rescue_medicine"
            )
            yield FieldProblem(path, f"{name!r} is not a {kind} medicine", frozenset({kind_path}))
    yield from _repeated(
        rows,
        lambda row: (row.medicine_name, row.is_rescue_medicine),
        lambda i: join_path("management", "antiepilepsy_medicines", i, "medicine_name"),
    )


def site_problems(record: Record) -> Iterator[FieldProblem]:
    sites = record.sites or ()
    leads = [index for index, site in enumerate(sites) if site.is_lead]
    for index in leads[1:]:
        yield FieldProblem(
            join_path("sites", index, "site_is_primary_centre_of_epilepsy_care"),
            f"only one active site can lead the child's care (sites[{leads[0]}] already does)",
        )
    yield from _repeated(
        sites, lambda site: site.ods_code, lambda i: join_path("sites", i, "ods_code")
    )
