"""What a city run writes: unit rosters, the command workbook, the pool's daily messages, a summary.

Unit rosters are ordinary roster workbooks (``write_roster``), one file per unit. The command
workbook holds `Allocation`, `Units` and `Requests above` by shared/spec/city.md, then a
units x days coverage map, per-officer totals and the allocation's figures. Sheet and column
names, unit states and the summary follow the pool's `language` (the contract's Vietnamese
names in brackets when `vi`); `roster check-city` reads either.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from roster.city.check import CityCheck, check_city
from roster.city.executor import peak_mb
from roster.city.folder import CityInputError
from roster.city.names import (
    ALLOCATION_COLUMNS,
    CITY_SHEETS,
    COMMAND_FILE,
    FIGURE_COLUMNS,
    MESSAGES,
    OFFICER_COLUMNS,
    REQUEST_COLUMNS,
    SUMMARY_FILE,
    UNIT_COLUMNS,
)
from roster.city.run import INTERRUPTED, OUT_OF_TIME, CityRun
from roster.data import Assignment, ProblemData
from roster.io.writer import write_roster
from roster.io.xlsx import format_sheet, put, save_atomic
from roster.sheets import write_sheets
from roster.text import say, words
from roster.text.contract import city_column

CHECK_LINES = 5  # the check's findings the summary lists; check-city prints them all
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
    for c, key in enumerate(columns, start=1):
        put(ws, 1, c, city_column(key, lang))
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
    put(ws, 1, 1, city_column("unit", lang))
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
    """The allocation's figures, how the run went (phases, tasks, memory), keys in the pool's
    language."""
    lang = run.city.pool.language
    a = run.allocation
    out: list[tuple[str, object]] = []
    if a is not None:
        out += [
            (say("city.figure.demand", lang), a.demand),
            (say("city.figure.filled", lang), a.filled),
            (say("city.figure.pool_shifts", lang), len(a.assignments)),
            (say("city.figure.uncovered", lang), a.uncovered),
        ]
    for stage in a.stages if a is not None else ():
        name = _stage_name(stage.name, lang)
        out += [
            (say("city.figure.stage_status", lang, stage=name), stage.status),
            (say("city.figure.stage_objective", lang, stage=name), stage.objective),
            (say("city.figure.stage_bound", lang, stage=name), stage.bound),
            (say("city.figure.stage_gap", lang, stage=name), round(stage.gap, 4)),
        ]
    out.append((say("city.figure.executor", lang), run.executor))
    for name, seconds in run.phases.items():
        out.append((say("city.figure.seconds", lang, phase=_phase(name, lang)), round(seconds, 1)))
    if run.checked is not None:
        out.append((say("city.figure.check_problems", lang), len(run.checked.issues)))
    return out + _worker_figures(run, lang)


def _stage_name(name: str, lang: str) -> str:
    """An allocation stage's name in `lang`; a stage the catalogue does not know, as it is."""
    return words(lang).get(f"city.stage.{name}", name)


def _phase(name: str, lang: str) -> str:
    return say(f"city.phase.{name}", lang)


def tasks_per_node(run: CityRun) -> Counter:
    """How many tasks (unit solves, the allocation, final solves) each node ran."""
    return Counter(w.node for phase in run.workers.values() for w in phase)


def worker_peaks(run: CityRun) -> dict[tuple[str, int], float]:
    """Each worker process (node, pid): the highest peak memory it reported, in MB."""
    peaks: dict[tuple[str, int], float] = {}
    for w in (w for phase in run.workers.values() for w in phase):
        peaks[(w.node, w.pid)] = max(peaks.get((w.node, w.pid), 0.0), w.peak_mb)
    return dict(sorted(peaks.items()))


def _worker_figures(run: CityRun, lang: str) -> list[tuple[str, object]]:
    """Tasks per node (in all and per phase), the main process's and each worker's peak memory."""
    out: list[tuple[str, object]] = []
    for node, count in sorted(tasks_per_node(run).items()):
        out.append((say("city.figure.tasks", lang, node=node), count))
        for phase, workers in run.workers.items():
            key = say("city.figure.tasks_phase", lang, node=node, phase=_phase(phase, lang))
            out.append((key, sum(w.node == node for w in workers)))
    peaks = worker_peaks(run)
    out.append((say("city.figure.main_peak", lang), run.main_peak_mb))
    out.append((say("city.figure.highest_worker", lang), max(peaks.values(), default=0.0)))
    for (node, pid), peak in peaks.items():
        out.append((say("city.figure.worker_peak", lang, pid=pid, node=node), peak))
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
        unit_rows.append((uid, unit_run.unit.name, state(unit_run.state, lang), *counts))
    _sheet(wb, "units", lang, UNIT_COLUMNS, unit_rows)
    _sheet(wb, "requests", lang, REQUEST_COLUMNS, _request_rows(run))
    _coverage(wb, run, lang)
    _sheet(wb, "officers", lang, OFFICER_COLUMNS, _officer_rows(run))
    _sheet(wb, "figures", lang, FIGURE_COLUMNS, figures(run))
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


def state(name: str, language: str) -> str:
    """A unit's state ("solved", "not solved", ...) in the pool's language."""
    return say(f"city.state.{name}", language)


