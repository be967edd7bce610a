"""Run the case list: read the controls, ask the service for one page, show it, keep it in the URL;
submit and unsubmit from a row."""

from __future__ import annotations

from urllib.parse import urlencode

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate
from flask_login import current_user

from callbacks.epilepsy12.rendering import (
    completeness_bar,
    day,
    days_left,
    full_name,
    icon,
    masked,
    nhs_number,
    outcome,
    sex_label,
    status_badge,
)
from domain.epilepsy12.register import DeadlineStatus
from portal import access
from portal.db import get_session
from portal.errors import UserError
from portal.gate import callback
from services.epilepsy12 import cases
from services.epilepsy12.case_list import CasePage, CaseQuery, CaseRow, list_cases

#: The sortable columns; sorting by days remaining is sorting by deadline, so one header does both.
SORTS = ["id", "name", "nhs_number", "cohort", "deadline", "completeness"]
PAGER = ["first", "previous", "next", "last"]
ANY = "all"
#: "Last" asks for a page past the end; the service answers with the real last page.
BEYOND_LAST = 10**6


def next_query(current: CaseQuery, trigger, controls: dict) -> CaseQuery:
    """Return the view asked for by changing a control, sorting or turning the page."""
    query = current.with_changes(**controls)
    if not isinstance(trigger, str) or trigger == "cases-changed":
        return query
    if trigger.startswith("cases-sort-"):
        column = trigger.removeprefix("cases-sort-")
        descending = not current.descending if column == current.sort else False
        return query.with_changes(sort=column, descending=descending, page=1)
    if trigger.startswith("cases-page-"):
        page = {
            "first": 1,
            "previous": max(1, current.page - 1),
            "next": current.page + 1,
            "last": BEYOND_LAST,
        }[trigger.removeprefix("cases-page-")]
        return query.with_changes(page=page)
    return query.with_changes(page=1)


def _actions(row: CaseRow, *, may_audit: bool) -> list:
    name = full_name(row.first_name, row.surname)
    links = [
        dcc.Link(
            ["Edit", html.Span(f" {name}", className="visually-hidden")],
            href=f"/e12/cases/{row.id}",
            className="btn btn-outline-primary btn-sm me-1 mb-1",
        )
    ]
    if row.opted_out:
        return links
    links.append(
        dcc.Link(
            ["Audit", html.Span(f" for {name}", className="visually-hidden")],
            href=f"/e12/cases/{row.id}/audit",
            className="btn btn-outline-primary btn-sm me-1 mb-1",
        )
    )
    if may_audit and row.submitted:
        action, text = "unsubmit", "Unsubmit"
    elif may_audit and row.complete:
        action, text = "submit", "Submit"
    else:
        return links
    closed = row.standing.status is DeadlineStatus.PASSED
    if closed and not access.can(current_user, "e12.locked.edit"):
        return links
    links.append(
        dbc.Button(
            [text, html.Span(f" {name}", className="visually-hidden")],
            id={"type": "e12-case-submit", "action": action, "case": row.id},
            color="primary" if action == "submit" else "secondary",
            outline=action == "unsubmit",
            size="sm",
            className="mb-1",
        )
    )
    return links


def _row(row: CaseRow, *, may_audit: bool) -> html.Tr:
    name = full_name(row.first_name, row.surname)
    badges = [status_badge(row.standing)]
    if row.submitted:
        badges.append(
            dbc.Badge(
                [icon("bi-send-check-fill"), "Submitted"],
                color="primary",
                className="status-badge ms-1",
            )
        )
    if row.transfer_pending:
        badges.append(
            dbc.Badge(
                [icon("bi-arrow-left-right"), "Transfer pending"],
                color="light",
                text_color="dark",
                className="status-badge ms-1 border",
            )
        )
    return html.Tr(
        [
            html.Td(str(row.id), className="case-id"),
            html.Th(
                dcc.Link(name, href=f"/e12/cases/{row.id}") if not row.opted_out else masked(None),
                scope="row",
                className="fw-semibold case-name",
            ),
            html.Td(day(row.date_of_birth) if row.date_of_birth else masked(None)),
            html.Td(sex_label(row.sex) if not row.opted_out else masked(None)),
            html.Td(nhs_number(row.nhs_number), className="nhs-number"),
            html.Td(str(row.cohort) if row.cohort is not None else "—"),
            html.Td(
                [
                    html.Div(day(row.deadline)),
                    html.Div(days_left(row.standing), className="small text-body-secondary"),
                ]
                if row.deadline
                else "—",
                className="deadline",
            ),
            html.Td(badges),
            html.Td(
                completeness_bar(
                    row.completed, row.expected, label=f"Audit completeness, case {row.id}"
                )
                if not row.opted_out
                else "—"
            ),
            html.Td(_actions(row, may_audit=may_audit), className="case-actions"),
        ]
    )


