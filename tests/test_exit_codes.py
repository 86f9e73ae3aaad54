"""One meaning per exit code, end to end through the command line (the README's table).

0 covered by named people; 2 bad input; 3 gaps or requested reinforcements; 4 `check` found a
broken rule; 5 an output could not be written; 1 internal error; 130 interrupted.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from roster.cli import main
from roster.errors import ExitCode, InternalError, Interrupted
from roster.rules import Rule
from roster.text import rule_label
from tests.builders import base, write_book

DAY = "2021-08-03"
README = Path(__file__).resolve().parents[1] / "README.md"


def run(*args: object) -> click.testing.Result:
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A one-week workbook with enough people, and its roster solved once."""
    folder = tmp_path_factory.mktemp("codes")
    sheets = base()
    sheets["Settings"][3][1] = 7
    for i in range(6):
        sheets["People"].append([f"CA1{i:02d}", f"Hoàng Văn Đức {i}", "police", None, None, None])
    workbook = write_book(folder / "tuan.xlsx", sheets)
    result = run("solve", workbook, "-o", folder, "--time-limit", "20", "--quiet", "--no-sheets")
    assert result.exit_code == ExitCode.OK, result.output
    return workbook, folder / "tuan-roster.xlsx"


def test_check_of_a_kept_roster_is_0(week: tuple[Path, Path]) -> None:
    workbook, roster = week
    assert run("check", workbook, roster).exit_code == ExitCode.OK


def test_check_of_a_broken_roster_is_4(week: tuple[Path, Path], tmp_path: Path) -> None:
    workbook, roster = week
    wb = load_workbook(roster)
    ws = wb["Phân công"]
    first = [c.value for c in ws[2]]
    ws.append([first[0], "D" if first[1] != "D" else "S", "TDP-1", first[3]])  # double-booked
    broken = tmp_path / "broken.xlsx"
    wb.save(broken)
    result = run("check", workbook, broken)
    assert result.exit_code == ExitCode.RULE_BROKEN == 4, result.output
    assert rule_label(Rule.ONE_SHIFT_PER_DAY, "vi") in result.output


def test_gaps_are_3(tmp_path: Path) -> None:
    sheets = base()
    sheets["Settings"][3][1] = 3
    sheets["Requirements"].append(["TDP-1", None, 3, None])  # 9 places a day, 4 people
    workbook = write_book(tmp_path / "thieu.xlsx", sheets)
    args = ("-o", tmp_path, "--time-limit", "10", "--quiet", "--no-sheets")
    assert run("solve", workbook, *args).exit_code == ExitCode.GAPS


def test_bad_input_is_2_with_every_problem(tmp_path: Path) -> None:
    sheets = base()
    sheets["Shifts"][2][2] = "25:00"
    sheets["People"][1][5] = "TDP-99"
    workbook = write_book(tmp_path / "sai.xlsx", sheets)
    result = run("validate", workbook)
    assert result.exit_code == ExitCode.INPUT
    # Said in the workbook's language (Vietnamese: it names none), sheets and columns as written.
    assert "Shifts, dòng 3, cột 'start': đang ghi '25:00'; cần một giờ" in result.output
    assert "People, dòng 2, cột 'home_area': đang ghi 'TDP-99'; cần một mã" in result.output
    assert "row" not in result.output and "expected" not in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ("--workers", "0"),  # a bad command-line value
        ("--time-limit", "soon"),
    ],
)
def test_bad_command_line_values_are_2(week: tuple[Path, Path], args: tuple[str, ...]) -> None:
    workbook, _ = week
    assert run("solve", workbook, *args).exit_code == ExitCode.INPUT


def test_unknown_person_is_2(week: tuple[Path, Path]) -> None:
    _, roster = week
    result = run("trace", "NOBODY", "--date", DAY, "--roster", roster)
    assert result.exit_code == ExitCode.INPUT
    assert "no person 'NOBODY'" in result.output


