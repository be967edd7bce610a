"""One measure's charts in words and tables: siblings, funnel plot, trend across cohorts."""

from __future__ import annotations

from dash import dcc, html

from callbacks.reports.formatting import cell_text, ordinal, plural, sentence, whole
from services.reporting.comparison import ABOVE_95, BELOW_95, WITHIN, Comparison
from services.reporting.dashboard import SHOWN, Cell, Dashboard
from services.reporting.registry import MeasureSpec, Statistic

#: What a position on the funnel plot means, in words.
CHANCE = {
    WITHIN: "as expected from chance",
    ABOVE_95: "worth a look: about 1 organisation in 40 lands here by chance",
    BELOW_95: "worth a look: about 1 organisation in 40 lands here by chance",
}


def _markdown(value) -> str:
    text = str(value)
    for special in ("\\", "|", "*", "_", "`", "[", "]", "<", ">", "#"):
        text = text.replace(special, "\\" + special)
    return text


def table_markdown(head: list[str], rows: list[list]) -> str:
    """Return a table in Markdown: long tables (every organisation on the funnel plot) travel as
    one short string rather than a component per cell, several times larger and slower to build."""
    lines = [
        "| " + " | ".join(map(_markdown, head)) + " |",
        "|" + "---|" * len(head),
        *["| " + " | ".join(map(_markdown, row)) + " |" for row in rows],
    ]
    return "\n".join(lines)


def _table(caption: str, head: list[str], rows: list[list]) -> html.Details:
    return html.Details(
        [
            html.Summary(f"{caption} as a table"),
            dcc.Markdown(table_markdown(head, rows), className="markdown-table"),
        ]
    )


def _numbers(spec: MeasureSpec, item: Cell) -> list:
    if spec.statistic is Statistic.PROPORTION:
        shown = item.status == SHOWN
        return [
            cell_text(spec, item),
            item.passed if shown else "—",
            item.eligible if shown else "—",
        ]
    return [cell_text(spec, item), item.n if item.status == SHOWN else "—"]


def _head(spec: MeasureSpec, first: str) -> list[str]:
    if spec.statistic is Statistic.PROPORTION:
        return [first, "Result", "Passed", "Eligible"]
    return [first, "Result", "Children"]


def bars_text(dashboard: Dashboard, result: Comparison) -> list:
    spec, own = result.measure, dashboard.query.organisation
    cells = result.bars.cells
    mine = next((c for c in cells if c.area.code == own), None)
    ranked = [c for c in cells if c.status == SHOWN]
    hidden = len(cells) - len(ranked)
    where = result.bars.area_name
    parts = [f"{dashboard.place.organisation.name}: {sentence(spec, mine)}." if mine else ""]
    if mine in ranked:
        parts.append(
            f" It is {ordinal(ranked.index(mine) + 1)} of {plural(len(ranked), 'organisation')} "
            f"in {where} with a figure."
        )
    if hidden:
        parts.append(f" {plural(hidden, 'organisation')} in {where} show no figure (see table).")
    rows = [[f"{c.area.name} ({c.area.code})", *_numbers(spec, c)] for c in cells]
    return [
        html.P("".join(parts), className="chart-summary"),
        _table(f"{spec.label} across {where}", _head(spec, "Organisation"), rows),
    ]


def funnel_text(dashboard: Dashboard, result: Comparison) -> list:
    spec, plot = result.measure, result.funnel
    if plot is None:
        return [
            html.P(
                "Funnel plots are drawn for proportions; this measure is a "
                f"{spec.statistic.value}.",
                className="chart-summary",
            )
        ]
    if plot.national_rate is None:
        return [html.P("There is no national rate to compare with yet.", className="chart-summary")]
    name = dashboard.place.organisation.name
    national = f"{whole(100 * plot.national_rate)}% in England and Wales"
    if plot.position is None:
        summary = f"{name} has no proportion to plot. The national rate is {national}."
    else:
        chance = CHANCE.get(plot.position, "unlikely to be chance alone")
        mine = next(p for p in plot.points if p.area.code == dashboard.query.organisation)
        summary = f"{name}: {sentence(spec, mine)}, against {national}: {plot.position} ({chance})."
    summary += f" {plural(len(plot.points), 'organisation')} plotted"
    if plot.not_plotted:
        summary += f"; {plural(plot.not_plotted, 'other')} suppressed for small numbers"
    summary += "."
    rows = [
        [f"{p.area.name} ({p.area.code})", *_numbers(spec, p)]
        for p in sorted(plot.points, key=lambda p: p.area.name)
    ]
    return [
        html.P(summary, className="chart-summary"),
        _table(f"{spec.label}, every organisation plotted", _head(spec, "Organisation"), rows),
    ]


def trend_text(dashboard: Dashboard, result: Comparison) -> list:
    spec = result.measure
    name = dashboard.place.organisation.name
    if not result.trend:
        return [html.P("No cohort has figures yet.", className="chart-summary")]
    phrases = [f"{p.label}: {cell_text(spec, p.organisation)}" for p in result.trend]
    summary = f"{name} by cohort — " + "; ".join(phrases) + "."
    head = ["Cohort", name, "England and Wales"]
    rows = [
        [p.label, cell_text(spec, p.organisation), cell_text(spec, p.national)]
        for p in result.trend
    ]
    return [
        html.P(summary, className="chart-summary"),
        _table(f"{spec.label} by cohort", head, rows),
    ]
