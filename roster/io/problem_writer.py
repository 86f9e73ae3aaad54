"""Write a ``ProblemData`` back out as an input workbook, by the contract in ``spec/workbook.md``.

Used by the bundled example, the benchmark generator and round-trip tests: whatever this
writes, ``read_workbook`` must read back into an equal ``ProblemData``.  So every value is
written in its least ambiguous form: real date cells, ``HH:MM`` text for times, ids and
free text as text cells (``007`` stays ``007``; ``=SUM(A1)`` never becomes a formula).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, time
from enum import Enum
from pathlib import Path

from openpyxl import Workbook

from roster.data import ProblemData, Settings
from roster.io.schema import PERSON_LIMIT_COLUMNS
from roster.io.xlsx import format_sheet, put, save_atomic
from roster.text import LANGUAGES, say
from roster.text.contract import INPUT_COLUMNS, INPUT_SHEETS

# Settings always written, in this order, whatever their values.
_SETTINGS_FIRST = ("unit", "start_date", "days", "language")

CellValue = object  # what a cell gets: str, int, float, date, time, bool, Enum, collection, None


class _Formatter:
    """Turns Python values into cell values in one language."""

    def __init__(self, language: str):
        self.language = "vi" if language == "vi" else "en"

    def value(self, value: CellValue) -> CellValue:
        if value is None:
            return None
        if isinstance(value, bool):
            return say("word.yes" if value else "word.no", self.language)
        if isinstance(value, Enum):
            return str(value.value)
        if isinstance(value, time):
            return value.strftime("%H:%M")
        if isinstance(value, (str, int, float, date)):
            return value
        if isinstance(value, (frozenset, set)):
            return ", ".join(sorted(str(self.value(v)) for v in value))
        if isinstance(value, (tuple, list)):
            return ", ".join(str(self.value(v)) for v in value)
        raise TypeError(f"cannot write {value!r} to a cell")

    def weekdays(self, days: frozenset[int] | None) -> str | None:
        if days is None:
            return None
        names = LANGUAGES[self.language].SHORT_WEEKDAYS
        return ",".join(names[d] for d in sorted(days))


Row = dict[str, CellValue]  # column key (as in ``INPUT_COLUMNS``) -> value


def _sheet(wb: Workbook, key: str, language: str, rows: Sequence[Row]) -> None:
    """Add the sheet ``key`` with the contract's header names; columns in the rows' key order."""
    index = 1 if language == "vi" else 0
    ws = wb.create_sheet(INPUT_SHEETS[key][index])
    names = INPUT_COLUMNS[key]
    columns = list(rows[0]) if rows else list(names)
    for c, column in enumerate(columns, start=1):
        put(ws, 1, c, names[column][index])
    for r, values in enumerate(rows, start=2):
        for c, column in enumerate(columns, start=1):
            value = values[column]
            if value is not None and value != "":
                put(ws, r, c, value)


def _settings_rows(settings: Settings, fmt: _Formatter) -> list[Row]:
    """The four required keys, then every setting that differs from its default."""
    keys = list(_SETTINGS_FIRST)
    for key, field in Settings.model_fields.items():
        if key not in _SETTINGS_FIRST and getattr(settings, key) != field.default:
            keys.append(key)
    return [{"key": key, "value": fmt.value(getattr(settings, key))} for key in keys]


def _sheet_rows(data: ProblemData, f: _Formatter) -> dict[str, list[Row]]:
    """Every input sheet's rows, keyed like ``INPUT_SHEETS``."""
    v = f.value
    sheets = {
        "settings": _settings_rows(data.settings, f),
        "shifts": [
            {"id": s.id, "name": s.name, "start": v(s.start), "end": v(s.end), "night": v(s.night)}
            for s in data.shifts
        ],
        "areas": [{"id": a.id, "name": a.name, "kind": a.kind} for a in data.areas],
        "people": [
            {
                "id": p.id,
                "name": p.name,
                "rank": p.rank,
                "role": v(p.role),
                "origin": v(p.origin),
                "available_from": p.available_from,
                "available_to": p.available_to,
                "home_area": p.home_area,
                "skills": v(p.skills),
                "max_shifts_per_week": p.max_shifts_per_week,
                "phone": p.phone,
                "blood_group": p.blood_group,
                "birth_date": p.birth_date,
                "weight_kg": p.weight_kg,
                # A unit without teams keeps the sheet it had before the column existed.
                **({"team": p.team} if any(q.team for q in data.people) else {}),
            }
            for p in data.people
        ],
        "requirements": [
            {
                "area": r.area,
                "shift": r.shift,
                "from": r.date_from,
                "to": r.date_to,
                "weekdays": f.weekdays(r.weekdays),
                "min_staff": r.min_staff,
                "min_police": r.min_police,
                "skill": r.skill,
                "max_staff": r.max_staff,
                "mode": v(r.mode),
            }
            for r in data.requirements
        ],
        "status": [
            {
                "person": s.person,
                "status": v(s.status),
                "from": s.date_from,
                "to": s.date_to,
                "note": s.note,
            }
            for s in data.statuses
        ],
        "isolation": [
            {"status": v(i.status), "effective_from": i.effective_from, "days": i.days}
            for i in data.isolation_rules
        ],
        "requests": [
            {
                "person": q.person,
                "date": q.date,
                "shift": q.shift,
                "type": v(q.type),
                "weight": q.weight,
            }
            for q in data.requests
        ],
        "fixed": [
            {"person": x.person, "date": x.date, "shift": x.shift, "area": x.area}
            for x in data.fixed
        ],
        "history": [{"person": h.person, "date": h.date, "shift": h.shift} for h in data.history],
        "donations": [
            {"person": d.person, "date": d.date, "product": v(d.product), "note": d.note}
            for d in data.donations
        ],
        "ledger": [
            {
                "person": c.person,
                "shifts": c.shifts,
                "nights": c.nights,
                "weekend_shifts": c.weekend_shifts,
                "holiday_shifts": c.holiday_shifts,
                "up_to": c.up_to,
            }
            for c in data.carried
        ],
        "holidays": [
            *({"date": d, "holiday": v(True)} for d in sorted(data.holidays_added)),
            *({"date": d, "holiday": v(False)} for d in sorted(data.holidays_removed)),
        ],
    }
    _add_sequence_columns(data, sheets, f)
    return sheets


