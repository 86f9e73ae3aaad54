"""Large-neighbourhood search around CP-SAT, for rosters too large to solve whole in time.

A first full solve gives a roster and the bound that is reported. Then, until the time
is up: free the work variables of a neighbourhood (a window of days for everyone, a group
of people over the whole horizon, or a group over a window), fix every other work
variable to its value by narrowing its domain in place, hint the whole roster, and let
CP-SAT re-optimise; keep the result when it is better. The neighbourhood grows while
sub-problems are solved to optimality and shrinks when they time out, so each step stays
a few seconds long. Every rule involves one person, or one (day, shift) cell, so any
mix of fixed and re-optimised schedules stays feasible.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from roster.model.build import BuiltModel

SMALL_PORTFOLIO = ("max_lp", "quick_restart")  # one worker proves bounds, one finds rosters


@dataclass
class SearchResult:
    values: list[int] | None
    objective: int
    bound: int
    status: str  # optimal, feasible, infeasible or unknown
    steps: int = 0
    improvements: int = 0


def _solver(seconds: float, workers: int, seed: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.max_time_in_seconds = max(seconds, 0.05)
    params.num_workers = workers
    params.random_seed = seed
    if workers <= 4:
        params.subsolvers.extend(SMALL_PORTFOLIO[:workers])
    return solver


def _set_hint(model: cp_model.CpModel, values: list[int]) -> None:
    model.clear_hints()
    hint = model.proto.solution_hint
    hint.vars.extend(range(len(values)))
    hint.values.extend(values)


class _Neighbourhoods:
    """Random (person, day) sets to free, and an adaptive target size."""

    def __init__(self, built: BuiltModel, rng: random.Random) -> None:
        self.rng = rng
        self.people = [p.id for p in built.vars.data.people]
        self.days = built.vars.data.settings.days
        self.by_cell: dict[tuple[str, int], list[int]] = defaultdict(list)
        for (p, d, _s, _m), var in built.vars.work.items():
            self.by_cell[(p, d)].append(var.index)
        per_cell = max(len(built.vars.work) / max(len(self.by_cell), 1), 1.0)
        self.size = min(len(self.by_cell), max(60.0, 1200 / per_cell))  # free (person, day)s

    def pick(self) -> set[tuple[str, int]]:
        n_people, n_days = len(self.people), self.days
        target = int(self.size)
        kind = self.rng.random()
        if kind < 0.35:  # a window of days, everyone
            width = max(1, min(n_days, target // n_people))
            people = self.people
        elif kind < 0.7:  # a group of people, whole horizon
            width = n_days
            people = self.rng.sample(self.people, max(1, min(n_people, target // n_days)))
        else:  # a group of people over a window
            width = max(7, min(n_days, self.rng.choice((14, 28, 56))))
            k = max(1, min(n_people, target // width))
            people = self.rng.sample(self.people, k)
        first = self.rng.randrange(0, n_days - width + 1)
        return {(p, d) for p in people for d in range(first, first + width)}

    def grow(self) -> None:
        self.size = min(self.size * 1.25, len(self.by_cell))

    def shrink(self) -> None:
        self.size = max(self.size * 0.8, 10)


def optimise(
    built: BuiltModel,
    expr: cp_model.LinearExprT,
    seconds: float,
    workers: int = 2,
    seed: int = 0,
    first_share: float = 0.3,
    report: Callable[[str], None] | None = None,
) -> SearchResult:
    """Minimise `expr` on the built model within `seconds`: a full solve, then LNS."""
    t0 = time.monotonic()
    deadline = t0 + seconds
    model = built.model
    total = model.new_int_var(-(2**40), 2**40, "lns_objective")
    model.add(total == expr)
    model.minimize(total)
    solver = _solver(seconds * first_share, workers, seed)
    code = solver.solve(model)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        # No roster yet: give the full solve the rest of the time before giving up.
        left = deadline - time.monotonic()
        if left > 1 and code == cp_model.UNKNOWN:
            solver = _solver(left, workers, seed)
            code = solver.solve(model)
        if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            status = "infeasible" if code == cp_model.INFEASIBLE else "unknown"
            return SearchResult(None, 0, 0, status)
    values = list(solver.response_proto.solution)
    best = round(solver.objective_value)
    bound = round(solver.best_objective_bound)
    if code == cp_model.OPTIMAL:
        return SearchResult(values, best, best, "optimal")
    result = _search(built, total, values, best, bound, deadline, workers, seed, report)
    result.status = "optimal" if result.objective <= bound else "feasible"
    return result


def _search(
    built: BuiltModel,
    total: cp_model.IntVar,
    values: list[int],
    best: int,
    bound: int,
    deadline: float,
    workers: int,
    seed: int,
    report: Callable[[str], None] | None,
) -> SearchResult:
    model = built.model
    domains = model.proto.variables
    rng = random.Random(seed)
    hoods = _Neighbourhoods(built, rng)
    step_seconds = 1.0
    steps = improvements = 0
    while best > bound:
        left = deadline - time.monotonic()
        if left < 0.5:
            break
        free = hoods.pick()
        fixed = [
            (i, values[i]) for cell, idx in hoods.by_cell.items() if cell not in free for i in idx
        ]
        for i, value in fixed:
            domains[i].domain[0] = value
            domains[i].domain[1] = value
        _set_hint(model, values)
        solver = _solver(min(step_seconds, left), workers, seed + steps)
        domains[total.index].domain[1] = best  # only rosters as good or better
        code = solver.solve(model)
        for i, _value in fixed:
            domains[i].domain[0] = 0
            domains[i].domain[1] = 1
        steps += 1
        if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            found = round(solver.objective_value)
            if found < best:
                best, values = found, list(solver.response_proto.solution)
                improvements += 1
                if report:
                    report(f"step {steps}: {best} ({len(free)} person-days free)")
        if code in (cp_model.OPTIMAL, cp_model.INFEASIBLE):
            hoods.grow()  # the neighbourhood was searched through: try a larger one
        else:
            hoods.shrink()
    _set_hint(model, values)
    return SearchResult(values, best, bound, "feasible", steps, improvements)
