"""Tests of the independent checker: every rule broken once and kept once, gaps, speed, fuzz."""

from __future__ import annotations

import ast
import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import roster.verify
from roster.data import (
    Area,
    Assignment,
    FixedAssignment,
    HistoryShift,
    Mode,
    Origin,
    Person,
    ProblemData,
    Requirement,
    Role,
    Settings,
    StatusKind,
    StatusPeriod,
)
from roster.findings import CheckReport, Gap, format_report
from roster.rules import Rule
from roster.text import rule_label, say
from roster.verify import check
from tests.builders import SHIFTS, problem

START = date(2021, 8, 2)  # a Monday
AREAS = (
    Area(id="A1", name="Tổ dân phố 1", kind="residential"),
    Area(id="R", name="Điều phối từ xa", kind="remote"),
)
PEOPLE = (
    Person(id="P1", name="Nguyễn Văn An", skills=frozenset({"lead"})),
    Person(id="P2", name="Trần Thị Bình", role=Role.MILITIA),
    Person(id="P3", name="Lê Văn Cường"),
    Person(
        id="P4",
        name="Phạm Minh Đức",
        origin=Origin.DISTRICT,
        available_from=START + timedelta(days=3),
        available_to=START + timedelta(days=6),
    ),
)
# Every shift of A1 wants one person on site; R takes remote people but needs none.
BASE_REQUIREMENTS = (
    Requirement(area="A1", min_staff=1),
    Requirement(area="R", min_staff=0, mode=Mode.REMOTE),
)


def day(i: int) -> date:
    return START + timedelta(days=i)


def make_data(days: int = 10, **fields: object) -> ProblemData:
    """The tiny ward used by every test; keyword arguments replace its parts."""
    people = fields.pop("people", PEOPLE)
    requirements = fields.pop("requirements", BASE_REQUIREMENTS)
    return problem(people, requirements, days, start=START, areas=AREAS, **fields)


def on(person: str, i: int, shift: str = "S", area: str = "A1", remote: bool = False) -> Assignment:
    mode = Mode.REMOTE if remote else Mode.ONSITE
    return Assignment(date=day(i), shift=shift, area=area, person=person, mode=mode)


def only(report: CheckReport, rule: Rule, person: str | None, when: date) -> None:
    """Exactly one violation, of ``rule``, for ``person`` on ``when``."""
    assert [(v.rule, v.person, v.date) for v in report.violations] == [(rule, person, when)], (
        report.violations
    )


# --- a roster that keeps every rule -------------------------------------------------------


def test_clean_week_keeps_every_rule_and_covers_everything() -> None:
    extra = (Person(id="P5", name="Hoàng Văn Em"), Person(id="P6", name="Vũ Thị Phương"))
    data = make_data(days=7, people=PEOPLE + extra)
    plan = {
        "S": ["P1"] * 6 + ["P4"],
        "C": ["P3"] * 6 + ["P2"],
        "D": ["P2"] * 3 + ["P5"] * 3 + ["P6"],
    }
    roster = [on(p, i, s) for s, people in plan.items() for i, p in enumerate(people)]
    roster.append(on("P2", 4, "S", "R", remote=True))
    report = check(data, roster)
    assert report.violations == ()
    assert report.ok
    assert report.gaps == ()
    assert report.uncovered == 0


def test_checker_imports_nothing_from_the_model() -> None:
    tree = ast.parse(Path(roster.verify.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any(m and m.startswith("roster.model") for m in imported)
    called = {
        n.func.attr
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
    }
    assert "applies" not in called


# --- UNKNOWN_ID ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        Assignment(date=day(1), shift="S", area="A1", person="P9"),
        Assignment(date=day(1), shift="X", area="A1", person="P1"),
        Assignment(date=day(1), shift="S", area="Z9", person="P1"),
        Assignment(date=day(10), shift="S", area="A1", person="P1"),
        Assignment(date=day(-1), shift="S", area="A1", person="P1"),
    ],
)
def test_unknown_id_is_reported_and_nothing_else(bad: Assignment) -> None:
    report = check(make_data(), [bad])
    only(report, Rule.UNKNOWN_ID, bad.person, bad.date)


