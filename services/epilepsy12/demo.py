"""``portal demo`` for Epilepsy12: several hundred invented children, or a nation's worth.

Children are spread over the real English and Welsh organisations (more at the demo accounts'
hospitals) and over the five cohorts up to the one being submitted today, so the demo looks the
same whatever year it is run in. Most are complete; some stop part-way through the audit; a few
opted out or were transferred; complete children of closed cohorts are mostly submitted.

Child *k* depends only on the seed and *k*, so a rerun finds children 0…n−1 already there
(the audit trail names ``portal demo`` as their creator) and adds only the missing ones: running
twice gives the same data, and ``--children 30000`` after 600 gives the same nation as at once.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

import domain.epilepsy12.record as pure
from domain.epilepsy12.cohorts import FIRST_COHORT, submission_deadline, submitting_cohort
from domain.epilepsy12.completeness import count_completeness
from domain.epilepsy12.record import SECTIONS, Record
from domain.epilepsy12.validation.dependencies import DEPENDENTS, MEDICINE_KIND_PARENT
from models.audit import AuditEvent
from models.epilepsy12 import Case
from models.geography import Country, Organisation
from portal.audit import Actor
from services.epilepsy12.demo_children import Child, Choices, Place, chance, later
from services.epilepsy12.lookup_lists import lookup_lists
from services.epilepsy12.records import NewChild, NewSite, write_children

DEMO_ACTOR = Actor("portal demo")
#: Share of the children in each cohort, oldest first, ending with the one being submitted.
COHORT_WEIGHTS = (15, 20, 22, 23, 20)
#: Where the demo accounts work: each gets a good share of the children.
FAVOURED = {"RGT01": 0.10, "7A1A1": 0.06}
CHUNK = 2000
LEAD = {"site_is_primary_centre_of_epilepsy_care": True}


def demo_nhs_numbers(count: int) -> Iterator[str]:
    """Yield valid NHS numbers from the 999 range the NHS keeps for testing, in order."""
    stem = 999_000_000
    made = 0
    while made < count:
        digits = [int(d) for d in str(stem)]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        check = 0 if check == 11 else check
        if check != 10:
            yield f"{stem}{check}"
            made += 1
        stem += 1


def _places(session: Session) -> list[Place]:
    rows = session.execute(
        select(Organisation.id, Organisation.ods_code, Country.code, Organisation.postcode)
        .join(Country, Country.id == Organisation.country_id)
        .where(Organisation.active.is_(True), Country.code.in_(("E92000001", "W92000004")))
        .order_by(Organisation.ods_code)
    ).all()
    return [Place(id_, ods, country[0], postcode) for id_, ods, country, postcode in rows]


def _tertiary(session: Session, places: Sequence[Place]) -> list[Place]:
    """Children's hospitals, standing in for the regional neurology and surgery centres."""
    codes = set(
        session.scalars(
            select(Organisation.ods_code).where(Organisation.name.ilike("%CHILDREN%HOSPITAL%"))
        )
    )
    return [place for place in places if place.ods_code in codes] or list(places[:10])


def _already_made(session: Session) -> int:
    """Count the demo children still in the database (the trail names their creator)."""
    demo_rows = select(AuditEvent.row_id).where(
        AuditEvent.table_name == Case.__tablename__,
        AuditEvent.action == "insert",
        AuditEvent.actor_label == DEMO_ACTOR.label,
    )
    return session.scalar(
        select(func.count()).select_from(Case).where(cast(Case.id, String).in_(demo_rows))
    )


