"""`--workers 1 --seed N` twice gives the same Assignments sheet, cell for cell.

With one worker CP-SAT's search is deterministic; the instance (three days) is small enough
that every stage ends proven optimal in about a second, and the limit is far above that, so
the wall clock never cuts the search short, even on a loaded machine.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from roster.cli import main
from roster.text import LANGUAGES, say
from roster.text.contract import OUTPUT_SHEETS
from tests.broken.make_corpus import base, write_book


def _assignments(roster: Path) -> list[tuple[object, ...]]:
    wb = load_workbook(roster, read_only=True)
    title = next(name for name in OUTPUT_SHEETS["assignments"] if name in wb.sheetnames)
    rows = list(wb[title].iter_rows(values_only=True))
    wb.close()
    return rows


def _status(roster: Path) -> str:
    """The Status line of the Summary sheet: proven optimal, or cut short by the clock."""
    wb = load_workbook(roster, read_only=True)
    title = next(name for name in OUTPUT_SHEETS["summary"] if name in wb.sheetnames)
    rows = {row[0]: row[1] for row in wb[title].iter_rows(values_only=True)}
    wb.close()
    return rows.get("Status") or rows["Trạng thái"]


def test_one_worker_and_a_seed_reproduce_the_roster(tmp_path: Path) -> None:
    sheets = base()
    sheets["Settings"][3][1] = 3
    workbook = write_book(tmp_path / "ward.xlsx", sheets)
    rosters = []
    for run in ("a", "b"):
        out = tmp_path / run
        args = ["solve", str(workbook), "-o", str(out), "--workers", "1", "--seed", "7"]
        result = CliRunner().invoke(main, [*args, "--time-limit", "120", "--quiet", "--no-sheets"])
        assert result.exit_code in (0, 3), result.output
        assert _status(out / "ward-roster.xlsx") in {
            say("result.optimal", lang) for lang in LANGUAGES
        }
        rosters.append(_assignments(out / "ward-roster.xlsx"))
    assert len(rosters[0]) > 1
    assert rosters[0] == rosters[1]
