"""What a city run writes: unit rosters, the command workbook, the pool's daily messages, a summary.

Unit rosters are ordinary roster workbooks (``write_roster``), one file per unit. The command
workbook holds `Allocation`, `Units` and `Requests above` by shared/spec/city.md, then a
units x days coverage map, per-officer totals and the allocation's figures. Column names are
the contract's English names in both languages (the sheets' names follow `language`), so any
reader of the contract finds them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from roster.city.names import (
    ALLOCATION_COLUMNS,
    CITY_SHEETS,
    COMMAND_FILE,
    MESSAGES,
    REQUEST_COLUMNS,
    SUMMARY_FILE,
    UNIT_COLUMNS,
)
from roster.city.run import CityRun
from roster.data import Assignment, ProblemData
from roster.io.writer import write_roster
from roster.io.xlsx import format_sheet, put, save_atomic
from roster.sheets import write_sheets
from roster.text import say

FILLS = {  # share of places covered: red, amber, green
    "short": PatternFill("solid", fgColor="F8696B"),
    "part": PatternFill("solid", fgColor="FFEB84"),
    "full": PatternFill("solid", fgColor="63BE7B"),
}


@dataclass(frozen=True)
class UnitFigures:
    """A unit's places on the pool's horizon: needed = own + pool + short."""

    needed: int
    own: int
    pool: int
    short: int


def _places_needed(data: ProblemData, first: date, last: date) -> dict[tuple[date, str, str], int]:
    """Most people any applying row asks for, per (date, shift, area) of the horizon."""
    need: dict[tuple[date, str, str], int] = {}
    for row in data.requirements:
        for day in data.dates:
            if not first <= day <= last:
                continue
            for s in data.shifts:
                if row.applies(day, s.id):
                    key = (day, s.id, row.area)
                    need[key] = max(need.get(key, 0), row.min_staff)
    return need


def unit_figures(run: CityRun, uid: str) -> UnitFigures | None:
    result = run.units[uid].final
    if result is None:
        return None
    first, last = run.city.pool.settings.start_date, run.city.pool.settings.end_date
    needed = sum(_places_needed(result.data, first, last).values())
    pool = len(run.allocation.by_unit.get(uid, [])) if run.allocation else 0
    short = sum(g.missing for g in result.gaps if first <= g.date <= last)
    return UnitFigures(needed, max(needed - pool - short, 0), pool, short)


def _sheet(wb: Workbook, key: str, lang: str, columns, rows) -> None:
    ws = wb.create_sheet(CITY_SHEETS[key][lang == "vi"])
    for c, name in enumerate(columns, start=1):
        put(ws, 1, c, name)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            put(ws, r, c, value)
    format_sheet(ws)


def _allocation_rows(run: CityRun):
    people = run.allocation.data.person_by_id if run.allocation else {}
    for uid, rows in run.allocation.by_unit.items() if run.allocation else ():
        for a in sorted(rows, key=lambda a: (a.date, a.person)):
            yield (a.person, people[a.person].name, a.date, uid, a.shift, a.area)


def _request_rows(run: CityRun):
    for uid, result in run.results.items():
        for r in result.requests:
            yield (r.date_from, r.date_to, r.shift, uid, r.area, r.people, r.reason)


def _coverage(wb: Workbook, run: CityRun, lang: str) -> None:
    """Units x days: places covered of places needed, coloured by the share."""
    pool = run.city.pool.settings
    days = _days(pool.start_date, pool.days)
    ws = wb.create_sheet(CITY_SHEETS["coverage"][lang == "vi"])
    put(ws, 1, 1, "unit")
    for c, day in enumerate(days, start=2):
        put(ws, 1, c, day)
    for r, (uid, result) in enumerate(run.results.items(), start=2):
        put(ws, r, 1, uid)
        need = Counter()
        for (day, _s, _a), n in _places_needed(result.data, days[0], days[-1]).items():
            need[day] += n
        short = Counter()
        for g in result.gaps:
            short[g.date] += g.missing
        for c, day in enumerate(days, start=2):
            if not need[day]:
                continue
            cell = put(ws, r, c, f"{need[day] - short[day]}/{need[day]}")
            share = (need[day] - short[day]) / need[day]
            cell.fill = FILLS["full" if share >= 1 else "part" if share >= 0.9 else "short"]
    format_sheet(ws)


def _days(start: date, count: int) -> list[date]:
    return [start + timedelta(days=i) for i in range(count)]


def _officer_rows(run: CityRun):
    by_person: dict[str, list[tuple[str, Assignment]]] = defaultdict(list)
    for uid, rows in run.allocation.by_unit.items() if run.allocation else ():
        for a in rows:
            by_person[a.person].append((uid, a))
    for officer in run.city.pool.officers:
        rows = by_person.get(officer.person.id, [])
        units = sorted({uid for uid, _a in rows})
        yield (officer.person.id, officer.person.name, officer.group, len(rows), ", ".join(units))


def figures(run: CityRun) -> list[tuple[str, object]]:
    """The allocation's figures, as the summary prints them."""
    a = run.allocation
    if a is None:
        return []
    out: list[tuple[str, object]] = [
        ("places short before the pool", a.demand),
        ("places filled by the pool", a.filled),
        ("pool shifts", len(a.assignments)),
        ("places still short after the pool", a.uncovered),
    ]
    for stage in a.stages:
        out += [
            (f"allocation {stage.name}: status", stage.status),
            (f"allocation {stage.name}: objective", stage.objective),
            (f"allocation {stage.name}: bound", stage.bound),
            (f"allocation {stage.name}: gap", round(stage.gap, 4)),
        ]
    out.append(("executor", run.executor))
    out += [(f"seconds: {name}", round(s, 1)) for name, s in run.phases.items()]
    return out


