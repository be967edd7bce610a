"""The case list: the children a team looks after, with where each stands against the deadline."""

from __future__ import annotations

import datetime as dt

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_login import current_user

from domain.names import display_name
from portal import access
from portal.db import get_session
from services.epilepsy12.case_list import (
    STATUSES,
    CaseQuery,
    cohort_choices,
    organisation_choices,
)
from services.epilepsy12.sites import incoming_transfers

dash.register_page(
    __name__,
    path="/e12/cases",
    title="Epilepsy12 cases",
    capability="e12.case.read",
    nav="Epilepsy12 cases",
    order=30,
    icon="bi-people",
    description="Find a child, add one, see who is complete and whose deadline is close, "
    "and submit finished audits.",
)

#: Column headers: sort key (None when not sortable) and words.
COLUMNS = (
    ("id", "Case"),
    ("name", "Name"),
    (None, "Date of birth"),
    (None, "Sex"),
    ("nhs_number", "NHS number"),
    ("cohort", "Cohort"),
    ("deadline", "Deadline"),
    (None, "Status"),
    ("completeness", "Completeness"),
    (None, "Actions"),
)
SORTABLE = tuple(key for key, _label in COLUMNS if key)
PAGER = (
    ("first", "First", "bi-chevron-double-left"),
    ("previous", "Previous", "bi-chevron-left"),
    ("next", "Next", "bi-chevron-right"),
    ("last", "Last", "bi-chevron-double-right"),
)
ALL = "all"


def _field(label: str, control, field_id: str, hint: str | None = None, **width) -> dbc.Col:
    parts = [dbc.Label(label, html_for=field_id), control]
    if hint:
        parts.append(dbc.FormText(hint, id=f"{field_id}-hint"))
    return dbc.Col(parts, className="mb-2", **width)


def _filters(query: CaseQuery, organisations: list[tuple[str, str]]) -> html.Div:
    today = dt.date.today()
    cohorts = [{"label": "All cohorts", "value": ALL}] + [
        {"label": f"Cohort {number}", "value": str(number)} for number in cohort_choices(today)
    ]
    statuses = [{"label": label, "value": key or ALL} for key, label in STATUSES.items()]
    columns = [
        _field(
            "Search",
            dbc.Input(
                id="cases-search",
                type="search",
                value=query.search,
                debounce=True,
                autocomplete="off",
                maxlength=100,
            ),
            "cases-search",
            "Name, NHS number or case number; press Enter.",
            lg=4,
        ),
        _field(
            "Cohort",
            dbc.Select(
                id="cases-cohort",
                options=cohorts,
                value=str(query.cohort) if query.cohort is not None else ALL,
            ),
            "cases-cohort",
            md=4,
            lg=2,
        ),
        _field(
            "Status",
            dbc.Select(id="cases-status", options=statuses, value=query.status or ALL),
            "cases-status",
            md=4,
            lg=2,
        ),
    ]
    organisation_options = [{"label": "All organisations", "value": ALL}] + [
        {"label": label, "value": code} for code, label in organisations
    ]
    columns.append(
        _field(
            "Organisation",
            dbc.Select(
                id="cases-organisation",
                options=organisation_options,
                value=query.organisation or ALL,
                disabled=len(organisations) < 2,
            ),
            "cases-organisation",
            md=4,
            lg=4,
        )
    )
    return html.Div(
        [
            dbc.Row(columns, className="align-items-start"),
            html.A("Clear search and filters", href="/e12/cases", className="d-inline-block mb-2"),
        ],
        role="search",
        **{"aria-label": "Search and filter children"},
    )


def _header(key: str | None, label: str) -> html.Th:
    if key is None:
        return html.Th(label, scope="col")
    return html.Th(
        html.Button(
            [label, html.Span(className="sort-icon", **{"aria-hidden": "true"})],
            id=f"cases-sort-{key}",
            type="button",
            className="btn btn-link sort-button",
        ),
        id=f"cases-th-{key}",
        scope="col",
        **{"aria-sort": "none"},
    )


def _pager() -> html.Nav:
    buttons = [
        html.Button(
            [html.I(className=f"bi {icon}", **{"aria-hidden": "true"}), f" {label}"],
            id=f"cases-page-{key}",
            type="button",
            className="btn btn-outline-primary",
            disabled=True,
        )
        for key, label, icon in PAGER
    ]
    return html.Nav(
        [
            html.Div(buttons[:2], className="btn-group me-3"),
            html.Span(id="cases-page-label", className="me-3 fw-semibold"),
            html.Div(buttons[2:], className="btn-group"),
        ],
        className="d-flex flex-wrap align-items-center gap-2 my-3",
        **{"aria-label": "Pages of children"},
    )


def _scope_line(user) -> str:
    if access.scope_for(get_session(), user).is_national:
        return "Every child in the audit, in England and Wales."
    employer = user.organisation
    where = display_name(employer.name) if employer is not None else "your organisation"
    return f"Children led by {where} and the other sites of its trust or health board."


def _transfers_link() -> dcc.Link:
    waiting = len(incoming_transfers(session=get_session(), user=current_user))
    label = [
        html.I(className="bi bi-arrow-left-right me-2", **{"aria-hidden": "true"}),
        "Transfers",
    ]
    if waiting:
        label.append(
            dbc.Badge(f"{waiting} to answer", color="warning", text_color="dark", className="ms-2")
        )
    return dcc.Link(
        label,
        href="/e12/transfers",
        className="btn btn-outline-primary btn-lg ms-2",
        id="cases-transfers",
    )


def _deleted(case_id: str | None) -> list:
    if not (case_id or "").isdigit():
        return []
    return [dbc.Alert(f"Case {case_id} was deleted.", color="success", dismissable=True)]


def layout(**params) -> html.Div:
    """Lay out the case list with the search, filters, sort and page named in the URL."""
    query = CaseQuery.from_params(params)
    organisations = organisation_choices(session=get_session(), user=current_user)
    add = []
    if access.can(current_user, "e12.case.edit"):
        add = [
            dcc.Link(
                [
                    html.I(className="bi bi-person-plus me-2", **{"aria-hidden": "true"}),
                    "Add a child",
                ],
                href="/e12/cases/new",
                className="btn btn-primary btn-lg",
                id="cases-add",
            )
        ]
    return html.Div(
        [
            dcc.Location(id="cases-url", refresh=False),
            dcc.Store(id="cases-query", data=query.to_params()),
            dcc.Store(id="cases-changed", data=0),
            html.Div(
                [
                    html.Div(
                        [
                            html.H1("Epilepsy12 cases", className="mb-1"),
                            html.P(_scope_line(current_user), className="lead mb-0"),
                        ]
                    ),
                    html.Div(
                        [
                            *add,
                            _transfers_link(),
                        ],
                        className="d-flex align-items-center",
                    ),
                ],
                className="d-flex flex-wrap justify-content-between align-items-end gap-3 mb-3",
            ),
            _filters(query, organisations),
            *_deleted(params.get("deleted")),
            html.Div(id="cases-message", **{"aria-live": "polite"}),
            html.P(id="cases-status-line", className="fs-5 mb-2", **{"aria-live": "polite"}),
            html.Div(
                dbc.Table(
                    [
                        html.Caption("Children", className="visually-hidden"),
                        html.Thead(html.Tr([_header(key, label) for key, label in COLUMNS])),
                        html.Tbody(id="cases-rows"),
                    ],
                    hover=True,
                    className="cases-table align-middle",
                ),
                className="table-responsive",
            ),
            _pager(),
        ],
        className="case-list",
    )
