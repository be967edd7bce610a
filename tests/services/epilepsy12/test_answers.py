"""Saving one answer: checked, written whole or not at all, dependants cleared, recounted, rescored."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from models.audit import AuditEvent
from models.epilepsy12 import Site
from portal.access import AccessDenied
from portal.errors import UserError
from portal.roles import Role
from services.epilepsy12.access import CaseLocked
from services.epilepsy12.answers import AnswerInvalid, NotRegistered, save_answer
from services.epilepsy12.records import load_child
from services.epilepsy12.rows import add_row, remove_row, set_centre
from tests.support.e12_records import TODAY, complete_child, empty_child
from tests.support.factories import make_user, organisation


@pytest.fixture
def clinician(db):
    return make_user(db, role=Role.CLINICIAN, ods_code="RGT01")


@pytest.fixture
def refreshes(monkeypatch):
    asked = []
    monkeypatch.setattr(
        "tasks.reporting.request_refresh", lambda audit, cohort: asked.append((audit, cohort))
    )
    return asked


def save(db, user, case_id, section, field, value, *, item_id=None, today=TODAY):
    return save_answer(
        session=db,
        user=user,
        case_id=case_id,
        section=section,
        field=field,
        value=value,
        item_id=item_id,
        today=today,
    )


def stored(db, case_id):
    db.rollback()
    return load_child(db, case_id)


def events(db) -> int:
    return db.scalar(select(func.count()).select_from(AuditEvent))


@pytest.mark.sqlite
@pytest.mark.parametrize(
    ("section", "field", "value", "expected"),
    [
        ("first_paediatric_assessment", "general_examination_performed", False, False),
        (
            "first_paediatric_assessment",
            "first_paediatric_assessment_in_acute_or_nonacute_setting",
            1,
            1,
        ),
        ("epilepsy_context", "previous_febrile_seizure", "Y", "Y"),
        ("multiaxial_diagnosis", "autistic_spectrum_disorder", True, True),
        ("multiaxial_diagnosis", "epilepsy_cause", "Angelman syndrome", "Angelman syndrome"),
        ("multiaxial_diagnosis", "mental_health_issues", ["AxD", "MoD"], ("AxD", "MoD")),
        ("assessment", "consultant_paediatrician_input_date", "2023-01-21", dt.date(2023, 1, 21)),
        ("investigations", "ct_head_scan_status", True, True),
        ("management", "individualised_care_plan_date", "2023-02-02", dt.date(2023, 2, 2)),
    ],
)
def test_an_answer_of_every_form_is_saved(
    db, clinician, refreshes, section, field, value, expected
):
    case_id = complete_child(db)
    before = events(db)

    result = save(db, clinician, case_id, section, field, value)

    assert result.changed and result.value == expected
    assert getattr(getattr(stored(db, case_id).record, section), field) == expected
    event = db.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert events(db) == before + 1
    assert event.action == "update" and event.actor_id == clinician.id
    assert event.changed_fields == [field if field != "epilepsy_cause" else "epilepsy_cause_id"]
    assert refreshes == [("epilepsy12", 6)]


def test_a_row_answer_is_saved_on_its_row(db, clinician):
    case_id = complete_child(db)
    medicine_id = stored(db, case_id).row_ids["antiepilepsy_medicines"][1]

    save(
        db,
        clinician,
        case_id,
        "antiepilepsy_medicines",
        "antiepilepsy_medicine_risk_discussed",
        False,
        item_id=medicine_id,
    )

    medicines = stored(db, case_id).record.management.antiepilepsy_medicines
    assert medicines[1].antiepilepsy_medicine_risk_discussed is False
    assert medicines[0].antiepilepsy_medicine_risk_discussed is True


def test_an_answer_before_its_pair_is_refused_and_nothing_is_written(db, clinician, refreshes):
    case_id = complete_child(db)
    before, written = stored(db, case_id), events(db)

    with pytest.raises(AnswerInvalid) as refused:
        save(
            db,
            clinician,
            case_id,
            "assessment",
            "consultant_paediatrician_input_date",
            "2023-01-09",
        )

    assert refused.value.messages == [
        "must not be before consultant_paediatrician_referral_date (2023-01-10)"
    ]
    assert stored(db, case_id).record == before.record
    assert events(db) == written and refreshes == []


@pytest.mark.parametrize(
    ("section", "field", "value", "message"),
    [
        ("assessment", "consultant_paediatrician_referral_made", "yes", "must be true or false"),
        ("epilepsy_context", "previous_febrile_seizure", "X", "must be one of 'Y', 'N' or 'U'"),
        ("investigations", "eeg_performed_date", "2025-01-02", "must not be in the future"),
        ("investigations", "eeg_performed_date", "2023-02-30", "is not a real calendar date"),
        (
            "management",
            "individualised_care_plan_date",
            "2023-01-09",
            "must not be before the first paediatric assessment",
        ),
        ("multiaxial_diagnosis", "epilepsy_cause", "Angelman", "did you mean 'Angelman syndrome'"),
    ],
)
def test_bad_answers_get_specific_messages(db, clinician, section, field, value, message):
    case_id = complete_child(db)
    with pytest.raises(AnswerInvalid) as refused:
        save(db, clinician, case_id, section, field, value)
    assert message in refused.value.messages[0]


def test_a_referral_not_made_clears_its_dates_and_is_rescored(db, clinician):
    case_id = complete_child(db)

    result = save(
        db, clinician, case_id, "assessment", "consultant_paediatrician_referral_made", False
    )

    assert result.cleared == (
        "consultant_paediatrician_referral_date",
        "consultant_paediatrician_input_date",
    )
    child = stored(db, case_id)
    assert child.record.assessment.consultant_paediatrician_referral_date is None
    assert child.record.assessment.consultant_paediatrician_input_date is None
    # the neurologist saw her 34 days after referral: no pathway in time any more
    assert child.kpis["paediatrician_with_expertise_in_epilepsies"] == 0
    assert child.progress["assessment_total_expected_fields"] == 5 + 3 + 2 + 2


@pytest.mark.sqlite
def test_no_syndrome_removes_the_syndrome_rows(db, clinician):
    case_id = complete_child(db)

    result = save(db, clinician, case_id, "multiaxial_diagnosis", "syndrome_present", False)

    assert result.cleared == ("syndromes",)
    child = stored(db, case_id)
    assert child.record.multiaxial_diagnosis.syndromes == ()
    assert child.row_ids["syndromes"] == ()
    deleted = db.scalars(select(AuditEvent).where(AuditEvent.action == "delete")).all()
    assert [e.table_name for e in deleted] == ["e12_syndrome"]


def test_a_non_epileptic_episode_loses_its_epileptic_classification(db, clinician):
    case_id = complete_child(db)
    episode_id = stored(db, case_id).row_ids["episodes"][0]

    result = save(
        db,
        clinician,
        case_id,
        "episodes",
        "epilepsy_or_nonepilepsy_status",
        "NE",
        item_id=episode_id,
    )

    assert set(result.cleared) >= {"epileptic_seizure_onset_type", "focal_onset_left"}
    child = stored(db, case_id)
    episode = child.record.multiaxial_diagnosis.episodes[0]
    assert episode.epileptic_seizure_onset_type is None and episode.focal_onset_left is None
    assert not child.progress["multiaxial_diagnosis_complete"]  # an epileptic episode is required


def test_another_medicine_than_valproate_clears_the_pregnancy_answers(db, clinician):
    case_id = complete_child(db)
    valproate_id = stored(db, case_id).row_ids["antiepilepsy_medicines"][0]

    save(
        db,
        clinician,
        case_id,
        "antiepilepsy_medicines",
        "medicine_name",
        "Levetiracetam",
        item_id=valproate_id,
    )

    child = stored(db, case_id)
    medicine = child.record.management.antiepilepsy_medicines[0]
    assert medicine.medicine_name == "Levetiracetam"
    assert medicine.is_a_pregnancy_prevention_programme_in_place is None
    assert child.kpis["sodium_valproate"] == 2


def test_a_late_mri_fails_the_mri_measure(db, clinician):
    case_id = complete_child(db)
    assert stored(db, case_id).kpis["mri"] == 1

    save(db, clinician, case_id, "investigations", "mri_brain_reported_date", "2023-03-10")

    assert stored(db, case_id).kpis["mri"] == 0


def test_the_same_answer_again_writes_nothing(db, clinician):
    case_id = complete_child(db)
    written = events(db)

    result = save(db, clinician, case_id, "investigations", "eeg_performed_date", "2023-01-30")

    assert not result.changed and events(db) == written


def test_the_first_answer_of_a_form_starts_the_form(db, clinician):
    case_id = complete_child(db, {"investigations": None})
    assert "investigations" not in stored(db, case_id).form_ids

    result = save(db, clinician, case_id, "investigations", "eeg_indicated", False)

    child = stored(db, case_id)
    assert "investigations" in child.form_ids
    assert result.completeness.sections["investigations"].completed == 1
    assert child.progress["investigations_total_completed_fields"] == 1


def test_an_unregistered_child_has_no_audit_forms_yet(db, clinician):
    case_id = empty_child(db)
    with pytest.raises(NotRegistered):
        save(db, clinician, case_id, "epilepsy_context", "previous_febrile_seizure", "N")


def test_unknown_answers_are_refused(db, clinician):
    case_id = complete_child(db)
    with pytest.raises(UserError, match="not an answer of assessment"):
        save(db, clinician, case_id, "assessment", "locked", True)
    with pytest.raises(UserError, match="not a section"):
        save(db, clinician, case_id, "case", "first_name", "Eve")
    with pytest.raises(UserError, match="no longer exists"):
        save(db, clinician, case_id, "episodes", "description", "x", item_id=10**9)


def test_a_submitted_child_is_locked_for_the_hospital_but_not_for_the_national_team(db, clinician):
    case_id = complete_child(db, locked=True)
    with pytest.raises(CaseLocked, match="submitted"):
        save(db, clinician, case_id, "epilepsy_context", "previous_febrile_seizure", "Y")

    national = make_user(db, role=Role.NATIONAL_AUDIT_TEAM, ods_code=None)
    assert save(db, national, case_id, "epilepsy_context", "previous_febrile_seizure", "Y").changed


def test_a_child_past_the_deadline_is_locked(db, clinician):
    case_id = complete_child(db)
    with pytest.raises(CaseLocked, match="deadline"):
        save(
            db,
            clinician,
            case_id,
            "epilepsy_context",
            "previous_febrile_seizure",
            "Y",
            today=dt.date(2025, 1, 15),
        )


@pytest.mark.parametrize(
    ("role", "ods_code"),
    [(Role.CLINICIAN, "RJZ01"), (Role.AUDIT_ADMINISTRATOR, "RGT01"), (Role.DOCTOR, "RGT01")],
)
def test_others_cannot_save(db, role, ods_code):
    case_id = complete_child(db)
    user = make_user(db, role=role, ods_code=ods_code)
    with pytest.raises(AccessDenied):
        save(db, user, case_id, "epilepsy_context", "previous_febrile_seizure", "Y")


def test_a_syndrome_is_added_by_name_and_counted(db, clinician):
    case_id = complete_child(db)

    result = add_row(
        session=db,
        user=clinician,
        case_id=case_id,
        rows="syndromes",
        values={"syndrome_name": "Dravet syndrome"},
        today=TODAY,
    )

    child = stored(db, case_id)
    assert [s.syndrome_name for s in child.record.multiaxial_diagnosis.syndromes] == [
        "Lennox–Gastaut syndrome",
        "Dravet syndrome",
    ]
    assert child.row_ids["syndromes"][-1] == result.item_id
    assert (
        child.progress["multiaxial_diagnosis_total_expected_fields"]
        == result.completeness.sections["multiaxial_diagnosis"].expected
    )
    assert not child.progress["multiaxial_diagnosis_complete"]  # its date is still to come


def test_a_repeated_syndrome_is_refused(db, clinician):
    case_id = complete_child(db)
    with pytest.raises(AnswerInvalid, match="repeats row 0"):
        add_row(
            session=db,
            user=clinician,
            case_id=case_id,
            rows="syndromes",
            values={"syndrome_name": "Lennox–Gastaut syndrome"},
            today=TODAY,
        )


def test_a_list_needs_its_yes_first(db, clinician):
    case_id = complete_child(
        db, {"multiaxial_diagnosis.syndrome_present": False, "multiaxial_diagnosis.syndromes": []}
    )
    with pytest.raises(AnswerInvalid, match="Is an epilepsy syndrome present"):
        add_row(
            session=db,
            user=clinician,
            case_id=case_id,
            rows="syndromes",
            values={"syndrome_name": "Dravet syndrome"},
            today=TODAY,
        )


def test_a_medicine_of_the_wrong_kind_is_refused(db, clinician):
    case_id = complete_child(db)
    with pytest.raises(AnswerInvalid, match="is not a rescue medicine"):
        add_row(
            session=db,
            user=clinician,
            case_id=case_id,
            rows="antiepilepsy_medicines",
            values={"medicine_name": "Lamotrigine", "is_rescue_medicine": True},
            today=TODAY,
        )


@pytest.mark.sqlite
def test_an_episode_is_added_empty_and_removed(db, clinician):
    case_id = complete_child(db)
    added = add_row(session=db, user=clinician, case_id=case_id, rows="episodes", today=TODAY)
    assert not stored(db, case_id).progress["multiaxial_diagnosis_complete"]

    remove_row(
        session=db,
        user=clinician,
        case_id=case_id,
        rows="episodes",
        item_id=added.item_id,
        today=TODAY,
    )

    child = stored(db, case_id)
    assert len(child.record.multiaxial_diagnosis.episodes) == 1
    assert child.progress["multiaxial_diagnosis_complete"]


@pytest.mark.sqlite
def test_a_neurology_centre_moves_to_another_organisation(db, clinician):
    case_id = complete_child(db)
    kings = organisation(db, "RJZ01")

    set_centre(
        session=db,
        user=clinician,
        case_id=case_id,
        role="site_is_paediatric_neurology_centre",
        organisation_id=kings.id,
        today=TODAY,
    )

    sites = {s.ods_code: s.flags for s in stored(db, case_id).sites}
    assert sites["RJZ01"]["site_is_paediatric_neurology_centre"]
    assert not sites["RP401"]["site_is_paediatric_neurology_centre"]
    assert sites["RP401"]["site_is_childrens_epilepsy_surgery_centre"]


def test_no_neurology_centre_leaves_the_assessment_incomplete(db, clinician):
    case_id = complete_child(db)
    set_centre(
        session=db,
        user=clinician,
        case_id=case_id,
        role="site_is_childrens_epilepsy_surgery_centre",
        organisation_id=None,
        today=TODAY,
    )
    set_centre(
        session=db,
        user=clinician,
        case_id=case_id,
        role="site_is_paediatric_neurology_centre",
        organisation_id=None,
        today=TODAY,
    )

    child = stored(db, case_id)
    assert [s.ods_code for s in child.sites] == ["RGT01"]
    assert db.scalar(select(func.count()).select_from(Site).where(Site.case_id == case_id)) == 1
    assert not child.progress["assessment_complete"]
