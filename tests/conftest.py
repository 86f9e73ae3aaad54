"""Fixtures shared across test files: the bundled example, read once and solved once."""

from __future__ import annotations

from pathlib import Path

import pytest

from roster import ProblemData, read_assignments, read_workbook, solve, write_roster
from roster.data import Assignment
from tests.builders import EXAMPLE

SOLVE_S = 20.0  # enough for a full roster of the example; the tests never need it optimal


@pytest.fixture(scope="session")
def example_data() -> ProblemData:
    """The bundled example workbook, read once per session."""
    return read_workbook(EXAMPLE)


@pytest.fixture(scope="session")
def solved_example(tmp_path_factory: pytest.TempPathFactory, example_data: ProblemData) -> Path:
    """The bundled example solved once per session: the path of its roster workbook."""
    path = tmp_path_factory.mktemp("example") / "example-roster.xlsx"
    write_roster(solve(example_data, time_limit=SOLVE_S), path)
    return path


@pytest.fixture(scope="session")
def announced(solved_example: Path) -> tuple[ProblemData, list[Assignment], Path]:
    """The example's roster as announced: the data and assignments read back from the file."""
    return read_workbook(solved_example), read_assignments(solved_example), solved_example
