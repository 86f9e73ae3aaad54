"""The city run: read, roster every unit, allocate the pool, roster the units again.

Unit solves go through an ``Executor`` as pure tasks (a unit's data in, its ``Result`` out),
so the local process pool and Ray run exactly the same work. A unit whose workbook is broken,
or whose solve failed twice, is kept in the run with its reason: never silently missing.

A ``Control`` holds the run's deadline (the pool's ``time_limit_s``) and whether it was
interrupted; every solve and the allocation get their budget from what is left, and once it is
stopped no new task starts: the units not reached stay in the run as "not solved".
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from roster.city import allocate as allocation
from roster.city.allocate import SEP, Allocation
from roster.city.check import CityCheck
from roster.city.executor import SKIPPED, Executor, LocalExecutor, Outcome, Worker, peak_mb
from roster.city.final import with_pool
from roster.city.folder import City, FileProblem, read_city
from roster.city.pool import Unit
from roster.data import Assignment, ProblemData
from roster.result import Result, Status
from roster.solver import solve
from roster.verify import check

INTERRUPTED, OUT_OF_TIME = "interrupted", "time limit"


@dataclass
class Control:
    """The run's clock and its stop flag, shared with the executor through ``stopped``."""

    deadline: float  # time.monotonic() by which the run must be done
    interrupted: bool = False
    cut: str = ""  # why work was left undone, once some was

    def skipped(self) -> None:
        """A task was not run (or not finished) because the run stopped."""
        self.cut = self.cut or self.reason or OUT_OF_TIME

    def left(self) -> float:
        return self.deadline - time.monotonic()

    def interrupt(self) -> None:
        """What Ctrl-C and SIGTERM do: let the running tasks finish, start no new one."""
        self.interrupted = True

    @property
    def reason(self) -> str:
        if self.interrupted:
            return INTERRUPTED
        return OUT_OF_TIME if self.left() <= 0 else ""

    def stopped(self) -> bool:
        return bool(self.reason)

    def finished(self, index: int, outcome: Outcome) -> None:
        """Called by the executor after each task; a hook for a caller that watches progress."""

    def budget(self, limit: float, share: float = 1.0) -> float:
        """At most `limit` seconds, and no more than `share` of what is left of the run."""
        return max(min(limit, self.left() * share), 0.0)

    def wall_deadline(self) -> float:
        """The deadline on the wall clock, which a worker process (or another node) can read."""
        return time.time() + self.left()


@dataclass(frozen=True)
class UnitTask:
    """One unit's solve: everything it needs, nothing shared."""

    unit: str
    data: ProblemData
    time_limit: float
    seed: int
    hint: tuple[Assignment, ...] = ()
    deadline: float = math.inf  # time.time() after which the task must not run on


def solve_unit(task: UnitTask) -> Result | None:
    """A pure task: the same task gives the same roster (one solver thread, a fixed seed);
    None when it starts after the run's deadline."""
    limit = min(task.time_limit, task.deadline - time.time())
    if limit <= 0:
        return None
    return solve(
        task.data,
        time_limit=limit,
        workers=1,
        seed=task.seed,
        hint=list(task.hint) or None,
    )


@dataclass
class UnitRun:
    unit: Unit
    problems: list[FileProblem] = field(default_factory=list)  # the workbook could not be read
    first: Result | None = None
    final: Result | None = None
    error: str = ""  # the solve failed after its retry
    # Pool officers were allocated here but the final solve did not run (INTERRUPTED,
    # OUT_OF_TIME) or failed (its error): the unit keeps its first roster, the pool is withdrawn.
    unpooled: str = ""

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
    stopped: str = ""  # INTERRUPTED or OUT_OF_TIME when the run ended before its work was done
    workers: dict[str, list[Worker]] = field(default_factory=dict)  # phase -> each task's
    main_peak_mb: float = 0.0  # the main process's peak resident memory (ru_maxrss)
    checked: CityCheck | None = None  # the check across units of the written outputs

    @property
    def complete(self) -> bool:
        """Every unit solved and every pool row read: nothing left out of the run."""
        solved = all(u.state == "solved" and not u.unpooled for u in self.units.values())
        return self.city.complete and solved and not self.allocation_error and not self.stopped

    @property
    def results(self) -> dict[str, Result]:
        return {uid: u.final for uid, u in self.units.items() if u.final is not None}


