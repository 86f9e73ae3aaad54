"""The city run: read, roster every unit, allocate the pool, roster the units again.

Unit solves go through an ``Executor`` as pure tasks (a unit's data in, its ``Result`` out),
so the local process pool and Ray run exactly the same work. A unit whose workbook is broken,
or whose solve failed twice, is kept in the run with its reason: never silently missing.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from roster.city.allocate import Allocation, allocate
from roster.city.executor import Executor, LocalExecutor
from roster.city.final import with_pool
from roster.city.folder import City, FileProblem, read_city
from roster.city.pool import Pool, Unit
from roster.data import Assignment, ProblemData
from roster.result import Result, Status
from roster.solver import solve


@dataclass(frozen=True)
class UnitTask:
    """One unit's solve: everything it needs, nothing shared."""

    unit: str
    data: ProblemData
    time_limit: float
    seed: int
    hint: tuple[Assignment, ...] = ()


def solve_unit(task: UnitTask) -> Result:
    """A pure task: the same task gives the same roster (one solver thread, a fixed seed)."""
    return solve(
        task.data,
        time_limit=task.time_limit,
        workers=1,
        seed=task.seed,
        hint=list(task.hint) or None,
    )


@dataclass(frozen=True)
class AllocationTask:
    pool: Pool
    units: dict[str, ProblemData]
    results: dict[str, Result]
    time_limit: float
    seed: int


def allocate_task(task: AllocationTask) -> Allocation:
    """The allocation as a pure task: run by the executor like the unit solves, so it sees
    the same fixed hash seed (and gives the same allocation) on every engine."""
    return allocate(task.pool, task.units, task.results, task.time_limit, task.seed)


@dataclass
class UnitRun:
    unit: Unit
    problems: list[FileProblem] = field(default_factory=list)  # the workbook could not be read
    first: Result | None = None
    final: Result | None = None
    error: str = ""  # the solve failed after its retry

    @property
    def state(self) -> str:
        if self.problems:
            return "broken"
        if self.error:
            return "failed"
        if self.final is None:
            return "not solved"
        if self.final.status == Status.INFEASIBLE:
            return "infeasible"
        return "solved"


@dataclass
class CityRun:
    city: City
    units: dict[str, UnitRun]
    allocation: Allocation | None
    executor: str
    allocation_error: str = ""
    phases: dict[str, float] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        """Every unit solved and every pool row read: nothing left out of the run."""
        solved = all(u.state == "solved" for u in self.units.values())
        return self.city.complete and solved and not self.allocation_error

    @property
    def results(self) -> dict[str, Result]:
        return {uid: u.final for uid, u in self.units.items() if u.final is not None}


def _solve_all(
    executor: Executor, tasks: list[UnitTask], runs: Mapping[str, UnitRun], final: bool
) -> None:
    for task, outcome in zip(tasks, executor.map(solve_unit, tasks), strict=True):
        run = runs[task.unit]
        if not outcome.ok:
            run.error = f"{outcome.error} (after {outcome.attempts} attempts)"
        elif final:
            run.final = outcome.value
        else:
            run.first = outcome.value


def run_city(
    folder: str | Path,
    executor: Executor | None = None,
    time_limit: float | None = None,
    unit_time_limit: float | None = None,
    seed: int = 0,
) -> CityRun:
    """The whole run; raises ``CityInputError`` only when the pool workbook is unreadable."""
    executor = executor or LocalExecutor()
    clock = time.monotonic()
    city = read_city(folder)
    phases = {"read": time.monotonic() - clock}
    unit_limit = unit_time_limit or city.pool.unit_time_limit_s
    runs = {u.id: UnitRun(u, city.broken.get(u.id, [])) for u in city.pool.units}

    clock = time.monotonic()
    tasks = [UnitTask(uid, data, unit_limit, seed) for uid, data in city.units.items()]
    _solve_all(executor, tasks, runs, final=False)
    phases["unit solves"] = time.monotonic() - clock

    clock = time.monotonic()
    firsts = {
        uid: r.first
        for uid, r in runs.items()
        if r.first is not None and r.first.status != Status.INFEASIBLE
    }
    limit = time_limit or min(city.pool.settings.time_limit_s, 4 * unit_limit)
    task = AllocationTask(city.pool, {u: city.units[u] for u in firsts}, firsts, limit, seed)
    outcome = executor.map(allocate_task, [task])[0]
    allocation = outcome.value if outcome.ok else None
    phases["allocation"] = time.monotonic() - clock

    clock = time.monotonic()
    tasks = []
    for uid, first in ((u, r.first) for u, r in runs.items() if r.first is not None):
        sent = allocation.by_unit.get(uid, []) if allocation else []
        if not sent or first.status == Status.INFEASIBLE:
            runs[uid].final = first
            continue
        data = with_pool(city.units[uid], allocation.data, sent)
        hint = (*first.assignments, *sent)
        tasks.append(UnitTask(uid, data, unit_limit, seed, hint))
    _solve_all(executor, tasks, runs, final=True)
    phases["final solves"] = time.monotonic() - clock
    error = "" if outcome.ok else f"{outcome.error} (after {outcome.attempts} attempts)"
    return CityRun(city, runs, allocation, executor.description, error, phases)
