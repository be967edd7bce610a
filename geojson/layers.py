"""Boundary layers as GeoJSON FeatureCollections, built from the reference areas in the database."""

from __future__ import annotations

import datetime as dt

import orjson
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from models.geography import IntegratedCareBoard
from services.reference.files import GEO_BY_LAYER, GeoFile

#: Every layer served at ``/geojson/<layer>.json``.
LAYERS: tuple[str, ...] = tuple(GEO_BY_LAYER)


def _restrict(statement: Select, file: GeoFile) -> Select:
    """Keep the rows of the layer's vintage (ICBs of one year), if it has one."""
    if file.vintage is None:
        return statement
    valid_from = file.model.__table__.c.valid_from
    return statement.where(
        valid_from >= dt.date(file.vintage, 1, 1), valid_from < dt.date(file.vintage + 1, 1, 1)
    )


def layer_version(*, session: Session, layer: str) -> tuple:
    """Return what changes whenever the layer's rows change: their count and newest update."""
    file = GEO_BY_LAYER[layer]
    table = file.model.__table__
    statement = select(func.count(), func.max(table.c.updated_at)).select_from(table)
    count, newest = session.execute(_restrict(statement, file)).one()
    return (layer, count, str(newest))


def feature_collection(*, session: Session, layer: str) -> bytes:
    """Return the layer as GeoJSON bytes: one feature (properties ``code``, ``name``) per area.

    The loader stores each boundary with coordinates already rounded to 5 decimal places
    (``geojson.geometry.geometry_text``), so the stored text is embedded as it is.
    """
    file = GEO_BY_LAYER[layer]
    table = file.model.__table__
    statement = (
        select(table.c.code, table.c.name, table.c.geometry)
        .where(table.c.geometry.is_not(None))
        .order_by(table.c.code)
    )
    features = [
        {
            "type": "Feature",
            "id": code,
            "properties": {"code": code, "name": name},
            "geometry": orjson.Fragment(geometry),
        }
        for code, name, geometry in session.execute(_restrict(statement, file))
    ]
    return orjson.dumps({"type": "FeatureCollection", "features": features})


def icb_layer_on(*, session: Session, day: dt.date) -> str:
    """Return the ICB layer in force on ``day`` (the earliest one for days before any)."""
    icb = IntegratedCareBoard
    in_force = session.scalar(
        select(func.max(icb.valid_from)).where(
            icb.valid_from <= day, (icb.valid_to.is_(None)) | (icb.valid_to > day)
        )
    )
    start = in_force or session.scalar(select(func.min(icb.valid_from)))
    vintages = {file.vintage: layer for layer, file in GEO_BY_LAYER.items() if file.vintage}
    if start is None or start.year not in vintages:
        return vintages[min(vintages)]
    return vintages[start.year]
