"""solve(data) -> Result: build the model, solve it in lexicographic stages, name the places,
plan the requested reinforcements, and check the roster independently before returning it.

Stages: (1) uncovered places; (2) peak requested places per day, named reinforcement
shifts (district before city) and shifts beyond demand, with dominating weights;
(3) requests, fairness and continuity with the `Settings` weights. Each stage keeps the
previous stage's value as a constraint and starts from its roster as a hint. Coverage is
proven without a search when the start roster leaves no gap; a stage below it stops at the
`tier_gap` setting. Progress and reports decode each stage into its tiers (`tier_figures`).
"""

from __future__ import annotations

import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ortools.sat.python import cp_model

from roster.data import Assignment, Mode, Origin, ProblemData
from roster.errors import InternalError, Interrupted
from roster.explain import capacity_notes, explain_gaps, gap_reasons, group_requests
from roster.findings import format_report
from roster.model.build import BuiltModel, build_model
from roster.model.hint import add_hint, complete_hint
from roster.model.naming import name_places
from roster.model.objective import Objective, Tier
from roster.model.requested import plan_requested
from roster.model.workrest import WorkRestRules
from roster.result import ModelFigures, RequestedPerson, Result, StageReport, Status, TierFigure
from roster.verify import check
from roster.windows import WindowSearch, close_gaps_in_windows, improve_in_windows, score

# The workers of a tier stage when there are 4 or fewer: max_lp proves bounds, default_lp
# finds rosters (the benchmark search picks its own, bench/lns.py PART_SUBSOLVERS).
STAGE_SUBSOLVERS = ("max_lp", "default_lp")
# Work variables beyond which the solve works a window of days at a time (`roster.windows`):
# the start's last gaps, then the stages below coverage. At district size (400 x 28 x 3) the
# whole model's coverage stage took 30-70 s over a few places and its preferences stage
# found nothing in its share; a ward's whole model is quick, and proves what it finds.
WINDOW_WORK = 20_000
# The most of the time limit the windows may take to close the start's last gaps.
WINDOW_SHARE = 0.5


@dataclass(frozen=True)
class ProgressEvent:
    """A better roster found. `objective` and `bound` are the stage's internal weighted sum;
    what people read is `tiers`, this stage's tiers, each in its own unit with what is
    proven of it, after `settled`, the earlier stages' tiers as those stages ended."""

    stage: str
    elapsed: float
    objective: int
    bound: int
    tiers: tuple[TierFigure, ...] = ()
    lexicographic: bool = True  # False: a weighted stage, whose tiers have no own bounds
    settled: tuple[TierFigure, ...] = ()


@dataclass(frozen=True)
class StagePlan:
    """One stage: what it minimises, its share of the time left, and its tiers, leading
    first, with their weights in `expr`. In a lexicographic stage each weight exceeds all
    the tiers after it can reach, so the stage's bound decodes tier by tier; in a weighted
    one (the preferences) no tier has a bound of its own."""

    name: str
    expr: Any
    share: float
    tiers: tuple[tuple[int, Tier], ...]
    lexicographic: bool


ProgressFn = Callable[[ProgressEvent], None]


class SolveControl:
    """Lets a signal handler stop the search; the best roster so far is still returned."""

    def __init__(self) -> None:
        self.interrupted = False
        self.searching = False  # a solver thread is running: it cannot be unwound by an exit

    def stop(self) -> None:
        """Only a flag, safe in a signal handler: the waiting main thread stops the search.

        (Calling ``stop_search`` here could deadlock on the solver's lock when the handler
        runs while the main thread is inside ``stop_search`` itself.)
        """
        self.interrupted = True


