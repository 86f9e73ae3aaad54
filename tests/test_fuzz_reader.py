"""Random values in random cells of a valid workbook: the reader returns a problem or an error.

Whatever a person types into any cell, `read_workbook` must end with either valid problem
data (which writes back and reads again unchanged) or an ``InputError`` whose every problem
points at a real sheet and row, never another exception.
"""

from __future__ import annotations

import copy
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roster.data import ProblemData
from roster.errors import InputError
from roster.io.problem_writer import write_problem_workbook
from roster.load import read_workbook
from tests.broken.make_corpus import base, write_book

EXAMPLES = 150

# What lands in cells: Excel's value types and the text people actually type.
TEXT = st.one_of(
    # Control characters cannot be stored in xlsx at all (openpyxl refuses to write them).
    st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=20),
    st.sampled_from(
        (
            *("#REF!", "#N/A", "=A1", "+84 905", "-", "@x", "007", "31/02/2021", "08/13/2021"),
            *("2021-08-12", "12/8/2021", "T2,CN", "có", "x", "06:00", "25:00", "F1", "TDP-1"),
        )
    ),
)
VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.times(),
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3)),
    TEXT,
)
SHEETS = sorted(base())


@st.composite
def edits(draw: st.DrawFn) -> list[tuple[str, int, int, object]]:
    """Up to five cells anywhere in or just beyond the tables, headers included."""
    sheets = base()
    out = []
    for _ in range(draw(st.integers(1, 5))):
        sheet = draw(st.sampled_from(SHEETS))
        row = draw(st.integers(0, len(sheets[sheet])))
        column = draw(st.integers(0, 6))
        out.append((sheet, row, column, draw(VALUE)))
    return out


def _apply(changes: list[tuple[str, int, int, object]]) -> dict[str, list[list[object]]]:
    sheets = copy.deepcopy(base())
    for sheet, row, column, value in changes:
        rows = sheets[sheet]
        while len(rows) <= row:
            rows.append([])
        cells = rows[row]
        while len(cells) <= column:
            cells.append(None)
        cells[column] = value
    return sheets


def test_the_base_workbook_is_valid(tmp_path: Path) -> None:
    assert isinstance(read_workbook(write_book(tmp_path / "base.xlsx", base())), ProblemData)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(edits())
def test_random_cells_never_crash_or_hang_the_reader(
    changes: list[tuple[str, int, int, object]],
) -> None:
    sheets = _apply(changes)
    with TemporaryDirectory() as folder:
        path = write_book(Path(folder) / "fuzz.xlsx", sheets)
        try:
            data = read_workbook(path)
        except InputError as error:
            assert error.problems
            for problem in error.problems:  # each points at a cell the person can find
                assert str(problem)
                assert problem.sheet in ("", *sheets), problem
                assert problem.row is None or 1 <= problem.row <= len(sheets[problem.sheet])
        else:  # what was accepted is what the program would write back and read again
            again = write_problem_workbook(data, Path(folder) / "again.xlsx")
            assert read_workbook(again) == data


def test_clock_values_in_every_date_cell(tmp_path: Path) -> None:
    """A time typed where a date belongs is a problem, not a crash."""
    sheets = base()
    sheets["Settings"][2][1] = clock(6, 0)
    sheets["Status"][1][2] = clock(0, 0)
    with pytest.raises(InputError) as caught:
        read_workbook(write_book(tmp_path / "clock.xlsx", sheets))
    assert len(caught.value.problems) == 2
