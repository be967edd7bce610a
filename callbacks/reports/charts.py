"""Charts for the signed-in reporting pages: large type, colour-blind-safe, meaning not by colour.

The organisation is always drawn in vermillion *and* with its own shape or hatching and a label;
others in blue. Control limits differ by dash pattern as well as by name in the legend.

Figures are plain dictionaries in plotly's JSON schema, styled here rather than by a template:
building ``plotly.graph_objects`` validates every property (most of a filter change's time) and a
template adds kilobytes to every figure sent.
"""

from __future__ import annotations

from callbacks.reports.formatting import cell_text, whole
from services.reporting.comparison import Funnel, TrendPoint
from services.reporting.dashboard import SHOWN, Breakdown, Cell
from services.reporting.registry import MeasureSpec, Statistic

#: Okabe–Ito colours, distinguishable with every common colour-vision deficiency.
OWN = "#D55E00"
OTHERS = "#0072B2"
INK = "#212b32"
GRID = "#d8dde0"
FONT = {"family": "Arial, Helvetica, sans-serif", "size": 17, "color": INK}
#: No mode bar: the tables and downloads beside each chart carry the same figures.
CONFIG = {"displaylogo": False, "displayModeBar": False}


def _axis(**extra) -> dict:
    return {"gridcolor": GRID, "linecolor": GRID, "zerolinecolor": GRID, "automargin": True} | extra


def _figure(data: list, *, height: int, xaxis: dict, yaxis: dict, **extra) -> dict:
    layout = {
        "font": FONT,
        "height": height,
        "margin": {"l": 10, "r": 30, "t": 40, "b": 50},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "hoverlabel": {"font": {"size": 16}},
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        "xaxis": _axis(**xaxis),
        "yaxis": _axis(**yaxis),
    }
    return {"data": data, "layout": layout | extra}


def empty(message: str, *, height: int = 160) -> dict:
    """A chart-sized space saying why there is no chart."""
    return _figure(
        [],
        height=height,
        xaxis={"visible": False},
        yaxis={"visible": False},
        annotations=[
            {
                "text": message,
                "showarrow": False,
                "font": {"size": 18},
                "x": 0.5,
                "y": 0.5,
                "xref": "paper",
                "yref": "paper",
            }
        ],
    )


def _number(spec: MeasureSpec, item: Cell) -> float | None:
    if item.status != SHOWN:
        return None
    value = item.percentage if spec.statistic is Statistic.PROPORTION else item.value
    return round(value, 2)


def _value_axis(spec: MeasureSpec, **extra) -> dict:
    if spec.statistic is Statistic.PROPORTION:
        return {"ticksuffix": "%", "title": {"text": "% passed"}} | extra
    return {"title": {"text": spec.label}}


def bars(spec: MeasureSpec, cells: tuple[Cell, ...], own: str, national: Cell) -> dict:
    """Horizontal bars for the sibling organisations with a number, the organisation hatched."""
    shown = [c for c in cells if c.status == SHOWN][::-1]
    if not shown:
        return empty("No sibling organisation has a figure to show for this measure.")
    mine = [c.area.code == own for c in shown]
    trace = {
        "type": "bar",
        "orientation": "h",
        "x": [_number(spec, c) for c in shown],
        "y": [f"▶ {c.area.name}" if m else c.area.name for c, m in zip(shown, mine, strict=True)],
        "text": [cell_text(spec, c) for c in shown],
        "textposition": "outside",
        "cliponaxis": False,
        "marker": {
            "color": [OWN if m else OTHERS for m in mine],
            "pattern": {"shape": ["/" if m else "" for m in mine]},
        },
        "hovertemplate": "%{y}: %{text}<extra></extra>",
        "name": "Organisations",
    }
    extra = {}
    value = _number(spec, national)
    if value is not None:
        extra["shapes"] = [
            {
                "type": "line",
                "x0": value,
                "x1": value,
                "y0": 0,
                "y1": 1,
                "yref": "paper",
                "line": {"color": INK, "dash": "dash", "width": 2},
            }
        ]
        extra["annotations"] = [
            {
                "text": f"England and Wales {cell_text(spec, national).split(' ')[0]}",
                "x": value,
                "y": 1,
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
            }
        ]
    xaxis = _value_axis(spec, range=[0, 118])
    return _figure(
        [trace], height=110 + 44 * len(shown), xaxis=xaxis, yaxis={}, showlegend=False, **extra
    )


def _limit_traces(plot: Funnel) -> list[dict]:
    styles = {"95%": "dash", "99.8%": "dot"}
    traces = []
    for name, limits in plot.limits.items():
        xs = [limit.n for limit in limits]
        for side, show in (("upper", True), ("lower", False)):
            traces.append(
                {
                    "type": "scatter",
                    "mode": "lines",
                    "x": xs,
                    "y": [round(100 * getattr(limit, side), 2) for limit in limits],
                    "line": {"color": INK, "dash": styles[name], "width": 2},
                    "name": f"{name} limits",
                    "legendgroup": name,
                    "showlegend": show,
                    "hoverinfo": "skip",
                }
            )
    return traces