def _partial(rng: random.Random, section: dict, kind: str) -> None:
    """Leave some answers of a section unanswered, never one that other answers hang from."""
    parents = {dependent.parent for dependent in DEPENDENTS.get(kind, ())}
    parents |= set(MEDICINE_KIND_PARENT.values())
    blank = [
        name
        for name, value in section.items()
        if name not in parents and not isinstance(value, list) and value is not None
    ]
    for name in rng.sample(blank, max(1, len(blank) // 2)) if blank else ():
        section[name] = None


def demo_cohorts(today: date) -> list[int]:
    """The cohorts demo children are drawn from: the one being submitted and the four before."""
    newest = submitting_cohort(today).number
    return [c for c in range(newest - len(COHORT_WEIGHTS) + 1, newest + 1) if c >= FIRST_COHORT]


def _stage(rng: random.Random, cohort: int, today: date, submitting: int) -> int:
    """How many of the seven sections are complete (7 = the whole audit)."""
    if submission_deadline(cohort) < today:
        complete = 0.92
    elif cohort < submitting:
        complete = 0.7
    else:
        complete = 0.2
    return 7 if chance(rng, complete) else rng.randint(0, 6)


class Plan:
    """Everything every demo child is drawn from."""

    def __init__(self, session: Session, rng: random.Random, today: date) -> None:
        self.today = today
        self.cohorts = demo_cohorts(today)
        self.base = rng.getrandbits(64)
        self.places = _places(session)
        by_code = {place.ods_code: place for place in self.places}
        self.favoured = [
            (by_code[code], share) for code, share in FAVOURED.items() if code in by_code
        ]
        self.tertiary = _tertiary(session, self.places)
        lists = lookup_lists(session)
        self.choices = Choices(
            syndromes=tuple(lists.options("syndromes")),
            comorbidities=tuple(lists.options("comorbidities")),
            causes=tuple(lists.options("epilepsy_causes")),
            maintenance=tuple(lists.options("medicines", rescue=False)),
            rescue=tuple(n for n in lists.options("medicines", rescue=True) if n != "Other"),
        )

    def place(self, rng: random.Random) -> Place:
        roll = rng.random()
        for place, share in self.favoured:
            if roll < share:
                return place
            roll -= share
        return rng.choice(self.places)

    def child(self, index: int, nhs_number: str) -> tuple[NewChild, str]:
        """Invent child ``index``; also say what kind of child it is, for the summary."""
        rng = random.Random(f"{self.base}:{index}")
        cohort = rng.choices(self.cohorts, weights=COHORT_WEIGHTS[-len(self.cohorts) :])[0]
        child = Child(rng, today=self.today, cohort=cohort, choices=self.choices)
        lead = self.place(rng)
        child.case(lead, nhs_number)
        child.first_assessment()
        child.context()
        child.diagnosis()
        child.assessment()
        child.investigations()
        child.management()
        stage = _stage(rng, cohort, self.today, self.cohorts[-1])
        data = child.data
        for position, section in enumerate(SECTIONS):
            if position == stage and section != "registration":
                _partial(rng, data[section], section)
            elif position > stage:
                data.pop(section, None)
        if stage == 0:
            data["registration"]["first_paediatric_assessment_date"] = None
        sites = self._sites(rng, data, lead, child.assessed)
        extra: dict = {}
        opted_out = stage == 0 and chance(rng, 0.25)
        if opted_out:
            data = {"case": {}}
            extra = {"opted_out_at": _moment(child.assessed + timedelta(days=20)), "locked": True}
        data["sites"] = [site.model_dump() for site, _new in sites]
        record = Record.model_validate(data)
        if opted_out:
            kind = "opted out"
        elif not count_completeness(record).audit_complete:
            kind = "incomplete"
        elif chance(rng, 0.85 if submission_deadline(cohort) < self.today else 0.3):
            submitted = min(self.today, submission_deadline(cohort) - timedelta(days=30))
            extra = {"locked": True, "locked_at": _moment(submitted)}
            kind = "submitted"
        else:
            kind = "complete"
        return NewChild(record, [new for _site, new in sites], extra), kind

    def _sites(
        self, rng: random.Random, data: dict, lead: Place, assessed: date
    ) -> list[tuple[pure.Site, NewSite]]:
        flags: dict[int, dict[str, bool]] = {
            lead.id: {**LEAD, "site_is_actively_involved_in_epilepsy_care": True}
        }
        places = {lead.id: lead}
        assessment = data.get("assessment") or {}
        if assessment.get("consultant_paediatrician_referral_made"):
            flags[lead.id]["site_is_general_paediatric_centre"] = True
        tertiary = rng.choice(self.tertiary)
        for answer, flag in (
            ("paediatric_neurologist_referral_made", "site_is_paediatric_neurology_centre"),
            (
                "childrens_epilepsy_surgical_service_referral_made",
                "site_is_childrens_epilepsy_surgery_centre",
            ),
        ):
            if assessment.get(answer):
                places[tertiary.id] = tertiary
                flags.setdefault(tertiary.id, {"site_is_actively_involved_in_epilepsy_care": True})[
                    flag
                ] = True
        sites = []
        if chance(rng, 0.02):
            origin = rng.choice(self.places)
            if origin.id not in places:
                requested = later(rng, assessed, 30, 300)
                sites.append(
                    _site(origin, {**LEAD, "site_is_actively_involved_in_epilepsy_care": False})
                )
                flags[lead.id] = {**flags[lead.id]}
                lead_extra = {
                    "transfer_status": "accepted",
                    "transfer_origin_organisation_id": origin.id,
                    "transfer_request_date": min(requested, self.today),
                }
                sites.append(_site(lead, flags.pop(lead.id), lead_extra))
        sites += [_site(places[place_id], site_flags) for place_id, site_flags in flags.items()]
        return sites


def _site(place: Place, flags: dict[str, bool], extra: dict | None = None):
    full = {"site_is_actively_involved_in_epilepsy_care": True, **flags}
    return pure.Site(ods_code=place.ods_code, **full), NewSite(place.id, full, extra or {})


def _moment(day: date) -> datetime:
    """Noon UTC on ``day``: demo timestamps depend on the seed, not on when the demo ran."""
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def seed_demo(*, session: Session, rng: random.Random, children: int = 600) -> str:
    """Create the demo children not yet there; return a one-line summary."""
    today = date.today()
    made = _already_made(session)
    if made >= children:
        return f"{made} Epilepsy12 children already there, unchanged"
    plan = Plan(session, rng, today)
    numbers = list(demo_nhs_numbers(children))
    taken = set()
    for start in range(0, children, 5000):
        chunk = numbers[start : start + 5000]
        taken |= set(session.scalars(select(Case.nhs_number).where(Case.nhs_number.in_(chunk))))
    kinds: Counter[str] = Counter()
    batch: list[NewChild] = []
    for index in range(made, children):
        if numbers[index] in taken:
            continue
        new_child, kind = plan.child(index, numbers[index])
        kinds[kind] += 1
        batch.append(new_child)
        if len(batch) == CHUNK:
            write_children(
                session=session, children=batch, lists=lookup_lists(session), actor=DEMO_ACTOR
            )
            batch = []
    write_children(session=session, children=batch, lists=lookup_lists(session), actor=DEMO_ACTOR)
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    return f"{sum(kinds.values())} Epilepsy12 children created ({summary}); {made} already there"
