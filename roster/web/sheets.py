"""A sheet of an input workbook as it is, around the row an input problem names.

The sheet is found by its place among the workbook's own sheets (a number in the URL, never a
name), only values are read (openpyxl read-only, after the unpacked-size guard), at most a
window of rows around the problem, and the page escapes every value it shows.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlencode

from openpyxl import load_workbook

from roster.errors import Problem
from roster.io.xlsx_read import BAD_FILE_ERRORS, MAX_UNCOMPRESSED

AROUND = 150  # rows shown before and after the problem's row


@dataclass(frozen=True)
class SheetRows:
    """The rows of one sheet shown on the page: (row number, cell texts) each."""

    key: int
    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    marked_column: int | None  # 0-based index of the problem's column, when found


def _guarded(path: Path) -> bool:
    """True when the file is a zip whose parts unpack to a sane size."""
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(item.file_size for item in archive.infolist()) <= MAX_UNCOMPRESSED
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def sheet_names(path: Path) -> list[str]:
    """The workbook's sheets in order (none when it cannot be opened safely)."""
    wb = _open(path)
    if wb is None:
        return []
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def _open(path: Path):
    """The workbook opened read-only for its values, or None when it is too large or damaged
    (its problems on the page say why)."""
    if not _guarded(path):
        return None
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except BAD_FILE_ERRORS:
        return None


def problem_link(wid: str, names: list[str], problem: Problem) -> str | None:
    """The sheet view's address for a problem on a sheet of the workbook, else None."""
    if problem.sheet not in names:
        return None
    base = f"/w/{wid}/sheet/{names.index(problem.sheet)}"
    if problem.row is None:
        return base
    query = {"row": problem.row, **({"col": problem.column} if problem.column else {})}
    return f"{base}?{urlencode(query)}#row-{problem.row}"


def _text(value: object) -> str:
    """A cell as Excel shows it: dates as dd/mm/yyyy, the time only when there is one."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M" if value.hour or value.minute else "%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _column_index(header: tuple[str, ...], column: str | None) -> int | None:
    wanted = (column or "").strip().casefold()
    found = [i for i, h in enumerate(header) if h.strip().casefold() == wanted]
    return found[0] if wanted and found else None


def read_rows(path: Path, key: int, row: int | None, column: str | None) -> SheetRows | None:
    """The header and the rows around ``row`` of sheet number ``key``, else None."""
    wb = _open(path)
    if wb is None:
        return None
    try:
        if not 0 <= key < len(wb.sheetnames):
            return None
        ws = wb.worksheets[key]
        first = max(2, (row or 2) - AROUND)
        last = first + 2 * AROUND
        header = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), ())
        rows = tuple(
            (number, tuple(_text(v) for v in values))
            for number, values in enumerate(
                ws.iter_rows(min_row=first, max_row=last, values_only=True), start=first
            )
        )
        head = tuple(_text(v) for v in header)
        return SheetRows(key, wb.sheetnames[key], head, rows, _column_index(head, column))
    finally:
        wb.close()
