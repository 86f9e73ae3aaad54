"""Every output appears whole or not at all: a crash while a writer is half way through
leaves the file already under the final name as it was, and no temporary file behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF
from matplotlib.figure import Figure
from openpyxl import Workbook

from roster import solve, write_roster
from roster.data import Requirement
from roster.errors import OutputError
from roster.sheets import CARDS_PDF, COVERAGE_PNG, DUTY_PDF, DUTY_XLSX, write_sheets
from tests.builders import START, police, problem

OLD = b"the previous file, whole"


def _half_then_disk_full(target: object) -> None:
    """What a crash mid-write leaves: some bytes under the name being written, then an error."""
    Path(str(target)).write_bytes(b"half a fi")
    raise OSError(28, "No space left on device")


def _crash_pdf(self: FPDF, name: str = "", *args: object, **kwargs: object) -> None:
    _half_then_disk_full(name)


def _crash_png(self: Figure, fname: object, *args: object, **kwargs: object) -> None:
    _half_then_disk_full(fname)


def _crash_xlsx(self: Workbook, filename: object) -> None:
    _half_then_disk_full(filename)


def _crash_text(self: Path, data: str, *args: object, **kwargs: object) -> None:
    _half_then_disk_full(self)


def _ward():
    data = problem([police(i) for i in range(3)], [Requirement(area="A", min_staff=1)], 2)
    return data, [a for a in solve(data, time_limit=5, workers=1).assignments]


@pytest.mark.parametrize(
    ("fmt", "patched", "crash", "names"),
    [
        ("pdf", (FPDF, "output"), _crash_pdf, [DUTY_PDF, CARDS_PDF]),
        ("png", (Figure, "savefig"), _crash_png, [COVERAGE_PNG]),
        ("xlsx", (Workbook, "save"), _crash_xlsx, [DUTY_XLSX]),
        ("txt", (Path, "write_text"), _crash_text, [f"message-{START:%Y-%m-%d}.txt"]),
    ],
)
def test_a_crash_while_writing_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt, patched, crash, names
) -> None:
    data, roster = _ward()
    for name in names:
        (tmp_path / name).write_bytes(OLD)
    monkeypatch.setattr(*patched, crash)
    with pytest.raises(OutputError, match="No space left"):
        write_sheets(data, roster, tmp_path, formats=[fmt])
    for name in names:
        assert (tmp_path / name).read_bytes() == OLD
    assert not list(tmp_path.glob(".~*"))


def test_a_crash_while_writing_the_roster_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = problem([police(1)], [Requirement(area="A", min_staff=1)], 1)
    result = solve(data, time_limit=5, workers=1)
    monkeypatch.setattr(Workbook, "save", _crash_xlsx)
    with pytest.raises(OutputError, match="No space left"):
        write_roster(result, tmp_path / "ward-roster.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_written_outputs_replace_the_old_ones(tmp_path: Path) -> None:
    """Without a crash the same call puts every file in place (and nothing else)."""
    data, roster = _ward()
    (tmp_path / DUTY_PDF).write_bytes(OLD)
    paths = write_sheets(data, roster, tmp_path)
    assert (tmp_path / DUTY_PDF).read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)
