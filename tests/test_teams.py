"""Teams that do not mix (issue 15): the checker's verdict on hand-made rosters, and solves
that keep the teams apart, break them only for coverage, or hold them strictly."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from roster.cli import main
from roster.data import Area, Assignment, Mode, Origin, Person, Requirement, Shift
from roster.exposure import exposure
from roster.io.problem_writer import write_problem_workbook
from roster.rules import Rule
from roster.solver import solve
from roster.summary import team_lines
from roster.verify import check, team_breaches
from tests.builders import problem

START = date(2021, 8, 9)
AREAS = (Area(id="P"), Area(id="Q"), Area(id="W", kind="remote"))
PEOPLE = (
    Person(id="A1", name="An", team="A"),
    Person(id="A2", name="Anh", team="A"),
    Person(id="B1", name="Bình", team="B"),
    Person(id="B2", name="Bảo", team="B"),
    Person(id="R", name="Reinforcement", origin=Origin.DISTRICT),
)


def _data(mode: str, days: int = 5, **settings: object):
    return problem(PEOPLE, days=days, areas=AREAS, team_separation=mode, **settings)


def _on(day: int, shift: str, area: str, person: str, mode: Mode = Mode.ONSITE) -> Assignment:
    return Assignment(date=date(2021, 8, 8 + day), shift=shift, area=area, person=person, mode=mode)


def _broken(mode: str, roster: list[Assignment], **settings: object) -> list[str]:
    return [v.message for v in team_breaches(_data(mode, **settings), roster)]


# --- the checker, a kept and a broken case per mode ----------------------------------------


def test_area_kept_and_broken() -> None:
    apart = [_on(1, "S", "P", "A1"), _on(1, "S", "P", "A2"), _on(1, "S", "Q", "B1")]
    assert _broken("area", apart) == []
    together = [_on(1, "S", "P", "A1"), _on(1, "S", "P", "B1")]
    (message,) = _broken("area", together)
    assert "A, B" in message and "P" in message


def test_shift_kept_and_broken() -> None:
    apart = [_on(1, "S", "P", "A1"), _on(1, "S", "Q", "A2"), _on(1, "C", "P", "B1")]
    assert _broken("shift", apart) == []
    same_shift = [_on(1, "S", "P", "A1"), _on(1, "S", "Q", "B1")]
    assert len(_broken("shift", same_shift)) == 1
    remote = [_on(1, "S", "P", "A1"), _on(1, "S", "W", "B1", Mode.REMOTE)]
    assert _broken("shift", remote) == []  # remote duty is no contact


def test_day_kept_and_broken_and_blocks() -> None:
    apart = [_on(1, "S", "P", "A1"), _on(1, "C", "P", "A2"), _on(2, "S", "P", "B1")]
    assert _broken("day", apart) == []
    same_day = [_on(1, "S", "P", "A1"), _on(1, "D", "Q", "B1")]
    assert len(_broken("day", same_day)) == 1
    (message,) = _broken("day", apart, team_block_days=2)  # days 1-2 are one block
    assert "09/08/2021" in message and "10/08/2021" in message


def test_a_reinforcement_joins_one_team_for_the_window() -> None:
    kept = [_on(1, "S", "P", "A1"), _on(1, "S", "P", "R"), _on(2, "S", "P", "A2")]
    kept += [_on(2, "S", "Q", "R")]
    assert _broken("shift", kept) == []
    across = [_on(1, "S", "P", "A1"), _on(1, "S", "P", "R"), _on(3, "S", "P", "B1")]
    across += [_on(3, "S", "P", "R")]
    (message,) = _broken("shift", across)  # with A on 9/8, with B on 11/8: 2 days apart
    assert "R (Reinforcement)" in message
    later = [_on(1, "S", "P", "A1"), _on(1, "S", "P", "R"), _on(4, "S", "P", "B1")]
    later += [_on(4, "S", "P", "R")]
    assert _broken("shift", later) == []  # 3 days apart: beyond the tracing window


def test_a_break_is_a_violation_only_when_strict() -> None:
    roster = [_on(1, "S", "P", "A1"), _on(1, "S", "Q", "B1")]
    needs = {
        "requirements": (Requirement(area="P", min_staff=1), Requirement(area="Q", min_staff=1))
    }
    loose = check(_data("shift", **needs), roster)
    assert loose.violations == ()
    strict = check(_data("shift", team_strict=True, **needs), roster)
    assert [v.rule for v in strict.violations] == [Rule.TEAM_SEPARATION]


def test_no_separation_and_one_team_say_nothing() -> None:
    roster = [_on(1, "S", "P", "A1"), _on(1, "S", "P", "B1")]
    assert _broken("none", roster) == []
    one_team = problem(PEOPLE[:2], days=2, areas=AREAS, team_separation="area")
    assert team_breaches(one_team, roster[:1]) == []


# --- the model -------------------------------------------------------------------------------

SHIFTS = (
    Shift(id="S", start=time(6), end=time(14), night=False),
    Shift(id="C", start=time(14), end=time(22), night=False),
)


def _solve(people, requirements, mode: str, days: int = 3, **settings: object):
    data = problem(
        people,
        requirements,
        days=days,
        shifts=SHIFTS,
        areas=AREAS,
        team_separation=mode,
        **settings,
    )
    return data, solve(data, time_limit=10)


def test_area_keeps_places_to_one_team() -> None:
    needs = [Requirement(area=a, shift="S", min_staff=2) for a in ("P", "Q")]
    data, result = _solve(PEOPLE[:4], needs, "area", days=1)
    assert result.uncovered == 0
    assert team_breaches(data, result.assignments) == []


@pytest.mark.parametrize("mode", ["shift", "day"])
def test_shift_and_day_keep_teams_apart(mode: str) -> None:
    needs = [
        Requirement(area="P", shift="S", min_staff=1),
        Requirement(area="Q", shift="C", min_staff=1),
    ]
    data, result = _solve(PEOPLE[:4], needs, mode, days=2)
    assert result.uncovered == 0
    assert team_breaches(data, result.assignments) == []
    assert team_lines(result)[0].startswith("Tách tổ")


def test_a_reinforcement_stays_with_one_team() -> None:
    """P needs two people each morning: R must pair with A1 or B1, and with the same team all
    three days (each day is within the window of the others)."""
    people = [PEOPLE[0], PEOPLE[2], PEOPLE[4]]
    data, result = _solve(people, [Requirement(area="P", shift="S", min_staff=2)], "shift")
    assert result.uncovered == 0
    assert team_breaches(data, result.assignments) == []
    partners = {a.person for a in result.assignments if a.person != "R"}
    assert len(partners) == 1


def test_coverage_wins_unless_strict() -> None:
    """One person per team, one shift a day each, and P needs someone morning and evening:
    on one day only one team can cover it. Coverage first: the teams mix, and the summary
    says so; strict: they do not, and the evening is a gap."""
    people = [PEOPLE[0], PEOPLE[2]]
    needs = [Requirement(area="P", min_staff=1)]
    data, loose = _solve(people, needs, "day", days=1, language="en")
    assert loose.uncovered == 0
    assert len(team_breaches(data, loose.assignments)) == 1
    lines = team_lines(loose)
    assert lines[0].startswith("Teams mixed 1 times (by day)") and "share" not in lines[0]
    data, strict = _solve(people, needs, "day", days=1, language="en", team_strict=True)
    assert strict.uncovered == 1
    assert team_breaches(data, strict.assignments) == []
    assert team_lines(strict)[0].startswith("Teams kept apart (by day, strict)")


# --- fewer contacts without teams ------------------------------------------------------------


def test_weight_contacts_keeps_one_crew() -> None:
    """Two people every morning for four days: a heavy contacts weight keeps one crew (one
    pair in contact) where fairness alone would share the shifts among all four."""
    people = [Person(id=p.id, name=p.name) for p in PEOPLE[:4]]
    needs = [Requirement(area="P", shift="S", min_staff=2)]
    data, result = _solve(people, needs, "none", days=4, weight_contacts=100)
    assert result.uncovered == 0
    assert result.tiers["contact_pairs"] == 1
    assert exposure(data, result.assignments).pairs == 1
    data, fair = _solve(people, needs, "none", days=4)
    assert "contact_pairs" not in fair.tiers
    assert exposure(data, fair.assignments).pairs > 1


def test_check_command_warns_of_teams_that_met(tmp_path: Path) -> None:
    """`roster check`: teams that met are warnings (exit 0 when nothing else is wrong)."""
    needs = (
        Requirement(area="P", shift="S", min_staff=1),
        Requirement(area="Q", shift="S", min_staff=1),
    )
    data = _data("shift", requirements=needs, language="en")
    book = write_problem_workbook(data, tmp_path / "ward.xlsx")
    roster = tmp_path / "roster.xlsx"
    wb = load_workbook(book)
    ws = wb.create_sheet("Assignments")
    ws.append(["date", "shift", "area", "person"])
    for a in (_on(1, "S", "P", "A1"), _on(1, "S", "Q", "B1")):
        ws.append([a.date, a.shift, a.area, a.person])
    wb.save(roster)
    res = CliRunner().invoke(main, ["check", str(book), str(roster)])
    assert "teams A, B are on site together on shift S of 09/08/2021" in res.output
