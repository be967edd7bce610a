"""The record format and measure documents describe what the code does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from domain.epilepsy12.codes import FOCAL_ONSET_FIELDS
from domain.epilepsy12.completeness import count_completeness
from domain.epilepsy12.kpis import MEASURES, score_child
from domain.epilepsy12.record import (
    AntiEpilepsyMedicine,
    Assessment,
    Case,
    Comorbidity,
    EpilepsyContext,
    Episode,
    FirstPaediatricAssessment,
    Investigations,
    Management,
    MultiaxialDiagnosis,
    Record,
    Registration,
    Site,
    Syndrome,
)
from domain.epilepsy12.validation import parse_record
from tests.domain.epilepsy12.builders import LOOKUPS, TODAY

DOCS = Path(__file__).resolve().parents[3] / "docs"
RECORD_DOC = (DOCS / "epilepsy12-record.md").read_text(encoding="utf-8")
KPI_DOC = (DOCS / "epilepsy12-kpis.md").read_text(encoding="utf-8")
SECTIONS = (
    Record,
    Case,
    Site,
    Registration,
    FirstPaediatricAssessment,
    EpilepsyContext,
    MultiaxialDiagnosis,
    Episode,
    Syndrome,
    Comorbidity,
    Assessment,
    Investigations,
    Management,
    AntiEpilepsyMedicine,
)
PATHWAY = re.compile(
    r"(consultant_paediatrician|paediatric_neurologist|"
    r"childrens_epilepsy_surgical_service|epilepsy_specialist_nurse)_"
    r"(referral_made|referral_date|input_date)"
)


@pytest.mark.parametrize("section", SECTIONS, ids=[s.__name__ for s in SECTIONS])
def test_every_field_is_documented(section):
    undocumented = [
        name
        for name in section.model_fields
        if f"`{name}`" not in RECORD_DOC
        and name not in FOCAL_ONSET_FIELDS
        and not PATHWAY.fullmatch(name)
    ]
    assert undocumented == []


def test_the_example_is_a_complete_valid_record():
    example = re.search(r"## A complete example.*?```json\n(.*?)```", RECORD_DOC, re.S)[1]
    record = parse_record(json.loads(example), today=TODAY, lookups=LOOKUPS)
    assert count_completeness(record).audit_complete
    assert set(score_child(record).values()) == {1}


@pytest.mark.parametrize("measure", MEASURES, ids=[m.name for m in MEASURES])
def test_every_measure_is_documented(measure):
    assert f"`{measure.name}`" in KPI_DOC
    assert measure.label.split(". ", 1)[1] in KPI_DOC