def _solve_all(
    executor: Executor,
    tasks: list[UnitTask],
    runs: Mapping[str, UnitRun],
    final: bool,
    control: Control,
) -> list[Worker]:
    """Each task's outcome into its unit's run; returns where the tasks that finished ran."""
    outcomes = executor.map(solve_unit, tasks, control.stopped, control.finished)
    for task, outcome in zip(tasks, outcomes, strict=True):
        run = runs[task.unit]
        if outcome.skipped or (outcome.ok and outcome.value is None):
            control.skipped()
            continue
        if not outcome.ok:
            run.error = f"{outcome.error} (after {outcome.attempts} attempts)"
        elif final:
            run.final = outcome.value
        else:
            run.first = outcome.value
    return [o.worker for o in outcomes if o.worker is not None]


def _unit_tasks(
    units: Mapping[str, ProblemData], limit: float, seed: int, control: Control
) -> list[UnitTask]:
    deadline = control.wall_deadline()
    return [
        UnitTask(uid, data, control.budget(limit), seed, deadline=deadline)
        for uid, data in units.items()
    ]


def _allocate(
    executor: Executor,
    city: City,
    runs: Mapping[str, UnitRun],
    seed: int,
    control: Control,
    ran: list[Worker],
) -> Outcome:
    """The allocation on half of what is left (the final solves need the rest): each group's
    officers on its own units in parallel, then the whole pool warm-started from their union."""
    firsts = {
        uid: r.first
        for uid, r in runs.items()
        if r.first is not None and r.first.status != Status.INFEASIBLE
    }
    pool = city.pool
    problem = allocation.problem(pool, {u: city.units[u] for u in firsts}, firsts)
    limit = control.budget(min(pool.time_limit_s, 4 * pool.unit_time_limit_s), 0.5)
    parts = allocation.group_parts(problem, limit, seed)
    start = allocation.PartResult((), ())
    relaxed = None
    if len(parts) > 1:
        rounds = math.ceil(len(parts) / executor.slots)
        each = control.budget(limit, 0.4 / rounds)
        parts = [replace(p, time_limit=each) for p in parts]
        bound = allocation.bound_part(problem, each, seed)
        *outcomes, relaxed = executor.map(allocation.solve_part, [*parts, bound], control.stopped)
        ran += [o.worker for o in (*outcomes, relaxed) if o.worker]
        if any(o.skipped for o in outcomes):
            control.skipped()
            return SKIPPED
        failed = next((o for o in outcomes if not o.ok), None)
        if failed is not None:
            return failed
        start = allocation.union(problem, [o.value for o in outcomes])
    whole = allocation.whole_part(
        problem, start.assignments, control.budget(limit, 0.5), seed, grouped=len(parts) > 1
    )
    outcome = executor.map(allocation.solve_part, [whole], control.stopped)[0]
    ran += [outcome.worker] if outcome.worker else []
    if (outcome.skipped or not outcome.ok) and not start.assignments:
        if outcome.skipped:
            control.skipped()
        return outcome
    chosen = allocation.best(problem, start, outcome.value if outcome.ok else None)
    if relaxed is not None and relaxed.ok and not relaxed.skipped:
        chosen = allocation.with_bound(chosen, relaxed.value)
    try:
        return Outcome(allocation.finish(problem, chosen))
    except allocation.AllocationError as error:
        return Outcome(error=str(error))


