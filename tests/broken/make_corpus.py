"""Generate the corpus of broken input workbooks, each with the message fragment it must produce.

The files are built on demand (never kept as binaries) from one small valid workbook, each
with the kind of damage station staff actually bring: sheets exported from old systems,
edited on phones, half filled in, or not workbooks at all.

    python -m tests.broken.make_corpus OUT_DIR   # write every case and list the fragments
"""

from __future__ import annotations

import copy
import re
import struct
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook

from tests import builders
from tests.builders import write_book

Rows = list[list[object]]
Sheets = dict[str, Rows]

DATE_FRAGMENT = "a real date, day-first"
NOT_A_WORKBOOK = "Excel .xlsx workbook"


@dataclass(frozen=True)
class Case:
    """One broken input: how to write it into a folder, and what the error must say."""

    name: str
    fragment: str
    build: Callable[[Path], Path]


def base() -> Sheets:
    """The reader tests' small valid workbook, with a short time limit, a leave and a Fixed row,
    in English (its problems are said in the workbook's language; tests/test_input_language.py
    has the Vietnamese ones)."""
    sheets = builders.base()
    sheets["Settings"].append(["time_limit_s", 5])
    sheets["Settings"].append(["language", "en"])
    sheets["Status"] = [
        ["person", "status", "from", "to"],
        ["CA002", "leave", "10/08/2021", "12/08/2021"],
    ]
    sheets["Fixed"] = [
        ["person", "date", "shift", "area"],
        ["DQ1", "2021-08-02", "S", "TDP-1"],
    ]
    return sheets


def _edited(name: str, change: Callable[[Sheets], None]) -> Callable[[Path], Path]:
    """A builder: the base workbook with ``change`` applied to its rows."""

    def build(folder: Path) -> Path:
        sheets = copy.deepcopy(base())
        change(sheets)
        return write_book(folder / f"{name}.xlsx", sheets)

    return build


def _styled(name: str, change: Callable[[Workbook], None]) -> Callable[[Path], Path]:
    """A builder: the base workbook re-opened and changed through openpyxl (merges, states)."""

    def build(folder: Path) -> Path:
        path = write_book(folder / f"{name}.xlsx", base())
        wb = load_workbook(path)
        change(wb)
        wb.save(path)
        return path

    return build


def _raw(name: str, content: bytes) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content)
        return path

    return build


def _set(sheet: str, row: int, column: int, value: object) -> Callable[[Sheets], None]:
    """Change one cell (row 0 is the header)."""

    def change(sheets: Sheets) -> None:
        sheets[sheet][row][column] = value

    return change


def _append(sheet: str, *rows: list[object]) -> Callable[[Sheets], None]:
    def change(sheets: Sheets) -> None:
        sheets[sheet].extend(rows)

    return change


def _drop(sheet: str) -> Callable[[Sheets], None]:
    def change(sheets: Sheets) -> None:
        del sheets[sheet]

    return change


def _merged_header(wb: Workbook) -> None:
    """'id' and 'name' merged into one header cell, as a hand-made form would have them."""
    ws = wb["People"]
    ws.merge_cells("A1:B1")


def _hidden_copy(wb: Workbook) -> None:
    """An old copy of the People sheet, hidden rather than deleted."""
    old = wb.copy_worksheet(wb["People"])
    old.title = "Cán bộ"
    old.sheet_state = "hidden"


def _formula(wb: Workbook) -> None:
    """A formula saved by a program that never computed it: the file holds no result."""
    wb["Requirements"]["C2"] = "=1+1"


def _empty_workbook(folder: Path) -> Path:
    path = folder / "empty-workbook.xlsx"
    Workbook().save(path)
    return path


def _blank_formatted_rows(folder: Path) -> Path:
    """100,000 formatted but empty rows on People, then one row with no name."""
    path = write_book(folder / "blank-formatted-rows.xlsx", base())
    with zipfile.ZipFile(path) as src:
        parts = {item: src.read(item) for item in src.infolist()}
    blank = "".join(
        f'<row r="{r}" s="0" customFormat="1" ht="15"><c r="A{r}" s="0"/><c r="B{r}" s="0"/></row>'
        for r in range(6, 100_006)
    )
    last = '<row r="100006"><c r="A100006" t="inlineStr"><is><t>CA999</t></is></c></row>'
    sheet = next(i for i in parts if i.filename == "xl/worksheets/sheet4.xml")
    xml = parts[sheet].decode()
    parts[sheet] = xml.replace("</sheetData>", blank + last + "</sheetData>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item, content in parts.items():
            dst.writestr(item, content)
    return path


def _zip_bomb(folder: Path) -> Path:
    """A valid workbook with one extra part that unpacks to 300 MB of zeros."""
    path = write_book(folder / "zip-bomb.xlsx", base())
    chunk = b"\0" * 2**20
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as dst,
        dst.open("xl/media/x.bin", "w") as f,
    ):
        for _ in range(300):
            f.write(chunk)
    return path


