"""Ctrl-C and SIGTERM during `roster solve`, and the time budget, on the real command.

The instance (40 people, 10 areas, 31 days) is not solved to optimality within a minute, so
the search is still running when the signal comes; the signal is sent once the solver has
reported a roster, as a person watching the progress lines would. A second signal during
the write, and the time budget handed to the solver, are tested in-process, where the
moment of the signal and each budget can be chosen and recorded instead of timed.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook
from ortools.sat.python import cp_model

from roster.cli import main
from roster.io.problem_writer import write_problem_workbook
from roster.io.writer import read_assignments
from roster.load import read_workbook
from roster.params import WRITE_RESERVE_S
from roster.text import LANGUAGES, say
from roster.text.contract import OUTPUT_SHEETS
from roster.verify import check
from tests.builders import base, load_script, write_book

LIMIT = 60.0  # far beyond the test: only a signal ends these runs early
HANG_S = 120.0  # a guard against a hung process, not a measure of speed


@pytest.fixture(scope="module")
def instance(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = load_script("benchmarks/generate.py").generate(40, 10, 31, seed=1)
    return write_problem_workbook(data, tmp_path_factory.mktemp("big") / "big.xlsx", "en")


class _Run:
    """`roster solve` in a subprocess, with its stderr read as it comes."""

    def __init__(self, workbook: Path, output: Path, limit: float, *extra: str):
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "roster", "solve", str(workbook), "-o", str(output)),
                *("--time-limit", str(limit), *extra),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self.found = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line)
            if " best " in line:
                self.found.set()

    def signal_after_first_roster(self, signum: int) -> None:
        assert self.found.wait(HANG_S), "".join(self.lines)
        self.process.send_signal(signum)

    def finish(self) -> tuple[int, str, str]:
        """Exit code, stdout and stderr (a hung process fails the test after HANG_S)."""
        stdout, _ = self.process.communicate(timeout=HANG_S)
        self.reader.join(5)
        return self.process.returncode, stdout, "".join(self.lines)


def _status(roster: Path) -> str:
    """The Status line of the roster's Summary sheet, in either language."""
    wb = load_workbook(roster, read_only=True)
    title = next(name for name in OUTPUT_SHEETS["summary"] if name in wb.sheetnames)
    rows = {row[0]: row[1] for row in wb[title].iter_rows(values_only=True)}
    wb.close()
    return rows.get("Status") or rows["Trạng thái"]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signal_writes_best_roster_marked_interrupted(
    instance: Path, tmp_path: Path, signum: int
) -> None:
    run = _Run(instance, tmp_path, LIMIT, "--no-sheets")
    run.signal_after_first_roster(signum)
    code, stdout, stderr = run.finish()
    assert code == 130, stderr
    assert "Traceback" not in stderr + stdout
    roster = tmp_path / "big-roster.xlsx"
    # not "feasible": the signal, not the limit, ended it
    assert _status(roster) in {say("result.interrupted", lang) for lang in LANGUAGES}
    assignments = read_assignments(roster)
    assert assignments
    assert not check(read_workbook(instance), assignments).violations
    assert not list(tmp_path.glob(".~*"))


def test_second_sigint_during_the_search_quits_and_writes_nothing(
    instance: Path, tmp_path: Path
) -> None:
    run = _Run(instance, tmp_path, LIMIT)
    run.signal_after_first_roster(signal.SIGINT)
    run.process.send_signal(signal.SIGINT)
    code, stdout, stderr = run.finish()
    assert code == 130, stderr
    assert "Traceback" not in stderr + stdout
    # Whatever was already moved into place is whole; nothing half-written is left behind.
    assert not any(tmp_path.rglob(".~*"))
    for book in tmp_path.rglob("*.xlsx"):
        load_workbook(book, read_only=True).close()


@pytest.fixture
def own_signals(monkeypatch: pytest.MonkeyPatch):
    """The command installs its own handlers (and quiets the unraisable hook on a second
    signal): put the test process's back afterwards."""
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    yield
    for signum, handler in saved.items():
        signal.signal(signum, handler)


def _small_workbook(folder: Path) -> Path:
    sheets = base()
    sheets["Settings"][3][1] = 3
    return write_book(folder / "ward.xlsx", sheets)


def test_second_sigint_during_the_write_leaves_no_partial_roster(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_signals: None
) -> None:
    """Ctrl-C, then Ctrl-C again while the roster is half written: exit 130, and neither the
    half-written file nor anything under the roster's name is left."""
    real_save = Workbook.save
    signals: list[int] = []

    def save_interrupted(self: Workbook, filename: object) -> None:
        real_save(self, filename)
        Path(str(filename)).write_bytes(Path(str(filename)).read_bytes()[:100])  # half a file
        for _ in range(2):
            signals.append(signal.SIGINT)
            signal.raise_signal(signal.SIGINT)

    out = tmp_path / "out"
    args = ["solve", str(_small_workbook(tmp_path)), "-o", str(out), "--no-sheets", "--quiet"]
    monkeypatch.setattr(Workbook, "save", save_interrupted)
    result = CliRunner().invoke(main, args)
    assert signals == [signal.SIGINT, signal.SIGINT]
    assert result.exit_code == 130, result.output
    assert "stopped, nothing written" in result.output
    assert not out.exists() or not any(out.iterdir())


def test_the_solver_gets_the_limit_less_the_time_to_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_signals: None
) -> None:
    """Each CP-SAT search is given at most the limit less the reserve for writing, so the
    whole run ends within --time-limit; the budgets are recorded, not timed."""
    budgets: list[float] = []
    real_solve = cp_model.CpSolver.solve

    def recording(self: cp_model.CpSolver, *args: object, **kwargs: object):
        budgets.append(self.parameters.max_time_in_seconds)
        return real_solve(self, *args, **kwargs)

    monkeypatch.setattr(cp_model.CpSolver, "solve", recording)
    limit = 12.0
    out = tmp_path / "out"
    args = ["solve", str(_small_workbook(tmp_path)), "-o", str(out), "--quiet"]
    result = CliRunner().invoke(main, [*args, "--time-limit", str(limit)])
    assert result.exit_code in (0, 3), result.output
    assert budgets and 0 < max(budgets) <= limit - WRITE_RESERVE_S
    assert (out / "ward-roster.xlsx").exists() and (out / "ward-roster-sheets").is_dir()
