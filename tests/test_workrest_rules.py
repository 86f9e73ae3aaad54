"""The greedy warm start, the requested people and the gap reasons read each person's own
work-rest limits and the sequence rules, exactly as the model and the checker do.

The ward here uses per-person limits (a shorter run, a shift type never worked, a cap on
minutes, no weekend), a forbidden succession and minimum runs: the greedy roster must pass
the independent checker, and its completion must give the solver its warm start.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from roster.data import (
    Area,
    Assignment,
    HistoryShift,
    Person,
    ProblemData,
    Requirement,
    Settings,
    StatusKind,
    StatusPeriod,
)
from roster.model.build import build_model
from roster.model.hint import add_hint, complete_hint, greedy_roster
from roster.model.requested import plan_requested
from roster.model.workrest import WorkRestRules
from roster.solver import solve
from roster.verify import check
from tests.builders import C, D, S

START = date(2021, 8, 2)  # a Monday
SHIFTS = (S.model_copy(update={"forbidden_next": frozenset({"C"})}), C, D)  # no C after S
AREAS = (Area(id="A1"),)
PEOPLE = (
    Person(id="P1", name="An", max_consecutive_shifts=2),
    Person(id="P2", name="Bình", max_shifts_by_type={"D": 0, "S": 2}),
    Person(id="P3", name="Cường", max_total_minutes=3 * 480),
    Person(id="P4", name="Dũng", max_weekends=0),
    Person(id="P5", name="Em"),
    Person(id="P6", name="Giang"),
)


def ward(**fields: object) -> ProblemData:
    """Two people wanted on every shift of 10 days: more than six people can give."""
    settings = Settings(unit="Thử", start_date=START, days=10, max_consecutive_days=6)
    base: dict[str, object] = {
        "settings": settings,
        "shifts": SHIFTS,
        "areas": AREAS,
        "people": PEOPLE,
        "requirements": (Requirement(area="A1", min_staff=2),),
    }
    base.update(fields)
    return ProblemData(**base)


def as_assignments(data: ProblemData, chosen: dict[tuple, str]) -> list[Assignment]:
    return [
        Assignment(date=data.dates[d], shift=s, area=area, person=p, mode=m)
        for (p, d, s, m), area in chosen.items()
    ]


def test_greedy_roster_keeps_every_per_person_rule() -> None:
    data = ward()
    chosen = greedy_roster(data, build_model(data))
    report = check(data, as_assignments(data, chosen))
    assert report.violations == ()
    assert {p for p, *_ in chosen} == {p.id for p in PEOPLE}  # nobody left out for nothing


def test_greedy_roster_is_completed_into_a_warm_start() -> None:
    data = ward()
    built = build_model(data)
    add_hint(data, built, None)
    assert complete_hint(built, 5.0) is not None


def test_minimum_runs_are_left_to_the_completion() -> None:
    """A greedy cannot promise a minimum run; the completion still gives a whole roster."""
    people = (*PEOPLE[:4], PEOPLE[4].model_copy(update={"min_consecutive_shifts": 3}), PEOPLE[5])
    data = ward(
        people=people, settings=ward().settings.model_copy(update={"min_days_off_in_row": 2})
    )
    built = build_model(data)
    add_hint(data, built, None)
    assert complete_hint(built, 5.0) is not None


def test_gap_reason_names_a_persons_own_run_limit() -> None:
    """P1 may work two days in a row; the third day's gap is their work-rest rule."""
    settings = Settings(unit="Thử", start_date=START, days=3, language="en")
    data = ProblemData(
        settings=settings,
        shifts=SHIFTS[:1],
        areas=AREAS,
        people=PEOPLE[:1],
        requirements=(Requirement(area="A1", shift="S", min_staff=1),),
    )
    result = solve(data, time_limit=5, workers=1)
    assert len(result.gaps) == 1
    (reason,) = result.gap_reasons.values()
    assert "1 held by work-rest rules" in reason


def test_requested_people_keep_forbidden_successions() -> None:
    """S then C the next day is forbidden: one requested person cannot take both places."""
    away = StatusPeriod(
        person="P5", status=StatusKind.LEAVE, date_from=START, date_to=START + timedelta(days=1)
    )
    data = ProblemData(
        settings=Settings(unit="Thử", start_date=START, days=2),
        shifts=SHIFTS,
        areas=AREAS,
        people=(PEOPLE[4],),
        statuses=(away,),
        requirements=(
            Requirement(area="A1", shift="S", date_to=START, min_staff=1),
            Requirement(area="A1", shift="C", date_from=START + timedelta(days=1), min_staff=1),
        ),
    )
    result = solve(data, time_limit=5, workers=1)
    assert len(result.gaps) == 2
    assert len(result.requested) == 2


@pytest.mark.parametrize("seed", range(6))
def test_greedy_roster_keeps_random_per_person_limits(seed: int) -> None:
    """Any mix of the maximums (and days off in a row) that the greedy asks about."""
    rng = random.Random(seed)
    shifts = tuple(
        s.model_copy(update={"forbidden_next": frozenset(rng.sample(["S", "C", "D"], 1))})
        if rng.random() < 0.5
        else s
        for s in SHIFTS
    )
    people = tuple(
        Person(
            id=f"P{i}",
            name=f"N{i}",
            max_consecutive_shifts=rng.choice([None, 1, 2, 3]),
            max_shifts_per_week=rng.choice([None, 2, 4]),
            max_shifts_by_type=rng.choice([{}, {"S": 1}, {"D": 0, "C": 3}]),
            max_total_minutes=rng.choice([None, 960, 2400]),
            max_weekends=rng.choice([None, 0, 1]),
            min_days_off_in_row=rng.choice([None, 2, 3]),
        )
        for i in range(8)
    )
    history = tuple(
        HistoryShift(person=p.id, date=START - timedelta(days=k), shift=rng.choice("SCD"))
        for p in people
        for k in (1, 2)
        if rng.random() < 0.5
    )
    data = ward(shifts=shifts, people=people, history=history)
    chosen = greedy_roster(data, build_model(data))
    assert check(data, as_assignments(data, chosen)).violations == ()


def test_requested_people_keep_the_settings_limits() -> None:
    """Three weeks of two places a shift and nobody named: each requested person's places,
    taken in day order, keep every limit (weekends and days off in a row included)."""
    settings = Settings(
        unit="Thử", start_date=START, days=21, max_weekends=1, min_days_off_in_row=2
    )
    away = StatusPeriod(
        person="P5", status=StatusKind.LEAVE, date_from=START, date_to=START + timedelta(days=20)
    )
    data = ward(settings=settings, people=(PEOPLE[4],), statuses=(away,))
    rules = WorkRestRules(data)
    places = {(d, s.id, "A1"): 2 for d in range(21) for s in SHIFTS}
    people = plan_requested(data, rules, places, 2.0)
    assert sum(len(p.places) for p in people) == 2 * 3 * 21
    for person in people:
        days: dict[int, str] = {}
        for d, s, _area in person.places:
            assert rules.fits(days, d, s), (person.number, d, s, days)
            days[d] = s
