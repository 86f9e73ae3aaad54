"""Re-planning: the bundled example after five more people test positive on day 10 (solved
once per session in conftest.py), and small wards where the fewest changes can be proven."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from roster import ProblemData, read_assignments, read_workbook, solve, write_roster
from roster.cli import main
from roster.data import Assignment, Requirement, StatusKind, StatusPeriod
from roster.io.problem_writer import write_problem_workbook
from roster.params import SolveParams
from roster.replan import replan, sub_problem
from roster.text import say
from tests.builders import EXAMPLE, START, police, problem

REPLAN_S = 12.0


def five_f0(data: ProblemData, roster: list[Assignment], day: date) -> ProblemData:
    """The five busiest people from ``day`` on, not yet isolated, become F0 from ``day``."""
    busy = {s.person for s in data.statuses if s.covers(day)}
    load = Counter(a.person for a in roster if a.date >= day and a.person not in busy)
    rows = tuple(
        StatusPeriod(
            person=p, status=StatusKind.F0, date_from=day, date_to=day + timedelta(days=23)
        )
        for p, _ in load.most_common(5)
    )
    return data.model_copy(update={"statuses": data.statuses + rows})


def test_scenario_replan_keeps_the_past_and_removes_the_sick(announced):
    data, roster, _ = announced
    day10 = data.dates[9]
    new = five_f0(data, roster, day10)
    plan = replan(new, roster, day10, SolveParams(time_limit=REPLAN_S))
    joined = plan.result.assignments
    before = sorted(a.model_dump_json() for a in roster if a.date < day10)
    assert sorted(a.model_dump_json() for a in joined if a.date < day10) == before
    assert plan.kept == len(before) and plan.past == ()
    sick = {s.person for s in new.statuses[-5:]}
    assert not [a for a in joined if a.date >= day10 and a.person in sick]
    forced = [c for c in plan.changes if c.kind == "removed" and c.person in sick]
    assert len(forced) == sum(1 for a in roster if a.date >= day10 and a.person in sick)
    assert all("F0" in c.reason for c in forced)


def _small_ward() -> tuple[ProblemData, list[Assignment]]:
    """Four police, one morning post for six days: solved to optimality in a moment."""
    data = problem(
        [police(i) for i in range(4)], [Requirement(area="A", shift="S", min_staff=1)], 6
    )
    return data, list(solve(data, time_limit=20, workers=1, seed=1).assignments)


def test_fewest_changes_is_one_replacement_per_forced_removal():
    """Whoever is on day 4 falls sick from day 3: the re-plan removes each of their shifts and
    adds one other person there, nothing else (with the tier left out, nothing holds it)."""
    data, roster = _small_ward()
    day3 = START + timedelta(2)
    sick = next(a.person for a in roster if a.date == START + timedelta(3))
    status = StatusPeriod(person=sick, status=StatusKind.F0, date_from=day3, date_to=data.dates[-1])
    new = data.model_copy(update={"statuses": (status,)})
    plan = replan(new, roster, day3, SolveParams(time_limit=20, workers=1, seed=1))
    lost = sum(1 for a in roster if a.person == sick and a.date >= day3)
    assert plan.counts() == {"moved": 0, "removed": lost, "added": lost}
    untouched = [a for a in roster if a.date >= day3 and a.person != sick]
    assert set(untouched) <= set(plan.result.assignments)


def test_backdated_status_is_a_warning_not_a_refusal(tmp_path: Path):
    """An F0 dated back into days already worked cannot be undone: replan keeps those days,
    names them in `past` and the warnings, and the command prints them."""
    data, roster = _small_ward()
    day3 = START + timedelta(2)
    worked = next(a for a in roster if a.date == START)
    status = StatusPeriod(
        person=worked.person, status=StatusKind.F0, date_from=START, date_to=data.dates[-1]
    )
    new = data.model_copy(update={"statuses": (status,)})
    plan = replan(new, roster, day3, SolveParams(time_limit=20, workers=1, seed=1))
    assert worked in plan.result.assignments
    assert plan.past and {v.person for v in plan.past} == {worked.person}
    assert all(v.date < day3 for v in plan.past)
    assert len(plan.result.warnings) >= len(plan.past)
    book = write_problem_workbook(new, tmp_path / "new.xlsx")
    old = write_roster(solve(data, time_limit=20, workers=1, seed=1), tmp_path / "old.xlsx")
    args = ["replan", str(book), "--roster", str(old), "--from", f"{day3:%d/%m/%Y}"]
    res = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "out"), "--no-sheets"])
    assert res.exit_code in (0, 3), res.output
    warned = [
        line for line in res.output.splitlines() if line.startswith(f"{say('cli.warning', new)}:")
    ]
    assert len(warned) >= len(plan.past)
    assert all(worked.person in line for line in warned[: len(plan.past)])


def test_sub_problem_history_is_the_kept_days():
    data = read_workbook(EXAMPLE)
    day = data.dates[9]
    kept = [Assignment(date=day - timedelta(days=1), shift="D", area="CHOT-1", person="CA004")]
    sub = sub_problem(data, kept, day)
    assert sub.settings.start_date == day and sub.settings.end_date == data.settings.end_date
    assert {(h.person, h.date, h.shift) for h in sub.history} >= {
        ("CA004", day - timedelta(days=1), "D")
    }
    assert all(r.date >= day for r in sub.requests) and all(f.date >= day for f in sub.fixed)


def test_rest_across_the_date_is_respected():
    """A night shift kept on the day before: nobody re-planned works the next morning."""
    data = read_workbook(EXAMPLE)
    settings = data.settings.model_copy(update={"days": 4})
    data = data.model_copy(
        update={
            "settings": settings,
            "requests": (),
            "fixed": (),
            "statuses": (),
        }
    )
    first = solve(data, time_limit=8)
    day = data.dates[2]
    plan = replan(data, list(first.assignments), day, SolveParams(time_limit=8))
    kept = sorted(a.model_dump_json() for a in first.assignments if a.date < day)
    assert sorted(a.model_dump_json() for a in plan.result.assignments if a.date < day) == kept
    nights = {
        a.person for a in first.assignments if a.date == day - timedelta(1) and a.shift == "D"
    }
    mornings = {a.person for a in plan.result.assignments if a.date == day and a.shift == "S"}
    assert not nights & mornings


def test_cli_replan_writes_changes_sheet(announced, tmp_path):
    data, roster, path = announced
    day10 = data.dates[9]
    book = write_problem_workbook(five_f0(data, roster, day10), tmp_path / "new.xlsx")
    runner = CliRunner()
    res = runner.invoke(
        main,
        [
            "replan",
            str(book),
            "--roster",
            str(path),
            "--from",
            f"{day10:%d/%m/%Y}",
            "-o",
            str(tmp_path / "out"),
            "--time-limit",
            "16",  # the whole run: replan keeps back time for writing, scaled to the unit
            "--quiet",
            "--no-sheets",
        ],
    )
    assert res.exit_code in (0, 3), res.output
    assert "changes" in res.output
    out = next((tmp_path / "out").glob("new-replan-*.xlsx"))
    wb = load_workbook(out, read_only=True)
    assert "Thay đổi" in wb.sheetnames
    assert read_assignments(out)


def test_cli_replan_bad_date_is_exit_2(announced, tmp_path):
    _, _, path = announced
    runner = CliRunner()
    for bad in ("31/02/2021", "2030-01-01"):
        res = runner.invoke(
            main,
            ["replan", str(EXAMPLE), "--roster", str(path), "--from", bad, "-o", str(tmp_path)],
        )
        assert res.exit_code == 2, res.output
        assert "Traceback" not in res.output
