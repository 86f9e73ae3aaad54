"""A city run that stops early (its time limit, Ctrl-C) keeps every unit in its outputs: the
ones finished are written, the rest are marked not solved, and the exit code says so."""

from __future__ import annotations

import math
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from roster.city.executor import LocalExecutor, Outcome
from roster.city.names import COMMAND_FILE, SUMMARY_FILE
from roster.city.run import INTERRUPTED, Control, run_city
from roster.cli import main
from roster.errors import ExitCode
from roster.reports.city import state, write_all
from roster.text import say
from tests.builders import load_script

ROOT = Path(__file__).resolve().parents[1]
UNITS = ("P01", "P02", "P03")


def _city(folder: Path) -> Path:
    return load_script("benchmarks/city.py").generate_city(
        folder, districts=2, wards=3, pool=10, days=7, people=14
    )


def _unit_states(out: Path) -> dict[str, str]:
    wb = load_workbook(out / COMMAND_FILE, read_only=True)
    rows = list(wb[wb.sheetnames[1]].iter_rows(values_only=True))
    return {row[0]: row[2] for row in rows[1:]}


class StopAfterFirst(Control):
    """Ctrl-C pressed as soon as the first unit's roster comes in."""

    def finished(self, index: int, outcome: Outcome) -> None:
        self.interrupt()


def test_tiny_time_limit_lists_every_unit(tmp_path: Path) -> None:
    folder, out = _city(tmp_path / "in"), tmp_path / "out"
    args = ["city", str(folder), "-o", str(out), "--time-limit", "0.001", "--no-sheets"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == ExitCode.INCOMPLETE, result.output
    states = _unit_states(out)
    assert set(states) == set(UNITS)
    assert state("not solved", "vi") in states.values()
    summary = (out / SUMMARY_FILE).read_text(encoding="utf-8")
    for uid, said in states.items():
        assert uid in summary
        if said != state("solved", "vi"):
            assert f"{uid} ({state('not solved', 'vi')})" in summary


def test_time_limit_option_is_documented() -> None:
    result = CliRunner().invoke(main, ["city", "--help"])
    assert "--time-limit" in result.output and "whole run" in result.output


def test_interrupt_keeps_finished_units(tmp_path: Path) -> None:
    folder, out = _city(tmp_path / "in"), tmp_path / "out"
    control = StopAfterFirst(math.inf)
    run = run_city(folder, LocalExecutor(1), unit_time_limit=5, seed=1, control=control)
    assert run.stopped == INTERRUPTED and not run.complete
    states = {uid: u.state for uid, u in run.units.items()}
    assert set(states) == set(UNITS)
    assert "solved" in states.values() and "not solved" in states.values()
    assert run.allocation is None
    summary = write_all(run, out, sheets=False)
    assert say("city.stopped.interrupted", "vi") in summary
    assert say("city.allocation_not_reached", "vi") in summary
    written = {p.stem for p in out.glob("P*.xlsx")}
    assert written == {uid for uid, state in states.items() if state == "solved"}
    assert _unit_states(out) == {uid: state(s, "vi") for uid, s in states.items()}