def tier_figures(
    plan: StagePlan, read: Callable[[cp_model.IntVar], int], bound: int
) -> tuple[TierFigure, ...]:
    """The stage's tiers in their own units, from a solution (`read`) and the stage's bound.

    Lexicographic stage: the leading tier's bound is `bound // weight`; while a tier meets
    its bound it is proven, and what is left of the bound (`bound - weight * value`) bounds
    the next tier the same way (any roster with the tiers before at their optimum has at
    least that much). After the first tier not proven, nothing is known of the rest.
    """
    figures = []
    rest: int | None = bound if plan.lexicographic else None
    for weight, tier in plan.tiers:
        value = read(tier.var)
        least = None if rest is None else max(rest // weight, 0)
        if least is None and value == 0:
            least = 0  # no tier goes below 0
        parts = tuple((p.name, round(read(p.var) / p.per)) for p in tier.parts)
        figures.append(TierFigure(tier.name, value, least, parts))
        rest = None if rest is None or value > least else rest - weight * value
    return tuple(figures)


class _Progress(cp_model.CpSolverSolutionCallback):
    def __init__(
        self,
        plan: StagePlan,
        settled: tuple[TierFigure, ...],
        t0: float,
        report: ProgressFn | None,
    ):
        super().__init__()
        self.plan, self.settled, self.t0, self.report = plan, settled, t0, report

    def on_solution_callback(self) -> None:
        if self.report:
            bound = round(self.best_objective_bound)
            figures = tier_figures(self.plan, self.value, bound)
            self.report(
                ProgressEvent(
                    self.plan.name,
                    time.monotonic() - self.t0,
                    round(self.objective_value),
                    bound,
                    figures,
                    self.plan.lexicographic,
                    self.settled,
                )
            )


def _hint_all(model: cp_model.CpModel, values: list[int]) -> None:
    model.clear_hints()
    proto = model.proto
    proto.solution_hint.vars.extend(range(len(values)))
    proto.solution_hint.values.extend(values)


def stage_plans(objective: Objective, mode: str) -> list[StagePlan]:
    """The stages in order: coverage, team separation (when teams are kept apart, softly),
    the strict tiers, the preferences (or one weighted stage for `objective = weighted`)."""
    soft = tuple(objective.soft)
    if mode == "weighted":
        assert objective.cover is not None
        tiers = ((1, objective.cover), *soft)
        return [StagePlan("weighted", objective.weighted_expr(), 0.92, tiers, False)]
    uncovered = ((1, objective.uncovered),)
    teams = (
        [StagePlan("teams", objective.team.var, 0.5, ((1, objective.team),), True)]
        if objective.team is not None
        else []
    )
    return [
        # Uncovered places come first: at district size a later stage cannot even finish its
        # presolve in what is left, so coverage takes most of the time (it stops at once when
        # proven; benchmarks/results/district.md).
        StagePlan("uncovered", objective.uncovered.var, 0.9, uncovered, True),
        *teams,
        StagePlan(
            "reinforcements",
            objective.strict_expr(),
            0.65,
            tuple(objective.strict_weights()),
            True,
        ),
        StagePlan("preferences", objective.soft_expr(), 0.92, soft, False),
    ]


@dataclass(frozen=True)
class _Search:
    """What every stage of one solve shares."""

    workers: int
    seed: int
    tier_gap: float
    control: SolveControl
    t0: float
    progress: ProgressFn | None


def _stage(
    built: BuiltModel,
    plan: StagePlan,
    seconds: float,
    search: _Search,
    settled: tuple[TierFigure, ...],
) -> tuple[StageReport, list[int] | None]:
    model = built.model
    model.minimize(plan.expr)
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.max_time_in_seconds = max(seconds, 0.05)
    params.num_workers = search.workers
    params.random_seed = search.seed
    params.log_search_progress = bool(os.environ.get("ROSTER_SOLVER_LOG"))
    if plan.name != "uncovered":
        # Coverage is always proven; a tier below it may stop this close to its bound.
        params.relative_gap_limit = search.tier_gap
    if search.workers <= 4:
        # With few threads the default portfolio has no worker that proves bounds: the
        # fairness tier then stays "feasible" even on a 6-person week. max_lp proves it.
        params.subsolvers.extend(STAGE_SUBSOLVERS)
    # CP-SAT would otherwise swallow Ctrl-C itself, ending only the stage, unmarked.
    params.catch_sigint_signal = False
    if plan.name == "uncovered":
        # Probing took half of the coverage stage's presolve at district size (20 of 43 s
        # on a loaded machine) before the warm start was even looked at.
        params.cp_model_probing_level = 0
    start = time.monotonic()
    callback = _Progress(plan, settled, search.t0, search.progress)
    code = _solve_in_thread(solver, model, callback, search.control)
    found = code in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    if not found:
        status = solver.status_name(code).lower()
        return StageReport(plan.name, status, 0, 0, time.monotonic() - start), None
    objective, bound = round(solver.objective_value), round(solver.best_objective_bound)
    values = list(solver.response_proto.solution)
    # CP-SAT says OPTIMAL when it stops at the gap limit: only a met bound is proven.
    proven = code == cp_model.OPTIMAL and objective <= bound
    report = StageReport(
        name=plan.name,
        status="optimal" if proven else "feasible",
        objective=objective,
        bound=bound,
        seconds=time.monotonic() - start,
        tiers=tier_figures(plan, lambda var: values[var.index], bound),
        lexicographic=plan.lexicographic,
    )
    return report, values


def _window_search(
    search: _Search, plan: StagePlan, settled: tuple[TierFigure, ...] = ()
) -> WindowSearch:
    """The windows' view of this solve: its threads and seed, its Ctrl-C, and progress
    lines for `plan` (with no bound: a window proves nothing of the whole)."""

    def better(values: list[int]) -> None:
        if search.progress:
            figures = tier_figures(plan, lambda var: values[var.index], 0)
            elapsed = time.monotonic() - search.t0
            value = score(plan.tiers, values)
            lexicographic = plan.lexicographic
            search.progress(
                ProgressEvent(plan.name, elapsed, value, 0, figures, lexicographic, settled)
            )

    def run(solver: cp_model.CpSolver, model: cp_model.CpModel) -> Any:
        return _solve_in_thread(solver, model, None, search.control)

    return WindowSearch(
        search.workers, search.seed, run, lambda: search.control.interrupted, better
    )


def _stage_in_windows(
    built: BuiltModel,
    plan: StagePlan,
    seconds: float,
    search: _Search,
    settled: tuple[TierFigure, ...],
    values: list[int],
) -> tuple[StageReport, list[int]]:
    """A stage below coverage on a unit too large for the whole model: the previous stage's
    roster improved a week at a time (`roster.windows`). Nothing is proven of it."""
    start = time.monotonic()
    window = _window_search(search, plan, settled)
    found = improve_in_windows(built, values, plan.tiers, seconds, window)
    report = StageReport(
        name=plan.name,
        status="feasible",
        objective=score(plan.tiers, found),
        bound=0,
        seconds=time.monotonic() - start,
        tiers=tier_figures(plan, lambda var: found[var.index], 0),
        lexicographic=plan.lexicographic,
    )
    return report, found


def _proven_by_start(
    plan: StagePlan, start: list[int] | None, seconds: float
) -> tuple[StageReport | None, list[int] | None]:
    """The coverage stage, already decided when the start roster leaves no place uncovered:
    0 is the least any roster can leave, so it is proven without a search (whose presolve
    alone takes seconds of a short time limit)."""
    if plan.name != "uncovered" or start is None or start[plan.expr.index] != 0:
        return None, None
    figure = TierFigure(plan.name, 0, 0)
    return StageReport(plan.name, "optimal", 0, 0, seconds, (figure,)), start


def _solve_in_thread(
    solver: cp_model.CpSolver,
    model: cp_model.CpModel,
    callback: cp_model.CpSolverSolutionCallback | None,
    control: SolveControl,
) -> Any:
    """Solve in a helper thread while the main thread waits in short steps.

    Python runs signal handlers only in the main thread and only between bytecodes, never
    during the long C++ call: waiting here lets Ctrl-C and SIGTERM stop the search at once.
    A stop that came before the search started is repeated until the search sees it.
    """
    outcome: list[Any] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(solver.solve(model, callback))
        except BaseException as error:  # handed to the main thread below
            failure.append(error)

    worker = threading.Thread(target=run, name="cp-sat", daemon=True)
    control.searching = True
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.1)
            if control.interrupted:
                solver.stop_search()
    finally:
        control.searching = worker.is_alive()
    if failure:
        raise failure[0]
    return outcome[0]


