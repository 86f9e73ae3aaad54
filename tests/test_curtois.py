"""The Curtois & Qu benchmark: reader, the sequence rule families (each broken and kept, on
the model and on the checker), and the benchmark's score against the tool's."""

from __future__ import annotations

from datetime import date, time, timedelta
from time import monotonic

import pytest
from ortools.sat.python import cp_model

from roster.bench.lns import (
    OFF,
    _first_schedule,
    construct,
    decompose,
    improve,
    penalty,
    to_assignments,
)
from roster.bench.run import best_known, load, parse_instances, run
from roster.bench.score import score
from roster.data import (
    Area,
    Assignment,
    Person,
    ProblemData,
    Requirement,
    Settings,
    Shift,
)
from roster.io.problem_writer import write_problem_workbook
from roster.load import read_workbook_with_warnings
from roster.model.build import build_model
from roster.rules import Rule
from roster.verify import check

START = date(2024, 1, 1)  # a Monday


def test_reader_instance1() -> None:
    data = load(1)
    assert (len(data.people), data.settings.days, len(data.shifts)) == (8, 14, 1)
    assert data.settings.objective == "weighted"
    assert data.people[0].max_shifts_by_type == {"D": 14}
    assert len(data.requirements) == 14
    assert {r.weight_under for r in data.requirements} == {100}
    # FORMAT.md: everybody off scores 71 missing people x 100 plus 37 of on-requests.
    assert score(data, []) == 7137


def test_reader_instance2_successions_and_limits() -> None:
    data = load(2)
    assert data.shift_by_id["L"].forbidden_next == frozenset({"E"})
    assert data.person_by_id["D"].max_shifts_by_type == {"E": 14, "L": 0}
    assert data.person_by_id["K"].min_total_minutes == 1200


def test_instances_and_table() -> None:
    assert parse_instances("1-3,7") == [1, 2, 3, 7]
    with pytest.raises(ValueError):
        parse_instances("25")
    assert best_known()["Instance7"] == 1056


def test_round_trip_through_a_workbook(tmp_path) -> None:
    data = load(2)
    back, _warnings = read_workbook_with_warnings(write_problem_workbook(data, tmp_path / "i.xlsx"))
    assert back.people == data.people and back.shifts == data.shifts
    assert back.settings.objective == "weighted"
    assert [(r.min_staff, r.weight_under, r.weight_over) for r in back.requirements] == [
        (r.min_staff, r.weight_under, r.weight_over) for r in data.requirements
    ]


@pytest.mark.parametrize("number", [1, 2, 3])
def test_checker_objective_equals_tool(number: int) -> None:
    """Instances 1-3 are proven optimal in seconds: the limit is a guard, not a budget."""
    row, data, assignments = run(number, time_limit=60)
    assert row.status == "optimal"
    assert row.objective == row.best_known
    assert score(data, assignments) == row.objective
    assert not check(data, assignments).violations
    assert row.objective >= row.best_known


# --- one broken and one kept case per rule family, on the model and the checker ---------


def _data(days: int = 7, shifts: tuple[Shift, ...] | None = None, **person) -> ProblemData:
    shifts = shifts or (Shift(id="D", start=time(0, 0), end=time(8, 0), night=False),)
    return ProblemData(
        settings=Settings(
            unit="t",
            start_date=START,
            days=days,
            min_rest_hours=0,
            max_consecutive_days=366,
            max_shifts_per_week=7,
            max_nights_per_week=7,
            weight_fairness=0,
            weight_continuity=0,
            objective="weighted",
        ),
        shifts=shifts,
        areas=(Area(id="a"),),
        people=(Person(id="p", name="p", **person),),
        requirements=(Requirement(area="a", min_staff=0),),
    )


def _feasible(data: ProblemData, worked: dict[int, str]) -> bool:
    """Whether the model accepts exactly this roster for person p."""
    built = build_model(data)
    for (_p, d, s, _m), var in built.vars.work.items():
        built.model.add(var == int(worked.get(d) == s))
    for d, s in worked.items():
        if ("p", d, s) not in built.vars.by_person_day_shift:
            return False
    solver = cp_model.CpSolver()
    return solver.solve(built.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)


def _rules(data: ProblemData, worked: dict[int, str]) -> set[Rule]:
    roster = [
        Assignment(date=START + timedelta(days=d), shift=s, area="a", person="p")
        for d, s in worked.items()
    ]
    return {v.rule for v in check(data, roster).violations}


