"""Send a public table as a CSV file or an Excel workbook through ``dcc.Download``."""

from __future__ import annotations

import re

from dash import dcc

from services.reporting.files import csv_bytes, xlsx_bytes
from services.reporting.public import PUBLIC_EXPORT_COLUMNS

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def send_table(rows: list[dict], *, name: str, excel: bool) -> dict:
    """Return the rows (already published figures) as a download named after ``name``."""
    name = _UNSAFE.sub("-", name).strip("-")[:120] or "results"
    if excel:
        data = xlsx_bytes({"Published results": (PUBLIC_EXPORT_COLUMNS, rows)})
        return dcc.send_bytes(data, f"{name}.xlsx")
    return dcc.send_bytes(csv_bytes(rows, PUBLIC_EXPORT_COLUMNS), f"{name}.csv")
