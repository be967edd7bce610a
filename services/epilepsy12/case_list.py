"""The case list: the children a user may see, searched, filtered, sorted and paged in SQL.

One query fetches the page and one counts the matches (a text search counts in the page query);
nothing loads every child into Python.
A child is listed by the organisation of their lead site, which must be in the user's scope.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlalchemy import Float, Select, and_, cast, exists, func, literal, not_, or_, select
from sqlalchemy.orm import Session, aliased

from domain.epilepsy12.cohorts import FIRST_COHORT, recruiting_cohort
from domain.epilepsy12.register import Standing, nhs_number_digits, standing
from models.epilepsy12 import SECTIONS, AuditProgress, Case, Registration, Site
from models.geography import Organisation
from portal import access
from services.epilepsy12.sites import LEAD, PENDING, organisation_label

PER_PAGE = 50
STATUSES = {
    "": "All children",
    "registered": "Registered",
    "not_registered": "Not registered",
    "complete": "Audit complete",
    "incomplete": "Audit incomplete",
    "submitted": "Submitted",
    "deadline_passed": "Deadline passed",
    "opted_out": "Opted out",
}
SORTS = ("name", "nhs_number", "id", "cohort", "deadline", "days_remaining", "completeness")


def _int(value) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class CaseQuery:
    """One view of the list: search text, filters, sort and page, as the URL carries them."""

    search: str = ""
    cohort: int | None = None
    status: str = ""
    organisation: str | None = None
    sort: str = "name"
    descending: bool = False
    page: int = 1

    @classmethod
    def from_params(cls, params: Mapping[str, str | None]) -> CaseQuery:
        """Read a view from URL parameters, ignoring unknown keys and malformed values."""
        status = params.get("status") or ""
        sort = params.get("sort") or "name"
        organisation = (params.get("organisation") or "").strip().upper()
        return cls(
            search=" ".join((params.get("q") or "").split())[:100],
            cohort=_int(params.get("cohort")),
            status=status if status in STATUSES else "",
            organisation=organisation[:12] or None,
            sort=sort if sort in SORTS else "name",
            descending=params.get("dir") == "desc",
            page=max(1, _int(params.get("page")) or 1),
        )

    def to_params(self) -> dict[str, str]:
        """Return the URL parameters that reopen this view, leaving out the defaults."""
        params = {
            "q": self.search,
            "cohort": str(self.cohort) if self.cohort is not None else "",
            "status": self.status,
            "organisation": self.organisation or "",
            "sort": self.sort if self.sort != "name" else "",
            "dir": "desc" if self.descending else "",
            "page": str(self.page) if self.page > 1 else "",
        }
        return {key: value for key, value in params.items() if value}

    def with_changes(self, **changes) -> CaseQuery:
        return replace(self, **changes)


@dataclass(frozen=True)
class CaseRow:
    """One child as the list shows them; identifiers are None once opted out."""

    id: int
    first_name: str | None
    surname: str | None
    sex: int | None
    date_of_birth: dt.date | None
    nhs_number: str | None
    opted_out: bool
    submitted: bool
    cohort: int | None
    deadline: dt.date | None
    registered: bool
    complete: bool
    completed: int
    expected: int
    organisation: str
    transfer_pending: bool
    standing: Standing


@dataclass(frozen=True)
class CasePage:
    """One page of children and where it sits among all that matched."""

    rows: list[CaseRow]
    total: int
    page: int
    pages: int
    query: CaseQuery

    @property
    def first(self) -> int:
        return (self.page - 1) * PER_PAGE + 1 if self.total else 0

    @property
    def last(self) -> int:
        return self.first + len(self.rows) - 1 if self.rows else 0


def cohort_choices(today: dt.date) -> list[int]:
    """Return the cohorts a child can belong to, newest first."""
    return list(range(recruiting_cohort(today).number, FIRST_COHORT - 1, -1))


def organisation_choices(*, session: Session, user) -> list[tuple[str, str]]:
    """Return (ODS code, label) of the organisations whose children ``user`` may list."""
    statement = select(Organisation.ods_code, Organisation.name)
    scope = access.scope_for(session, user)
    if scope.is_national:
        statement = statement.where(exists().where(Site.organisation_id == Organisation.id, LEAD))
    statement = scope.restrict(statement, Organisation.id).order_by(Organisation.name)
    return [(ods, organisation_label(name, ods)) for ods, name in session.execute(statement)]


def _total(kind: str):
    columns = [getattr(AuditProgress, f"{section}_total_{kind}_fields") for section in SECTIONS]
    total = columns[0]
    for column in columns[1:]:
        total = total + column
    return func.coalesce(total, 0)


def _search(term: str):
    digits = nhs_number_digits(term)
    if digits.isdigit():
        conditions = [Case.nhs_number.startswith(digits)]
        if len(digits) <= 9:
            conditions.append(Case.id == int(digits))
        return or_(*conditions)
    # Any part of a first name or surname is also part of "first surname": one test covers all.
    full_name = func.lower(Case.first_name + literal(" ") + Case.surname)
    return full_name.contains(term.lower(), autoescape=True)


def _status(status: str, *, registered, complete, today: dt.date):
    past = Registration.audit_submission_date < today
    present = Case.opted_out_at.is_(None)
    return {
        "registered": registered,
        "not_registered": and_(present, not_(registered)),
        "complete": complete,
        "incomplete": and_(present, not_(complete)),
        "submitted": Case.locked.is_(True),
        "deadline_passed": past,
        "opted_out": Case.opted_out_at.is_not(None),
    }.get(status)


#: Filters and sorts that need the registration, or the completeness counters, joined.
NEEDS_REGISTRATION = {"registered", "not_registered", "complete", "incomplete", "deadline_passed"}
NEEDS_PROGRESS = {"complete", "incomplete"}
SORTS_ON_REGISTRATION = {"cohort", "deadline", "days_remaining"}


#: The lead site, once to choose the page and once to show its organisation.
CHOOSING_LEAD, SHOWN_LEAD = aliased(Site, name="choosing_lead"), aliased(Site, name="shown_lead")


def _lead_of(site) -> tuple:
    """Join the child's lead site, written as the partial index ``ix_e12_site_lead_organisation``
    is, so PostgreSQL reads the organisation's children from the index alone."""
    return (
        site.case_id == Case.id,
        site.site_is_primary_centre_of_epilepsy_care,
        site.site_is_actively_involved_in_epilepsy_care,
    )


