"""A child's rows as the pure ``Record``: one read for the save path, batches for rescoring.

Reading goes around the ORM on purpose. A save must load the whole record, recount it and rescore
it in a few milliseconds, so the one-to-one parts come back in one joined row and each list
(sites, episodes, syndromes, comorbidities, medicines) in one more query, all in one round trip.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from domain.epilepsy12.record import Record
from services.epilepsy12.records.layout import ROW_LISTS, SITE_FLAGS
from services.epilepsy12.records.pipeline import read_together
from services.epilepsy12.records.queries import HEAD, ONE, RANGE, row_fields


@dataclass(frozen=True)
class SiteRow:
    """A site of the child as the forms show it."""

    id: int
    organisation_id: int
    ods_code: str
    organisation_name: str
    flags: Mapping[str, bool]
    transfer_status: str | None


@dataclass(frozen=True)
class ChildRows:
    """One child's record and the ids and stored derived values a save needs."""

    case_id: int
    locked: bool
    opted_out: bool
    registration_id: int | None
    cohort: int | None
    completed_first_year_of_care_date: dt.date | None
    audit_submission_date: dt.date | None
    form_ids: Mapping[str, int]
    row_ids: Mapping[str, tuple[int, ...]]
    sites: tuple[SiteRow, ...]
    progress_id: int | None
    progress: Mapping[str, Any] | None
    kpi_id: int | None
    kpis: Mapping[str, int | None] | None
    record: Record

    def row_index(self, rows: str, item_id: int) -> int | None:
        """Return the position of row ``item_id`` in its list, or None if it is not there."""
        try:
            return self.row_ids.get(rows, ()).index(item_id)
        except ValueError:
            return None


def _answers(row, spec) -> dict[str, Any]:
    """The answered values of one section of a row; unanswered ones are left out."""
    return {name: row[i] for name, i in spec if row[i] is not None}


def load_children(
    session: Session, case_ids: Sequence[int], *, lock: bool = False
) -> dict[int, ChildRows]:
    """Return the record of each child in ``case_ids`` that exists.

    ``lock`` holds the children's case rows until the transaction ends, for a read before a write.
    Batches are read by the range of their ids, so pass ids that lie close together.
    """
    if not case_ids:
        return {}
    wanted = set(case_ids)
    bounds = {"low": min(wanted), "high": max(wanted)}
    reads = ONE if bounds["low"] == bounds["high"] else RANGE
    head = reads.head_locked if lock else reads.head
    found_heads, found_sites, *found_rows = read_together(
        session.connection(), [head, reads.sites, *reads.rows], bounds
    )
    heads = [row for row in found_heads if row[0] in wanted]
    if not heads:
        return {}
    sites: dict[int, list] = defaultdict(list)
    for site in found_sites:
        sites[site[0]].append(site)
    rows: dict[str, dict[int, list]] = {}
    for name, listed in zip(ROW_LISTS, found_rows, strict=True):
        by_parent: dict[int, list] = defaultdict(list)
        for row in listed:
            by_parent[row[0]].append(row)
        rows[name] = by_parent
    return {head[0]: _child(head, sites[head[0]], rows) for head in heads}


def load_child(session: Session, case_id: int, *, lock: bool = False) -> ChildRows | None:
    """Return one child's record, or None if there is no such child."""
    return load_children(session, [case_id], lock=lock).get(case_id)


def _child(head, sites: list, rows: dict[str, dict[int, list]]) -> ChildRows:
    h = HEAD
    data: dict[str, Any] = {"case": _answers(head, h.case_fields)}
    data["sites"] = [
        {"ods_code": site[3], **{flag: site[6 + i] for i, flag in enumerate(SITE_FLAGS)}}
        for site in sites
    ]
    registration_id = head[h.registration[0][1]]
    form_ids: dict[str, int] = {}
    row_ids: dict[str, tuple[int, ...]] = {}
    if registration_id is not None:
        data["registration"] = _answers(head, h.registration_fields)
        for section, (id_position, spec) in h.forms.items():
            form_id = head[id_position]
            if form_id is None:
                continue
            form_ids[section] = form_id
            data[section] = _answers(head, spec)
        if "multiaxial_diagnosis" in data and head[h.cause] is not None:
            data["multiaxial_diagnosis"]["epilepsy_cause"] = head[h.cause]
        for name, row_list in ROW_LISTS.items():
            parent = form_ids.get(row_list.form)
            if parent is None:
                continue
            found = rows[name].get(parent, [])
            row_ids[name] = tuple(row[1] for row in found)
            spec = tuple((field, 2 + i) for i, field in enumerate(row_fields(row_list)))
            data[row_list.form][name] = [_answers(row, spec) for row in found]
    registration = {name: head[i] for name, i in h.registration}
    progress = {name: head[i] for name, i in h.progress}
    kpis = {name: head[i] for name, i in h.kpi}
    progress_id, kpi_id = progress.pop("id"), kpis.pop("id")
    return ChildRows(
        case_id=head[0],
        locked=bool(head[1]),
        opted_out=head[2] is not None,
        registration_id=registration_id,
        cohort=registration["cohort"],
        completed_first_year_of_care_date=registration["completed_first_year_of_care_date"],
        audit_submission_date=registration["audit_submission_date"],
        form_ids=form_ids,
        row_ids=row_ids,
        sites=tuple(
            SiteRow(
                id=site[1],
                organisation_id=site[2],
                ods_code=site[3],
                organisation_name=site[4],
                flags={flag: site[6 + i] for i, flag in enumerate(SITE_FLAGS)},
                transfer_status=site[5],
            )
            for site in sites
        ),
        progress_id=progress_id,
        progress=progress if progress_id else None,
        kpi_id=kpi_id,
        kpis=kpis if kpi_id else None,
        record=Record.model_validate(data),
    )
