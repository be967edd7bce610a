"""Every clinical date: never in the future, never before the date it follows (spec §7.3)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from domain.epilepsy12.validation import RecordError, parse_record
from domain.epilepsy12.validation.dates import BIRTH, EARLIEST, FIRST_ASSESSMENT
from tests.domain.epilepsy12.builders import BORN, LOOKUPS, TODAY, child, data

#: Where the complete child holds each kind of section.
WHERE = {
    "episode": "multiaxial_diagnosis.episodes[0]",
    "syndrome": "multiaxial_diagnosis.syndromes[0]",
    "comorbidity": "multiaxial_diagnosis.comorbidities[0]",
    "assessment": "assessment",
    "investigations": "investigations",
    "medicine": "management.antiepilepsy_medicines[0]",
    "management": "management",
}
#: Dates the complete child leaves empty, given here so each rule can be tried.
EXTRA_DATES = {
    "assessment.childrens_epilepsy_surgical_service_input_date": "2023-04-01",
    "management.antiepilepsy_medicines[0].antiepilepsy_medicine_stop_date": "2023-09-01",
}


def problems(changes: dict) -> dict[str, str]:
    try:
        parse_record(data({**EXTRA_DATES, **changes}), today=TODAY, lookups=LOOKUPS)
    except RecordError as error:
        return {p.path: p.message for p in error.problems}
    return {}


def _value(path: str) -> date:
    record = child(EXTRA_DATES)
    holder = record
    for part in re.findall(r"[a-z_]+|\[\d+\]", path):
        holder = holder[int(part[1:-1])] if part.startswith("[") else getattr(holder, part)
    return holder


RULES = [
    pytest.param(f"{WHERE[kind]}.{field}", earliest, id=f"{kind}.{field}")
    for (kind, field), earliest in EARLIEST.items()
]


def _bound(path: str, earliest: str) -> tuple[date, str]:
    if earliest == BIRTH:
        return BORN, "the date of birth"
    if earliest == FIRST_ASSESSMENT:
        return date(2023, 1, 10), "the first paediatric assessment"
    sibling = f"{path.rsplit('.', 1)[0]}.{earliest}"
    return _value(sibling), earliest


def test_every_clinical_date_has_an_earliest_date():
    dated = {
        (kind, name)
        for kind, where in WHERE.items()
        for name, info in type(_value(where)).model_fields.items()
        if "date" in str(info.annotation)
    }
    assert dated == set(EARLIEST)
    assert {"date_of_birth", "first_paediatric_assessment_date"}.isdisjoint(
        name for _, name in dated
    )


@pytest.mark.parametrize(("path", "earliest"), RULES)
def test_a_date_before_its_earliest_date_is_refused(path, earliest):
    bound, described = _bound(path, earliest)
    found = problems({path: bound - timedelta(days=1)})
    assert found[path] == f"must not be before {described} ({bound.isoformat()})"


@pytest.mark.parametrize(("path", "earliest"), RULES)
def test_a_date_on_its_earliest_date_is_accepted(path, earliest):
    bound, _ = _bound(path, earliest)
    assert path not in problems({path: bound})


@pytest.mark.parametrize(("path", "earliest"), RULES)
def test_no_date_may_be_in_the_future(path, earliest):
    tomorrow = TODAY + timedelta(days=1)
    found = problems({path: tomorrow})
    assert found[path] == "must not be in the future (today is 2025-01-01)"


@pytest.mark.parametrize(("path", "earliest"), RULES)
def test_today_is_not_in_the_future(path, earliest):
    assert path not in problems({path: TODAY})


def test_a_pair_is_judged_by_its_earlier_date_only_when_that_date_is_right():
    found = problems(
        {
            "assessment.consultant_paediatrician_referral_date": "2009-01-01",
            "assessment.consultant_paediatrician_input_date": "2008-12-31",
        }
    )
    assert found == {
        "assessment.consultant_paediatrician_referral_date": (
            "must not be before the date of birth (2009-06-15)"
        )
    }
