"""End to end through the CLI: solve, validate, check, template, bad input, infeasible input."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from roster import check, read_assignments, read_workbook
from roster.cli import main
from roster.errors import ExitCode
from roster.rules import Rule
from roster.text import rule_label
from tests.builders import base, write_book


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """The reader tests' valid workbook cut to one week, with enough people to cover it."""
    sheets = base()
    sheets["Settings"][3][1] = 7
    for i in range(6):
        sheets["People"].append([f"CA1{i:02d}", f"Hoàng Văn Đức {i}", "police", None, None, None])
    return write_book(tmp_path / "phuong.xlsx", sheets)


def test_every_command_has_help_text():
    for name, command in main.commands.items():
        assert command.help, f"roster {name} has no help text"
        assert run(name, "--help").exit_code == 0


def test_solve_writes_the_contract_sheets(small: Path, tmp_path: Path):
    before = hashlib.sha256(small.read_bytes()).hexdigest()
    out = tmp_path / "out"
    result = run("solve", small, "-o", out, "--time-limit", "20", "--quiet", "--no-sheets")
    assert result.exit_code == 0, result.output
    roster = out / "phuong-roster.xlsx"
    wb = load_workbook(roster)
    for sheet in ("Phân công", "Thiếu hụt", "Đề nghị tăng cường"):
        assert sheet in wb.sheetnames
    header = [c.value for c in wb["Phân công"][1]]
    assert header == [
        "ngày",
        "ca",
        "địa bàn",
        "cán bộ",
        "họ tên",
        "lực lượng",
        "nguồn",
        "hình thức",
    ]
    assert isinstance(wb["Phân công"]["A2"].value.date(), date)  # a real date cell
    assert wb["Thiếu hụt"].max_row == 1  # header only: nothing short
    data = read_workbook(small)
    assert check(data, read_assignments(roster)).ok
    assert hashlib.sha256(small.read_bytes()).hexdigest() == before
    assert "Hòa Thuận Đông" in result.output


def test_infeasible_input_requests_reinforcements(tmp_path: Path):
    sheets = base()
    sheets["Settings"][3][1] = 5
    sheets["Requirements"].append(["TDP-1", None, 3, None])  # 9 places a day, 4 people
    path = write_book(tmp_path / "thieu.xlsx", sheets)
    result = run("solve", path, "-o", tmp_path, "--time-limit", "20", "--quiet", "--no-sheets")
    assert result.exit_code == 3, result.output
    wb = load_workbook(tmp_path / "thieu-roster.xlsx")
    gaps = list(wb["Thiếu hụt"].iter_rows(min_row=2, values_only=True))
    requests = list(wb["Đề nghị tăng cường"].iter_rows(min_row=2, values_only=True))
    assert gaps and requests
    assert all(row[6] for row in gaps)  # every gap has a reason
    assert all(row[0] in ("district", "city") and row[5] >= 1 for row in requests)
    data = read_workbook(path)
    report = check(data, read_assignments(tmp_path / "thieu-roster.xlsx"))
    assert report.ok
    assert sum(row[5] for row in gaps) == report.uncovered  # Gaps re-derivable


def test_english_output(small: Path, tmp_path: Path):
    wb = load_workbook(small)
    wb["Settings"].append(["language", "en"])
    wb.save(small)
    assert run("solve", small, "-o", tmp_path, "--quiet", "--no-sheets").exit_code == 0
    names = load_workbook(tmp_path / "phuong-roster.xlsx").sheetnames
    assert {"Assignments", "Gaps", "Reinforcements needed"} <= set(names)


def test_five_mistakes_exit_2_without_traceback(tmp_path: Path):
    sheets = base()
    sheets["Settings"][3][1] = 400
    sheets["Shifts"][2][2] = "25:00"
    sheets["Areas"].append(["TDP-1", "again", "market"])
    sheets["People"][1][5] = "TDP-99"
    sheets["Requirements"][1][2] = "31/02/2021"
    path = write_book(tmp_path / "five.xlsx", sheets)
    before = path.read_bytes()
    for command in ("solve", "validate"):
        result = run(command, path, *(["-o", tmp_path] if command == "solve" else []))
        assert result.exit_code == 2
        assert "Traceback" not in result.output
        for where in (  # said in the workbook's language: Vietnamese, it names none
            "Settings, dòng 4",
            "Shifts, dòng 3",
            "Areas, dòng 5",
            "People, dòng 2",
            "Requirements, dòng 2",
        ):
            assert where in result.output
    assert path.read_bytes() == before
    assert not (tmp_path / "five-roster.xlsx").exists()


def test_validate_summarises(small: Path):
    result = run("validate", small)
    assert result.exit_code == 0
    assert "công an/đơn vị" in result.output and "Dòng yêu cầu: 2" in result.output


def test_check_reports_a_hand_broken_roster(small: Path, tmp_path: Path):
    run("solve", small, "-o", tmp_path, "--quiet", "--no-sheets")
    roster = tmp_path / "phuong-roster.xlsx"
    wb = load_workbook(roster)
    ws = wb["Phân công"]
    first = [c.value for c in ws[2]]
    ws.append([first[0], "D" if first[1] != "D" else "S", "TDP-1", first[3]])  # double-booked
    wb.save(roster)
    result = run("check", small, roster)
    assert result.exit_code == 4  # the roster breaks a rule (1 is an internal error)
    assert rule_label(Rule.ONE_SHIFT_PER_DAY, "vi") in result.output


def test_template_round_trip(tmp_path: Path):
    path = tmp_path / "mau.xlsx"
    assert run("template", path).exit_code == 0
    assert "Cán bộ" in load_workbook(path).sheetnames
    assert run("template", path).exit_code == 5  # never overwrites: an output not written
    result = run("validate", path)
    assert result.exit_code == 2 and "'đơn vị'" in result.output


def test_refuses_to_overwrite_the_input(small: Path):
    """The roster's name in the input's own folder is a link to the input: refused, input kept."""
    before = hashlib.sha256(small.read_bytes()).hexdigest()
    (small.parent / "phuong-roster.xlsx").symlink_to(small)
    result = run("solve", small, "-o", small.parent, "--no-sheets")
    assert result.exit_code == ExitCode.OUTPUT == 5  # an output that may not be written
    assert "refusing to overwrite the input workbook" in result.output
    assert hashlib.sha256(small.read_bytes()).hexdigest() == before


def test_a_hard_link_to_the_input_is_replaced_not_written_through(small: Path, tmp_path: Path):
    """A name that shares the input's bytes (a hard link) gets a new file moved into place: the
    input's bytes stay as they were."""
    before = hashlib.sha256(small.read_bytes()).hexdigest()
    out = tmp_path / "out"
    out.mkdir()
    (out / "phuong-roster.xlsx").hardlink_to(small)
    result = run("solve", small, "-o", out, "--no-sheets", "--quiet")
    assert result.exit_code in (0, 3), result.output
    assert hashlib.sha256(small.read_bytes()).hexdigest() == before
    assert read_assignments(out / "phuong-roster.xlsx")
