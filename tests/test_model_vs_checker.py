"""The model held against the checker: what the model believes of its roster (its own
uncovered places, head counts, work and tier values, `Result.model` and `Result.tiers`)
against what the checker, or a small recomputation here, finds from the roster and the input
alone (never from the model).

Searches are cut short, so only what holds at any search luck is asserted: tiers the model
states as equalities (named reinforcements, requests), head counts and work are equal
always; tiers the model only bounds from below (uncovered places, shifts beyond demand,
fairness, continuity) are at least the roster's true value, and equal to it once the stage
that minimises them is proven optimal.

Every rule is a function of who works which shift in which mode on which day and of the
head count in each place; so when the model's work and head counts are the roster's and the
checker finds no violation, the model's belief that every rule holds is the checker's.
"""

from __future__ import annotations

import importlib.util
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roster.data import Assignment, Mode, Origin, ProblemData, RequestType
from roster.load import read_workbook
from roster.result import Result
from roster.solver import solve
from roster.verify import check, unavailable

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "ward-hoa-thuan-dong.xlsx"
COST = {Origin.OWN: 0, Origin.DISTRICT: 1, Origin.CITY: 2}  # district before city
SCALE = 10  # a fully available person's shift weighs 10 in fairness


def _generator():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generate = _generator()


def _horizon(data: ProblemData) -> list[date]:
    return [data.settings.start_date + timedelta(days=i) for i in range(data.settings.days)]


def _demand(data: ProblemData) -> int:
    """The fewest people every place asks for, summed: per (date, shift, area, mode), the
    largest min_staff, min_police, or one when a skill is asked."""
    least: dict[tuple, int] = defaultdict(int)
    for day in _horizon(data):
        for row in data.requirements:
            if (row.date_from and day < row.date_from) or (row.date_to and day > row.date_to):
                continue
            if row.weekdays is not None and day.weekday() not in row.weekdays:
                continue
            for shift in data.shifts:
                if row.shift in (None, shift.id):
                    key = (day, shift.id, row.area, row.mode)
                    least[key] = max(least[key], row.min_staff, row.min_police, bool(row.skill))
    return sum(least.values())


def _requests(data: ProblemData, roster: list[Assignment]) -> int:
    """The weight of every request the roster does not honour."""
    worked = {(a.person, a.date, a.shift) for a in roster}
    days = {(a.person, a.date) for a in roster}
    people, horizon = {p.id for p in data.people}, set(_horizon(data))
    total = 0
    for r in data.requests:
        if r.person not in people or r.date not in horizon:
            continue
        on = (
            (r.person, r.date) in days if r.shift is None else (r.person, r.date, r.shift) in worked
        )
        total += r.weight * (on if r.type == RequestType.OFF else not on)
    return total


def _fairness(data: ProblemData, roster: list[Assignment]) -> int:
    """Per family (shifts, nights, weekend shifts): the heaviest load of own staff available
    at least a week (or the whole plan), a person's count scaled by days available."""
    horizon = _horizon(data)
    n = len(horizon)
    nights = {s.id for s in data.shifts if s.night}

    def available(pid: str) -> int:
        return sum(
            any(unavailable(data, pid, day, m) is None for m in (Mode.ONSITE, Mode.REMOTE))
            for day in horizon
        )

    own = [p.id for p in data.people if p.origin == Origin.OWN and available(p.id) >= min(7, n)]
    if not own:
        return 0
    families = {"shifts": lambda a: True}
    if nights:
        families["nights"] = lambda a: a.shift in nights
    if any(day.weekday() >= 5 for day in horizon):
        families["weekends"] = lambda a: a.date.weekday() >= 5
    total = 0
    for keep in families.values():
        count = Counter(
            a.person for a in {(a.person, a.date): a for a in roster}.values() if keep(a)
        )
        by_scale: dict[int, int] = defaultdict(int)
        for pid in own:
            scale = round(SCALE * n / available(pid))
            by_scale[scale] = max(by_scale[scale], count[pid])
        total += max(scale * most for scale, most in by_scale.items())
    return total


