"""Edges of the checker's rules that mutation testing found unguarded (see
benchmarks/results/mutation.md): each test fails on one surviving mutant of roster/verify.py.
"""

from __future__ import annotations

from datetime import date, timedelta

from roster.data import (
    Area,
    Assignment,
    HistoryShift,
    Person,
    ProblemData,
    Requirement,
    Settings,
)
from roster.rules import Rule
from roster.verify import check
from tests.builders import SHIFTS

START = date(2021, 8, 2)  # a Monday


def ward(days: int, person: Person | None = None, **settings) -> ProblemData:
    return ProblemData(
        settings=Settings(unit="Thử", start_date=START, days=days, **settings),
        shifts=SHIFTS,
        areas=(Area(id="A1"),),
        people=(person or Person(id="P1", name="Nguyễn Văn An"),),
        requirements=(Requirement(area="A1", min_staff=0),),
    )


def worked(*days: int, shift: str = "S") -> list[Assignment]:
    return [
        Assignment(date=START + timedelta(days=d), shift=shift, area="A1", person="P1")
        for d in days
    ]


def rules(data: ProblemData, roster: list[Assignment]) -> list[Rule]:
    return [v.rule for v in check(data, roster).violations]


def test_rest_of_exactly_the_minimum_is_enough() -> None:
    data = ward(2, min_rest_hours=16)  # afternoon 14-22, then 14 the next day: 16 h
    assert rules(data, worked(0, 1, shift="C")) == []
    assert rules(ward(2, min_rest_hours=16.5), worked(0, 1, shift="C")) == [Rule.MIN_REST]


def test_history_dated_inside_the_horizon_is_not_counted() -> None:
    """History is what was worked before the first day; a row on the first day is ignored
    (the roster says what happens then)."""
    data = ward(2).model_copy(
        update={"history": (HistoryShift(person="P1", date=START, shift="D"),)}
    )
    assert rules(data, worked(1)) == []


def test_an_inner_run_exactly_the_shortest_allowed_is_kept() -> None:
    data = ward(5, Person(id="P1", name="An", min_consecutive_shifts=2))
    assert rules(data, worked(1, 2)) == []
    assert rules(data, worked(2)) == [Rule.MIN_CONSECUTIVE_SHIFTS]


def test_a_short_run_touching_the_last_day_is_kept() -> None:
    data = ward(5, Person(id="P1", name="An", min_consecutive_shifts=3))
    assert rules(data, worked(3, 4)) == []
    assert rules(data, worked(0, 1)) == []


def test_saturday_and_sunday_are_one_weekend() -> None:
    data = ward(14, max_weekends=1)
    assert rules(data, worked(5, 6)) == []  # Saturday 7 and Sunday 8 August
    assert rules(data, worked(6, 12)) == [Rule.MAX_WEEKENDS]  # two Sundays


def test_exactly_the_least_total_minutes_is_enough() -> None:
    data = ward(3, Person(id="P1", name="An", min_total_minutes=960))  # two 8 h shifts
    assert rules(data, worked(0, 1)) == []
    assert rules(data, worked(0)) == [Rule.TOTAL_MINUTES]


def test_a_short_run_is_reported_on_its_first_day() -> None:
    """The commander looks the violation up by its date: the run's first day, not another."""
    data = ward(5, Person(id="P1", name="An", min_consecutive_shifts=2))
    (v,) = check(data, worked(2)).violations
    assert (v.rule, v.date) == (Rule.MIN_CONSECUTIVE_SHIFTS, START + timedelta(days=2))


def test_too_many_weekends_is_reported_on_the_last_weekend_worked() -> None:
    """Sunday 8 and Saturday 14 August where one weekend is allowed: dated the Saturday of the
    second weekend."""
    data = ward(14, max_weekends=1)
    (v,) = check(data, worked(6, 12)).violations
    assert (v.rule, v.date) == (Rule.MAX_WEEKENDS, START + timedelta(days=12))  # Sat 14/08