def test_known_ids_inside_the_horizon_pass() -> None:
    assert check(make_data(), [on("P1", 0), on("P1", 9)]).ok


# --- ONE_SHIFT_PER_DAY / ONE_PLACE_PER_SHIFT ----------------------------------------------


def test_double_booked_person_two_shifts_one_day() -> None:
    report = check(make_data(), [on("P1", 2, "S"), on("P1", 2, "D")])
    only(report, Rule.ONE_SHIFT_PER_DAY, "P1", day(2))
    assert "P1 (Nguyễn Văn An)" in report.violations[0].message
    assert "04/08/2021" in report.violations[0].message


def test_same_shift_on_following_days_is_one_shift_per_day() -> None:
    assert check(make_data(), [on("P1", 2, "S"), on("P1", 3, "S")]).ok


def test_double_booked_person_two_places_one_shift() -> None:
    report = check(make_data(), [on("P1", 2, "S"), on("P1", 2, "S", "R", remote=True)])
    only(report, Rule.ONE_PLACE_PER_SHIFT, "P1", day(2))
    assert report.violations[0].shift == "S"


def test_two_people_in_two_places_is_fine() -> None:
    assert check(make_data(), [on("P1", 2, "S"), on("P2", 2, "S", "R", remote=True)]).ok


# --- MIN_REST ------------------------------------------------------------------------------


@pytest.mark.parametrize(("first", "second"), [("D", "S"), ("C", "S"), ("D", "C")])
def test_short_rest_across_midnight(first: str, second: str) -> None:
    report = check(make_data(), [on("P1", 3, first), on("P1", 4, second)])
    only(report, Rule.MIN_REST, "P1", day(4))
    assert report.violations[0].shift == second


def test_night_then_next_night_rests_sixteen_hours() -> None:
    assert check(make_data(), [on("P1", 3, "D"), on("P1", 4, "D"), on("P1", 6, "S")]).ok


def test_lower_rest_setting_allows_evening_then_morning() -> None:
    assert check(make_data(min_rest_hours=8), [on("P1", 3, "C"), on("P1", 4, "S")]).ok


def test_history_night_before_the_start_breaks_rest_on_day_one() -> None:
    data = make_data(history=(HistoryShift(person="P1", date=day(-1), shift="D"),))
    only(check(data, [on("P1", 0, "S")]), Rule.MIN_REST, "P1", day(0))
    assert check(data, [on("P1", 0, "C")]).violations[0].rule == Rule.MIN_REST
    assert check(data, [on("P1", 0, "D")]).ok


# --- MAX_CONSECUTIVE_DAYS -----------------------------------------------------------------


def test_too_many_days_in_a_row() -> None:
    report = check(make_data(max_consecutive_days=3), [on("P1", i) for i in range(4)])
    only(report, Rule.MAX_CONSECUTIVE_DAYS, "P1", day(3))


def test_a_day_off_breaks_the_run() -> None:
    roster = [on("P1", i) for i in (0, 1, 2, 4, 5, 6)]
    assert check(make_data(max_consecutive_days=3), roster).ok


def test_history_days_count_toward_the_run_at_the_start() -> None:
    history = tuple(HistoryShift(person="P1", date=day(i), shift="S") for i in (-3, -2, -1))
    data = make_data(max_consecutive_days=3, history=history)
    only(check(data, [on("P1", 0)]), Rule.MAX_CONSECUTIVE_DAYS, "P1", day(0))
    assert check(data, [on("P1", 1)]).ok


def test_overlong_run_wholly_in_history_is_not_this_rosters_fault() -> None:
    history = tuple(HistoryShift(person="P1", date=day(i), shift="S") for i in range(-8, -2))
    assert check(make_data(max_consecutive_days=3, max_shifts_per_week=7, history=history), []).ok


# --- MAX_SHIFTS_PER_WEEK / MAX_NIGHTS_PER_WEEK (rolling 7 days) ---------------------------


def test_rolling_window_not_calendar_week() -> None:
    # Fri..Tue: 3 shifts in one calendar week and 2 in the next, but 5 in 7 days.
    data = make_data(max_shifts_per_week=4, language="en")
    report = check(data, [on("P1", i) for i in range(4, 9)])
    only(report, Rule.MAX_SHIFTS_PER_WEEK, "P1", day(4))
    assert "06/08/2021 to 12/08/2021" in report.violations[0].message