def _by_cover(run: CityRun, lang: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """Units covered by their own staff, with the pool, still short, and not solved."""
    own, pooled, short, other = [], [], [], []
    for uid, unit_run in run.units.items():
        f = unit_figures(run, uid)
        if unit_run.state != "solved" or f is None:
            other.append(f"{uid} ({state(unit_run.state, lang)})")
        elif f.short:
            short.append(f"{uid} ({f.short})")
        elif f.pool:
            pooled.append(uid)
        else:
            own.append(uid)
    return own, pooled, short, other


def _listed(key: str, units: list[str], lang: str) -> str:
    return say(key, lang, count=len(units), units=" ".join(units))


def _allocation_line(run: CityRun, lang: str) -> str:
    a = run.allocation
    if not a.stages:
        status = say("city.nothing_to_allocate", lang)
    else:
        status = say(f"city.status.{a.stages[0].status}", lang)
    values = {"filled": a.filled, "demand": a.demand, "most": a.most_filled}
    return say("city.allocation", lang, shifts=len(a.assignments), status=status, **values)


def _workers_line(run: CityRun, lang: str) -> str:
    """Tasks per node; the peak memory of the main process and of the fullest worker."""
    nodes = ", ".join(f"{node} {n}" for node, n in sorted(tasks_per_node(run).items()))
    worker = max(worker_peaks(run).values(), default=0.0)
    return say(
        "city.workers",
        lang,
        nodes=nodes or "-",
        main=f"{run.main_peak_mb:.0f}",
        worker=f"{worker:.0f}",
    )


def _troubles(run: CityRun, lang: str) -> list[str]:
    """Problems, failures and an early stop: what the reader must not miss."""
    lines = [say("city.problem", lang, problem=p) for p in run.city.problems]
    for uid, unit_run in run.units.items():
        if unit_run.error:
            lines.append(say("city.failed_unit", lang, unit=uid, error=unit_run.error))
        if unit_run.unpooled:
            why = unit_run.unpooled
            why = say(f"city.reason.{why}", lang) if why in (INTERRUPTED, OUT_OF_TIME) else why
            lines.append(say("city.not_repooled", lang, unit=uid, reason=why))
    if run.allocation_error:
        lines.append(say("city.failed_allocation", lang, error=run.allocation_error))
    if run.stopped:
        lines.append(say(f"city.stopped.{run.stopped}", lang))
    if run.stopped and run.allocation is None:
        lines.append(say("city.allocation_not_reached", lang))
    if run.checked is not None and not run.checked.ok:
        issues = run.checked.issues
        lines.append(say("city.check_problems", lang, count=len(issues)))
        lines += [f"  {issue}" for issue in issues[:CHECK_LINES]]
    return lines


def summary(run: CityRun) -> str:
    """One screen: units by how they are covered, the pool per day, what to request above."""
    lang = run.city.pool.language
    own, pooled, short, other = _by_cover(run, lang)
    lines = [
        run.city.pool.settings.unit,
        _listed("city.covered_own", own, lang),
        _listed("city.covered_pool", pooled, lang),
        _listed("city.still_short", short, lang),
    ]
    if other:
        lines.append(_listed("city.not_solved", other, lang))
    per_day = Counter(a.date for a in (run.allocation.assignments if run.allocation else ()))
    settings = run.city.pool.settings
    used = " ".join(f"{d:%d/%m}:{per_day[d]}" for d in _days(settings.start_date, settings.days))
    lines.append(say("city.pool_per_day", lang, days=used))
    requests = list(_request_rows(run))
    total = sum(r[5] for r in requests)
    lines.append(say("city.requests_above", lang, rows=len(requests), people=total))
    for row in requests[:8]:
        lines.append(f"  {row[3]} {row[4]} {row[2]} {row[0]:%d/%m}-{row[1]:%d/%m}: {row[5]}")
    if len(requests) > 8:
        lines.append(
            "  " + say("city.more_requests", lang, count=len(requests) - 8, file=COMMAND_FILE)
        )
    if run.allocation:
        lines.append(_allocation_line(run, lang))
    lines.append(_workers_line(run, lang))
    phases = ", ".join(f"{_phase(p, lang)} {s:.1f}" for p, s in run.phases.items())
    lines.append(say("city.phases", lang, phases=phases))
    if run.checked is not None and run.checked.ok:
        found = run.checked
        lines.append(say("city.checked", lang, units=found.units_checked, rows=found.pool_rows))
    lines += _troubles(run, lang)
    return "\n".join(lines) + "\n"


def write_all(run: CityRun, out: Path, sheets: bool = True) -> str:
    """Every output, then the check across units (`roster check-city`) on what was written;
    returns the summary, also written to `summary.txt`.

    Adds the phases "writing" (unit rosters, duty sheets, messages, the command workbook) and
    "checks" to ``run.phases``, the check's findings to ``run.checked`` and the main process's
    peak memory at the end: the command workbook is written again with them in its Figures
    (its other sheets unchanged), a write that, like the summary's, is in no phase."""
    clock = time.monotonic()
    write_units(run, out, sheets)
    write_messages(run, out)
    write_command(run, out)  # `Allocation` and `Requests above`, which the check reads
    run.phases["writing"] = time.monotonic() - clock
    clock = time.monotonic()
    try:
        run.checked = check_city(run.city.folder, out)
    except CityInputError as error:  # the pool workbook changed under the run
        run.checked = CityCheck([f"input: {p}" for p in error.problems])
    run.phases["checks"] = time.monotonic() - clock
    run.main_peak_mb = max(run.main_peak_mb, peak_mb())
    write_command(run, out)
    text = summary(run)
    (out / SUMMARY_FILE).write_text(text, encoding="utf-8")
    return text
