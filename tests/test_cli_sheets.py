"""`roster sheets` on a solved and then hand-edited roster, and `roster solve` writing sheets."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from roster import read_workbook, solve, write_roster
from roster.cli import main
from roster.io.problem_writer import write_problem_workbook
from roster.rules import Rule
from roster.text import rule_label
from tests.builders import example_days


@pytest.fixture(scope="module")
def roster_file(tmp_path_factory) -> Path:
    data = example_days(3)
    return write_roster(solve(data, time_limit=5), tmp_path_factory.mktemp("r") / "roster.xlsx")


def break_rest(path: Path) -> tuple[str, date, date]:
    """Edit the Assignments sheet as a person would: someone's shift on day d becomes the night
    shift (22:00–06:00) and their shift on day d+1 the morning one (06:00): no rest at all."""
    wb = load_workbook(path)
    ws = wb["Phân công"]
    header = [c.value for c in ws[1]]
    col = {name: header.index(name) for name in ("ngày", "ca", "cán bộ")}
    rows: dict[tuple[str, date], tuple] = {}
    for row in ws.iter_rows(min_row=2):
        day = row[col["ngày"]].value
        rows[(row[col["cán bộ"]].value, day.date() if isinstance(day, datetime) else day)] = row
    for (person, day), row in rows.items():
        after = rows.get((person, day + timedelta(days=1)))
        if after is not None:
            row[col["ca"]].value, after[col["ca"]].value = "D", "S"
            wb.save(path)
            return person, day, day + timedelta(days=1)
    raise AssertionError("nobody works two days in a row")


def test_sheets_warns_about_a_hand_broken_rest_rule_and_still_writes(roster_file, tmp_path):
    edited = tmp_path / "edited.xlsx"
    edited.write_bytes(roster_file.read_bytes())
    person, first, second = break_rest(edited)
    name = read_workbook(edited).person_by_id[person].name
    out = tmp_path / "sheets"
    result = CliRunner().invoke(main, ["sheets", str(edited), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rule = f"[{rule_label(Rule.MIN_REST, 'vi')}]"
    [warning] = [line for line in result.stderr.splitlines() if rule in line]
    assert name in warning and person in warning
    assert f"{first:%d/%m/%Y}" in warning and f"{second:%d/%m/%Y}" in warning
    for name in ("duty-sheets.pdf", "duty-cards.pdf", "duty-sheets.xlsx", "coverage.png"):
        assert (out / name).stat().st_size > 0
    assert len(list(out.glob("message-*.txt"))) == 3


def test_sheets_date_range_day_first_and_default_folder(roster_file):
    args = ["sheets", str(roster_file), "--from", "10/8/2021", "--to", "2021-08-10"]
    result = CliRunner().invoke(main, [*args, "--format", "txt"])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr  # a solved roster breaks no rule
    folder = roster_file.parent / "roster-sheets"
    assert [p.name for p in folder.glob("message-*")] == ["message-2021-08-10.txt"]


@pytest.mark.parametrize(
    "args, words",
    [
        (["--format", "pdf,doc"], "doc"),
        (["--from", "31/02/2021"], "--from"),
        (["--from", "2022-01-01"], "outside"),
        (["--from", "11/8/2021", "--to", "9/8/2021"], "after"),
    ],
)
def test_sheets_bad_options_exit_2(roster_file, tmp_path, args, words):
    result = CliRunner().invoke(main, ["sheets", str(roster_file), "-o", str(tmp_path), *args])
    assert result.exit_code == 2
    assert words in result.output


def test_solve_writes_sheets_unless_told_not_to(tmp_path):
    workbook = write_problem_workbook(example_days(3), tmp_path / "ward.xlsx")
    args = ["solve", str(workbook), "--time-limit", "4", "--quiet", "-o"]
    result = CliRunner().invoke(main, [*args, str(tmp_path / "a")])
    assert result.exit_code in (0, 3), result.output
    assert (tmp_path / "a" / "ward-roster.xlsx").exists()
    sheets = tmp_path / "a" / "ward-roster-sheets"
    assert (sheets / "duty-sheets.pdf").exists() and (sheets / "coverage.png").exists()
    result = CliRunner().invoke(main, [*args, str(tmp_path / "b"), "--no-sheets"])
    assert result.exit_code in (0, 3), result.output
    assert (tmp_path / "b" / "ward-roster.xlsx").exists()
    assert not (tmp_path / "b" / "ward-roster-sheets").exists()
