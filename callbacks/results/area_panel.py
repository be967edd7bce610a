"""Every published figure of one area, shown when a visitor picks it on the map or in the table."""

from __future__ import annotations

from dash import dcc, html
from sqlalchemy.orm import Session

from callbacks.results.formatting import counts, no_counts, number
from domain.reporting.levels import Level
from services.reporting.public import AreaResult, Result, area_figures, export_row
from services.reporting.registry import AuditReport
from services.reporting.views import Snapshot

PROMPT = (
    "Choose an area or an organisation on the map, or an area’s name in the table, "
    "to see all its published figures here."
)


def figures_table(results: list[Result], *, caption: str, table_id: str) -> html.Table:
    """Return a table of measures: label, result and the counts behind it."""
    return html.Table(
        [
            html.Caption(caption, className="caption-top"),
            html.Thead(
                html.Tr(
                    [
                        html.Th("Measure", scope="col"),
                        html.Th("Result", scope="col", className="text-end"),
                        html.Th("Children", scope="col", className="text-end"),
                    ]
                )
            ),
            html.Tbody(
                [
                    html.Tr(
                        [
                            html.Th(r.measure.label, scope="row", className="fw-normal"),
                            html.Td(number(r), className="text-end"),
                            html.Td(counts(r) or no_counts(), className="text-end"),
                        ],
                        className=f"result-{r.status.value.replace(' ', '-')}",
                    )
                    for r in results
                ]
            ),
        ],
        id=table_id,
        className="table table-sm table-striped mb-2",
    )


def read_area(
    *, session: Session, report: AuditReport, snapshot: Snapshot, area: tuple[Level, str]
) -> tuple[AreaResult, list[Result]] | None:
    """Return the chosen area and its published figures, or None if it is not a known area."""
    level, code = area
    return area_figures(session=session, report=report, snapshot=snapshot, level=level, code=code)


def panel(
    *, report: AuditReport, snapshot: Snapshot, found: tuple[AreaResult, list[Result]] | None
) -> list:
    """Return the panel's contents: the area's figures, or a prompt to choose one."""
    if found is None:
        return [html.P(PROMPT, className="mb-0")]
    area, results = found
    children = area.result
    heading = f"{area.name} ({area.code})"
    body = [
        html.H3(heading, className="h5", id="results-area-heading"),
        html.P(
            [
                f"{area.level.label}, {report.cohort_label(snapshot.cohort)}. ",
                f"Children included: {number(children)}.",
            ],
            className="mb-2",
        ),
        figures_table(
            results[1:],
            caption=f"Every published measure for {area.name}",
            table_id="results-area-table",
        ),
    ]
    if area.level is Level.ORGANISATION:
        body.append(
            dcc.Link(
                f"See {area.name} beside its trust or health board, ICB, region and nation",
                href=f"/results/{report.audit}/organisation/{area.code}?cohort={snapshot.cohort}",
            )
        )
    return body


def export_rows(*, snapshot: Snapshot, found: tuple[AreaResult, list[Result]] | None) -> list[dict]:
    """Return the panel's table as export rows."""
    if found is None:
        return []
    area, results = found
    return [export_row(cohort=snapshot.cohort, area=area, result=r) for r in results]
