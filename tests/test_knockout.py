"""Every rule knocked out of the model once: the checker must catch the roster that breaks it.

For each rule family a small case needs the rule: its demand (or a request) can only be met
by breaking it. Solved by the model without the rule, the roster breaks it and the checker
names exactly that rule; solved by the whole model, the checker passes. So the checker's
test of each rule is shown able to fail, and the model's function for it shown to bind.

`unknown_id` is the checker's only: the model has variables only for the people, shifts,
areas and days of the input, so no model can name anything else (test_verify covers it).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from ortools.sat.python import cp_model

import roster.verify
from roster.data import (
    Area,
    Assignment,
    FixedAssignment,
    Mode,
    Origin,
    Person,
    ProblemData,
    RequestType,
    Requirement,
    Settings,
    ShiftRequest,
    StatusKind,
    StatusPeriod,
)
from roster.model.build import MODEL_RULES, build_model
from roster.model.naming import name_places
from roster.rules import Rule
from roster.verify import CHECKER_RULES, check
from tests.builders import SHIFTS

START = date(2021, 8, 2)  # a Monday
AREAS = (Area(id="A1"), Area(id="A2"), Area(id="R", kind="remote"))
P1 = Person(id="P1", name="Nguyễn Văn An")
CHECKER_ONLY = {Rule.UNKNOWN_ID}
NEVER_EMITTED = {r for r in Rule if r.value == "coverage"}  # being removed (issue 11)


def day(i: int) -> date:
    return START + timedelta(days=i)


def need(shift: str, first: int | None = None, last: int | None = None, **row) -> Requirement:
    """One person wanted on `shift` in A1 (from day `first` to day `last`, when given)."""
    row.setdefault("area", "A1")
    row.setdefault("min_staff", 1)
    return Requirement(
        shift=shift,
        date_from=None if first is None else day(first),
        date_to=None if last is None else day(last),
        **row,
    )


def problem(days: int, *rows: Requirement, people=(P1,), settings=None, **parts) -> ProblemData:
    return ProblemData(
        settings=Settings(unit="Thử", start_date=START, days=days, **(settings or {})),
        shifts=parts.pop("shifts", SHIFTS),
        areas=AREAS,
        people=people,
        requirements=rows,
        **parts,
    )


def _cases() -> dict[Rule, ProblemData]:
    """For each rule, a problem whose demand (or request) is met in full only by breaking it."""
    return {
        # Morning and afternoon on one day: one person covers both only twice a day.
        Rule.ONE_SHIFT_PER_DAY: problem(1, need("S"), need("C")),
        # One shift wanted on site in A1 and remotely in R.
        Rule.ONE_PLACE_PER_SHIFT: problem(1, need("S"), need("S", area="R", mode=Mode.REMOTE)),
        # A night, then the morning it ends on: no rest at all.
        Rule.MIN_REST: problem(2, need("D", 0, 0), need("S", 1, 1)),
        Rule.MAX_CONSECUTIVE_DAYS: problem(3, need("S"), settings={"max_consecutive_days": 2}),
        Rule.MAX_SHIFTS_PER_WEEK: problem(3, need("S"), settings={"max_shifts_per_week": 2}),
        Rule.MAX_NIGHTS_PER_WEEK: problem(3, need("D"), settings={"max_nights_per_week": 1}),
        Rule.AVAILABILITY_WINDOW: problem(
            2,
            need("S"),
            people=(P1.model_copy(update={"origin": Origin.DISTRICT, "available_from": day(1)}),),
        ),
        Rule.STATUS: problem(
            1,
            need("S"),
            statuses=(
                StatusPeriod(person="P1", status=StatusKind.SICK, date_from=day(0), date_to=day(0)),
            ),
        ),
        # Fixed on the morning nobody needs; the afternoon needs someone.
        Rule.FIXED: problem(
            1,
            need("S", min_staff=0),
            need("C"),
            fixed=(FixedAssignment(person="P1", date=day(0), shift="S", area="A1"),),
        ),
        Rule.MAX_STAFF: problem(
            1,
            need("S", min_staff=2),
            need("S", min_staff=0, max_staff=1),
            people=(P1, Person(id="P2", name="Trần Thị Bình")),
        ),
        # An on-site row in a remote area (the reader refuses it; data built in code may not).
        Rule.MODE: problem(1, need("S", area="R")),
        # Nothing is short; P1 asks to work the afternoon, which no row asks for.
        Rule.NO_DEMAND: problem(
            1,
            need("S", min_staff=0),
            requests=(ShiftRequest(person="P1", date=day(0), shift="C", type=RequestType.ON),),
            settings={"weight_fairness": 0, "weight_continuity": 0},
        ),
        Rule.FORBIDDEN_SUCCESSION: problem(
            2,
            need("S", 0, 0),
            need("C", 1, 1),
            shifts=(SHIFTS[0].model_copy(update={"forbidden_next": frozenset({"C"})}), *SHIFTS[1:]),
        ),
        Rule.MAX_SHIFTS_BY_TYPE: problem(
            2, need("S"), people=(P1.model_copy(update={"max_shifts_by_type": {"S": 1}}),)
        ),
        Rule.TOTAL_MINUTES: problem(
            2, need("S"), people=(P1.model_copy(update={"max_total_minutes": 480}),)
        ),
        # Only the middle day is wanted: a run of one shift inside the horizon.
        Rule.MIN_CONSECUTIVE_SHIFTS: problem(
            3, need("S", 1, 1), people=(P1.model_copy(update={"min_consecutive_shifts": 2}),)
        ),
        # The first and last days are wanted: one day off between them.
        Rule.MIN_DAYS_OFF_IN_ROW: problem(
            3,
            need("S", 0, 0),
            need("S", 2, 2),
            people=(P1.model_copy(update={"min_days_off_in_row": 2}),),
        ),
        # Both Saturdays of a fortnight are wanted.
        Rule.MAX_WEEKENDS: problem(
            14, need("S", weekdays=frozenset({5})), settings={"max_weekends": 1}
        ),
        # Teams A and B kept apart by shift, strictly: both morning places cannot be filled.
        Rule.TEAM_SEPARATION: problem(
            1,
            need("S"),
            need("S", area="A2"),
            people=(P1.model_copy(update={"team": "A"}), Person(id="P2", name="Bình", team="B")),
            settings={"team_separation": "shift", "team_strict": True},
        ),
    }


CASES = _cases()
FAMILIES = [r for r in Rule if r not in CHECKER_ONLY | NEVER_EMITTED]


@functools.cache
def solved(rule: Rule, knocked_out: bool) -> tuple[Assignment, ...]:
    """The roster of the case for `rule`, from the model with or without that rule: places
    first, then requests (the strict tiers are left out: they would never reward a break)."""
    data = CASES[rule]
    built = build_model(data, omit=frozenset({rule}) if knocked_out else frozenset())
    objective = built.objective
    built.model.minimize(1000 * objective.uncovered.var + objective.soft_expr())
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 30
    assert solver.solve(built.model) == cp_model.OPTIMAL
    v = built.vars
    working: dict[tuple, list[str]] = defaultdict(list)
    for (p, d, s, m), var in v.work.items():
        if solver.value(var):
            working[(d, s, m)].append(p)
    counts = {
        key: {cls: solver.value(var) for cls, var in by.items()} for key, by in v.count.items()
    }
    return tuple(name_places(data, v, working, counts))


def broken(rule: Rule) -> set[Rule]:
    return {v.rule for v in check(CASES[rule], solved(rule, knocked_out=True)).violations}


def test_every_rule_has_a_case_a_model_function_and_a_checker_function() -> None:
    assert set(CASES) == set(FAMILIES)
    assert set(MODEL_RULES) == set(FAMILIES)
    assert set(CHECKER_RULES) == set(FAMILIES) | CHECKER_ONLY
    assert all(callable(f) for f in (*MODEL_RULES.values(), *CHECKER_RULES.values()))


@pytest.mark.parametrize("rule", FAMILIES, ids=str)
def test_with_the_rule_the_checker_passes(rule: Rule) -> None:
    report = check(CASES[rule], solved(rule, knocked_out=False))
    assert report.violations == ()


@pytest.mark.parametrize("rule", FAMILIES, ids=str)
def test_without_the_rule_the_roster_breaks_it_and_the_checker_says_so(rule: Rule) -> None:
    assert broken(rule) == {rule}


def _blind(fn: Callable, rule: Rule) -> Callable:
    """The checker function `fn`, made to drop what it finds of `rule` (its `out` is last)."""

    def blinded(*args):
        found: list = []
        result = fn(*args[:-1], found)
        args[-1].extend(v for v in found if v.rule != rule)
        return result

    return blinded


@pytest.mark.parametrize("rule", FAMILIES, ids=str)
def test_a_checker_blind_to_the_rule_fails_the_knock_out(
    rule: Rule, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The acceptance of issue 18: with the checker's test of `rule` disabled (its function
    drops that rule's violations), the knock-out assertion above fails."""
    fn = CHECKER_RULES[rule]
    monkeypatch.setattr(roster.verify, fn.__name__, _blind(fn, rule))
    with pytest.raises(AssertionError):
        test_without_the_rule_the_roster_breaks_it_and_the_checker_says_so(rule)
