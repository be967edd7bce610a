"""Write table rows as CSV or as an Excel workbook."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

from openpyxl import Workbook
from openpyxl.styles import Font

SUPPRESSED = "suppressed"


def _cell(row: Mapping, column: str):
    value = row.get(column)
    if (
        value is None
        and row.get("suppressed")
        and column in ("passed", "eligible", "percentage", "n", "value")
    ):
        return SUPPRESSED
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def csv_bytes(rows: Iterable[Mapping], columns: Sequence[str]) -> bytes:
    """Return the rows as UTF-8 CSV with a header; suppressed cells say so."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if (v := _cell(row, c)) is None else v for c in columns])
    return out.getvalue().encode("utf-8")


def xlsx_bytes(sheets: Mapping[str, tuple[Sequence[str], Iterable[Mapping]]]) -> bytes:
    """Return a workbook with one sheet per entry: a bold header row, then the rows."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, (columns, rows) in sheets.items():
        sheet = workbook.create_sheet(title[:31])
        sheet.append(list(columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_cell(row, c) for c in columns])
        sheet.freeze_panes = "A2"
        for index, column in enumerate(columns, start=1):
            width = max(
                [len(column)]
                + [len(str(c.value or "")) for c in sheet[sheet.cell(1, index).column_letter]][:200]
            )
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(60, width + 2)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
