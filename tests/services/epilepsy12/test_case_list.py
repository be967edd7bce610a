"""The case list: scope, search, filters, sorting and paging, all in two SQL statements."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event

from domain.epilepsy12.register import DeadlineStatus
from models.epilepsy12 import Case, Site
from portal.access import AccessDenied
from portal.roles import Role
from services.epilepsy12 import cases
from services.epilepsy12.case_list import PER_PAGE, CaseQuery, list_cases, organisation_choices
from tests.support.e12_cases import TODAY, make_child, national_user, register, valid_nhs_number
from tests.support.factories import make_user, organisation

pytestmark = pytest.mark.sqlite


@pytest.fixture
def clinician(db):
    return make_user(db, role=Role.CLINICIAN, ods_code="RGT01")


def listed(db, user, **query) -> list[int]:
    page = list_cases(session=db, user=user, query=CaseQuery(**query), today=TODAY)
    return [row.id for row in page.rows]


def test_a_trust_user_sees_the_children_of_their_trust_only(db, clinician):
    here = make_child(db, "RGT01")
    sister = make_child(db, "RGT1W")
    make_child(db, "RJZ01")
    assert sorted(listed(db, clinician)) == [here.id, sister.id]


def test_national_staff_see_everyone_and_can_filter_by_organisation(db):
    here = make_child(db, "RGT01")
    there = make_child(db, "RJZ01")
    national = national_user(db)
    assert sorted(listed(db, national)) == [here.id, there.id]
    assert listed(db, national, organisation="RJZ01") == [there.id]
    codes = [code for code, _label in organisation_choices(session=db, user=national)]
    assert set(codes) == {"RGT01", "RJZ01"}


def test_roles_outside_the_audit_cannot_list(db):
    with pytest.raises(AccessDenied):
        list_cases(
            session=db, user=make_user(db, role=Role.NURSE, ods_code="RGT01"), query=CaseQuery()
        )


@pytest.mark.parametrize(
    "search", ["ada", "LOVE", "ada lovelace", "943 476 5919", "9434765919", "943476"]
)
def test_search_by_name_or_nhs_number(db, clinician, search):
    ada = make_child(db, nhs_number="9434765919")
    make_child(db, first_name="Grace", surname="Hopper")
    assert listed(db, clinician, search=search) == [ada.id]


def test_search_by_case_id(db, clinician):
    make_child(db)
    wanted = make_child(db)
    assert wanted.id in listed(db, clinician, search=str(wanted.id))


def test_search_treats_wildcards_as_text(db, clinician):
    make_child(db, surname="O'Brien")
    assert listed(db, clinician, search="%") == []
    assert len(listed(db, clinician, search="o'b")) == 1


def test_filters_by_cohort_and_status(db, clinician):
    unregistered = make_child(db)
    incomplete = make_child(db)
    register(db, incomplete)  # cohort 7
    complete = make_child(db)
    register(db, complete, complete=True)
    old = make_child(db)
    register(db, old, first_assessment=dt.date(2022, 1, 10), complete=True)  # cohort 5
    submitted = make_child(db)
    register(db, submitted, complete=True)
    cases.submit(session=db, user=clinician, case_id=submitted.id, today=TODAY)
    gone = make_child(db)
    cases.opt_out(session=db, user=clinician, case_id=gone.id, today=TODAY)

    def status(value):
        return sorted(listed(db, clinician, status=value))

    assert status("registered") == sorted([incomplete.id, complete.id, old.id, submitted.id])
    assert status("not_registered") == [unregistered.id]
    assert status("complete") == sorted([complete.id, old.id, submitted.id])
    assert status("incomplete") == sorted([unregistered.id, incomplete.id])
    assert status("submitted") == [submitted.id]
    assert status("deadline_passed") == [old.id]
    assert status("opted_out") == [gone.id]
    assert sorted(listed(db, clinician, cohort=5)) == [old.id]
    assert sorted(listed(db, clinician, cohort=7, status="complete")) == sorted(
        [complete.id, submitted.id]
    )


def test_rows_carry_standing_completeness_and_masked_identifiers(db, clinician):
    child = make_child(db)
    register(db, child, complete=True)
    gone = make_child(db)
    cases.opt_out(session=db, user=clinician, case_id=gone.id, today=TODAY)
    rows = {
        row.id: row
        for row in list_cases(session=db, user=clinician, query=CaseQuery(), today=TODAY).rows
    }
    row = rows[child.id]
    assert row.cohort == 7 and row.deadline == dt.date(2026, 1, 13)
    assert row.standing.status is DeadlineStatus.COMPLETE and row.standing.days_left == 318
    assert row.completed == row.expected > 0
    masked = rows[gone.id]
    assert masked.opted_out and masked.nhs_number is None and masked.surname is None
    assert masked.standing.status is DeadlineStatus.OPTED_OUT


@pytest.mark.parametrize(
    ("sort", "key"),
    [
        ("name", lambda c: (c.surname.lower(), c.first_name.lower(), c.id)),
        ("nhs_number", lambda c: c.nhs_number),
        ("id", lambda c: c.id),
    ],
)
def test_sorting_both_ways(db, clinician, sort, key):
    children = [
        make_child(db, first_name=first, surname=last)
        for first, last in [("Zoe", "Adams"), ("amy", "adams"), ("Bob", "Zed"), ("Cy", "Mid")]
    ]
    expected = [child.id for child in sorted(children, key=key)]
    assert listed(db, clinician, sort=sort) == expected
    assert listed(db, clinician, sort=sort, descending=True) == expected[::-1]


def test_sorting_by_deadline_and_completeness_puts_unknowns_last(db, clinician):
    none = make_child(db)
    late = make_child(db)
    register(db, late, first_assessment=dt.date(2024, 1, 10))
    early = make_child(db)
    register(db, early, first_assessment=dt.date(2022, 1, 10), complete=True)
    assert listed(db, clinician, sort="deadline") == [early.id, late.id, none.id]
    assert listed(db, clinician, sort="days_remaining", descending=True)[:2] == [late.id, early.id]
    assert listed(db, clinician, sort="completeness", descending=True)[0] == early.id


def add_children(db, count: int, ods: str = "RGT01") -> None:
    """Insert children straight into the tables, as many as a busy clinic has."""
    organisation_id = organisation(db, ods).id
    for index in range(count):
        case = Case(
            nhs_number=valid_nhs_number(),
            first_name="Child",
            surname=f"Number{index:04d}",
            sex=1,
            date_of_birth=dt.date(2016, 1, 1),
            postcode="CB20QQ",
            ethnicity="A",
        )
        db.add(case)
        db.add(
            Site(
                case=case,
                organisation_id=organisation_id,
                site_is_primary_centre_of_epilepsy_care=True,
                site_is_actively_involved_in_epilepsy_care=True,
            )
        )
    db.commit()


def test_fifty_a_page_and_past_the_end_shows_the_last_page(db, clinician):
    add_children(db, PER_PAGE + 7)
    first = list_cases(session=db, user=clinician, query=CaseQuery(), today=TODAY)
    assert (len(first.rows), first.total, first.pages, first.first, first.last) == (
        PER_PAGE,
        PER_PAGE + 7,
        2,
        1,
        PER_PAGE,
    )
    last = list_cases(session=db, user=clinician, query=CaseQuery(page=9), today=TODAY)
    assert (last.page, len(last.rows), last.first, last.last) == (2, 7, 51, 57)
    assert last.query.page == 2
    assert {row.id for row in first.rows}.isdisjoint({row.id for row in last.rows})


def test_the_list_is_at_most_a_count_and_a_page(db):
    add_children(db, 60)
    national = national_user(db)
    statements = []
    engine = db.get_bind()

    def record(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        page = list_cases(
            session=db,
            user=national,
            query=CaseQuery(search="number", sort="completeness"),
            today=TODAY,
        )
        first = len(statements)
        last = list_cases(session=db, user=national, query=CaseQuery(page=99), today=TODAY)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert (page.total, len(page.rows)) == (60, PER_PAGE)
    assert first == 1  # a search counts in the page query
    assert (last.page, last.total, len(last.rows)) == (2, 60, 10)
    assert len(statements) - first == 2  # the count, then the (clamped) last page
    searched_past_end = list_cases(
        session=db, user=national, query=CaseQuery(search="number", page=5), today=TODAY
    )
    assert (searched_past_end.page, len(searched_past_end.rows)) == (2, 10)


def test_an_empty_result_is_an_empty_page(db, clinician):
    page = list_cases(session=db, user=clinician, query=CaseQuery(search="nobody"), today=TODAY)
    assert (page.rows, page.total, page.pages, page.first, page.last) == ([], 0, 1, 0, 0)


def test_query_round_trips_through_the_url_and_ignores_nonsense():
    query = CaseQuery(search="ada", cohort=7, status="complete", sort="deadline", descending=True)
    assert CaseQuery.from_params(query.to_params()) == query
    assert (
        CaseQuery.from_params(
            {"sort": "drop table", "status": "x", "page": "-3", "cohort": "seven"}
        )
        == CaseQuery()
    )