def solve(
    data: ProblemData,
    time_limit: float | None = None,
    workers: int = 2,
    seed: int = 0,
    hint: list[Assignment] | None = None,
    previous: list[Assignment] | None = None,
    progress: ProgressFn | None = None,
    control: SolveControl | None = None,
) -> Result:
    """Solve within `time_limit` seconds (default: the `time_limit_s` setting).

    `hint`: a roster to start the search from. `previous`: an announced roster to change as
    little as possible (a tier right after coverage and the requested reinforcements); it
    is also the hint when no other is given.
    """
    t0 = time.monotonic()
    limit = data.settings.time_limit_s if time_limit is None else time_limit
    deadline = t0 + limit
    control = control or SolveControl()
    built = build_model(data, previous)
    v, obj = built.vars, built.objective
    rules = WorkRestRules(data)  # the work-rest view: the greedy hint, requested people, gaps
    notes = capacity_notes(data, v)
    add_hint(data, built, hint or previous, rules)
    start = complete_hint(built, min(10.0, 0.1 * limit))
    plans = stage_plans(obj, data.settings.objective)
    search = _Search(workers, seed, data.settings.tier_gap, control, t0, progress)
    if start is not None and plans[0].name == "uncovered":
        # The start's uncovered places on the progress line: when it leaves none, coverage
        # is proven there and then. A re-plan keeps its announced roster as the start: a
        # window would move people for coverage alone, before the changes are counted.
        window = _window_search(search, plans[0])
        window.better(start)
        if previous is None and len(v.work) > WINDOW_WORK:
            start = close_gaps_in_windows(built, start, WINDOW_SHARE * limit, window)
    if start is not None:
        _hint_all(built.model, start)
    started = time.monotonic() - t0  # the start roster's time: what coverage took if it is 0

    stages: list[StageReport] = []
    values: list[int] | None = None
    for plan in plans:
        left = deadline - time.monotonic()
        if left <= 0 or control.interrupted:
            break
        settled = tuple(f for s in stages for f in s.tiers)
        report, found = (None, None) if stages else _proven_by_start(plan, start, started)
        if report is None:
            for _weight, tier in plan.tiers:
                for cut in tier.cuts:
                    cut()
            if values is not None and len(v.work) > WINDOW_WORK:
                report, found = _stage_in_windows(
                    built, plan, left * plan.share, search, settled, values
                )
            else:
                report, found = _stage(built, plan, left * plan.share, search, settled)
        if found is None:
            if values is None and report.status == "infeasible":
                return _infeasible(data, t0, notes, report)
            break
        stages.append(report)
        values = found
        built.model.add(plan.expr <= report.objective)
        _hint_all(built.model, values)
    if values is None and start is not None:
        # The solver found nothing in time (a very large unit): the greedy roster, which
        # obeys every rule, is still a roster; its gaps are requested like any others.
        values = start
        gaps = start[obj.uncovered.var.index]
        figure = TierFigure(obj.uncovered.name, gaps)
        stages.append(StageReport("greedy", "feasible", gaps, 0, 0.0, (figure,)))
    if values is None and control.interrupted:
        raise Interrupted("stopped before any roster was found; nothing written")
    if values is None:
        raise InternalError("the solver found no roster within the time limit; raise --time-limit")

    assignments, uncovered_places = _extract(data, built, values, previous)
    report = check(data, assignments)
    if report.violations or report.uncovered > sum(uncovered_places.values()):
        raise InternalError(
            "the independent checker disagrees with the model:\n"
            + format_report(report, data)
            + f"\nmodel uncovered={sum(uncovered_places.values())}, checker={report.uncovered}"
        )
    # A stage stopped early may leave a place's slack above its true shortfall: the
    # checker's gaps are exact.
    day_index = {day: d for d, day in enumerate(data.dates)}
    uncovered_places = defaultdict(int)
    for g in report.gaps:
        uncovered_places[(day_index[g.date], g.shift, g.area)] += g.missing
    budget = 0.5 if control.interrupted else max(min(5.0, deadline - time.monotonic()), 0.5)
    people = plan_requested(data, rules, uncovered_places, budget)
    requested = _label_requested(data, people)
    explanations = explain_gaps(data, v, rules, assignments, report.gaps, requested)
    complete = len(stages) == len(plans) and all(s.status == "optimal" for s in stages)
    status = (
        Status.INTERRUPTED
        if control.interrupted
        else Status.OPTIMAL
        if complete
        else Status.FEASIBLE
    )
    tiers = {**_tier_values(built, values), "requested_people": len(requested)}
    return Result(
        data=data,
        status=status,
        assignments=tuple(assignments),
        gaps=report.gaps,
        gap_reasons=gap_reasons(data, explanations),
        requested=tuple(requested),
        requests=tuple(group_requests(data, requested, explanations)),
        stages=tuple(stages),
        tiers=tiers,
        seconds=time.monotonic() - t0,
        capacity_notes=tuple(notes),
        model=_model_figures(data, built, values),
    )


