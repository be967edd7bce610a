"""The public results map: a published measure by ICB, region, health board or country, with
organisations as dots, a sortable table of the same figures and every figure of a chosen area."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from callbacks.results.area_panel import panel, read_area
from callbacks.results.choices import (
    choose_cohort,
    choose_level,
    choose_measure,
    parse_area,
    report_for,
)
from callbacks.results.formatting import suppression_rule
from callbacks.results.map_view import (
    DEFAULT_SORT,
    LEVEL_NOUNS,
    MAP_SIZE,
    SORT_COLUMNS,
    build_map,
    sort_states,
    sorted_areas,
    table_rows,
)
from pages.results._parts import (
    cohort_select,
    download_buttons,
    measure_select,
    problem_alerts,
    unavailable,
)
from portal.db import get_session
from services.reporting.public import levels_offered, suppression_threshold


def _title(audit: str | None = None, **_kwargs) -> str:
    report = report_for(audit)
    return f"{report.title} results map" if report else "Results map"


dash.register_page(
    __name__,
    path_template="/results/<audit>/map",
    title=_title,
    public=True,
    description="Published audit results on a map of ICBs, NHS regions, health boards and "
    "countries, with a table of the same figures.",
)


def _level_choice(report, level) -> html.Fieldset:
    return html.Fieldset(
        [
            html.Legend("Areas to colour", className="form-label fs-6 mb-1"),
            dbc.RadioItems(
                id="results-map-level",
                options=[
                    {
                        "label": LEVEL_NOUNS[lv][1][0].upper() + LEVEL_NOUNS[lv][1][1:],
                        "value": lv.value,
                    }
                    for lv in levels_offered(report)
                ],
                value=level.value,
                inline=True,
            ),
        ],
        className="mb-3",
    )


def _header(column: str, label: str, sort: dict) -> html.Th:
    state = sort_states(sort)[list(SORT_COLUMNS).index(column)]
    return html.Th(
        html.Button(
            [label, html.Span(className="sort-icon", **{"aria-hidden": "true"})],
            id=f"results-map-sort-{column}",
            type="button",
            className="btn btn-link sort-button",
        ),
        id=f"results-map-th-{column}",
        scope="col",
        className="text-end" if column != "name" else "",
        **{"aria-sort": state},
    )


def _legend() -> html.Div:
    return html.Div(
        [
            html.Span(className="legend-swatch legend-scale", **{"aria-hidden": "true"}),
            html.Span("Result: low (dark purple) to high (yellow)", className="me-3"),
            html.Span(className="legend-swatch legend-suppressed", **{"aria-hidden": "true"}),
            html.Span("Grey with diagonal lines: suppressed", className="me-3"),
            html.Span(className="legend-swatch legend-empty", **{"aria-hidden": "true"}),
            html.Span("White: no children or none eligible", className="me-3"),
            html.Span(className="legend-dot", **{"aria-hidden": "true"}),
            html.Span("Dot: an organisation, coloured by its result; hollow if suppressed"),
        ],
        className="results-legend small mt-2",
        id="results-map-legend",
    )


def layout(
    audit: str | None = None,
    cohort: str | None = None,
    measure: str | None = None,
    level: str | None = None,
    area: str | None = None,
    **_query,
) -> html.Div:
    """Lay out the map of the published measure, level and area the URL names."""
    report = report_for(audit)
    if report is None:
        return unavailable(f"There is no audit called “{(audit or '')[:40]}”.")
    session = get_session()
    choice = choose_cohort(session=session, report=report, requested=cohort)
    if choice.snapshot is None:
        return unavailable(
            f"{report.title} results have not been published yet.", problems=choice.problems
        )
    problems = list(choice.problems)
    spec = choose_measure(report, measure, problems)
    chosen_level = choose_level(report, level, problems)
    view = build_map(
        session=session, report=report, snapshot=choice.snapshot, measure=spec, level=chosen_level
    )
    picked = parse_area(report, area)
    found = (
        read_area(session=session, report=report, snapshot=choice.snapshot, area=picked)
        if (picked)
        else None
    )
    return html.Div(
        [
            dcc.Location(id="results-map-url", refresh=False),
            dcc.Store(id="results-map-audit", data=report.audit),
            dcc.Store(id="results-map-sort", data=DEFAULT_SORT),
            dcc.Store(
                id="results-map-area",
                data={"level": found[0].level.value, "code": found[0].code} if found else None,
            ),
            html.H1(f"{report.title} results map"),
            html.P(
                [
                    "Published results for every area. "
                    + suppression_rule(
                        suppression_threshold(session=session, snapshot=choice.snapshot)
                    )
                    + " ",
                    dcc.Link("All published results", href="/results"),
                ],
                className="lead",
            ),
            *problem_alerts(problems),
            dbc.Row(
                [
                    dbc.Col(
                        cohort_select("results-map-cohort", session, report, choice.cohort),
                        md=4,
                        xl=3,
                    ),
                    dbc.Col(measure_select("results-map-measure", report, spec), md=8, xl=9),
                ],
                className="mb-2",
            ),
            _level_choice(report, chosen_level),
            dbc.Row(
                [
                    dbc.Col(
                        html.Figure(
                            [
                                dcc.Graph(
                                    id="results-map-graph",
                                    figure=view.figure,
                                    config={
                                        "displaylogo": False,
                                        "scrollZoom": True,
                                        "modeBarButtonsToRemove": ["toImage", "select", "lasso"],
                                    },
                                    style={"height": f"{MAP_SIZE[1]}px"},
                                ),
                                _legend(),
                                html.Figcaption(
                                    view.summary, id="results-map-summary", className="mt-2"
                                ),
                            ],
                            className="mb-3",
                        ),
                        lg=7,
                    ),
                    dbc.Col(
                        [
                            html.Div(
                                html.Table(
                                    [
                                        html.Caption(
                                            view.caption,
                                            id="results-map-caption",
                                            className="caption-top",
                                        ),
                                        html.Thead(
                                            html.Tr(
                                                [
                                                    _header(column, label, DEFAULT_SORT)
                                                    for column, label in SORT_COLUMNS.items()
                                                ]
                                            )
                                        ),
                                        html.Tbody(
                                            table_rows(sorted_areas(view.areas, DEFAULT_SORT)),
                                            id="results-map-rows",
                                        ),
                                    ],
                                    id="results-map-table",
                                    className="table table-sm table-striped mb-0",
                                ),
                                className="public-map-table",
                                tabIndex="0",
                                role="region",
                                **{"aria-label": "The map’s figures (scrollable table)"},
                            ),
                            download_buttons("results-map-table-download", "the table"),
                        ],
                        lg=5,
                    ),
                ]
            ),
            html.Section(
                [
                    html.H2("Figures for the chosen area", className="h4", id="results-area-title"),
                    html.Div(
                        panel(report=report, snapshot=choice.snapshot, found=found),
                        id="results-area-panel",
                        **{"aria-live": "polite"},
                    ),
                    download_buttons(
                        "results-area-download", "the chosen area’s figures", disabled=not found
                    ),
                ],
                className="results-area card card-body mt-3",
                **{"aria-labelledby": "results-area-title"},
            ),
        ]
    )