def test_person_cap_overrides_the_setting() -> None:
    people = (PEOPLE[0].model_copy(update={"max_shifts_per_week": 2}), *PEOPLE[1:])
    report = check(make_data(people=people), [on("P1", i) for i in (0, 2, 4)])
    only(report, Rule.MAX_SHIFTS_PER_WEEK, "P1", day(0))
    assert check(make_data(people=people), [on("P1", i) for i in (0, 2, 7)]).ok


def test_shifts_spread_over_eight_days_keep_the_week_cap() -> None:
    roster = [on("P1", i) for i in (0, 1, 2, 3, 7, 8, 9)]
    assert check(make_data(max_shifts_per_week=4), roster).ok


def test_history_shifts_count_in_windows_across_the_start() -> None:
    history = tuple(HistoryShift(person="P1", date=day(i), shift="S") for i in (-4, -3, -2))
    data = make_data(max_shifts_per_week=4, history=history)
    report = check(data, [on("P1", 0), on("P1", 2)])
    only(report, Rule.MAX_SHIFTS_PER_WEEK, "P1", day(-4))
    assert check(data, [on("P1", 0), on("P1", 3)]).ok


def test_too_many_nights_in_seven_days() -> None:
    report = check(make_data(), [on("P1", i, "D") for i in range(4)])
    only(report, Rule.MAX_NIGHTS_PER_WEEK, "P1", day(0))


def test_three_nights_then_a_week_later_is_fine() -> None:
    assert check(make_data(), [on("P1", i, "D") for i in (0, 1, 2, 7)]).ok


# --- AVAILABILITY_WINDOW ------------------------------------------------------------------


@pytest.mark.parametrize("i", [2, 7])
def test_reinforcement_outside_their_window(i: int) -> None:
    only(check(make_data(), [on("P4", i)]), Rule.AVAILABILITY_WINDOW, "P4", day(i))


def test_reinforcement_inside_their_window() -> None:
    assert check(make_data(), [on("P4", 3), on("P4", 6)]).ok


# --- STATUS --------------------------------------------------------------------------------


def status(kind: StatusKind, person: str = "P2", first: int = 2, last: int = 5) -> StatusPeriod:
    return StatusPeriod(person=person, status=kind, date_from=day(first), date_to=day(last))


@pytest.mark.parametrize("kind", [StatusKind.F0, StatusKind.LEAVE, StatusKind.SICK])
@pytest.mark.parametrize("remote", [False, True])
def test_no_shift_at_all_while_f0_sick_or_on_leave(kind: StatusKind, remote: bool) -> None:
    data = make_data(statuses=(status(kind),))
    area = "R" if remote else "A1"
    only(check(data, [on("P2", 3, area=area, remote=remote)]), Rule.STATUS, "P2", day(3))


def test_f1_person_on_site() -> None:
    report = check(make_data(statuses=(status(StatusKind.F1),)), [on("P2", 5)])
    only(report, Rule.STATUS, "P2", day(5))
    assert "F1" in report.violations[0].message


def test_f1_person_remote_only_when_allowed() -> None:
    roster = [on("P2", 4, area="R", remote=True)]
    assert check(make_data(statuses=(status(StatusKind.F1),)), roster).ok
    data = make_data(statuses=(status(StatusKind.F1),), f1_remote_duty=False)
    only(check(data, roster), Rule.STATUS, "P2", day(4))


def test_status_days_outside_the_period_are_free() -> None:
    data = make_data(statuses=(status(StatusKind.F0),))
    assert check(data, [on("P2", 1), on("P2", 6)]).ok


# --- FIXED ---------------------------------------------------------------------------------


FIXED_ROW = FixedAssignment(row=2, person="P1", date=day(2), shift="S", area="A1")


@pytest.mark.parametrize(
    "roster",
    [[on("P1", 2, "C")], [on("P1", 3, "S")], [on("P3", 2, "S")], []],
    ids=["other-shift", "other-day", "other-person", "missing"],
)
def test_moved_or_dropped_fixed_row(roster: list[Assignment]) -> None:
    report = check(make_data(fixed=(FIXED_ROW,)), roster)
    only(report, Rule.FIXED, "P1", day(2))


