"""Data sheets as CSV: one sheet as one file, or every sheet in a zip. UTF-8 with a byte-order mark so
Excel keeps names and Kiswahili intact; text that a spreadsheet would run as a formula is defused."""

from __future__ import annotations

import csv
import io
import zipfile
from typing import Any

from facilitator.reports.tables import Column, Sheet, plain

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any, column: Column) -> object:
    value = plain(value, column)
    if column.type == "text" and isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def sheet_csv(sheet: Sheet) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([c.name for c in sheet.columns])
    for row in sheet.rows:
        writer.writerow([_cell(value, column) for value, column in zip(row, sheet.columns, strict=True)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def zipped(sheets: list[Sheet], stem: str) -> bytes:
    """``<stem>/<kind>.csv`` for every sheet, in one zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for sheet in sheets:
            archive.writestr(f"{stem}/{sheet.name}.csv", sheet_csv(sheet))
    return buffer.getvalue()