def _blocked(tmp_path: Path) -> Path:
    """An output folder that cannot be made: a file stands where it would go."""
    (tmp_path / "file").write_text("not a folder")
    return tmp_path / "file" / "out"


@pytest.mark.parametrize("command", ["solve", "trace --mark-f1", "sheets", "template"])
def test_an_output_that_cannot_be_written_is_5(
    week: tuple[Path, Path], tmp_path: Path, command: str
) -> None:
    workbook, roster = week
    out = _blocked(tmp_path)
    args = {
        "solve": ("solve", workbook, "-o", out, "--time-limit", "5", "--quiet", "--no-sheets"),
        "trace --mark-f1": (
            *("trace", "007", "--date", DAY, "--roster", roster),
            *("--mark-f1", workbook, "-o", out),
        ),
        "sheets": ("sheets", roster, "--format", "txt", "-o", out),
        "template": ("template", workbook),  # exists: a template never replaces a file
    }[command]
    result = run(*args)
    assert result.exit_code == ExitCode.OUTPUT == 5, result.output
    assert "Traceback" not in result.output


def test_writing_over_the_input_is_5(week: tuple[Path, Path], tmp_path: Path) -> None:
    workbook, roster = week
    (tmp_path / "tuan-replan-2021-08-03.xlsx").symlink_to(roster)
    args = ("--roster", roster, "--from", DAY, "-o", tmp_path, "--time-limit", "5", "--quiet")
    result = run("replan", workbook, *args)
    assert result.exit_code == ExitCode.OUTPUT, result.output
    assert "refusing to overwrite the input workbook" in result.output


def test_an_unexpected_exception_is_1_in_one_line(
    week: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook, roster = week

    def boom(*args, **kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr("roster.cli.check", boom)
    monkeypatch.delenv("ROSTER_DEBUG", raising=False)
    result = run("check", workbook, roster)
    assert result.exit_code == ExitCode.INTERNAL == 1
    assert "internal error" in result.output and "RuntimeError: boom" in result.output
    assert "second line" not in result.output and "Traceback" not in result.output
    monkeypatch.setenv("ROSTER_DEBUG", "1")
    result = run("check", workbook, roster)
    assert result.exit_code == ExitCode.INTERNAL and "Traceback" in result.output


@pytest.mark.parametrize(
    ("error", "code", "number", "said"),
    [
        (
            InternalError("the solver's roster breaks a rule"),
            ExitCode.INTERNAL,
            1,
            ("internal error", "breaks a rule"),
        ),
        (
            Interrupted("stopped before any roster was found; nothing written"),
            ExitCode.INTERRUPTED,
            130,
            ("interrupted",),
        ),
    ],
    ids=["checker-disagreeing-with-the-model-is-1", "interrupted-is-130"],
)
def test_a_solve_ended_by_an_error_exits_with_its_code(
    week: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: Exception,
    code: ExitCode,
    number: int,
    said: tuple[str, ...],
) -> None:
    """The checker disagreeing with the model, or a stop before any roster: no roster."""
    workbook, _ = week

    def ended(*args, **kwargs):
        raise error

    monkeypatch.setattr("roster.solver.solve", ended)
    result = run("solve", workbook, "-o", tmp_path, "--quiet", "--no-sheets")
    assert result.exit_code == code == number
    assert all(words in result.output for words in said)
    assert "Traceback" not in result.output
    assert not (tmp_path / "tuan-roster.xlsx").exists()


def test_ctrl_c_outside_a_solve_is_130(
    week: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook, _ = week

    def ctrl_c(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("roster.cli.read_workbook_with_warnings", ctrl_c)
    result = run("validate", workbook)
    assert result.exit_code == ExitCode.INTERRUPTED
    assert "Traceback" not in result.output


def test_the_readme_table_has_every_code_once() -> None:
    rows = re.findall(r"^\| `(\d+)` \|", README.read_text(encoding="utf-8"), re.MULTILINE)
    assert sorted(int(code) for code in rows) == sorted(code.value for code in ExitCode)
