"""Add a child: their details and the organisation leading their care, then on to the audit."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_login import current_user

from pages.epilepsy12.child_form import child_fields, error_summary, focus_store
from portal.db import get_session
from services.epilepsy12.sites import allocation_choices

PREFIX = "new-child"

# An explicit order keeps this page ahead of /e12/cases/<case_id> when Dash matches paths.
dash.register_page(
    __name__,
    path="/e12/cases/new",
    title="Add a child to Epilepsy12",
    capability="e12.case.edit",
    order=1000,
    description="Enter a child's details and the organisation leading their epilepsy care.",
)


def layout(**_query) -> html.Div:
    """Lay out the form, the lead organisation limited to the user's trust or health board."""
    organisations = allocation_choices(session=get_session(), user=current_user)
    own = current_user.organisation_id
    values = {"lead_organisation": own} if own in {id_ for id_, _ in organisations} else {}
    return html.Div(
        [
            dcc.Location(id=f"{PREFIX}-redirect", refresh="callback-nav"),
            focus_store(PREFIX),
            dcc.Store(id=f"{PREFIX}-focus-done"),
            html.P(
                dcc.Link(
                    [
                        html.I(className="bi bi-arrow-left me-1", **{"aria-hidden": "true"}),
                        "Back to the case list",
                    ],
                    href="/e12/cases",
                )
            ),
            html.H1("Add a child"),
            html.P(
                "Every field is needed. The child's audit opens as soon as they are added.",
                className="lead",
            ),
            dbc.Row(
                dbc.Col(
                    dbc.Card(
                        dbc.CardBody(
                            [
                                error_summary(PREFIX),
                                dbc.Form(
                                    [
                                        *child_fields(PREFIX, values, organisations=organisations),
                                        dbc.Button(
                                            "Add child and open the audit",
                                            id=f"{PREFIX}-submit",
                                            type="submit",
                                            color="primary",
                                            size="lg",
                                        ),
                                    ],
                                    id=f"{PREFIX}-form",
                                ),
                            ]
                        )
                    ),
                    xl=8,
                )
            ),
        ],
        className="child-form-page",
    )
