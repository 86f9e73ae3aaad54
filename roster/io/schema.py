"""The input workbook's shape: which sheets and columns it must have, found by their names.

Sheets and columns are matched by name in either language (docs: shared/spec/workbook.md),
without case, accents or underscores; a sheet or column the program does not read is a
warning, a missing required one a problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from roster.errors import Problem
from roster.io.dates import fold
from roster.text import Phrase
from roster.text.contract import GUIDE_SHEET, INPUT_COLUMNS, INPUT_SHEETS, OUTPUT_SHEETS, normalise

# Optional per-person limits of the sequence rules (blank: the setting, or no limit).
PERSON_LIMIT_COLUMNS = (
    "min_total_minutes",
    "max_total_minutes",
    "max_consecutive_shifts",
    "min_consecutive_shifts",
    "min_days_off_in_row",
    "max_weekends",
)
REQUIRED_SHEETS = ("settings", "shifts", "areas", "people", "requirements")
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "settings": ("key", "value"),
    "shifts": ("id", "start", "end"),
    "areas": ("id",),
    "people": ("id", "name"),
    "requirements": ("area", "min_staff"),
    "status": ("person", "status", "from"),
    "isolation": ("status", "effective_from", "days"),
    "requests": ("person", "date", "type"),
    "fixed": ("person", "date", "shift", "area"),
    "history": ("person", "date", "shift"),
    "donations": ("person", "date", "product"),
    "ledger": ("person",),
    "holidays": ("date",),
}


def name_key(name: object) -> str:
    """How sheet, column and settings names compare: no case, accents, underscores."""
    return fold(normalise(name).replace("_", " "))


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass
class Table:
    """One input sheet: its name as written, its columns, and its non-empty rows."""

    key: str
    title: str
    vi: bool
    columns: dict[str, int] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    rows: list[tuple[int, Sequence[object]]] = field(default_factory=list)

    def column_title(self, column: str) -> str:
        return self.headers.get(column) or INPUT_COLUMNS[self.key][column][self.vi]


@dataclass
class Tables:
    """The input sheets found in a workbook, with the problems and warnings of finding them."""

    found: dict[str, Table] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str | Phrase] = field(default_factory=list)

    def title(self, key: str) -> str:
        """The sheet's name as written, or as the workbook's language would write it."""
        table = self.found.get(key)
        if table is not None:
            return table.title
        vi = any(t.vi for t in self.found.values())
        return INPUT_SHEETS[key][vi]


def find_tables(sheets: dict[str, list[list[object]]]) -> Tables:
    """Find the input sheets by name and their columns by header, in either language."""
    names: dict[str, tuple[str, bool]] = {}
    for key, (en, vi) in INPUT_SHEETS.items():
        names[name_key(en)] = (key, False)
        names[name_key(vi)] = (key, True)
    # A roster workbook carries its input sheets beside the output ones: read it quietly.
    ignored = {name_key(name) for name in GUIDE_SHEET}
    ignored |= {name_key(name) for names in OUTPUT_SHEETS.values() for name in names}
    tables = Tables()
    for title, rows in sheets.items():
        found = names.get(name_key(title))
        if found is None:
            if name_key(title) not in ignored:
                tables.warnings.append(Phrase("reader.sheet_ignored", {"sheet": title}))
            continue
        key, vi = found
        if key in tables.found:
            en_name, vi_name = INPUT_SHEETS[key]
            expected = Phrase("expect.one_sheet", {"en": en_name, "vi": vi_name})
            tables.problems.append(Problem(title, None, None, title, expected))
            continue
        tables.found[key] = _table(key, title, vi, rows, tables)
    for key in REQUIRED_SHEETS:
        if key not in tables.found:
            en_name, vi_name = INPUT_SHEETS[key]
            expected = Phrase("expect.sheet", {"en": en_name, "vi": vi_name})
            tables.problems.append(Problem(tables.title(key), None, None, None, expected))
    return tables


def _table(key: str, title: str, vi: bool, rows: list[list[object]], tables: Tables) -> Table:
    table = Table(key, title, vi)
    known = {
        name_key(name): column
        for column, names in INPUT_COLUMNS[key].items()
        for name in (column, *names)
    }
    header = rows[0] if rows else []
    for index, cell in enumerate(header):
        if blank(cell):
            continue
        text = str(cell).strip()
        column = known.get(name_key(text))
        if column is None:
            tables.warnings.append(
                Phrase("reader.column_ignored", {"sheet": title, "column": text})
            )
        elif column in table.columns:
            tables.warnings.append(
                Phrase(
                    "reader.column_repeated",
                    {"sheet": title, "column": text, "first": table.headers[column]},
                )
            )
        else:
            table.columns[column] = index
            table.headers[column] = text
    for column in REQUIRED_COLUMNS[key]:
        if column not in table.columns:
            en_name, vi_name = INPUT_COLUMNS[key][column]
            tables.problems.append(
                Problem(
                    title,
                    1,
                    vi_name if vi else en_name,
                    None,
                    Phrase("expect.column", {"en": en_name, "vi": vi_name}),
                )
            )
    indexes = list(table.columns.values())
    for number, values in enumerate(rows[1:], start=2):
        if any(i < len(values) and not blank(values[i]) for i in indexes):
            table.rows.append((number, values))
    return table