def test_fixed_row_kept() -> None:
    assert check(make_data(fixed=(FIXED_ROW,)), [on("P1", 2, "S"), on("P2", 2, "S")]).ok


# --- MAX_STAFF -----------------------------------------------------------------------------


def test_more_people_than_the_smallest_max_staff() -> None:
    rows = (
        Requirement(area="A1", min_staff=1, max_staff=3),
        Requirement(area="A1", shift="S", min_staff=1, max_staff=1),
    )
    report = check(make_data(requirements=rows), [on("P1", 2), on("P3", 2)])
    only(report, Rule.MAX_STAFF, None, day(2))
    assert (report.violations[0].shift, report.violations[0].area) == ("S", "A1")
    assert check(make_data(requirements=rows), [on("P1", 2, "C"), on("P3", 2, "C")]).ok


# --- MODE / NO_DEMAND ----------------------------------------------------------------------


def test_onsite_assignment_in_a_remote_area() -> None:
    only(check(make_data(), [on("P1", 1, area="R")]), Rule.MODE, "P1", day(1))


def test_remote_assignment_in_a_remote_area() -> None:
    assert check(make_data(), [on("P1", 1, area="R", remote=True)]).ok


def test_remote_assignment_where_only_onsite_is_asked() -> None:
    report = check(make_data(language="en"), [on("P1", 1, remote=True)])
    only(report, Rule.NO_DEMAND, "P1", day(1))
    assert "no requirement row asks" in report.violations[0].message


def test_onsite_assignment_on_a_shift_nobody_asked_for() -> None:
    rows = (Requirement(area="A1", shift="S", weekdays=frozenset({0, 1, 2, 3, 4}), min_staff=1),)
    data = make_data(requirements=rows)
    only(check(data, [on("P1", 1, "C")]), Rule.NO_DEMAND, "P1", day(1))
    only(check(data, [on("P1", 5, "S")]), Rule.NO_DEMAND, "P1", day(5))  # a Saturday
    assert check(data, [on("P1", 4, "S")]).ok


def test_remote_row_in_an_onsite_area_takes_remote_people() -> None:
    rows = (Requirement(area="A1", shift="S", min_staff=1, mode=Mode.REMOTE),)
    assert check(make_data(requirements=rows), [on("P2", 0, remote=True)]).ok


# --- gaps ----------------------------------------------------------------------------------


def one_day(*rows: Requirement) -> ProblemData:
    return make_data(days=1, requirements=rows)


def test_unreported_gap_people_short() -> None:
    data = one_day(Requirement(area="A1", shift="S", min_staff=3))
    report = check(data, [on("P1", 0)])
    assert report.ok
    assert report.gaps == (
        Gap(
            day(0),
            "S",
            "A1",
            3,
            1,
            2,
            short_staff=2,
            short_police=0,
            missing_skills=(),
            mode="onsite",
        ),
    )
    assert report.uncovered == 2


def test_gap_police_short() -> None:
    data = one_day(Requirement(area="A1", shift="S", min_staff=1, min_police=1))
    (gap,) = check(data, [on("P2", 0)]).gaps
    assert (gap.missing, gap.short_staff, gap.short_police, gap.assigned) == (1, 0, 1, 1)
    assert check(data, [on("P1", 0)]).gaps == ()


def test_gap_missing_skill_counts_as_one() -> None:
    data = one_day(Requirement(area="A1", shift="S", min_staff=2, skill="lead"))
    (gap,) = check(data, [on("P2", 0), on("P3", 0)]).gaps
    assert (gap.missing, gap.short_staff, gap.missing_skills) == (1, 0, ("lead",))
    assert check(data, [on("P1", 0), on("P2", 0)]).gaps == ()


def test_gap_is_the_largest_shortfall_not_the_sum() -> None:
    data = one_day(
        Requirement(area="A1", shift="S", min_staff=3),
        Requirement(area="A1", shift="S", min_staff=1, min_police=2, skill="driver"),
    )
    (gap,) = check(data, [on("P2", 0)]).gaps
    assert (gap.needed, gap.assigned, gap.missing) == (3, 1, 2)
    assert (gap.short_staff, gap.short_police, gap.missing_skills) == (2, 2, ("driver",))


