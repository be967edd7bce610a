"""The dashboard's tables: KPI results beside every area, completeness and case mix."""

from __future__ import annotations

from dash import Patch, dcc, html

from callbacks.reports import charts
from callbacks.reports.formatting import STATUS_EXPLAINED, cell_text, plural, whole
from services.reporting.dashboard import SHOWN, Column, Dashboard, KpiGroup, KpiRow

#: The status words a table may show, explained once beneath it (not by colour).
LEGEND = (
    ("74% (37/50)", "37 of the 50 eligible children passed"),
    ("None eligible", "no child was eligible for this measure"),
    ("Suppressed", STATUS_EXPLAINED["suppressed"].split(": ", 1)[1]),
    ("No data", "no children counted for this area in this cohort"),
    ("Not applicable", "the organisation belongs to no such area (e.g. ICBs in Wales)"),
)


def _header(column: Column, children: int | None) -> html.Th:
    if column.area is None:
        body = [html.Span(column.label, className="d-block"), html.Small(column.absent)]
    else:
        count = "" if children is None else plural(children, "child", "children")
        body = [
            html.Span(column.label, className="d-block column-level"),
            html.Span(column.area.name, className="d-block column-area"),
            html.Small(count, className="d-block"),
        ]
    return html.Th(body, scope="col")


def _button_label(row: KpiRow, chosen: bool) -> list:
    marker = [html.Span("▶ ", **{"aria-hidden": "true"})] if chosen else []
    return [*marker, row.measure.label]


def _row_class(row: KpiRow, chosen: bool) -> str:
    return ("chosen-row " if chosen else "") + ("" if row.measure.headline else "sub-measure")


def _measure_button(row: KpiRow, selected: str) -> html.Button:
    chosen = row.measure.name == selected
    return html.Button(
        _button_label(row, chosen),
        id={"type": "dashboard-measure", "measure": row.measure.name},
        className="measure-button" + (" chosen" if chosen else ""),
        title="Show this measure's charts",
        **{"aria-pressed": "true" if chosen else "false"},
    )


def choose_measure(dashboard: Dashboard, previous: str) -> Patch | None:
    """Return the change to the KPI table when only the chosen measure moves: two rows restyled.

    None when either row is not in the table (it must then be drawn afresh).
    """
    found = {}
    for group_index, group in enumerate(dashboard.groups):
        for row_index, row in enumerate(group.rows):
            found[row.measure.name] = (group_index, row_index, row)
    if previous not in found or dashboard.query.measure not in found:
        return None
    patch = Patch()
    table = patch["props"]["children"][0]["props"]["children"]
    for name in {previous, dashboard.query.measure}:
        group_index, row_index, row = found[name]
        chosen = name == dashboard.query.measure
        tr = table[2 + group_index]["props"]["children"][1 + row_index]["props"]
        tr["className"] = _row_class(row, chosen)
        button = tr["children"][0]["props"]["children"]["props"]
        button["children"] = _button_label(row, chosen)
        button["className"] = "measure-button" + (" chosen" if chosen else "")
        button["aria-pressed"] = "true" if chosen else "false"
    return patch


def _group_rows(group: KpiGroup, width: int, selected: str, sub: bool) -> html.Tbody:
    toggle = []
    if group.sub_measures:
        verb = "Hide" if sub else "Show"
        toggle = [
            html.Button(
                f"{verb} {plural(group.sub_measures, 'sub-measure')}",
                id={"type": "dashboard-sub", "group": group.name},
                className="btn btn-sm btn-outline-primary ms-3",
                **{"aria-expanded": "true" if sub else "false"},
            )
        ]
    heading = html.Tr(
        html.Th([group.name, *toggle], colSpan=width, scope="rowgroup"), className="group-row"
    )
    rows = [
        html.Tr(
            [
                html.Th(_measure_button(row, selected), scope="row"),
                *[
                    html.Td(
                        cell_text(row.measure, item),
                        className="kpi-cell" if item.status == SHOWN else "kpi-cell muted",
                    )
                    for item in row.cells
                ],
            ],
            className=_row_class(row, row.measure.name == selected),
        )
        for row in group.rows
    ]
    return html.Tbody([heading, *rows])


