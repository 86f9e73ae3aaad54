"""Solve parameters: the whole-run budget and the size refusal, shared by solve and replan."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from roster import read_workbook
from roster.cli import main
from roster.data import ProblemData
from roster.errors import ExitCode, RequestError
from roster.params import (
    MIN_SOLVE_S,
    RESERVE_PERSON_DAYS,
    SHEETS_RESERVE_S,
    WRITE_RESERVE_S,
    SolveParams,
    person_days,
    refuse_too_large,
)
from roster.replan import replan
from tests.builders import base, write_book

START = 1000.0


@pytest.fixture
def data(tmp_path: Path) -> ProblemData:
    return read_workbook(write_book(tmp_path / "ward.xlsx", base()))


def grown(data: ProblemData, size: int) -> ProblemData:
    """`data` with copies of its people until it has at least `size` person-days."""
    people = data.people
    copies = [
        people[i % len(people)].model_copy(update={"id": f"X{i}"})
        for i in range(-(-size // data.settings.days) - len(people))
    ]
    return data.model_copy(update={"people": (*people, *copies)})


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """A clock the test moves: `params.started` is START, and `now` is what has passed."""
    fake = SimpleNamespace(now=START)
    monkeypatch.setattr("roster.params.time", SimpleNamespace(monotonic=lambda: fake.now))
    return fake


def test_budget_is_the_limit_less_time_spent_and_the_reserve(data, clock) -> None:
    params = SolveParams(100, write_roster=True, write_sheets=True, started=START)
    clock.now = START + 5
    assert params.solver_budget(data) == 100 - 5 - WRITE_RESERVE_S - SHEETS_RESERVE_S
    assert SolveParams(100, started=START).solver_budget(data) == 95  # the library writes nothing
    assert SolveParams(100, write_roster=True, started=START).reserve(data) == WRITE_RESERVE_S


def test_reserve_grows_with_the_unit_but_never_takes_over_half(data, clock) -> None:
    big = grown(data, 3 * RESERVE_PERSON_DAYS)
    params = SolveParams(100, write_roster=True, write_sheets=True, started=START)
    scale = person_days(big) / RESERVE_PERSON_DAYS
    assert params.reserve(big) == pytest.approx(scale * (WRITE_RESERVE_S + SHEETS_RESERVE_S))
    assert SolveParams(8, write_roster=True, write_sheets=True, started=START).solver_budget(
        big
    ) == pytest.approx(4)
    clock.now = START + 50
    assert SolveParams(10, started=START).solver_budget(data) == MIN_SOLVE_S


def test_no_time_limit_means_the_workbook_setting(data, clock) -> None:
    assert SolveParams(started=START).limit(data) == data.settings.time_limit_s


def test_oversized_units_are_refused(data) -> None:
    refuse_too_large(grown(data, 22_382))  # 722 people x 31 days
    with pytest.raises(RequestError, match="too large: 723 people x 31 days"):
        refuse_too_large(grown(data, 22_413))


def test_replan_refuses_oversized_units(data, monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args, **kwargs):
        raise AssertionError("an oversized unit reached the solver")

    monkeypatch.setattr("roster.replan.solve", never)
    with pytest.raises(RequestError, match="too large"):
        replan(grown(data, 22_413), [], data.dates[3])


class _Budget(Exception):
    pass


def test_replan_scales_its_reserve_as_solve_does(data, monkeypatch, clock) -> None:
    def budget(*args, time_limit: float, **kwargs):
        raise _Budget(time_limit)

    monkeypatch.setattr("roster.replan.solve", budget)
    big = grown(data, 4 * RESERVE_PERSON_DAYS)
    params = SolveParams(200, write_roster=True, write_sheets=True, started=START)
    with pytest.raises(_Budget) as given:
        replan(big, [], big.dates[3], params)
    assert given.value.args[0] == params.solver_budget(big)
    scale = person_days(big) / RESERVE_PERSON_DAYS
    assert given.value.args[0] == pytest.approx(200 - scale * 6.0)  # not 200 - 6 unscaled


def test_cli_solve_and_replan_refuse_oversized_units(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheets = base()
    sheets["Settings"][3][1] = 4
    workbook = write_book(tmp_path / "ward.xlsx", sheets)
    runner = CliRunner()
    solved = runner.invoke(main, ["solve", str(workbook), "-o", str(tmp_path), "--quiet"])
    assert solved.exit_code in (ExitCode.OK, ExitCode.GAPS), solved.output
    roster = tmp_path / "ward-roster.xlsx"
    monkeypatch.setattr("roster.params.MAX_PERSON_DAYS", 10)  # 4 people x 4 days is too large
    out = tmp_path / "out"
    for args in (
        ["solve", str(workbook), "-o", str(out)],
        ["replan", str(workbook), "--roster", str(roster), "--from", "2021-08-02", "-o", str(out)],
    ):
        result = runner.invoke(main, args)
        assert result.exit_code == ExitCode.INPUT, result.output
        assert "too large: 4 people x 4 days = 16 person-days" in result.output
        assert "at most 10 person-days" in result.output
    assert not out.exists()
