"""Reading one sheet's rows cell by cell, collecting a problem for every bad cell.

Every mistake is collected, not raised, so that the workbook's readers report them all at
once, each ``Problem`` naming the sheet, Excel row, column header, the value found and what
was expected instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from roster.data import Settings
from roster.errors import Problem
from roster.io.dates import parse_id
from roster.io.schema import Table, Tables, blank
from roster.io.xlsx_read import Formula
from roster.text import Phrase

EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}
    | {"#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!"}
)


def day_text(value: date) -> str:
    """A date as the commander reads it in a message: day first."""
    return value.strftime("%d/%m/%Y")


def expected_of(error: ValueError) -> str | Phrase:
    """What a parser's ``ValueError`` says was expected: a catalogue phrase (or text)."""
    said = error.args[0] if error.args else ""
    return said if isinstance(said, Phrase) else str(error)


def parse_cell(parse: Callable[[object], Any], value: object) -> tuple[Any, str | Phrase]:
    """The parsed value and, when the cell is wrong, what was expected instead."""
    if isinstance(value, Formula):
        return None, Phrase("expect.formula")
    if isinstance(value, str) and value.strip() in EXCEL_ERRORS:
        return None, Phrase("expect.excel_error")
    try:
        return parse(value), ""
    except ValueError as error:
        return None, expected_of(error)


_BOUNDS = {
    "gt": "greater_than",
    "ge": "greater_than_equal",
    "lt": "less_than",
    "le": "less_than_equal",
}


def model_expected(detail: Any) -> Phrase:
    """What a pydantic range check expected, said as a phrase of the catalogue: the usual
    bounds in words; any other check with pydantic's own (English) message."""
    bound: Phrase | None = None
    ctx = detail.get("ctx") or {}
    for name, kind in _BOUNDS.items():
        if detail.get("type") == kind and name in ctx:
            bound = Phrase(f"expect.model.{kind}", {"limit": ctx[name]})
    if bound is not None:
        return bound
    message = detail["msg"].removeprefix("Input should be ").removeprefix("Value error, ")
    return Phrase("expect.model", {"message": message})


class Row:
    """One data row: reads cells by column key and records a problem for each bad one."""

    def __init__(self, reader: Reader, table: Table, number: int, values: Sequence[object]):
        self.reader = reader
        self.table = table
        self.number = number
        self.values = values
        self.ok = True

    def raw(self, column: str) -> object:
        index = self.table.columns.get(column)
        if index is None or index >= len(self.values):
            return None
        return self.values[index]

    def fail(self, column: str, expected: str | Phrase) -> None:
        self.ok = False
        self.reader.problems.append(
            Problem(
                self.table.title,
                self.number,
                self.table.column_title(column),
                self.raw(column),
                expected,
            )
        )

    def warn(self, text: Phrase) -> None:
        self.reader.warnings.append(
            Phrase(
                "reader.row_warning",
                {"sheet": self.table.title, "row": self.number, "text": text},
            )
        )

    def get(
        self,
        column: str,
        parse: Callable[[object], Any],
        *,
        required: bool = False,
        default: Any = None,
    ) -> Any:
        value = self.raw(column)
        if blank(value):
            if required and column in self.table.columns:
                self.fail(column, Phrase("expect.required"))
            elif required:
                self.ok = False  # the missing column is reported once, not on every row
            return default
        key = (parse, type(value), value)
        cached = self.reader.parsed.get(key)
        if cached is None:
            cached = self.reader.parsed[key] = parse_cell(parse, value)
        parsed, expected = cached
        if expected:
            self.fail(column, expected)
            return default
        return parsed

    def ref(self, column: str, known: dict[str, int], sheet: str, *, required: bool = True) -> Any:
        """An id that must be listed on another sheet (``known`` maps its ids to rows)."""
        value = self.get(column, parse_id, required=required)
        if value is not None and value not in known:
            self.fail(column, Phrase("expect.listed", {"sheet": sheet}))
        return value

    def make(self, model: type[BaseModel], columns: dict[str, str], **values: Any) -> Any:
        """Build a model, turning any range check it makes into a problem on its column."""
        if not self.ok:
            return None
        try:
            return model(**values)
        except ValidationError as error:
            for detail in error.errors():
                name = str(detail["loc"][0]) if detail["loc"] else ""
                self.fail(columns.get(name, name), model_expected(detail))
            return None


class Reader:
    """The workbook being read: its tables, the problems and warnings found so far, and the
    settings once read (the horizon that later sheets' dates are checked against)."""

    def __init__(self, tables: Tables):
        self.tables = tables
        self.problems: list[Problem] = tables.problems
        self.warnings: list[str | Phrase] = tables.warnings
        self.settings: Settings | None = None
        self.language: str | None = None  # the workbook's, once its Settings are read
        # Columns repeat the same few values (dates, areas, weekdays): parse each once.
        self.parsed: dict[tuple[object, type, object], tuple[Any, str | Phrase]] = {}

    def title(self, key: str) -> str:
        return self.tables.title(key)

    def rows(self, key: str) -> Iterator[Row]:
        table = self.tables.found.get(key)
        if table is not None:
            for number, values in table.rows:
                yield Row(self, table, number, values)

    @property
    def horizon(self) -> tuple[date, date] | None:
        if self.settings is None:
            return None
        return self.settings.start_date, self.settings.end_date

    def inside(self, row: Row, column: str, day: date | None) -> None:
        horizon = self.horizon
        if day is not None and horizon is not None and not horizon[0] <= day <= horizon[1]:
            first, last = horizon
            row.fail(
                column,
                Phrase("expect.inside_horizon", {"first": day_text(first), "last": day_text(last)}),
            )

    def order(self, row: Row, first: date | None, last: date | None, to: str) -> None:
        if first is not None and last is not None and last < first:
            row.fail(to, Phrase("expect.on_or_after", {"day": day_text(first)}))

    def unique(self, row: Row, column: str, value: str | None, seen: dict[str, int]) -> None:
        if value is None:
            return
        if value in seen:
            row.fail(column, Phrase("expect.unique_id", {"row": seen[value]}))
        else:
            seen[value] = row.number