def write_command(run: CityRun, out: Path) -> Path:
    lang = run.city.pool.language
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, "allocation", lang, ALLOCATION_COLUMNS, _allocation_rows(run))
    unit_rows = []
    for uid, unit_run in run.units.items():
        f = unit_figures(run, uid)
        counts = (f.needed, f.own, f.pool, f.short) if f else (None, None, None, None)
        unit_rows.append((uid, unit_run.unit.name, unit_run.state, *counts))
    _sheet(wb, "units", lang, UNIT_COLUMNS, unit_rows)
    _sheet(wb, "requests", lang, REQUEST_COLUMNS, _request_rows(run))
    _coverage(wb, run, lang)
    _sheet(wb, "officers", lang, ("person", "name", "group", "shifts", "units"), _officer_rows(run))
    _sheet(wb, "figures", lang, ("key", "value"), figures(run))
    return save_atomic(wb, out / COMMAND_FILE)


def pool_message(run: CityRun, day: date) -> str:
    """Who of the pool goes where on `day`, with phones: one block per unit."""
    lang = run.city.pool.language
    lines = [run.city.pool.settings.unit, say("city.pool_orders", lang, day=f"{day:%d/%m/%Y}")]
    people = run.allocation.data.person_by_id if run.allocation else {}
    for uid, rows in run.allocation.by_unit.items() if run.allocation else ():
        today = sorted((a for a in rows if a.date == day), key=lambda a: (a.shift, a.area))
        if not today:
            continue
        data = run.city.units[uid]
        lines.append(f"\n{uid} {run.units[uid].unit.name}")
        for a in today:
            p, s = people[a.person], data.shift_by_id[a.shift]
            phone = f" {p.phone}" if p.phone else ""
            lines.append(
                f"- {p.name} ({p.id}){phone}: {s.id} {s.start:%H:%M}-{s.end:%H:%M}, {a.area}"
            )
    if len(lines) == 2:
        lines.append("\n" + say("city.nobody_sent", lang))
    return "\n".join(lines) + "\n"


def write_messages(run: CityRun, out: Path) -> list[Path]:
    folder = out / MESSAGES
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    settings = run.city.pool.settings
    for day in _days(settings.start_date, settings.days):
        path = folder / f"pool-{day.isoformat()}.txt"
        path.write_text(pool_message(run, day), encoding="utf-8")
        paths.append(path)
    return paths


def write_units(run: CityRun, out: Path, sheets: bool = True) -> dict[str, Path]:
    """One roster workbook per solved unit, named by its unit id; duty sheets beside it."""
    paths = {}
    for uid, result in run.results.items():
        paths[uid] = write_roster(result, out / f"{uid}.xlsx")
        if sheets and result.assignments:
            write_sheets(result.data, result.assignments, out / f"{uid}-sheets", ("xlsx", "txt"))
    return paths


def summary(run: CityRun) -> str:
    """One screen: units by how they are covered, the pool per day, what to request above."""
    own, pooled, short, other = [], [], [], []
    for uid, unit_run in run.units.items():
        f = unit_figures(run, uid)
        if unit_run.state != "solved" or f is None:
            other.append(f"{uid} ({unit_run.state})")
        elif f.short:
            short.append(f"{uid} ({f.short})")
        elif f.pool:
            pooled.append(uid)
        else:
            own.append(uid)
    lines = [
        run.city.pool.settings.unit,
        f"Units covered by own staff: {len(own)}  {' '.join(own)}",
        f"Units covered with the pool: {len(pooled)}  {' '.join(pooled)}",
        f"Units still short (places): {len(short)}  {' '.join(short)}",
    ]
    if other:
        lines.append(f"Units not solved: {len(other)}  {' '.join(other)}")
    per_day = Counter(a.date for a in (run.allocation.assignments if run.allocation else ()))
    settings = run.city.pool.settings
    used = " ".join(f"{d:%d/%m}:{per_day[d]}" for d in _days(settings.start_date, settings.days))
    lines.append(f"Pool officers used per day: {used}")
    requests = list(_request_rows(run))
    total = sum(r[5] for r in requests)
    lines.append(f"Requests above: {len(requests)} rows, {total} people-requests")
    for row in requests[:8]:
        lines.append(f"  {row[3]} {row[4]} {row[2]} {row[0]:%d/%m}-{row[1]:%d/%m}: {row[5]}")
    if len(requests) > 8:
        lines.append(f"  ... {len(requests) - 8} more in {COMMAND_FILE}")
    if run.allocation:
        a = run.allocation
        status = a.stages[0].status if a.stages else "nothing to allocate"
        lines.append(
            f"Allocation: {len(a.assignments)} pool shifts fill {a.filled} of {a.demand} places "
            f"short; priority-weighted uncovered "
            f"{a.objective}, bound {a.bound}, gap {a.gap:.1%} ({status})"
        )
    for problem in run.city.problems:
        lines.append(f"Problem: {problem}")
    for uid, unit_run in run.units.items():
        if unit_run.error:
            lines.append(f"Failed: {uid}: {unit_run.error}")
    if run.allocation_error:
        lines.append(f"Failed: the allocation: {run.allocation_error}")
    if run.stopped:
        lines.append(f"Stopped ({run.stopped}): the units not solved were not reached")
    return "\n".join(lines) + "\n"


def write_all(run: CityRun, out: Path, sheets: bool = True) -> str:
    """Every output; returns the summary, also written to `summary.txt`."""
    write_units(run, out, sheets)
    write_command(run, out)
    write_messages(run, out)
    text = summary(run)
    (out / SUMMARY_FILE).write_text(text, encoding="utf-8")
    return text
