"""Large-neighbourhood search around CP-SAT, for the weighted (benchmark) objective.

Every hard rule of a benchmark-shaped problem involves one person, and the cover penalty
only counts heads per (day, shift). So a part of the roster (some people over some days)
can be re-optimised as a model of its own: the rest of the roster enters as constants (the
others' heads in each cell, the person's own shifts outside the days). Such a model has a
few thousand variables where the whole one has up to a million, and needs no presolve of
the whole. Built person by person from an empty roster, it gives a feasible start; then,
until the time is up, a part (some people over the whole horizon, a window of days for
everyone, or some people over a window) is re-optimised from the current roster as a
complete hint, and kept when no worse. The part grows while its models are solved to
optimality and shrinks when they time out. Where the whole model is small it is solved
instead, from the start roster; where it is of middling size it is solved first, for a share
of the time, for the bound (and for optimality).
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from roster.bench.score import (
    cover_penalty,
    place_targets,
    request_penalty,
    require_benchmark_shape,
)
from roster.data import Assignment, Mode, ProblemData, RequestType
from roster.model.availability import allowed_modes
from roster.model.build import build_model
from roster.model.hint import add_hint, complete_hint
from roster.model.sequences import weekends

# The workers of the search's models when there are 4 or fewer: max_lp proves bounds (a part
# optimal in milliseconds), quick_restart finds rosters.
PART_SUBSOLVERS = ("max_lp", "quick_restart")


def _solver(seconds: float, workers: int, seed: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.max_time_in_seconds = max(seconds, 0.05)
    params.num_workers = workers
    params.random_seed = seed
    if workers <= 4:
        params.subsolvers.extend(PART_SUBSOLVERS[:workers])
    return solver


def _set_hint(model: cp_model.CpModel, values: list[int]) -> None:
    model.clear_hints()
    hint = model.proto.solution_hint
    hint.vars.extend(range(len(values)))
    hint.values.extend(values)


OFF = -1
STEP_SECONDS = 1.0  # at most per neighbourhood; most are solved to optimality far sooner


@dataclass
class PersonRules:
    """One person's hard rules, by shift index (see sequences.py for their meaning)."""

    allowed: list[list[int]]  # per day: the shift indexes they may work
    max_by_type: dict[int, int]
    min_minutes: int
    max_minutes: int | None
    max_run: int
    min_run: int
    min_off: int
    max_weekends: int | None


@dataclass
class Decomposed:
    """The problem as arrays by index: people x days x shifts."""

    data: ProblemData
    days: int
    shift_ids: list[str]
    minutes: list[int]
    forbidden: list[frozenset[int]]  # per shift: the shifts banned on the next day
    people: list[PersonRules]
    target: list[list[int]]  # per day and shift: wanted heads
    under: list[list[int]]
    over: list[list[int]]
    requests: dict[tuple[int, int], list[tuple[int, bool, int]]]  # (shift or OFF, on, weight)
    weekends: list[list[int]]


def decompose(data: ProblemData) -> Decomposed:
    """Index the rules, cover targets and requests of a problem of the benchmark's shape
    (`OutsideBenchmarkShape` for any other: the parts would miss its other rules)."""
    require_benchmark_shape(data)
    n = data.settings.days
    shifts = list(data.shifts)
    index = {s.id: i for i, s in enumerate(shifts)}
    modes = allowed_modes(data)
    people = []
    for p in data.people:
        types = [i for i, s in enumerate(shifts) if p.max_shifts_by_type.get(s.id) != 0]
        people.append(
            PersonRules(
                allowed=[types if Mode.ONSITE in modes[p.id][d] else [] for d in range(n)],
                max_by_type={index[k]: v for k, v in p.max_shifts_by_type.items() if v < n},
                min_minutes=p.min_total_minutes or 0,
                max_minutes=p.max_total_minutes,
                max_run=data.max_consecutive_shifts(p),
                min_run=data.min_consecutive_shifts(p),
                min_off=data.min_days_off_in_row(p),
                max_weekends=data.max_weekends(p),
            )
        )
    target = [[0] * len(shifts) for _ in range(n)]
    under = [[0] * len(shifts) for _ in range(n)]
    over = [[0] * len(shifts) for _ in range(n)]
    for (day, sid, _area), (t, u, o) in place_targets(data).items():
        d, s = data.day_index(day), index[sid]
        target[d][s], under[d][s], over[d][s] = t, u, o
    person_index = {p.id: i for i, p in enumerate(data.people)}
    requests: dict[tuple[int, int], list[tuple[int, bool, int]]] = defaultdict(list)
    for r in data.requests:
        d = data.day_index(r.date)
        if 0 <= d < n and r.person in person_index:
            s = OFF if r.shift is None else index[r.shift]
            weight = r.weight * data.settings.weight_requests
            requests[(person_index[r.person], d)].append((s, r.type == RequestType.ON, weight))
    return Decomposed(
        data=data,
        days=n,
        shift_ids=[s.id for s in shifts],
        minutes=[s.duration_minutes for s in shifts],
        forbidden=[frozenset(index[t] for t in s.forbidden_next if t in index) for s in shifts],
        people=people,
        target=target,
        under=under,
        over=over,
        requests=dict(requests),
        weekends=weekends(data),
    )