# Sheets written even when empty: the required ones, and Status, whose empty sheet tells the
# commander where the F0/F1 rows go.
_ALWAYS = ("settings", "shifts", "areas", "people", "requirements", "status")


def add_problem_sheets(wb: Workbook, data: ProblemData, language: str = "vi") -> None:
    """Write every input sheet for ``data`` into ``wb``; optional sheets only when non-empty.

    Status rows carry an explicit ``to`` so reading them back needs no isolation rule.
    """
    for key, rows in _sheet_rows(data, _Formatter(language)).items():
        if rows or key in _ALWAYS:
            _sheet(wb, key, language, rows)


def write_problem_workbook(
    data: ProblemData, path: str | os.PathLike[str], language: str | None = None
) -> Path:
    """Write ``data`` as an input workbook at ``path`` (language: the settings' by default).

    The file appears whole or not at all: it is saved to a temporary file in the same
    folder and moved into place, so a reader never sees half a workbook.
    """
    target = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    add_problem_sheets(wb, data, language or data.settings.language)
    for ws in wb.worksheets:
        format_sheet(ws)
    return save_atomic(wb, target)


def _add_sequence_columns(data: ProblemData, sheets: dict[str, list[Row]], f: _Formatter) -> None:
    """The sequence-rule columns (issue 6), only on sheets where some row uses them, so
    workbooks without these rules are written exactly as before."""
    if any(s.forbidden_next for s in data.shifts):
        for row, s in zip(sheets["shifts"], data.shifts, strict=True):
            row["forbidden_next"] = f.value(sorted(s.forbidden_next)) or None
    people = {
        "max_shifts_by_type": lambda p: (
            ", ".join(f"{k}={n}" for k, n in p.max_shifts_by_type.items()) or None
        ),
        **{key: (lambda p, key=key: getattr(p, key)) for key in PERSON_LIMIT_COLUMNS},
    }
    for key, get in people.items():
        if any(get(p) is not None for p in data.people):
            for row, p in zip(sheets["people"], data.people, strict=True):
                row[key] = get(p)
    for key, default in (("weight_under", 100), ("weight_over", 0)):
        if any(getattr(r, key) != default for r in data.requirements):
            for row, r in zip(sheets["requirements"], data.requirements, strict=True):
                row[key] = getattr(r, key)
