"""Build a form's questions from the child's answers, showing only those that apply."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from domain.epilepsy12.record.types import Section
from pages.epilepsy12.audit.frame import register_first
from pages.epilepsy12.audit.questions import QUESTIONS, Question
from pages.epilepsy12.audit.visibility import shown_fields
from pages.epilepsy12.audit.widgets import field
from services.epilepsy12.audit_view import AuditView
from services.epilepsy12.records import FORMS


def holder_of(view: AuditView, section: str) -> Section:
    """The child's answers to a form, or an empty form not yet started."""
    return getattr(view.child.record, section) or FORMS[section][1]()


def fields(
    view: AuditView,
    section: str,
    holder: Section,
    questions: Iterable[Question],
    *,
    rows: str = "",
    item: int = 0,
    lookups: Callable[[str], list[str]] | None = None,
) -> list:
    """The questions of a form (or of one row of a list), each showing the child's answer."""
    shown = shown_fields(rows or section, holder)
    return [
        field(
            question,
            section,
            getattr(holder, question.field),
            rows=rows,
            item=item,
            disabled=not view.may_edit,
            hidden=not shown[question.field],
            lookups=lookups or view.lists.options,
        )
        for question in questions
    ]


def simple_form(section: str) -> Callable[[AuditView], list]:
    """A form whose questions are all of one table, in order."""

    def body(view: AuditView) -> list:
        waiting = register_first(view)
        if waiting is not None:
            return [waiting]
        return fields(view, section, holder_of(view, section), QUESTIONS[section].values())

    return body
