"""Which boundaries a results map draws for a reporting level, and where it frames them.

Boundaries are published reference data; the ICB layer is the vintage in force on the snapshot's
``as_of`` date, the same one its figures were aggregated with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.reporting.levels import Level
from geojson.layers import icb_layer_on
from models.geography import Country, IntegratedCareBoard, LocalHealthBoard, NHSEnglandRegion
from portal.maps import ENGLAND_AND_WALES, Bounds
from services.maps import LEVELS_BY_KEY, level_bounds, valid_on

_MODELS = {
    Level.INTEGRATED_CARE_BOARD: IntegratedCareBoard,
    Level.NHS_ENGLAND_REGION: NHSEnglandRegion,
    Level.LOCAL_HEALTH_BOARD: LocalHealthBoard,
    Level.COUNTRY: Country,
}


def layer_for(*, session: Session, level: Level, as_of: dt.date) -> str:
    """Return the name of the GeoJSON layer (``/geojson/<name>.json``) holding ``level``."""
    if level is Level.INTEGRATED_CARE_BOARD:
        return icb_layer_on(session=session, day=as_of)
    if level not in _MODELS:
        raise KeyError(f"no map layer for level {level.value!r}")
    return level.value


def frame_for(*, session: Session, level: Level) -> Bounds:
    """Return the box a map of ``level`` opens on: Wales for health boards, else England and Wales."""
    if level is Level.LOCAL_HEALTH_BOARD:
        return level_bounds(session=session, level=LEVELS_BY_KEY["local_health_board"]) or (
            ENGLAND_AND_WALES
        )
    return ENGLAND_AND_WALES


def boundaries(
    *, session: Session, level: Level, as_of: dt.date, codes: Iterable[str]
) -> list[str]:
    """Return the GeoJSON geometry text of the given areas of ``level`` (those that have one)."""
    wanted = sorted(set(codes))
    if not wanted:
        return []
    model = _MODELS[level]
    query = select(model.geometry).where(model.code.in_(wanted), model.geometry.is_not(None))
    if level is Level.INTEGRATED_CARE_BOARD:
        query = query.where(valid_on(model, as_of))
    return list(session.scalars(query.order_by(model.code)))
