"""The panels of the case page beside the child's details: audit and submission, consent, lead
site and transfers, and the opt-out and delete actions with their confirmations."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from callbacks.epilepsy12.rendering import completeness_bar, day, icon
from services.epilepsy12.cases import CaseDetail
from services.epilepsy12.sites import CaseSites, SiteRow

CONSENT_OPTIONS = [
    {"label": "Yes, the family consented", "value": "yes"},
    {"label": "No, the family declined", "value": "no"},
    {"label": "Not asked yet", "value": "unknown"},
]
CONSENT_VALUE = {True: "yes", False: "no", None: "unknown"}


def card(title: str, body: list, *, heading_id: str, className: str = "") -> html.Section:
    return html.Section(
        dbc.Card(
            dbc.CardBody([html.H2(title, id=heading_id, className="h4 card-title"), *body]),
            className=f"mb-3 {className}".strip(),
        ),
        **{"aria-labelledby": heading_id},
    )


def audit_panel(detail: CaseDetail, *, may_submit: bool, editable: bool) -> html.Section:
    """Completeness, deadline and the submit or unsubmit button."""
    if detail.opted_out_at is not None:
        when = detail.opted_out_at.strftime("%-d %B %Y")
        return card(
            "Audit",
            [html.P(f"Opted out on {when}: there is no audit to complete.", className="mb-0")],
            heading_id="edit-audit-heading",
        )
    deadline = (
        f"Cohort {detail.cohort}: submit by {day(detail.deadline)}."
        if detail.deadline
        else "Not registered yet: the first paediatric assessment date sets the cohort and deadline."
    )
    body = [
        completeness_bar(detail.completed, detail.expected, label="Audit completeness"),
        html.P(deadline, className="mt-2 mb-3"),
        html.A(
            [icon("bi-clipboard2-pulse"), "Open the audit"],
            href=f"/e12/cases/{detail.id}/audit",
            className="btn btn-primary me-2 mb-2",
        ),
    ]
    if may_submit and detail.submitted:
        body.append(
            dbc.Button(
                [icon("bi-unlock"), "Unsubmit"],
                id="edit-unsubmit",
                color="secondary",
                outline=True,
                className="mb-2",
                disabled=not editable,
            )
        )
    elif may_submit and detail.complete:
        body.append(
            dbc.Button(
                [icon("bi-send-check"), "Submit the audit"],
                id="edit-submit",
                color="success",
                className="mb-2",
                disabled=not editable,
            )
        )
    elif may_submit:
        body.append(
            html.P(
                "Submit becomes available once every section is complete.",
                className="text-body-secondary small mb-0",
            )
        )
    body.append(html.Div(id="edit-audit-result", **{"aria-live": "polite"}))
    return card("Audit", body, heading_id="edit-audit-heading")


def consent_panel(detail: CaseDetail, *, editable: bool) -> html.Section:
    return card(
        "Consent",
        [
            dbc.Label(
                "Has the family confirmed consent to take part?",
                html_for="edit-consent",
                className="fw-semibold",
            ),
            dbc.RadioItems(
                id="edit-consent",
                options=CONSENT_OPTIONS,
                value=CONSENT_VALUE[detail.consent],
                inputClassName="me-2",
                className="mb-2",
                inline=False,
            )
            if editable
            else html.P(
                next(
                    o["label"]
                    for o in CONSENT_OPTIONS
                    if o["value"] == CONSENT_VALUE[detail.consent]
                )
            ),
            html.Div(id="edit-consent-result", **{"aria-live": "polite"}),
        ],
        heading_id="edit-consent-heading",
    )


def _site(row: SiteRow) -> html.Li:
    roles = ", ".join(row.roles) if row.roles else "no other role"
    return html.Li([html.Span(row.name, className="fw-semibold"), f" — {roles}"])


def _history(sites: CaseSites) -> list:
    if not sites.history:
        return []
    items = []
    for row in sites.history:
        if row.transfer_status == "rejected":
            what = f"transfer requested {day(row.transfer_request_date)}, rejected"
        elif row.former_lead:
            what = "former lead site"
        else:
            what = "no longer involved"
        items.append(html.Li(f"{row.name}: {what}"))
    return [
        html.Details(
            [html.Summary("Earlier sites"), html.Ul(items, className="mt-2")], className="mt-3"
        )
    ]


def _chooser(select_id: str, label: str, choices, prompt: str, disabled: bool, button) -> html.Div:
    return html.Div(
        [
            dbc.Label(label, html_for=select_id, className="fw-semibold"),
            dbc.Select(
                id=select_id,
                options=[{"label": text, "value": str(id_)} for id_, text in choices],
                placeholder=prompt,
                disabled=disabled,
            ),
            button,
        ],
        className="mt-3",
    )


def sites_panel(
    detail: CaseDetail,
    sites: CaseSites,
    *,
    may_transfer: bool,
    may_allocate: bool,
    editable: bool,
    destinations: list[tuple[int, str]],
    in_scope: list[tuple[int, str]],
) -> html.Section:
    """The lead site, other sites involved, a waiting transfer, and the means to move the child."""
    lead = sites.lead.name if sites.lead else "None"
    body = [html.P([icon("bi-hospital"), "Lead site: ", html.Strong(lead)], className="mb-2")]
    if sites.others:
        body += [
            html.P("Also involved:", className="mb-1"),
            html.Ul([_site(r) for r in sites.others]),
        ]
    if sites.pending is not None:
        body.append(
            dbc.Alert(
                [
                    icon("bi-hourglass-split"),
                    f"Transfer to {sites.pending.name} requested on "
                    f"{day(sites.pending.transfer_request_date)}, waiting for their answer. "
                    "The child stays with you until they accept.",
                ],
                color="info",
                className="mb-2",
            )
        )
        if may_transfer:
            body.append(
                dbc.Button(
                    "Withdraw the transfer request",
                    id="edit-transfer-cancel",
                    color="secondary",
                    outline=True,
                    disabled=not editable,
                )
            )
    elif detail.opted_out_at is None and editable:
        if may_transfer:
            body.append(
                _chooser(
                    "edit-transfer-to",
                    "Transfer to another organisation",
                    destinations,
                    "Choose the organisation taking over",
                    not editable,
                    html.Div(
                        [
                            html.Div(
                                "They are told, and the child moves when they accept.",
                                className="form-text mb-2",
                            ),
                            dbc.Button(
                                [icon("bi-arrow-left-right"), "Request transfer"],
                                id="edit-transfer-request",
                                color="primary",
                                disabled=not editable,
                            ),
                        ]
                    ),
                )
            )
        if may_allocate and in_scope:
            body.append(
                _chooser(
                    "edit-allocate-to",
                    "Move to another site in your trust or health board",
                    in_scope,
                    "Choose a site",
                    not editable,
                    dbc.Button(
                        "Move now",
                        id="edit-allocate",
                        color="secondary",
                        outline=True,
                        className="mt-2",
                        disabled=not editable,
                    ),
                )
            )
        if not may_transfer:
            body.append(
                html.P(
                    "A lead clinician can ask another organisation to take the child over.",
                    className="text-body-secondary small mt-2 mb-0",
                )
            )
    body += _history(sites)
    body.append(html.Div(id="edit-transfer-result", **{"aria-live": "polite"}))
    return card("Lead site and transfers", body, heading_id="edit-sites-heading")


def _modal(prefix: str, title: str, text: list, confirm: str) -> dbc.Modal:
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle(title, id=f"{prefix}-title")),
            dbc.ModalBody(text),
            dbc.ModalFooter(
                [
                    dbc.Button("Cancel", id=f"{prefix}-cancel", color="secondary", outline=True),
                    dbc.Button(confirm, id=f"{prefix}-confirm", color="danger"),
                ]
            ),
        ],
        id=f"{prefix}-dialog",
        is_open=False,
        labelledby=f"{prefix}-title",
    )


def danger_panel(
    detail: CaseDetail, *, may_opt_out: bool, may_delete: bool, editable: bool, organisation: str
) -> html.Section | None:
    """Opt out and delete, each behind a confirmation that says what will happen."""
    if not editable:
        return None
    body = []
    if may_opt_out and detail.opted_out_at is None:
        body += [
            html.P(
                "If the family opts out of Epilepsy12, their child's details and audit "
                "answers are wiped."
            ),
            dbc.Button(
                "Opt out of Epilepsy12",
                id="edit-opt-out",
                color="danger",
                outline=True,
                className="me-2 mb-2",
                disabled=not editable,
            ),
            _modal(
                "edit-opt-out",
                "Opt this child out of Epilepsy12?",
                [
                    html.P(
                        "This wipes the child's NHS number, name, sex, date of birth, "
                        "postcode and ethnicity, and deletes every audit answer and score."
                    ),
                    html.P(
                        f"Case {detail.id} stays, with no details, so that {organisation} "
                        "still counts the child in its yearly totals."
                    ),
                    html.P(html.Strong("This cannot be undone.")),
                ],
                "Opt out and wipe details",
            ),
        ]
    if may_delete:
        body += [
            dbc.Button(
                "Delete this child",
                id="edit-delete",
                color="danger",
                outline=True,
                className="mb-2",
                disabled=not editable,
            ),
            _modal(
                "edit-delete",
                "Delete this child?",
                [
                    html.P(
                        "Use this only for a child added by mistake: the child and everything "
                        "recorded about them are deleted and will not be counted."
                    ),
                    html.P(html.Strong("This cannot be undone.")),
                ],
                "Delete child",
            ),
        ]
    if not body:
        return None
    body.append(html.Div(id="edit-danger-result", **{"aria-live": "polite"}))
    return card(
        "Opt out or delete",
        body,
        heading_id="edit-danger-heading",
        className="border-danger-subtle",
    )
