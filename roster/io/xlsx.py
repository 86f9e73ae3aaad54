"""Cell writing and saving shared by every workbook the program writes.

Text always stays text (a name starting with '=' never becomes a formula), dates are real
date cells shown day-first, and a workbook appears whole or not at all.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from roster.io.atomic import write_atomic

DATE_FORMAT = "DD/MM/YYYY"
FORMULA_START = ("=", "+", "-", "@")


def put(ws: Worksheet, row: int, column: int, value: object):
    """Write one cell; text stays text, dates get a day-first format. Returns the cell."""
    cell = ws.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True
    elif isinstance(value, (date, datetime)):
        cell.number_format = DATE_FORMAT
    return cell


def format_sheet(ws: Worksheet, max_width: int = 60) -> None:
    """Bold, frozen header and columns wide enough to read without resizing."""
    ws.freeze_panes = "A2"
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for column in ws.iter_cols():
        width = max(
            (10 if isinstance(c.value, date) else len(str(c.value)) for c in column if c.value),
            default=6,
        )
        letter = get_column_letter(column[0].column)
        ws.column_dimensions[letter].width = min(max(width, 6) + 2, max_width)


def save_atomic(wb: Workbook, path: str | os.PathLike[str], make_folder: bool = True) -> Path:
    """Save the workbook whole or not at all (see roster.io.atomic)."""
    return write_atomic(path, wb.save, make_folder)