def _final_tasks(
    city: City,
    runs: Mapping[str, UnitRun],
    allocation: Allocation | None,
    seed: int,
    control: Control,
) -> list[UnitTask]:
    """Units the pool was sent to, solved again with its officers; the rest keep their roster."""
    tasks = []
    for uid, first in ((u, r.first) for u, r in runs.items() if r.first is not None):
        sent = allocation.by_unit.get(uid, []) if allocation else []
        if not sent or first.status == Status.INFEASIBLE:
            runs[uid].final = first
            continue
        data = with_pool(city.units[uid], allocation.data, sent)
        hint = (*first.assignments, *sent)
        limit = control.budget(city.pool.unit_time_limit_s)
        tasks.append(UnitTask(uid, data, limit, seed, hint, control.wall_deadline()))
    return tasks


def _withdraw(
    allocation: Allocation | None, runs: Mapping[str, UnitRun], control: Control
) -> Allocation | None:
    """A unit sent pool officers whose final solve did not run or failed keeps its first
    roster, and the officers are not sent there: their rows leave the allocation (so they are
    in no `Allocation` row, no message and no officer's total), the unit's places stay short
    and its first roster's requests carry them to `Requests above`."""
    if allocation is None:
        return None
    withdrawn = set()
    for uid, sent in allocation.by_unit.items():
        run = runs[uid]
        if not sent or run.final is not None or run.first is None:
            continue
        run.unpooled = run.error or control.cut or OUT_OF_TIME
        run.error, run.final = "", run.first
        withdrawn.add(uid)
    if not withdrawn:
        return allocation
    kept = [a for a in allocation.assignments if a.area.split(SEP, 1)[0] not in withdrawn]
    by_unit = {u: [] if u in withdrawn else rows for u, rows in allocation.by_unit.items()}
    uncovered = check(allocation.data, kept).uncovered
    return replace(allocation, assignments=kept, by_unit=by_unit, uncovered=uncovered)


def run_city(
    folder: str | Path,
    executor: Executor | None = None,
    time_limit: float | None = None,
    unit_time_limit: float | None = None,
    seed: int = 0,
    control: Control | None = None,
) -> CityRun:
    """The whole run within `time_limit` (else the pool's `time_limit_s`) or until `control`
    is interrupted; raises ``CityInputError`` only when the pool workbook is unreadable."""
    executor = executor or LocalExecutor()
    clock = time.monotonic()
    city = read_city(folder)
    if unit_time_limit:
        city.pool = replace(city.pool, unit_time_limit_s=unit_time_limit)
    if time_limit:
        city.pool = replace(city.pool, time_limit_s=time_limit)
    control = control or Control(math.inf)
    control.deadline = min(control.deadline, clock + city.pool.time_limit_s)
    phases = {"read": time.monotonic() - clock}
    runs = {u.id: UnitRun(u, city.broken.get(u.id, [])) for u in city.pool.units}

    clock = time.monotonic()
    tasks = _unit_tasks(city.units, city.pool.unit_time_limit_s, seed, control)
    workers = {"unit solves": _solve_all(executor, tasks, runs, False, control)}
    phases["unit solves"] = time.monotonic() - clock

    clock = time.monotonic()
    workers["allocation"] = []
    outcome = _allocate(executor, city, runs, seed, control, workers["allocation"])
    allocation = outcome.value if outcome.ok and not outcome.skipped else None
    phases["allocation"] = time.monotonic() - clock

    clock = time.monotonic()
    final = _final_tasks(city, runs, allocation, seed, control)
    workers["final solves"] = _solve_all(executor, final, runs, True, control)
    allocation = _withdraw(allocation, runs, control)
    phases["final solves"] = time.monotonic() - clock
    error = "" if outcome.ok else f"{outcome.error} (after {outcome.attempts} attempts)"
    run = CityRun(city, runs, allocation, executor.description, error, phases, control.cut)
    run.workers, run.main_peak_mb = workers, peak_mb()
    return run
