"""Demo children: believable, within the audit's rules, the same for the same seed, never doubled."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import delete, func, select

from domain.epilepsy12.cohorts import submitting_cohort
from domain.epilepsy12.kpis import HEADLINE_MEASURES, score_child
from domain.epilepsy12.validation import parse_record
from models.epilepsy12 import Case, Registration, Site
from models.geography import Country, Organisation
from services.accounts.operator import COMMAND_LINE_OPERATOR as OPERATOR
from services.epilepsy12.demo import Plan, demo_cohorts, demo_nhs_numbers, seed_demo
from services.epilepsy12.interchange import export_record
from services.epilepsy12.lookup_lists import lookup_lists

SEED = "2026:services.epilepsy12.demo"


def snapshot(db) -> list[dict]:
    """Every child as exported, without ids: what a rerun must leave exactly as it was."""
    ids = db.scalars(select(Case.id).order_by(Case.id)).all()
    exported = []
    for case_id in ids:
        data = export_record(session=db, user=OPERATOR, case_id=case_id)
        data["derived"].pop("case_id")
        exported.append(data)
    return exported


def test_nhs_numbers_are_valid_test_numbers():
    numbers = list(demo_nhs_numbers(50))
    assert len(set(numbers)) == 50
    assert all(number.startswith("999") and len(number) == 10 for number in numbers)


@pytest.mark.sqlite
def test_a_rerun_changes_nothing_and_a_bigger_one_only_adds(db):
    first = seed_demo(session=db, rng=random.Random(SEED), children=40)
    db.commit()
    assert first.startswith("40 Epilepsy12 children created")
    before = snapshot(db)

    again = seed_demo(session=db, rng=random.Random(SEED), children=40)
    db.commit()
    assert again == "40 Epilepsy12 children already there, unchanged"
    assert snapshot(db) == before

    grown = seed_demo(session=db, rng=random.Random(SEED), children=60)
    db.commit()
    assert grown.startswith("20 Epilepsy12 children created") and grown.endswith("40 already there")
    larger = snapshot(db)
    assert larger[:40] == before

    db.execute(delete(Case))
    db.commit()
    seed_demo(session=db, rng=random.Random(SEED), children=60)
    db.commit()
    assert snapshot(db) == larger


def test_children_follow_the_audits_rules_and_look_like_a_real_cohort(db):
    today = date.today()
    plan = Plan(db, random.Random(SEED), today)
    lookups = lookup_lists(db).lookups
    kinds: Counter[str] = Counter()
    results: dict[str, Counter] = {m.name: Counter() for m in HEADLINE_MEASURES}
    cohorts: Counter[int] = Counter()
    for index, number in enumerate(demo_nhs_numbers(600)):
        child, kind = plan.child(index, number)
        kinds[kind] += 1
        if kind == "opted out":
            assert child.record.case.nhs_number is None
            continue
        parse_record(child.record.model_dump(mode="json"), today=today, lookups=lookups)
        if child.record.cohort:
            cohorts[child.record.cohort] += 1
        if kind in ("complete", "submitted"):
            for name, score in score_child(child.record).items():
                if name in results:
                    results[name][score] += 1
    assert kinds["complete"] + kinds["submitted"] > kinds["incomplete"] > 0
    assert 0 < kinds["opted out"] < 30
    assert set(cohorts) == set(demo_cohorts(today))
    assert len(cohorts) == 5 and max(cohorts) == submitting_cohort(today).number
    for name, counted in results.items():
        eligible = counted[0] + counted[1]
        if eligible >= 20:
            assert 0.55 <= counted[1] / eligible <= 0.99, (name, counted)


def test_children_are_led_from_real_english_and_welsh_organisations(db):
    seed_demo(session=db, rng=random.Random(SEED), children=120)
    db.commit()
    countries = Counter(
        db.scalars(
            select(Country.code)
            .join(Organisation, Organisation.country_id == Country.id)
            .join(Site, Site.organisation_id == Organisation.id)
            .where(Site.site_is_primary_centre_of_epilepsy_care.is_(True))
        )
    )
    assert set(countries) == {"E92000001", "W92000004"}
    registered = db.scalar(
        select(func.count()).select_from(Registration).where(Registration.cohort.is_not(None))
    )
    assert registered > 100
