"""A child's results on the 21 measures: each as words and an icon, with the reason for it."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import html

from domain.epilepsy12.kpis import MEASURES
from pages.epilepsy12.audit.frame import SUMMARY, audit_page
from pages.epilepsy12.audit.reasons import reason
from services.epilepsy12.audit_view import AuditView

dash.register_page(
    __name__,
    path_template="/e12/cases/<case_id>/summary",
    title="KPI summary – Epilepsy12 audit",
    capability="e12.case.read",
    description="A child's results on the Epilepsy12 measures.",
)

RESULTS = {
    1: ("Met", "bi-check-circle-fill", "e12-result-pass"),
    0: ("Not met", "bi-x-circle-fill", "e12-result-fail"),
    2: ("Not applicable", "bi-dash-circle", "e12-result-ineligible"),
    None: ("Incomplete", "bi-hourglass-split", "e12-result-incomplete"),
}
GROUPS = (
    (
        "Clinical team",
        (
            "paediatrician_with_expertise_in_epilepsies",
            "epilepsy_specialist_nurse",
            "tertiary_input",
            "epilepsy_surgery_referral",
        ),
    ),
    ("Investigations", ("ecg", "mri")),
    ("Mental health", ("assessment_of_mental_health_issues", "mental_health_support")),
    ("Medication", ("sodium_valproate",)),
)


def result(score: int | None) -> html.Span:
    """A result as words with an icon beside them (the icon repeats the words)."""
    text, icon, style = RESULTS[score]
    return html.Span(
        [html.I(className=f"bi {icon} me-2", **{"aria-hidden": "true"}), text],
        className=f"e12-result {style}",
    )


def _group(measure_name: str) -> str:
    for group, names in GROUPS:
        if measure_name in names:
            return group
    return "Care planning and school"


def _headline_line(view: AuditView) -> str:
    headline = [m for m in MEASURES if m.headline]
    scores = [view.kpis[m.name] for m in headline]
    applicable = [s for s in scores if s in (0, 1)]
    incomplete = sum(1 for s in scores if s is None)
    line = f"Met {sum(1 for s in applicable if s == 1)} of the {len(applicable)} headline measures that apply to this child"
    if incomplete:
        line += f"; {incomplete} still incomplete"
    return line + "."


def body(view: AuditView) -> list:
    record = view.child.record
    rows = []
    current = None
    for measure in MEASURES:
        group = _group(measure.name)
        if group != current:
            rows.append(html.Tr(html.Th(group, colSpan=3, scope="colgroup", className="e12-group")))
            current = group
        rows.append(
            html.Tr(
                [
                    html.Th(
                        measure.label,
                        scope="row",
                        className="e12-measure" + ("" if measure.headline else " e12-submeasure"),
                    ),
                    html.Td(result(view.kpis[measure.name])),
                    html.Td(reason(measure.name, record), className="e12-reason"),
                ],
                id=f"e12-kpi-{measure.name}",
            )
        )
    return [
        html.P(_headline_line(view), className="lead"),
        dbc.Table(
            [
                html.Caption("Results on each measure, with the reason for each result"),
                html.Thead(
                    html.Tr(
                        [
                            html.Th("Measure", scope="col"),
                            html.Th("Result", scope="col"),
                            html.Th("Why", scope="col"),
                        ]
                    )
                ),
                html.Tbody(rows),
            ],
            className="e12-summary align-middle",
            responsive=True,
        ),
    ]


def layout(case_id: str | None = None, **_query):
    return audit_page(case_id, SUMMARY, body)
