"""The published-results choropleth: areas coloured by their result, suppressed ones greyed and
hatched, organisations as ringed dots, drawn offline from boundaries fetched by URL.

Three traces only (areas, hatching, organisations), because every map trace adds MapLibre
layers and slows drawing. Areas without a result share the areas' trace: their value sits in a
band below the scale, grey for suppressed and white for no result, and the colour bar labels
those bands in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from callbacks.results.formatting import number, sentence
from portal.maps import SITE_COLOUR, Bounds, MapArea, area_trace, hatch_trace, offline_map
from services.reporting.public import AreaResult, OrganisationResult, Status

#: Viridis: ordered dark to light and readable with every common colour-vision deficiency.
VIRIDIS = [
    [0.0, "#440154"],
    [0.25, "#3b528b"],
    [0.5, "#21918c"],
    [0.75, "#5ec962"],
    [1.0, "#fde725"],
]
SUPPRESSED_FILL = "#c8cdd0"
EMPTY_FILL = "#ffffff"
HOLLOW = "#ffffff"

#: Trace order, fixed so a measure change can patch each trace's data in place.
TRACES = ("areas", "hatching", "organisations")


@dataclass(frozen=True)
class Scale:
    """The colour range of one measure (0–100 for percentages), with two bands below it."""

    low: float
    high: float
    title: str
    percent: bool

    @property
    def band(self) -> float:
        return (self.high - self.low) / 10

    def z(self, area: AreaResult) -> float:
        """Return the value an area is coloured by: its result, or the middle of its band."""
        if area.result.status is Status.RESULT:
            return area.result.shown
        below = 1.5 if area.result.status is Status.SUPPRESSED else 0.5
        return self.low - below * self.band

    def colorscale(self) -> list:
        bottom = self.low - 2 * self.band
        span = self.high - bottom
        grey, white = self.band / span, 2 * self.band / span
        return [
            [0.0, SUPPRESSED_FILL],
            [grey, SUPPRESSED_FILL],
            [grey, EMPTY_FILL],
            [white, EMPTY_FILL],
            *[[white + (1 - white) * stop, colour] for stop, colour in VIRIDIS],
        ]

    def colorbar(self) -> dict:
        steps = [self.low + i * (self.high - self.low) / 4 for i in range(5)]
        suffix = "%" if self.percent else ""
        return {
            "title": {"text": self.title},
            "thickness": 14,
            "len": 0.75,
            "tickmode": "array",
            "tickvals": [self.low - 1.5 * self.band, self.low - 0.5 * self.band, *steps],
            "ticktext": [
                "suppressed",
                "no result",
                *[f"{step:.0f}{suffix}" if self.percent else f"{step:.1f}" for step in steps],
            ],
        }

    def colour(self, value: float) -> str:
        fraction = (value - self.low) / (self.high - self.low)
        return sample_colorscale(VIRIDIS, [min(1.0, max(0.0, fraction))])[0]


def scale_for(areas: Sequence[AreaResult], proportion: bool, title: str) -> Scale:
    if proportion:
        return Scale(0, 100, title, True)
    values = [a.result.shown for a in areas if a.result.shown is not None]
    if not values:
        return Scale(0, 1, title, False)
    low, high = min(values), max(values)
    return Scale(low, high if high > low else low + 1, title, False)


def _hover(name: str, code: str, phrase: str) -> str:
    return f"<b>{name}</b> ({code})<br>{phrase}"


def _areas_trace(url: str, areas: Sequence[AreaResult], scale: Scale) -> go.Choroplethmap:
    trace = area_trace(
        geojson_url=url,
        areas=[
            MapArea(a.code, scale.z(a), _hover(a.name, a.code, sentence(a.result))) for a in areas
        ],
        colorscale=scale.colorscale(),
        colour_title=scale.title,
        zmax=scale.high,
        name="Areas",
    )
    trace.update(
        zmin=scale.low - 2 * scale.band,
        customdata=[[a.level.value, a.code, a.result.status.value] for a in areas],
        colorbar=scale.colorbar(),
    )
    return trace


def _organisations_trace(
    organisations: Sequence[OrganisationResult], scale: Scale
) -> go.Scattermap:
    """Return each organisation twice in one trace: a dark ring, then its dot on top, coloured
    by its result or white (hollow) when it is suppressed or none were eligible."""
    rings = [SITE_COLOUR] * len(organisations)
    dots = [
        scale.colour(o.result.shown) if o.result.status is Status.RESULT else HOLLOW
        for o in organisations
    ]
    hovers = [_hover(o.name, o.ods_code, sentence(o.result)) for o in organisations]
    keys = [["organisation", o.ods_code, o.result.status.value] for o in organisations]
    return go.Scattermap(
        lat=[o.latitude for o in organisations] * 2,
        lon=[o.longitude for o in organisations] * 2,
        mode="markers",
        marker={
            "size": [12] * len(organisations) + [8] * len(organisations),
            "color": rings + dots,
        },
        text=hovers * 2,
        customdata=keys * 2,
        hovertemplate="%{text}<extra></extra>",
        name="Organisations",
        showlegend=False,
    )


def results_figure(
    *,
    layer_url: str,
    areas: Sequence[AreaResult],
    organisations: Sequence[OrganisationResult],
    suppressed_geometries: Sequence[str],
    scale: Scale,
    frame: Bounds,
    size: tuple[int, int],
    revision: str,
) -> go.Figure:
    """Return the map of one measure at one level, every trace in the order ``TRACES`` names."""
    spacing = max(frame.east - frame.west, 0.5) / 120
    hatching = hatch_trace(suppressed_geometries, spacing=spacing, name="Suppressed (hatched)")
    hatching.update(showlegend=False)
    figure = offline_map(
        [
            _areas_trace(layer_url, areas, scale),
            hatching,
            _organisations_trace(organisations, scale),
        ],
        bounds=frame,
        width=size[0],
        height=size[1],
        revision=revision,
    )
    figure.update_layout(clickmode="event")
    return figure


def value_range(areas: Sequence[AreaResult]) -> tuple[str, str] | None:
    """Return the lowest and highest published result as text, if any area has one."""
    shown = [a for a in areas if a.result.status is Status.RESULT]
    if not shown:
        return None
    ordered = sorted(shown, key=lambda a: a.result.shown)
    return number(ordered[0].result), number(ordered[-1].result)
