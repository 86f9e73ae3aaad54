"""Read a city folder: the pool workbook and every unit workbook it names, all problems at once.

A unit whose workbook is missing or broken is set aside with its problems and the others go
on; a pool officer whose id is also a unit person's id is a problem on the `Pool` row and
is left out of the pool (sending them would put one id in two rosters of that unit).
Only a pool workbook that cannot be read stops the run: without it there is no city.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from roster.city.pool import Pool, Unit, read_pool
from roster.data import ProblemData
from roster.errors import InputError, Problem
from roster.load import read_workbook_with_warnings
from roster.text import Phrase
from roster.text.contract import INPUT_SHEETS

POOL_FILE = "pool.xlsx"


@dataclass(frozen=True)
class FileProblem:
    """A workbook problem with the file it is in."""

    file: str
    problem: Problem

    def __str__(self) -> str:
        return f"{self.file}: {self.problem}"


class CityInputError(Exception):
    """The pool workbook cannot be read: every problem in it, each with the file name."""

    def __init__(self, problems: list[FileProblem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class City:
    folder: Path
    pool: Pool
    units: dict[str, ProblemData] = field(default_factory=dict)  # the readable units
    broken: dict[str, list[FileProblem]] = field(default_factory=dict)  # unit id -> problems
    problems: list[FileProblem] = field(default_factory=list)  # every problem found
    warnings: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.problems


def _unit(
    folder: Path, pool: Pool, unit: Unit
) -> tuple[ProblemData | None, list[FileProblem], list[str]]:
    """The unit's data, or its problems (said in the pool's language); a missing file is a
    problem of its `Units` row."""
    file = unit.workbook
    if not (folder / file).is_file():
        expected = Phrase("expect.unit_workbook")
        column = pool.units_file_column
        problem = Problem(pool.units_sheet, unit.row, column, file, expected, pool.language)
        return None, [FileProblem(POOL_FILE, problem)], []
    try:
        data, warnings = read_workbook_with_warnings(folder / file)
    except InputError as error:
        return None, [FileProblem(file, p.said_in(pool.language)) for p in error.problems], []
    return data, [], [f"{file}: {w}" for w in warnings]


def _horizon(file: str, data: ProblemData, pool: Pool) -> list[FileProblem]:
    """A unit workbook must cover the pool's horizon (it may be longer)."""
    first, last = pool.settings.start_date, pool.settings.end_date
    if data.settings.start_date <= first and data.settings.end_date >= last:
        return []
    title = INPUT_SHEETS["settings"][data.settings.language == "vi"]
    expected = Phrase(
        "expect.unit_horizon", {"first": f"{first:%d/%m/%Y}", "last": f"{last:%d/%m/%Y}"}
    )
    return [FileProblem(file, Problem(title, None, None, None, expected, pool.language))]


def _pool_row_problem(
    pool: Pool, row: int, column: str, value: str, expected: Phrase
) -> FileProblem:
    """A problem on a row of the pool workbook's Pool sheet, in the pool's language."""
    return FileProblem(
        POOL_FILE, Problem(pool.pool_sheet, row, column, value, expected, pool.language)
    )


def _clashes(
    pool: Pool, units: dict[str, ProblemData], files: dict[str, str]
) -> tuple[Pool, list[FileProblem]]:
    """Pool officers whose id a unit's people use, and `units` naming no unit: problems."""
    owners: dict[str, str] = {}
    for uid, data in units.items():
        for person in data.people:
            owners.setdefault(person.id, uid)
    problems: list[FileProblem] = []
    kept = []
    for officer in pool.officers:
        pid = officer.person.id
        if pid in owners:
            uid = owners[pid]
            clash = Phrase("expect.pool_id_clash", {"unit": uid, "file": files[uid], "person": pid})
            problems.append(_pool_row_problem(pool, officer.row, pool.pool_id_column, pid, clash))
            continue
        unknown = sorted((officer.units or frozenset()) - set(files))
        if unknown:
            expected = Phrase("expect.unit_ids", {"sheet": pool.units_sheet})
            problems.append(
                _pool_row_problem(
                    pool, officer.row, pool.pool_units_column, ", ".join(unknown), expected
                )
            )
            officer = replace(officer, units=(officer.units or frozenset()) - set(unknown))
        kept.append(officer)
    return replace(pool, officers=tuple(kept)), problems


def read_city(folder: str | os.PathLike[str]) -> City:
    """Every workbook of the folder; raises ``CityInputError`` only when the pool is unreadable."""
    root = Path(folder)
    try:
        pool = read_pool(root / POOL_FILE)
    except InputError as error:
        raise CityInputError([FileProblem(POOL_FILE, p) for p in error.problems]) from None
    city = City(root, pool)
    files = {u.id: u.workbook for u in pool.units}
    for unit in pool.units:
        data, problems, warnings = _unit(root, pool, unit)
        if data is not None:
            problems = _horizon(unit.workbook, data, pool)
        city.warnings += warnings
        if problems:
            city.broken[unit.id] = problems
            city.problems += problems
        elif data is not None:
            city.units[unit.id] = data
    city.pool, clashes = _clashes(pool, city.units, files)
    city.problems += clashes
    return city
