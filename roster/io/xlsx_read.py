"""Open an input workbook and give every worksheet's cell values, or say why it is no workbook.

The file is read once into memory and only that copy is parsed (the file on disk is never
written or locked).  Plain non-workbooks (empty, CSV or text, Excel 97-2003, password
protected) and zip bombs are named before any parser sees the bytes.

Cells are read through maintained public APIs only.  python-calamine (Rust) reads the
values and the merged ranges, about ten times faster than openpyxl's read-only
``iter_rows`` (benchmarks/results/reading.md); but it shows an Excel error cell (``#REF!``)
and a formula saved without its result as blank.  So when a worksheet holds a formula or an
error cell at all, the values are read with openpyxl's read-only mode instead, which tells
both apart (roster workbooks seldom hold either: the template writes neither).

Only the exceptions by which these libraries say "these bytes are not a sound workbook"
become that message; any other exception is a bug and propagates as one.
"""

from __future__ import annotations

import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ExpatError

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from python_calamine import CalamineError, CalamineSheet, CalamineWorkbook, SheetTypeEnum

from roster.errors import InputError, Problem
from roster.text import Phrase

Rows = list[list[object]]

NOT_XLSX = Phrase("expect.xlsx")  # said in both languages: no workbook, no language
# Declared uncompressed size of all parts together: a real roster workbook of thousands of
# people is a few megabytes; far beyond this is a zip bomb, refused before anything is parsed.
MAX_UNCOMPRESSED = 256 * 1024 * 1024
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # Office 97-2003 files and encrypted xlsx
ZIP_MAGIC = b"PK\x03\x04"
# What the libraries raise on bytes that are not a sound workbook: a zip or XML that does
# not parse, a part that is missing, a value openpyxl's strict model refuses, a compression
# method zipfile cannot unpack.  Raised only around the library calls below.
BAD_FILE_ERRORS: tuple[type[Exception], ...] = (
    CalamineError,
    zipfile.BadZipFile,
    zlib.error,
    InvalidFileException,
    ParseError,
    ExpatError,
    KeyError,
    ValueError,
    TypeError,
    EOFError,
    NotImplementedError,
)
# A formula element (plain or with a namespace prefix) or an error cell anywhere in the XML
# parts: the cells calamine shows as blank.  Three plain patterns, each a fast literal scan.
_FORMULA_OR_ERROR = tuple(
    re.compile(pattern) for pattern in (rb"<f[\s/>]", rb":f[\s/>]", rb"t\s*=\s*[\"']e[\"']")
)
_EXACT_INTEGERS = 2.0**53


class Formula(str):
    """A formula cell saved without its result (written by a program, never opened in Excel)."""


def read_sheets(path: Path) -> dict[str, Rows]:
    """Every worksheet's rows by title (Excel row n at index n - 1), merged ranges filled in.

    Values: ``None`` for blank, ``int``/``float``, ``str`` (an error cell as its text, such
    as ``#REF!``), ``bool``, ``datetime``/``time``/``timedelta`` for numbers in a date or time
    format, and ``Formula`` for a formula without a saved result.  Trailing blank rows are
    dropped.  Raises ``InputError`` with one problem when the file is not a readable xlsx.
    """
    data = _copy_of(path)
    wrong = _what_is_wrong(path, data) or _too_large(data)
    if wrong:
        raise _not_xlsx(path, wrong)
    with _bad_file(path):
        book = CalamineWorkbook.from_filelike(BytesIO(data))
        sheets = {
            meta.name: book.get_sheet_by_name(meta.name)
            for meta in book.sheets_metadata
            if meta.typ == SheetTypeEnum.WorkSheet
        }
        merges = {title: sheet.merged_cell_ranges or [] for title, sheet in sheets.items()}
        exact = _holds_formulas_or_errors(data)
    rows = None if exact else _calamine_rows(path, sheets)
    if rows is None:
        rows = _openpyxl_rows(path, data)
    for title, table in rows.items():
        _fill_merges(table, merges.get(title, []))
        while table and all(value is None for value in table[-1]):
            table.pop()
    return rows