TWO = (
    Shift(id="E", start=time(0, 0), end=time(8, 0), night=False),
    Shift(id="L", start=time(0, 0), end=time(8, 0), night=False, forbidden_next=frozenset("E")),
)
CASES = [
    # (rule, data, a roster that breaks it, one that keeps it)
    (Rule.FORBIDDEN_SUCCESSION, _data(shifts=TWO), {1: "L", 2: "E"}, {1: "E", 2: "L"}),
    (
        Rule.MAX_SHIFTS_BY_TYPE,
        _data(shifts=TWO, max_shifts_by_type={"E": 1}),
        {0: "E", 2: "E"},
        {0: "E", 2: "L"},
    ),
    (Rule.TOTAL_MINUTES, _data(max_total_minutes=960), {0: "D", 1: "D", 2: "D"}, {0: "D"}),
    (Rule.TOTAL_MINUTES, _data(min_total_minutes=960), {0: "D"}, {0: "D", 1: "D"}),
    (
        Rule.MAX_CONSECUTIVE_DAYS,
        _data(max_consecutive_shifts=2),
        {0: "D", 1: "D", 2: "D"},
        {0: "D", 1: "D", 3: "D"},
    ),
    # A one-day run inside the horizon is too short; one touching the first day is not.
    (Rule.MIN_CONSECUTIVE_SHIFTS, _data(min_consecutive_shifts=2), {3: "D"}, {0: "D"}),
    (
        Rule.MIN_DAYS_OFF_IN_ROW,
        _data(min_days_off_in_row=2),
        {0: "D", 2: "D"},
        {1: "D", 2: "D", 5: "D"},
    ),
    (Rule.MAX_WEEKENDS, _data(days=14, max_weekends=1), {5: "D", 13: "D"}, {5: "D", 6: "D"}),
]


@pytest.mark.parametrize(("rule", "data", "broken", "kept"), CASES)
def test_rule_family(rule: Rule, data: ProblemData, broken: dict, kept: dict) -> None:
    assert rule in _rules(data, broken)
    assert not _feasible(data, broken)
    assert _rules(data, kept) == set()
    assert _feasible(data, kept)


def test_weighted_cover_counts_over_and_under() -> None:
    data = _data().model_copy(
        update={"requirements": (Requirement(area="a", min_staff=1, weight_over=3),)}
    )
    one_shift = [Assignment(date=START, shift="D", area="a", person="p")]
    # 6 days short (x100) and nothing over; a second person would cost 3.
    assert score(data, one_shift) == 600


# --- the search on parts (roster/bench/lns.py) --------------------------------------------


def test_start_schedule_when_the_previous_persons_breaks_a_rule() -> None:
    """q may not work L, so p's all-L schedule hints q to an empty one, below q's minimum
    minutes: q must still get a schedule within q's own rules."""
    data = _data(shifts=TWO).model_copy(
        update={
            "people": (
                Person(id="p", name="p", min_total_minutes=960),
                Person(id="q", name="q", min_total_minutes=960, max_shifts_by_type={"L": 0}),
            )
        }
    )
    dec = decompose(data)
    roster = [[1] * 7, [OFF] * 7]
    assert _first_schedule(dec, roster, 1, workers=1, seed=0, give_up=monotonic() + 60)
    assert roster[1].count(0) >= 2 and set(roster[1]) <= {0, OFF}
    assert not check(data, to_assignments(dec, roster, "a")).violations


def test_search_on_parts_never_worsens_a_valid_roster() -> None:
    """From the person-by-person start on Instance10, the search on parts keeps a roster the
    checker passes, at the penalty it says, never worse than the start, and lower whenever it
    counts an improvement (how many it finds depends on the machine's load, so not asserted)."""
    data = load(10)
    dec = decompose(data)
    roster = construct(dec, monotonic() + 60, workers=2, seed=0)
    assert roster is not None
    start = penalty(dec, roster)
    steps, improvements = improve(dec, roster, monotonic() + 3, workers=2, seed=0)
    found = penalty(dec, roster)
    assert steps > 0 and found <= start
    assert (found < start) == (improvements > 0)
    assignments = to_assignments(dec, roster, data.areas[0].id)
    assert not check(data, assignments).violations
    assert score(data, assignments) == found
