"""Review mode: a team reviews its results together on one screen, one measure at a time.

Full screen, large type, keyboard first (→/PageDown next, ←/PageUp previous, E edit the note,
Esc leave); every key has a labelled button that works with a mouse and Tab too.
"""

from __future__ import annotations

import datetime as dt

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_login import current_user

from callbacks.reports import charts
from callbacks.reports.parts import refusal
from callbacks.reports.review_view import ReviewView, build_review
from portal.access import AccessDenied
from portal.db import get_session
from portal.errors import UserError
from services.reporting.dashboard_query import resolve_query
from services.reporting.review import MAX_LENGTH

dash.register_page(
    __name__,
    path="/reports/review",
    title="Review mode",
    capability="reports.read",
    description="Review your results together on one screen, one measure at a time.",
)

KEYS = (
    (("→", "Page Down"), "next measure"),
    (("←", "Page Up"), "previous measure"),
    (("E",), "edit the agreed actions"),
    (("Esc",), "leave review mode (in the note: stop editing)"),
)


def _keys(names: tuple[str, ...]) -> list:
    parts = []
    for name in names:
        parts += [" or " if parts else "", html.Kbd(name)]
    return parts


def _toolbar(view: ReviewView) -> html.Div:
    return html.Div(
        [
            html.Button(
                [html.Span("←", **{"aria-hidden": "true"}), " Previous measure"],
                id="review-previous",
                className="btn btn-outline-dark btn-lg",
                disabled=view.previous_disabled,
                **{"aria-keyshortcuts": "ArrowLeft PageUp"},
            ),
            html.Span(view.position, id="review-position", className="review-position"),
            html.Button(
                ["Next measure ", html.Span("→", **{"aria-hidden": "true"})],
                id="review-next",
                className="btn btn-dark btn-lg",
                disabled=view.next_disabled,
                **{"aria-keyshortcuts": "ArrowRight PageDown"},
            ),
            dcc.Link(
                "Leave review mode",
                id="review-exit",
                href=view.exit_href,
                className="btn btn-outline-dark btn-lg ms-auto",
                title="Esc",
            ),
        ],
        className="review-toolbar",
    )


def _note(view: ReviewView) -> html.Section:
    return html.Section(
        [
            html.H2(
                dbc.Label(view.note_label, html_for="review-note", id="review-note-label"),
                className="h3",
            ),
            dcc.Textarea(
                id="review-note",
                value=view.note,
                maxLength=MAX_LENGTH,
                className="form-control review-note",
                rows=5,
                title="Press E to edit, Esc to stop editing",
            ),
            html.Div(
                [
                    html.Button(
                        "Save agreed actions", id="review-save", className="btn btn-primary btn-lg"
                    ),
                    html.Span(view.note_meta, id="review-note-meta", className="ms-3"),
                ],
                className="d-flex align-items-center flex-wrap mt-2",
            ),
        ],
        className="review-note-section",
    )


def _page(view: ReviewView) -> html.Div:
    return html.Div(
        [
            dcc.Location(id="review-url", refresh=False),
            dcc.Store(id="review-query", data=view.params),
            dcc.Store(id="review-saved", data=view.saved),
            html.P(view.title, id="review-title", className="review-title"),
            _toolbar(view),
            html.Div(id="review-status", className="visually-hidden", **{"aria-live": "polite"}),
            html.H1(view.measure_heading, id="review-measure"),
            html.P(view.description, id="review-description", className="review-description"),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            html.P(view.result, id="review-result", className="review-result"),
                            html.Div(view.comparisons, id="review-comparisons"),
                        ],
                        lg=5,
                    ),
                    dbc.Col(
                        html.Figure(
                            [
                                dcc.Graph(
                                    id="review-funnel", figure=view.funnel, config=charts.CONFIG
                                ),
                                html.Figcaption(view.funnel_text, id="review-funnel-text"),
                            ]
                        ),
                        lg=7,
                    ),
                ]
            ),
            _note(view),
            html.Dl(
                [part for key, meaning in KEYS for part in (html.Dt(_keys(key)), html.Dd(meaning))],
                className="review-keys",
                **{"aria-label": "Keyboard shortcuts"},
            ),
        ],
        className="review-mode",
        id="review-mode",
    )


def layout(**params) -> html.Div:
    """Show the measure the URL names (or the first) for review, or say why it cannot be shown."""
    session, today = get_session(), dt.date.today()
    try:
        query = resolve_query(session=session, user=current_user, params=params, today=today)
        view = build_review(session=session, user=current_user, query=query, today=today)
    except AccessDenied:
        return refusal(
            "Not your organisation",
            "You can review the results of your own trust's or health board's organisations only.",
        )
    except UserError as error:
        return refusal("This review cannot be shown", str(error))
    return _page(view)
