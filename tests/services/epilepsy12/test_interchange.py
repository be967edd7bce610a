"""The JSON record: exported with what the portal derives, imported whole or not at all."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import delete, func, select

from models.audit import AuditEvent
from models.epilepsy12 import Case
from portal.access import AccessDenied
from portal.errors import UserError
from portal.roles import Role
from services.accounts.operator import COMMAND_LINE_OPERATOR as OPERATOR
from services.epilepsy12.interchange import ImportRefused, export_record, import_record
from tests.support.e12_records import TODAY, complete_child, complete_data
from tests.support.factories import make_user


def export(db, case_id):
    return export_record(session=db, user=OPERATOR, case_id=case_id)


def load(db, data, organisation="RGT01", user=OPERATOR):
    return import_record(session=db, user=user, data=data, organisation=organisation, today=TODAY)


def children(db) -> int:
    return db.scalar(select(func.count()).select_from(Case))


def without_ids(data: dict) -> dict:
    data = copy.deepcopy(data)
    data["derived"].pop("case_id")
    return data


def test_export_gives_the_record_and_what_is_derived_from_it(db):
    case_id = complete_child(db)

    data = export(db, case_id)

    assert data["registration"] == {
        "first_paediatric_assessment_date": "2023-01-10",
        "eligibility_criteria_met": True,
    }
    assert data["sites"][0] == {
        "ods_code": "RGT01",
        "site_is_primary_centre_of_epilepsy_care": True,
        "site_is_general_paediatric_centre": True,
    }
    derived = data["derived"]
    assert derived["case_id"] == case_id and derived["cohort"] == 6
    assert derived["audit_submission_date"] == "2025-01-14"
    assert derived["audit_complete"] is True
    assert set(derived["kpis"].values()) == {1}


@pytest.mark.sqlite
def test_export_then_import_then_export_is_identical(db):
    case_id = complete_child(db)
    first = export(db, case_id)
    db.execute(delete(Case).where(Case.id == case_id))
    db.commit()

    new_id = load(db, first)

    second = export(db, new_id)
    assert without_ids(second) == without_ids(first)


def test_import_leads_from_the_named_organisation_and_leaves_a_trail(db):
    data = complete_data()
    del data["sites"]

    case_id = load(db, data, organisation="rjz01")

    exported = export(db, case_id)
    assert exported["sites"] == [
        {"ods_code": "RJZ01", "site_is_primary_centre_of_epilepsy_care": True}
    ]
    tables = set(
        db.scalars(select(AuditEvent.table_name).where(AuditEvent.actor_label == "command line"))
    )
    assert {
        "e12_case",
        "e12_site",
        "e12_registration",
        "e12_episode",
        "e12_antiepilepsy_medicine",
    } <= tables


@pytest.mark.sqlite
def test_every_bad_field_is_named_and_nothing_is_written(db):
    data = complete_data(
        {
            "assessment.consultant_paediatrician_input_date": "2023-01-09",
            "management.antiepilepsy_medicines[0].medicine_name": "Valproate",
            "epilepsy_context.previous_febrile_seizure": "maybe",
        }
    )
    data["assessment"]["referal_made"] = True
    data["case"]["nhs_number"] = "943 476 5918"

    with pytest.raises(ImportRefused) as refused:
        load(db, data)

    paths = {problem.path for problem in refused.value.problems}
    assert paths == {
        "case.nhs_number",
        "assessment.consultant_paediatrician_input_date",
        "management.antiepilepsy_medicines[0].medicine_name",
        "epilepsy_context.previous_febrile_seizure",
        "assessment.referal_made",
    }
    assert refused.value.exit_code == 2
    assert children(db) == 0


def test_a_number_already_in_the_audit_is_refused(db):
    case_id = complete_child(db)
    data = export(db, case_id)
    with pytest.raises(ImportRefused, match=f"already belongs to child {case_id}"):
        load(db, data)
    assert children(db) == 1


def test_a_file_led_by_another_organisation_is_refused(db):
    with pytest.raises(ImportRefused, match="names RGT01 as the lead site"):
        load(db, complete_data(), organisation="RJZ01")
    assert children(db) == 0


def test_unknown_organisations_are_refused(db):
    with pytest.raises(UserError, match="No organisation has the ODS code XX999"):
        load(db, complete_data(), organisation="XX999")
    data = complete_data()
    data["sites"][1]["ods_code"] = "ZZZ99"
    with pytest.raises(ImportRefused, match=r"sites\[1\].ods_code: no organisation"):
        load(db, data)
    assert children(db) == 0


def test_a_trust_may_import_only_for_itself(db):
    user = make_user(db, role=Role.CLINICIAN, ods_code="RJZ01")
    with pytest.raises(AccessDenied):
        load(db, complete_data(), user=user)
