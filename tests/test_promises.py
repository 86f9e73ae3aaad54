"""What the README promises, each held by a test that fails when the promise breaks."""

from __future__ import annotations

import builtins
import io
import os
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pymupdf
import pytest
from click.testing import CliRunner

from roster import check, read_assignments, read_workbook, solve, write_roster
from roster.cli import main
from roster.cover import plan_cover
from roster.data import Area, Assignment, Origin, Requirement, Role
from roster.findings import CheckReport, Violation
from roster.io.problem_writer import write_problem_workbook
from roster.result import StageReport, Status
from roster.rules import Rule
from roster.sheets import DUTY_PDF, write_sheets
from roster.text import say
from tests.builders import START, base, police, problem, write_book

# --- duty sheets: tables never split a row across pages -------------------------------------


def _crowded_day() -> tuple:
    """One day of 40 areas x 3 shifts, one person each, with notes long enough to wrap:
    the duty sheet runs over several pages, so rows meet page ends."""
    areas = tuple(
        Area(id=f"A{k:02d}", name=f"Tổ dân phố số {k} khu vực chợ đêm và bến xe phía nam")
        for k in range(40)
    )
    people = [
        police(k, name=f"Cán bộ {k:03d}", rank="Trung úy", phone=f"09{k:08d}") for k in range(120)
    ]
    data = problem(people, [Requirement(area=a.id, min_staff=1) for a in areas], 1, areas=areas)
    roster = [
        Assignment(date=START, shift="SCD"[k % 3], area=areas[k // 3].id, person=f"P{k}")
        for k in range(120)
    ]
    return data, roster


def test_duty_sheet_rows_are_never_split_across_pages(tmp_path: Path) -> None:
    """Each person's name and phone (two cells of one row) are on one page, side by side, and
    nothing is drawn below a page's printable area."""
    data, roster = _crowded_day()
    write_sheets(data, roster, tmp_path, formats=["pdf"])
    with pymupdf.open(tmp_path / DUTY_PDF) as doc:
        assert doc.page_count >= 2
        found: dict[str, list[tuple[int, float]]] = {}
        for number, page in enumerate(doc):
            bottom = page.rect.height
            for _x0, y0, _x1, y1, word, *_ in page.get_text("words"):
                assert y1 <= bottom, f"'{word}' drawn below page {number + 1}"
                found.setdefault(word, []).append((number, y0))
    for person in data.people:
        names, phones = found.get(person.name.split()[-1], []), found.get(person.phone, [])
        assert len(names) == len(phones) == 1, f"{person.name}: not printed once, whole"
        name_at, phone_at = names[0], phones[0]
        assert name_at[0] == phone_at[0], f"{person.name}: row split across pages"
        assert abs(name_at[1] - phone_at[1]) < 1.0


# --- the input is read from a copy of its bytes ---------------------------------------------


def test_input_file_is_opened_once_and_read_as_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader opens the workbook once, for reading bytes; every parse works on the copy."""
    workbook = write_book(tmp_path / "ward.xlsx", base())
    opened: list[str] = []
    real_open = io.open

    def recording_open(file, mode="r", *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and Path(file).resolve() == workbook.resolve():
            opened.append(mode)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(io, "open", recording_open)
    monkeypatch.setattr(builtins, "open", recording_open)
    data = read_workbook(workbook)
    assert opened == ["rb"]
    assert data.people


# --- a checker-model disagreement is an internal error --------------------------------------


def test_checker_model_disagreement_exits_1_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheets = base()
    sheets["Settings"][3][1] = 3
    workbook = write_book(tmp_path / "ward.xlsx", sheets)

    def disagreeing(data, assignments) -> CheckReport:
        broken = Violation(Rule.MIN_REST, "007", START, "S", "TDP-1", "planted by the test")
        return CheckReport(violations=(broken,), gaps=())

    monkeypatch.setattr("roster.solver.check", disagreeing)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["solve", str(workbook), "-o", str(out), "--no-sheets"])
    assert result.exit_code == 1, result.output
    assert "disagrees" in result.output and "planted by the test" in result.output
    assert not out.exists() or not any(out.iterdir())


# --- the greedy roster when the solver finds none ---------------------------------------------


def test_greedy_roster_is_returned_when_the_solver_finds_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every stage finds nothing: the result is the greedy warm start, with its gaps
    requested like any others."""
    data = problem([police(1), police(2)], [Requirement(area="A", min_staff=1)], 3)

    def nothing(built, name, *args):
        return StageReport(name, "unknown", 0, 0, 0.0), None

    monkeypatch.setattr("roster.solver._stage", nothing)
    result = solve(data, time_limit=5, workers=1)
    assert [s.name for s in result.stages] == ["greedy"]
    assert result.assignments
    assert check(data, result.assignments).ok
    assert result.uncovered == check(data, result.assignments).uncovered > 0
    assert sum(len(r.places) for r in result.requested) == result.uncovered


# --- requested reinforcements: order and caps -------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "labels"),
    [
        ({}, ["district-1", "district-2"]),
        ({"request_order": (Origin.CITY, Origin.DISTRICT)}, ["city-1", "city-2"]),
        ({"request_cap_district": 1}, ["district-1", "city-1"]),
        (
            {"request_order": (Origin.CITY, Origin.DISTRICT), "request_cap_city": 1},
            ["city-1", "district-1"],
        ),
    ],
)
def test_requested_people_follow_request_order_and_caps(settings: dict, labels: list) -> None:
    """One person for three shifts of one day: two more are requested, from the superior
    units in `request_order`, each up to its cap."""
    data = problem([police(1)], [Requirement(area="A", min_staff=1)], 1, **settings)
    result = solve(data, time_limit=10, workers=1)
    assert sorted(r.label for r in result.requested) == sorted(labels)
    assert [r.origin.value for r in result.requested] == [x.split("-")[0] for x in labels]


# --- the adjustable tiers decide between otherwise equal rosters ----------------------------

TWO_HOMES = (Area(id="A"), Area(id="B"))


def test_fairness_tier_shares_the_shifts() -> None:
    """Two officers, one post for four days: fairness alone asks for two shifts each."""
    people = [police(1, home_area="A"), police(2, home_area="B")]
    post = [Requirement(area="A", shift="S", min_staff=1)]
    data = problem(people, post, 4, areas=TWO_HOMES, weight_fairness=2, weight_continuity=0)
    result = solve(data, time_limit=20, workers=1, seed=1)
    assert result.status == Status.OPTIMAL
    assert Counter(a.person for a in result.assignments) == {"P1": 2, "P2": 2}


def test_continuity_tier_keeps_people_in_their_home_area() -> None:
    """An officer at home in A and a militia member at home in B, one post in each: only
    continuity says who goes where."""
    people = [police(1, home_area="A"), police(2, home_area="B", role=Role.MILITIA)]
    posts = [Requirement(area=a.id, shift="S", min_staff=1) for a in TWO_HOMES]
    data = problem(people, posts, 3, areas=TWO_HOMES, weight_fairness=0, weight_continuity=1)
    result = solve(data, time_limit=20, workers=1, seed=1)
    assert result.status == Status.OPTIMAL
    assert {(a.person, a.area) for a in result.assignments} == {("P1", "A"), ("P2", "B")}


# --- cover --with ---------------------------------------------------------------------------


def test_cover_with_applies_the_chosen_candidate(tmp_path: Path) -> None:
    people = [police(k) for k in range(1, 5)]
    data = problem(people, [Requirement(area="A", shift="S", min_staff=1)], 1)
    roster = [Assignment(date=START, shift="S", area="A", person="P1")]
    plan = plan_cover(data, roster, "P1", START, "S")
    best, last = plan.candidates[0].person, plan.candidates[-1].person
    assert best != last
    book = write_problem_workbook(data, tmp_path / "ward.xlsx")
    solved = solve(data, time_limit=5, workers=1)
    announced = write_roster(replace(solved, assignments=tuple(roster)), tmp_path / "r.xlsx")
    args = ["cover", "P1", str(book), "--date", f"{START:%d/%m/%Y}", "--shift", "S"]
    args += ["--roster", str(announced), "--apply", "-o", str(tmp_path / "o")]
    res = CliRunner().invoke(main, [*args, "--with", last])
    assert res.exit_code == 0, res.output
    (written,) = (tmp_path / "o").glob("*-cover-*.xlsx")
    assert [a.person for a in read_assignments(written) if a.date == START] == [last]
    res = CliRunner().invoke(main, [*args, "--with", "P1"])
    assert res.exit_code == 2
    assert say("cli.not_an_option", "vi", person="P1") in res.output
