"""Run the directory: read the controls, ask the service for one page, show it and put it in the URL."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from dash import Input, Output, State, ctx, dcc, html, no_update
from flask_login import current_user

from domain.names import display_name, short_icb_name
from portal.db import get_session
from portal.gate import callback
from services.organisations import (
    ANY,
    FILTERS,
    SORT_COLUMNS,
    DirectoryPage,
    DirectoryQuery,
    DirectoryRow,
    directory_options,
    search_organisations,
)

#: "Last" asks for a page past the end; the service clamps it to the real last page.
_BEYOND_LAST = 10**6


def next_query(current: DirectoryQuery, trigger: str | None, controls: dict) -> DirectoryQuery:
    """Return the view a user asked for by changing a control, sorting or turning the page."""
    query = current.with_changes(**controls)
    if trigger is None:
        return query
    if trigger.startswith("directory-sort-"):
        column = trigger.removeprefix("directory-sort-")
        descending = not current.descending if column == current.sort else False
        return query.with_changes(sort=column, descending=descending, page=1)
    if trigger.startswith("directory-page-"):
        page = {
            "first": 1,
            "previous": max(1, current.page - 1),
            "next": current.page + 1,
            "last": _BEYOND_LAST,
        }[trigger.removeprefix("directory-page-")]
        return query.with_changes(page=page)
    return query.with_changes(page=1)


def _none() -> list:
    return [
        html.Span("—", **{"aria-hidden": "true"}),
        html.Span("none", className="visually-hidden"),
    ]


def _row(row: DirectoryRow) -> html.Tr:
    region = display_name(row.region_name) if row.region_name else None
    if region is None and row.country_name:
        region = html.Span(f"{row.country_name} (not NHS England)", className="text-body-secondary")
    return html.Tr(
        [
            html.Th(
                dcc.Link(display_name(row.name), href=f"/organisations/{row.ods_code}"),
                scope="row",
                className="fw-normal",
            ),
            html.Td(html.Code(row.ods_code, className="ods-code")),
            html.Td(display_name(row.parent_name) if row.parent_name else _none()),
            html.Td(short_icb_name(row.icb_name) if row.icb_name else _none()),
            html.Td(region or _none()),
        ]
    )


def _status(result: DirectoryPage) -> str:
    if not result.total:
        return (
            "No organisations match this search and these filters. Try fewer letters, "
            "or clear a filter."
        )
    noun = "organisation" if result.total == 1 else "organisations"
    return f"Showing {result.first}–{result.last} of {result.total} {noun}"


_FILTER_KEYS = list(FILTERS)
_SORT_KEYS = list(SORT_COLUMNS)
#: The pager's buttons, as named in the page's ids ``directory-page-<step>``.
_PAGER_KEYS = ["first", "previous", "next", "last"]


def _from_url(search: str | None) -> DirectoryQuery:
    """Read the view from the address bar, dropping filter codes the database does not know."""
    query = DirectoryQuery.from_params(dict(parse_qsl((search or "").lstrip("?"))))
    options = directory_options(session=get_session(), user=current_user)
    return query.with_changes(**dict.fromkeys(options.unknown_filters(query)))


def _controls(query: DirectoryQuery) -> list:
    return [query.search, *[getattr(query, key) or ANY for key in _FILTER_KEYS]]


@callback(
    Output("directory-query", "data"),
    Output("directory-url", "search"),
    Output("directory-search", "value"),
    *[Output(f"directory-{key}", "value") for key in _FILTER_KEYS],
    Output("directory-rows", "children"),
    Output("directory-status", "children"),
    Output("directory-page-label", "children"),
    *[Output(f"directory-page-{key}", "disabled") for key in _PAGER_KEYS],
    *[Output(f"directory-th-{column}", "aria-sort") for column in _SORT_KEYS],
    Input("directory-url", "search"),
    Input("directory-search", "value"),
    *[Input(f"directory-{key}", "value") for key in _FILTER_KEYS],
    *[Input(f"directory-sort-{column}", "n_clicks") for column in _SORT_KEYS],
    *[Input(f"directory-page-{key}", "n_clicks") for key in _PAGER_KEYS],
    State("directory-query", "data"),
    capability="directory.read",
)
def show_directory(url_search, search, *values):
    """Show the page of organisations the controls ask for and keep the URL in step with them.

    A change of the address (opening the page, the back and forward buttons) sets the controls
    from the URL; a change of a control writes the URL.
    """
    filters = values[: len(_FILTER_KEYS)]
    current = DirectoryQuery.from_params(values[-1] or {})
    trigger = ctx.triggered_id
    if trigger == "directory-url":
        query = _from_url(url_search)
    else:
        controls = {
            key: value if value and value != ANY else None
            for key, value in zip(_FILTER_KEYS, filters, strict=True)
        }
        controls["search"] = (search or "").strip()[:100]
        query = next_query(current, trigger, controls)
    result = search_organisations(session=get_session(), user=current_user, query=query)
    params = result.query.to_params()
    shown = result.page_count > 1
    at_start, at_end = result.page <= 1, result.page >= result.page_count
    sort_states = [
        ("descending" if result.query.descending else "ascending")
        if column == result.query.sort
        else "none"
        for column in _SORT_KEYS
    ]
    # Dash calls this first when the page's Location reads the address bar (it makes no initial
    # call for a callback that updates its own inputs); the controls already match then.
    moved = trigger == "directory-url" and query != current
    return (
        params,
        no_update if trigger == "directory-url" else (f"?{urlencode(params)}" if params else ""),
        *(_controls(result.query) if moved else [no_update] * (1 + len(_FILTER_KEYS))),
        [_row(row) for row in result.rows],
        _status(result),
        f"Page {result.page} of {result.page_count}" if result.total else "",
        not shown or at_start,
        not shown or at_start,
        not shown or at_end,
        not shown or at_end,
        *sort_states,
    )
