"""What the roster page draws, from a roster and its check: plain data for the templates.

The colours follow the roster workbook's `Coverage` sheet (green covered, amber covered with
reinforcements, red short) and its `Grid` sheet (shift and area, status codes where a person
cannot work). Broken rules come from the checker's violations, placed on the cells they name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from roster.coverage_map import COVERED, NONE, REINFORCED, SHORT, coverage_states
from roster.data import Assignment, Mode, ProblemData
from roster.findings import CheckReport, Violation
from roster.text import say


@dataclass(frozen=True)
class Cell:
    text: str
    state: str  # css class: ok, amber, short, off, remote, broken, "" (nothing asked)
    title: str = ""


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    cells: tuple[Cell, ...]


CELL_CLASS = {COVERED: "ok", REINFORCED: "amber", SHORT: "short"}  # the page's style names


def coverage_rows(data: ProblemData, assignments: Sequence[Assignment], report: CheckReport):
    """Areas x days: people on duty, or minus the places short."""
    states, numbers = coverage_states(data, assignments, report.gaps, data.dates)
    broken = _by_place(report.violations)
    rows = []
    for area, row_states, row_numbers in zip(data.areas, states, numbers, strict=True):
        cells = []
        for day, state, number in zip(data.dates, row_states, row_numbers, strict=True):
            if state == NONE:
                cells.append(Cell("", ""))
                continue
            rules = broken.get((area.id, day), [])
            cells.append(
                Cell(
                    str(number),
                    "broken" if rules else CELL_CLASS[state],
                    "; ".join(f"[{v.rule}] {v.message}" for v in rules),
                )
            )
        rows.append(Row(area.id, area.name or area.id, tuple(cells)))
    return rows


def _by_place(violations: Sequence[Violation]) -> dict[tuple[str, date], list[Violation]]:
    out: dict[tuple[str, date], list[Violation]] = defaultdict(list)
    for v in violations:
        if v.area and v.date:
            out[(v.area, v.date)].append(v)
    return out


def broken_cells(report: CheckReport) -> dict[tuple[str, date], list[Violation]]:
    """The violations of each person-day (a rule over several days marks each of them)."""
    out: dict[tuple[str, date], list[Violation]] = defaultdict(list)
    for v in report.violations:
        if v.person and v.date:
            out[(v.person, v.date)].append(v)
    return out


def grid_rows(
    data: ProblemData,
    assignments: Sequence[Assignment],
    report: CheckReport,
    language: str,
    changed: frozenset[tuple[str, date]] = frozenset(),
):
    """People x days: "S A1" for a shift, the status code on a day they cannot work (the
    roster workbook's `Grid` codes, in ``language``)."""
    on = {(a.person, a.date): a for a in assignments}
    status = {}
    for st in data.statuses:
        for day in data.dates:
            if st.covers(day):
                status[(st.person, day)] = say(f"grid.{st.status.value}", language)
    broken = broken_cells(report)
    rows = []
    for p in data.people:
        cells = []
        for day in data.dates:
            a = on.get((p.id, day))
            rules = broken.get((p.id, day), [])
            code = status.get((p.id, day), "")
            if a is not None:
                state = "remote" if a.mode == Mode.REMOTE else "ok"
                text = f"{a.shift} {a.area}"
            else:
                state, text = ("off" if code else ""), code
            if rules:
                state = "broken"
            elif (p.id, day) in changed:
                state += " changed"
            cells.append(Cell(text, state, "; ".join(f"[{v.rule}] {v.message}" for v in rules)))
        rows.append(Row(p.id, p.name, tuple(cells)))
    return rows


def changed_cells(before: Sequence[Assignment], after: Sequence[Assignment]):
    """The person-days whose duty differs between two rosters, to highlight them."""
    old = {(a.person, a.date): a for a in before}
    new = {(a.person, a.date): a for a in after}
    return frozenset(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
