"""Send the pool where the units still fall short: one CP-SAT model over every unit at once.

The model is the roster model itself (``roster.model.build_model``) on one ``ProblemData``
whose people are the pool officers, whose areas are the (unit, area) places left short
(``HTD/CHOT-1``), whose shifts are the city's shifts (one shift id with different times in
two units becomes two shifts, ``HTD/N``), and whose requirements are what each place still
lacks. So one shift a day, rest, runs of days and weekly caps hold across moves between
units without a rule being written twice. On top of it, this module adds only what a city
has and a unit does not:

- which unit each officer stands in each day (``z``), tied to the model's head counts per
  cell and class, with each officer's `units` list;
- ``min_stay_days``: a stay in a unit (a run of duty days there) that ends with a move to
  another unit is at least that long; a stay cut by the horizon's end may be shorter;
- unit priority: uncovered places weighted so that a place of a higher priority (1 first)
  outweighs every place of the lower ones;
- then, in a second stage that keeps the first one's value, own group first, fewer moves,
  and no shift that fills nothing.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from roster.city.pool import Pool, Unit
from roster.data import Area, Assignment, Mode, ProblemData, Requirement, Shift
from roster.findings import Gap, format_report
from roster.model.build import build_model
from roster.model.variables import Variables
from roster.result import Result
from roster.verify import check

SEP = "/"
MAX_WEIGHT = 2**30  # times the preferences scale (under 2**20), still far inside int64
GROUP_WEIGHT = 10  # one day outside the officer's group costs ten moves, or ten shifts


class AllocationError(Exception):
    """The independent checker found a broken rule in the allocation: never hand it out."""


@dataclass(frozen=True)
class Stage:
    name: str
    status: str
    objective: int
    bound: int
    seconds: float

    @property
    def gap(self) -> float:
        if self.objective == self.bound:
            return 0.0
        return abs(self.objective - self.bound) / max(abs(self.objective), 1)


@dataclass
class Allocation:
    """Where each pool officer goes, as city rows and as each unit's own rows."""

    data: ProblemData  # the pool's problem: officers, (unit, area) places, city shifts
    assignments: list[Assignment]  # city ids: shift `HTD/N` or `N`, area `HTD/CHOT-1`
    by_unit: dict[str, list[Assignment]]  # the unit's own shift and area ids
    stages: list[Stage] = field(default_factory=list)
    demand: int = 0  # places short before the pool
    uncovered: int = 0  # places still short after it

    @property
    def filled(self) -> int:
        return self.demand - self.uncovered

    @property
    def bound(self) -> int:
        return self.stages[0].bound if self.stages else 0

    @property
    def objective(self) -> int:
        return self.stages[0].objective if self.stages else 0

    @property
    def gap(self) -> float:
        return self.stages[0].gap if self.stages else 0.0


# ---------------------------------------------------------------------------- the problem


def city_shifts(units: Mapping[str, ProblemData]) -> tuple[list[Shift], dict[tuple[str, str], str]]:
    """The city's shifts and each (unit, shift id)'s city id: same id and times, same shift."""
    definitions: dict[str, list[tuple[tuple, str, Shift]]] = defaultdict(list)
    for uid, data in units.items():
        for s in data.shifts:
            times = (s.start, s.end, s.night)
            if all(times != t for t, _u, _s in definitions[s.id]):
                definitions[s.id].append((times, uid, s))
    shifts: list[Shift] = []
    ids: dict[tuple[str, str], str] = {}
    for sid, variants in definitions.items():
        for times, first, s in variants:
            city_id = sid if len(variants) == 1 else f"{first}{SEP}{sid}"
            shifts.append(Shift(id=city_id, name=s.name, start=s.start, end=s.end, night=s.night))
            for uid, data in units.items():
                own = data.shift_by_id.get(sid)
                if own is not None and (own.start, own.end, own.night) == times:
                    ids[(uid, sid)] = city_id
    return shifts, ids


def strictest(pool: Pool, units: Mapping[str, ProblemData]) -> dict[str, object]:
    """The pool's work-rest settings, tightened to the strictest unit's: an officer's shifts
    must also pass the check of each unit roster they appear in."""
    rules = [pool.settings, *(d.settings for d in units.values())]
    return {
        "min_rest_hours": max(s.min_rest_hours for s in rules),
        "max_consecutive_days": min(s.max_consecutive_days for s in rules),
        "max_shifts_per_week": min(s.max_shifts_per_week for s in rules),
        "max_nights_per_week": min(s.max_nights_per_week for s in rules),
    }