def legend() -> html.Dl:
    entries = []
    for term, meaning in LEGEND:
        entries += [html.Dt(term), html.Dd(meaning)]
    return html.Dl(entries, className="status-legend small")


def kpi_table(dashboard: Dashboard) -> html.Div:
    """The KPI table: a row per measure, a column per area, headline measures first."""
    if dashboard.snapshot is None:
        return html.P(
            "No figures yet for this cohort: national staff have not run the aggregation.",
            className="alert alert-info",
        )
    included = dashboard.completeness[0].counts
    head = html.Thead(
        html.Tr(
            [
                html.Th("Measure", scope="col"),
                *[_header(c, n) for c, n in zip(dashboard.columns, included, strict=True)],
            ]
        )
    )
    width = len(dashboard.columns) + 1
    organisation = dashboard.place.organisation.name
    caption = (
        f"Results for {organisation}, {dashboard.report.cohort_label(dashboard.query.cohort)}, "
        "beside every area it belongs to. Choose a measure to see its charts below."
    )
    return html.Div(
        [
            html.Table(
                [
                    html.Caption(caption),
                    head,
                    *[
                        _group_rows(g, width, dashboard.query.measure, dashboard.query.sub)
                        for g in dashboard.groups
                    ],
                ],
                className="table kpi-table",
            ),
            legend(),
        ],
        className="table-responsive",
    )


def completeness_table(dashboard: Dashboard) -> html.Table:
    """Children counted and excluded as incomplete, for every area in the KPI table."""
    included, excluded = dashboard.completeness
    share = []
    for counted, left_out in zip(included.counts, excluded.counts, strict=True):
        total = (counted or 0) + (left_out or 0)
        share.append(f"{whole(100 * counted / total)}%" if counted is not None and total else "—")
    body = [
        html.Tr(
            [
                html.Th(row.label, scope="row"),
                *[html.Td("—" if n is None else n) for n in row.counts],
            ]
        )
        for row in (included, excluded)
    ]
    body.append(html.Tr([html.Th("Complete", scope="row"), *[html.Td(s) for s in share]]))
    return html.Table(
        [
            html.Caption(
                "Children whose first year of care has ended: counted when their audit is "
                "complete, otherwise excluded as incomplete."
            ),
            html.Thead(
                html.Tr(
                    [
                        html.Th("Children", scope="col"),
                        *[
                            html.Th(
                                [
                                    html.Span(c.label, className="d-block column-level"),
                                    c.area.name if c.area else c.absent,
                                ],
                                scope="col",
                            )
                            for c in dashboard.columns
                        ],
                    ]
                )
            ),
            html.Tbody(body),
        ],
        className="table completeness-table",
    )


def _share(count: int | None, total: int) -> str:
    if count is None:
        return "—"
    return f"{count} ({whole(100 * count / total)}%)" if total else str(count)


def casemix_section(dashboard: Dashboard) -> list:
    """A chart and a table per case-mix characteristic, the organisation beside England and Wales."""
    name = dashboard.place.organisation.name
    parts = []
    for breakdown in dashboard.casemix:
        totals = [sum(row.counts[i] or 0 for row in breakdown.rows) for i in (0, 1)]
        table = html.Table(
            [
                html.Caption(f"{breakdown.label}: children counted"),
                html.Thead(
                    html.Tr(
                        [
                            html.Th(breakdown.label, scope="col"),
                            html.Th(name, scope="col"),
                            html.Th("England and Wales", scope="col"),
                        ]
                    )
                ),
                html.Tbody(
                    [
                        html.Tr(
                            [
                                html.Th(row.label, scope="row"),
                                html.Td(_share(row.counts[0], totals[0])),
                                html.Td(_share(row.counts[1], totals[1])),
                            ]
                        )
                        for row in breakdown.rows
                        if any(row.counts)
                    ]
                ),
            ],
            className="table table-sm",
        )
        parts.append(
            html.Figure(
                [
                    html.H3(breakdown.label, className="h5"),
                    dcc.Graph(
                        figure=charts.casemix(breakdown, name),
                        config=charts.CONFIG,
                        id={"type": "dashboard-casemix", "name": breakdown.name},
                    ),
                    html.Details([html.Summary(f"{breakdown.label} as a table"), table]),
                ],
                className="casemix-chart",
            )
        )
    return parts
