"""Close contacts from a roster: who shared an area and a shift with a person around a date.

When an officer tests positive, the people who stood the same shift in the same area in the
last days are the likely F1s; they must leave on-site duty at once. Ministry of Health
Decision 2686/QĐ-BCĐQG (31 May 2021) counts contacts from 2 days before symptom onset (or the
positive sample) until the F0 is isolated, so the shifts of the day itself count too. Remote
assignments are coordination from home: they bring nobody into contact and are left out on both
sides.

`mark_f1` adds them to the `Status` sheet of a COPY of the input workbook (never the original),
so the commander can review the copy and hand it to `roster replan`.
"""

from __future__ import annotations

import os
import shutil
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from openpyxl import load_workbook

from roster.data import Assignment, Mode, StatusKind, StatusPeriod
from roster.errors import OutputError
from roster.outputs import refuse_overwrite
from roster.text.contract import INPUT_COLUMNS, INPUT_SHEETS, normalise


@dataclass(frozen=True)
class Contact:
    """One co-worker and the (date, shift, area) places they shared with the person."""

    person: str
    places: tuple[tuple[date, str, str], ...]


def window(day: date, days: int = 2, until: date | None = None) -> tuple[date, date]:
    """The first and last day of contact: ``day - days`` through the day the person was
    isolated (``until``, by default ``day`` itself, whose shifts were worked before the
    result came)."""
    return day - timedelta(days=days), day if until is None else until


def contacts(
    assignments: Sequence[Assignment],
    person: str,
    day: date,
    days: int = 2,
    until: date | None = None,
) -> list[Contact]:
    """People on site with ``person`` (same date, shift and area) from ``days`` days before
    ``day`` through ``until`` (default ``day``), most shared places first, then by id."""
    first, last = window(day, days, until)
    mine = {
        (a.date, a.shift, a.area)
        for a in assignments
        if a.person == person and first <= a.date <= last and a.mode == Mode.ONSITE
    }
    shared: dict[str, set[tuple[date, str, str]]] = defaultdict(set)
    for a in assignments:
        place = (a.date, a.shift, a.area)
        if a.person != person and a.mode == Mode.ONSITE and place in mine:
            shared[a.person].add(place)
    found = [Contact(p, tuple(sorted(places))) for p, places in shared.items()]
    found.sort(key=lambda c: (-len(c.places), c.person))
    return found


def mark_f1(
    workbook: str | os.PathLike[str],
    target: str | os.PathLike[str],
    people: Sequence[str],
    day: date,
    note: str,
) -> Path:
    """Copy ``workbook`` to ``target`` with one F1 row from ``day`` per person in ``people``.

    The `to` cell is left blank so the workbook's isolation rules set the quarantine length.
    Every other sheet, column and cell is kept as it was. ``target`` must differ from the
    workbook: the original is never written.
    """
    source, out = Path(workbook), refuse_overwrite(Path(target), Path(workbook))
    wb = load_workbook(source)
    names = {normalise(n): key for key, pair in INPUT_SHEETS.items() for n in pair}
    ws = next((wb[t] for t in wb.sheetnames if names.get(normalise(t)) == "status"), None)
    columns = INPUT_COLUMNS["status"]
    if ws is None:
        vi = any(normalise(t) == normalise(INPUT_SHEETS["settings"][1]) for t in wb.sheetnames)
        ws = wb.create_sheet(INPUT_SHEETS["status"][1 if vi else 0])
        ws.append([pair[1 if vi else 0] for pair in columns.values()])
    header = [normalise(c.value) if c.value is not None else "" for c in ws[1]]
    index = {}
    for key, pair in columns.items():
        aliases = {normalise(n) for n in pair}
        index[key] = next((i for i, h in enumerate(header) if h in aliases), None)
    for key in ("person", "status", "from", "note"):
        if index[key] is None:
            index[key] = len(header)
            header.append(key)
            ws.cell(row=1, column=index[key] + 1, value=key)
    row = _last_row(ws) + 1
    for pid in people:
        for key, value in (("person", pid), ("status", "F1"), ("from", day), ("note", note)):
            cell = ws.cell(row=row, column=index[key] + 1, value=value)
            if key == "from":
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(value, str):
                cell.data_type = "s"
        row += 1
    partial = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        wb.save(partial)
        shutil.move(partial, out)
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return out


def _last_row(ws) -> int:
    """The last row with any value (openpyxl's max_row counts formatted empty rows too)."""
    for r in range(ws.max_row, 1, -1):
        if any(c.value not in (None, "") for c in ws[r]):
            return r
    return 1


def already_isolated(
    statuses: Sequence[StatusPeriod], people: Sequence[str], day: date
) -> set[str]:
    """Those of ``people`` already F0 or F1 on ``day``: no second row for them."""
    return {
        s.person
        for s in statuses
        if s.person in people and s.covers(day) and s.status in (StatusKind.F0, StatusKind.F1)
    }
