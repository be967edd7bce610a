"""Notifications: the list page, marking read, and the unread count in the navigation bar."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, ctx, dcc, html
from dash.exceptions import PreventUpdate
from flask_login import current_user

from callbacks.admin.rendering import local_time
from portal.db import get_session
from portal.gate import callback
from services.notifications import (
    NotificationRow,
    list_notifications,
    mark_all_read,
    mark_read,
    unread_count,
)


def _item(row: NotificationRow) -> html.Li:
    unread = row.read_at is None
    status = (
        dbc.Badge(
            [html.I(className="bi bi-envelope-fill me-1", **{"aria-hidden": "true"}), "New"],
            color="primary",
            className="me-2",
        )
        if unread
        else html.Span(
            f"Read {local_time(row.read_at)}" + (f" by {row.read_by}" if row.read_by else ""),
            className="small text-body-secondary me-2",
        )
    )
    audience = "For your team" if row.for_team else "For you"
    actions = []
    if row.link_path and unread:
        actions.append(
            dbc.Button(
                "Open",
                id={"type": "notification-open", "notification": row.id},
                color="primary",
                size="sm",
                className="me-2",
            )
        )
    elif row.link_path:
        actions.append(
            dcc.Link("Open", href=row.link_path, className="btn btn-primary btn-sm me-2")
        )
    if unread:
        actions.append(
            dbc.Button(
                [
                    "Mark as read",
                    html.Span(f" ({local_time(row.created_at)})", className="visually-hidden"),
                ],
                id={"type": "notification-read", "notification": row.id},
                color="secondary",
                outline=True,
                size="sm",
            )
        )
    return html.Li(
        [
            html.Div(
                [
                    status,
                    html.Span(
                        f"{audience} · {local_time(row.created_at)}",
                        className="small text-body-secondary",
                    ),
                ]
            ),
            html.P(row.message, className="mb-2 mt-1" + (" fw-semibold" if unread else "")),
            html.Div(actions),
        ],
        className="list-group-item py-3" + (" notification-unread" if unread else ""),
    )


@callback(
    Output("notifications-list", "children"),
    Input("notifications-changed", "data"),
    capability="notifications.read",
)
def show_notifications(_changed):
    """List the user's notifications, unread first."""
    rows = list_notifications(session=get_session(), user=current_user)
    if not rows:
        return html.P("You have no notifications.", className="text-body-secondary")
    return html.Ul([_item(row) for row in rows], className="list-group notifications")


@callback(
    Output("notifications-changed", "data"),
    Output("notifications-message", "children"),
    Input({"type": "notification-read", "notification": ALL}, "n_clicks"),
    Input("notifications-read-all", "n_clicks"),
    State("notifications-changed", "data"),
    prevent_initial_call=True,
    capability="notifications.read",
)
def mark(_clicks, _all, changed):
    """Mark one notification, or all, read (only ones the user may read)."""
    trigger = ctx.triggered_id
    if not ctx.triggered or not ctx.triggered[0].get("value"):
        raise PreventUpdate
    session = get_session()
    if trigger == "notifications-read-all":
        count = mark_all_read(session=session, user=current_user)
        text = f"Marked {count} notification{'s' if count != 1 else ''} as read."
    elif isinstance(trigger, dict) and isinstance(trigger.get("notification"), int):
        mark_read(session=session, user=current_user, notification_id=trigger["notification"])
        text = "Marked as read."
    else:
        raise PreventUpdate
    return (changed or 0) + 1, dbc.Alert(text, color="success", dismissable=True)


@callback(
    Output("notifications-open", "href"),
    Input({"type": "notification-open", "notification": ALL}, "n_clicks"),
    prevent_initial_call=True,
    capability="notifications.read",
)
def open_notification(_clicks):
    """Mark the notification read and go where it points."""
    trigger = ctx.triggered_id
    if not ctx.triggered or not ctx.triggered[0].get("value"):
        raise PreventUpdate
    if not isinstance(trigger, dict) or not isinstance(trigger.get("notification"), int):
        raise PreventUpdate
    link = mark_read(
        session=get_session(), user=current_user, notification_id=trigger["notification"]
    )
    return link or "/notifications"


@callback(
    Output("navbar-notifications", "children"),
    Input("_pages_location", "pathname"),
    Input("notifications-changed", "data", allow_optional=True),
    capability="notifications.read",
)
def navbar_badge(_pathname, _changed):
    """Show how many notifications are unread, in words as well as a number."""
    count = unread_count(session=get_session(), user=current_user)
    label = [
        html.I(className="bi bi-bell-fill me-1", **{"aria-hidden": "true"}),
        html.Span("Notifications", className="visually-hidden-below-xl"),
    ]
    if count:
        label.append(
            dbc.Badge(
                [str(count), html.Span(" unread", className="visually-hidden")],
                color="warning",
                text_color="dark",
                pill=True,
                className="ms-1",
            )
        )
    return dbc.NavLink(label, href="/notifications", active="exact", className="text-nowrap")
