"""The transfers page: list incoming and outgoing transfers; accept, or reject with a reason."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate
from flask_login import current_user

from callbacks.epilepsy12.rendering import day, full_name, icon, nhs_number, outcome
from portal import access
from portal.db import get_session
from portal.errors import UserError
from portal.gate import callback
from services.epilepsy12 import sites
from services.epilepsy12.sites import TransferRow


def _button(kind: str, row: TransferRow, text: str, color: str) -> dbc.Button:
    name = full_name(row.first_name, row.surname)
    return dbc.Button(
        [text, html.Span(f" {name}, case {row.case_id}", className="visually-hidden")],
        id={"type": "transfer-answer", "answer": kind, "transfer": row.id},
        color=color,
        outline=kind == "reject",
        className="me-2 mb-1",
    )


def _table(rows: list[TransferRow], *, incoming: bool, may_answer: bool):
    if not rows:
        text = (
            "No children are waiting for you to accept them."
            if incoming
            else "None of your transfer requests is waiting for an answer."
        )
        return html.P(text, className="text-body-secondary")
    headers = [
        "Case",
        "Child",
        "Date of birth",
        "NHS number",
        "From" if incoming else "To",
        "Asked on",
        "Asked by",
    ]
    if incoming:
        headers.append("Answer")
    body = []
    for row in rows:
        name = full_name(row.first_name, row.surname)
        child = dcc.Link(name, href=f"/e12/cases/{row.case_id}") if not incoming else name
        cells = [
            html.Td(str(row.case_id)),
            html.Th(child, scope="row"),
            html.Td(day(row.date_of_birth)),
            html.Td(nhs_number(row.nhs_number), className="nhs-number"),
            html.Td(row.origin if incoming else row.destination),
            html.Td(day(row.requested_on)),
            html.Td(row.requested_by or "—"),
        ]
        if incoming:
            answer = (
                [
                    _button("accept", row, "Accept", "success"),
                    _button("reject", row, "Reject", "danger"),
                ]
                if may_answer
                else html.Span("A lead clinician answers", className="text-body-secondary")
            )
            cells.append(html.Td(answer))
        body.append(html.Tr(cells))
    return html.Div(
        dbc.Table(
            [html.Thead(html.Tr([html.Th(h, scope="col") for h in headers])), html.Tbody(body)],
            hover=True,
            className="align-middle transfers-table",
        ),
        className="table-responsive",
    )


@callback(
    Output("transfers-incoming", "children"),
    Output("transfers-outgoing", "children"),
    Input("transfers-changed", "data"),
    capability="e12.case.read",
)
def show_transfers(_changed):
    """List the transfers in the user's scope, both ways."""
    session = get_session()
    may_answer = access.can(current_user, "e12.transfer")
    incoming = sites.incoming_transfers(session=session, user=current_user)
    outgoing = sites.outgoing_transfers(session=session, user=current_user)
    return (
        _table(incoming, incoming=True, may_answer=may_answer),
        _table(outgoing, incoming=False, may_answer=may_answer),
    )


@callback(
    Output("transfers-message", "children"),
    Output("transfers-changed", "data"),
    Output("reject-dialog", "is_open"),
    Output("transfers-pending", "data"),
    Output("reject-summary", "children"),
    Output("reject-reason", "value"),
    Input({"type": "transfer-answer", "answer": ALL, "transfer": ALL}, "n_clicks"),
    Input("reject-confirm", "n_clicks"),
    Input("reject-cancel", "n_clicks"),
    State("transfers-pending", "data"),
    State("reject-reason", "value"),
    State("transfers-changed", "data"),
    prevent_initial_call=True,
    capability="e12.transfer",
)
def answer_transfer(_answers, _confirm, _cancel, pending, reason, changed):
    """Accept at once; ask for an optional reason before rejecting."""
    trigger = ctx.triggered_id
    if not ctx.triggered or not ctx.triggered[0].get("value"):
        raise PreventUpdate
    keep = (no_update,) * 4
    if trigger == "reject-cancel":
        return no_update, no_update, False, None, no_update, ""
    session = get_session()
    try:
        if trigger == "reject-confirm":
            transfer_id = pending if isinstance(pending, int) else None
            if transfer_id is None:
                raise PreventUpdate
            case_id = sites.reject_transfer(
                session=session, user=current_user, transfer_id=transfer_id, reason=reason or ""
            )
            done = f"Transfer of case {case_id} rejected; the organisation that asked is told."
            return outcome(done), (changed or 0) + 1, False, None, no_update, ""
        if not isinstance(trigger, dict) or not isinstance(trigger.get("transfer"), int):
            raise PreventUpdate
        transfer_id = trigger["transfer"]
        if trigger.get("answer") == "reject":
            return (
                no_update,
                no_update,
                True,
                transfer_id,
                (f"The child stays with the organisation that asked (request {transfer_id})."),
                "",
            )
        if trigger.get("answer") != "accept":
            raise PreventUpdate
        case_id = sites.accept_transfer(session=session, user=current_user, transfer_id=transfer_id)
    except UserError as error:
        return outcome(str(error), ok=False), (changed or 0) + 1, False, None, no_update, no_update
    message = html.Span(
        [
            icon("bi-check-circle-fill"),
            f"Case {case_id} is now in your care. ",
            dcc.Link("Open the child", href=f"/e12/cases/{case_id}"),
        ]
    )
    return dbc.Alert(message, color="success", dismissable=True), (changed or 0) + 1, *keep
