"""Data sheets as one XLSX workbook (openpyxl, write-only so 30,000 rows stay quick): one sheet per kind,
numbers as numbers, dates as dates, a bold frozen header row with a filter, sensible column widths."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from facilitator.reports.tables import Sheet

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

NUMBER_FORMATS = {"date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm"}
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F3864")


def render(sheets: list[Sheet], *, title: str = "") -> bytes:
    workbook = Workbook(write_only=True)
    workbook.properties.title = title
    workbook.properties.creator = "facilitator"
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.name)
        worksheet.freeze_panes = "A2"
        for index, column in enumerate(sheet.columns, start=1):
            worksheet.column_dimensions[get_column_letter(index)].width = column.width
        last = get_column_letter(len(sheet.columns))
        worksheet.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"
        header = []
        for column in sheet.columns:
            cell = WriteOnlyCell(worksheet, value=column.name)
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            cell.alignment = Alignment(vertical="center")
            header.append(cell)
        worksheet.append(header)
        converters = [_CONVERTERS.get(column.type) for column in sheet.columns]
        for row in sheet.rows:
            worksheet.append(
                [
                    convert(worksheet, value) if convert and value is not None else value
                    for value, convert in zip(row, converters, strict=True)
                ]
            )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _datetime(worksheet: WriteOnlyWorksheet, value: Any) -> Cell:
    # Excel has no time zones: times come as the event's wall clock (tables.in_event_zone), the zone named in
    # the column's name; written to the second.
    if isinstance(value, datetime):
        value = value.replace(microsecond=0)
    cell = WriteOnlyCell(worksheet, value=value)
    cell.number_format = NUMBER_FORMATS["datetime"]
    return cell


def _date(worksheet: WriteOnlyWorksheet, value: Any) -> Cell:
    cell = WriteOnlyCell(worksheet, value=value)
    cell.number_format = NUMBER_FORMATS["date"]
    return cell


def _text(worksheet: WriteOnlyWorksheet, value: Any) -> object:
    if not isinstance(value, str):
        return value
    if not value:
        return None
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if value.startswith("="):
        cell = WriteOnlyCell(worksheet, value=value)
        cell.data_type = "s"  # what a participant wrote is never a formula
        return cell
    return value


# What a column of each type writes for a value: a styled cell, or the value as it is.
_CONVERTERS: dict[str, Callable[[WriteOnlyWorksheet, Any], object]] = {
    "datetime": _datetime,
    "date": _date,
    "text": _text,
}