def _gap_rows(uid: str, gap: Gap, shift: str, row: int) -> list[Requirement]:
    """What the place still lacks: `missing` people, its police and skills, and no more."""
    skills = gap.missing_skills or (None,)
    return [
        Requirement(
            row=row,
            area=f"{uid}{SEP}{gap.area}",
            shift=shift,
            date_from=gap.date,
            date_to=gap.date,
            min_staff=gap.missing,
            min_police=min(gap.short_police, gap.missing),
            skill=skill,
            max_staff=gap.missing,
            mode=Mode(gap.mode),
        )
        for skill in skills
    ]


def pool_problem(
    pool: Pool, units: Mapping[str, ProblemData], results: Mapping[str, Result]
) -> tuple[ProblemData, dict[tuple[str, str], str]]:
    """The pool officers against every short place of every unit, on the pool's horizon."""
    shifts, shift_ids = city_shifts(units)
    first, last = pool.settings.start_date, pool.settings.end_date
    areas: dict[str, Area] = {}
    requirements: list[Requirement] = []
    for uid, result in results.items():
        data = units[uid]
        for gap in result.gaps:
            if not first <= gap.date <= last:
                continue
            area = data.area_by_id[gap.area]
            aid = f"{uid}{SEP}{gap.area}"
            areas.setdefault(aid, Area(id=aid, name=area.name, kind=area.kind))
            shift = shift_ids[(uid, gap.shift)]
            requirements += _gap_rows(uid, gap, shift, len(requirements) + 2)
    settings = pool.settings.model_copy(
        update={**strictest(pool, units), "objective": "lexicographic"}
    )
    data = ProblemData(
        settings=settings,
        shifts=tuple(shifts),
        areas=tuple(areas.values()),
        people=pool.people,
        requirements=tuple(requirements),
        statuses=pool.statuses,
    )
    return data, shift_ids


# ---------------------------------------------------------------------------- the extra model


@dataclass
class _City:
    """The variables this module adds to the roster model."""

    z: dict[tuple[str, int, str, Mode, str], cp_model.IntVar] = field(default_factory=dict)
    y: dict[tuple[str, int, str], cp_model.IntVar] = field(default_factory=dict)
    moves: list[cp_model.IntVar] = field(default_factory=list)
    away: list[cp_model.IntVar] = field(default_factory=list)


def _unit_of(area: str) -> str:
    return area.split(SEP, 1)[0]


def _place_units(model: cp_model.CpModel, v: Variables, pool: Pool, c: _City) -> None:
    """Each working officer stands in one allowed unit; per unit, class counts match."""
    units_at: dict[tuple[int, str, Mode], set[str]] = defaultdict(set)
    for d, s, a, m in v.cells:
        units_at[(d, s, m)].add(_unit_of(a))
    allowed = {o.person.id: o.units for o in pool.officers}
    for (p, d, s, m), var in v.work.items():
        here = sorted(u for u in units_at[(d, s, m)] if allowed[p] is None or u in allowed[p])
        if not here:
            model.add(var == 0)
            continue
        choices = [model.new_bool_var(f"z[{p},{d},{s},{u}]") for u in here]
        for u, z in zip(here, choices, strict=True):
            c.z[(p, d, s, m, u)] = z
        model.add(sum(choices) == var)
    members: dict[tuple[int, str, Mode, str], dict] = defaultdict(lambda: defaultdict(list))
    for (p, d, s, m, u), z in c.z.items():
        members[(d, s, m, u)][v.class_of[p]].append(z)
    counts: dict[tuple[int, str, Mode, str], dict] = defaultdict(lambda: defaultdict(list))
    for (d, s, a, m), by_class in v.count.items():
        for cls, var in by_class.items():
            counts[(d, s, m, _unit_of(a))][cls].append(var)
    for key in set(members) | set(counts):
        for cls in set(members[key]) | set(counts[key]):
            model.add(sum(members[key][cls]) == sum(counts[key][cls]))
    by_day: dict[tuple[str, int, str], list] = defaultdict(list)
    for (p, d, _s, _m, u), z in c.z.items():
        by_day[(p, d, u)].append(z)
    for key, zs in by_day.items():
        c.y[key] = zs[0] if len(zs) == 1 else _sum_bool(model, zs)