def _xml_bomb(folder: Path) -> Path:
    """Billion laughs: entities expanding in a worksheet part."""
    good = write_book(folder / "good.xlsx", base())
    path = folder / "xml-bomb.xlsx"
    entities = '<!ENTITY a "lollollollol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    cell = '<c r="A1" t="inlineStr"><is><t>&j;</t></is></c>'
    body = f'<worksheet><sheetData><row r="1">{cell}</row></sheetData></worksheet>'
    bomb = f'<?xml version="1.0"?><!DOCTYPE w [{entities}]>{body}'.encode()
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                content = bomb
            dst.writestr(item, content)
    good.unlink()
    return path


def _ole(streams: tuple[str, ...]) -> bytes:
    """An OLE2 compound file header and directory naming ``streams`` (no stream data).

    Enough for anything that sniffs the container the way a reader must: the magic number,
    then the UTF-16 directory entries (an encrypted xlsx holds EncryptionInfo and
    EncryptedPackage; an .xls holds Workbook).  No library here writes real encrypted files.
    """
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIII", header, 44, 1, 1, 0, 4096)  # 1 FAT sector, directory at 1
    struct.pack_into("<IIII", header, 60, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    header[76:80] = struct.pack("<I", 0)  # the FAT is sector 0
    header[80:512] = b"\xff" * 432
    fat = bytearray(b"\xff" * 512)
    struct.pack_into("<III", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE, 0xFFFFFFFE)
    directory = bytearray()
    for index, name in enumerate(("Root Entry", *streams)):
        entry = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        entry[0 : len(encoded)] = encoded
        struct.pack_into("<HBB", entry, 64, len(encoded), 5 if index == 0 else 2, 1)
        struct.pack_into("<III", entry, 68, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
        directory += entry
    directory += b"\0" * (512 - len(directory) % 512)
    return bytes(header + fat + directory)


def _files() -> list[Case]:
    """Cases about sheets, headers and whole files."""
    return [
        Case(
            "missing-sheet",
            "a sheet named 'People' or 'Cán bộ'",
            _edited("missing-sheet", _drop("People")),
        ),
        Case(
            "misspelt-header",
            "a column 'min_staff' or 'số người'",
            _edited("misspelt-header", _set("Requirements", 0, 2, "min_staf")),
        ),
        Case(
            "misspelt-sheet",
            "a sheet named 'Shifts' or 'Ca trực'",
            _edited("misspelt-sheet", lambda s: s.update({"Shift": s.pop("Shifts")})),
        ),
        Case(
            "merged-header-cells",
            "a column 'name' or 'họ tên'",
            _styled("merged-header-cells", _merged_header),
        ),
        Case(
            "hidden-duplicate-sheet",
            "one sheet named 'People' or 'Cán bộ'",
            _styled("hidden-duplicate-sheet", _hidden_copy),
        ),
        Case("empty-workbook", "a sheet named 'Settings' or 'Thiết lập'", _empty_workbook),
        Case("empty-file", "this file is empty (0 bytes)", _raw("empty.xlsx", b"")),
        Case(
            "xls-file",
            "old Excel 97-2003 (.xls) file",
            _raw("old.xls", _ole(("Workbook", "\x05SummaryInformation"))),
        ),
        Case(
            "csv-file",
            "a CSV or text file",
            _raw("roster.csv", "key,value\nunit,Công an phường\n".encode()),
        ),
        Case(
            "text-renamed-xlsx",
            "a CSV or text file",
            _raw("notes.xlsx", "Danh sách trực tuần này\n".encode()),
        ),
        Case(
            "password-protected",
            "password-protected",
            _raw(
                "locked.xlsx",
                _ole(("EncryptionInfo", "EncryptedPackage", "\x06DataSpaces")),
            ),
        ),
        Case("truncated-zip", "damaged file", _truncated),
        Case("xml-bomb", "damaged file", _xml_bomb),
        Case("zip-bomb", "MB uncompressed", _zip_bomb),
        Case("blank-formatted-rows", "row 100006, column 'name'", _blank_formatted_rows),
    ]


def _truncated(folder: Path) -> Path:
    good = write_book(folder / "whole.xlsx", base())
    path = folder / "truncated.xlsx"
    path.write_bytes(good.read_bytes()[:3000])
    good.unlink()
    return path


def _zeros_lost(sheets: Sheets) -> None:
    """People typed as the number 7 (Excel dropped the zeros); Status still says 007."""
    sheets["People"][1][0] = 7
    sheets["Status"].append(["007", "sick", "03/08/2021", None])


def _cells() -> list[Case]:
    """Cases about values in cells."""
    people_row = ["CA003", "Võ Thị E", None, None, None, None]
    return [
        Case(
            "date-cell-as-id",
            "found '08/01/2021'; expected an id written as text",
            _edited("date-cell-as-id", _set("People", 3, 0, datetime(2021, 1, 8))),
        ),
        Case(
            "boolean-as-id",
            "an id written as text",
            _edited("boolean-as-id", _set("Areas", 2, 0, True)),
        ),
        Case(
            "id-007-lost-its-zeros",
            "found '007'; expected an id listed on sheet 'People'",
            _edited("id-007-lost-its-zeros", _zeros_lost),
        ),
        Case(
            "number-where-area-id",
            "found 12; expected an id listed on sheet 'Areas'",
            _edited("number-where-area-id", _set("Requirements", 1, 0, 12)),
        ),
        Case(
            "formula-without-result",
            "a formula without a saved result",
            _styled("formula-without-result", _formula),
        ),
        Case(
            "error-cell-ref",
            "not an Excel error",
            _edited("error-cell-ref", _set("Requirements", 1, 2, "#REF!")),
        ),
        Case(
            "error-cell-in-date",
            "not an Excel error",
            _edited("error-cell-in-date", _set("Fixed", 1, 1, "#VALUE!")),
        ),
        Case(
            "date-month-name",
            DATE_FRAGMENT,
            _edited("date-month-name", _set("Settings", 2, 1, "Aug 1, 2021")),
        ),
        Case(
            "date-without-year",
            DATE_FRAGMENT,
            _edited("date-without-year", _set("Status", 1, 2, "10/8")),
        ),
        Case(
            "date-compact-digits",
            DATE_FRAGMENT,
            _edited("date-compact-digits", _set("Fixed", 1, 1, "20210802")),
        ),
        Case(
            "date-impossible-31-02",
            DATE_FRAGMENT,
            _edited("date-impossible-31-02", _set("Status", 1, 3, "31/02/2021")),
        ),
        Case(
            "date-impossible-iso",
            DATE_FRAGMENT,
            _edited("date-impossible-iso", _set("Settings", 2, 1, "2021-02-29")),
        ),
        Case(
            "date-month-first-impossible",
            DATE_FRAGMENT,
            _edited("date-month-first-impossible", _set("Status", 1, 2, "08/13/2021")),
        ),
        Case(
            "date-month-first-ambiguous",
            "a date inside the horizon 01/08/2021 to 31/08/2021",
            _edited("date-month-first-ambiguous", _set("Fixed", 1, 1, "08/02/2021")),
        ),
        Case(
            "date-to-before-from",
            "a date on or after 10/08/2021",
            _edited("date-to-before-from", _set("Status", 1, 3, "09/08/2021")),
        ),
        Case(
            "time-impossible",
            "a time of day",
            _edited("time-impossible", _set("Shifts", 1, 3, "25:00")),
        ),
        Case(
            "blank-required-cell",
            "a value (this column is required)",
            _edited("blank-required-cell", _set("People", 2, 1, "   ")),
        ),
        Case(
            "blank-required-setting",
            "a row 'days' or 'số ngày'",
            _edited("blank-required-setting", lambda s: s["Settings"].pop(3)),
        ),
        Case(
            "duplicate-id",
            "an id not used on another row (already on row 2)",
            _edited("duplicate-id", _append("People", ["007", *people_row[1:]])),
        ),
        Case(
            "unknown-id",
            "an id listed on sheet 'Areas'",
            _edited("unknown-id", _set("Fixed", 1, 3, "TDP-99")),
        ),
        Case(
            "negative-count",
            "a number of people from 0 to 1000",
            _edited("negative-count", _set("Requirements", 1, 2, -1)),
        ),
        Case(
            "absurd-count",
            "a number of people from 0 to 1000",
            _edited("absurd-count", _set("Requirements", 2, 2, 10**9)),
        ),
        Case(
            "more-staff-than-people",
            "at most 4, the number of people on sheet 'People'",
            _edited("more-staff-than-people", _set("Requirements", 2, 2, 40)),
        ),
        Case(
            "absurd-days",
            "less than or equal to 366",
            _edited("absurd-days", _set("Settings", 3, 1, 100_000)),
        ),
        Case(
            "fractional-count",
            "a whole number",
            _edited("fractional-count", _set("Requirements", 1, 3, 0.5)),
        ),
        Case(
            "unknown-role-word",
            "a role: police, militia, civil_defence, volunteer",
            _edited("unknown-role-word", _set("People", 3, 2, "bảo vệ")),
        ),
    ]


CASES: tuple[Case, ...] = (*_files(), *_cells())


def build_all(folder: Path) -> dict[str, tuple[Path, str]]:
    """Write every case into ``folder``: name -> (path, expected fragment)."""
    folder.mkdir(parents=True, exist_ok=True)
    built = {}
    for case in CASES:
        sub = folder / case.name
        sub.mkdir(exist_ok=True)
        built[case.name] = (case.build(sub), case.fragment)
    return built


def _check_names() -> None:
    """Case names double as file and test ids: keep them plain."""
    names = [case.name for case in CASES]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z0-9-]+", name) for name in names)


if __name__ == "__main__":
    _check_names()
    for name, (path, fragment) in build_all(Path(sys.argv[1])).items():
        print(f"{name:<32} {path.name:<28} {fragment}")
