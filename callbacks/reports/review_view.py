"""Review mode's content for one measure: the result, its comparison areas, the funnel plot and
the agreed actions, large enough to read across a meeting room."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from dash import html
from sqlalchemy.orm import Session

from callbacks.reports import charts, measure_view
from callbacks.reports.dashboard_view import build
from callbacks.reports.formatting import as_of, counts, headline, local_time
from services.reporting.dashboard import SHOWN
from services.reporting.dashboard_query import DashboardQuery
from services.reporting.registry import Statistic
from services.reporting.review import Note, review_note


@dataclass(frozen=True)
class ReviewView:
    """The values of review mode's components, in the order its callback returns them."""

    params: dict
    search: str
    title: str
    position: str
    measure_heading: str
    description: str
    result: list
    comparisons: object
    funnel: object
    funnel_text: list
    note: str
    saved: str
    note_meta: str
    note_label: str
    previous_disabled: bool
    next_disabled: bool
    exit_href: str


def sequence(report, sub: bool) -> list[str]:
    """The measures a review steps through: headline ones, or all when sub-measures are shown."""
    return [m.name for m in report.measures if sub or m.headline]


def review_counts(spec, item) -> str:
    """Return the counts behind the big number in words: "36 of 42 children"."""
    if item.status != SHOWN:
        return ""
    if spec.statistic is Statistic.PROPORTION:
        return f"{item.passed} of {item.eligible} children"
    return f"{item.n} children"


def note_meta(note: Note) -> str:
    if note.updated_at is None:
        return "No agreed actions saved yet."
    when = f"{local_time(note.updated_at):%-d %b %Y %H:%M}"
    return f"Last saved by {note.updated_by or 'a former user'} on {when}."


def _comparisons(dashboard, spec) -> html.Table:
    row = next(r for g in dashboard.groups for r in g.rows if r.measure.name == spec.name)
    return html.Table(
        [
            html.Caption("Compared with"),
            html.Tbody(
                [
                    html.Tr(
                        [
                            html.Th(
                                [
                                    html.Span(column.label, className="d-block review-level"),
                                    column.area.name if column.area else column.absent,
                                ],
                                scope="row",
                            ),
                            html.Td(headline(spec, item), className="review-number"),
                            html.Td(counts(spec, item)),
                        ]
                    )
                    for column, item in list(zip(dashboard.columns, row.cells, strict=True))[1:]
                ]
            ),
        ],
        className="table review-comparisons",
    )


def build_review(*, session: Session, user, query: DashboardQuery, today: dt.date) -> ReviewView:
    """Read one measure of one organisation's results and its agreed actions."""
    dashboard, comparison = build(
        session=session, user=user, query=query.with_changes(sub=True), today=today
    )
    report = dashboard.report
    spec = report.measure(query.measure)
    order = sequence(report, query.sub or not spec.headline)
    index = order.index(spec.name)
    own = next(r for g in dashboard.groups for r in g.rows if r.measure.name == spec.name).cells[0]
    note = review_note(
        session=session,
        user=user,
        report=report,
        cohort=query.cohort,
        ods_code=query.organisation,
        measure=query.measure,
    )
    params = query.to_params()
    if comparison is not None and comparison.funnel is not None:
        funnel = charts.funnel(spec, comparison.funnel, query.organisation)
        funnel_text = measure_view.funnel_text(dashboard, comparison)
    else:
        message = "No funnel plot: " + (
            "no figures yet." if comparison is None else "this measure is not a proportion."
        )
        funnel, funnel_text = charts.empty(message, height=420), []
    name = dashboard.place.organisation.name
    return ReviewView(
        params=params,
        search=f"?{urlencode(params)}",
        title=f"{report.title} review: {name}, {report.cohort_label(query.cohort)}",
        position=f"Measure {index + 1} of {len(order)}",
        measure_heading=spec.label,
        description=f"{spec.description} {as_of(dashboard.snapshot)}",
        result=[
            html.Span(headline(spec, own), className="review-headline"),
            html.Span(review_counts(spec, own), className="review-counts"),
        ],
        comparisons=_comparisons(dashboard, spec),
        funnel=funnel,
        funnel_text=funnel_text,
        note=note.text,
        saved=note.text,
        note_meta=note_meta(note),
        note_label=f"Agreed actions for {spec.label}",
        previous_disabled=index <= 0,
        next_disabled=index >= len(order) - 1,
        exit_href=f"/reports/dashboard?{urlencode(params)}",
    )
