"""Write whole children from pure ``Record`` values, set-based: import one, or a nation of demo data.

Each table gets one multi-row INSERT per batch (ids come back in order), so writing thirty
thousand children costs a few dozen statements per table, not one per row. Completeness and the
21 scores are computed by the pure rules and stored with the answers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

import models.epilepsy12 as tables
from domain.epilepsy12.cohorts import registration_dates
from domain.epilepsy12.completeness import Completeness, count_completeness
from domain.epilepsy12.kpis import score_child
from domain.epilepsy12.record import Record
from models.audit import AuditEvent
from models.base import utcnow
from portal.audit import Actor
from services.epilepsy12.lookup_lists import LookupLists
from services.epilepsy12.records.bulk import allocate_ids, bulk_insert
from services.epilepsy12.records.layout import (
    CASE_FIELDS,
    FORMS,
    ROW_LISTS,
    SITE_FLAGS,
    stored_fields,
)


@dataclass(frozen=True)
class NewSite:
    """A site row to create: the organisation, its role flags and any transfer details."""

    organisation_id: int
    flags: Mapping[str, bool]
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class NewChild:
    """A child to create. ``record.sites`` must describe the same sites as ``sites``."""

    record: Record
    sites: Sequence[NewSite]
    case_extra: Mapping[str, Any] = field(default_factory=dict)


def column_value(value: Any) -> Any:
    """Store a list answer as a JSON list, and an empty one as NULL (not answered)."""
    if isinstance(value, tuple):
        return list(value) or None
    return value


def progress_values(record: Record, completeness: Completeness | None = None) -> dict[str, Any]:
    """Return the completeness counters of ``record`` as AuditProgress column values."""
    completeness = completeness or count_completeness(record)
    values: dict[str, Any] = {}
    for section, progress in completeness.sections.items():
        values[f"{section}_total_expected_fields"] = progress.expected
        values[f"{section}_total_completed_fields"] = progress.completed
        values[f"{section}_complete"] = progress.complete
    values["audit_complete"] = completeness.audit_complete
    return values


def registration_values(record: Record) -> dict[str, Any]:
    """Return the registration's answers and the dates derived from the assessment date."""
    registration = record.registration
    assessed = registration.first_paediatric_assessment_date if registration else None
    derived = registration_dates(assessed) if assessed else None
    return {
        "first_paediatric_assessment_date": assessed,
        "eligibility_criteria_met": registration.eligibility_criteria_met if registration else None,
        "cohort": derived.cohort if derived else None,
        "completed_first_year_of_care_date": (
            derived.completed_first_year_of_care_date if derived else None
        ),
        "audit_submission_date": derived.audit_submission_date if derived else None,
    }