def _matching(query: CaseQuery, scope, today: dt.date) -> Select:
    """Select the ids of the children matching ``query``, joining only what it needs."""
    lead = CHOOSING_LEAD
    registered = and_(
        Registration.eligibility_criteria_met.is_(True),
        Registration.first_paediatric_assessment_date.is_not(None),
    )
    complete = func.coalesce(AuditProgress.audit_complete, False).is_(True)
    statement = select(Case.id).join(lead, and_(*_lead_of(lead)))
    statement = statement.where(scope.condition(lead.organisation_id))
    if query.organisation:
        statement = statement.join(Organisation, Organisation.id == lead.organisation_id)
        statement = statement.where(Organisation.ods_code == query.organisation)
    needs_progress = query.status in NEEDS_PROGRESS or query.sort == "completeness"
    if (
        query.cohort is not None
        or query.status in NEEDS_REGISTRATION
        or query.sort in SORTS_ON_REGISTRATION
        or needs_progress
    ):
        statement = statement.outerjoin(Registration, Registration.case_id == Case.id)
    if needs_progress:
        statement = statement.outerjoin(
            AuditProgress, AuditProgress.registration_id == Registration.id
        )
    if query.search:
        statement = statement.where(_search(query.search))
    if query.cohort is not None:
        statement = statement.where(Registration.cohort == query.cohort)
    status = _status(query.status, registered=registered, complete=complete, today=today)
    if status is not None:
        statement = statement.where(status)
    return statement


def list_cases(
    *,
    session: Session,
    user,
    query: CaseQuery,
    today: dt.date | None = None,
    per_page: int = PER_PAGE,
) -> CasePage:
    """Return the page of children ``user`` may see that matches ``query``.

    The page statement orders and cuts the matching ids (joining only what the filters and sort
    need), then fetches the page's details. The count is a second, cheap statement, except for a
    text search, whose matching is costly enough to do once: the page statement counts as it goes
    (and a page past the end then costs one count more, to find the last page).
    """
    access.require(user, "e12.case.read")
    today = today or dt.date.today()
    matching = _matching(query, access.scope_for(session, user), today)
    counted_with_page = bool(query.search)
    total = None if counted_with_page else _count(session, matching)
    page = query.page if total is None else min(query.page, _pages(total, per_page))
    rows = session.execute(_page(matching, query, page, per_page, counted_with_page)).all()
    if counted_with_page and rows:
        total = rows[0].total
    elif total is None:
        total = _count(session, matching)
        if total and page > _pages(total, per_page):
            page = _pages(total, per_page)
            rows = session.execute(_page(matching, query, page, per_page, True)).all()
    page = min(page, _pages(total, per_page))
    return CasePage(
        rows=[_row(row, today) for row in rows],
        total=total,
        page=page,
        pages=_pages(total, per_page),
        query=query.with_changes(page=page),
    )


