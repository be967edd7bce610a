"""Copy the reference files and spoil or change them, one edit at a time."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd


def copy_reference(source: Path, target: Path) -> Path:
    """Copy the reference CSV and GeoJSON files (not the README) into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        if path.suffix in (".csv", ".geojson"):
            shutil.copyfile(path, target / path.name)
    return target


def read_csv(directory: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(directory / name, dtype=str, keep_default_na=False)


def edit_csv(directory: Path, name: str, change: Callable[[pd.DataFrame], Any]) -> pd.DataFrame:
    """Apply ``change`` to the file's rows (in place, or by returning new rows) and save them."""
    frame = read_csv(directory, name)
    result = change(frame)
    frame = result if isinstance(result, pd.DataFrame) else frame
    frame.to_csv(directory / name, index=False)
    return frame


def edit_geojson(directory: Path, name: str, change: Callable[[dict], Any]) -> dict:
    """Apply ``change`` to the parsed FeatureCollection and save it."""
    path = directory / name
    collection = json.loads(path.read_text())
    change(collection)
    path.write_text(json.dumps(collection))
    return collection


def line(index: int) -> int:
    """Return the file line of the row at ``index`` (the header is line 1)."""
    return index + 2