def _insert(connection: Connection, table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` into ``table`` with new ids, and return the ids in the same order."""
    ids = allocate_ids(connection, table, len(rows))
    for row_id, row in zip(ids, rows, strict=True):
        row["id"] = row_id
    bulk_insert(connection, table, rows)
    return ids


def _in_audit(record: Record) -> bool:
    """A child has a registration once any part of their audit exists (an opted-out one has none)."""
    return record.registration is not None or any(getattr(record, section) for section in FORMS)


def _lookup_id(lists: LookupLists, list_name: str, row) -> int:
    if list_name == "syndromes":
        return lists.syndrome_ids[row.syndrome_name]
    if list_name == "comorbidities":
        return lists.comorbidity_ids[row.comorbidity_name]
    return lists.medicine_ids[(row.medicine_name, row.is_rescue_medicine)]


class _Trail:
    """Collects one insert event per audited row written."""

    def __init__(self, actor: Actor | None) -> None:
        self.actor = actor
        self.now = utcnow()
        self.events: list[dict[str, Any]] = []

    def add(self, table, ids: Sequence[int], rows: Sequence[Mapping[str, Any]]) -> None:
        if self.actor is None:
            return
        for row_id, row in zip(ids, rows, strict=True):
            self.events.append(
                {
                    "at": self.now,
                    "actor_id": self.actor.user_id,
                    "actor_label": self.actor.label,
                    "action": "insert",
                    "table_name": table.name,
                    "row_id": str(row_id),
                    "changed_fields": sorted(k for k, v in row.items() if v is not None),
                }
            )

    def write(self, connection: Connection) -> None:
        bulk_insert(connection, AuditEvent.__table__, self.events)


def write_children(
    *,
    session: Session,
    children: Sequence[NewChild],
    lists: LookupLists,
    actor: Actor | None,
) -> list[int]:
    """Create every child with its sites, registration, forms, rows, counters and scores.

    ``actor`` is who the audit trail names; ``None`` writes no trail (invented demo data only).
    Returns the new case ids in the order of ``children``.
    """
    connection = session.connection()
    trail = _Trail(actor)
    author = actor.user_id if actor else None
    now = utcnow()
    stamp = {
        "created_by_id": author,
        "updated_by_id": author,
        "created_at": now,
        "updated_at": now,
    }

    case_table = tables.Case.__table__
    case_rows = [
        {
            **{name: getattr(child.record.case, name) for name in CASE_FIELDS},
            "locked": False,
            "locked_at": None,
            "opted_out_at": None,
            "consent_patient_confirmed": None,
            **child.case_extra,
            **stamp,
        }
        for child in children
    ]
    case_ids = _insert(connection, case_table, case_rows)
    trail.add(case_table, case_ids, case_rows)

    site_table = tables.Site.__table__
    site_rows = [
        {
            "case_id": case_id,
            "organisation_id": site.organisation_id,
            **{flag: bool(site.flags.get(flag, False)) for flag in SITE_FLAGS},
            "active_transfer": False,
            "transfer_origin_organisation_id": None,
            "transfer_request_date": None,
            "transfer_status": None,
            **site.extra,
            **stamp,
        }
        for case_id, child in zip(case_ids, children, strict=True)
        for site in child.sites
    ]
    trail.add(site_table, _insert(connection, site_table, site_rows), site_rows)

    registration_table = tables.Registration.__table__
    audited = [index for index, child in enumerate(children) if _in_audit(child.record)]
    registration_rows = [
        {"case_id": case_ids[index], **registration_values(children[index].record), **stamp}
        for index in audited
    ]
    inserted = _insert(connection, registration_table, registration_rows)
    trail.add(registration_table, inserted, registration_rows)
    registration_ids = dict(zip(audited, inserted, strict=True))

    form_ids: dict[str, dict[int, int]] = {}
    for section, (model, _pure) in FORMS.items():
        table = model.__table__
        owners, rows = [], []
        for index, child in enumerate(children):
            form = getattr(child.record, section)
            if form is None:
                continue
            values = {name: column_value(getattr(form, name)) for name in stored_fields(section)}
            if section == "multiaxial_diagnosis":
                values["epilepsy_cause_id"] = (
                    lists.epilepsy_cause_ids[form.epilepsy_cause] if form.epilepsy_cause else None
                )
            owners.append(index)
            rows.append({"registration_id": registration_ids[index], **values, **stamp})
        ids = _insert(connection, table, rows)
        trail.add(table, ids, rows)
        form_ids[section] = dict(zip(owners, ids, strict=True))

    for name, row_list in ROW_LISTS.items():
        table = row_list.table.__table__
        rows = []
        for index, child in enumerate(children):
            form = getattr(child.record, row_list.form)
            if form is None:
                continue
            for row in getattr(form, name):
                values = {field: column_value(getattr(row, field)) for field in stored_fields(name)}
                if row_list.lookup_column:
                    values[row_list.lookup_column] = _lookup_id(lists, name, row)
                values[row_list.parent_column] = form_ids[row_list.form][index]
                rows.append({**values, **stamp})
        trail.add(table, _insert(connection, table, rows), rows)

    times = {"created_at": now, "updated_at": now}
    progress_rows, kpi_rows = [], []
    for index, registration_id in registration_ids.items():
        child = children[index]
        progress = progress_values(child.record)
        progress_rows.append({"registration_id": registration_id, **progress, **times})
        scores = score_child(child.record)
        kpi_rows.append({"registration_id": registration_id, **scores, "scored_at": now})
    bulk_insert(connection, tables.AuditProgress.__table__, progress_rows)
    bulk_insert(connection, tables.KPIResult.__table__, kpi_rows)
    trail.write(connection)
    return case_ids
