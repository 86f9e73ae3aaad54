"""The check across units, on written outputs (perhaps edited by hand): `roster check-city`.

The independent checker (``roster.verify.check``) judges every unit roster on its own file,
and then the pool officers over the whole city: one ``ProblemData`` whose people are the
pool officers and whose areas and shifts are every unit's (prefixed by the unit), checked on
the officers' rows of all unit rosters at once. One shift a day (so never two units on one
day), rest and weekly rules across moves come from that same checker. Added here only what
a single roster cannot say: `Allocation` rows match unit roster rows, and every shortfall is
in its unit's `Gaps` or in `Requests above`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from roster.city.allocate import SEP, city_shifts, strictest
from roster.city.folder import read_city
from roster.city.names import CITY_SHEETS, COMMAND_FILE
from roster.data import Area, Assignment, ProblemData, Requirement
from roster.errors import InputError
from roster.findings import format_report
from roster.io.dates import parse_date, parse_id
from roster.io.writer import read_assignments
from roster.load import read_workbook
from roster.text.contract import CITY_COLUMNS, OUTPUT_COLUMNS, OUTPUT_SHEETS, normalise
from roster.verify import check

Row = dict[str, object]


@dataclass
class CityCheck:
    """Every finding, one line each; ``ok`` when there is none."""

    issues: list[str] = field(default_factory=list)
    units_checked: int = 0
    pool_rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.issues


def _rows(path: Path, names: tuple[str, str], columns: tuple[str, ...]) -> list[Row] | None:
    """A sheet's rows by column name (either language); None when the sheet is missing."""
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        wanted = {normalise(n) for n in names}
        title = next((t for t in wb.sheetnames if normalise(t) in wanted), None)
        if title is None:
            return None
        rows = wb[title].iter_rows(values_only=True)
        header = [normalise(h) if h is not None else "" for h in next(rows, ())]
        index = {}
        for column in columns:
            names = CITY_COLUMNS.get(column) or OUTPUT_COLUMNS.get(column, ())
            aliases = {normalise(column), *(normalise(n) for n in names)}
            index[column] = next((i for i, h in enumerate(header) if h in aliases), None)
        return [
            {c: (row[i] if i is not None and i < len(row) else None) for c, i in index.items()}
            for row in rows
            if row and any(v is not None for v in row)
        ]
    finally:
        wb.close()


def _place(row: Row) -> tuple[date, str, str]:
    return parse_date(row["date"]), parse_id(row["shift"]), parse_id(row["area"])


def _merged(pool, units: dict[str, ProblemData]) -> tuple[ProblemData, dict]:
    """The pool officers over every unit: areas and requirement rows prefixed by the unit."""
    shifts, shift_ids = city_shifts(units)
    areas, requirements = [], []
    for uid, data in units.items():
        areas += [Area(id=f"{uid}{SEP}{a.id}", name=a.name, kind=a.kind) for a in data.areas]
        for r in data.requirements:
            shift = shift_ids[(uid, r.shift)] if r.shift is not None else None
            update = {"area": f"{uid}{SEP}{r.area}", "shift": shift}
            requirements.append(Requirement(**{**r.model_dump(), **update}))
    settings = pool.settings.model_copy(update=strictest(pool, units))
    merged = ProblemData(
        settings=settings,
        shifts=tuple(shifts),
        areas=tuple(areas),
        people=pool.people,
        requirements=tuple(requirements),
        statuses=pool.statuses,
    )
    return merged, shift_ids


def _units(out: Path, pool, found: CityCheck):
    """Each unit roster, read and checked on its own."""
    units: dict[str, ProblemData] = {}
    rosters: dict[str, list[Assignment]] = {}
    for unit in pool.units:
        path = out / f"{unit.id}.xlsx"
        if not path.is_file():
            found.issues.append(f"{unit.id}: no roster {path.name} in the output folder")
            continue
        try:
            data = read_workbook(path)
            rows = read_assignments(path)
        except InputError as error:
            found.issues += [f"{path.name}: {p}" for p in error.problems]
            continue
        report = check(data, rows)
        if report.violations:
            found.issues.append(f"{path.name}: " + format_report(report, data))
        units[unit.id], rosters[unit.id] = data, rows
        found.units_checked += 1
    return units, rosters


def _shortfalls(out: Path, units, rosters, requests: list[Row], found: CityCheck) -> None:
    """Every gap of a unit roster is in its `Gaps` sheet or in `Requests above`."""
    asked = set()
    for r in requests:
        first, last = parse_date(r["from"]), parse_date(r["to"])
        asked.add((parse_id(r["unit"]), parse_id(r["area"]), parse_id(r["shift"]), first, last))
    for uid, data in units.items():
        listed = {
            _place(r)
            for r in _rows(out / f"{uid}.xlsx", OUTPUT_SHEETS["gaps"], ("date", "shift", "area"))
            or []
        }
        for gap in check(data, rosters[uid]).gaps:
            place = (gap.date, gap.shift, gap.area)
            in_requests = any(
                u == uid and a == gap.area and s == gap.shift and f <= gap.date <= t
                for u, a, s, f, t in asked
            )
            if place not in listed and not in_requests:
                found.issues.append(
                    f"{uid}: {gap.area} {gap.shift} {gap.date:%d/%m/%Y} is {gap.missing} short, "
                    "in neither its Gaps sheet nor Requests above"
                )


def check_city(folder: str | os.PathLike[str], out: str | os.PathLike[str]) -> CityCheck:
    """Check the outputs in `out` of the city folder `folder`."""
    out = Path(out)
    found = CityCheck()
    city = read_city(folder)
    found.issues += [f"input: {p}" for p in city.problems]
    units, rosters = _units(out, city.pool, found)
    merged, shift_ids = _merged(city.pool, units)
    officers = {p.id for p in city.pool.people}
    pool_rows = [
        a.model_copy(update={"area": f"{uid}{SEP}{a.area}", "shift": shift_ids[(uid, a.shift)]})
        for uid, rows in rosters.items()
        for a in rows
        if a.person in officers
    ]
    found.pool_rows = len(pool_rows)
    report = check(merged, pool_rows)
    if report.violations:
        found.issues.append("pool officers across units: " + format_report(report, merged))
    command = out / COMMAND_FILE
    if not command.is_file():
        found.issues.append(f"no {COMMAND_FILE} in the output folder")
        return found
    columns = ("person", "date", "unit", "shift", "area")
    allocation = _rows(command, CITY_SHEETS["allocation"], columns) or []
    listed = {
        (
            parse_id(r["person"]),
            parse_date(r["date"]),
            parse_id(r["unit"]),
            parse_id(r["shift"]),
            parse_id(r["area"]),
        )
        for r in allocation
    }
    rostered = {
        (a.person, a.date, uid, a.shift, a.area)
        for uid, rows in rosters.items()
        for a in rows
        if a.person in officers
    }
    for row in sorted(listed - rostered):
        found.issues.append(f"Allocation row {row} is on no unit roster")
    for row in sorted(rostered - listed):
        found.issues.append(f"pool officer's roster row {row} is not in Allocation")
    request_columns = ("from", "to", "shift", "unit", "area", "people")
    requests = _rows(command, CITY_SHEETS["requests"], request_columns) or []
    _shortfalls(out, units, rosters, requests, found)
    return found