def _continuity(data: ProblemData, roster: list[Assignment]) -> int:
    """Shifts people with a home area work elsewhere while a row of their mode applies at
    home (a home that asks for nobody of that mode cannot take them)."""
    home = {p.id: p.home_area for p in data.people}
    return sum(
        1
        for a in roster
        if home[a.person]
        and home[a.person] != a.area
        and any(
            r.area == home[a.person] and r.mode == a.mode and r.applies(a.date, a.shift)
            for r in data.requirements
        )
    )


def figures(data: ProblemData, result: Result) -> None:
    """Assert the model's figures against the roster's, as the module docstring says."""
    roster = list(result.assignments)
    model = result.model
    assert model is not None
    report = check(data, roster)
    assert report.violations == ()
    # Work and head counts: equal always.
    assert model.worked == {(a.person, a.date, a.shift, Mode(a.mode).value) for a in roster}
    staff = Counter((a.date, a.shift, a.area, Mode(a.mode).value) for a in roster)
    assert {k: n for k, n in model.staff.items() if n} == dict(staff)
    # Uncovered places: at least the checker's in every place, equal once proven least.
    missing = {(g.date, g.shift, g.area): g.missing for g in report.gaps}
    assert set(missing) <= set(model.uncovered)
    for place, places in model.uncovered.items():
        assert places >= missing.get(place, 0), place
    stages = {s.name: s.status for s in result.stages}
    if stages.get("uncovered") == "optimal":
        assert {k: n for k, n in model.uncovered.items() if n} == missing
        assert result.tiers["uncovered"] == report.uncovered
    # Tiers the model states as equalities.
    tiers = result.tiers
    people = {p.id: p for p in data.people}
    assert tiers["named_reinforcements"] == sum(COST[people[a.person].origin] for a in roster)
    assert tiers["requests"] == _requests(data, roster)
    # Tiers the model bounds from below.
    worked_days = len({(a.person, a.date) for a in roster})
    surplus = max(worked_days - _demand(data), 0)
    fairness, continuity = _fairness(data, roster), _continuity(data, roster)
    assert tiers["surplus_shifts"] >= surplus
    assert tiers["fairness"] >= fairness
    if stages.get("reinforcements") == "optimal" and stages.get("uncovered") == "optimal":
        assert tiers["surplus_shifts"] == surplus
    if stages.get("preferences") == "optimal":
        assert tiers["fairness"] == fairness
    if not data.fixed:  # a Fixed row may keep someone from home whom the model counts there
        assert tiers["continuity"] >= continuity
        if stages.get("preferences") == "optimal":
            assert tiers["continuity"] == continuity


def test_the_bundled_example() -> None:
    data = read_workbook(EXAMPLE)
    figures(data, solve(data, time_limit=15, workers=1, seed=1))


@pytest.mark.parametrize(("people", "areas", "days", "seed"), [(30, 8, 14, 1), (12, 4, 9, 5)])
def test_generated_problems(people: int, areas: int, days: int, seed: int) -> None:
    data = generate.generate(people, areas, days, seed)
    figures(data, solve(data, time_limit=10, workers=1, seed=0))


def _short(data: ProblemData, extra: int, police: int, fixed: bool) -> ProblemData:
    """The same problem asking `extra` more people of every other row and `police` more
    police of every third (now some places are short), with or without its Fixed rows."""
    rows = tuple(
        r.model_copy(
            update={
                "min_staff": r.min_staff + extra * (i % 2),
                "min_police": r.min_police + police * (i % 3 == 0),
            }
        )
        for i, r in enumerate(data.requirements)
    )
    return data.model_copy(update={"requirements": rows, "fixed": data.fixed if fixed else ()})


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    people=st.integers(2, 6),
    areas=st.integers(1, 3),
    days=st.integers(2, 9),
    seed=st.integers(0, 10_000),
    extra=st.integers(0, 2),
    police=st.integers(0, 2),
    fixed=st.booleans(),
)
def test_small_random_problems(
    people: int, areas: int, days: int, seed: int, extra: int, police: int, fixed: bool
) -> None:
    data = _short(generate.generate(people, areas, days, seed), extra, police, fixed)
    figures(data, solve(data, time_limit=10, workers=1, seed=0))
