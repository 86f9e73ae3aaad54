"""Read the command's `pool.xlsx` (docs: shared/spec/city.md): Settings, Units, Pool, Status.

The pool's `Settings`, `Pool` and `Status` sheets are the roster workbook's `Settings`,
`People` and `Status` with a few extra keys and columns, so they are read by the workbook
reader itself: their cells are copied, at the same rows, into a small in-memory roster
workbook, which ``read_workbook`` parses with every alias, parser and check it has, and each
problem it finds is reported back against the pool's own sheet names. Only what the roster
workbook lacks (the `Units` sheet, `group`, `units`, `min_stay_days`, `unit_time_limit_s`)
is parsed here, with the cell parsers of ``roster.io.dates``.
"""

from __future__ import annotations

import os
import re
import tempfile
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from roster.data import Person, Settings, StatusPeriod
from roster.errors import InputError, Problem
from roster.io.dates import fold, parse_id, parse_int, parse_items, parse_number
from roster.io.rows import expected_of
from roster.load import read_workbook
from roster.text import Phrase
from roster.text.contract import (
    CITY_SETTINGS,
    INPUT_COLUMNS,
    INPUT_SHEETS,
    POOL_COLUMNS,
    POOL_SHEETS,
    POOL_UNIT_COLUMNS,
)

DEFAULT_MIN_STAY = 3
# Unit ids name output files and prefix areas (`HTD/CHOT-1`): no '/' and no path tricks.
_SAFE_ID = re.compile(r"[\w.-]+")
DEFAULT_UNIT_TIME = 30.0
DEFAULT_RUN_TIME = 1800.0  # the whole run, by city.md
Rows = list[list[object]]


@dataclass(frozen=True)
class Unit:
    """A row of `Units`: one ward (or other unit) and where its workbook is."""

    id: str
    name: str
    workbook: str
    group: str = ""
    priority: int = 1
    row: int = 0


@dataclass(frozen=True)
class PoolOfficer:
    """A row of `Pool`: the person, the group they are sent to first, where they may go."""

    person: Person
    group: str = ""
    units: frozenset[str] | None = None  # None: any unit
    row: int = 0


@dataclass(frozen=True)
class Pool:
    """Everything `pool.xlsx` says; ``settings`` holds the horizon and the work-rest rules."""

    settings: Settings
    units: tuple[Unit, ...]
    officers: tuple[PoolOfficer, ...]
    statuses: tuple[StatusPeriod, ...]
    min_stay_days: int = DEFAULT_MIN_STAY
    unit_time_limit_s: float = DEFAULT_UNIT_TIME
    time_limit_s: float = DEFAULT_RUN_TIME
    pool_sheet: str = "Pool"
    units_sheet: str = "Units"
    # Headers as the pool names them, for the problems the city folder finds on their cells.
    units_file_column: str = "workbook"
    pool_id_column: str = "id"
    pool_units_column: str = "units"

    @property
    def people(self) -> tuple[Person, ...]:
        return tuple(o.person for o in self.officers)

    @property
    def language(self) -> str:
        return "en" if self.settings.language == "en" else "vi"


def _key(name: object) -> str:
    return fold(str(name).strip().replace("_", " "))