def _copy_of(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise _not_xlsx(path, Phrase("expect.xlsx_existing")) from None
    except OSError as error:
        raise _not_xlsx(path, Phrase("expect.xlsx_readable", {"error": error.strerror})) from None


def _not_xlsx(path: Path, expected: Phrase = NOT_XLSX) -> InputError:
    return InputError([Problem("", None, None, path.name, expected)])


@contextmanager
def _bad_file(path: Path) -> Iterator[None]:
    """Turn the libraries' "not a sound workbook" exceptions into the bad-file message."""
    try:
        with warnings.catch_warnings():  # openpyxl's notes on extensions and odd dates
            warnings.simplefilter("ignore")
            yield
    except BAD_FILE_ERRORS as error:
        raise _not_xlsx(path) from error


def _what_is_wrong(path: Path, data: bytes) -> Phrase | None:
    """What the bytes are when they are plainly not an xlsx workbook, said as a fix."""
    if not data:
        return Phrase("expect.xlsx_empty")
    if data.startswith(OLE_MAGIC):
        # Names in an OLE directory are UTF-16; an encrypted xlsx holds these two streams.
        if "EncryptedPackage".encode("utf-16-le") in data:
            return Phrase("expect.xlsx_password")
        return Phrase("expect.xlsx_old")
    if data.startswith(ZIP_MAGIC):
        return None
    if path.suffix.lower() in (".csv", ".txt", ".tsv") or b"\0" not in data[:4096]:
        return Phrase("expect.xlsx_text")
    return None


def _too_large(data: bytes) -> Phrase | None:
    """Refuse a zip whose parts would unpack to an absurd size, before unpacking any."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            total = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return None  # damaged: the reader reports it
    if total <= MAX_UNCOMPRESSED:
        return None
    return Phrase(
        "expect.xlsx_too_large",
        {"limit": MAX_UNCOMPRESSED // 2**20, "size": f"{total // 2**20:,}"},
    )


def _holds_formulas_or_errors(data: bytes) -> bool:
    """Whether any XML part has a formula or an error cell (a scan of the text, no parsing)."""
    with zipfile.ZipFile(BytesIO(data)) as archive:
        names = [name for name in archive.namelist() if name.endswith(".xml")]
        parts = (archive.read(name) for name in names)
        return any(pattern.search(part) for part in parts for pattern in _FORMULA_OR_ERROR)


def _calamine_rows(path: Path, sheets: dict[str, CalamineSheet]) -> dict[str, Rows] | None:
    """The values as calamine reads them; None when it cannot convert one (a duration too long)."""
    try:
        raw = {title: sheet.to_python(skip_empty_area=False) for title, sheet in sheets.items()}
    except (OverflowError, ValueError):
        return None  # a value calamine cannot convert: openpyxl reads it as an error cell
    except CalamineError as error:
        raise _not_xlsx(path) from error
    return {title: [[_value(v) for v in row] for row in table] for title, table in raw.items()}


def _value(value: Any) -> object:
    """One calamine value as openpyxl gives it: blank is None, 7.0 is 7, a date a datetime."""
    if value == "":
        return None
    if type(value) is float and value.is_integer() and abs(value) < _EXACT_INTEGERS:
        return int(value)
    if type(value) is date:
        return datetime(value.year, value.month, value.day)
    return value


def _openpyxl_rows(path: Path, data: bytes) -> dict[str, Rows]:
    """The values, error cells as text and formulas without a result as ``Formula``.

    Two read-only passes: saved results (``data_only``) and formulas; a cell with a formula,
    no result and not of text type (an empty text result is a blank to the user) has none.
    """
    with _bad_file(path):
        values = load_workbook(BytesIO(data), read_only=True, data_only=True)
        formulas = load_workbook(BytesIO(data), read_only=True, data_only=False)
        try:
            cells = {
                ws.title: (_all_cells(ws), _all_cells(formulas[ws.title]))
                for ws in values.worksheets
            }
        finally:
            values.close()
            formulas.close()
    return {title: _merge_passes(*passes) for title, passes in cells.items()}


def _all_cells(ws: Any) -> list[tuple[Any, ...]]:
    """Every row up to the last cell, whatever size the sheet declares (often wrong)."""
    ws.reset_dimensions()
    return [tuple(row) for row in ws.iter_rows()]


def _merge_passes(values: list[tuple[Any, ...]], formulas: list[tuple[Any, ...]]) -> Rows:
    rows: Rows = []
    for value_row, formula_row in zip(values, formulas, strict=True):
        row: list[object] = []
        for cell, formula in zip(value_row, formula_row, strict=True):
            value = cell.value
            if value is None and cell.data_type != "str" and formula.data_type == "f":
                text = formula.value
                value = Formula(text if isinstance(text, str) else getattr(text, "text", ""))
            row.append(value)
        rows.append(row)
    return rows


def _fill_merges(rows: Rows, ranges: list[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """Copy a merged range's top-left value into every cell of the range (rows that exist)."""
    for (top, left), (bottom, right) in ranges:
        if top >= len(rows):
            continue
        anchor_row = rows[top]
        anchor = anchor_row[left] if left < len(anchor_row) else None
        for row in rows[top : bottom + 1]:
            row.extend([None] * (right + 1 - len(row)))
            row[left : right + 1] = [anchor] * (right - left + 1)