def _infeasible(data: ProblemData, t0: float, notes: list[str], stage: StageReport) -> Result:
    """Hard rules contradict each other (Fixed rows against work-rest rules and History)."""
    return Result(
        data=data,
        status=Status.INFEASIBLE,
        assignments=(),
        gaps=(),
        gap_reasons={},
        requested=(),
        requests=(),
        stages=(stage,),
        tiers={},
        seconds=time.monotonic() - t0,
        capacity_notes=tuple(notes),
    )


def _tier_values(built: BuiltModel, values: list[int]) -> dict[str, int]:
    """Each tier's value on the final solution, for the summary."""
    return {t.name: values[t.var.index] for t in built.objective.tiers()}


def _model_figures(data: ProblemData, built: BuiltModel, values: list[int]) -> ModelFigures:
    """The model's own uncovered places, head counts and work, as dates and ids."""
    v, day = built.vars, data.dates
    staff: dict[tuple, int] = defaultdict(int)
    for (d, s, a, m), by_class in v.count.items():
        staff[(day[d], s, a, m.value)] += sum(values[var.index] for var in by_class.values())
    return ModelFigures(
        uncovered={(day[d], s, a): values[u.index] for (d, s, a), u in v.uncovered.items()},
        staff=dict(staff),
        worked=frozenset(
            (p, day[d], s, m.value) for (p, d, s, m), var in v.work.items() if values[var.index]
        ),
    )


