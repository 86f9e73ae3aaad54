"""A unit sent pool officers whose final solve never ran (the run stopped first) or failed
keeps its first roster: the officers are not sent there (no `Allocation` row, no message, no
officer's total), its places stay short and go to `Requests above`, the summary says so, and
`roster check-city` passes on what was written."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from roster.city.executor import SKIPPED, Outcome
from roster.city.names import COMMAND_FILE
from roster.city.run import OUT_OF_TIME, Control, UnitTask, run_city, solve_unit
from roster.cli import main
from roster.reports.city import unit_figures, write_all
from roster.text import say
from roster.text.contract import CITY_SHEETS
from tests.builders import load_script

ROOT = Path(__file__).resolve().parents[1]


class NoFinalSolves:
    """Runs every task in this process, except the final solves (the unit tasks with the
    pool's rows as a hint): `how` = "skipped" (the run's time runs out right after the
    allocation) or "failed" (each final solve raises, twice)."""

    description = "in-process, no final solves"

    def __init__(self, how: str, control: Control):
        self.how, self.control = how, control

    def map(
        self,
        fn: Callable[[Any], Any],
        tasks: Sequence[Any],
        stop: Callable[[], bool] = lambda: False,
        done: Callable[[int, Outcome], None] = lambda i, o: None,
    ) -> list[Outcome]:
        final = fn is solve_unit and any(isinstance(t, UnitTask) and t.hint for t in tasks)
        if not final:
            return [Outcome(fn(t)) for t in tasks]
        if self.how == "skipped":
            self.control.deadline = -math.inf  # the deadline passed right after the allocation
            return [SKIPPED for _t in tasks]
        return [Outcome(error="RuntimeError: solver crashed", attempts=2) for _t in tasks]


def _sheet(path: Path, key: str) -> list[tuple]:
    wb = load_workbook(path, read_only=True)
    title = next(t for t in wb.sheetnames if t in CITY_SHEETS[key])
    rows = list(wb[title].iter_rows(values_only=True))[1:]
    wb.close()
    return rows


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("withdraw")
    return load_script("benchmarks/city.py").generate_city(
        root / "in", districts=2, wards=3, pool=8, days=5, people=10, seed=5
    )


@pytest.mark.parametrize("how", ["skipped", "failed"])
def test_a_unit_not_resolved_keeps_its_first_roster_without_the_pool(
    folder: Path, tmp_path: Path, how: str
) -> None:
    control = Control(math.inf)
    run = run_city(folder, NoFinalSolves(how, control), unit_time_limit=3, seed=1, control=control)
    assert run.allocation is not None
    withdrawn = [uid for uid, u in run.units.items() if u.unpooled]
    assert withdrawn, "the pool was sent nowhere: the test city needs a short unit"
    assert not run.complete
    for uid in withdrawn:
        unit = run.units[uid]
        assert unit.final is unit.first and unit.state == "solved"
        assert unit.unpooled == (OUT_OF_TIME if how == "skipped" else unit.unpooled)
        assert run.allocation.by_unit[uid] == []
        f = unit_figures(run, uid)
        assert f is not None and f.pool == 0 and f.short > 0
    out = tmp_path / "out"
    summary = write_all(run, out, sheets=False)
    allocation = _sheet(out / COMMAND_FILE, "allocation")
    assert not [row for row in allocation if row[3] in withdrawn]
    requests = {row[3] for row in _sheet(out / COMMAND_FILE, "requests")}
    assert set(withdrawn) <= requests
    units = {row[0]: row for row in _sheet(out / COMMAND_FILE, "units")}
    assert all(units[uid][5] == 0 and units[uid][6] > 0 for uid in withdrawn)
    sent = sum(row[3] for row in _sheet(out / COMMAND_FILE, "officers"))
    assert sent == len(allocation) == len(run.allocation.assignments)
    for uid in withdrawn:
        reason = say("city.reason.time limit", "vi") if how == "skipped" else "solver crashed"
        line = say("city.not_repooled", "vi", unit=uid, reason="REASON").split("REASON")[0]
        assert line in summary and reason in summary
    assert run.checked is not None and run.checked.ok, run.checked.issues
    result = CliRunner().invoke(main, ["check-city", str(folder), str(out)])
    assert result.exit_code == 0, result.output
