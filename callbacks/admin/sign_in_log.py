"""Fill the sign-in log page with the events the reader may see."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Input, Output, State, ctx, html
from flask_login import current_user

from callbacks.admin.rendering import local_time, message
from portal.db import get_session
from portal.errors import UserError
from portal.gate import callback
from services.accounts.sign_in_log import EventPage, list_events

_USER_AGENT_SHOWN = 80


def events_table(page: EventPage):
    """Shape one page of events as a table, or say that none matched."""
    if not page.rows:
        return html.P("No events match these filters.", className="my-3")
    head = html.Thead(
        html.Tr(
            [
                html.Th(label, scope="col")
                for label in ("Time", "Account", "Event", "IP address", "Browser", "Detail")
            ]
        )
    )
    rows = []
    for event in page.rows:
        agent = event.user_agent or "—"
        shown = agent if len(agent) <= _USER_AGENT_SHOWN else agent[:_USER_AGENT_SHOWN] + "…"
        rows.append(
            html.Tr(
                [
                    html.Td(local_time(event.at), className="text-nowrap"),
                    html.Td(event.email, className="text-break"),
                    html.Td(event.kind_label),
                    html.Td(event.ip_address or "—"),
                    html.Td(shown, title=agent, className="small text-break"),
                    html.Td(event.detail or ""),
                ]
            )
        )
    return dbc.Table([head, html.Tbody(rows)], hover=True, responsive=True, size="sm")


@callback(
    Output("log-table", "children"),
    Output("log-page-label", "children"),
    Output("log-page", "data"),
    Output("log-previous", "disabled"),
    Output("log-next", "disabled"),
    Input("log-email", "value"),
    Input("log-kind", "value"),
    Input("log-previous", "n_clicks"),
    Input("log-next", "n_clicks"),
    State("log-page", "data"),
    capability="auth_log.read",
)
def show_events(email, kind, _previous, _next, page):
    """List one page of the log, newest first."""
    page = int(page or 1)
    if ctx.triggered_id == "log-previous":
        page -= 1
    elif ctx.triggered_id == "log-next":
        page += 1
    elif ctx.triggered_id in ("log-email", "log-kind"):
        page = 1
    try:
        result = list_events(
            session=get_session(),
            user=current_user,
            email=email or "",
            kind=None if kind in (None, "", "all") else kind,
            page=page,
        )
    except UserError as error:
        return message(str(error), ok=False), "", 1, True, True
    label = f"Page {result.page} of {result.pages} · {result.total} event" + (
        "s" if result.total != 1 else ""
    )
    return events_table(result), label, result.page, result.page <= 1, result.page >= result.pages