def _extract(
    data: ProblemData, built: BuiltModel, values: list[int], previous: list[Assignment] | None
) -> tuple[list[Assignment], dict[tuple[int, str, str], int]]:
    v = built.vars
    working: dict[tuple[int, str, Mode], list[str]] = defaultdict(list)
    for (p, d, s, m), var in v.work.items():
        if values[var.index]:
            working[(d, s, m)].append(p)
    counts = {
        key: {cls: values[var.index] for cls, var in by.items()} for key, by in v.count.items()
    }
    uncovered = {key: values[var.index] for key, var in v.uncovered.items() if values[var.index]}
    return name_places(data, v, working, counts, previous), uncovered


def _label_requested(data: ProblemData, people) -> list[RequestedPerson]:
    """Origins in `request_order`, each up to its cap (0 = no cap)."""
    caps = {
        Origin.DISTRICT: data.settings.request_cap_district,
        Origin.CITY: data.settings.request_cap_city,
    }
    order = list(data.settings.request_order) or [Origin.DISTRICT]
    out = []
    taken: dict[Origin, int] = defaultdict(int)
    for person in people:
        origin = next((o for o in order if not caps.get(o) or taken[o] < caps[o]), order[-1])
        taken[origin] += 1
        out.append(
            RequestedPerson(
                label=f"{origin.value}-{taken[origin]}",
                origin=origin,
                places=tuple((data.dates[d], s, a) for d, s, a in person.places),
            )
        )
    return out
