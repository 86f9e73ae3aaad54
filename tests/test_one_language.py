"""One language per unit: every command run on a Vietnamese workbook says nothing in English.

The English side of the text catalogue is the list of things that must not appear: each
phrase's fixed words (the text between its placeholders) of 12 characters or more that the
Vietnamese phrase does not share. Ids, numbers and names come from the workbook, not from the
catalogue, so they never match.
"""

from __future__ import annotations

import string
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook

from roster.cli import main
from roster.result import ChangeKind
from roster.text import LANGUAGES, say
from roster.text.contract import OUTPUT_SHEETS
from tests.builders import base, write_book

START = date(2021, 8, 1)
DAYS = 7
LONG = 12


def _fragments(phrase: str) -> set[str]:
    parts = (literal.strip(" .,:;()-'") for literal, *_ in string.Formatter().parse(phrase))
    return {p for p in parts if len(p) >= LONG}


def english_phrases() -> set[str]:
    """The catalogue's English fixed words that Vietnamese output must never contain."""
    en, vi = LANGUAGES["en"].WORDS, LANGUAGES["vi"].WORDS
    out: set[str] = set()
    for key, phrase in en.items():
        shared = "\n".join(_fragments(vi[key]))
        out |= {f for f in _fragments(phrase) if f not in shared}
    return out


def _ward(path: Path, f0_from: int | None = None) -> Path:
    """The shared small workbook, a week long, in Vietnamese by default (no language key),
    with a column the reader ignores, donors, and optionally an F0 from day ``f0_from``."""
    sheets = base()
    sheets["Settings"][3][1] = DAYS
    people = sheets["People"]
    people[0] += ["unit_note", "blood_group", "birth_date", "weight_kg"]
    for row, group in zip(people[1:], ("O+", "O+", "A+", "O-"), strict=True):
        row += ["x", group, date(1990, 1, 1), 60]
    sheets["Donations"] = [["person", "date", "product"], ["CA002", START, "whole_blood"]]
    if f0_from is not None:
        day = START + timedelta(days=f0_from)
        sheets["Status"] = [["person", "status", "from", "to"], ["007", "F0", day, day]]
    return write_book(path, sheets)


def _run(*args: object) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def _said(result: Result) -> str:
    return result.stdout + result.stderr


def _first_shift(roster: Path) -> tuple[str, date, str]:
    wb = load_workbook(roster, read_only=True)
    ws = next(wb[n] for n in OUTPUT_SHEETS["assignments"] if n in wb.sheetnames)
    rows = ws.iter_rows(min_row=2, values_only=True)
    day, shift, _, person, *_ = next(r for r in rows if r[3] == "007")
    wb.close()
    return person, day.date(), shift


def _output_sheets(path: Path) -> str:
    """Every cell of a roster workbook's output sheets (not its copy of the input)."""
    names = {name for pair in OUTPUT_SHEETS.values() for name in pair}
    wb = load_workbook(path, read_only=True)
    cells = [
        str(value)
        for title in wb.sheetnames
        if title in names
        for row in wb[title].iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    wb.close()
    return "\n".join(cells)


def _break(roster: Path, edited: Path) -> Path:
    """The roster with one person on two shifts of one day: rule violations to print."""
    wb = load_workbook(roster)
    ws = next(wb[n] for n in OUTPUT_SHEETS["assignments"] if n in wb.sheetnames)
    first = [c.value for c in ws[2]]
    ws.append([first[0], "D" if first[1] != "D" else "S", "TDP-1", first[3]])
    wb.save(edited)
    return edited


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What each command says on the Vietnamese workbook (stdout and stderr)."""
    tmp = tmp_path_factory.mktemp("vi")
    ward = _ward(tmp / "ward.xlsx")
    said: dict[str, str] = {}

    def run(name: str, *args: object, codes: tuple[int, ...] = (0, 3)) -> None:
        result = _run(*args)
        assert result.exit_code in codes, (name, result.exit_code, _said(result))
        said[name] = _said(result)

    run("validate", "validate", ward)
    solve = ("solve", ward, "-o", tmp / "out", "--time-limit", 5, "--workers", 1, "--seed", 1)
    run("solve", *solve, "--no-sheets")
    roster = tmp / "out" / "ward-roster.xlsx"
    said["roster workbook"] = _output_sheets(roster)
    person, day, shift = _first_shift(roster)
    run("check", "check", ward, roster)
    broken = _break(roster, tmp / "broken.xlsx")
    run("check broken", "check", ward, broken, codes=(1, 3, 4, 5))
    run("sheets", "sheets", broken, "-o", tmp / "sheets", "--format", "txt")
    changed = _ward(tmp / "changed.xlsx", f0_from=3)
    after = START + timedelta(days=3)
    replan = ("replan", changed, "--roster", roster, "--from", after, "-o", tmp / "replan")
    run("replan", *replan, "--time-limit", 5, "--workers", 1, "--no-sheets")
    said["replan workbook"] = _output_sheets(next((tmp / "replan").glob("*.xlsx")))
    cover = ("cover", person, ward, "--roster", roster, "--date", day, "--shift", shift)
    run("cover", *cover)
    run("trace", "trace", person, "--date", day + timedelta(days=1), "--roster", roster)
    need = ("--need", "O+", "--product", "whole_blood", "--date", day)
    run("donors", "donors", ward, *need, "--roster", roster)
    run("donors report", "donors", ward, "--report", "--min-times", 1)
    return said


def test_every_command_speaks_vietnamese_only(outputs: dict[str, str]) -> None:
    english = english_phrases()
    leaks = {
        name: sorted(phrase for phrase in english if phrase in said)
        for name, said in outputs.items()
    }
    assert {name: found for name, found in leaks.items() if found} == {}


def test_the_commands_said_something_in_vietnamese(outputs: dict[str, str]) -> None:
    """Guard against a vacuous pass: the phrases above were really printed, in Vietnamese."""
    assert "Kết quả phân công" in outputs["solve"]
    assert "Trang 'People', cột 'unit_note'" in outputs["validate"]
    assert "[một ca mỗi ngày]" in outputs["check broken"]
    assert "Không thể nhận" in outputs["cover"]
    assert "Giữ nguyên trước" in outputs["replan"]
    assert "tối ưu" in outputs["roster workbook"]  # the Summary sheet's status
    kinds = {say(f"replan.{kind}", "vi") for kind in ChangeKind}
    assert any(f"\n{kind}\n" in outputs["replan workbook"] for kind in kinds)  # Changes sheet


def test_english_phrases_are_found_in_english_output() -> None:
    """The measure itself: an English line of the catalogue is caught."""
    assert "Nobody can take it, directly or by a chain of swaps" in english_phrases()
    assert "not an input column; ignored" in english_phrases()
