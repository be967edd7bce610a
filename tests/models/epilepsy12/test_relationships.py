"""A child's whole record loads in a few deliberate queries, and goes with the child."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import InvalidRequestError

from models.epilepsy12 import (
    AntiEpilepsyMedicine,
    Assessment,
    AuditProgress,
    Case,
    Comorbidity,
    ComorbidityList,
    EpilepsyCause,
    EpilepsyContext,
    Episode,
    FirstPaediatricAssessment,
    Investigations,
    KPIResult,
    Management,
    Medicine,
    MultiaxialDiagnosis,
    Registration,
    Site,
    Syndrome,
    SyndromeList,
)
from models.epilepsy12.loading import WHOLE_RECORD
from tests.models.epilepsy12.conftest import lead_site, new_case

pytestmark = pytest.mark.sqlite


def lookup(db, model, column, value):
    return db.scalar(select(model).where(column == value))


def whole_record(db, addenbrookes) -> Case:
    """Store a child with every form and one row in every list; return the child."""
    valproate = lookup(db, Medicine, Medicine.medicine_name, "Sodium valproate")
    dravet = lookup(db, SyndromeList, SyndromeList.syndrome_name, "Dravet syndrome")
    adhd = lookup(
        db,
        ComorbidityList,
        ComorbidityList.preferred_term,
        "Attention deficit hyperactivity disorder",
    )
    cause = lookup(db, EpilepsyCause, EpilepsyCause.preferred_term, "Tuberous sclerosis syndrome")
    case = new_case()
    registration = Registration(
        case=case,
        first_paediatric_assessment_date=dt.date(2024, 1, 5),
        eligibility_criteria_met=True,
    )
    diagnosis = MultiaxialDiagnosis(
        registration=registration,
        epilepsy_cause=cause,
        epilepsy_cause_categories=["Gen", "Str"],
        mental_health_issues=["AxD"],
    )
    management = Management(registration=registration, has_an_aed_been_given=True)
    db.add_all(
        [
            case,
            lead_site(case, addenbrookes.id),
            registration,
            FirstPaediatricAssessment(registration=registration),
            EpilepsyContext(registration=registration),
            diagnosis,
            Episode(multiaxial_diagnosis=diagnosis, epilepsy_or_nonepilepsy_status="E"),
            Episode(multiaxial_diagnosis=diagnosis, description_keywords=["aura", "pallor"]),
            Syndrome(multiaxial_diagnosis=diagnosis, syndrome=dravet),
            Comorbidity(multiaxial_diagnosis=diagnosis, comorbidityentity=adhd),
            Assessment(registration=registration),
            Investigations(registration=registration, eeg_declined=True),
            management,
            AntiEpilepsyMedicine(management=management, medicine_entity=valproate),
            AuditProgress(registration=registration),
            KPIResult(registration=registration),
        ]
    )
    db.commit()
    return case


def test_a_whole_record_loads_in_a_handful_of_queries(db, addenbrookes):
    case_id = whole_record(db, addenbrookes).id
    db.expunge_all()
    statements: list[str] = []
    engine = db.get_bind()
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        case = db.scalar(select(Case).where(Case.id == case_id).options(*WHOLE_RECORD))
    finally:
        event.remove(engine, "before_cursor_execute", listener)

    diagnosis = case.registration.multiaxial_diagnosis
    assert len(statements) == 6
    assert case.sites[0].organisation.ods_code == "RGT01"
    assert [s.syndrome_name for s in diagnosis.syndromes] == ["Dravet syndrome"]
    assert diagnosis.comorbidities[0].comorbidityentity.concept_id == "406506008"
    assert diagnosis.epilepsy_cause.concept_id == "7199000"
    assert diagnosis.epilepsy_cause_categories == ["Gen", "Str"]
    assert diagnosis.episodes[1].description_keywords == ["aura", "pallor"]
    assert case.registration.management.antiepilepsy_medicines[0].medicine_name == (
        "Sodium valproate"
    )
    assert case.registration.investigations.eeg_declined is True
    assert case.registration.is_registered


def test_an_unloaded_part_of_the_record_is_never_fetched_behind_the_callers_back(db, addenbrookes):
    case_id = whole_record(db, addenbrookes).id
    db.expunge_all()
    case = db.get(Case, case_id)

    with pytest.raises(InvalidRequestError):
        _ = case.sites
    with pytest.raises(InvalidRequestError):
        _ = case.registration


def test_removing_an_episode_deletes_it(db, addenbrookes):
    case = whole_record(db, addenbrookes)
    diagnosis = case.registration.multiaxial_diagnosis

    diagnosis.episodes.remove(diagnosis.episodes[0])
    db.commit()

    assert db.scalar(select(func.count()).select_from(Episode)) == 1


def test_deleting_a_child_deletes_the_whole_record(db, addenbrookes):
    case = whole_record(db, addenbrookes)
    db.expunge_all()

    db.delete(db.get(Case, case.id))
    db.commit()

    for model in (Site, Registration, MultiaxialDiagnosis, Episode, Syndrome, Comorbidity):
        assert db.scalar(select(func.count()).select_from(model)) == 0
    for model in (AntiEpilepsyMedicine, Management, AuditProgress, KPIResult):
        assert db.scalar(select(func.count()).select_from(model)) == 0
    assert db.scalar(select(func.count()).select_from(SyndromeList)) == 40
