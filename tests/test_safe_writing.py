"""Outputs never harm the input, never half-appear, never turn workbook text into formulas.

A roster is an official record: `roster solve` must leave the input's bytes alone, refuse to
write over it, say clearly when the output cannot be written, and keep a name such as
``=HYPERLINK(...)`` or ``+84 905`` as the text it is.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from roster.cli import main
from roster.errors import InputError
from roster.io.writer import read_assignments
from roster.io.xlsx import put
from roster.io.xlsx_read import MAX_UNCOMPRESSED
from roster.load import read_workbook
from tests.broken.make_corpus import CASES, base

# Text a spreadsheet would take for a formula, in every column that reaches the outputs.
TRICKY = {"=CA002": '=HYPERLINK("http://x","bấm")', "+84905": "+84 905 000 000"}
TRICKY_AREA = "@Chợ Hàn"
FORMULA_START = ("=", "+", "-", "@")  # what Excel and LibreOffice take for a formula
TRICKY_NAME = "-Phạm Văn D"


def _small(path: Path) -> Path:
    """The corpus's base workbook cut to 7 days, with ids and names that look like formulas."""
    sheets = base()
    sheets["Settings"][3][1] = 7
    people = sheets["People"]
    for row, (pid, name) in zip(people[2:4], TRICKY.items(), strict=True):
        old = row[0]
        row[0], row[1] = pid, name
        for other in ("Status", "Fixed"):
            for cells in sheets[other][1:]:
                if cells[0] == old:
                    cells[0] = pid
    sheets["Areas"][1][1] = TRICKY_AREA
    sheets["People"][4][1] = TRICKY_NAME
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r, cells in enumerate(rows, start=1):
            for c, value in enumerate(cells, start=1):
                if value is not None:
                    put(ws, r, c, value)  # text stays text, as a person typing '= would get
    wb.save(path)
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def solved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path, object]:
    """Solve once: the input, its hash before, the output folder and the CLI result."""
    folder = tmp_path_factory.mktemp("safe")
    workbook = _small(folder / "ward.xlsx")
    before = _sha(workbook)
    result = CliRunner().invoke(
        main, ["solve", str(workbook), "-o", str(folder / "out"), "--time-limit", "20", "--quiet"]
    )
    return workbook, before, folder / "out", result


def test_input_bytes_never_change(solved: tuple[Path, str, Path, object]) -> None:
    workbook, before, out, result = solved
    assert result.exit_code in (0, 3), result.output
    assert (out / "ward-roster.xlsx").exists()
    assert _sha(workbook) == before
    assert not list(out.glob(".~*"))


def test_formula_like_text_stays_text_in_every_output(
    solved: tuple[Path, str, Path, object],
) -> None:
    """Every cell starting with = + - or @ is stored as text with a quote prefix, as Excel
    stores a cell typed with a leading apostrophe: shown as typed, and kept as text when
    someone edits it (without the prefix, editing '+84 905' turns it into a formula)."""
    _, _, out, _ = solved
    books = sorted(out.rglob("*.xlsx"))
    assert len(books) >= 2  # the roster and the print-ready duty sheets
    starts: set[str] = set()
    for book in books:
        with zipfile.ZipFile(book) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/sheet"):
                    assert not re.search(rb"<f[ >]", archive.read(name)), f"{book.name}:{name}"
        wb = load_workbook(book)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                        where = f"{book.name}:{ws.title}!{cell.coordinate} {cell.value!r}"
                        assert cell.data_type == "s" and cell.quotePrefix, where
                        starts.add(cell.value[0])
    assert starts == set(FORMULA_START)
    roster = out / "ward-roster.xlsx"
    assert {a.person for a in read_assignments(roster)} <= {"007", "DQ1", "Q1", *TRICKY}
    text = b"".join(
        zipfile.ZipFile(roster).read(n)
        for n in zipfile.ZipFile(roster).namelist()
        if n.endswith(".xml")
    ).decode()
    for value in (*TRICKY, *TRICKY.values(), TRICKY_AREA, TRICKY_NAME):
        assert value.replace('"', "&quot;") in text or value in text


def test_refuses_to_write_over_its_input(tmp_path: Path) -> None:
    """The roster's name is a link to the input: the input must stay as it is."""
    workbook = _small(tmp_path / "ward.xlsx")
    before = _sha(workbook)
    out = tmp_path / "out"
    out.mkdir()
    (out / "ward-roster.xlsx").symlink_to(workbook)
    result = CliRunner().invoke(main, ["solve", str(workbook), "-o", str(out), "--quiet"])
    assert result.exit_code == 5  # an output that cannot be written
    assert "refusing to overwrite the input workbook" in result.output
    assert _sha(workbook) == before


@pytest.mark.parametrize("blocked", ["file-as-folder", "folder-as-roster"])
def test_unwritable_output_is_a_clear_error(tmp_path: Path, blocked: str) -> None:
    """Root ignores permissions, so block the path itself: a file where the folder goes, or
    a folder where the roster goes (as a file held open by Excel blocks it on Windows)."""
    workbook = _small(tmp_path / "ward.xlsx")
    if blocked == "file-as-folder":
        (tmp_path / "out").write_text("not a folder")
        out = tmp_path / "out" / "sub"
    else:
        out = tmp_path / "out"
        (out / "ward-roster.xlsx").mkdir(parents=True)
    args = ["solve", str(workbook), "-o", str(out), "--time-limit", "8", "--quiet", "--no-sheets"]
    result = CliRunner().invoke(main, args)
    text = " ".join(result.output.split())
    assert result.exit_code == 5, text
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in text
    assert "cannot write" in text
    assert not list(tmp_path.rglob(".~*"))


def test_absurd_uncompressed_size_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = next(c for c in CASES if c.name == "zip-bomb")
    path = case.build(tmp_path)
    with zipfile.ZipFile(path) as archive:
        assert sum(i.file_size for i in archive.infolist()) > MAX_UNCOMPRESSED
    unpacked: list[str] = []
    real_open = zipfile.ZipFile.open

    def recording(self: zipfile.ZipFile, name, *args, **kwargs):
        unpacked.append(str(name))
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", recording)
    with pytest.raises(InputError) as caught:
        read_workbook(path)
    assert unpacked == []  # refused from the archive's directory, before unpacking any part
    (problem,) = caught.value.problems
    expected = problem.expected_text()  # no language known: both
    assert "MB uncompressed" in expected and "zip bomb" in expected
