"""Input problems: each names the sheet, row and column, the value found and what was expected.

Readers collect every problem before raising, so one run reports them all at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int | None
    column: str | None
    value: object
    expected: str

    def __str__(self) -> str:
        where = [self.sheet or "workbook"]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        value = self.value
        if isinstance(value, date):  # as Excel shows it, not datetime.datetime(2021, 1, 8, 0, 0)
            timed = isinstance(value, datetime) and (value.hour or value.minute)
            value = value.strftime("%d/%m/%Y %H:%M" if timed else "%d/%m/%Y")
        found = "" if value is None or value == "" else f"found {value!r}; "
        return f"{', '.join(where)}: {found}expected {self.expected}"


class InputError(Exception):
    """Raised with every problem found in an input; the CLI prints them and exits 2."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class OutputError(Exception):
    """An output could not be written (unwritable folder, file open in Excel, same as input)."""