def funnel(spec: MeasureSpec, plot: Funnel, own: str) -> dict:
    """Every organisation's % passed against its denominator, with 95% and 99.8% limits."""
    if plot.national_rate is None or not plot.points:
        return empty("There are no figures to draw a funnel plot from.", height=420)
    top = max(p.eligible for p in plot.points)
    rate = round(100 * plot.national_rate, 2)
    others = [p for p in plot.points if p.area.code != own]
    data = [
        *_limit_traces(plot),
        {
            "type": "scatter",
            "mode": "lines",
            "x": [1, top],
            "y": [rate, rate],
            "line": {"color": INK, "width": 2},
            "name": f"England and Wales {whole(rate)}%",
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "mode": "markers",
            "x": [p.eligible for p in others],
            "y": [round(p.percentage, 1) for p in others],
            "customdata": [[p.area.name, p.passed] for p in others],
            "marker": {"color": OTHERS, "size": 9, "opacity": 0.75, "symbol": "circle"},
            "name": "Other organisations",
            "hovertemplate": "%{customdata[0]}<br>%{y:.0f}% (%{customdata[1]}/%{x})<extra></extra>",
        },
    ]
    mine = next((p for p in plot.points if p.area.code == own), None)
    if mine is not None:
        data.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "x": [mine.eligible],
                "y": [round(mine.percentage, 1)],
                "text": [mine.area.name],
                "textposition": "top left" if mine.eligible > 0.6 * top else "top right",
                "textfont": {"size": 18, "color": INK},
                "marker": {
                    "color": OWN,
                    "size": 20,
                    "symbol": "diamond",
                    "line": {"color": INK, "width": 2},
                },
                "name": mine.area.name,
                "hovertemplate": f"{mine.area.name}<br>{cell_text(spec, mine)}<extra></extra>",
            }
        )
    return _figure(
        data,
        height=460,
        xaxis={"title": {"text": "Children eligible (denominator)"}, "rangemode": "tozero"},
        yaxis={"title": {"text": "% passed"}, "range": [-3, 105], "ticksuffix": "%"},
    )


def trend(spec: MeasureSpec, points: tuple[TrendPoint, ...], name: str) -> dict:
    """The organisation and England and Wales across cohorts; gaps where there is no number."""
    if not points:
        return empty("No cohort has figures yet.")
    labels = [p.label for p in points]
    data = [
        {
            "type": "scatter",
            "mode": "lines+markers",
            "x": labels,
            "y": [_number(spec, c) for c in cells],
            "text": [cell_text(spec, c) for c in cells],
            "line": {"color": colour, "dash": dash, "width": 3},
            "marker": {"size": 13, "symbol": symbol},
            "name": label,
            "hovertemplate": f"{label}<br>%{{x}}: %{{text}}<extra></extra>",
        }
        for label, cells, colour, dash, symbol in (
            (name, [p.organisation for p in points], OWN, "solid", "diamond"),
            ("England and Wales", [p.national for p in points], OTHERS, "dash", "square"),
        )
    ]
    yaxis = _value_axis(spec, range=[0, 105]) if spec.statistic is Statistic.PROPORTION else {}
    return _figure(data, height=340, xaxis={"type": "category"}, yaxis=yaxis)


def casemix(breakdown: Breakdown, own_name: str) -> dict:
    """Each category's share of the children counted, at the organisation and nationally."""
    totals = [sum(row.counts[i] or 0 for row in breakdown.rows) for i in (0, 1)]
    rows = [row for row in breakdown.rows if any(row.counts)][::-1]
    if not rows or not totals[0]:
        return empty("No children counted.")
    data = [
        {
            "type": "bar",
            "orientation": "h",
            "y": [row.label for row in rows],
            "x": [
                round(100 * (row.counts[i] or 0) / totals[i], 1) if totals[i] else None
                for row in rows
            ],
            "customdata": [row.counts[i] or 0 for row in rows],
            "name": label,
            "marker": {"color": colour, "pattern": {"shape": pattern}},
            "hovertemplate": f"{label}<br>%{{y}}: %{{customdata}} children (%{{x}}%)<extra></extra>",
        }
        for i, (label, colour, pattern) in enumerate(
            ((own_name, OWN, "/"), ("England and Wales", OTHERS, ""))
        )
    ]
    return _figure(
        data,
        height=140 + 52 * len(rows),
        xaxis={"ticksuffix": "%", "title": {"text": "% of children counted"}},
        yaxis={},
        barmode="group",
    )
