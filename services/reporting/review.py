"""Agreed actions: what a team decided about one measure when reviewing its results together.

A note belongs to (audit, cohort, organisation, measure). Only users who may read the audit's
results and whose scope holds the organisation may read or change it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.accounts import User
from models.base import utcnow
from models.geography import Organisation
from models.reporting import ReviewNote
from portal import access
from portal.errors import UserError
from services.reporting.registry import AuditReport

MAX_LENGTH = 5000


@dataclass(frozen=True)
class Note:
    """A saved note and who last changed it; empty text when none was saved yet."""

    text: str
    updated_at: dt.datetime | None = None
    updated_by: str | None = None


def _organisation_id(session: Session, user, report: AuditReport, ods_code: str) -> int:
    access.require(user, report.capability_read)
    organisation_id = session.scalar(
        select(Organisation.id).where(Organisation.ods_code == ods_code)
    )
    if organisation_id is None:
        raise UserError(f"There is no organisation with the ODS code “{ods_code}”.")
    access.scope_for(session, user).check(organisation_id)
    return organisation_id


def _measure(report: AuditReport, measure: str) -> str:
    try:
        return report.measure(measure).name
    except KeyError:
        raise UserError(f"{report.title} has no measure “{measure}”.") from None


def review_note(
    *, session: Session, user, report: AuditReport, cohort: int, ods_code: str, measure: str
) -> Note:
    """Return the agreed actions saved for this measure, organisation and cohort."""
    key = (report.audit, cohort, _organisation_id(session, user, report, ods_code))
    row = session.execute(
        select(ReviewNote, User.full_name)
        .outerjoin(User, User.id == ReviewNote.updated_by_id)
        .where(
            ReviewNote.audit == key[0],
            ReviewNote.cohort == key[1],
            ReviewNote.organisation_id == key[2],
            ReviewNote.measure == _measure(report, measure),
        )
    ).first()
    if row is None:
        return Note("")
    note, author = row
    return Note(note.agreed_actions, note.updated_at, author)


def save_review_note(
    *,
    session: Session,
    user,
    report: AuditReport,
    cohort: int,
    ods_code: str,
    measure: str,
    text: str,
    today: dt.date,
) -> Note:
    """Save (or, when emptied, remove) the agreed actions and return them as stored."""
    organisation_id = _organisation_id(session, user, report, ods_code)
    measure = _measure(report, measure)
    if cohort not in report.cohorts(today):
        raise UserError(f"{report.title} has no {report.cohort_label(cohort).lower()}.")
    text = (text or "").strip()
    if len(text) > MAX_LENGTH:
        raise UserError(
            f"Agreed actions can be at most {MAX_LENGTH:,} characters; this note has "
            f"{len(text):,}. Nothing was saved."
        )
    note = session.get(ReviewNote, (report.audit, cohort, organisation_id, measure))
    if not text:
        if note is not None:
            session.delete(note)
            session.commit()
        return Note("")
    if note is None:
        note = ReviewNote(
            audit=report.audit, cohort=cohort, organisation_id=organisation_id, measure=measure
        )
        session.add(note)
    note.agreed_actions = text
    note.updated_at = utcnow()
    note.updated_by_id = user.id
    session.commit()
    return Note(text, note.updated_at, user.full_name)
