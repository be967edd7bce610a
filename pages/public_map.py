"""The public map: NHS boundaries of a chosen level, every organisation as a point, and a table."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from callbacks.public_map import MAP_SIZE, map_view
from services.maps import DEFAULT_LEVEL, LEVELS, LEVELS_BY_KEY

dash.register_page(
    __name__,
    path="/map",
    title="Map of NHS areas and paediatric services",
    public=True,
    nav="Map",
    order=80,
    description="NHS boundaries (countries, regions, ICBs, Welsh health boards, London boroughs) "
    "with every hospital and community paediatric service. No sign-in needed.",
)


def layout(level: str | None = None, **_query) -> html.Div:
    """Lay out the map for the level named in the URL (integrated care boards by default)."""
    problems = []
    if level and level not in LEVELS_BY_KEY:
        problems.append(
            dbc.Alert(
                f"The map has no level called “{level}”, so it shows "
                f"{LEVELS_BY_KEY[DEFAULT_LEVEL].label.lower()} instead.",
                color="warning",
            )
        )
    chosen = LEVELS_BY_KEY.get(level or DEFAULT_LEVEL, LEVELS_BY_KEY[DEFAULT_LEVEL])
    view = map_view(chosen)
    return html.Div(
        [
            dcc.Location(id="public-map-url", refresh=False),
            html.H1("Map of NHS areas and paediatric services"),
            html.P(
                "Choose a level of NHS geography to see its boundaries and how many of the "
                "audits' hospitals and community paediatric services lie in each area.",
                className="lead",
            ),
            *problems,
            html.Fieldset(
                [
                    html.Legend("Boundaries to show", className="fs-5"),
                    dbc.RadioItems(
                        id="public-map-level",
                        options=[{"label": lv.label, "value": lv.key} for lv in LEVELS],
                        value=chosen.key,
                        inline=True,
                        className="level-choice",
                    ),
                ],
                className="mb-3",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        html.Figure(
                            [
                                dcc.Loading(
                                    dcc.Graph(
                                        id="public-map-graph",
                                        figure=view.figure,
                                        config={
                                            "displaylogo": False,
                                            "scrollZoom": True,
                                            "modeBarButtonsToRemove": ["toImage"],
                                        },
                                        style={"height": f"{MAP_SIZE[1]}px"},
                                    ),
                                    delay_show=300,
                                ),
                                html.Figcaption(
                                    view.summary, id="public-map-summary", className="mt-2"
                                ),
                            ],
                            className="mb-3",
                        ),
                        lg=8,
                    ),
                    dbc.Col(
                        html.Div(
                            dbc.Table(
                                view.table,
                                id="public-map-table",
                                size="sm",
                                striped=True,
                                className="mb-0",
                            ),
                            className="public-map-table",
                            tabIndex="0",
                            role="region",
                            **{"aria-label": "Organisations per area (scrollable table)"},
                        ),
                        lg=4,
                    ),
                ]
            ),
        ]
    )
