"""Measures 1, 2, 3a and 3b: every branch, and the boundary days and ages."""

from __future__ import annotations

import pytest

from tests.domain.epilepsy12.builders import FIRST_YEAR_END, REMOVE, born
from tests.domain.epilepsy12.scoring import days_after, score

REFERRED = "2023-01-10"
CONSULTANT = "assessment.consultant_paediatrician"
NEUROLOGIST = "assessment.paediatric_neurologist"
SURGERY = "assessment.childrens_epilepsy_surgical_service"
NURSE = "assessment.epilepsy_specialist_nurse"
END = FIRST_YEAR_END.isoformat()


def seen(pathway: str, days: int) -> dict:
    """The pathway's referral made on REFERRED and input ``days`` later."""
    return {
        f"{pathway}_referral_made": True,
        f"{pathway}_referral_date": REFERRED,
        f"{pathway}_input_date": days_after(REFERRED, days),
    }


def not_made(pathway: str) -> dict:
    return {
        f"{pathway}_referral_made": False,
        f"{pathway}_referral_date": REMOVE,
        f"{pathway}_input_date": REMOVE,
    }


def unanswered(pathway: str) -> dict:
    return {
        f"{pathway}_referral_made": REMOVE,
        f"{pathway}_referral_date": REMOVE,
        f"{pathway}_input_date": REMOVE,
    }


LATE_NEUROLOGIST = seen(NEUROLOGIST, 30)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({**seen(CONSULTANT, 13), **LATE_NEUROLOGIST}, 1, id="13-days"),
        pytest.param({**seen(CONSULTANT, 14), **LATE_NEUROLOGIST}, 1, id="14-days"),
        pytest.param({**seen(CONSULTANT, 15), **LATE_NEUROLOGIST}, 0, id="15-days"),
        pytest.param({**seen(CONSULTANT, 0), **LATE_NEUROLOGIST}, 1, id="same-day"),
        pytest.param({**seen(CONSULTANT, 15), **seen(NEUROLOGIST, 14)}, 1, id="neurologist-14"),
        pytest.param({**seen(CONSULTANT, 15), **seen(NEUROLOGIST, 15)}, 0, id="both-15"),
        pytest.param({**not_made(CONSULTANT), **seen(NEUROLOGIST, 13)}, 1, id="neurologist-only"),
        pytest.param({**not_made(CONSULTANT), **not_made(NEUROLOGIST)}, 0, id="neither-made"),
        pytest.param({**not_made(CONSULTANT), **LATE_NEUROLOGIST}, 0, id="not-made-and-late"),
        pytest.param(
            {**seen(CONSULTANT, 10), f"{CONSULTANT}_input_date": REMOVE, **LATE_NEUROLOGIST},
            None,
            id="input-date-missing",
        ),
        pytest.param(
            {**seen(CONSULTANT, 10), f"{CONSULTANT}_referral_date": REMOVE, **LATE_NEUROLOGIST},
            None,
            id="referral-date-missing",
        ),
        pytest.param({**unanswered(CONSULTANT), **LATE_NEUROLOGIST}, None, id="made-unanswered"),
        pytest.param({**unanswered(CONSULTANT), **seen(NEUROLOGIST, 5)}, 1, id="unknown-but-pass"),
        pytest.param({**seen(CONSULTANT, 20), **unanswered(NEUROLOGIST)}, None, id="late-unknown"),
        pytest.param({**not_made(CONSULTANT), **unanswered(NEUROLOGIST)}, None, id="none-unknown"),
        pytest.param(
            {**unanswered(CONSULTANT), **unanswered(NEUROLOGIST)}, None, id="both-unknown"
        ),
        pytest.param({"assessment": REMOVE}, None, id="no-assessment-form"),
    ],
)
def test_paediatrician_with_expertise(changes, expected):
    assert score("paediatrician_with_expertise_in_epilepsies", changes) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({f"{NURSE}_input_date": days_after(END, -1)}, 1, id="day-before-year-end"),
        pytest.param({f"{NURSE}_input_date": END}, 1, id="on-year-end"),
        pytest.param({f"{NURSE}_input_date": days_after(END, 1)}, 0, id="day-after-year-end"),
        pytest.param(not_made(NURSE), 0, id="not-referred"),
        pytest.param(unanswered(NURSE), None, id="unanswered"),
        pytest.param({f"{NURSE}_referral_date": REMOVE}, None, id="referral-date-missing"),
        pytest.param({f"{NURSE}_input_date": REMOVE}, None, id="input-date-missing"),
        pytest.param({"assessment": REMOVE}, None, id="no-assessment-form"),
    ],
)
def test_epilepsy_specialist_nurse(changes, expected):
    assert score("epilepsy_specialist_nurse", changes) == expected


