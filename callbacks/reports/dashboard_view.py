"""Everything the dashboard shows for one view, built once for the page and for its callback."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from dash import html
from sqlalchemy.orm import Session

from callbacks.reports import charts, kpi_view, measure_view
from callbacks.reports.formatting import as_of
from services.reporting.comparison import Comparison, compare
from services.reporting.dashboard import Dashboard, build_dashboard
from services.reporting.dashboard_query import DashboardQuery, readable_reports
from services.reporting.places import organisation_choices


@dataclass(frozen=True)
class DashboardView:
    """The values of the dashboard's components, in the order the callback returns them."""

    params: dict
    search: str
    heading: str
    as_of: str
    review_href: str
    audit_options: list
    cohort_options: list
    cohort: str
    measure_options: list
    measure: str
    organisation_options: list
    organisation: str
    kpi: object
    measure_heading: str
    measure_description: str
    bars: object
    bars_text: list
    funnel: object
    funnel_text: list
    trend: object
    trend_text: list
    completeness: object
    casemix: list


def build(
    *, session: Session, user, query: DashboardQuery, today: dt.date
) -> tuple[Dashboard, Comparison | None]:
    """Read the dashboard and the chosen measure's comparison for ``user``."""
    dashboard = build_dashboard(session=session, user=user, query=query, today=today)
    return dashboard, compare(session=session, user=user, dashboard=dashboard, today=today)


def version(dashboard: Dashboard) -> str:
    """When the figures shown were computed: a redraw must start afresh once this moves on."""
    return dashboard.snapshot.computed_at.isoformat() if dashboard.snapshot else ""


def organisation_options(session: Session, user) -> list[dict]:
    return [
        {"label": f"{c.name} ({c.ods_code})", "value": c.ods_code}
        for c in organisation_choices(session=session, user=user)
    ]


def render(
    dashboard: Dashboard,
    comparison: Comparison | None,
    *,
    user,
    organisations: list[dict],
    today: dt.date,
    with_place: bool = True,
    with_kpi: bool = True,
) -> DashboardView:
    """Shape the dashboard into component values (those of its place only if ``with_place``)."""
    report, query = dashboard.report, dashboard.query
    spec = report.measure(query.measure)
    place = dashboard.place
    params = query.to_params()
    name = place.organisation.name
    no_figures = "No figures yet for this cohort."
    if comparison is None:
        bars = funnel = trend = charts.empty(no_figures)
        bars_text = funnel_text = trend_text = [html.P(no_figures, className="chart-summary")]
    else:
        bars = charts.bars(spec, comparison.bars.cells, query.organisation, comparison.national)
        funnel = (
            charts.funnel(spec, comparison.funnel, query.organisation)
            if comparison.funnel
            else charts.empty("Funnel plots are drawn for proportions only.")
        )
        trend = charts.trend(spec, comparison.trend, name)
        bars_text = measure_view.bars_text(dashboard, comparison)
        funnel_text = measure_view.funnel_text(dashboard, comparison)
        trend_text = measure_view.trend_text(dashboard, comparison)
    return DashboardView(
        params=params | {"version": version(dashboard)},
        search=f"?{urlencode(params)}",
        heading=f"{report.title}: {name}",
        as_of=f"{report.cohort_label(query.cohort)}. {as_of(dashboard.snapshot)}",
        review_href=f"/reports/review?{urlencode(params)}",
        audit_options=[{"label": r.title, "value": r.audit} for r in readable_reports(user)],
        cohort_options=[
            {"label": report.cohort_label(c), "value": str(c)} for c in report.cohorts(today)
        ],
        cohort=str(query.cohort),
        measure_options=[
            {"label": m.label if m.headline else f"— {m.label}", "value": m.name}
            for m in report.measures
        ],
        measure=query.measure,
        organisation_options=organisations,
        organisation=query.organisation,
        kpi=kpi_view.kpi_table(dashboard) if with_kpi else None,
        measure_heading=spec.label,
        measure_description=spec.description,
        bars=bars,
        bars_text=bars_text,
        funnel=funnel,
        funnel_text=funnel_text,
        trend=trend,
        trend_text=trend_text,
        completeness=kpi_view.completeness_table(dashboard) if with_place else None,
        casemix=kpi_view.casemix_section(dashboard) if with_place else [],
    )
