"""The organisations directory: search, filter, sort and page through every site, shareable by URL."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_login import current_user

from domain.names import display_name, short_icb_name
from portal.db import get_session
from services.organisations import ANY, DirectoryOptions, DirectoryQuery, directory_options

dash.register_page(
    __name__,
    path="/organisations",
    title="Organisations",
    capability="directory.read",
    nav="Organisations",
    order=10,
    description="Find a hospital or community paediatric service by name or ODS code, "
    "and see its trust or health board, ICB, region and network.",
)

#: Each filter: its URL key, its label, the words for "no filter", and how to show an option.
FILTER_FIELDS = (
    ("country", "Country", "All countries", display_name),
    ("region", "NHS England region", "All regions", display_name),
    ("icb", "Integrated care board", "All ICBs", short_icb_name),
    ("lhb", "Local health board (Wales)", "All health boards", display_name),
    ("network", "OPEN UK network", "All networks", display_name),
    ("trust", "Trust", "All trusts", display_name),
)
SORTABLE = (
    ("name", "Organisation"),
    ("ods_code", "ODS code"),
    ("parent", "Trust or health board"),
    ("icb", "ICB"),
    ("region", "NHS England region"),
)
PAGER_BUTTONS = (
    ("first", "First", "bi-chevron-double-left"),
    ("previous", "Previous", "bi-chevron-left"),
    ("next", "Next", "bi-chevron-right"),
    ("last", "Last", "bi-chevron-double-right"),
)


def checked_query(
    query: DirectoryQuery, options: DirectoryOptions
) -> tuple[DirectoryQuery, list[str]]:
    """Drop filter codes the database does not know, saying which, so a stale link still works."""
    unknown = options.unknown_filters(query)
    problems = [
        f"This link asked for {label.lower()} “{getattr(query, key)}”, which has no organisations "
        f"in the directory, so it shows {everything.lower()} instead."
        for key, label, everything, _show in FILTER_FIELDS
        if key in unknown
    ]
    return query.with_changes(**dict.fromkeys(unknown)), problems


def _select(key: str, label: str, everything: str, show, options, value: str | None) -> dbc.Col:
    choices = [{"label": everything, "value": ANY}] + [
        {"label": f"{show(option.name)} ({option.code})", "value": option.code}
        for option in getattr(options, key)
    ]
    return dbc.Col(
        [
            dbc.Label(label, html_for=f"directory-{key}"),
            dbc.Select(id=f"directory-{key}", options=choices, value=value or ANY),
        ],
        md=6,
        xl=4,
        className="mb-3",
    )


def _filters(query: DirectoryQuery, options: DirectoryOptions) -> html.Div:
    search = dbc.Col(
        [
            dbc.Label("Search by name or ODS code", html_for="directory-search"),
            dbc.Input(
                id="directory-search",
                type="search",
                value=query.search,
                debounce=350,
                autocomplete="off",
                maxlength=100,
            ),
            dbc.FormText(
                "For example “Addenbrooke” or “RGT01”. Results update as you type.",
                id="directory-search-hint",
            ),
        ],
        xl=4,
        className="mb-3",
    )
    selects = [
        _select(key, label, everything, show, options, getattr(query, key))
        for key, label, everything, show in FILTER_FIELDS
    ]
    return html.Div(
        [
            dbc.Row([search, *selects[:2]]),
            dbc.Row(selects[2:]),
            html.A(
                "Clear search and filters", href="/organisations", className="d-inline-block mb-3"
            ),
        ],
        role="search",
        **{"aria-label": "Search and filter organisations"},
        className="directory-filters",
    )


def _header(column: str, label: str) -> html.Th:
    return html.Th(
        html.Button(
            [label, html.Span(className="sort-icon", **{"aria-hidden": "true"})],
            id=f"directory-sort-{column}",
            type="button",
            className="btn btn-link sort-button",
        ),
        id=f"directory-th-{column}",
        scope="col",
        **{"aria-sort": "none"},
    )


def _pager() -> html.Nav:
    buttons = [
        html.Button(
            [html.I(className=f"bi {icon}", **{"aria-hidden": "true"}), f" {label}"],
            id=f"directory-page-{key}",
            type="button",
            className="btn btn-outline-primary",
            disabled=True,
        )
        for key, label, icon in PAGER_BUTTONS
    ]
    return html.Nav(
        [
            html.Div(buttons[:2], className="btn-group me-3"),
            html.Span(id="directory-page-label", className="me-3 fw-semibold"),
            html.Div(buttons[2:], className="btn-group"),
        ],
        className="d-flex flex-wrap align-items-center gap-2 my-3",
        **{"aria-label": "Result pages"},
    )


def layout(**params) -> html.Div:
    """Lay out the directory with the search, filters, sort and page named in the URL."""
    options = directory_options(session=get_session(), user=current_user)
    query, problems = checked_query(DirectoryQuery.from_params(params), options)
    return html.Div(
        [
            dcc.Location(id="directory-url", refresh=False),
            dcc.Store(id="directory-query", data=query.to_params()),
            html.H1("Organisations"),
            html.P(
                "Hospitals and community paediatric services taking part in the national "
                "paediatric audits, with the trust or health board, ICB and region each belongs to.",
                className="lead",
            ),
            *[dbc.Alert(problem, color="warning") for problem in problems],
            _filters(query, options),
            html.P(id="directory-status", className="fs-5", **{"aria-live": "polite"}),
            html.Div(
                dbc.Table(
                    [
                        html.Caption("Organisations", className="visually-hidden"),
                        html.Thead(html.Tr([_header(column, label) for column, label in SORTABLE])),
                        html.Tbody(id="directory-rows"),
                    ],
                    hover=True,
                    className="directory-table align-middle",
                ),
                className="table-responsive",
            ),
            _pager(),
        ],
        className="directory",
    )
