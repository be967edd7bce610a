"""What the audit derives from one child's record, as plain JSON-ready values."""

from __future__ import annotations

from typing import Any

from domain.epilepsy12.cohorts import submission_deadline
from domain.epilepsy12.completeness import count_completeness
from domain.epilepsy12.kpis import score_child
from domain.epilepsy12.record import Record


def score_summary(record: Record) -> dict[str, Any]:
    """The cohort, the 21 results in ``MEASURES`` order, and whether the audit is complete."""
    return {
        "cohort": record.cohort,
        "kpis": score_child(record),
        "complete": count_completeness(record).audit_complete,
    }


def derived_values(record: Record) -> dict[str, Any]:
    """Everything derived, for the ``"derived"`` key of an exported record (ignored on import)."""
    completeness = count_completeness(record)
    cohort = record.cohort
    end = record.first_year_of_care_end
    return {
        "cohort": cohort,
        "completed_first_year_of_care_date": end.isoformat() if end else None,
        "audit_submission_date": submission_deadline(cohort).isoformat() if cohort else None,
        "age_at_first_paediatric_assessment": record.age_at_first_assessment,
        "kpis": score_child(record),
        "sections": {
            name: {
                "expected": progress.expected,
                "completed": progress.completed,
                "complete": progress.complete,
            }
            for name, progress in completeness.sections.items()
        },
        "complete": completeness.audit_complete,
    }