def _status(result: CasePage) -> str:
    if not result.total:
        if result.query.search or result.query.status or result.query.cohort is not None:
            return "No children match this search and these filters. Check the spelling or number, or clear a filter."
        return "There are no children yet. Add a child to start their audit."
    noun = "child" if result.total == 1 else "children"
    return f"Showing {result.first:,}–{result.last:,} of {result.total:,} {noun}"


@callback(
    Output("cases-query", "data"),
    Output("cases-url", "search"),
    Output("cases-rows", "children"),
    Output("cases-status-line", "children"),
    Output("cases-page-label", "children"),
    *[Output(f"cases-page-{key}", "disabled") for key in PAGER],
    *[Output(f"cases-th-{key}", "aria-sort") for key in SORTS],
    Input("cases-search", "value"),
    Input("cases-cohort", "value"),
    Input("cases-status", "value"),
    Input("cases-organisation", "value"),
    *[Input(f"cases-sort-{key}", "n_clicks") for key in SORTS],
    *[Input(f"cases-page-{key}", "n_clicks") for key in PAGER],
    Input("cases-changed", "data"),
    State("cases-query", "data"),
    capability="e12.case.read",
)
def show_cases(search, cohort, status, organisation, *rest):
    """Show the page of children the controls ask for and record the view in the URL."""
    stored = rest[-1] or {}
    controls = {
        "search": " ".join((search or "").split())[:100],
        "cohort": int(cohort) if cohort and cohort != ANY and cohort.isdigit() else None,
        "status": status if status and status != ANY else "",
        "organisation": organisation if organisation and organisation != ANY else None,
    }
    query = next_query(CaseQuery.from_params(stored), ctx.triggered_id, controls)
    result = list_cases(session=get_session(), user=current_user, query=query)
    params = result.query.to_params()
    may_audit = access.can(current_user, "e12.audit.edit")
    several = result.pages > 1
    at_start, at_end = result.page <= 1, result.page >= result.pages
    sort_states = [
        ("descending" if result.query.descending else "ascending")
        if key == result.query.sort or (key, result.query.sort) == ("deadline", "days_remaining")
        else "none"
        for key in SORTS
    ]
    return (
        params,
        f"?{urlencode(params)}" if params else "",
        [_row(row, may_audit=may_audit) for row in result.rows],
        _status(result),
        f"Page {result.page} of {result.pages}" if result.total else "",
        not several or at_start,
        not several or at_start,
        not several or at_end,
        not several or at_end,
        *sort_states,
    )


@callback(
    Output("cases-message", "children"),
    Output("cases-changed", "data"),
    Input({"type": "e12-case-submit", "action": ALL, "case": ALL}, "n_clicks"),
    State("cases-changed", "data"),
    prevent_initial_call=True,
    capability="e12.audit.edit",
)
def submit_from_list(_clicks, changed):
    """Submit or unsubmit the child whose button was pressed (the service checks everything)."""
    trigger = ctx.triggered_id
    if not isinstance(trigger, dict) or not ctx.triggered[0].get("value"):
        raise PreventUpdate
    action, case_id = trigger.get("action"), trigger.get("case")
    if action not in ("submit", "unsubmit") or not isinstance(case_id, int):
        raise PreventUpdate
    service = cases.submit if action == "submit" else cases.unsubmit
    try:
        service(session=get_session(), user=current_user, case_id=case_id)
    except UserError as error:
        return outcome(f"Case {case_id}: {error}", ok=False), no_update
    done = (
        "submitted: only the national audit team can change it now, unless you unsubmit it"
        if action == "submit"
        else "reopened for changes"
    )
    return outcome(f"Case {case_id} {done}."), (changed or 0) + 1
