"""The frame of every audit page: who the child is, the step menu, the lock, the section's progress."""

from __future__ import annotations

from collections.abc import Callable

import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_login import current_user

from domain.epilepsy12.completeness import Completeness, SectionProgress
from domain.epilepsy12.record import SECTIONS
from domain.names import display_name
from pages.epilepsy12.audit.questions import SECTION_TITLES, section_path, summary_path
from portal.access import AccessDenied
from portal.db import get_session
from services.epilepsy12.audit_view import AuditView, load_audit

SUMMARY = "summary"


def status_icon(done: bool) -> html.I:
    return html.I(
        className="bi bi-check-circle-fill text-success" if done else "bi bi-circle",
        **{"aria-hidden": "true"},
    )


def _step(case_id: int, name: str, title: str, detail: str, done: bool, current: bool):
    here = [html.Span(" (this page)", className="visually-hidden")] if current else []
    return html.Li(
        dcc.Link(
            [
                status_icon(done),
                html.Span([title, *here], className="e12-step-title"),
                html.Span(detail, className="e12-step-detail"),
            ],
            href=summary_path(case_id) if name == SUMMARY else section_path(case_id, name),
            className="e12-step" + (" active" if current else ""),
        )
    )


def step_menu(case_id: int, completeness: Completeness, current: str, registered: bool):
    """The seven sections with how far each is filled in, then the KPI summary."""
    steps = []
    for name in SECTIONS:
        progress = completeness.sections[name]
        if name != "registration" and not registered:
            detail = "after registration"
        elif progress.complete:
            detail = "Complete"
        else:
            detail = f"{progress.completed} of {progress.expected}"
        steps.append(
            _step(case_id, name, SECTION_TITLES[name], detail, progress.complete, name == current)
        )
    overall = "Audit complete" if completeness.audit_complete else "results so far"
    steps.append(
        _step(
            case_id,
            SUMMARY,
            "KPI summary",
            overall,
            completeness.audit_complete,
            current == SUMMARY,
        )
    )
    return html.Ol(steps, className="e12-steps list-unstyled")


def section_progress(progress: SectionProgress):
    """How much of the section is answered, as text and as an accessible bar."""
    text = (
        "Section complete"
        if progress.complete
        else f"{progress.completed} of {progress.expected} answers given"
    )
    share = round(100 * progress.completed / progress.expected) if progress.expected else 0
    return html.Div(
        [
            html.Span([status_icon(progress.complete), " ", text], className="e12-progress-text"),
            html.Div(
                html.Div(className="progress-bar", style={"width": f"{share}%"}),
                className="progress e12-progress",
                role="progressbar",
                **{
                    "aria-label": "Answers given in this section",
                    "aria-valuenow": str(progress.completed),
                    "aria-valuemin": "0",
                    "aria-valuemax": str(progress.expected),
                    "aria-valuetext": text,
                },
            ),
        ]
    )


def _nhs(number: str | None) -> str:
    return f"{number[:3]} {number[3:6]} {number[6:]}" if number else "not recorded"


def facts(view: AuditView) -> str:
    """Who the child is and where their audit stands, in one line under their name."""
    child = view.child
    case = child.record.case
    parts = [f"Child {child.case_id}", f"NHS number {_nhs(case.nhs_number)}"]
    if case.date_of_birth:
        parts.append(f"born {case.date_of_birth:%-d %b %Y}")
    if child.cohort is not None:
        parts.append(f"cohort {child.cohort}")
    if child.audit_submission_date:
        parts.append(f"submit by {child.audit_submission_date:%-d %b %Y}")
    if view.lead:
        parts.append(f"led by {display_name(view.lead.organisation_name)}")
    return " · ".join(parts)


