"""Ctrl-C and SIGTERM during `roster solve`, and the wall-time limit, on the real command.

The instance (40 people, 10 areas, 31 days) is not solved to optimality within a minute, so
the search is still running when the signal comes; the signal is sent once the solver has
reported a roster, as a person watching the progress lines would.
"""

from __future__ import annotations

import importlib.util
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from roster.io.problem_writer import write_problem_workbook
from roster.io.writer import read_assignments
from roster.load import read_workbook
from roster.text import LANGUAGES, say
from roster.text.contract import OUTPUT_SHEETS
from roster.verify import check

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 60.0  # far beyond the test: only a signal ends these runs early
FINISH_S = 15.0  # naming, checking and writing the best roster after the signal


def _generator():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def instance(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = _generator().generate(40, 10, 31, seed=1)
    return write_problem_workbook(data, tmp_path_factory.mktemp("big") / "big.xlsx", "en")


class _Run:
    """`roster solve` in a subprocess, with its stderr read as it comes."""

    def __init__(self, workbook: Path, output: Path, limit: float, *extra: str):
        self.started = time.monotonic()
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
        assert self.found.wait(45), "".join(self.lines)
        self.process.send_signal(signum)

    def finish(self, seconds: float) -> tuple[int, str, str]:
        """Exit code, stdout and stderr; fails when the run outlasts ``seconds``."""
        stdout, _ = self.process.communicate(timeout=seconds)
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
    sent = time.monotonic()
    code, stdout, stderr = run.finish(FINISH_S)
    assert code == 130, stderr
    assert time.monotonic() - sent < FINISH_S
    assert "Traceback" not in stderr + stdout
    roster = tmp_path / "big-roster.xlsx"
    assert _status(roster) in {say("result.interrupted", lang) for lang in LANGUAGES}
    assignments = read_assignments(roster)
    assert assignments
    assert not check(read_workbook(instance), assignments).violations
    assert not list(tmp_path.glob(".~*"))


def test_second_sigint_quits_at_once_without_a_partial_file(instance: Path, tmp_path: Path) -> None:
    run = _Run(instance, tmp_path, LIMIT)
    run.signal_after_first_roster(signal.SIGINT)
    time.sleep(0.05)
    run.process.send_signal(signal.SIGINT)
    sent = time.monotonic()
    code, stdout, stderr = run.finish(5)
    assert code == 130, stderr
    assert time.monotonic() - sent < 3
    assert "Traceback" not in stderr + stdout
    # Whatever was already moved into place is whole; nothing half-written is left behind.
    assert not any(tmp_path.rglob(".~*"))
    for book in tmp_path.rglob("*.xlsx"):
        load_workbook(book, read_only=True).close()


def test_whole_run_ends_within_the_time_limit(instance: Path, tmp_path: Path) -> None:
    limit = 12.0
    run = _Run(instance, tmp_path, limit, "--quiet")
    code, _, stderr = run.finish(limit + 30)
    elapsed = time.monotonic() - run.started
    assert code in (0, 3), stderr
    assert elapsed < limit + 4, f"{elapsed:.1f} s for a {limit:.0f} s limit"
    assert (tmp_path / "big-roster.xlsx").exists()
    assert (tmp_path / "big-roster-sheets").is_dir()
