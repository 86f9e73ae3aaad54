"""Sequence and workload rules (issue 6): the rules of the Curtois & Qu benchmark, as
general rule families a station can switch on per person or in the settings.

Horizon edges follow the benchmark (``benchmarks/curtois/FORMAT.md``): forbidden
successions reach back into `History`; runs of shifts or of days off that touch the first
or the last day may be short (the days beyond the horizon are unknown, so the rule cannot
be judged there); a weekend is worked when its Saturday or Sunday is, and counts once.
"""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

from roster.data import ProblemData
from roster.model.variables import Variables
from roster.rules import Rule


def add_forbidden_successions(
    model: cp_model.CpModel, v: Variables, history: dict[str, dict[int, str]]
) -> None:
    """forbidden_succession: no shift of `forbidden_next` the day after working this one.

    One clique per (person, day, banned set): the shifts that forbid the same set next day
    (exclusive anyway, being on one day) and that set hold at most one. Grouping by set
    keeps the model small where many shift types share their rules (32 at most here).
    """
    data = v.data
    groups: dict[frozenset[str], list[str]] = defaultdict(list)
    for s in data.shifts:
        if s.forbidden_next:
            groups[s.forbidden_next].append(s.id)
    n = data.settings.days
    for p in data.people:
        past = history.get(p.id, {})
        for banned, firsts in groups.items():
            if past.get(-1) in firsts:
                for t in banned:
                    for var in v.by_person_day_shift.get((p.id, 0, t), []):
                        model.add(var == 0)
            for d in range(n - 1):
                a = [x for s in firsts for x in v.by_person_day_shift.get((p.id, d, s), [])]
                if not a:
                    continue
                b = [x for t in banned for x in v.by_person_day_shift.get((p.id, d + 1, t), [])]
                if b:
                    model.add_at_most_one([*a, *b])


def add_max_shifts_by_type(model: cp_model.CpModel, v: Variables) -> None:
    """max_shifts_by_type: at most so many shifts of one type over the horizon."""
    n = v.data.settings.days
    for p in v.data.people:
        for sid, limit in p.max_shifts_by_type.items():
            terms = [x for d in range(n) for x in v.by_person_day_shift.get((p.id, d, sid), [])]
            if len(terms) > limit:
                model.add(sum(terms) <= limit)


def add_total_minutes(model: cp_model.CpModel, v: Variables) -> None:
    """min_total_minutes / max_total_minutes: the person's worked minutes over the horizon."""
    data = v.data
    length = {s.id: s.duration_minutes for s in data.shifts}
    minutes: dict[str, list] = defaultdict(list)
    for (pid, _d, s), vars_ in v.by_person_day_shift.items():
        minutes[pid].extend(length[s] * x for x in vars_)
    for p in data.people:
        if p.min_total_minutes is None and p.max_total_minutes is None:
            continue
        total = sum(minutes[p.id])
        if p.min_total_minutes:
            model.add(total >= p.min_total_minutes)
        if p.max_total_minutes is not None:
            model.add(total <= p.max_total_minutes)


def _runs_clauses(
    model: cp_model.CpModel, v: Variables, person: str, n: int, shortest: int, working: bool
) -> None:
    """Forbid every inner run shorter than `shortest` of working days (or of days off).

    The pattern edge(d), run(d+1..d+k), edge(d+k+1) with k < shortest, wholly inside the
    horizon, becomes one clause; a day the person cannot work is a constant day off.
    """

    def on(person: str, day: int) -> cp_model.IntVar | None:
        return v.worked_day.get((person, day))

    for k in range(1, shortest):
        for d in range(n - k - 1):
            inner = [on(person, j) for j in range(d + 1, d + k + 1)]
            edges = [on(person, d), on(person, d + k + 1)]
            if working:
                if any(x is None for x in inner):
                    continue  # the run is broken by a day that is off anyway
                clause = [x for x in edges if x is not None] + [x.Not() for x in inner]
            else:
                if any(x is None for x in edges):
                    continue
                clause = [x.Not() for x in edges] + [x for x in inner if x is not None]
            model.add_bool_or(clause)


def add_min_consecutive(
    model: cp_model.CpModel, v: Variables, rules: frozenset[Rule] = frozenset(Rule)
) -> None:
    """min_consecutive_shifts and min_days_off_in_row, for runs inside the horizon (`rules`
    may leave either out, in a knock-out test)."""
    data = v.data
    n = data.settings.days
    for p in data.people:
        shifts, off = data.min_consecutive_shifts(p), data.min_days_off_in_row(p)
        if shifts > 1 and Rule.MIN_CONSECUTIVE_SHIFTS in rules:
            _runs_clauses(model, v, p.id, n, shifts, working=True)
        if off > 1 and Rule.MIN_DAYS_OFF_IN_ROW in rules:
            _runs_clauses(model, v, p.id, n, off, working=False)


def weekends(data: ProblemData) -> list[list[int]]:
    """Day indexes of each weekend (Saturday and Sunday of one week) met by the horizon."""
    by_week: dict[int, list[int]] = defaultdict(list)
    for d, day in enumerate(data.dates):
        if day.weekday() >= 5:
            by_week[(day - data.settings.start_date).days + 7 - day.weekday()].append(d)
    return list(by_week.values())


def add_max_weekends(model: cp_model.CpModel, v: Variables) -> None:
    """max_weekends: weekends with a shift on Saturday or Sunday (counted once)."""
    data = v.data
    ends = weekends(data)
    for p in data.people:
        limit = data.max_weekends(p)
        if limit is None or limit >= len(ends):
            continue
        worked = []
        for days in ends:
            lits = [x for x in (v.worked_day.get((p.id, d)) for d in days) if x is not None]
            if len(lits) == 1:
                worked.append(lits[0])
            elif lits:
                w = model.new_bool_var("")
                model.add_bool_or([w.Not(), *lits])
                for x in lits:
                    model.add_implication(x, w)
                worked.append(w)
        if len(worked) > limit:
            model.add(sum(worked) <= limit)


def add_sequence_rules(
    model: cp_model.CpModel,
    v: Variables,
    history: dict[str, dict[int, str]],
    rules: frozenset[Rule] = frozenset(Rule),
) -> None:
    """Every family of this module in `rules`, in a fixed order (day rules on the worked-day
    booleans)."""
    if Rule.FORBIDDEN_SUCCESSION in rules:
        add_forbidden_successions(model, v, history)
    if Rule.MAX_SHIFTS_BY_TYPE in rules:
        add_max_shifts_by_type(model, v)
    if Rule.TOTAL_MINUTES in rules:
        add_total_minutes(model, v)
    add_min_consecutive(model, v, rules)
    if Rule.MAX_WEEKENDS in rules:
        add_max_weekends(model, v)
