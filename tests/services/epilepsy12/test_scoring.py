"""Rescoring from stored answers: one child, or every child in batches, writing only what changed."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from models.epilepsy12 import AuditProgress, KPIResult
from portal.access import AccessDenied
from portal.roles import Role
from services.accounts.operator import COMMAND_LINE_OPERATOR
from services.epilepsy12.records import load_child
from services.epilepsy12.scoring import rescore_all, rescore_child
from tests.support.e12_records import complete_child, empty_child
from tests.support.factories import make_user


def stale(db, case_id, **scores) -> None:
    """Overwrite a child's stored results, as a change of the measures' rules would leave them."""
    registration_id = load_child(db, case_id).registration_id
    db.execute(update(KPIResult).where(KPIResult.registration_id == registration_id).values(scores))
    db.commit()


def test_one_child_is_rescored_from_their_answers(db):
    case_id = complete_child(db)
    right = load_child(db, case_id).kpis
    stale(db, case_id, mri=0, ecg=None)
    user = make_user(db, role=Role.CLINICIAN, ods_code="RGT01")

    summary = rescore_child(session=db, user=user, case_id=case_id)

    assert (summary.scores_changed, summary.counts_changed) == (1, 0)
    db.rollback()
    assert load_child(db, case_id).kpis == right


def test_a_child_out_of_scope_is_not_rescored(db):
    case_id = complete_child(db, ods_code="RJZ01")
    user = make_user(db, role=Role.CLINICIAN, ods_code="RGT01")
    with pytest.raises(AccessDenied):
        rescore_child(session=db, user=user, case_id=case_id)


@pytest.mark.sqlite
@pytest.mark.parametrize("stage_from", [1, 50], ids=["staged", "row by row"])
def test_every_child_is_rescored_in_batches_and_only_changes_are_written(
    db, monkeypatch, stage_from
):
    monkeypatch.setattr("services.epilepsy12.records.bulk.STAGE_FROM", stage_from)
    ids = [complete_child(db) for _ in range(5)] + [empty_child(db)]
    for case_id in ids[:2]:
        stale(db, case_id, sudep=0)
    registration_id = load_child(db, ids[2]).registration_id
    db.execute(
        update(AuditProgress)
        .where(AuditProgress.registration_id == registration_id)
        .values(management_complete=False)
    )
    db.commit()
    batches = []

    summary = rescore_all(
        session=db,
        user=COMMAND_LINE_OPERATOR,
        batch_size=2,
        workers=1,
        on_batch=lambda done, total: batches.append((done, total)),
    )

    assert summary.children == 6
    assert (summary.scores_changed, summary.counts_changed) == (2, 1)
    assert batches == [(2, 6), (4, 6), (6, 6)]
    assert summary.cohorts == frozenset({6})
    db.rollback()
    assert all(load_child(db, case_id).kpis["sudep"] == 1 for case_id in ids[:5])
    assert load_child(db, ids[2]).progress["management_complete"] is True

    again = rescore_all(session=db, user=COMMAND_LINE_OPERATOR, workers=1)
    assert (again.scores_changed, again.counts_changed) == (0, 0)


def test_only_the_national_team_rescores_everyone(db):
    user = make_user(db, role=Role.LEAD_CLINICIAN, ods_code="RGT01")
    with pytest.raises(AccessDenied):
        rescore_all(session=db, user=user)


def test_several_processes_share_the_children(db):
    ids = [complete_child(db) for _ in range(5)]
    for case_id in ids:
        stale(db, case_id, first_aid=None)

    summary = rescore_all(session=db, user=COMMAND_LINE_OPERATOR, batch_size=2, workers=2)

    assert summary.children == 5 and summary.scores_changed == 5
    db.rollback()
    assert all(load_child(db, case_id).kpis["first_aid"] == 1 for case_id in ids)
