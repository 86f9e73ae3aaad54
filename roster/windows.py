"""Close the start roster's last uncovered places by re-solving a window of days at a time.

At district size the whole model's coverage stage spends its first 15-40 s in presolve
before it even looks at the start roster, and then searches all 28 days at once for the
two or three places the greedy fill and its repair chains left. Around one gap the problem
is small: everyone, a week either side, the rest of the roster held as it is (its
variables fixed in a copy of the whole model, so every rule, History and the days beyond
the window still bind). CP-SAT solves such a window to optimality in 2-6 s. Measured on
the hard district, seed 4 (benchmarks/results/district.md): 3 places left after the
repair, 0 after three windows, 13 s; the whole model had taken 30-60 s, or not closed them.

A window that closes nothing is widened once (one that closes something is tried again
while it does); after that the gap is left to the coverage stage, which alone can prove
that a gap cannot be closed at all. Under load (62 % CPU, seed 1) the first window closed
6 of 8 places and ran out of its 15 s: counting that as a failure left 3 places open.

The same windows carry the stages below coverage on units too large for the whole model
(`improve_in_windows`): at district size the preferences stage's presolve outlasted its
share and it found nothing, so fairness, requests and continuity went unimproved.

`roster.solver` uses windows only beyond `WINDOW_WORK` work variables: on a ward the whole
model is quick and proves what it finds, and a ward short of people for real would spend
the windows' time on gaps nobody can close.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from roster.model.build import BuiltModel
from roster.model.objective import Tier

# Runs a solver on a model and returns its status: the caller's, so that Ctrl-C still stops it.
Run = Callable[[cp_model.CpSolver, cp_model.CpModel], int]

HALF_WIDTHS = (3, 7)  # days either side of the gap: one week, then two
WINDOW_SECONDS = 15.0  # the most one window may take
# Windows in a row that close nothing before the rest is left to the coverage stage: a unit
# short of people for real would otherwise spend the windows' whole share on its gaps.
FRUITLESS = 6


@dataclass(frozen=True)
class WindowSearch:
    """How each window is solved: CP-SAT's threads and seed, the caller's `run` (so that
    Ctrl-C still stops it), `stop()` to end early, and `better` to hear of each improvement."""

    workers: int
    seed: int
    run: Run
    stop: Callable[[], bool]
    better: Callable[[list[int]], None]


def gap_days(built: BuiltModel, values: list[int]) -> list[int]:
    """The days with an uncovered place in `values`, in order."""
    return sorted({d for (d, _s, _a), u in built.vars.uncovered.items() if values[u.index]})


def close_gaps_in_windows(
    built: BuiltModel, values: list[int], seconds: float, search: WindowSearch
) -> list[int]:
    """`values` (a whole solution of `built.model`) with fewer uncovered places where some
    window of days could close them, within `seconds`."""
    deadline = time.monotonic() + seconds
    uncovered = built.objective.uncovered.var.index
    # A window as long as the horizon is the coverage stage itself, which also proves.
    widths = [h for h in HALF_WIDTHS if 2 * h + 1 < len(built.vars.data.dates)]
    tried: dict[int, int] = {}  # gap day -> widths that closed nothing there
    fruitless = 0  # windows in a row that closed nothing: a unit truly short stops here
    while values[uncovered] and not search.stop() and fruitless < FRUITLESS:
        day = next((d for d in gap_days(built, values) if tried.get(d, 0) < len(widths)), None)
        left = left_of(deadline)
        if day is None or left < 1.0:
            break
        half = widths[tried.get(day, 0)]
        free = range(day - half, day + half + 1)
        window = _window(built, values, built.objective.uncovered.var, free)
        found, _proven = _solve(window, min(left, WINDOW_SECONDS), search)
        if found is not None and found[uncovered] < values[uncovered]:
            values, fruitless = found, 0  # tried again at this width while still short
            search.better(values)
        else:
            tried[day] = tried.get(day, 0) + 1  # a wider window may reach further
            fruitless += 1
    return values


def improve_in_windows(
    built: BuiltModel,
    values: list[int],
    tiers: Sequence[tuple[int, Tier]],
    seconds: float,
    search: WindowSearch,
) -> list[int]:
    """`values` improved on the weighted `tiers` a week of days at a time, windows swept
    across the horizon from a seeded offset, until `seconds` pass or a whole sweep of
    windows each proven optimal changes nothing (no window can improve it then)."""
    deadline = time.monotonic() + seconds
    objective = sum(weight * tier.var for weight, tier in tiers)
    days, half = len(built.vars.data.dates), HALF_WIDTHS[0]
    # The tiers' own variables as the roster makes them: a stage that did not count a tier
    # left its variables anywhere (a fairness peak of 784 shifts), and the first windows
    # would otherwise "improve" only that.
    found, _proven = _solve(_window(built, values, objective, range(0)), left_of(deadline), search)
    if found is not None and score(tiers, found) < score(tiers, values):
        values = found
        search.better(values)
    rng = random.Random(search.seed)
    settled = 0  # windows in a row proven unable to improve
    centres: list[int] = []
    while not search.stop() and settled < len(range(0, days, half + 1)):
        left = left_of(deadline)
        if left < 1.0:
            break
        if not centres:
            offset = rng.randrange(half + 1)
            centres = list(range(offset, days, half + 1))
        day = centres.pop(0)
        window = _window(built, values, objective, range(day - half, day + half + 1))
        found, proven = _solve(window, min(left, WINDOW_SECONDS), search)
        if found is not None and score(tiers, found) < score(tiers, values):
            values, settled = found, 0
            search.better(values)
        else:
            settled = settled + 1 if proven else 0
    return values


def left_of(deadline: float) -> float:
    """Seconds until `deadline`, never quite 0 (a CP-SAT time limit must be positive)."""
    return max(deadline - time.monotonic(), 0.05)


def score(tiers: Sequence[tuple[int, Tier]], values: list[int]) -> int:
    """The weighted sum of `tiers` in a whole solution."""
    return sum(weight * values[tier.var.index] for weight, tier in tiers)


def _window(
    built: BuiltModel, values: list[int], objective: cp_model.LinearExprT, free: range
) -> cp_model.CpModel:
    """A copy of the whole model minimising `objective`, with every work and head-count
    variable of a day outside `free` fixed to `values` (all of them for an empty range),
    and `values` as its hint."""
    v = built.vars
    model = built.model.clone()
    model.minimize(objective)
    proto = model.proto
    outside = [var for (_p, d, _s, _m), var in v.work.items() if d not in free]
    for key, by_class in v.count.items():
        if key[0] not in free:
            outside += by_class.values()
    for var in outside:
        domain = proto.variables[var.index].domain
        domain.clear()
        domain.extend([values[var.index], values[var.index]])
    model.clear_hints()
    proto.solution_hint.vars.extend(range(len(values)))
    proto.solution_hint.values.extend(values)
    return model


def _solve(
    model: cp_model.CpModel, seconds: float, search: WindowSearch
) -> tuple[list[int] | None, bool]:
    """The window's solution (or None) and whether it is proven optimal."""
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = search.workers
    solver.parameters.random_seed = search.seed
    solver.parameters.catch_sigint_signal = False
    code = search.run(solver, model)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, False
    return list(solver.response_proto.solution), code == cp_model.OPTIMAL