def _count(session: Session, matching: Select) -> int:
    return session.scalar(select(func.count()).select_from(matching.subquery())) or 0


def _pages(total: int, per_page: int) -> int:
    return max(1, math.ceil(total / per_page))


def _page(matching: Select, query: CaseQuery, page: int, per_page: int, count: bool) -> Select:
    """Select one page of children, in order, with everything the list shows of each."""
    keys = _order(query)
    total = func.count().over() if count else literal(None)
    chosen = (
        matching.add_columns(
            total.label("total"),
            *[key.label(f"k{index}") for index, (key, _desc) in enumerate(keys)],
        )
        .order_by(*[_direction(key, desc) for key, desc in keys], _identity(query, Case.id))
        .limit(per_page)
        .offset((page - 1) * per_page)
        .subquery("chosen")
    )
    lead = SHOWN_LEAD
    registered = and_(
        Registration.eligibility_criteria_met.is_(True),
        Registration.first_paediatric_assessment_date.is_not(None),
    )
    pending = exists().where(Site.case_id == Case.id, PENDING)
    return (
        select(
            Case.id,
            Case.first_name,
            Case.surname,
            Case.sex,
            Case.date_of_birth,
            Case.nhs_number,
            Case.opted_out_at.is_not(None),
            Case.locked,
            Registration.cohort,
            Registration.audit_submission_date,
            func.coalesce(registered, False),
            func.coalesce(AuditProgress.audit_complete, False),
            _total("completed"),
            _total("expected"),
            Organisation.name,
            Organisation.ods_code,
            pending,
            chosen.c.total,
        )
        .select_from(chosen)
        .join(Case, Case.id == chosen.c.id)
        .join(lead, and_(*_lead_of(lead)))
        .join(Organisation, Organisation.id == lead.organisation_id)
        .outerjoin(Registration, Registration.case_id == Case.id)
        .outerjoin(AuditProgress, AuditProgress.registration_id == Registration.id)
        .order_by(
            *[_direction(chosen.c[f"k{i}"], desc) for i, (_key, desc) in enumerate(keys)],
            _identity(query, chosen.c.id),
        )
    )


def _direction(key, descending: bool):
    return (key.desc() if descending else key.asc()).nulls_last()


def _identity(query: CaseQuery, column):
    return column.desc() if query.descending and query.sort == "id" else column.asc()


def _order(query: CaseQuery) -> list[tuple]:
    """Return the sort keys of ``query`` as (expression, descending), ties broken by id later."""
    completed, expected = _total("completed"), _total("expected")
    ratio = cast(completed, Float) / func.nullif(expected, 0)
    keys = {
        "name": [func.lower(Case.surname), func.lower(Case.first_name)],
        "nhs_number": [Case.nhs_number],
        "id": [],
        "cohort": [Registration.cohort],
        "deadline": [Registration.audit_submission_date],
        "days_remaining": [Registration.audit_submission_date],
        "completeness": [ratio, completed],
    }[query.sort]
    return [(key, query.descending) for key in keys]


def _row(row, today: dt.date) -> CaseRow:
    (id_, first, surname, sex, born, nhs, opted_out, submitted, cohort, deadline) = row[:10]
    registered, complete, completed, expected, org_name, ods, pending = row[10:17]
    return CaseRow(
        id=id_,
        first_name=first,
        surname=surname,
        sex=sex,
        date_of_birth=born,
        nhs_number=nhs,
        opted_out=bool(opted_out),
        submitted=bool(submitted),
        cohort=cohort,
        deadline=deadline,
        registered=bool(registered),
        complete=bool(complete),
        completed=int(completed or 0),
        expected=int(expected or 0),
        organisation=organisation_label(org_name, ods),
        transfer_pending=bool(pending),
        standing=standing(
            complete=bool(complete),
            registered=bool(registered),
            deadline=deadline,
            opted_out=bool(opted_out),
            today=today,
        ),
    )
