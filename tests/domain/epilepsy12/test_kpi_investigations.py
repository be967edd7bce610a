"""Measures 4 (ECG) and 5 (MRI): every branch, the 41/42/43-day boundary, the excluded syndromes."""

from __future__ import annotations

import pytest

from domain.epilepsy12.codes import MRI_NOT_INDICATED_SYNDROMES
from tests.domain.epilepsy12.builders import REMOVE
from tests.domain.epilepsy12.scoring import days_after, score

CONVULSIVE = "epilepsy_context.were_any_of_the_epileptic_seizures_convulsive"
ECG = "investigations.twelve_lead_ecg_status"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, 1, id="convulsive-with-ecg"),
        pytest.param({ECG: False}, 0, id="convulsive-without-ecg"),
        pytest.param({ECG: REMOVE}, None, id="ecg-unanswered"),
        pytest.param({CONVULSIVE: REMOVE}, None, id="convulsive-unanswered"),
        pytest.param({CONVULSIVE: False}, 2, id="not-convulsive"),
        pytest.param({CONVULSIVE: False, ECG: REMOVE}, 2, id="not-convulsive-ecg-unanswered"),
        pytest.param({"epilepsy_context": REMOVE}, None, id="no-context-form"),
        pytest.param({"investigations": REMOVE}, None, id="no-investigations-form"),
    ],
)
def test_ecg(changes, expected):
    assert score("ecg", changes) == expected


REQUESTED = "2023-01-15"


def reported_after(days: int) -> dict:
    return {
        "investigations.mri_brain_requested_date": REQUESTED,
        "investigations.mri_brain_reported_date": days_after(REQUESTED, days),
    }


def syndrome(name: str) -> dict:
    return {
        "multiaxial_diagnosis.syndromes": [
            {"syndrome_name": "Dravet syndrome", "syndrome_diagnosis_date": "2023-02-01"},
            {"syndrome_name": name, "syndrome_diagnosis_date": "2023-03-01"},
        ]
    }


NOT_ACHIEVED = {
    "investigations.mri_indicated": False,
    "investigations.mri_brain_requested_date": REMOVE,
    "investigations.mri_brain_reported_date": REMOVE,
}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(reported_after(41), 1, id="41-days"),
        pytest.param(reported_after(42), 1, id="42-days"),
        pytest.param(reported_after(43), 0, id="43-days"),
        pytest.param(reported_after(0), 1, id="same-day"),
        pytest.param(NOT_ACHIEVED, 0, id="not-achieved"),
        pytest.param({"investigations.mri_indicated": REMOVE}, None, id="achieved-unanswered"),
        pytest.param(
            {
                "investigations.mri_indicated": REMOVE,
                "investigations.mri_brain_requested_date": REMOVE,
                "investigations.mri_brain_reported_date": REMOVE,
            },
            None,
            id="achieved-unanswered-no-dates",
        ),
        pytest.param(
            {"investigations.mri_declined": True, "investigations.mri_brain_reported_date": REMOVE},
            0,
            id="declined",
        ),
        pytest.param(
            {"investigations.mri_brain_requested_date": REMOVE}, None, id="request-date-missing"
        ),
        pytest.param(
            {"investigations.mri_brain_reported_date": REMOVE}, None, id="report-date-missing"
        ),
        pytest.param(syndrome("Dravet syndrome"), 1, id="other-syndrome"),
        pytest.param(
            syndrome("Epilepsy with generalized tonic-clonic seizures alone"),
            1,
            id="hyphen-is-not-the-en-dash-name",
        ),
        pytest.param({"multiaxial_diagnosis": REMOVE}, None, id="no-diagnosis-form"),
        pytest.param({"investigations": REMOVE}, None, id="no-investigations-form"),
    ],
)
def test_mri(changes, expected):
    assert score("mri", changes) == expected


@pytest.mark.parametrize("name", sorted(MRI_NOT_INDICATED_SYNDROMES))
@pytest.mark.parametrize(
    "mri",
    [
        pytest.param(reported_after(60), id="late-mri"),
        pytest.param(NOT_ACHIEVED, id="no-mri"),
        pytest.param({"investigations.mri_indicated": REMOVE}, id="unanswered"),
    ],
)
def test_mri_is_not_indicated_for_five_syndromes(name, mri):
    assert score("mri", {**syndrome(name), **mri}) == 2


def test_the_five_syndromes_are_in_the_seed_list():
    from tests.domain.epilepsy12.builders import LOOKUPS

    assert LOOKUPS.syndromes >= MRI_NOT_INDICATED_SYNDROMES
