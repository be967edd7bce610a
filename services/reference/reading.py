"""Read the reference CSV and GeoJSON files, keeping each row's line (or feature) number."""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio.errors

from services.reference.files import FEATURE_PROPERTIES, CsvFile, GeoFile


def at(file: str, place: int | str, column: str, text: str) -> str:
    """Format a problem so it names the file, the row (a line or feature) and the column."""
    where = f"line {place}" if isinstance(place, int) else place
    return f"{file} {where}, column {column}: {text}"


def at_feature(file: str, number: int, field: str, text: str) -> str:
    """Format a problem with one GeoJSON feature (numbered from 1 in file order)."""
    kind = "geometry" if field == "geometry" else f"property {field}"
    return f"{file} feature {number}, {kind}: {text}"


def read_csv(directory: Path, file: CsvFile, problems: list[str]) -> pd.DataFrame | None:
    """Read ``file`` as text columns indexed by line number, or add why it cannot be read."""
    path = directory / file.name
    if not path.is_file():
        problems.append(f"{file.name}: file is missing from {directory}")
        return None
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError as error:
        problems.append(f"{file.name}: not UTF-8 text (byte {error.start})")
        return None
    except pd.errors.EmptyDataError:
        problems.append(f"{file.name}: file is empty")
        return None
    except pd.errors.ParserError as error:
        problems.append(f"{file.name}: cannot be read as CSV ({_first_line(error)})")
        return None
    lines = _record_lines(path)
    frame = pd.DataFrame(
        {
            str(column).strip(): [value.strip() for value in frame[column].tolist()]
            for column in frame.columns
        },
        index=lines if len(lines) == len(frame) else range(2, len(frame) + 2),
        dtype=str,
    )
    missing = [column for column in file.columns if column not in frame.columns]
    for column in missing:
        problems.append(at(file.name, 1, column, "column is missing"))
    return None if missing else frame


def _record_lines(path: Path) -> list[int]:
    """Return the line on which each non-blank record after the header starts."""
    starts = []
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        line = 1
        for record in reader:
            if record:
                starts.append(line)
            line = reader.line_num + 1
    return starts[1:]


def read_layer(directory: Path, file: GeoFile, problems: list[str]) -> gpd.GeoDataFrame | None:
    """Read ``file`` as features indexed by their number, or add why it cannot be read."""
    path = directory / file.name
    if not path.is_file():
        problems.append(f"{file.name}: file is missing from {directory}")
        return None
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Non closed ring", RuntimeWarning)
            layer = gpd.read_file(path, engine="pyogrio", on_invalid="ignore")
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, ValueError) as error:
        problems.append(f"{file.name}: cannot be read as GeoJSON ({_first_line(error)})")
        return None
    if layer.crs is not None and layer.crs.to_epsg() != 4326:
        problems.append(f"{file.name}: coordinates must be WGS84 (EPSG:4326), not {layer.crs}")
        return None
    layer.index = range(1, len(layer) + 1)
    missing = [name for name in FEATURE_PROPERTIES if name not in layer.columns]
    for name in missing:
        problems.append(f"{file.name}: no feature has the property {name}")
    if missing:
        return None
    for name in FEATURE_PROPERTIES:
        layer[name] = layer[name].fillna("").astype(str).str.strip()
    return layer


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
