"""Reading a workbook in layers: cells through public library APIs, availability by the checker.

A bug inside the reader is an internal error, never "not a workbook"; the cells calamine
cannot tell apart (error cells, formulas with or without a saved result) are still told
apart; a Fixed row is refused exactly when the model and the checker would refuse it; and
one word list serves the Donations sheet and the `donors --product` option.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from roster.cli import main
from roster.data import Product
from roster.errors import InputError
from roster.io import xlsx_read
from roster.io.vocabulary import PRODUCT_WORDS, choices
from roster.load import read_workbook
from roster.solver import solve
from roster.verify import check
from tests.builders import base, write_book

NOT_A_WORKBOOK = "Excel .xlsx workbook"


def _edit_sheet_xml(path: Path, sheet: int, old: str, new: str) -> Path:
    """Replace text in one worksheet part: cells openpyxl cannot write (saved results)."""
    with zipfile.ZipFile(path) as src:
        parts = {item.filename: src.read(item) for item in src.infolist()}
    name = f"xl/worksheets/sheet{sheet}.xml"
    assert old.encode() in parts[name]
    parts[name] = parts[name].replace(old.encode(), new.encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for filename, content in parts.items():
            dst.writestr(filename, content)
    return path


# ------------------------------------------------------------------- bad file or bug


def test_a_bug_in_the_reader_is_not_reported_as_a_bad_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_book(tmp_path / "good.xlsx", base())

    def broken(value: object) -> object:
        raise RuntimeError("a bug in a parsing helper")

    monkeypatch.setattr(xlsx_read, "_value", broken)
    with pytest.raises(RuntimeError, match="a bug in a parsing helper"):
        read_workbook(path)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1  # an internal error, said to be one
    assert "internal error" in result.output
    assert "a bug in a parsing helper" in result.output
    assert NOT_A_WORKBOOK not in result.output


def test_a_library_failing_unexpectedly_is_not_a_bad_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_book(tmp_path / "good.xlsx", base())

    def broken(*_: object, **__: object) -> object:
        raise RuntimeError("an unexpected failure")

    monkeypatch.setattr(xlsx_read.CalamineWorkbook, "from_filelike", broken)
    with pytest.raises(RuntimeError):
        read_workbook(path)


def test_a_damaged_part_is_a_bad_file(tmp_path: Path) -> None:
    """A worksheet cut off in the middle of a cell, as a failed copy leaves it."""
    path = write_book(tmp_path / "broken.xlsx", base())
    _edit_sheet_xml(path, 1, "</v></c></row></sheetData>", "")
    with pytest.raises(InputError) as caught:
        read_workbook(path)
    (problem,) = caught.value.problems
    assert NOT_A_WORKBOOK in problem.expected_text()  # no language known: both


def test_reading_never_imports_the_features_or_the_checker() -> None:
    code = (
        "import sys, roster.io.workbook; "
        "print(sorted(m for m in ('roster.donors', 'roster.cover', 'roster.verify') "
        "if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


# ------------------------------------------------------------------- cells calamine blanks


def test_saved_formula_results_error_results_and_empty_text_results(tmp_path: Path) -> None:
    sheets = base()
    sheets["People"][2][4] = "=1"  # skills: a formula, its saved result written below
    sheets["Requirements"][2][3] = "=2"  # min_police: a formula whose result is an error
    sheets["People"][3][5] = "=3"  # home_area: a formula whose result is empty text
    path = write_book(tmp_path / "formulas.xlsx", sheets)
    _edit_sheet_xml(path, 4, '<c r="E3"><f>1</f><v />', '<c r="E3" t="str"><f>1</f><v>medic</v>')
    _edit_sheet_xml(path, 4, '<c r="F4"><f>3</f><v />', '<c r="F4" t="str"><f>3</f><v></v>')
    _edit_sheet_xml(path, 5, '<c r="D3"><f>2</f><v />', '<c r="D3" t="e"><f>2</f><v>#DIV/0!</v>')
    with pytest.raises(InputError) as caught:
        read_workbook(path)
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("Requirements", 3, "min_police")
    assert (problem.value, "lỗi Excel" in problem.expected_text()) == ("#DIV/0!", True)


def test_a_formula_workbook_still_has_its_merged_cells_filled(tmp_path: Path) -> None:
    path = write_book(tmp_path / "merged.xlsx", base())
    wb = load_workbook(path)
    ws = wb["Requirements"]
    for column, value in enumerate(["TDP-1", "D", 1, 0], start=1):
        ws.cell(row=4, column=column, value=value)
    ws["A3"] = None
    ws.merge_cells("A2:A3")  # TDP-1 written once for two rows
    ws["B3"] = "C"
    wb["Settings"]["C1"] = "=1+1"  # a formula outside the table: the openpyxl path
    wb.save(path)
    data = read_workbook(path)
    assert [(r.area, r.shift) for r in data.requirements] == [
        ("TDP-1", "S"),
        ("TDP-1", "C"),
        ("TDP-1", "D"),
    ]


def test_a_duration_too_long_for_calamine_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    sheets = base()
    sheets["People"][1][5] = timedelta(days=10)  # home_area
    path = write_book(tmp_path / "long.xlsx", sheets)
    _edit_sheet_xml(path, 4, "<v>10</v>", "<v>1000000000</v>")
    with pytest.raises(InputError) as caught:
        read_workbook(path)
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("People", 2, "home_area")


# ------------------------------------------------------------------- Fixed rows, as the model


def _f1_with_fixed(area: str, shift: str, remote_rows: list[list[object]]) -> dict:
    sheets = base()
    sheets["Settings"][2][1] = date(2021, 8, 5)
    sheets["Settings"][3][1] = 5
    sheets["Requirements"][0].append("mode")
    sheets["Requirements"] += remote_rows
    sheets["Status"] = [["person", "status", "from"], ["CA002", "F1", date(2021, 8, 5)]]
    fixed = ["CA002", date(2021, 8, 6), shift, area]
    sheets["Fixed"] = [["person", "date", "shift", "area"], fixed]
    return sheets


def test_f1_fixed_remote_duty_in_any_area_with_a_remote_requirement(tmp_path: Path) -> None:
    """CHOT-1 is a checkpoint, not of kind remote, but it has a remote requirement row."""
    sheets = _f1_with_fixed("CHOT-1", "C", [["CHOT-1", "C", 1, 0, "remote"]])
    data = read_workbook(write_book(tmp_path / "f1.xlsx", sheets))
    result = solve(data, time_limit=10, workers=1, seed=1)
    placed = [a for a in result.assignments if (a.person, a.date) == ("CA002", date(2021, 8, 6))]
    assert [(a.shift, a.area, a.mode) for a in placed] == [("C", "CHOT-1", "remote")]
    assert check(data, result.assignments).ok


def test_f1_fixed_where_no_remote_place_exists_is_refused(tmp_path: Path) -> None:
    sheets = _f1_with_fixed("TDP-1", "S", [])  # TDP-1 demands on-site duty only
    sheets["Requests"] = [["person", "date", "type"], ["007", date(2021, 9, 1), "off"]]
    sheets["History"] = [["person", "date", "shift"], ["007", date(2021, 8, 5), "S"]]
    with pytest.raises(InputError) as caught:
        read_workbook(write_book(tmp_path / "f1.xlsx", sheets))
    found = [(p.sheet, p.row, p.column) for p in caught.value.problems]
    assert found == [("Requests", 2, "date"), ("Fixed", 2, "person"), ("History", 2, "date")]
    fixed = caught.value.problems[1]
    assert fixed.value == "CA002"
    # Said in the workbook's language: Vietnamese (it names none); the English is the same.
    assert "F1 từ 05/08/2021" in fixed.expected_text()
    assert "địa bàn 'TDP-1' không có yêu cầu trực từ xa" in fixed.expected_text()
    assert "F1 from 05/08/2021" in fixed.expected_text("en")
    assert "area 'TDP-1' has no remote requirement" in fixed.expected_text("en")


# ------------------------------------------------------------------- one product word list


def test_the_product_option_and_the_donations_sheet_accept_the_same_words(
    tmp_path: Path,
) -> None:
    words = sorted(choices(PRODUCT_WORDS).items())
    option = next(p for p in main.commands["donors"].params if p.name == "product")
    assert all(option.callback(None, option, word) == Product(product) for word, product in words)
    sheets = base()
    sheets["People"][0].append("blood_group")
    sheets["People"][1].append("O+")
    sheets["Donations"] = [["person", "date", "product"]] + [
        ["007", date(2021, 1, 1) + timedelta(days=i), word] for i, (word, _) in enumerate(words)
    ]
    data = read_workbook(write_book(tmp_path / "donations.xlsx", sheets))
    assert [d.product for d in data.donations] == [Product(product) for _, product in words]
    assert set(choices(PRODUCT_WORDS)) >= {"red cells", "platelet", "whole blood", "tieu cau"}