def test_gap_mode_and_modes_count_apart() -> None:
    data = one_day(
        Requirement(area="A1", shift="S", min_staff=1),
        Requirement(area="A1", shift="S", min_staff=1, mode=Mode.REMOTE),
    )
    (gap,) = check(data, [on("P1", 0), on("P3", 0)]).gaps
    assert (gap.missing, gap.mode, gap.assigned, gap.needed) == (1, "remote", 2, 1)


def test_gaps_follow_date_rows_and_sort_by_date_shift_area() -> None:
    rows = (
        Requirement(area="R", min_staff=1, mode=Mode.REMOTE, date_from=day(1), date_to=day(1)),
        Requirement(area="A1", shift="D", min_staff=1, weekdays=frozenset({1})),  # Tuesdays
    )
    gaps = check(make_data(days=3, requirements=rows), []).gaps
    assert [(g.date, g.shift, g.area) for g in gaps] == [
        (day(1), "S", "R"),
        (day(1), "C", "R"),
        (day(1), "D", "A1"),
        (day(1), "D", "R"),
    ]


def test_a_person_listed_twice_covers_one_place() -> None:
    data = one_day(Requirement(area="A1", shift="S", min_staff=2))
    report = check(data, [on("P1", 0), on("P1", 0)])
    assert [v.rule for v in report.violations] == [Rule.ONE_PLACE_PER_SHIFT]
    assert report.gaps[0].missing == 1


# --- format_report -------------------------------------------------------------------------


def test_format_report_one_line_per_violation_and_limit() -> None:
    data = make_data()
    report = check(data, [on("P1", 2, "S"), on("P1", 2, "D"), on("P9", 1)])
    text = format_report(report, data)
    lines = text.splitlines()
    assert len(lines) == 1 + len(report.violations)
    rule = f"[{rule_label(Rule.ONE_SHIFT_PER_DAY, 'vi')}]"
    assert any(rule in line and "P1 (Nguyễn Văn An)" in line for line in lines)
    assert any("04/08/2021" in line for line in lines)
    short = format_report(report, data, limit=1).splitlines()
    assert len(short) == 3 and short[-1] == say("check.more", "vi", n=1)


# --- size ----------------------------------------------------------------------------------


def test_large_roster_reports_every_repeated_row() -> None:
    """400 people, 100 areas, 28 days, every row written three times: each repeated row is
    one violation, none lost and none doubled (the checker's speed is in benchmarks/)."""
    rng = random.Random(7)
    areas = tuple(
        Area(id=f"TDP-{i}", kind="remote" if i % 10 == 0 else "market") for i in range(100)
    )
    people = tuple(
        Person(id=f"{i:03d}", name=f"Cán bộ {i}", role=Role.POLICE if i % 2 else Role.MILITIA)
        for i in range(400)
    )
    rows = tuple(
        Requirement(
            area=a.id,
            min_staff=3,
            min_police=1,
            skill="lead" if i % 3 == 0 else None,
            max_staff=5,
            mode=Mode.REMOTE if a.kind == "remote" else Mode.ONSITE,
        )
        for i, a in enumerate(areas)
    )
    data = ProblemData(
        settings=Settings(unit="Big", start_date=START, days=28),
        shifts=SHIFTS,
        areas=areas,
        people=people,
        requirements=rows,
        statuses=tuple(status(StatusKind.F1, p.id) for p in people[:40]),
        history=tuple(HistoryShift(person=p.id, date=day(-1), shift="D") for p in people[:100]),
    )
    roster = []
    for i in range(28):
        for p in people:
            if rng.random() < 0.8:
                a = rng.choice(areas)
                mode = Mode.REMOTE if a.kind == "remote" else Mode.ONSITE
                roster.append(
                    Assignment(
                        date=day(i), shift=rng.choice("SCD"), area=a.id, person=p.id, mode=mode
                    )
                )
    assert len(roster) > 8000
    rows = {(a.person, a.date, a.shift) for a in roster}
    report = check(data, roster * 3)  # ~27k rows, with many violations to report
    repeated = [
        (v.person, v.date, v.shift) for v in report.violations if v.rule == Rule.ONE_PLACE_PER_SHIFT
    ]
    assert len(repeated) == len(set(repeated)) and set(repeated) == rows


