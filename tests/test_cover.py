"""`roster cover`: ranked candidates on a busy day of the bundled example, swap chains on a
hand-built ward, and the command's options and exit codes."""

from __future__ import annotations

import time
from collections import Counter
from datetime import date
from datetime import time as clock

import pytest
from click.testing import CliRunner
from test_replan import announced, solved_example  # noqa: F401  (shared session roster)

from roster import check
from roster.cli import main
from roster.cover import apply_moves, plan_cover
from roster.data import (
    Area,
    Assignment,
    Person,
    ProblemData,
    Requirement,
    Role,
    Settings,
    Shift,
)


def test_busy_day_ranked_fast_and_every_candidate_applies(announced):  # noqa: F811
    data, roster, _ = announced
    busiest = Counter(a.date for a in roster).most_common(1)[0][0]
    target = next(a for a in roster if a.date == busiest and a.mode == "onsite")
    t0 = time.monotonic()
    plan = plan_cover(data, roster, target.person, busiest, target.shift)
    seconds = time.monotonic() - t0
    print(f"\ncover on {busiest}: {len(plan.candidates)} candidates in {seconds:.2f}s")
    assert seconds < 2.0
    assert plan.candidates
    assert set(plan.refusals) | {c.person for c in plan.candidates} == {
        p.id for p in data.people if p.id != target.person
    }
    baseline = check(data, roster)
    for moves in plan.options():
        report = check(data, apply_moves(roster, plan.target, moves))
        assert report.ok
        assert report.uncovered <= baseline.uncovered


def ward() -> tuple[ProblemData, list[Assignment]]:
    """Area A needs one police officer, area B one person, both on the morning shift of one day.
    P1 (police) is on A, P2 (police) on B, M (militia) is free: when P1 leaves, M cannot take
    A (not police) and P2 cannot leave B empty; the chain P2 -> A, M -> B covers both."""
    data = ProblemData(
        settings=Settings(unit="test", start_date=date(2021, 8, 1), days=1),
        shifts=(Shift(id="S", start=clock(6), end=clock(14), night=False),),
        areas=(Area(id="A"), Area(id="B")),
        people=(
            Person(id="P1", name="One"),
            Person(id="P2", name="Two"),
            Person(id="M", name="Militia", role=Role.MILITIA),
        ),
        requirements=(
            Requirement(area="A", shift="S", min_staff=1, min_police=1),
            Requirement(area="B", shift="S", min_staff=1),
        ),
    )
    day = data.settings.start_date
    roster = [
        Assignment(date=day, shift="S", area="A", person="P1"),
        Assignment(date=day, shift="S", area="B", person="P2"),
    ]
    return data, roster


def test_chain_of_swaps_when_nobody_can_take_it_directly():
    data, roster = ward()
    plan = plan_cover(data, roster, "P1", data.settings.start_date, "S")
    assert plan.candidates == ()
    assert "M" in plan.refusals and "P2" in plan.refusals
    (chain,) = plan.chains
    assert [(m.person, m.after.area) for m in chain.moves] == [("P2", "A"), ("M", "B")]
    after = apply_moves(roster, plan.target, chain.moves)
    report = check(data, after)
    assert report.ok and not report.gaps


def test_cli_cover_apply_and_bad_input(tmp_path):
    from roster.io.problem_writer import write_problem_workbook
    from roster.io.writer import read_assignments, write_roster
    from roster.solver import solve

    data, _ = ward()
    book = write_problem_workbook(data, tmp_path / "ward.xlsx")
    result = solve(data, time_limit=5)
    roster_path = write_roster(result, tmp_path / "ward-roster.xlsx")
    police_a = next(a for a in result.assignments if a.area == "A")
    runner = CliRunner()
    args = ["cover", police_a.person, str(book), "--shift", "S", "--roster", str(roster_path)]
    res = runner.invoke(main, [*args, "--date", "01/08/2021", "--apply", "-o", str(tmp_path / "o")])
    assert res.exit_code == 0, res.output
    written = next((tmp_path / "o").glob("*-cover-*.xlsx"))
    assert check(data, read_assignments(written)).ok
    assert (tmp_path / "o" / f"{written.stem}-sheets").is_dir()
    for bad in (["--date", "2021-08-05"], ["--date", "5/13/2021"]):
        res = runner.invoke(main, [*args, *bad])
        assert res.exit_code == 2 and "Traceback" not in res.output


@pytest.mark.parametrize("who", ["NOBODY"])
def test_cli_cover_unknown_person_is_exit_2(tmp_path, who):
    from roster.io.problem_writer import write_problem_workbook
    from roster.io.writer import write_roster
    from roster.solver import solve

    data, _ = ward()
    book = write_problem_workbook(data, tmp_path / "ward.xlsx")
    roster_path = write_roster(solve(data, time_limit=5), tmp_path / "r.xlsx")
    res = CliRunner().invoke(
        main,
        [
            "cover",
            who,
            str(book),
            "--date",
            "2021-08-01",
            "--shift",
            "S",
            "--roster",
            str(roster_path),
        ],
    )
    assert res.exit_code == 2 and "NOBODY" in res.output