def _sum_bool(model: cp_model.CpModel, terms: list) -> cp_model.IntVar:
    var = model.new_bool_var("")
    model.add(var == sum(terms))
    return var


def _and(model: cp_model.CpModel, a, b) -> cp_model.IntVar:
    var = model.new_bool_var("")
    model.add(var <= a)
    model.add(var <= b)
    model.add(var >= a + b - 1)
    return var


def _stays(model: cp_model.CpModel, v: Variables, days: int, k: int, c: _City) -> None:
    """A move to another unit only after at least `k` duty days in the unit being left.

    ``last[u]`` before day d: the officer's latest duty day was in unit u. ``run`` after day d:
    an upper bound on the duty days of the current stay, capped at k, that the solver raises
    to the true length when a move needs it.
    """
    units_of: dict[str, set[str]] = defaultdict(set)
    for p, _d, u in c.y:
        units_of[p].add(u)
    for p, units in units_of.items():
        last = dict.fromkeys(units, 0)
        run_before: cp_model.LinearExprT = 0
        for d in range(days):
            worked = v.day_work(p, d)
            here = {u: c.y.get((p, d, u), 0) for u in units}
            same = sum(_and(model, here[u], last[u]) for u in units if _live(here[u], last[u]))
            has_prev = sum(last.values())
            if _live(worked, has_prev):
                moved = model.new_bool_var("")
                model.add(moved >= worked - same + has_prev - 1)
                model.add(run_before >= k * moved)
                c.moves.append(moved)
            run = model.new_int_var(0, k, "")
            model.add(run <= run_before + k * worked)
            model.add(run <= run_before + 1 + k * (1 - same))
            model.add(run <= 1 + k * (1 - worked + same))
            run_before = run
            nxt = {}
            for u in units:
                if not _live(here[u], last[u]):
                    nxt[u] = 0
                    continue
                var = model.new_bool_var("")
                model.add(var >= here[u])
                model.add(var >= last[u] - worked)
                model.add(var <= here[u] + last[u])
                model.add(var <= here[u] + 1 - worked)
                nxt[u] = var
            last = nxt


def _live(*terms) -> bool:
    """Whether any term is a variable (a sum of constant zeros needs no constraint)."""
    return any(not isinstance(t, int) or t for t in terms)


def _away(pool: Pool, units: Mapping[str, Unit], c: _City) -> None:
    group = {o.person.id: o.group for o in pool.officers}
    for (p, _d, u), y in c.y.items():
        if group[p] and units[u].group != group[p]:
            c.away.append(y)


def _priority_weights(v: Variables, units: Mapping[str, Unit]) -> dict[str, int]:
    """A weight per unit: a place of priority n outweighs every place of priority above n."""
    demand: dict[int, int] = defaultdict(int)
    for cell in v.cells.values():
        demand[units[_unit_of(cell.area)].priority] += cell.lower
    weights: dict[int, int] = {}
    below = 0
    for level in sorted(demand, reverse=True):
        weights[level] = below + 1
        below += weights[level] * demand[level]
    if below > MAX_WEIGHT:
        levels = sorted(demand, reverse=True)
        weights = {level: n + 1 for n, level in enumerate(levels)}
    return {uid: weights.get(u.priority, 1) for uid, u in units.items()}


# ---------------------------------------------------------------------------- solving


def _nonnegative(
    model: cp_model.CpModel, terms: list[tuple[int, cp_model.IntVar]]
) -> cp_model.IntVar:
    """A variable equal to a weighted sum of non-negative variables, with a domain from 0: the
    bound CP-SAT reports is then never below 0, even before its relaxation has been solved."""
    upper = sum(w * var.proto.domain[len(var.proto.domain) - 1] for w, var in terms)
    total = model.new_int_var(0, upper, "weighted_uncovered")
    model.add(total == sum(w * var for w, var in terms))
    return total


class _StopAtZero(cp_model.CpSolverSolutionCallback):
    """The objective is a sum of non-negative terms: a solution of value 0 is optimal, which
    CP-SAT's presolved bound does not always see; stop there rather than at the limit."""

    def on_solution_callback(self) -> None:
        if self.objective_value <= 0:
            self.stop_search()


def _solve(
    model: cp_model.CpModel, expr, seconds: float, seed: int, workers: int
) -> tuple[cp_model.CpSolver, bool]:
    """Minimise `expr`; with several workers, interleaved in one thread: deterministic."""
    model.minimize(expr)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(seconds, 0.1)
    solver.parameters.num_workers = workers
    solver.parameters.interleave_search = workers > 1
    solver.parameters.random_seed = seed
    code = solver.solve(model, _StopAtZero())
    return solver, code in (cp_model.OPTIMAL, cp_model.FEASIBLE)


