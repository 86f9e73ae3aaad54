"""The model, rule family by rule family: each test builds a case where breaking the rule
would cover more, solves it, and checks the roster with the independent checker."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roster import solve
from roster.data import (
    FixedAssignment,
    HistoryShift,
    Requirement,
    ShiftRequest,
    StatusPeriod,
)
from roster.result import Status
from tests.builders import START, police, problem


def solved(data, limit: float = 60):
    """Solved with two workers; ``limit`` only caps a search these small cases end early.

    `solve()` itself refuses a roster its checker faults, so the tests look at what the
    roster is, not whether it passes."""
    return solve(data, time_limit=limit, workers=2)


def test_covers_everything_when_people_suffice():
    data = problem([police(i) for i in range(6)], [Requirement(area="A", min_staff=1)])
    result = solved(data)
    assert result.fully_covered
    assert result.status == Status.OPTIMAL
    assert len(result.assignments) == 21


def test_one_shift_per_day_leaves_a_gap_with_one_person():
    data = problem([police(1)], [Requirement(area="A", min_staff=1)], days=1)
    result = solved(data)
    assert result.uncovered == 2
    assert len(result.requested) == 2  # two more people: one shift a day each


def test_min_rest_forbids_night_then_morning():
    # One person, night on day 1 demanded by a fixed row, morning on day 2 demanded too.
    data = problem(
        [police(1)],
        [
            Requirement(area="A", shift="D", date_to=START, min_staff=1),
            Requirement(area="A", shift="S", date_from=START + timedelta(1), min_staff=1),
        ],
        days=2,
    )
    result = solved(data)
    assert result.uncovered == 1


def test_max_consecutive_days_forces_a_day_off():
    data = problem(
        [police(1)],
        [Requirement(area="A", shift="S", min_staff=1)],
        days=8,
        max_consecutive_days=3,
        max_shifts_per_week=7,
    )
    result = solved(data)
    assert result.uncovered == 2  # 8 days, at most 3 in a row: 3 + off + 3 + off


def test_weekly_cap_is_a_rolling_window():
    data = problem(
        [police(1)],
        [Requirement(area="A", shift="S", min_staff=1)],
        days=14,
        max_shifts_per_week=4,
        max_consecutive_days=14,
    )
    result = solved(data)
    worked = sorted(a.date for a in result.assignments)
    for first in range(14):
        window = [d for d in worked if 0 <= (d - START).days - first < 7]
        assert len(window) <= 4
    assert len(worked) == 8


def test_night_cap():
    data = problem(
        [police(1), police(2)],
        [Requirement(area="A", shift="D", min_staff=1)],
        days=7,
        max_nights_per_week=2,
    )
    result = solved(data)
    assert result.uncovered == 3


def test_status_and_remote_duty_for_f1():
    people = [police(1), police(2)]
    statuses = (
        StatusPeriod(person="P1", status="F0", date_from=START, date_to=START + timedelta(6)),
        StatusPeriod(person="P2", status="F1", date_from=START, date_to=START + timedelta(6)),
    )
    reqs = [
        Requirement(area="A", shift="S", min_staff=1),
        Requirement(area="R", shift="S", min_staff=1, mode="remote"),
    ]
    result = solved(problem(people, reqs, statuses=statuses))
    assert {a.person for a in result.assignments} == {"P2"}
    assert all(a.mode == "remote" for a in result.assignments)
    assert result.uncovered == 7 + 1  # 7 on site; P2 works at most 6 of 7 remote shifts


def test_reinforcement_window_and_district_before_city():
    people = [
        police(1, origin="district", available_from=START + timedelta(2)),
        police(2, origin="city"),
    ]
    result = solved(problem(people, [Requirement(area="A", shift="S", min_staff=1)], days=4))
    by_day = {a.date: a.person for a in result.assignments}
    assert by_day[START] == "P2" and by_day[START + timedelta(1)] == "P2"
    assert by_day[START + timedelta(2)] == "P1" and by_day[START + timedelta(3)] == "P1"


def test_min_police_and_skill():
    people = [
        police(1, role="militia"),
        police(2, role="militia", skills=frozenset({"lead"})),
        police(3),
    ]
    reqs = [Requirement(area="A", shift="S", min_staff=2, min_police=1, skill="lead")]
    result = solved(problem(people, reqs, days=1))
    assert result.fully_covered
    assert {a.person for a in result.assignments} == {"P2", "P3"}


def test_max_staff_caps_a_cell_that_another_row_asks_more_of():
    """One row asks two people on every shift, another allows one on the morning: only
    max_staff keeps the morning at one (the cap wins and the shortfall is a gap)."""
    reqs = [
        Requirement(area="A", min_staff=2),
        Requirement(area="A", shift="S", min_staff=0, max_staff=1),
    ]
    result = solved(problem([police(i) for i in range(6)], reqs, days=1))
    assert sum(1 for a in result.assignments if a.shift == "S") == 1
    assert [(g.shift, g.missing) for g in result.gaps] == [("S", 1)]


def test_fixed_rows_are_kept_and_history_counts():
    people = [police(1), police(2)]
    fixed = (FixedAssignment(person="P2", date=START, shift="S", area="A"),)
    history = (HistoryShift(person="P1", date=START - timedelta(1), shift="D"),)
    result = solved(
        problem(
            people,
            [Requirement(area="A", shift="S", min_staff=1)],
            days=1,
            fixed=fixed,
            history=history,
        )
    )
    assert [(a.person, a.area) for a in result.assignments] == [("P2", "A")]


def test_requests_are_honoured_when_free():
    people = [police(1), police(2)]
    requests = (ShiftRequest(person="P1", date=START, type="off", weight=3),)
    result = solved(
        problem(people, [Requirement(area="A", shift="S", min_staff=1)], days=1, requests=requests)
    )
    assert [a.person for a in result.assignments] == ["P2"]


def test_gaps_have_reasons_and_requests_group_them():
    data = problem([police(1)], [Requirement(area="A", min_staff=1)], days=3)
    result = solved(data)
    assert result.gaps and all(result.gap_reasons[(g.date, g.shift, g.area)] for g in result.gaps)
    assert sum(r.people for r in result.requests) >= len(result.requested) > 0
    placed = sorted((d, s, a) for r in result.requested for d, s, a in r.places)
    gaps = sorted((g.date, g.shift, g.area) for g in result.gaps for _ in range(g.missing))
    assert placed == gaps


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n_people=st.integers(1, 6),
    days=st.integers(1, 9),
    need=st.lists(
        st.tuples(st.sampled_from(["S", "C", "D", None]), st.integers(0, 2), st.integers(0, 1)),
        min_size=1,
        max_size=3,
    ),
    f0=st.integers(0, 2),
)
def test_random_problems_request_exactly_their_gaps(n_people, days, need, f0):
    """Whatever the problem, each gap has a reason and the requested people fill exactly the
    gaps, one shift a day each (what a commander asks the district for)."""
    people = [police(i, role="police" if i % 2 else "militia") for i in range(n_people)]
    reqs = [Requirement(area="A", shift=s, min_staff=m, min_police=min(p, m)) for s, m, p in need]
    statuses = tuple(
        StatusPeriod(person=f"P{i}", status="F0", date_from=START, date_to=START + timedelta(2))
        for i in range(min(f0, n_people))
    )
    result = solved(problem(people, reqs, days=days, statuses=statuses), limit=5)
    assert all(result.gap_reasons[(g.date, g.shift, g.area)] for g in result.gaps)
    placed = sorted((d, s, a) for r in result.requested for d, s, a in r.places)
    gaps = sorted((g.date, g.shift, g.area) for g in result.gaps for _ in range(g.missing))
    assert placed == gaps
    for r in result.requested:
        assert len({d for d, _, _ in r.places}) == len(r.places)
    assert len({r.label for r in result.requested}) == len(result.requested)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_reasons_follow_the_language(language):
    data = problem([police(1)], [Requirement(area="A", min_staff=1)], days=1, language=language)
    reason = next(iter(solved(data).gap_reasons.values()))
    assert ("thiếu" in reason) == (language == "vi")


def test_result_frames_match_the_roster():
    data = problem([police(1)], [Requirement(area="A", min_staff=1)], days=2)
    result = solved(data)
    frame = result.assignments_frame()
    assert len(frame) == len(result.assignments)
    assert set(frame["name"]) == {"Nguyễn Văn 1"}
    gaps = result.gaps_frame()
    assert gaps["missing"].sum() == result.uncovered
    assert all(gaps["reason"].str.len() > 0)
