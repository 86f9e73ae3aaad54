"""Work-rest rules: one shift a day, rest hours, consecutive days, rolling 7-day caps; and
`WorkRestRules`, the same rules with the sequence rules as one "may I add this shift"
question for plans built shift by shift.

Rules that look back see the `History` sheet: shifts worked just before the horizon are
constants (day indexes below 0) in the same windows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from roster.data import Person, ProblemData, Shift
from roster.model.sequences import weekends
from roster.model.variables import Variables
from roster.rules import Rule

WINDOW = 7


def history_days(data: ProblemData) -> dict[str, dict[int, str]]:
    """Per person, the shift worked on each day before the horizon (negative day indexes)."""
    out: dict[str, dict[int, str]] = {}
    for h in data.history:
        out.setdefault(h.person, {})[data.day_index(h.date)] = h.shift
    return out


def rest_conflicts(shifts: Iterable[Shift], min_rest_hours: float) -> list[tuple[str, int, str]]:
    """Pairs (first shift, days later, second shift) that leave less than the minimum rest."""
    shifts = list(shifts)
    need = min_rest_hours * 60
    longest = max((s.duration_minutes for s in shifts), default=0)
    max_gap_days = int((longest + need) // 1440) + 1
    out = []
    for a in shifts:
        end_a = a.start_minute + a.duration_minutes
        for k in range(1, max_gap_days + 1):
            for b in shifts:
                if k * 1440 + b.start_minute - end_a < need:
                    out.append((a.id, k, b.id))
    return out


def add_one_shift_per_day(
    model: cp_model.CpModel, v: Variables, rules: frozenset[Rule] = frozenset(Rule)
) -> None:
    """one_shift_per_day and one_place_per_shift: a person works at most one (shift, mode) a day.

    Both rules make one clique per person and day; with one of them knocked out (`rules`
    lacks it, in a test) the other is posted alone.
    """
    day, place = Rule.ONE_SHIFT_PER_DAY in rules, Rule.ONE_PLACE_PER_SHIFT in rules
    if day and place:
        for vars_ in v.by_person_day.values():
            if len(vars_) > 1:
                model.add_at_most_one(vars_)
    elif place:
        for vars_ in v.by_person_day_shift.values():
            if len(vars_) > 1:
                model.add_at_most_one(vars_)
    elif day:
        shifts: dict[tuple[str, int], list] = {}
        for (p, d, _s), vars_ in v.by_person_day_shift.items():
            worked = model.new_bool_var("")
            model.add_max_equality(worked, vars_)
            shifts.setdefault((p, d), []).append(worked)
        for worked in shifts.values():
            model.add_at_most_one(worked)


def add_min_rest(model: cp_model.CpModel, v: Variables, history: dict[str, dict[int, str]]) -> None:
    """min_rest: forbid every pair of shifts whose gap is shorter than `min_rest_hours`."""
    data = v.data
    conflicts = rest_conflicts(data.shifts, data.settings.min_rest_hours)
    n = data.settings.days
    for p in data.people:
        past = history.get(p.id, {})
        for first, k, second in conflicts:
            for d in range(-k, n):
                later = d + k
                if later >= n:
                    break
                if d < 0:
                    if past.get(d) == first:
                        for var in v.by_person_day_shift.get((p.id, later, second), []):
                            model.add(var == 0)
                    continue
                a = v.by_person_day_shift.get((p.id, d, first))
                b = v.by_person_day_shift.get((p.id, later, second))
                if a and b:
                    model.add(sum(a) + sum(b) <= 1)


def _window_sums(
    model: cp_model.CpModel,
    v: Variables,
    person: str,
    length: int,
    limit: int,
    term,
    past_count,
) -> None:
    """Every `length` consecutive days (reaching back into history) hold at most `limit`."""
    n = v.data.settings.days
    for first in range(-(length - 1), n):
        days = range(max(first, 0), min(first + length, n))
        if not days:
            continue
        carried = sum(past_count(d) for d in range(first, 0))
        if len(days) + carried <= limit:
            continue
        expr = [term(person, d) for d in days]
        expr = [e for e in expr if not isinstance(e, int) or e]
        if not expr:
            continue
        model.add(sum(expr) + carried <= limit)


def add_max_consecutive_days(
    model: cp_model.CpModel, v: Variables, history: dict[str, dict[int, str]]
) -> None:
    """max_consecutive_days: any run of max+1 days holds at least one day off (a person's
    own `max_consecutive_shifts` overrides the setting)."""
    for p in v.data.people:
        limit = v.data.max_consecutive_shifts(p)
        past = history.get(p.id, {})
        _window_sums(
            model, v, p.id, limit + 1, limit, v.day_work, lambda d, past=past: int(d in past)
        )


def add_weekly_caps(
    model: cp_model.CpModel,
    v: Variables,
    history: dict[str, dict[int, str]],
    rules: frozenset[Rule] = frozenset(Rule),
) -> None:
    """max_shifts_per_week and max_nights_per_week over every rolling 7-day window (`rules`
    may leave either out, in a knock-out test)."""
    data = v.data
    nights = {s.id for s in data.shifts if s.night} if Rule.MAX_NIGHTS_PER_WEEK in rules else ()
    for p in data.people:
        past = history.get(p.id, {})
        if Rule.MAX_SHIFTS_PER_WEEK in rules:
            _window_sums(
                model,
                v,
                p.id,
                WINDOW,
                data.max_shifts_per_week(p),
                v.day_work,
                lambda d, past=past: int(d in past),
            )
        if nights:
            _window_sums(
                model,
                v,
                p.id,
                WINDOW,
                data.settings.max_nights_per_week,
                v.night_work,
                lambda d, past=past: int(past.get(d) in nights),
            )


@dataclass(frozen=True)
class Limits:
    """One person's limits for the question "may I add this shift": their own where the
    People sheet sets one, else the setting (requested people, being anonymous, the
    settings alone)."""

    max_run: int
    week: int
    week_nights: int
    by_type: dict[str, int]
    max_minutes: int | None
    max_weekends: int | None
    min_days_off: int

    @classmethod
    def of(cls, data: ProblemData, person: Person | None) -> Limits:
        s = data.settings
        if person is None:
            return cls(
                s.max_consecutive_days,
                s.max_shifts_per_week,
                s.max_nights_per_week,
                {},
                None,
                s.max_weekends,
                s.min_days_off_in_row,
            )
        return cls(
            data.max_consecutive_shifts(person),
            data.max_shifts_per_week(person),
            s.max_nights_per_week,
            dict(person.max_shifts_by_type),
            person.max_total_minutes,
            data.max_weekends(person),
            data.min_days_off_in_row(person),
        )


class WorkRestRules:
    """The work-rest view of one problem, built once per solve: may a person add a shift?

    Plans built shift by shift ask it: the greedy warm start, the requested people, and the
    gap reasons ("could this person have taken the gap?"). It reads the same rules as the
    model and the checker: one shift a day, rest hours and forbidden successions (both as
    pairs of shifts a few days apart), runs of days, rolling 7-day caps, and each person's
    own limits (`Limits`). Worked days map a day index to a shift id; negative indexes are
    History, which counts as the model counts it.

    Minimums are not a question about one more shift: a plan built day by day cannot promise
    `min_consecutive_shifts` or `min_total_minutes`, so `fits` does not ask them. The greedy
    hint leaves them to CP-SAT (`complete_hint` repairs a hint that misses one), requested
    people take only the places asked for, and a gap's reasons do not count them.
    `min_days_off_in_row` is asked, since a shift can only shorten a run of days off.
    """

    def __init__(self, data: ProblemData):
        s = data.settings
        self.history = history_days(data)
        self.days = s.days
        succession = {(a.id, 1, b) for a in data.shifts for b in a.forbidden_next}
        self.conflicts = set(rest_conflicts(data.shifts, s.min_rest_hours)) | succession
        self.max_k = max((k for _a, k, _b in self.conflicts), default=0)
        self.nights = {x.id for x in data.shifts if x.night}
        self.minutes = {x.id: x.duration_minutes for x in data.shifts}
        self.weekend = {d: i for i, days in enumerate(weekends(data)) for d in days}
        self.anonymous = Limits.of(data, None)
        self._limits = {p.id: Limits.of(data, p) for p in data.people}

    def limits(self, person: str | None) -> Limits:
        """A named person's limits, or a requested (anonymous) person's for None."""
        return self.anonymous if person is None else self._limits[person]

    def fits(self, days: dict[int, str], d: int, shift: str, person: str | None = None) -> bool:
        """May `person` (None: a requested person) add `shift` on day `d` to `days`?"""
        if d in days:
            return False
        limits = self.limits(person)
        for k in range(1, self.max_k + 1):
            if (days.get(d - k), k, shift) in self.conflicts:
                return False
            if (shift, k, days.get(d + k)) in self.conflicts:
                return False
        return (
            self._run_fits(days, d, limits)
            and self._weeks_fit(days, d, shift, limits)
            and self._totals_fit(days, d, shift, limits)
            and self._days_off_fit(days, d, limits.min_days_off)
        )

    def _run_fits(self, days: dict[int, str], d: int, limits: Limits) -> bool:
        run = 1
        x = d - 1
        while x in days:
            run, x = run + 1, x - 1
        x = d + 1
        while x in days:
            run, x = run + 1, x + 1
        return run <= limits.max_run

    def _weeks_fit(self, days: dict[int, str], d: int, shift: str, limits: Limits) -> bool:
        night = shift in self.nights
        for first in range(d - WINDOW + 1, d + 1):
            window = [days[x] for x in range(first, first + WINDOW) if x in days]
            if len(window) + 1 > limits.week:
                return False
            if night and sum(w in self.nights for w in window) + 1 > limits.week_nights:
                return False
        return True

    def _totals_fit(self, days: dict[int, str], d: int, shift: str, limits: Limits) -> bool:
        """Per-type maximums, total minutes and weekends, over the horizon (not History)."""
        cap = limits.by_type.get(shift)
        if cap is not None and sum(s == shift for x, s in days.items() if x >= 0) >= cap:
            return False
        if limits.max_minutes is not None:
            worked = sum(self.minutes[s] for x, s in days.items() if x >= 0)
            if worked + self.minutes[shift] > limits.max_minutes:
                return False
        if limits.max_weekends is not None and d in self.weekend:
            worked_ends = {self.weekend[x] for x in days if x in self.weekend}
            if self.weekend[d] not in worked_ends and len(worked_ends) >= limits.max_weekends:
                return False
        return True

    def _days_off_fit(self, days: dict[int, str], d: int, shortest: int) -> bool:
        """No run of days off inside the horizon left shorter than `shortest` on either side
        (runs touching the first or last day may be short, as in the model)."""
        if shortest <= 1:
            return True
        before = [x for x in days if 0 <= x < d]
        after = [x for x in days if x > d]
        gaps = [d - max(before) - 1] if before else []
        gaps += [min(after) - d - 1] if after else []
        return not any(0 < gap < shortest for gap in gaps)