def _stage(solver: cp_model.CpSolver, name: str, found: bool, seconds: float) -> Stage:
    """What one stage reached and proved; its objective is never below 0."""
    objective = round(solver.objective_value) if found else 0
    bound = min(max(round(solver.best_objective_bound), 0), objective) if found else 0
    status = "optimal" if found and objective == bound else "feasible" if found else "unknown"
    return Stage(name, status, objective, bound, seconds)


def _hint(model: cp_model.CpModel, values: list[int]) -> None:
    model.clear_hints()
    model.proto.solution_hint.vars.extend(range(len(values)))
    model.proto.solution_hint.values.extend(values)


def _named(data: ProblemData, v: Variables, c: _City, values: list[int]) -> list[Assignment]:
    """Names on places, unit by unit: within a class any split among the unit's areas fits."""
    left: dict[tuple[int, str, Mode, str], dict] = defaultdict(lambda: defaultdict(list))
    for (d, s, a, m), by_class in v.count.items():
        for cls, var in sorted(by_class.items(), key=lambda item: (item[0][0], sorted(item[0][1]))):
            left[(d, s, m, _unit_of(a))][cls] += [a] * values[var.index]
    out = []
    for (p, d, s, m, u), z in sorted(c.z.items(), key=lambda item: item[0]):
        if values[z.index]:
            area = left[(d, s, m, u)][v.class_of[p]].pop()
            out.append(Assignment(date=data.dates[d], shift=s, area=area, person=p, mode=m))
    return out


def _to_unit(a: Assignment, shift_ids: dict[tuple[str, str], str]) -> tuple[str, Assignment]:
    uid, area = a.area.split(SEP, 1)
    shift = next(s for (u, s), city in shift_ids.items() if u == uid and city == a.shift)
    return uid, a.model_copy(update={"shift": shift, "area": area})


def allocate(
    pool: Pool,
    units: Mapping[str, ProblemData],
    results: Mapping[str, Result],
    time_limit: float = 30,
    seed: int = 0,
    workers: int = 4,
) -> Allocation:
    """The allocation of the pool to the short places of `results` (first solves).

    The solver's `workers` strategies take turns in one thread (``interleave_search``): the
    same inputs and seed give the same allocation, on whichever executor it runs."""
    data, shift_ids = pool_problem(pool, units, results)
    unit_rows = {u.id: u for u in pool.units}
    demand = sum(g.missing for g in check(data, []).gaps)
    empty = Allocation(data, [], {uid: [] for uid in units}, demand=demand, uncovered=demand)
    if not data.requirements or not data.people:
        return empty
    built = build_model(data)
    model, v = built.model, built.vars
    c = _City()
    _place_units(model, v, pool, c)
    if pool.min_stay_days > 1:
        _stays(model, v, data.settings.days, pool.min_stay_days, c)
    _away(pool, unit_rows, c)
    weights = _priority_weights(v, unit_rows)
    short = _nonnegative(
        model, [(weights[_unit_of(a)], u) for (_d, _s, a), u in v.uncovered.items()]
    )
    deadline = time.monotonic() + time_limit
    solver, found = _solve(model, short, 0.7 * time_limit, seed, workers)
    if not found:
        return empty
    stages = [_stage(solver, "uncovered", found, time.monotonic() + time_limit - deadline)]
    values = list(solver.response_proto.solution)
    model.add(short <= stages[0].objective)
    _hint(model, values)
    start = time.monotonic()
    prefs = GROUP_WEIGHT * sum(c.away) + sum(c.moves) + sum(c.z.values())
    solver, found = _solve(model, prefs, deadline - start, seed, workers)
    if found:
        stages.append(_stage(solver, "preferences", found, time.monotonic() - start))
        values = list(solver.response_proto.solution)
    assignments = _named(data, v, c, values)
    report = check(data, assignments)
    if report.violations:
        raise AllocationError(format_report(report, data))
    by_unit: dict[str, list[Assignment]] = {uid: [] for uid in units}
    for a in assignments:
        uid, row = _to_unit(a, shift_ids)
        by_unit[uid].append(row)
    return Allocation(data, assignments, by_unit, stages, demand, report.uncovered)