def _lookup(names: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {_key(word): key for key, words in names.items() for word in (key, *words)}


def _open(path: Path) -> dict[str, Rows]:
    """Every sheet's rows; a file that is not a readable workbook is one problem."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(path, read_only=True, data_only=True)
        try:
            return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb}
        finally:
            wb.close()
    except FileNotFoundError:
        raise InputError(
            [Problem("", None, None, path.name, Phrase("expect.pool_existing"))]
        ) from None
    except Exception:
        raise InputError(
            [Problem("", None, None, path.name, Phrase("expect.pool_readable"))]
        ) from None


def _find_sheets(sheets: dict[str, Rows]) -> dict[str, tuple[str, Rows]]:
    """The pool's sheets by key, each with its title as written."""
    names = _lookup({k: v for k, v in POOL_SHEETS.items()})
    found: dict[str, tuple[str, Rows]] = {}
    for title, rows in sheets.items():
        key = names.get(_key(title))
        if key is not None and key not in found:
            found[key] = (title, rows)
    return found


def _columns(header: Sequence[object], known: dict[str, tuple[str, ...]]) -> dict[str, int]:
    names = _lookup(known)
    out: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = names.get(_key(cell)) if cell is not None else None
        if key is not None and key not in out:
            out[key] = index
    return out


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _Cells:
    """Reads the cells of one sheet by column key; each bad cell becomes a problem."""

    def __init__(self, title: str, rows: Rows, known: dict[str, tuple[str, str]], vi: bool):
        self.title, self.rows, self.vi = title, rows, vi
        self.known = known
        self.columns = _columns(rows[0] if rows else [], known)
        self.problems: list[Problem] = []

    def header(self, column: str) -> str:
        index = self.columns.get(column)
        if index is not None:
            return str(self.rows[0][index]).strip()
        return self.known[column][self.vi]

    def data_rows(self) -> list[tuple[int, list[object]]]:
        return [
            (number, row)
            for number, row in enumerate(self.rows[1:], start=2)
            if any(not _blank(v) for v in row)
        ]

    def get(
        self, row: tuple[int, list[object]], column: str, parse: Callable[[object], Any]
    ) -> Any:
        number, values = row
        index = self.columns.get(column)
        value = values[index] if index is not None and index < len(values) else None
        if _blank(value):
            return None
        try:
            return parse(value)
        except ValueError as error:
            self.problems.append(
                Problem(self.title, number, self.header(column), value, expected_of(error))
            )
            return None

    def fail(self, number: int | None, column: str, value: object, expected: str | Phrase) -> None:
        self.problems.append(Problem(self.title, number, self.header(column), value, expected))


def _priority(value: object) -> int:
    number = parse_int(value)
    if not 1 <= number <= 100:
        raise ValueError(Phrase("expect.priority"))
    return number


def _text(value: object) -> str:
    return parse_id(value) if isinstance(value, int | float) else str(value).strip()


def _units(title: str, rows: Rows) -> tuple[list[Unit], list[Problem], str]:
    """The units, the problems of their rows, and the header of the workbook column."""
    vi = _key(title) == _key(POOL_SHEETS["units"][1])
    cells = _Cells(title, rows, POOL_UNIT_COLUMNS, vi)
    for column in ("id", "name", "workbook"):
        if column not in cells.columns:
            en, vi_name = POOL_UNIT_COLUMNS[column]
            cells.fail(1, column, None, Phrase("expect.column", {"en": en, "vi": vi_name}))
    units: list[Unit] = []
    seen: dict[str, int] = {}
    for row in cells.data_rows():
        number = row[0]
        uid = cells.get(row, "id", parse_id)
        name = cells.get(row, "name", _text)
        book = cells.get(row, "workbook", _text)
        for column, value in (("id", uid), ("name", name), ("workbook", book)):
            if (
                value is None
                and column in cells.columns
                and not any(
                    p.row == number and p.column == cells.header(column) for p in cells.problems
                )
            ):
                cells.fail(number, column, None, Phrase("expect.required"))
        if uid is not None and not _SAFE_ID.fullmatch(uid):
            cells.fail(number, "id", uid, Phrase("expect.unit_id"))
            uid = None
        elif uid is not None and uid in seen:
            cells.fail(number, "id", uid, Phrase("expect.unit_repeated", {"row": seen[uid]}))
        elif uid is not None:
            seen[uid] = number
        group = cells.get(row, "group", _text) or ""
        priority = cells.get(row, "priority", _priority) or 1
        if uid and name and book:
            units.append(Unit(uid, name, book, group, priority, number))
    if not units and not cells.problems:
        cells.fail(None, "id", None, Phrase("expect.one_unit"))
    return units, cells.problems, cells.header("workbook")


def _city_settings(title: str, rows: Rows) -> tuple[dict[str, Any], set[int], list[Problem]]:
    """The keys only a city has; their rows are left out of the copy the workbook reader gets."""
    names = _lookup(CITY_SETTINGS)
    known = INPUT_COLUMNS["settings"]
    vi = _key(title) == _key(INPUT_SHEETS["settings"][1])
    cells = _Cells(title, rows, {k: v for k, v in known.items()}, vi)
    parsers: dict[str, Callable[[object], Any]] = {
        "min_stay_days": _stay,
        "unit_time_limit_s": _seconds,
        "time_limit_s": _seconds,
    }
    values: dict[str, Any] = {}
    skip: set[int] = set()
    for row in cells.data_rows():
        key = cells.get(row, "key", _text)
        name = names.get(_key(key)) if key else None
        if name is None:
            continue
        skip.add(row[0])
        value = cells.get(row, "value", parsers[name])
        if value is not None:
            values[name] = value
    return values, skip, cells.problems


def _stay(value: object) -> int:
    number = parse_int(value)
    if not 1 <= number <= 366:
        raise ValueError(Phrase("expect.range.days", {"low": 1, "high": 366}))
    return number


def _seconds(value: object) -> float:
    number = parse_number(value)
    if not 0 < number <= 86400:
        raise ValueError(Phrase("expect.seconds"))
    return number


Extra = dict[str, tuple[str, frozenset[str] | None, int]]


def _extra_columns(title: str, rows: Rows) -> tuple[Extra, list[Problem], dict[str, str]]:
    """`group`, `units` and the row of each Pool officer, by id; the id and units headers."""
    vi = _key(title) == _key(POOL_SHEETS["pool"][1])
    known = {**POOL_COLUMNS, "id": INPUT_COLUMNS["people"]["id"]}
    cells = _Cells(title, rows, known, vi)
    out: Extra = {}
    for row in cells.data_rows():
        pid = cells.get(row, "id", parse_id)
        group = cells.get(row, "group", _text) or ""
        units = cells.get(row, "units", parse_items)
        if pid is not None:
            out.setdefault(pid, (group, frozenset(units) if units else None, row[0]))
    cells.problems = [p for p in cells.problems if p.column != cells.header("id")]
    headers = {"pool_id_column": cells.header("id"), "pool_units_column": cells.header("units")}
    return out, cells.problems, headers


def _copy(ws: Any, rows: Rows, skip_rows: set[int], skip_columns: set[int]) -> None:
    """Copy cells at the same row and column, so the reader's row numbers are the pool's."""
    for r, row in enumerate(rows, start=1):
        if r in skip_rows:
            continue
        for c, value in enumerate(row, start=1):
            if value is not None and c - 1 not in skip_columns:
                ws.cell(row=r, column=c, value=value)


def _as_roster_workbook(
    found: dict[str, tuple[str, Rows]], skip_settings: set[int], pool_columns: set[int]
) -> tuple[Workbook, str]:
    """A roster workbook holding the pool's Settings, Pool (as People) and Status."""
    wb = Workbook()
    wb.remove(wb.active)
    people_title = INPUT_SHEETS["people"][0]
    if "settings" in found:
        title, rows = found["settings"]
        _copy(wb.create_sheet(title), rows, skip_settings, set())
    if "pool" in found:
        _copy(wb.create_sheet(people_title), found["pool"][1], set(), pool_columns)
    if "status" in found:
        title, rows = found["status"]
        _copy(wb.create_sheet(title), rows, set(), set())
    for key, header in (
        ("shifts", ("id", "start", "end")),
        ("areas", ("id",)),
        ("requirements", ("area", "min_staff")),
    ):
        wb.create_sheet(INPUT_SHEETS[key][0]).append(header)
    return wb, people_title


def _read_copy(wb: Workbook) -> tuple[Any, list[Problem], str | None]:
    """The copy's data or its problems, and the pool's language (None: its Settings cannot
    say it), which every problem of the pool is said in."""
    handle, name = tempfile.mkstemp(suffix=".xlsx")
    os.close(handle)
    try:
        wb.save(name)
        data = read_workbook(name)
        return data, [], data.settings.language
    except InputError as error:
        language = error.problems[0].language if error.problems else None
        return None, error.problems, language
    finally:
        os.unlink(name)


def _renamed(problem: Problem, people_title: str, pool_title: str) -> Problem:
    """A problem the reader found in the copy, said of the pool's own sheet."""
    sheet = pool_title if problem.sheet == people_title else problem.sheet
    expected = problem.expected
    if isinstance(expected, Phrase):
        values = {k: pool_title if v == people_title else v for k, v in expected.values.items()}
        expected = Phrase(expected.key, values)
    else:
        expected = expected.replace(f"'{people_title}'", f"'{pool_title}'")
    return replace(problem, sheet=sheet, expected=expected)


def read_pool(path: str | os.PathLike[str]) -> Pool:
    """The pool workbook; raises ``InputError`` with every problem (sheet, row, column)."""
    file = Path(path)
    found = _find_sheets(_open(file))
    problems: list[Problem] = []
    for key in ("settings", "units", "pool"):
        if key not in found:
            en, vi = POOL_SHEETS[key]
            problems.append(
                Problem(en, None, None, None, Phrase("expect.sheet", {"en": en, "vi": vi}))
            )
    units, unit_problems, file_column = (
        _units(*found["units"]) if "units" in found else ([], [], "workbook")
    )
    city, skip, city_problems = (
        _city_settings(*found["settings"]) if "settings" in found else ({}, set(), [])
    )
    extra, extra_problems, headers = (
        _extra_columns(*found["pool"]) if "pool" in found else ({}, [], {})
    )
    pool_columns: set[int] = set()
    if "pool" in found and found["pool"][1]:
        pool_columns = set(_columns(found["pool"][1][0], POOL_COLUMNS).values())
    wb, people_title = _as_roster_workbook(found, skip, pool_columns)
    data, read_problems, language = _read_copy(wb)
    pool_title = found["pool"][0] if "pool" in found else POOL_SHEETS["pool"][0]
    problems += unit_problems + city_problems + extra_problems
    problems += [_renamed(p, people_title, pool_title) for p in read_problems]
    if problems or data is None:
        raise InputError([problem.said_in(language) for problem in problems])
    officers = [PoolOfficer(p, *extra.get(p.id, ("", None, 0))) for p in data.people]
    return Pool(
        settings=data.settings,
        units=tuple(units),
        officers=tuple(officers),
        statuses=data.statuses,
        pool_sheet=pool_title,
        units_sheet=found["units"][0],
        units_file_column=file_column,
        **headers,
        **city,
    )
