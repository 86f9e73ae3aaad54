"""Read a workbook into validated problem data: its structure, then whether it can be honoured.

The io layer reads every sheet and checks each cell (``roster.io.workbook``).  Whether the
person on a ``Fixed`` row may work that day, in the mode that row will take, is the
checker's question (``roster.verify.unavailable``), asked here once the data is built, so
the reader keeps no availability rule of its own and agrees with the model and the checker.
Its problems are reported with the others, on the Fixed sheet's row and column.
"""

from __future__ import annotations

import os
from collections import defaultdict

from roster.data import FixedAssignment, Mode, ProblemData, Requirement
from roster.errors import InputError, Problem
from roster.findings import Absence
from roster.io.rows import day_text
from roster.io.workbook import WorkbookInput, read_input
from roster.text import Phrase, render
from roster.verify import unavailable

# Sheets read after Fixed: its problems come before theirs, as the sheets are read.
_READ_AFTER_FIXED = ("history", "donations", "ledger", "holidays")


def read_workbook_with_warnings(path: str | os.PathLike[str]) -> tuple[ProblemData, list[str]]:
    """The workbook's problem data and the warnings (unknown columns, sheets, settings).

    Raises ``InputError`` listing every problem found, or a single problem when the file is
    missing or not an xlsx workbook.
    """
    read = read_input(path)
    problems = read.problems
    if read.data is not None:
        problems = _in_reading_order(read, fixed_problems(read))
    if problems or read.data is None:
        raise InputError(problems)
    return read.data, [render(w, read.data.settings.language) for w in read.warnings]


def read_workbook(path: str | os.PathLike[str]) -> ProblemData:
    """The workbook's problem data; see ``read_workbook_with_warnings``."""
    return read_workbook_with_warnings(path)[0]


def fixed_problems(read: WorkbookInput) -> list[Problem]:
    """A problem for each Fixed row whose person may not work that day in that row's mode."""
    data = read.data
    if data is None:
        return []
    by_area: dict[str, list[Requirement]] = defaultdict(list)
    for requirement in data.requirements:
        by_area[requirement.area].append(requirement)
    problems = []
    for row in data.fixed:
        if row.person not in data.person_by_id:
            continue  # the person's own row is wrong, and says so
        demanded = {r.mode for r in by_area[row.area] if r.applies(row.date, row.shift)}
        absence = _absence(data, row, demanded)
        if absence is not None:
            column, expected = _said(read, data, row, absence, demanded)
            problems.append(read.problem("fixed", row.row, column, expected))
    return problems


def _absence(data: ProblemData, row: FixedAssignment, demanded: set[Mode]) -> Absence | None:
    """Why the person may not take this row, in the mode the model gives it: on-site where
    on-site is demanded and they may work on-site, remote otherwise."""
    onsite = unavailable(data, row.person, row.date, Mode.ONSITE)
    if Mode.ONSITE in demanded and onsite is None:
        return None
    remote = unavailable(data, row.person, row.date, Mode.REMOTE)
    if remote is None and onsite is not None and Mode.REMOTE not in demanded:
        return onsite  # remote duty only, and no remote place here that day
    return remote


def _said(
    read: WorkbookInput,
    data: ProblemData,
    row: FixedAssignment,
    absence: Absence,
    demanded: set[Mode],
) -> tuple[str, Phrase]:
    """The column a problem is on and what was expected there."""
    person = data.person_by_id[row.person]
    if absence.status is None:
        first, last = person.available_from, person.available_to
        window = {
            "person": person.id,
            "first": day_text(first) if first else "…",
            "last": day_text(last) if last else "…",
        }
        return "date", Phrase("expect.fixed_window", window)
    period = absence.status
    values: dict[str, object] = {
        "person": person.id,
        "status": period.status.value,
        "first": day_text(period.date_from),
        "last": day_text(period.date_to),
        "sheet": read.tables.title("status"),
        "row": period.row,
    }
    if absence.kind == "remote_only" and Mode.REMOTE not in demanded:
        values |= {"area": row.area, "shift": row.shift}
        return "person", Phrase("expect.fixed_absent_remote", values)
    return "person", Phrase("expect.fixed_absent", values)


def _in_reading_order(read: WorkbookInput, fixed: list[Problem]) -> list[Problem]:
    """Every problem, each Fixed one after the earlier rows' and before the later sheets'."""
    title = read.tables.title("fixed")
    later = {read.tables.title(key) for key in _READ_AFTER_FIXED}
    problems = list(read.problems)
    for problem in fixed:
        at = next(
            (
                i
                for i, other in enumerate(problems)
                if other.row is not None
                and other.row > 1
                and (other.sheet in later or (other.sheet == title and other.row > problem.row))
            ),
            len(problems),
        )
        problems.insert(at, problem)
    return problems
