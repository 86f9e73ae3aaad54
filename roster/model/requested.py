"""Requested reinforcements: the fewest anonymous people that can take the uncovered places.

A requested person obeys the same work-rest rules as a named one with no limits of their
own (the settings' limits, shift successions and rest), so one person can take several
places over the horizon. A first-fit pass gives a plan at once; CP-SAT then
shrinks it, starting from that plan, within a small time budget.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from roster.data import ProblemData
from roster.model.workrest import WINDOW, WorkRestRules

Place = tuple[int, str, str]  # day, shift, area


@dataclass
class Anonymous:
    """One person to request: the places they take, in day order."""

    number: int
    places: list[Place] = field(default_factory=list)


def _first_fit(rules: WorkRestRules, slots: list[tuple[int, str, int]]) -> list[dict[int, str]]:
    people: list[dict[int, str]] = []
    for d, s, n in slots:
        for _ in range(n):
            for days in people:
                if rules.fits(days, d, s):
                    days[d] = s
                    break
            else:
                people.append({d: s})
    return people


def _improve(
    rules: WorkRestRules,
    slots: list[tuple[int, str, int]],
    start: list[dict[int, str]],
    seconds: float,
) -> list[dict[int, str]]:
    """CP-SAT over (person, slot) booleans, hinted with the first-fit plan."""
    k_max = len(start)
    model = cp_model.CpModel()
    x = [{(d, s): model.new_bool_var("") for d, s, _n in slots} for _ in range(k_max)]
    used = [model.new_bool_var("") for _ in range(k_max)]
    by_day: dict[int, list[str]] = defaultdict(list)
    for d, s, n in slots:
        by_day[d].append(s)
        model.add(sum(x[k][(d, s)] for k in range(k_max)) == n)
    for k in range(k_max):
        for d, s, _n in slots:
            model.add_implication(x[k][(d, s)], used[k])
        if k + 1 < k_max:
            model.add(used[k] >= used[k + 1])
        _add_rules(model, rules, x[k], by_day)
    for k, plan in enumerate(start):
        for d, s, _n in slots:
            model.add_hint(x[k][(d, s)], plan.get(d) == s)
        model.add_hint(used[k], True)
    model.minimize(sum(used))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(seconds, 0.1)
    solver.parameters.num_workers = 2
    # CP-SAT's own Ctrl-C handler would leave SIGINT at its default (kill) after the solve.
    solver.parameters.catch_sigint_signal = False
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return start
    plans = []
    for k in range(k_max):
        plan = {d: s for d, s, _n in slots if solver.value(x[k][(d, s)])}
        if plan:
            plans.append(plan)
    return plans if len(plans) <= len(start) else start


def _add_rules(
    model: cp_model.CpModel,
    rules: WorkRestRules,
    x: dict[tuple[int, str], cp_model.IntVar],
    by_day: dict[int, list[str]],
) -> None:
    """One requested person's work-rest rules (`WorkRestRules.anonymous` limits) over their
    (day, shift) booleans: one shift a day, rest and successions, rolling weeks, runs of
    days, weekends and short runs of days off."""
    limits = rules.anonymous
    days = sorted(by_day)
    for d in days:
        model.add_at_most_one(x[(d, s)] for s in by_day[d])
        for a, gap, b in rules.conflicts:
            if (d, a) in x and (d + gap, b) in x:
                model.add_bool_or([x[(d, a)].Not(), x[(d + gap, b)].Not()])
    for first in range(days[0] - WINDOW + 1, days[-1] + 1):
        span = [(d, s) for d in range(first, first + WINDOW) for s in by_day.get(d, [])]
        model.add(sum(x[(d, s)] for d, s in span) <= limits.week)
        nights = [x[(d, s)] for d, s in span if s in rules.nights]
        if nights:
            model.add(sum(nights) <= limits.week_nights)
    run = limits.max_run + 1
    for first in range(days[0], days[-1] - run + 2):
        span = [(d, s) for d in range(first, first + run) for s in by_day.get(d, [])]
        if len({d for d, _s in span}) == run:
            model.add(sum(x[(d, s)] for d, s in span) <= limits.max_run)
    on = {d: sum(x[(d, s)] for s in by_day[d]) for d in days}
    if limits.max_weekends is not None:
        _add_weekends(model, rules, on, limits.max_weekends)
    for first in days:
        for last in range(first + 2, first + limits.min_days_off + 1):
            if last in on:  # worked on both: the days between may not all be off
                between = [on[d] for d in range(first + 1, last) if d in on]
                model.add(on[first] + on[last] - sum(between) <= 1)


def _add_weekends(
    model: cp_model.CpModel, rules: WorkRestRules, on: dict[int, cp_model.LinearExprT], cap: int
) -> None:
    """At most `cap` weekends with a shift on Saturday or Sunday."""
    ends: dict[int, list[int]] = defaultdict(list)
    for d in on:
        if d in rules.weekend:
            ends[rules.weekend[d]].append(d)
    worked = []
    for end_days in ends.values():
        w = model.new_bool_var("")
        for d in end_days:
            model.add(on[d] <= w)
        worked.append(w)
    model.add(sum(worked) <= cap)


def plan_requested(
    data: ProblemData, rules: WorkRestRules, places: dict[Place, int], seconds: float
) -> list[Anonymous]:
    """The requested people and the places each takes, preferring one area per person
    (`rules`: the solve's work-rest view)."""
    if not places:
        return []
    order = {s.id: i for i, s in enumerate(data.shifts)}
    per_slot: dict[tuple[int, str], int] = defaultdict(int)
    for (d, s, _a), n in places.items():
        per_slot[(d, s)] += n
    slots = sorted(((d, s, n) for (d, s), n in per_slot.items()), key=lambda t: (t[0], order[t[1]]))
    plans = _first_fit(rules, slots)
    if len(plans) > max(n for _d, _s, n in slots) and len(plans) * len(slots) <= 200_000:
        plans = _improve(rules, slots, plans, seconds)
    people = [Anonymous(i + 1) for i in range(len(plans))]
    last_area: dict[int, str] = {}
    for d, s, _n in slots:
        open_areas = [
            a for (dd, ss, a), n in places.items() if (dd, ss) == (d, s) for _ in range(n)
        ]
        takers = [k for k, plan in enumerate(plans) if plan.get(d) == s]
        takers.sort(key=lambda k: last_area.get(k) not in open_areas)
        for k in takers:
            area = last_area.get(k)
            if area not in open_areas:
                area = open_areas[0]
            open_areas.remove(area)
            people[k].places.append((d, s, area))
            last_area[k] = area
    return people
