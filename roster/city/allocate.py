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

A city of many groups is one model too big to solve in time (56 wards, 300 officers, 28 days:
no allocation at all in 40 s), so it is solved in parts (``plan``): first each group's
officers on its own units' places, the groups in parallel through the executor; then one model
of the whole pool, warm-started from the groups' union, in which an officer may go to their own
group's units and to the units still short that they could fill. A place no pool officer can
fill (a skill nobody in the pool has) is left out of every model: it stays short either way.
The parts' union is valid on its own, and is kept when the last model finds nothing better.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property

from ortools.sat.python import cp_model

from roster.city.pool import Pool
from roster.data import Area, Assignment, Mode, ProblemData, Requirement, Shift
from roster.findings import Gap, format_report
from roster.model.build import build_model
from roster.model.variables import Variables
from roster.result import Result
from roster.verify import check, unavailable

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
    top_weight: int = 1  # the largest priority weight of a place
    unfillable: int = 0  # places no pool officer could fill (a skill nobody has ...)

    @property
    def most_filled(self) -> int:
        """At most this many places can be filled: not the unfillable ones, and by the first
        stage's bound, not the places it proves short (each weighs at most `top_weight`)."""
        most = self.demand - self.unfillable
        if not self.found:
            return most
        return most - -(-self.bound // max(self.top_weight, 1))

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

    @property
    def found(self) -> bool:
        """Whether a model found an allocation (else no officer is sent: nothing, or no time)."""
        return any(stage.status != "unknown" for stage in self.stages)


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


# ---------------------------------------------------------------------------- the parts


@dataclass(frozen=True)
class Part:
    """One allocation model's inputs, all of them: a pure task for the executor."""

    name: str  # the group, or "" for the whole pool
    data: ProblemData  # officers and places of this part
    allowed: dict[str, frozenset[str]]  # officer -> the units they may be sent to here
    outside: dict[str, frozenset[str]]  # officer -> units outside their own group
    weights: dict[str, int]  # unit -> priority weight of one short place
    min_stay: int
    time_limit: float
    seed: int
    workers: int = 4  # search strategies, interleaved in one thread (one alone finds little)
    hint: tuple[Assignment, ...] = ()  # city ids, a valid allocation to start from
    relaxed: bool = False  # officers as one unit, no stays: only a bound is wanted


@dataclass(frozen=True)
class PartResult:
    assignments: tuple[Assignment, ...]  # city ids
    stages: tuple[Stage, ...]


@dataclass
class Problem:
    """The pool against every short place of the city, and what its parts are cut from."""

    pool: Pool
    data: ProblemData  # every short place: what the allocation is checked against
    fillable: ProblemData  # the places some pool officer could fill
    shift_ids: dict[tuple[str, str], str]
    weights: dict[str, int]
    demand: int

    @cached_property
    def unit_groups(self) -> dict[str, str]:
        return {u.id: u.group for u in self.pool.units}

    @cached_property
    def officer_groups(self) -> dict[str, str]:
        return {o.person.id: o.group for o in self.pool.officers}

    def part(
        self,
        name: str,
        officers: dict[str, frozenset[str]],
        time_limit: float,
        seed: int,
        workers: int = 4,
        hint: tuple[Assignment, ...] = (),
    ) -> Part:
        """The model of `officers` (each with the units open to them) on those units' places."""
        units = frozenset().union(*officers.values()) if officers else frozenset()
        rows = tuple(r for r in self.fillable.requirements if _unit_of(r.area) in units)
        areas = tuple(a for a in self.fillable.areas if _unit_of(a.id) in units)
        people = tuple(p for p in self.fillable.people if p.id in officers)
        data = self.fillable.model_copy(
            update={"people": people, "areas": areas, "requirements": rows}
        )
        group, unit_group = self.officer_groups, self.unit_groups
        outside = {
            pid: frozenset(u for u in open_ if group[pid] and unit_group[u] != group[pid])
            for pid, open_ in officers.items()
        }
        return Part(
            name,
            data,
            officers,
            outside,
            self.weights,
            self.pool.min_stay_days,
            time_limit,
            seed,
            workers,
            hint,
        )


def _qualifies(data: ProblemData, pid: str, row: Requirement) -> bool:
    person = data.person_by_id[pid]
    if row.skill and row.skill not in person.skills:
        return False
    if row.min_police >= row.min_staff > 0 and not person.is_police:
        return False
    return unavailable(data, pid, row.date_from, row.mode) is None


def _open_units(pool: Pool, units: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each officer's units among `units`: all of them, or those of the officer's list."""
    return {o.person.id: units if o.units is None else units & o.units for o in pool.officers}


def _fillable(data: ProblemData, allowed: dict[str, frozenset[str]]) -> ProblemData:
    """`data` without the places (all rows of a cell) that no officer could fill."""
    cells: dict[tuple, list[Requirement]] = defaultdict(list)
    for row in data.requirements:
        cells[(row.area, row.shift, row.date_from, row.mode)].append(row)
    keep: list[Requirement] = []
    for rows in cells.values():
        uid = _unit_of(rows[0].area)
        who = [p for p, units in allowed.items() if uid in units]
        if any(_qualifies(data, p, row) for row in rows for p in who):
            keep += rows
    areas = {r.area for r in keep}
    return data.model_copy(
        update={
            "requirements": tuple(keep),
            "areas": tuple(a for a in data.areas if a.id in areas),
        }
    )


def _priority_weights(pool: Pool, data: ProblemData) -> dict[str, int]:
    """A weight per unit: a place of priority n outweighs every place of priority above n."""
    priority = {u.id: u.priority for u in pool.units}
    demand: dict[int, int] = defaultdict(int)
    for gap in check(data, []).gaps:
        demand[priority[_unit_of(gap.area)]] += gap.missing
    weights: dict[int, int] = {}
    below = 0
    for level in sorted(demand, reverse=True):
        weights[level] = below + 1
        below += weights[level] * demand[level]
    if below > MAX_WEIGHT:
        weights = {level: n + 1 for n, level in enumerate(sorted(demand, reverse=True))}
    return {u.id: weights.get(u.priority, 1) for u in pool.units}


def problem(pool: Pool, units: Mapping[str, ProblemData], results: Mapping[str, Result]) -> Problem:
    data, shift_ids = pool_problem(pool, units, results)
    fillable = _fillable(data, _open_units(pool, frozenset(units)))
    demand = sum(g.missing for g in check(data, []).gaps)
    return Problem(pool, data, fillable, shift_ids, _priority_weights(pool, data), demand)


def group_parts(problem: Problem, time_limit: float, seed: int) -> list[Part]:
    """One part per group that has both officers and short places (its own units only)."""
    short = {_unit_of(a.id) for a in problem.fillable.areas}
    by_group: dict[str, set[str]] = defaultdict(set)
    for u in problem.pool.units:
        if u.id in short:
            by_group[u.group].add(u.id)
    parts = []
    for group, units in sorted(by_group.items()):
        officers = {
            pid: open_
            for pid, open_ in _open_units(problem.pool, frozenset(units)).items()
            if open_ and problem.officer_groups[pid] == group
        }
        if officers:
            parts.append(problem.part(group, officers, time_limit, seed))
    return parts


def whole_part(
    problem: Problem,
    hint: tuple[Assignment, ...],
    time_limit: float,
    seed: int,
    workers: int = 4,
    grouped: bool = True,
) -> Part:
    """The whole pool in one model. `grouped`: an officer may go to their own group's units
    and to the units still short after `hint` where they could fill a place; else anywhere."""
    every = frozenset(_unit_of(a.id) for a in problem.fillable.areas)
    open_units = _open_units(problem.pool, every)
    if grouped:
        fits: dict[str, set[str]] = defaultdict(set)
        for row in _still_short(problem.fillable, hint):
            uid = _unit_of(row.area)
            for pid, units in open_units.items():
                if uid in units and _qualifies(problem.fillable, pid, row):
                    fits[pid].add(uid)
        group, unit_group = problem.officer_groups, problem.unit_groups
        own = {
            pid: frozenset(u for u in units if unit_group[u] == group[pid])
            for pid, units in open_units.items()
        }
        open_units = {pid: own[pid] | fits.get(pid, set()) for pid in open_units}
    open_units = {pid: units for pid, units in open_units.items() if units}
    return problem.part("", open_units, time_limit, seed, workers, hint)


def bound_part(problem: Problem, time_limit: float, seed: int) -> Part:
    """The pool as if it were one unit (no `units` lists, no unit a day, no stays): every
    allocation is a roster of it, so its proven bound is a bound of the allocation."""
    every = frozenset(_unit_of(a.id) for a in problem.fillable.areas)
    officers = {o.person.id: every for o in problem.pool.officers}
    return replace(problem.part("bound", officers, time_limit, seed), relaxed=True)


def with_bound(result: PartResult, relaxed: PartResult | None) -> PartResult:
    """`result` with the relaxation's bound where it is the stronger one."""
    if relaxed is None or not relaxed.stages or not result.stages:
        return result
    first, *rest = result.stages
    bound = min(max(first.bound, relaxed.stages[0].bound), first.objective)
    status = "optimal" if first.status != "unknown" and bound == first.objective else first.status
    return PartResult(result.assignments, (replace(first, bound=bound, status=status), *rest))


def _still_short(data: ProblemData, assignments: tuple[Assignment, ...]) -> tuple[Requirement, ...]:
    """The requirement rows of the places `assignments` leave short."""
    short = {(g.date, g.shift, g.area) for g in check(data, list(assignments)).gaps}
    return tuple(r for r in data.requirements if (r.date_from, r.shift, r.area) in short)


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


def _place_units(
    model: cp_model.CpModel, v: Variables, allowed: Mapping[str, frozenset[str]], c: _City
) -> None:
    """Each working officer stands in one allowed unit; per unit, class counts match."""
    units_at: dict[tuple[int, str, Mode], set[str]] = defaultdict(set)
    for d, s, a, m in v.cells:
        units_at[(d, s, m)].add(_unit_of(a))
    for (p, d, s, m), var in v.work.items():
        here = sorted(units_at[(d, s, m)] & allowed.get(p, frozenset()))
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

    ``at[u]`` on day d: the unit the officer stands in (one a day; it changes only on a duty
    day, to the unit of that duty). ``run`` on day d: an upper bound on the duty days of the
    current stay, capped at k, which the solver raises to the true length when a move needs
    it. A first posting (no duty before) needs no stay behind it.
    """
    units_of: dict[str, set[str]] = defaultdict(set)
    for p, _d, u in c.y:
        units_of[p].add(u)
    for p, units in sorted(units_of.items()):
        if len(units) < 2:
            continue
        before: dict[str, cp_model.IntVar] = {}
        run_before: cp_model.LinearExprT = 0
        served_before: cp_model.LinearExprT = 0  # a duty day before d
        for d in range(days):
            worked = v.day_work(p, d)
            at = {u: model.new_bool_var("") for u in sorted(units)}
            model.add_exactly_one(at.values())
            for u, var in at.items():
                y = c.y.get((p, d, u))
                if y is not None:
                    model.add_implication(y, var)
            run = model.new_int_var(0, k, "")
            model.add(run <= run_before + worked)
            if before:
                moved = model.new_bool_var("")
                for u, var in at.items():
                    model.add(moved >= var - before[u])
                model.add(moved <= worked)
                model.add(run_before >= k * (moved + served_before - 1))
                model.add(run <= worked + k * (1 - moved))
                c.moves.append(moved)
            served = model.new_bool_var("")
            model.add(served >= worked)
            model.add(served >= served_before)
            model.add(served <= served_before + worked)
            before, run_before, served_before = at, run, served


def _away(outside: Mapping[str, frozenset[str]], c: _City) -> None:
    for (p, _d, u), y in c.y.items():
        if u in outside.get(p, ()):
            c.away.append(y)


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


def _hint_assignments(
    model: cp_model.CpModel, v: Variables, c: _City, data: ProblemData, hint: tuple
) -> None:
    """Start from `hint`: who works where, and the head counts per cell and class."""
    day = {d: n for n, d in enumerate(data.dates)}
    work: set[tuple] = set()
    placed: dict[tuple, int] = defaultdict(int)
    for a in hint:
        d, m = day[a.date], Mode(a.mode)
        work.add((a.person, d, a.shift, m))
        work.add((a.person, d, a.shift, m, _unit_of(a.area)))
        placed[(d, a.shift, a.area, m, v.class_of[a.person])] += 1
    for key, var in v.work.items():
        model.add_hint(var, key in work)
    for key, var in c.z.items():
        model.add_hint(var, key in work)
    for (d, s, a, m), by_class in v.count.items():
        for cls, var in by_class.items():
            model.add_hint(var, placed.get((d, s, a, m, cls), 0))


def _bound_only(model: cp_model.CpModel, v: Variables, part: Part) -> PartResult:
    short = _nonnegative(
        model, [(part.weights[_unit_of(a)], u) for (_d, _s, a), u in v.uncovered.items()]
    )
    start = time.monotonic()
    solver, found = _solve(model, short, part.time_limit, part.seed, part.workers)
    if not found:
        return PartResult((), ())
    return PartResult((), (_stage(solver, "bound", found, time.monotonic() - start),))


def solve_part(part: Part) -> PartResult:
    """A pure task: the part's allocation, most places first (by priority), then own group,
    fewer moves and no idle shift. The solver's `workers` strategies take turns in one thread
    (``interleave_search``): the same part gives the same allocation on any executor."""
    data = part.data
    if not data.requirements or not data.people:
        return PartResult((), ())
    built = build_model(data)
    model, v = built.model, built.vars
    c = _City()
    if part.relaxed:
        return _bound_only(model, v, part)
    _place_units(model, v, part.allowed, c)
    if part.min_stay > 1:
        _stays(model, v, data.settings.days, part.min_stay, c)
    _away(part.outside, c)
    short = _nonnegative(
        model, [(part.weights[_unit_of(a)], u) for (_d, _s, a), u in v.uncovered.items()]
    )
    if part.hint:
        _hint_assignments(model, v, c, data, part.hint)
    deadline = time.monotonic() + part.time_limit
    solver, found = _solve(model, short, 0.7 * part.time_limit, part.seed, part.workers)
    seconds = time.monotonic() + part.time_limit - deadline
    if not found:
        return PartResult((), (Stage("uncovered", "unknown", 0, 0, seconds),))
    stages = [_stage(solver, "uncovered", found, seconds)]
    values = list(solver.response_proto.solution)
    model.add(short <= stages[0].objective)
    _hint(model, values)
    start = time.monotonic()
    prefs = GROUP_WEIGHT * sum(c.away) + sum(c.moves) + sum(c.z.values())
    solver, found = _solve(model, prefs, deadline - start, part.seed, part.workers)
    if found:
        stages.append(_stage(solver, "preferences", found, time.monotonic() - start))
        values = list(solver.response_proto.solution)
    return PartResult(tuple(_named(data, v, c, values)), tuple(stages))


def weighted_short(problem: Problem, assignments: tuple[Assignment, ...]) -> int:
    """The first stage's objective, recomputed from rows: places short times their weight."""
    gaps = check(problem.fillable, list(assignments)).gaps
    return sum(problem.weights[_unit_of(g.area)] * g.missing for g in gaps)


def union(problem: Problem, parts: list[PartResult]) -> PartResult:
    """The groups' allocations together (disjoint officers and units: valid together); its
    stages add up the groups' figures, a bound only for officers kept in their group."""
    rows = tuple(a for part in parts for a in part.assignments)
    stages = []
    for name in ("uncovered", "preferences"):
        found = [s for part in parts for s in part.stages if s.name == name]
        if not found:
            continue
        status = (
            "unknown"
            if any(s.status == "unknown" for s in found)
            else ("optimal" if all(s.status == "optimal" for s in found) else "feasible")
        )
        objective = sum(s.objective for s in found)
        if name == "uncovered":
            objective = weighted_short(problem, rows)
        stages.append(
            Stage(
                name,
                status,
                objective,
                min(sum(s.bound for s in found), objective),
                max(s.seconds for s in found),
            )
        )
    return PartResult(rows, tuple(stages))


def best(problem: Problem, start: PartResult, whole: PartResult | None) -> PartResult:
    """The whole pool's model when it found at least as good as its start, else the start."""
    if whole is None or not any(stage.status != "unknown" for stage in whole.stages):
        return start
    if weighted_short(problem, whole.assignments) > weighted_short(problem, start.assignments):
        return start
    return whole


def finish(problem: Problem, result: PartResult) -> Allocation:
    """The chosen allocation, checked by the independent checker on every short place."""
    assignments = list(result.assignments)
    report = check(problem.data, assignments)
    if report.violations:
        raise AllocationError(format_report(report, problem.data))
    units = {_unit_of(a.id) for a in problem.data.areas}
    by_unit: dict[str, list[Assignment]] = {uid: [] for uid in sorted(units)}
    for a in assignments:
        uid, row = _to_unit(a, problem.shift_ids)
        by_unit.setdefault(uid, []).append(row)
    top = max(problem.weights.values(), default=1)
    fillable = sum(g.missing for g in check(problem.fillable, []).gaps)
    return Allocation(
        problem.data,
        assignments,
        by_unit,
        list(result.stages),
        problem.demand,
        report.uncovered,
        top,
        problem.demand - fillable,
    )


def allocate(
    pool: Pool,
    units: Mapping[str, ProblemData],
    results: Mapping[str, Result],
    time_limit: float = 30,
    seed: int = 0,
    workers: int = 4,
) -> Allocation:
    """The allocation of the pool to the short places of `results` (first solves), in one
    process: the groups one after another, then the whole pool (``plan`` fans the groups out)."""
    p = problem(pool, units, results)
    parts = group_parts(p, time_limit / 2, seed)
    if len(parts) < 2:
        whole = solve_part(whole_part(p, (), time_limit, seed, workers, grouped=False))
        return finish(p, whole)
    relaxed = solve_part(bound_part(p, time_limit / 2, seed))
    start = union(p, [solve_part(part) for part in parts])
    whole = solve_part(whole_part(p, start.assignments, time_limit / 2, seed, workers))
    return finish(p, with_bound(best(p, start, whole), relaxed))