def _heading(view: AuditView):
    child = view.child
    case = child.record.case
    name = f"{case.first_name} {case.surname}" if case.first_name else f"Child {child.case_id}"
    return html.Div(
        [
            html.Nav(
                html.Ol(
                    [
                        html.Li(
                            dcc.Link("Epilepsy12 cases", href="/e12/cases"),
                            className="breadcrumb-item",
                        ),
                        html.Li(
                            dcc.Link(f"Child {child.case_id}", href=f"/e12/cases/{child.case_id}"),
                            className="breadcrumb-item",
                        ),
                        html.Li(
                            "Audit", className="breadcrumb-item active", **{"aria-current": "page"}
                        ),
                    ],
                    className="breadcrumb",
                ),
                **{"aria-label": "Breadcrumb"},
            ),
            html.H1(name),
            html.P(facts(view), id="e12-facts", className="e12-facts"),
        ]
    )


def lock_banner(view: AuditView):
    if view.lock_reason is None:
        return None
    if view.may_edit:
        text = f"{view.lock_reason} You can still change it as a member of the national audit team."
        colour = "warning"
    else:
        text = f"Read only. {view.lock_reason} Only the national audit team can change it now."
        colour = "secondary"
    return dbc.Alert(
        [html.I(className="bi bi-lock-fill me-2", **{"aria-hidden": "true"}), text],
        color=colour,
        id="e12-lock",
    )


def _neighbours(case_id: int, section: str):
    order = [*SECTIONS, SUMMARY]
    position = order.index(section)
    links = []
    if position > 0:
        before = order[position - 1]
        links.append(
            dcc.Link(
                ["← ", SECTION_TITLES.get(before, "KPI summary")],
                href=section_path(case_id, before),
                className="btn btn-outline-secondary",
            )
        )
    if position < len(order) - 1:
        after = order[position + 1]
        href = summary_path(case_id) if after == SUMMARY else section_path(case_id, after)
        links.append(
            dcc.Link(
                [SECTION_TITLES.get(after, "KPI summary"), " →"],
                href=href,
                className="btn btn-primary ms-auto",
            )
        )
    return html.Div(links, className="d-flex gap-2 mt-4")


def refused(message: str):
    return dbc.Container(
        [html.H1("Epilepsy12 audit"), dbc.Alert(message, color="warning")], className="py-3"
    )


def audit_page(case_id: str | None, section: str, body: Callable[[AuditView], list]):
    """Lay out one section (or the summary) of a child's audit, if the user may see the child."""
    try:
        case_id_number = int(case_id or "")
        view = load_audit(session=get_session(), user=current_user, case_id=case_id_number)
    except (ValueError, AccessDenied):
        return refused(
            "There is no such child, or the child is not cared for in your trust or health board."
        )
    registered = view.child.record.is_registered
    title = "KPI summary" if section == SUMMARY else SECTION_TITLES[section]
    progress = None if section == SUMMARY else section_progress(view.completeness.sections[section])
    return dbc.Container(
        [
            dcc.Store(id="e12-case", data=case_id_number),
            _heading(view),
            lock_banner(view),
            dbc.Row(
                [
                    dbc.Col(
                        html.Nav(
                            [
                                html.H2(
                                    "Audit sections",
                                    className="h6 text-uppercase e12-steps-heading",
                                ),
                                html.Div(
                                    step_menu(
                                        case_id_number, view.completeness, section, registered
                                    ),
                                    id="e12-step-menu",
                                ),
                            ],
                            **{"aria-label": "Audit sections"},
                        ),
                        md=4,
                        lg=3,
                    ),
                    dbc.Col(
                        [
                            html.H2(title, className="e12-section-title"),
                            html.Div(progress, id="e12-section-progress"),
                            html.Div(body(view), className="e12-form"),
                            _neighbours(case_id_number, section),
                        ],
                        md=8,
                        lg=9,
                    ),
                ],
                className="g-4",
            ),
        ],
        fluid="xl",
        className="e12-audit py-2",
    )


def register_first(view: AuditView):
    """What a form shows before the child is registered."""
    if view.child.record.is_registered:
        return None
    return dbc.Alert(
        [
            "Register the child first: confirm eligibility and enter the date of the first "
            "paediatric assessment on the ",
            dcc.Link("registration page", href=section_path(view.child.case_id, "registration")),
            ".",
        ],
        color="info",
    )
