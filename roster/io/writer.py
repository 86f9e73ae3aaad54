"""The solved roster workbook: the contract's output sheets, views for people, and the input.

The roster workbook carries a copy of every input sheet, so it stands on its own: `roster
check`, `roster sheets` and `roster replan` read the problem and the roster from it alone.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.formatting.rule import DataBarRule
from openpyxl.styles import Alignment, PatternFill

from roster.coverage_map import COVERED, NONE, REINFORCED, SHORT, coverage_states
from roster.data import Assignment, Mode, ProblemData, StatusKind
from roster.errors import InputError, Problem
from roster.io.dates import parse_date, parse_id
from roster.io.problem_writer import add_problem_sheets
from roster.io.xlsx import format_sheet, put, save_atomic
from roster.result import Change, Result
from roster.text import language_of, say, words
from roster.text.contract import OUTPUT_COLUMNS, OUTPUT_SHEETS, column_name, normalise, sheet_name
from roster.tier_words import tier_phrases

GREEN = PatternFill("solid", fgColor="C6EFCE")
AMBER = PatternFill("solid", fgColor="FFEB9C")
RED = PatternFill("solid", fgColor="FFC7CE")
GREY = PatternFill("solid", fgColor="D9D9D9")

ASSIGNMENT_COLUMNS = ("date", "shift", "area", "person", "name", "role", "origin", "mode")
GAP_COLUMNS = ("date", "shift", "area", "needed", "assigned", "missing", "reason")
REQUEST_COLUMNS = ("origin", "from", "to", "shift", "area", "people", "reason")
CHANGE_COLUMNS = ("change", "date", "shift", "area", "person", "name", "before", "after", "reason")


def _table(wb: Workbook, key: str, language: str, columns: tuple[str, ...], rows) -> None:
    ws = wb.create_sheet(sheet_name(key, language))
    for c, col in enumerate(columns, start=1):
        put(ws, 1, c, column_name(col, language))
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            if value is not None:
                put(ws, r, c, value)
    format_sheet(ws)


def _shift_order(data: ProblemData) -> dict[str, int]:
    return {s.id: i for i, s in enumerate(data.shifts)}


def _assignment_rows(result: Result):
    data = result.data
    order = _shift_order(data)
    people = data.person_by_id
    for a in sorted(result.assignments, key=lambda a: (a.date, order[a.shift], a.area, a.person)):
        p = people[a.person]
        yield (
            a.date,
            a.shift,
            a.area,
            a.person,
            p.name,
            p.role.value,
            p.origin.value,
            a.mode.value,
        )


def _or_dash(value: object) -> object:
    return "–" if value is None else value


def _summary_rows(result: Result, language: str) -> list[tuple[str, object]]:
    data = result.data
    used = result.named_reinforcements_used
    bound = result.uncovered_bound

    def t(key: str, **values: object) -> str:
        return say(f"workbook.{key}", language, **values)

    rows = [
        (t("unit"), data.settings.unit),
        (t("status"), _word("result", result.status, language)),
        (t("uncovered"), result.uncovered),
        (t("bound"), _or_dash(bound)),
        (t("requested"), len(result.requested)),
        (t("district"), used["district"]),
        (t("city"), used["city"]),
        (t("gap"), round(100 * result.gap, 2)),
        (t("time"), round(result.seconds, 1)),
    ]
    for stage in result.stages:
        status = _word("result", stage.status, language)
        name = _word("summary.stage", stage.name, language)
        rows.append(
            (
                t("stage", name=name),
                t(
                    "stage_value",
                    status=status,
                    tiers="; ".join(tier_phrases(stage.tiers, language, stage.lexicographic)),
                ),
            )
        )
    rows += [(t("capacity"), note) for note in result.capacity_notes]
    return rows


def _word(section: str, value: object, language: str) -> str:
    """A status or stage in words; one the catalogue does not name keeps its id."""
    key = f"{section}.{value}"
    return say(key, language) if key in words(language) else str(value)


def change_cells(change: Change, data: ProblemData, language: str) -> tuple[object, ...]:
    """The row of the `Changes` sheet (columns `CHANGE_COLUMNS`)."""
    person = data.person_by_id.get(change.person)
    return (
        say(f"replan.{change.kind}", language),
        change.date,
        change.shift,
        change.area,
        change.person,
        person.name if person else "",
        _place(change.before, language),
        _place(change.after, language),
        change.reason,
    )


def _place(a: Assignment | None, language: str) -> str:
    if a is None:
        return ""
    remote = say("replan.remote", language) if a.mode == Mode.REMOTE else ""
    return f"{a.shift}, {a.area}{remote}"


def _grid(wb: Workbook, result: Result, language: str) -> None:
    """Person x day: the shift (and area) each works, status codes where they cannot."""
    data = result.data
    ws = wb.create_sheet(sheet_name("grid", language))
    put(ws, 1, 1, column_name("person", language))
    put(ws, 1, 2, column_name("name", language))
    for d, day in enumerate(data.dates):
        put(ws, 1, 3 + d, f"{day:%d/%m}")
    on = {(a.person, a.date): a for a in result.assignments}
    status = {}
    for st in data.statuses:
        for day in data.dates:
            if st.covers(day):
                status[(st.person, day)] = say(f"grid.{StatusKind(st.status).value}", language)
    for r, p in enumerate(data.people, start=2):
        put(ws, r, 1, p.id)
        put(ws, r, 2, p.name)
        for d, day in enumerate(data.dates):
            a = on.get((p.id, day))
            code = status.get((p.id, day))
            if a is not None:
                cell = put(ws, r, 3 + d, f"{a.shift} {a.area}")
                if a.mode == Mode.REMOTE:
                    cell.fill = AMBER
            elif code:
                put(ws, r, 3 + d, code).fill = GREY
    format_sheet(ws, max_width=14)
    ws.freeze_panes = "C2"


def _coverage(wb: Workbook, result: Result, language: str) -> None:
    """Area x day colour map: green covered, amber covered with reinforcements, red gap."""
    data = result.data
    ws = wb.create_sheet(sheet_name("coverage", language))
    put(ws, 1, 1, column_name("area", language))
    for d, day in enumerate(data.dates):
        put(ws, 1, 2 + d, f"{day:%d/%m}")
    states, numbers = coverage_states(data, result.assignments, result.gaps, data.dates)
    fills = {COVERED: GREEN, REINFORCED: AMBER, SHORT: RED}
    for r, area in enumerate(data.areas, start=2):
        put(ws, r, 1, area.id)
        for d, state in enumerate(states[r - 2]):
            if state == NONE:
                continue
            cell = put(ws, r, 2 + d, numbers[r - 2][d])
            cell.alignment = Alignment(horizontal="center")
            cell.fill = fills[state]
    format_sheet(ws, max_width=12)
    ws.freeze_panes = "B2"


def _totals(wb: Workbook, result: Result, language: str) -> None:
    """Per person: shifts, nights, weekend shifts, shifts in the home area, and a load bar."""
    data = result.data
    nights = {s.id for s in data.shifts if s.night}
    per: dict[str, Counter] = defaultdict(Counter)
    for a in result.assignments:
        c = per[a.person]
        c["shifts"] += 1
        c["nights"] += a.shift in nights
        c["weekends"] += a.date.weekday() >= 5
        c["home"] += a.area == data.person_by_id[a.person].home_area
    cols = ("person", "name", "rank", "role", "origin", "shifts", "nights", "weekends")
    rows = [
        (
            p.id,
            p.name,
            p.rank,
            say(f"role_word.{p.role.value}", language),
            say(f"origin.{p.origin.value}", language),
            per[p.id]["shifts"],
            per[p.id]["nights"],
            per[p.id]["weekends"],
            per[p.id]["home"],
        )
        for p in data.people
    ]
    cols = (*cols, "home_area_shifts")
    if data.carried:  # what each carried this year before the horizon, and the year's nights
        carried = data.carried_by_person
        cols = (*cols, "carried_shifts", "carried_nights", "year_nights")
        rows = [
            (*row, c.shifts, c.nights, c.nights + row[6]) if c else (*row, 0, 0, row[6])
            for row, c in ((row, carried.get(row[0])) for row in rows)
        ]
    _table(wb, "totals", language, cols, rows)
    ws = wb[sheet_name("totals", language)]
    if rows:
        ws.conditional_formatting.add(
            f"F2:F{len(rows) + 1}",
            DataBarRule(start_type="num", start_value=0, end_type="max", color="5B9BD5"),
        )


def write_roster(
    result: Result,
    path: str | os.PathLike[str],
    language: str | None = None,
    changes: Sequence[Change] | None = None,
    summary_rows: Sequence[tuple[str, object]] = (),
) -> Path:
    """Write the roster workbook at `path`, whole or not at all.

    `changes` (re-planning, covering a shift) adds a `Changes` sheet, even when empty.
    `summary_rows` ends the `Summary` sheet: measures a feature above this layer makes of the
    roster (the reach of one case, ``roster.exposure.summary_rows``).
    """
    data = result.data
    lang = language_of(language or data)
    wb = Workbook()
    wb.remove(wb.active)
    _table(wb, "assignments", lang, ASSIGNMENT_COLUMNS, _assignment_rows(result))
    _table(
        wb,
        "gaps",
        lang,
        GAP_COLUMNS,
        (
            (
                g.date,
                g.shift,
                g.area,
                g.needed,
                g.assigned,
                g.missing,
                result.gap_reasons.get((g.date, g.shift, g.area), ""),
            )
            for g in result.gaps
        ),
    )
    _table(
        wb,
        "reinforcements",
        lang,
        REQUEST_COLUMNS,
        (
            (r.origin.value, r.date_from, r.date_to, r.shift, r.area, r.people, r.reason)
            for r in result.requests
        ),
    )
    if changes is not None:
        _table(wb, "changes", lang, CHANGE_COLUMNS, (change_cells(c, data, lang) for c in changes))
    summary = wb.create_sheet(sheet_name("summary", lang))
    for r, (key, value) in enumerate([*_summary_rows(result, lang), *summary_rows], start=1):
        put(summary, r, 1, key)
        put(summary, r, 2, value)
    summary.column_dimensions["A"].width = 40
    summary.column_dimensions["B"].width = 80
    _grid(wb, result, lang)
    _coverage(wb, result, lang)
    _totals(wb, result, lang)
    add_problem_sheets(wb, data, lang)
    return save_atomic(wb, path)


def read_assignments(path: str | os.PathLike[str]) -> list[Assignment]:
    """The `Assignments` sheet of a roster workbook, perhaps edited by hand."""
    wb = load_workbook(path, read_only=True, data_only=True)
    names = {normalise(n) for n in OUTPUT_SHEETS["assignments"]}
    ws = next((wb[s] for s in wb.sheetnames if normalise(s) in names), None)
    if ws is None:
        expected = "a sheet " + " / ".join(map(repr, OUTPUT_SHEETS["assignments"]))
        raise InputError([Problem(str(path), None, None, None, expected)])
    rows = ws.iter_rows(values_only=True)
    header = [normalise(h) if h is not None else "" for h in next(rows, ())]
    index = {}
    for key in ("date", "shift", "area", "person", "mode"):
        aliases = {normalise(n) for n in OUTPUT_COLUMNS[key]}
        found = next((i for i, h in enumerate(header) if h in aliases), None)
        if found is None and key != "mode":
            raise InputError([Problem(ws.title, 1, key, None, f"a column '{key}'")])
        index[key] = found
    problems: list[Problem] = []
    out = []
    for r, row in enumerate(rows, start=2):
        if row is None or all(v is None or str(v).strip() == "" for v in row):
            continue
        cells = {k: (row[i] if i is not None and i < len(row) else None) for k, i in index.items()}
        try:
            mode = cells["mode"]
            out.append(
                Assignment(
                    date=parse_date(cells["date"]),
                    shift=parse_id(cells["shift"]),
                    area=parse_id(cells["area"]),
                    person=parse_id(cells["person"]),
                    mode=Mode(str(mode).strip().lower()) if mode else Mode.ONSITE,
                )
            )
        except ValueError as exc:
            problems.append(Problem(ws.title, r, None, row[:5], str(exc)))
    wb.close()
    if problems:
        raise InputError(problems)
    return out
