"""Re-planning the bundled example after five more people test positive on day 10.

The example is solved once per test session (shared with tests/test_cover.py through
`solved_example`), then re-planned with and without the change-minimising tier.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from roster import ProblemData, check, read_assignments, read_workbook, solve, write_roster
from roster.cli import main
from roster.data import Assignment, StatusKind, StatusPeriod
from roster.io.problem_writer import write_problem_workbook
from roster.params import SolveParams
from roster.replan import replan, sub_problem

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "inputs" / "ward-hoa-thuan-dong.xlsx"
SOLVE_S, REPLAN_S = 20.0, 12.0


def solved_example(base: Path) -> Path:
    """The bundled example solved once per session (a roster workbook under ``base``)."""
    path = base / "example-roster.xlsx"
    if not path.exists():
        data = read_workbook(EXAMPLE)
        write_roster(solve(data, time_limit=SOLVE_S), path)
    return path


@pytest.fixture(scope="module")
def announced(tmp_path_factory) -> tuple[ProblemData, list[Assignment], Path]:
    path = solved_example(tmp_path_factory.getbasetemp())
    return read_workbook(path), read_assignments(path), path


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


def test_scenario_replan_keeps_the_past_and_changes_little(announced):
    data, roster, _ = announced
    day10 = data.dates[9]
    new = five_f0(data, roster, day10)
    t0 = time.monotonic()
    plan = replan(new, roster, day10, SolveParams(time_limit=REPLAN_S))
    seconds = time.monotonic() - t0
    joined = plan.result.assignments
    before = sorted(a.model_dump_json() for a in roster if a.date < day10)
    assert sorted(a.model_dump_json() for a in joined if a.date < day10) == before
    assert plan.kept == len(before)
    # Nothing was backdated, so the joined roster passes the checker against the new workbook.
    assert check(new, joined).ok and plan.past == ()
    # ... and the kept part against the workbook as it was.
    assert check(data, [a for a in joined if a.date < day10]).ok
    sick = {s.person for s in new.statuses[-5:]}
    forced = [c for c in plan.changes if c.kind == "removed" and c.person in sick]
    assert len(forced) == sum(1 for a in roster if a.date >= day10 and a.person in sick)
    assert all("F0" in c.reason for c in forced)
    plain = replan(new, roster, day10, SolveParams(time_limit=REPLAN_S), minimise_changes=False)
    assert check(new, plain.result.assignments).ok
    print(
        f"\nreplan: {len(plan.changes)} changed assignments {plan.counts()} in {seconds:.1f}s; "
        f"plain re-solve: {len(plain.changes)} {plain.counts()}"
    )
    assert len(plan.changes) < 0.5 * len(plain.changes)


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
    assert check(data, plan.result.assignments).ok
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