#: The complete child (13, on valproate only, surgery criteria met) made ineligible for 3a.
NO_CRITERIA = {f"{SURGERY}_referral_criteria_met": False}
MYOCLONIC_GENERALISED = {
    "multiaxial_diagnosis.episodes[0].epileptic_seizure_onset_type": "GO",
    "multiaxial_diagnosis.episodes[0].epileptic_generalised_onset": "MyC",
    "multiaxial_diagnosis.episodes[0].focal_onset_left": REMOVE,
    "multiaxial_diagnosis.episodes[0].focal_onset_impaired_awareness": REMOVE,
}
MYOCLONIC_FOCAL = {"multiaxial_diagnosis.episodes[0].focal_onset_myoclonic": True}


def maintenance(*start_dates: str) -> dict:
    medicines = [
        {
            "medicine_name": name,
            "is_rescue_medicine": False,
            "antiepilepsy_medicine_start_date": start,
            "antiepilepsy_medicine_risk_discussed": True,
        }
        for name, start in zip(
            ("Levetiracetam", "Lamotrigine", "Topiramate", "Clobazam"), start_dates, strict=False
        )
    ]
    rescue = {
        "medicine_name": "Buccal midazolam",
        "is_rescue_medicine": True,
        "antiepilepsy_medicine_start_date": "2023-01-20",
        "antiepilepsy_medicine_risk_discussed": True,
    }
    return {"management.antiepilepsy_medicines": [*medicines, rescue]}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, 1, id="surgery-criteria-met"),
        pytest.param(NO_CRITERIA, 2, id="no-criteria"),
        pytest.param({f"{SURGERY}_referral_criteria_met": REMOVE}, None, id="criteria-unanswered"),
        pytest.param({**NO_CRITERIA, "case.date_of_birth": born(2)}, 1, id="age-2"),
        pytest.param(
            {**NO_CRITERIA, "case.date_of_birth": born(3, days=1)}, 1, id="3rd-bday-after"
        ),
        pytest.param({**NO_CRITERIA, "case.date_of_birth": born(3)}, 2, id="3rd-birthday-on-FPA"),
        pytest.param({**NO_CRITERIA, "case.date_of_birth": born(3, days=-1)}, 2, id="aged-3"),
        pytest.param(
            {f"{SURGERY}_referral_criteria_met": REMOVE, "case.date_of_birth": born(2)},
            1,
            id="criteria-unanswered-but-under-3",
        ),
        pytest.param(
            {**NO_CRITERIA, **MYOCLONIC_GENERALISED, "case.date_of_birth": born(3)},
            1,
            id="3-generalised-myoclonic",
        ),
        pytest.param(
            {**NO_CRITERIA, **MYOCLONIC_FOCAL, "case.date_of_birth": born(3)},
            1,
            id="3-focal-myoclonic",
        ),
        pytest.param(
            {**NO_CRITERIA, **MYOCLONIC_FOCAL, "case.date_of_birth": born(4, days=1)},
            1,
            id="4th-birthday-after-myoclonic",
        ),
        pytest.param(
            {**NO_CRITERIA, **MYOCLONIC_FOCAL, "case.date_of_birth": born(4)},
            2,
            id="4th-birthday-on-FPA-myoclonic",
        ),
        pytest.param(
            {
                **NO_CRITERIA,
                **MYOCLONIC_GENERALISED,
                "multiaxial_diagnosis.episodes[0].epilepsy_or_nonepilepsy_status": "U",
                "case.date_of_birth": born(3),
            },
            2,
            id="myoclonic-but-not-epileptic",
        ),
        pytest.param({**NO_CRITERIA, **MYOCLONIC_FOCAL}, 2, id="myoclonic-aged-13"),
        pytest.param(
            {**NO_CRITERIA, **maintenance("2023-02-01", "2023-06-01", days_after(END, -1))},
            1,
            id="3-medicines-in-first-year",
        ),
        pytest.param(
            {**NO_CRITERIA, **maintenance("2023-02-01", "2023-06-01", END)},
            2,
            id="3rd-medicine-on-year-end",
        ),
        pytest.param(
            {**NO_CRITERIA, **maintenance("2023-02-01", "2023-06-01")},
            2,
            id="2-medicines-and-rescue",
        ),
        pytest.param({f"{NEUROLOGIST}_input_date": END}, 1, id="neurologist-on-year-end"),
        pytest.param(
            {f"{NEUROLOGIST}_input_date": days_after(END, 1), f"{SURGERY}_referral_date": END},
            1,
            id="late-neurologist-surgery-on-year-end",
        ),
        pytest.param(
            {
                f"{NEUROLOGIST}_input_date": days_after(END, 1),
                f"{SURGERY}_referral_date": days_after(END, 1),
            },
            0,
            id="both-after-year-end",
        ),
        pytest.param({**not_made(NEUROLOGIST), **not_made(SURGERY)}, 0, id="neither-made"),
        pytest.param(
            {**not_made(NEUROLOGIST), f"{SURGERY}_referral_date": REMOVE},
            None,
            id="surgery-date-missing",
        ),
        pytest.param(
            {f"{NEUROLOGIST}_input_date": REMOVE, **not_made(SURGERY)},
            None,
            id="neurologist-input-missing",
        ),
        pytest.param(
            {
                **unanswered(NEUROLOGIST),
                f"{SURGERY}_referral_date": days_after(END, 1),
            },
            None,
            id="neurologist-unanswered-surgery-late",
        ),
        pytest.param(
            {f"{NEUROLOGIST}_input_date": days_after(END, 1), **unanswered(SURGERY)},
            None,
            id="neurologist-late-surgery-unanswered",
        ),
        pytest.param({**unanswered(NEUROLOGIST), **not_made(SURGERY)}, None, id="unanswered"),
        pytest.param({"management": REMOVE}, None, id="no-management-form"),
        pytest.param({"multiaxial_diagnosis": REMOVE}, None, id="no-diagnosis-form"),
        pytest.param({"assessment": REMOVE}, None, id="no-assessment-form"),
    ],
)
def test_tertiary_input(changes, expected):
    assert score("tertiary_input", changes) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, 1, id="referred"),
        pytest.param({f"{SURGERY}_referral_criteria_met": REMOVE}, None, id="criteria-unanswered"),
        pytest.param({f"{SURGERY}_referral_criteria_met": False}, 2, id="criteria-not-met"),
        pytest.param(
            {f"{SURGERY}_referral_criteria_met": False, **unanswered(SURGERY)},
            2,
            id="criteria-not-met-referral-unanswered",
        ),
        pytest.param(unanswered(SURGERY), None, id="referral-unanswered"),
        pytest.param(not_made(SURGERY), 0, id="not-referred-despite-neurologist-input"),
        pytest.param({"assessment": REMOVE}, None, id="no-assessment-form"),
    ],
)
def test_epilepsy_surgery_referral(changes, expected):
    assert score("epilepsy_surgery_referral", changes) == expected