# --- property ------------------------------------------------------------------------------


@st.composite
def problems(draw: st.DrawFn) -> tuple[ProblemData, list[Assignment]]:
    days = draw(st.integers(1, 9))
    rows = []
    for _ in range(draw(st.integers(0, 5))):
        area = draw(st.sampled_from(AREAS))
        min_staff = draw(st.integers(0, 3))
        first = draw(st.none() | st.integers(-2, days))
        rows.append(
            Requirement(
                area=area.id,
                shift=draw(st.none() | st.sampled_from(["S", "C", "D"])),
                date_from=None if first is None else day(first),
                date_to=None if first is None else day(first + draw(st.integers(0, 4))),
                weekdays=draw(st.none() | st.frozensets(st.integers(0, 6), min_size=1)),
                min_staff=min_staff,
                min_police=draw(st.integers(0, min_staff)),
                skill=draw(st.sampled_from([None, "lead"])) if min_staff else None,
                max_staff=draw(st.none() | st.integers(0, 3)),
                mode=Mode.REMOTE if area.kind == "remote" else draw(st.sampled_from(list(Mode))),
            )
        )
    statuses = draw(
        st.lists(
            st.builds(
                lambda p, k, f, n: StatusPeriod(
                    person=p, status=k, date_from=day(f), date_to=day(f + n)
                ),
                st.sampled_from(["P1", "P2", "P3", "P9"]),
                st.sampled_from(list(StatusKind)),
                st.integers(-3, days),
                st.integers(0, 5),
            ),
            max_size=3,
        )
    )
    history = draw(
        st.lists(
            st.builds(
                lambda p, i, s: HistoryShift(person=p, date=day(i), shift=s),
                st.sampled_from(["P1", "P2", "P9"]),
                st.integers(-7, -1),
                st.sampled_from(["S", "C", "D", "X"]),
            ),
            max_size=6,
        )
    )
    data = make_data(
        days=days,
        requirements=tuple(rows),
        statuses=tuple(statuses),
        history=tuple(history),
        fixed=tuple(draw(st.lists(st.just(FIXED_ROW), max_size=1))),
        max_consecutive_days=draw(st.integers(1, 7)),
        max_nights_per_week=draw(st.integers(0, 7)),
        f1_remote_duty=draw(st.booleans()),
    )
    roster = draw(
        st.lists(
            st.builds(
                lambda p, i, s, a, m: Assignment(date=day(i), shift=s, area=a, person=p, mode=m),
                st.sampled_from(["P1", "P2", "P3", "P4", "P9"]),
                st.integers(-1, days),
                st.sampled_from(["S", "C", "D", "X"]),
                st.sampled_from(["A1", "R", "Z"]),
                st.sampled_from(list(Mode)),
            ),
            max_size=25,
        )
    )
    return data, roster


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_checker_never_crashes_and_empty_roster_gaps_are_the_demand(
    case: tuple[ProblemData, list[Assignment]],
) -> None:
    data, roster = case
    report = check(data, roster)
    assert all(isinstance(v.rule, Rule) and v.message for v in report.violations)
    assert all(g.missing > 0 for g in report.gaps)
    text = format_report(report, data, limit=len(report.violations))
    assert all(v.message in text for v in report.violations)

    empty = check(data, [])
    expected = {}
    for d in data.dates:
        for s in data.shifts:
            for r in data.requirements:
                inside = (r.date_from is None or r.date_from <= d) and (
                    r.date_to is None or d <= r.date_to
                )
                weekday = r.weekdays is None or d.weekday() in r.weekdays
                if inside and weekday and r.shift in (None, s.id) and r.min_staff > 0:
                    key = (d, s.id, r.area)
                    expected[key] = max(expected.get(key, 0), r.min_staff)
    assert {(g.date, g.shift, g.area): g.missing for g in empty.gaps} == expected
    for g in report.gaps:  # a roster only ever lowers what the empty roster lacks
        assert g.missing <= expected[(g.date, g.shift, g.area)]
    assert all(v.rule == Rule.FIXED for v in empty.violations)