def penalty(dec: Decomposed, roster: list[list[int]]) -> int:
    """`score.score` on the search's arrays (per person and day: a shift index or OFF), with
    its two terms; tests/test_bench_package.py holds the two equal. The score itself would
    build an `Assignment` per shift worked, after every step of the search."""
    counts = [[0] * len(dec.shift_ids) for _ in range(dec.days)]
    for row in roster:
        for d, s in enumerate(row):
            if s != OFF:
                counts[d][s] += 1
    total = sum(
        cover_penalty(dec.target[d][s], c, dec.under[d][s], dec.over[d][s])
        for d in range(dec.days)
        for s, c in enumerate(counts[d])
    )
    for (p, d), reqs in dec.requests.items():
        worked = roster[p][d]
        for s, on, weight in reqs:
            total += request_penalty(on, worked != OFF if s == OFF else worked == s, weight)
    return total


class _Part:
    """The sub-model of some people over days first..last-1, the rest of `roster` fixed."""

    def __init__(
        self, dec: Decomposed, roster: list[list[int]], people: list[int], first: int, last: int
    ) -> None:
        self.dec, self.roster, self.people = dec, roster, people
        self.first, self.last = first, last
        self.model = cp_model.CpModel()
        self.x: dict[tuple[int, int, int], cp_model.IntVar] = {}
        self.on: dict[tuple[int, int], cp_model.IntVar | int] = {}
        self.hints: list[tuple[cp_model.IntVar, int]] = []
        objective = [self._person(p) for p in people]
        objective.append(self._cover())
        self.model.minimize(sum(objective))
        for var, value in self.hints:
            self.model.add_hint(var, value)

    def _var(self, ub: int, value: int) -> cp_model.IntVar:
        var = self.model.new_bool_var("") if ub == 1 else self.model.new_int_var(0, ub, "")
        self.hints.append((var, value))
        return var

    def _work(self, p: int, d: int) -> cp_model.IntVar | int:
        if self.first <= d < self.last:
            return self.on[(p, d)]
        return int(self.roster[p][d] != OFF)

    def _person(self, p: int) -> cp_model.LinearExprT:
        dec, rules, row, model = self.dec, self.dec.people[p], self.roster[p], self.model
        n, first, last = dec.days, self.first, self.last
        days = range(first, last)
        for d in days:
            banned: set[int] = set()
            if d - 1 >= 0 and not first <= d - 1 and row[d - 1] != OFF:
                banned |= dec.forbidden[row[d - 1]]
            if d + 1 < n and d + 1 >= last and row[d + 1] != OFF:
                banned |= {s for s in rules.allowed[d] if row[d + 1] in dec.forbidden[s]}
            shifts = [s for s in rules.allowed[d] if s not in banned]
            for s in shifts:
                self.x[(p, d, s)] = var = model.new_bool_var("")
                self.hints.append((var, int(row[d] == s)))
            lits = [self.x[(p, d, s)] for s in shifts]
            if not lits:
                self.on[(p, d)] = 0
                continue
            on = model.new_bool_var("")
            self.hints.append((on, int(row[d] != OFF)))
            model.add(on == sum(lits))
            self.on[(p, d)] = on
        # Forbidden successions inside the days: shifts with one banned set share a clique.
        groups: dict[frozenset[int], list[int]] = defaultdict(list)
        for s, banned in enumerate(dec.forbidden):
            if banned:
                groups[banned].append(s)
        for d in range(first, last - 1):
            for banned, firsts in groups.items():
                a = [self.x[(p, d, s)] for s in firsts if (p, d, s) in self.x]
                b = [self.x[(p, d + 1, t)] for t in banned if (p, d + 1, t) in self.x]
                if a and b:
                    model.add_at_most_one(a + b)
        outside = [s for d, s in enumerate(row) if not first <= d < last and s != OFF]
        for s, limit in rules.max_by_type.items():
            terms = [self.x[(p, d, s)] for d in days if (p, d, s) in self.x]
            left = limit - outside.count(s)
            if len(terms) > left:
                model.add(sum(terms) <= left)
        fixed_minutes = sum(dec.minutes[s] for s in outside)
        minutes = sum(
            dec.minutes[s] * self.x[(p, d, s)]
            for d in days
            for s in rules.allowed[d]
            if (p, d, s) in self.x
        )
        if rules.min_minutes > fixed_minutes:
            model.add(minutes >= rules.min_minutes - fixed_minutes)
        if rules.max_minutes is not None:
            model.add(minutes <= rules.max_minutes - fixed_minutes)
        self._max_run(p, rules.max_run)
        for k in range(1, rules.min_run):
            self._short_runs(p, k, working=True)
        for k in range(1, rules.min_off):
            self._short_runs(p, k, working=False)
        self._weekends(p, rules.max_weekends)
        return self._requests(p)

    def _max_run(self, p: int, limit: int) -> None:
        n = self.dec.days
        for w in range(max(0, self.first - limit), min(self.last, n - limit)):
            terms = [self._work(p, d) for d in range(w, w + limit + 1)]
            fixed = sum(t for t in terms if isinstance(t, int))
            free = [t for t in terms if not isinstance(t, int)]
            if len(free) + fixed > limit:
                self.model.add(sum(free) <= limit - fixed)

    def _short_runs(self, p: int, k: int, working: bool) -> None:
        """No inner run of exactly k working days (or days off): one clause per place."""
        n = self.dec.days
        for d in range(max(0, self.first - k - 1), min(self.last, n - k - 1)):
            edges = [self._work(p, d), self._work(p, d + k + 1)]
            inner = [self._work(p, j) for j in range(d + 1, d + k + 1)]
            if not working:
                edges, inner = [_negate(e) for e in edges], [_negate(e) for e in inner]
            if any(_is(e, 1) for e in edges) or any(_is(i, 0) for i in inner):
                continue
            clause = [e for e in edges if not isinstance(e, int)]
            clause += [i.Not() for i in inner if not isinstance(i, int)]
            self.model.add_bool_or(clause)

    def _weekends(self, p: int, limit: int | None) -> None:
        if limit is None or limit >= len(self.dec.weekends):
            return
        fixed, worked = 0, []
        for days in self.dec.weekends:
            terms = [self._work(p, d) for d in days]
            if any(_is(t, 1) for t in terms):
                fixed += 1
                continue
            free = [t for t in terms if not isinstance(t, int)]
            if free:
                w = self._var(1, int(any(self.roster[p][d] != OFF for d in days)))
                for t in free:
                    self.model.add_implication(t, w)
                worked.append(w)
        if len(worked) + fixed > limit:
            self.model.add(sum(worked) <= limit - fixed)

    def _requests(self, p: int) -> cp_model.LinearExprT:
        terms = []
        for d in range(self.first, self.last):
            for s, on, w in self.dec.requests.get((p, d), []):
                lit = self._work(p, d) if s == OFF else self.x.get((p, d, s), 0)
                terms.append(w * (1 - lit) if on else w * lit)
        return sum(terms)

    def _cover(self) -> cp_model.LinearExprT:
        dec, roster, free = self.dec, self.roster, set(self.people)
        terms = []
        for d in range(self.first, self.last):
            others = [0] * len(dec.shift_ids)
            for q, row in enumerate(roster):
                if q not in free and row[d] != OFF:
                    others[row[d]] += 1
            for s in range(len(dec.shift_ids)):
                heads = [self.x[(p, d, s)] for p in self.people if (p, d, s) in self.x]
                if not heads:
                    continue
                now = others[s] + sum(roster[p][d] == s for p in self.people)
                t, fixed, under, over = dec.target[d][s], others[s], dec.under[d][s], dec.over[d][s]
                heads_sum = sum(heads)
                if t - fixed >= len(heads):  # never above target: the shortfall is linear
                    terms.append(under * (t - fixed - heads_sum))
                elif fixed >= t:  # never below target: the surplus is linear
                    terms.append(over * (fixed + heads_sum - t))
                else:
                    u = self._var(t - fixed, max(t - now, 0))
                    self.model.add(u + heads_sum >= t - fixed)
                    o = self._var(fixed + len(heads) - t, max(now - t, 0))
                    self.model.add(o >= heads_sum + fixed - t)
                    terms.extend((under * u, over * o))
        return sum(terms)

    def solve(
        self, seconds: float, workers: int, seed: int, first: bool = False
    ) -> tuple[int, bool] | None:
        """Write the best schedule found into the roster: (objective, optimal?), or None.

        `first`: the roster holds no schedule for these people yet (only, perhaps, a
        template in their rows, which the hint follows), and the first solution is taken.
        """
        if first:  # the default portfolio: its feasibility jump finds one soonest
            solver = cp_model.CpSolver()
            solver.parameters.max_time_in_seconds = seconds
            # One worker is the plain search alone, without the feasibility jump: on
            # Instance20 (182 days) it found no schedule for one person in 300 s.
            solver.parameters.num_workers = max(workers, 2)
            solver.parameters.random_seed = seed
            solver.parameters.stop_after_first_solution = True
        else:  # the LP proves a small part optimal in milliseconds, search alone rarely
            solver = _solver(seconds, workers, seed)
        code = solver.solve(self.model)
        if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        for p in self.people:
            for d in range(self.first, self.last):
                self.roster[p][d] = OFF
        for (p, d, s), var in self.x.items():
            if solver.value(var):
                self.roster[p][d] = s
        return round(solver.objective_value), code == cp_model.OPTIMAL


