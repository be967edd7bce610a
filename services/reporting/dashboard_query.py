"""The dashboard view a URL asks for: which audit, cohort, organisation and measure, checked.

A shared link is either shown exactly or refused with a reason; it never silently shows
something else (another audit, or an organisation outside the viewer's scope).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.reporting.levels import Level
from models.reporting import ReportFigure, ReportSnapshot
from portal import access
from portal.errors import UserError
from services.reporting.places import organisation_areas, organisation_choices
from services.reporting.registry import CHILDREN_INCLUDED, AuditReport, reports
from services.reporting.views import snapshot_for


def readable_reports(user) -> list[AuditReport]:
    """Return the audits whose results ``user`` may read, by title."""
    found = [r for r in reports().values() if access.can(user, r.capability_read)]
    return sorted(found, key=lambda r: r.title)


@dataclass(frozen=True)
class DashboardQuery:
    """One view of the dashboard, as held in the URL."""

    audit: str
    cohort: int
    organisation: str
    measure: str
    sub: bool = False

    def to_params(self) -> dict[str, str]:
        params = {
            "audit": self.audit,
            "cohort": str(self.cohort),
            "organisation": self.organisation,
            "measure": self.measure,
        }
        if self.sub:
            params["sub"] = "1"
        return params

    def with_changes(self, **changes) -> DashboardQuery:
        return replace(self, **changes)


def _text(params: Mapping, key: str) -> str:
    value = params.get(key)
    return str(value).strip()[:64] if value is not None else ""


def _default_organisation(session: Session, user, report: AuditReport, cohort: int) -> str:
    """The user's own organisation, or (national staff) the one with most children counted."""
    if user.organisation is not None and not access.scope_for(session, user).is_national:
        return user.organisation.ods_code
    snapshot = snapshot_for(session, report=report, cohort=cohort, user=user)
    if snapshot is not None:
        busiest = session.scalar(
            select(ReportFigure.area_code)
            .where(
                ReportFigure.snapshot_id == snapshot.id,
                ReportFigure.level == Level.ORGANISATION.value,
                ReportFigure.measure == CHILDREN_INCLUDED,
            )
            .order_by(ReportFigure.n.desc(), ReportFigure.area_code)
            .limit(1)
        )
        if busiest:
            return busiest
    if user.organisation is not None:
        return user.organisation.ods_code
    choices = organisation_choices(session=session, user=user)
    if not choices:
        raise UserError(
            "Your account is not linked to an organisation, so there is nothing to show."
        )
    return choices[0].ods_code


def default_cohort(session: Session, *, report: AuditReport, today: dt.date) -> int:
    """The cohort a dashboard opens on: the audit's own default (Epilepsy12: the one being
    submitted) once it counts any child, else the newest earlier cohort that does.

    A new submitting cohort counts nobody until its first children finish their year of care
    (Epilepsy12: every December), and a dashboard that opens on a page of "No data" helps no one.
    """
    preferred = report.default_cohort(today)
    counted = session.scalar(
        select(ReportFigure.cohort)
        .join(ReportSnapshot, ReportSnapshot.id == ReportFigure.snapshot_id)
        .where(
            ReportSnapshot.kind == "working",
            ReportFigure.audit == report.audit,
            ReportFigure.cohort <= preferred,
            ReportFigure.level == Level.NATIONAL.value,
            ReportFigure.measure == CHILDREN_INCLUDED,
            ReportFigure.n > 0,
        )
        .order_by(ReportFigure.cohort.desc())
        .limit(1)
    )
    return preferred if counted is None else counted


def _check_organisation(session: Session, user, ods_code: str, today: dt.date) -> None:
    row = organisation_areas(session, today).get(ods_code)
    if row is None:
        raise UserError(f"There is no organisation with the ODS code “{ods_code}”.")
    access.scope_for(session, user).check(row["organisation_id"])


def viewer_key(session: Session, user) -> tuple:
    """What decides which figures a viewer sees unsuppressed: their scope."""
    scope = access.scope_for(session, user)
    return ("national",) if scope.is_national else tuple(sorted(scope.organisation_ids))


def resolve_query(*, session: Session, user, params: Mapping, today: dt.date) -> DashboardQuery:
    """Turn URL parameters into a complete view, filling what is missing with defaults.

    An audit the user may not read, or an organisation outside their scope, is refused rather
    than replaced, so a shared link never silently shows something else.
    """
    readable = readable_reports(user)
    if not readable:
        raise access.AccessDenied()
    audit = _text(params, "audit") or readable[0].audit
    report = next((r for r in readable if r.audit == audit), None)
    if report is None:
        if audit in reports():
            raise access.AccessDenied()
        raise UserError(f"There is no audit called “{audit}”.")
    cohorts = list(report.cohorts(today))
    cohort_text = _text(params, "cohort")
    if cohort_text.isdigit():
        cohort = int(cohort_text)
    else:
        cohort = default_cohort(session, report=report, today=today)
    if cohort not in cohorts:
        raise UserError(
            f"{report.title} has no {report.cohort_label(cohort).lower()}; "
            f"choose one of {', '.join(report.cohort_label(c) for c in cohorts)}."
        )
    organisation = _text(params, "organisation").upper() or _default_organisation(
        session, user, report, cohort
    )
    _check_organisation(session, user, organisation, today)
    names = {spec.name for spec in report.measures}
    measure = _text(params, "measure") or report.measures[0].name
    if measure not in names:
        raise UserError(f"{report.title} has no measure “{measure}”.")
    sub = _text(params, "sub") in ("1", "true", "yes")
    return DashboardQuery(report.audit, cohort, organisation, measure, sub)
