"""Run review mode: step through the measures and save the agreed actions for each.

Moving to another measure first saves a changed note, so nothing typed in a meeting is lost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields

from dash import Input, Output, State, ctx, no_update
from flask_login import current_user

from callbacks.reports.review_view import ReviewView, build_review, note_meta, sequence
from portal.db import get_session
from portal.errors import UserError
from portal.gate import callback
from services.reporting.dashboard_query import resolve_query
from services.reporting.registry import get_report
from services.reporting.review import save_review_note

#: Component properties review mode sets, one per ``ReviewView`` field, in order.
VIEW_OUTPUTS = (
    ("review-query", "data"),
    ("review-url", "search"),
    ("review-title", "children"),
    ("review-position", "children"),
    ("review-measure", "children"),
    ("review-description", "children"),
    ("review-result", "children"),
    ("review-comparisons", "children"),
    ("review-funnel", "figure"),
    ("review-funnel-text", "children"),
    ("review-note", "value"),
    ("review-saved", "data"),
    ("review-note-meta", "children"),
    ("review-note-label", "children"),
    ("review-previous", "disabled"),
    ("review-next", "disabled"),
    ("review-exit", "href"),
)
_FIELDS = [field.name for field in fields(ReviewView)]
_NOTE_FIELDS = ("saved", "note_meta")


@callback(
    *[Output(component, prop) for component, prop in VIEW_OUTPUTS],
    Output("review-status", "children"),
    Input("review-previous", "n_clicks"),
    Input("review-next", "n_clicks"),
    Input("review-save", "n_clicks"),
    State("review-query", "data"),
    State("review-note", "value"),
    State("review-saved", "data"),
    prevent_initial_call=True,
    capability="reports.read",
)
def review_step(_previous, _next, _save, stored, note, saved):
    """Save a changed note, then show the previous or next measure (or stay, when saving)."""
    unchanged = [no_update] * len(VIEW_OUTPUTS)
    session, today = get_session(), dt.date.today()
    try:
        query = resolve_query(session=session, user=current_user, params=stored or {}, today=today)
    except UserError as error:
        return (*unchanged, str(error))
    report = get_report(query.audit)
    spec = report.measure(query.measure)
    status = ""
    if (note or "").strip() != (saved or "").strip():
        try:
            stored_note = save_review_note(
                session=session,
                user=current_user,
                report=report,
                cohort=query.cohort,
                ods_code=query.organisation,
                measure=query.measure,
                text=note or "",
                today=today,
            )
        except UserError as error:
            session.rollback()
            return (*unchanged, str(error))
        status = f"Saved the agreed actions for {spec.label}."
        if ctx.triggered_id == "review-save":
            values = dict.fromkeys(_FIELDS, no_update)
            values |= {"saved": stored_note.text, "note_meta": note_meta(stored_note)}
            return (*[values[name] for name in _FIELDS], status)
    elif ctx.triggered_id == "review-save":
        return (*unchanged, "Nothing to save: the agreed actions have not changed.")
    order = sequence(report, query.sub or not spec.headline)
    step = -1 if ctx.triggered_id == "review-previous" else 1
    index = min(max(order.index(spec.name) + step, 0), len(order) - 1)
    view = build_review(
        session=session,
        user=current_user,
        query=query.with_changes(measure=order[index]),
        today=today,
    )
    status = f"{status} {view.position}: {view.measure_heading}.".strip()
    return (*[getattr(view, name) for name in _FIELDS], status)
