"""A child's record as JSON: export it with what the portal derives, import it as a new child.

The format is the one ``portal e12 score`` reads (docs/epilepsy12-record.md). Export adds a
``derived`` block (cohort, deadlines, completeness, the 21 results) that import ignores, so an
exported file imports back as the same child, and exports again identically but for its id.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.epilepsy12.cohorts import submission_deadline
from domain.epilepsy12.completeness import count_completeness
from domain.epilepsy12.kpis import score_child
from domain.epilepsy12.record import Record, Site
from domain.epilepsy12.validation import DERIVED_KEY, FieldProblem, RecordError, parse_record
from models.epilepsy12 import Case
from models.geography import Organisation
from portal import access
from portal.access import AccessDenied
from portal.errors import UserError
from services.epilepsy12.access import CaseAction, check_case
from services.epilepsy12.answers import is_national
from services.epilepsy12.changes import actor_for, today_or
from services.epilepsy12.lookup_lists import lookup_lists
from services.epilepsy12.records import NewChild, NewSite, load_child, write_children

INVALID = 2
LEAD_FLAGS = {
    "site_is_primary_centre_of_epilepsy_care": True,
    "site_is_actively_involved_in_epilepsy_care": True,
}


class ImportRefused(UserError):
    """The file cannot become a child; ``problems`` names every field at fault."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        count = len(problems)
        lines = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(
            f"{count} problem{'s' if count > 1 else ''}, nothing imported:\n{lines}",
            exit_code=INVALID,
        )


def derived(record: Record, *, case_id: int, submitted: bool) -> dict[str, Any]:
    """What the portal works out from a record: dates, completeness and results."""
    registration = record.registration
    completeness = count_completeness(record)
    cohort = record.cohort
    return {
        "case_id": case_id,
        "cohort": cohort,
        "completed_first_year_of_care_date": (
            record.first_year_of_care_end.isoformat() if record.first_year_of_care_end else None
        ),
        "audit_submission_date": (
            submission_deadline(cohort).isoformat() if cohort is not None else None
        ),
        "registered": bool(registration and record.is_registered),
        "submitted": submitted,
        "completeness": {
            section: {
                "expected": progress.expected,
                "completed": progress.completed,
                "complete": progress.complete,
            }
            for section, progress in completeness.sections.items()
        },
        "audit_complete": completeness.audit_complete,
        "kpis": score_child(record),
    }


def export_record(*, session: Session, user, case_id: int) -> dict[str, Any]:
    """Return a child's record in the JSON record format, with a ``derived`` block."""
    check_case(session, user=user, case_id=case_id, action=CaseAction.READ)
    child = load_child(session, case_id)
    data = child.record.model_dump(mode="json", exclude_defaults=True)
    data[DERIVED_KEY] = derived(child.record, case_id=child.case_id, submitted=child.locked)
    return data


def _organisations(session: Session, codes: set[str]) -> dict[str, int]:
    rows = session.execute(
        select(Organisation.ods_code, Organisation.id).where(Organisation.ods_code.in_(codes))
    ).all()
    return dict(rows)


def _sites(record: Record, ods_code: str) -> tuple[list[Site], list[FieldProblem]]:
    """Make the importing organisation the lead site; refuse a file led by another one."""
    sites = list(record.sites or ())
    problems = []
    for index, site in enumerate(sites):
        if site.is_lead and site.ods_code != ods_code:
            problems.append(
                FieldProblem(
                    f"sites[{index}].site_is_primary_centre_of_epilepsy_care",
                    f"names {site.ods_code} as the lead site, but the child is being imported "
                    f"for {ods_code}",
                )
            )
    position = next((i for i, site in enumerate(sites) if site.ods_code == ods_code), None)
    if position is None:
        sites.insert(0, Site(ods_code=ods_code, **LEAD_FLAGS))
    else:
        sites[position] = sites[position].model_copy(update=LEAD_FLAGS)
    return sites, problems


def import_record(
    *,
    session: Session,
    user,
    data: Any,
    organisation: str,
    today: dt.date | None = None,
) -> int:
    """Create a child from a record with ``organisation`` (an ODS code) as lead site.

    Everything is checked first and written in one transaction, or nothing is written and
    ``ImportRefused`` lists every problem. Returns the new child's id.
    """
    access.require(user, "e12.case.edit")
    ods_code = organisation.strip().upper()
    lead = session.scalar(select(Organisation.id).where(Organisation.ods_code == ods_code))
    if lead is None:
        raise UserError(f"No organisation has the ODS code {ods_code}.", exit_code=INVALID)
    if not access.scope_for(session, user).allows(lead):
        raise AccessDenied()
    lists = lookup_lists(session)
    try:
        record = parse_record(
            data, today=today_or(today), lookups=lists.lookups, is_national=is_national(user)
        )
    except RecordError as error:
        raise ImportRefused(error.problems) from None

    sites, problems = _sites(record, ods_code)
    known = _organisations(session, {site.ods_code for site in sites})
    for index, site in enumerate(record.sites or ()):
        if site.ods_code not in known:
            problems.append(
                FieldProblem(
                    f"sites[{index}].ods_code", f"no organisation has the code {site.ods_code}"
                )
            )
    nhs_number = record.case.nhs_number
    holder = session.scalar(select(Case.id).where(Case.nhs_number == nhs_number))
    if holder is not None:
        problems.append(FieldProblem("case.nhs_number", f"already belongs to child {holder}"))
    if problems:
        raise ImportRefused(problems)

    record = Record.model_validate(
        {**record.model_dump(), "sites": [site.model_dump() for site in sites]}
    )
    new_sites = [
        NewSite(known[site.ods_code], site.model_dump(exclude={"ods_code"})) for site in sites
    ]
    (case_id,) = write_children(
        session=session,
        children=[NewChild(record, new_sites)],
        lists=lists,
        actor=actor_for(user),
    )
    session.commit()
    if record.cohort is not None:
        from tasks.reporting import request_refresh

        request_refresh("epilepsy12", record.cohort)
    return case_id
