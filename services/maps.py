"""What the boundary maps draw: the areas of a level with their organisation counts, and the sites.

Everything here is published reference data (area names and codes, hospital names, codes and
locations), so these functions serve the public map and need no user.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from models.geography import (
    Country,
    IntegratedCareBoard,
    LocalHealthBoard,
    LondonBorough,
    NHSEnglandRegion,
    Organisation,
    OrganisationIntegratedCareBoard,
)
from portal.maps import Bounds, geojson_bounds


@dataclass(frozen=True)
class Level:
    """A level of NHS geography that the map can draw; ``key`` is its GeoJSON layer name."""

    key: str
    label: str
    area_noun: str
    model: type
    vintage_year: int | None = None
    #: National levels frame every site (Welsh and Channel Islands ones too); local ones their own area.
    national: bool = True


LEVELS: tuple[Level, ...] = (
    Level("country", "Countries", "Country", Country),
    Level("nhs_england_region", "NHS England regions", "Region", NHSEnglandRegion),
    Level("icb_2026", "Integrated care boards (from April 2026)", "ICB", IntegratedCareBoard, 2026),
    Level(
        "icb_2023",
        "Integrated care boards (April 2023 to March 2026)",
        "ICB",
        IntegratedCareBoard,
        2023,
    ),
    Level(
        "local_health_board",
        "Local health boards (Wales)",
        "Health board",
        LocalHealthBoard,
        national=False,
    ),
    Level("london_borough", "London boroughs", "London borough", LondonBorough, national=False),
)
LEVELS_BY_KEY = {level.key: level for level in LEVELS}
DEFAULT_LEVEL = "icb_2026"


@dataclass(frozen=True)
class AreaCount:
    code: str
    name: str
    organisations: int
    has_boundary: bool


@dataclass(frozen=True)
class SitePoint:
    ods_code: str
    name: str
    latitude: float
    longitude: float


def valid_on(model, day: dt.date) -> ColumnElement[bool]:
    """Return a SQL condition keeping the rows of a boundary table that were valid on ``day``."""
    return and_(
        or_(model.valid_from.is_(None), model.valid_from <= day),
        or_(model.valid_to.is_(None), model.valid_to > day),
    )


def icb_layer(valid_from: dt.date | None) -> str:
    """Return the GeoJSON layer holding the ICB vintage that started on ``valid_from``."""
    year = (
        valid_from.year if valid_from else min(lv.vintage_year for lv in LEVELS if lv.vintage_year)
    )
    return f"icb_{year}"


def level_for(key: str | None) -> Level:
    """Return the level named ``key``; raise ``KeyError`` naming the choices if it is unknown."""
    if key in LEVELS_BY_KEY:
        return LEVELS_BY_KEY[key]
    raise KeyError(f"unknown map level {key!r}; choose one of {', '.join(LEVELS_BY_KEY)}")


def _in_level(level: Level) -> ColumnElement[bool]:
    if level.vintage_year is None:
        return and_(True)
    start = dt.date(level.vintage_year, 1, 1)
    return and_(
        level.model.valid_from >= start, level.model.valid_from < start.replace(year=start.year + 1)
    )


def _organisations_per_area(level: Level):
    if level.model is IntegratedCareBoard:
        area_id = OrganisationIntegratedCareBoard.integrated_care_board_id
        counted = select(area_id.label("area_id"), func.count().label("organisations")).join(
            Organisation, OrganisationIntegratedCareBoard.organisation_id == Organisation.id
        )
    else:
        area_id = {
            Country: Organisation.country_id,
            NHSEnglandRegion: Organisation.nhs_england_region_id,
            LocalHealthBoard: Organisation.local_health_board_id,
            LondonBorough: Organisation.london_borough_id,
        }[level.model]
        counted = select(area_id.label("area_id"), func.count().label("organisations"))
    return counted.where(Organisation.active, area_id.is_not(None)).group_by(area_id).subquery()


def area_counts(*, session: Session, level: Level) -> list[AreaCount]:
    """Return every area of ``level`` with its number of active organisations, by name."""
    model = level.model
    counts = _organisations_per_area(level)
    rows = session.execute(
        select(
            model.code,
            model.name,
            func.coalesce(counts.c.organisations, 0),
            model.geometry.is_not(None),
        )
        .outerjoin(counts, counts.c.area_id == model.id)
        .where(_in_level(level))
        .order_by(func.lower(model.name))
    )
    return [AreaCount(code, name, int(count), bool(drawn)) for code, name, count, drawn in rows]


def site_points(*, session: Session) -> list[SitePoint]:
    """Return every active organisation that has a location."""
    rows = session.execute(
        select(
            Organisation.ods_code, Organisation.name, Organisation.latitude, Organisation.longitude
        )
        .where(
            Organisation.active,
            Organisation.latitude.is_not(None),
            Organisation.longitude.is_not(None),
        )
        .order_by(Organisation.ods_code)
    )
    return [SitePoint(*row) for row in rows]


def level_bounds(*, session: Session, level: Level) -> Bounds | None:
    """Return the extent of all the boundaries of ``level``, or None if none has a polygon."""
    model = level.model
    count, changed = session.execute(
        select(func.count(model.id), func.max(model.updated_at)).where(
            _in_level(level), model.geometry.is_not(None)
        )
    ).one()
    if not count:
        return None
    return _cached_bounds(session, level.key, (count, changed))


#: Each level's extent, keyed by the version of its boundaries, computed once per process.
_extents: dict[tuple[str, tuple], Bounds] = {}


def _cached_bounds(session: Session, key: str, version: tuple) -> Bounds:
    """Compute a level's extent once per version of its boundaries (they change only on reload)."""
    if (key, version) not in _extents:
        level = LEVELS_BY_KEY[key]
        geometries = session.scalars(
            select(level.model.geometry).where(_in_level(level), level.model.geometry.is_not(None))
        )
        if len(_extents) > 32:
            _extents.clear()
        _extents[key, version] = Bounds.union(geojson_bounds(g) for g in geometries)
    return _extents[key, version]