def _negate(lit: cp_model.IntVar | int) -> cp_model.IntVar | int:
    return 1 - lit if isinstance(lit, int) else lit.Not()


def _is(lit: cp_model.IntVar | int, value: int) -> bool:
    return isinstance(lit, int) and lit == value


def construct(
    dec: Decomposed, deadline: float, workers: int, seed: int, give_up: float | None = None
) -> list[list[int]] | None:
    """A feasible roster built person by person: each takes the schedule that helps the
    cover most given those before, within their own rules, by `deadline`. None when
    someone has no schedule by `give_up` (the run's own end; `deadline` if not given):
    the start may outrun its share, as a roster found late is still one."""
    roster = [[OFF] * dec.days for _ in dec.people]
    count = len(dec.people)
    for i in range(count):
        t0 = time.monotonic()
        if not _first_schedule(dec, roster, i, workers, seed, give_up or deadline):
            return None
        share = (deadline - t0) / (count - i) - (time.monotonic() - t0)
        if share > 0.05:
            _Part(dec, roster, [i], 0, dec.days).solve(share, workers, seed)
    return roster


BLIND_SECONDS = 1.0  # for a schedule found by the search alone, before trying a template
TEMPLATE_SECONDS = 2.0  # for one hinted by the previous person's, before the long search


