"""The reach of one case on a hand-built roster, worked out by hand below (issue 15)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from roster.cli import main
from roster.data import Area, Assignment, Mode, Requirement, Role
from roster.exposure import exposure, exposure_lines, summary_rows
from roster.io.problem_writer import write_problem_workbook
from roster.io.writer import write_roster
from roster.solver import solve
from roster.summary import summary_text
from tests.builders import police, problem

AREAS = (Area(id="A"), Area(id="B"), Area(id="R", kind="remote"))


def _at(day: int, area: str, person: str, mode: Mode = Mode.ONSITE) -> Assignment:
    return Assignment(date=date(2021, 8, day), shift="S", area=area, person=person, mode=mode)


# 9/8 A: P1 P2 | 9/8 B: P3 | 10/8 A: P1 P3 | 11/8 B: P2 P4 | 12/8 A: P4 M5, P1 remote.
ROSTER = [
    _at(9, "A", "P1"),
    _at(9, "A", "P2"),
    _at(9, "B", "P3"),
    _at(10, "A", "P1"),
    _at(10, "A", "P3"),
    _at(11, "B", "P2"),
    _at(11, "B", "P4"),
    _at(12, "A", "P4"),
    _at(12, "A", "P5"),
    _at(12, "R", "P1", Mode.REMOTE),
]
# Each case's F1 (window: 2 days before through the day):
#   P1 9/8 {P2}  P2 9/8 {P1}  P3 9/8 {}  P1 10/8 {P2, P3}  P3 10/8 {P1}
#   P2 11/8 {P1, P4}  P4 11/8 {P2}  P4 12/8 {P2, P5}  P5 12/8 {P4}   (P1's remote day: no case)
# 9 cases reaching 11 people: expected 11/9, worst 2 (first P1 on 10/8).
# Own police P1-P4 (P5 is militia): P1 on 10/8 quarantines two of four, 50%.
# Pairs ever together on site: P1-P2, P1-P3, P2-P4, P4-P5.


def _data():
    people = [police(i) for i in range(1, 5)] + [police(5, role=Role.MILITIA)]
    return problem(people, days=4, start=date(2021, 8, 9), areas=AREAS, language="en")


def test_reach_by_hand() -> None:
    found = exposure(_data(), ROSTER)
    assert len(found.reach) == 9
    assert found.reach[("P1", date(2021, 8, 10))] == {"P2", "P3"}
    assert found.reach[("P3", date(2021, 8, 9))] == frozenset()
    assert ("P1", date(2021, 8, 12)) not in found.reach
    assert found.expected == pytest.approx(11 / 9)
    assert found.worst == 2
    assert found.worst_case == ("P1", date(2021, 8, 10))
    assert found.police_share == pytest.approx(0.5)
    assert found.pairs == 4
    assert found.most_contacts(3) == [("P1", 2), ("P2", 2), ("P4", 2)]
    assert found.contacts_per_person()["P5"] == 1


def test_the_window_is_the_trace_window() -> None:
    """With no day back only the case's own day counts: P1 on 10/8 then reaches P3 only."""
    same_day = exposure(_data(), ROSTER, days=0)
    assert same_day.reach[("P1", date(2021, 8, 10))] == {"P3"}
    assert same_day.worst == 1


def test_whole_shift_counts_everyone_on_site_in_the_shift() -> None:
    """P3 stood alone in B on 9/8, but on the same shift as P1 and P2 in A; the remote P1 on
    12/8 still meets nobody."""
    found = exposure(_data(), ROSTER, whole_shift=True)
    assert found.reach[("P3", date(2021, 8, 9))] == {"P1", "P2"}
    assert found.reach[("P4", date(2021, 8, 12))] == {"P2", "P5"}
    assert ("P1", date(2021, 8, 12)) not in found.reach


def test_lines_and_summary_rows() -> None:
    data = _data()
    lines = exposure_lines(data, exposure(data, ROSTER), top=2)
    assert "1.22" in lines[2] and lines[3].endswith("2")
    assert "50%" in "\n".join(lines)
    assert lines[-1].split()[0] == "P2"
    rows = dict(summary_rows(data, ROSTER))
    assert sorted(rows.values()) == [1.22, 2]


def test_exposure_command(tmp_path: Path) -> None:
    """`roster exposure` on a roster workbook: the input sheets and an Assignments sheet."""
    path = write_problem_workbook(_data(), tmp_path / "roster.xlsx")
    wb = load_workbook(path)
    ws = wb.create_sheet("Assignments")
    ws.append(["date", "shift", "area", "person", "mode"])
    for a in ROSTER:
        ws.append([a.date, a.shift, a.area, a.person, a.mode.value])
    wb.save(path)
    res = CliRunner().invoke(main, ["exposure", str(path), "--top", "3"])
    assert res.exit_code == 0, res.output
    assert "Worst reach of one case: 2" in res.output
    assert "(if P1 Nguyễn Văn 1 turned F0 on 10/08)" in res.output


def test_solve_summary_and_roster_workbook_show_the_reach(tmp_path: Path) -> None:
    needs = [Requirement(area="A", shift="S", min_staff=2)]
    data = problem([police(i) for i in range(1, 4)], needs, days=3, areas=AREAS, language="en")
    result = solve(data, time_limit=5)
    found = exposure(data, result.assignments)
    text = summary_text(result, None, 1.0)
    assert f"Reach of one case: expected {found.expected:.2f}, worst {found.worst} people" in text
    path = write_roster(result, tmp_path / "r.xlsx", summary_rows=summary_rows(data, ROSTER))
    sheet = load_workbook(path)["Summary"]
    rows = {r[0]: r[1] for r in sheet.iter_rows(values_only=True)}
    assert rows["Worst reach of one case (tracing 2 days)"] == 2
