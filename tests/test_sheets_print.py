"""The print-ready duty workbook as a spreadsheet program prints it: LibreOffice turns
`duty-sheets.xlsx` into a PDF, and no line of text in it crosses a row's border.

Spreadsheet programs do not grow a row for a merged cell's wrapped text, so a two-line area
name over two one-line rows runs over the borders unless the writer set the heights. Only a
real program shows it: openpyxl knows nothing of fonts. The check reads the PDF with pymupdf:

- the drawn table: LibreOffice draws each border as a line segment; a horizontal segment is a
  row rule when both its ends meet a vertical segment (an underline under a title meets none);
- the text: each span (one run of one font, never wider than its cell) has a box from the
  font's ascender to its descender;
- a span crosses into the next row when a row rule that runs under the span (overlapping it
  horizontally) lies inside its box, the box first shrunk by a tenth of its height at the top
  and at the bottom so that a rule merely grazing an accent or a descender does not count.
  A line that really runs over a border has it near its middle.

Without `soffice` the test is skipped, except in CI (the `CI` variable set), where it fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pymupdf
import pytest

from roster import read_workbook, solve
from roster.data import Area, Assignment, ProblemData
from roster.sheets import DUTY_XLSX, write_sheets
from roster.verify import check

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "inputs" / "ward-hoa-thuan-dong.xlsx"
NEAR = 1.0  # points: a rule's end meets a vertical line this close
LONG = " – khu vực giáp ranh phường Khuê Trung, kiểm tra liên ngành 24/24"


@pytest.fixture(scope="module")
def soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("soffice (LibreOffice) is missing; .ci/run installs it")
        pytest.skip("soffice (LibreOffice) is not installed")
    return found


@pytest.fixture(scope="module")
def example() -> tuple[ProblemData, list[Assignment]]:
    """The bundled example, three days of it (09–11/08/2021: the checkpoints have two people)."""
    data = read_workbook(EXAMPLE)
    data = data.model_copy(update={"settings": data.settings.model_copy(update={"days": 3})})
    return data, list(solve(data, time_limit=5).assignments)


def printed(soffice: str, data: ProblemData, assignments: list[Assignment], tmp: Path) -> Path:
    """The duty workbook of ``assignments`` printed to PDF by LibreOffice."""
    write_sheets(data, assignments, tmp, formats=("xlsx",))
    profile = (tmp / "libreoffice-profile").as_uri()  # its own: other runs may be open
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp),
            str(tmp / DUTY_XLSX),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return tmp / Path(DUTY_XLSX).with_suffix(".pdf").name


def row_rules(page: pymupdf.Page) -> list[tuple[float, float, float]]:
    """The horizontal borders of the table, as (x from, x to, y): both ends on a vertical one."""
    horizontal, vertical = [], []
    for drawing in page.get_drawings():
        for item in drawing["items"]:
            if item[0] != "l":
                continue
            p, q = item[1], item[2]
            if abs(p.y - q.y) < 0.01:
                horizontal.append((min(p.x, q.x), max(p.x, q.x), p.y))
            elif abs(p.x - q.x) < 0.01:
                vertical.append((p.x, min(p.y, q.y), max(p.y, q.y)))

    def meets(x: float, y: float) -> bool:
        return any(abs(x - vx) < NEAR and y0 - NEAR <= y <= y1 + NEAR for vx, y0, y1 in vertical)

    return [(x0, x1, y) for x0, x1, y in horizontal if meets(x0, y) and meets(x1, y)]


def crossings(pdf: Path) -> list[str]:
    """Every span of text with a row rule through it, as 'page N: text (rule at y)'."""
    found = []
    for page in pymupdf.open(pdf):
        rules = row_rules(page)
        assert rules, f"page {page.number + 1}: no table borders found"
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", ()):
                for span in line["spans"]:
                    x0, y0, x1, y1 = span["bbox"]
                    margin = (y1 - y0) / 10
                    for a, b, y in rules:
                        if a < x1 - NEAR and b > x0 + NEAR and y0 + margin < y < y1 - margin:
                            found.append(
                                f"page {page.number + 1}: {span['text']!r} (rule at {y:.1f})"
                            )
    return found


def text_of(pdf: Path) -> str:
    return " ".join(" ".join(page.get_text().split()) for page in pymupdf.open(pdf))


def test_example_duty_workbook_prints_inside_its_rows(soffice, example, tmp_path):
    pdf = printed(soffice, *example, tmp_path)
    text = text_of(pdf)
    assert "CHOT-1 – Chốt kiểm soát cầu Rồng" in text  # wrapped, yet whole, in the PDF
    assert crossings(pdf) == []


def test_long_names_shortfalls_and_notes_print_inside_their_rows(soffice, example, tmp_path):
    """Area names of three to eight lines over two-person places and over a place with one
    person and a shortfall row, names of two lines in single cells, and days of several pages
    (an area on a page break would be a merged cell cut in two)."""
    data, assignments = example
    areas = tuple(
        Area(id=a.id, name=a.name + LONG * (1 + i % 2), kind=a.kind)
        for i, a in enumerate(data.areas)
    )
    people = tuple(
        p.model_copy(update={"name": p.name + " Nguyễn Thị Phương Thảo"}) if i % 5 == 0 else p
        for i, p in enumerate(data.people)
    )
    data = data.model_copy(update={"areas": areas, "people": people})
    day = data.settings.start_date
    dropped = next(a for a in assignments if a.date == day and a.area == "CHOT-1")
    kept = [a for a in assignments if a != dropped]
    assert any(g.area == "CHOT-1" for g in check(data, kept).gaps)
    pdf = printed(soffice, data, kept, tmp_path)
    assert "Phương Thảo" in text_of(pdf)
    assert crossings(pdf) == []
    assert len(pymupdf.open(pdf)) >= 3  # a page a day at least
