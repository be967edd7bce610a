"""Check each boundary layer: readable areas, one per code, matching a row of its CSV file."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely
from shapely.validation import explain_validity

from services.reference.files import CSV_BY_NAME, GeoFile
from services.reference.reading import at, at_feature

AREA_TYPES = ("Polygon", "MultiPolygon")


def check_layer(file: GeoFile, layer: gpd.GeoDataFrame, areas: pd.DataFrame | None) -> list[str]:
    """Return the problems with one boundary layer and its match with its CSV file."""
    problems = []
    seen: dict[str, int] = {}
    rows = None if areas is None else dict(zip(areas["code"], areas.index, strict=True))
    features = zip(
        layer.index, layer["code"], layer["boundary_identifier"], layer.geometry.values, strict=True
    )
    for number, code, identifier, geometry in features:
        if not code:
            problems.append(at_feature(file.name, number, "code", "empty, but a code is required"))
        elif code in seen:
            text = f'duplicate code "{code}" (first in feature {seen[code]})'
            problems.append(at_feature(file.name, number, "code", text))
        else:
            seen[code] = number
        if code and rows is not None and code not in rows:
            text = f'"{code}" has no row in {file.areas}'
            problems.append(at_feature(file.name, number, "code", text))
        elif code and rows is not None:
            expected = areas.at[rows[code], "boundary_identifier"]
            if expected and identifier != expected:
                text = f'"{identifier}" but {file.areas} line {rows[code]} says "{expected}"'
                problems.append(at_feature(file.name, number, "boundary_identifier", text))
        problem = geometry_problem(geometry)
        if problem:
            problems.append(at_feature(file.name, number, "geometry", problem))
    if areas is not None:
        problems += _areas_without_boundary(file, areas, set(seen))
    return problems


def geometry_problem(geometry) -> str | None:
    """Return why ``geometry`` cannot be an area's boundary, or None if it can."""
    if geometry is None or geometry.is_empty:
        return "missing, empty or unreadable (a ring that does not close, for example)"
    if geometry.geom_type not in AREA_TYPES:
        return f"a {geometry.geom_type}, but a boundary must be a Polygon or MultiPolygon"
    if not shapely.is_valid(geometry):
        return f"invalid: {explain_validity(geometry)}"
    return None


def _areas_without_boundary(file: GeoFile, areas: pd.DataFrame, drawn: set[str]) -> list[str]:
    noun = CSV_BY_NAME[file.areas].noun
    flags = areas[file.has_boundary] if file.has_boundary else ["True"] * len(areas)
    problems = []
    for line, code, flag in zip(areas.index, areas["code"], flags, strict=True):
        expected = flag.lower() == "true"
        if expected and code and code not in drawn:
            text = f'{noun} "{code}" has no boundary in {file.name}'
            problems.append(at(file.areas, line, "code", text))
        elif not expected and code in drawn:
            text = f'False, but {file.name} has a boundary for "{code}"'
            problems.append(at(file.areas, line, file.has_boundary, text))
    return problems
