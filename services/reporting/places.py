"""Where an organisation sits for reporting: its area at each level, its siblings, its name.

The dashboard compares an organisation with every area it belongs to and with its sibling
organisations. Siblings are the organisations of the same integrated care board in England; in
Wales, where a health board has only a handful of sites, they are every Welsh organisation; an
organisation with neither (outside England and Wales) is compared within its country.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.names import display_name
from domain.reporting.levels import NATIONAL_AREA, Level
from models.geography import Organisation, Trust
from portal import access
from services.reporting.areas import area_names
from services.reporting.geography import area_keys
from services.reporting.recent import Recent

#: The KPI table's columns after the organisation, in order; trust and health board share one.
PARENT = "parent"
COLUMN_LEVELS: tuple[str, ...] = (
    Level.ORGANISATION.value,
    PARENT,
    Level.INTEGRATED_CARE_BOARD.value,
    Level.NHS_ENGLAND_REGION.value,
    Level.OPENUK_NETWORK.value,
    Level.COUNTRY.value,
    Level.NATIONAL.value,
)
COLUMN_LABELS = {
    Level.ORGANISATION.value: "Organisation",
    PARENT: "Trust or health board",
    Level.INTEGRATED_CARE_BOARD.value: "Integrated care board",
    Level.NHS_ENGLAND_REGION.value: "NHS England region",
    Level.OPENUK_NETWORK.value: "OPEN UK network",
    Level.COUNTRY.value: "Country",
    Level.NATIONAL.value: "England and Wales",
}


@dataclass(frozen=True)
class Area:
    """One reporting area: its level, code and readable name."""

    level: str
    code: str
    name: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.level, self.code)


@dataclass(frozen=True)
class Column:
    """One comparison column: the area the organisation belongs to, or why there is none."""

    label: str
    area: Area | None
    absent: str = ""


@dataclass(frozen=True)
class Place:
    """An organisation and every area it is compared with."""

    organisation: Area
    organisation_id: int
    columns: tuple[Column, ...]
    sibling_area: Area
    sibling_codes: tuple[str, ...]


@dataclass(frozen=True)
class Choice:
    """An organisation a user may pick."""

    ods_code: str
    name: str
    parent: str


#: Reference geography is reloaded rarely; pages reuse it for a few minutes.
_geography = Recent(size=8, seconds=300)


class Names:
    """Area names on one date, each level read from the database at most once in a while."""

    def __init__(self, session: Session, as_of: dt.date) -> None:
        self._session, self._as_of = session, as_of
        self._levels: dict[str, Mapping[str, str]] = {}

    def level(self, level: str) -> Mapping[str, str]:
        if level not in self._levels:
            self._levels[level] = _geography.get(
                ("names", level, self._as_of),
                lambda: area_names(self._session, level=Level(level), as_of=self._as_of),
            )
        return self._levels[level]

    def area(self, level: str, code: str) -> Area:
        return Area(level, code, self.level(level).get(code, code))


def organisation_areas(session: Session, as_of: dt.date) -> dict[str, Mapping]:
    """Return every organisation's areas on ``as_of`` by ODS code (see ``area_keys``)."""
    return _geography.get(
        ("areas", as_of),
        lambda: {
            row[Level.ORGANISATION.value]: dict(row)
            for row in session.execute(area_keys(as_of)).mappings()
        },
    )


def organisation_choices(*, session: Session, user) -> list[Choice]:
    """Return the organisations ``user`` may open a dashboard for, by name."""
    scope = access.scope_for(session, user)
    query = (
        select(Organisation.ods_code, Organisation.name, Trust.name)
        .outerjoin(Trust, Trust.id == Organisation.trust_id)
        .where(Organisation.active.is_(True))
        .order_by(Organisation.name, Organisation.ods_code)
    )
    query = scope.restrict(query, Organisation.id)
    return [
        Choice(code, display_name(name), display_name(trust) if trust else "")
        for code, name, trust in session.execute(query)
    ]


def _absent(level: str, row: Mapping) -> str:
    welsh = row[Level.LOCAL_HEALTH_BOARD.value] is not None
    if level in (Level.INTEGRATED_CARE_BOARD.value, Level.NHS_ENGLAND_REGION.value) and welsh:
        return "Not applicable in Wales"
    return "None recorded"


def place_of(
    *, session: Session, user, ods_code: str, as_of: dt.date, names: Names | None = None
) -> Place | None:
    """Return the organisation's place on ``as_of``; None if unknown; refused if out of scope."""
    areas = organisation_areas(session, as_of)
    rows = areas.values()
    row = areas.get(ods_code)
    if row is None:
        return None
    access.scope_for(session, user).check(row["organisation_id"])
    names = names or Names(session, as_of)
    columns = []
    for level in COLUMN_LEVELS:
        if level == PARENT:
            actual = Level.TRUST.value if row[Level.TRUST.value] else Level.LOCAL_HEALTH_BOARD.value
            code = row[actual]
            label = Level(actual).label
        else:
            actual, code, label = level, row[level], COLUMN_LABELS[level]
        if level == Level.NATIONAL.value:
            code = NATIONAL_AREA
        area = names.area(actual, code) if code else None
        columns.append(Column(label, area, "" if area else _absent(level, row)))
    sibling_level = next(
        level
        for level in (Level.INTEGRATED_CARE_BOARD.value, Level.COUNTRY.value, Level.NATIONAL.value)
        if row[level] is not None
    )
    siblings = tuple(
        sorted(
            r[Level.ORGANISATION.value]
            for r in rows
            if r[sibling_level] == row[sibling_level] and r[Level.ORGANISATION.value]
        )
    )
    return Place(
        organisation=names.area(Level.ORGANISATION.value, ods_code),
        organisation_id=row["organisation_id"],
        columns=tuple(columns),
        sibling_area=names.area(sibling_level, row[sibling_level]),
        sibling_codes=siblings,
    )
