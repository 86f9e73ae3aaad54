"""What a city run says about how it ran: tasks per node, the peak memory of the main process
and of each worker, and the time of every phase, in the Figures sheet and in the summary."""

from __future__ import annotations

import socket
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from roster.city.executor import LocalExecutor
from roster.city.names import COMMAND_FILE
from roster.city.run import CityRun, run_city
from roster.reports.city import worker_peaks, write_all
from roster.text import say
from roster.text.contract import CITY_SHEETS
from tests.builders import load_script

ROOT = Path(__file__).resolve().parents[1]


def figures_sheet(out: Path) -> dict[str, object]:
    """The Figures sheet of a command workbook, key -> value."""
    wb = load_workbook(out / COMMAND_FILE, read_only=True)
    title = next(t for t in wb.sheetnames if t in CITY_SHEETS["figures"])
    rows = {k: v for k, v in list(wb[title].iter_rows(values_only=True))[1:]}
    wb.close()
    return rows


def key(name: str, **values: object) -> str:
    """A Figures key as a Vietnamese run (the generated city's language) writes it."""
    if "phase" in values:
        values["phase"] = say(f"city.phase.{values['phase']}", "vi")
    return say(f"city.figure.{name}", "vi", **values)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[CityRun, Path, str]:
    root = tmp_path_factory.mktemp("figures")
    folder = load_script("benchmarks/city.py").generate_city(
        root / "in", districts=2, wards=3, pool=8, days=5, people=10
    )
    run = run_city(folder, LocalExecutor(2), unit_time_limit=2, seed=1)
    out = root / "out"
    return run, out, write_all(run, out, sheets=False)


def test_tasks_per_node_and_peak_memory(written: tuple[CityRun, Path, str]) -> None:
    run, out, summary = written
    host = socket.gethostname()
    tasks = sum(len(w) for w in run.workers.values())
    assert len(run.workers["unit solves"]) == 3 and len(run.workers["allocation"]) == 1
    rows = figures_sheet(out)
    assert rows[key("tasks", node=host)] == tasks
    assert rows[key("tasks_phase", node=host, phase="unit solves")] == 3
    assert rows[key("main_peak")] == run.main_peak_mb > 0
    workers = [rows[key("worker_peak", pid=pid, node=host)] for _n, pid in worker_peaks(run)]
    assert workers and all(peak > 0 for peak in workers)
    assert rows[key("highest_worker")] == max(workers)
    assert f"{host} {tasks}" in summary and f"{run.main_peak_mb:.0f} MB" in summary


def test_checks_and_writing_are_phases_of_their_own(written: tuple[CityRun, Path, str]) -> None:
    run, out, summary = written
    names = ("read", "unit solves", "allocation", "final solves", "writing", "checks")
    assert tuple(run.phases) == names
    assert run.phases["writing"] > 0 and run.phases["checks"] > 0
    rows = figures_sheet(out)
    for name in names:
        assert rows[key("seconds", phase=name)] == round(run.phases[name], 1)
    assert rows[key("check_problems")] == 0
    assert run.checked is not None and run.checked.ok and run.checked.units_checked == 3
    for name in names:
        assert say(f"city.phase.{name}", "vi") in summary
    checked = say("city.checked", "vi", units=3, rows=run.checked.pool_rows)
    assert checked in summary


def test_what_the_check_finds_is_in_the_summary(tmp_path: Path) -> None:
    """The check runs on the files written: a roster that lost its rows is found."""
    folder = load_script("benchmarks/city.py").generate_city(
        tmp_path / "in", districts=1, wards=2, pool=4, days=3
    )
    run = run_city(folder, LocalExecutor(1), unit_time_limit=1, seed=1)
    emptied = run.units["P01"]
    emptied.final = replace(emptied.final, assignments=[])  # its places now short, unlisted
    summary = write_all(run, tmp_path / "out", sheets=False)
    assert run.checked is not None and run.checked.issues
    assert say("city.check_problems", "vi", count=len(run.checked.issues)) in summary
    assert run.checked.issues[0] in summary
    rows = figures_sheet(tmp_path / "out")
    assert rows[key("check_problems")] == len(run.checked.issues)