def _first_schedule(
    dec: Decomposed, roster: list[list[int]], i: int, workers: int, seed: int, give_up: float
) -> bool:
    """Give person i a feasible schedule. On a long horizon with a tight minutes window one
    person's schedule sometimes takes the search many seconds. People of one unit mostly
    share their rules, so the previous person's schedule, less i's days off, is then a
    near-feasible hint that often leads to one sooner. It is not the first try: a schedule
    close to the previous person's helps the cover less (measured in
    benchmarks/results/curtois.md, "What was tried"). The last try has until `give_up`: on a
    starved machine one person's schedule took the search more than a minute (Instance20-24
    at 1 worker beside other jobs), and a run that gives up on its start has no roster.
    No try outlasts `give_up`: Instance24 at 60 s ran to 140 s on the short first tries
    alone, 150 people's worth, after the time was up."""
    tries = [(BLIND_SECONDS, False), (TEMPLATE_SECONDS, True), (None, False)]
    for limit, template in tries if i > 0 else tries[-1:]:
        left = give_up - time.monotonic()
        if left < 0.05:
            return False  # the run's time is up: no start rather than a run past its limit
        seconds = min(limit or left, left)
        if template:
            allowed = dec.people[i].allowed
            roster[i] = [s if s in allowed[d] else OFF for d, s in enumerate(roster[i - 1])]
        part = _Part(dec, roster, [i], 0, dec.days)
        roster[i] = [OFF] * dec.days
        if not template:
            part.model.clear_hints()  # an empty schedule as a hint sends the search astray
        if part.solve(seconds, workers, seed, first=True) is not None:
            return True
    return False


