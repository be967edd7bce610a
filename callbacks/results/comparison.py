"""The open-access KPI table: an organisation beside its trust or health board, ICB, region,
network, country and England and Wales, from published figures only."""

from __future__ import annotations

from itertools import groupby

from dash import html

from callbacks.results.formatting import counts, number
from services.reporting.public import Comparison, export_row


def _head(area) -> html.Th:
    return html.Th(
        [
            html.Span(area.level.label, className="d-block small text-body-secondary"),
            html.Span(area.name, className="d-block"),
            html.Span(
                f"{number(area.result)} children"
                if area.result.n is not None
                else f"children: {number(area.result)}",
                className="d-block small fw-normal",
            ),
        ],
        scope="col",
        className="text-end",
    )


def _cell(result) -> html.Td:
    behind = counts(result)
    return html.Td(
        [
            html.Strong(number(result)) if result.status.value == "result" else number(result),
            *([html.Br(), html.Small(behind)] if behind else []),
        ],
        className=f"text-end result-{result.status.value.replace(' ', '-')}",
    )


def comparison_table(found: Comparison, *, caption: str) -> list:
    """Return the table's caption, head and body, measures grouped as the audit groups them."""
    width = len(found.columns) + 1
    body = []
    for group, rows in groupby(found.rows, key=lambda row: row[0].group or "Measures"):
        body.append(
            html.Tr(html.Th(group, colSpan=width, scope="colgroup", className="table-group"))
        )
        body += [
            html.Tr(
                [
                    html.Th(
                        [
                            spec.label,
                            *(
                                []
                                if spec.headline
                                else [html.Span(" (sub-measure)", className="small")]
                            ),
                        ],
                        scope="row",
                        className="fw-normal",
                    ),
                    *[_cell(result) for result in results],
                ]
            )
            for spec, results in rows
        ]
    return [
        html.Caption(caption, className="caption-top"),
        html.Thead(html.Tr([html.Th("Measure", scope="col"), *map(_head, found.columns)])),
        html.Tbody(body),
    ]


def comparison_rows(found: Comparison, *, cohort: int) -> list[dict]:
    """Return the table as export rows: one per area and measure, children included first."""
    rows = [export_row(cohort=cohort, area=area, result=area.result) for area in found.columns]
    for _spec, results in found.rows:
        rows += [
            export_row(cohort=cohort, area=area, result=result)
            for area, result in zip(found.columns, results, strict=True)
        ]
    return rows
