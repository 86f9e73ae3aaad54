"""Closing the start roster's last gaps a window of days at a time (`roster.windows`): the
window closes a gap it can, keeps every day outside it as it was, breaks no rule (checked
independently), and gives up on a gap no roster can close after its two widths."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

from ortools.sat.python import cp_model

from roster.data import Mode, Requirement
from roster.model.build import BuiltModel, build_model
from roster.model.hint import complete_hint
from roster.solver import ProgressEvent, _extract, solve
from roster.verify import check
from roster.windows import (
    FRUITLESS,
    WindowSearch,
    close_gaps_in_windows,
    gap_days,
    improve_in_windows,
    score,
)
from tests.builders import START, police, problem

DAYS = 21
GAP = 10


def three_weeks(min_staff_on_gap_day: int = 1):
    """Two officers, one morning place a day for three weeks; the gap day may ask for more
    than the two of them can give."""

    def row(first: int, last: int, staff: int) -> Requirement:
        return Requirement(
            area="A",
            shift="S",
            date_from=START + timedelta(first),
            date_to=START + timedelta(last),
            min_staff=staff,
        )

    rows = [row(0, GAP - 1, 1), row(GAP, GAP, min_staff_on_gap_day), row(GAP + 1, DAYS - 1, 1)]
    return problem((police(1), police(2)), rows, days=DAYS)


def start_with_a_gap(built: BuiltModel, both_on_gap_day: bool = False) -> list[int]:
    """A whole solution: P1 on even days, P2 on odd ones, nobody on the gap day (or both)."""
    model = built.model
    model.clear_hints()
    for (p, d, s, m), var in built.vars.work.items():
        on_gap_day = ("P1", "P2") if both_on_gap_day else ()
        who = on_gap_day if d == GAP else ("P1" if d % 2 else "P2",)
        model.add_hint(var, s == "S" and m is Mode.ONSITE and p in who)
    values = complete_hint(built, 5.0)
    assert values is not None
    return values


def run_counting(calls: list[int]):
    def run(solver: cp_model.CpSolver, model: cp_model.CpModel) -> int:
        calls.append(1)
        return solver.solve(model)

    return run


def close(built: BuiltModel, values: list[int], calls: list[int]) -> list[int]:
    search = WindowSearch(1, 0, run_counting(calls), lambda: False, lambda _values: None)
    return close_gaps_in_windows(built, values, 60.0, search)


def test_a_window_closes_the_gap_and_keeps_the_days_outside_it():
    data = three_weeks()
    built = build_model(data)
    start = start_with_a_gap(built)
    assert gap_days(built, start) == [GAP]
    calls: list[int] = []
    closed = close(built, start, calls)
    assert gap_days(built, closed) == []
    assert len(calls) == 1
    for (_p, d, _s, _m), var in built.vars.work.items():
        if abs(d - GAP) > 3:
            assert closed[var.index] == start[var.index]
    assignments, _uncovered = _extract(data, built, closed, None)
    report = check(data, assignments)
    assert report.violations == ()
    assert report.uncovered == 0


def test_a_gap_no_roster_can_close_is_left_after_both_widths():
    data = three_weeks(min_staff_on_gap_day=3)
    built = build_model(data)
    start = start_with_a_gap(built)
    calls: list[int] = []
    closed = close(built, start, calls)
    # The first window puts both officers there; the third place stays open: the same week
    # again, then two weeks, close nothing, and the day is given up.
    assert len(calls) == 3
    assignments, _uncovered = _extract(data, built, closed, None)
    report = check(data, assignments)
    assert report.violations == ()
    assert report.uncovered == 1


def test_solve_reports_the_start_roster_before_any_stage():
    """The progress line hears of the start roster's uncovered places before any stage; the
    place no roster can fill is still uncovered, and proven so, at the end."""
    data = three_weeks(min_staff_on_gap_day=3)
    events: list[ProgressEvent] = []
    result = solve(data, time_limit=20, workers=1, progress=events.append)
    assert events and events[0].stage == "uncovered" and events[0].objective >= 1
    assert check(data, list(result.assignments)).uncovered == 1
    assert result.stages[0].name == "uncovered" and result.stages[0].status == "optimal"


def test_windows_improve_a_lower_tier_a_week_at_a_time():
    """Both officers stand on the gap day where one is asked for: a shift beyond demand,
    which the strict tiers count. The windows remove it, each improvement changing one
    week only; coverage and every rule hold (checked independently)."""
    data = three_weeks()
    built = build_model(data)
    start = start_with_a_gap(built, both_on_gap_day=True)
    tiers = built.objective.strict_weights()
    surplus = built.objective.strict[-1].var
    assert start[surplus.index] == 1 and gap_days(built, start) == []
    seen, calls = [start], []
    search = WindowSearch(1, 0, run_counting(calls), lambda: False, seen.append)
    better = improve_in_windows(built, start, tiers, 60.0, search)
    # It stops once a whole sweep of windows (every 4th day) is proven unable to improve.
    assert len(calls) <= 3 * len(range(0, DAYS, 4))
    assert better[surplus.index] == 0 and better == seen[-1]
    assert score(tiers, better) < score(tiers, start)
    work = built.vars.work.items()
    for before, after in pairwise(seen):
        changed = {d for (_p, d, _s, _m), var in work if before[var.index] != after[var.index]}
        assert max(changed, default=0) - min(changed, default=0) <= 6
    report = check(data, _extract(data, built, better, None)[0])
    assert report.violations == () and report.uncovered == 0


def test_a_unit_short_everywhere_stops_after_a_few_fruitless_windows():
    """A skill nobody has, asked for every day: no window can close anything, and after
    FRUITLESS of them the rest is left to the coverage stage (not a window per day)."""
    rows = [
        Requirement(
            area="A",
            shift="C",
            date_from=START,
            date_to=START + timedelta(DAYS - 1),
            min_staff=1,
            skill="y_te",
        ),
    ]
    data = problem((police(1), police(2)), rows, days=DAYS)
    built = build_model(data)
    start = start_with_a_gap(built)
    assert len(gap_days(built, start)) == DAYS
    calls: list[int] = []
    assert gap_days(built, close(built, start, calls)) == list(range(DAYS))
    assert len(calls) == FRUITLESS