class Neighbourhoods:
    """Parts to re-optimise: some people over the whole horizon, a window of days for
    everyone, or some people over a window. Each kind has its own size in person-days,
    which grows while its models are solved to optimality and shrinks when they time out
    (the whole-horizon kind is far harder per person-day than a window for everyone)."""

    KINDS = ("people", "window", "group")

    def __init__(self, people: int, days: int, rng: random.Random, size: float) -> None:
        self.people, self.days, self.rng = people, days, rng
        self.size = {
            "people": 2.0 * days,
            "window": max(size, 2.0 * people),
            "group": size,
        }
        self.kind = "people"

    def pick(self) -> tuple[list[int], int, int]:
        n, count = self.days, self.people
        self.kind = self.rng.choice(self.KINDS)
        target = int(self.size[self.kind])
        if self.kind == "people":
            width, k = n, max(1, min(count, target // n))
        elif self.kind == "window":
            width, k = max(1, min(n, target // count)), count
        else:
            width = min(n, self.rng.choice((7, 14, 28)))
            k = max(1, min(count, target // width))
        first = self.rng.randrange(0, n - width + 1)
        return sorted(self.rng.sample(range(count), k)), first, first + width

    def grow(self) -> None:
        self.size[self.kind] = min(self.size[self.kind] * 1.15, self.people * self.days)

    def shrink(self) -> None:
        self.size[self.kind] = max(self.size[self.kind] * 0.7, min(self.days, 7.0))


def improve(
    dec: Decomposed,
    roster: list[list[int]],
    deadline: float,
    workers: int,
    seed: int,
    report: Callable[[str], None] | None = None,
) -> tuple[int, int]:
    """Re-optimise parts of `roster` in place until the deadline: (steps, improvements)."""
    best = penalty(dec, roster)
    per_day = max(sum(len(r.allowed[0]) for r in dec.people) / len(dec.people), 1.0)
    hoods = Neighbourhoods(len(dec.people), dec.days, random.Random(seed), 1000 / per_day)
    steps = improvements = 0
    while True:
        left = deadline - time.monotonic()
        if left < 0.3:
            break
        people, first, last = hoods.pick()
        saved = [roster[p][:] for p in people]
        part = _Part(dec, roster, people, first, last)
        solved = part.solve(min(STEP_SECONDS, left), workers, seed + steps)
        steps += 1
        if solved is not None and solved[1]:
            hoods.grow()
        else:
            hoods.shrink()
        if solved is None:
            continue
        found = penalty(dec, roster)
        if found > best:
            for p, row in zip(people, saved, strict=True):
                roster[p][:] = row
        elif found < best:
            best = found
            improvements += 1
            if report:
                report(f"step {steps}: {best} ({len(people)} people, days {first}-{last - 1})")
    return steps, improvements


# people x days x shifts up to which the whole model is solved. Up to WHOLE_ONLY it is
# all there is: it beats the search on parts there, but not on a longer horizon. Above it,
# up to FULL_SOLVE, it comes first, for a share of the time, then the search on parts:
# solving it last, from the search's roster, did worse. The runs behind these thresholds:
# benchmarks/results/curtois.md, "What was tried".
WHOLE_ONLY_CELLS = 4_100
WHOLE_ONLY_DAYS = 28
FULL_SOLVE_CELLS = 20_000


@dataclass
class RosterResult:
    roster: list[list[int]] | None
    objective: int
    bound: int | None
    status: str  # optimal, feasible or unknown
    steps: int = 0  # of the search on parts


def _full_solve(
    dec: Decomposed, roster: list[list[int]], seconds: float, workers: int, seed: int
) -> tuple[list[list[int]] | None, int | None, bool]:
    """The whole model, started from `roster` (a complete hint, kept by CP-SAT): a better
    roster or None, the proven bound, and whether it is optimal."""
    t0 = time.monotonic()
    data = dec.data
    built = build_model(data)
    model = built.model
    total = model.new_int_var(-(2**40), 2**40, "objective")
    model.add(total == built.objective.weighted_expr())
    area = data.areas[0].id
    add_hint(data, built, to_assignments(dec, roster, area))
    values = complete_hint(built, seconds / 4)
    model.minimize(total)
    if values is not None:
        _set_hint(model, values)
    solver = _solver(seconds - (time.monotonic() - t0), workers, seed)
    code = solver.solve(model)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, None, False
    index = {s: i for i, s in enumerate(dec.shift_ids)}
    person = {p.id: i for i, p in enumerate(data.people)}
    found = [[OFF] * dec.days for _ in dec.people]
    for (p, d, s, _m), var in built.vars.work.items():
        if solver.value(var):
            found[person[p]][d] = index[s]
    return found, round(solver.best_objective_bound), code == cp_model.OPTIMAL


def to_assignments(dec: Decomposed, roster: list[list[int]], area: str) -> list[Assignment]:
    data = dec.data
    return [
        Assignment(date=data.dates[d], shift=dec.shift_ids[s], area=area, person=p.id)
        for p, row in zip(data.people, roster, strict=True)
        for d, s in enumerate(row)
        if s != OFF
    ]


def optimise_decomposed(
    data: ProblemData,
    seconds: float,
    workers: int = 2,
    seed: int = 0,
    report: Callable[[str], None] | None = None,
) -> RosterResult:
    """Minimise the weighted objective of a benchmark-shaped problem within `seconds`: a
    person-by-person start, then the whole model (small problems), the whole model for a
    share of the time then large-neighbourhood search on sub-models (middling ones), or
    the search alone (large ones)."""
    t0 = time.monotonic()
    deadline = t0 + seconds
    dec = decompose(data)
    cells = len(dec.people) * dec.days * len(dec.shift_ids)
    whole_only = cells <= WHOLE_ONLY_CELLS and dec.days <= WHOLE_ONLY_DAYS
    roster = construct(dec, t0 + (0.05 if whole_only else 0.2) * seconds, workers, seed, deadline)
    if roster is None:
        return RosterResult(None, 0, None, "unknown")
    best = penalty(dec, roster)
    if report:
        report(f"start: {best} in {time.monotonic() - t0:.1f} s")
    bound, optimal = None, False
    if cells <= FULL_SOLVE_CELLS:
        share = 1.0 if whole_only else 0.4 if cells <= 4000 else 0.15
        left = deadline - time.monotonic()
        found, bound, optimal = _full_solve(dec, roster, share * left, workers, seed)
        if found is not None and penalty(dec, found) <= best:
            roster, best = found, penalty(dec, found)
        if report:
            report(f"whole model: {best}, bound {bound}")
    steps = 0
    if not (whole_only or optimal):
        steps, _improvements = improve(dec, roster, deadline, workers, seed, report)
        best = penalty(dec, roster)
    proven = optimal or (bound is not None and best <= bound)
    return RosterResult(roster, best, bound, "optimal" if proven else "feasible", steps)
