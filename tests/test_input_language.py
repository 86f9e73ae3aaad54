"""A workbook's problems are said in its own language (Vietnamese unless its Settings say
`language: en`), with the file, sheet, row and column as the commander wrote them; when the
language itself cannot be read they are said in both. End to end through `roster validate`
(exit code 2), and through the reader."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from click.testing import CliRunner

from roster.cli import main
from roster.errors import InputError
from roster.load import read_workbook, read_workbook_with_warnings
from tests.builders import base, write_book

Sheets = dict[str, list[list[object]]]
ENGLISH_FRAME = ("row ", "column ", "found ", "expected ")


def _vietnamese() -> Sheets:
    """The small workbook with Vietnamese sheet and column names, its language said."""
    sheets = copy.deepcopy(base())
    sheets["Thiết lập"] = [["khóa", "giá trị"], *sheets.pop("Settings")[1:]]
    sheets["Thiết lập"].append(["ngôn ngữ", "tiếng Việt"])
    sheets["Ca trực"] = [["mã", "tên", "bắt đầu", "kết thúc"], *sheets.pop("Shifts")[1:]]
    return sheets


def _validate(path: Path) -> str:
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return " ".join(result.output.split())  # rich wraps long lines


def test_a_vietnamese_workbook_is_told_its_problems_in_vietnamese(tmp_path: Path) -> None:
    sheets = _vietnamese()
    sheets["Ca trực"][2][2] = "25:00"
    sheets["People"][1][5] = "TDP-99"
    sheets["Requirements"][1][2] = "nhiều"
    output = _validate(write_book(tmp_path / "phuong.xlsx", sheets))
    assert "Ca trực, dòng 3, cột 'bắt đầu': đang ghi '25:00'; cần một giờ trong ngày" in output
    assert "People, dòng 2, cột 'home_area': đang ghi 'TDP-99'; cần một mã có trong trang" in output
    assert "Requirements, dòng 2, cột 'min_staff': đang ghi 'nhiều'; cần một số nguyên" in output
    assert not any(word in output for word in ENGLISH_FRAME), output


def test_a_workbook_naming_no_language_is_vietnamese(tmp_path: Path) -> None:
    sheets = copy.deepcopy(base())
    sheets["Requirements"][1][0] = "TDP-9"
    output = _validate(write_book(tmp_path / "mac-dinh.xlsx", sheets))
    assert (
        "Requirements, dòng 2, cột 'area': đang ghi 'TDP-9'; cần một mã có trong trang 'Areas'"
        in output
    )


def test_an_english_workbook_is_told_in_english(tmp_path: Path) -> None:
    sheets = copy.deepcopy(base())
    sheets["Settings"].append(["language", "en"])
    sheets["Shifts"][2][2] = "25:00"
    output = _validate(write_book(tmp_path / "ward.xlsx", sheets))
    assert "Shifts, row 3, column 'start': found '25:00'; expected a time of day" in output
    assert "dòng" not in output and "cần" not in output


@pytest.mark.parametrize(
    "damage",
    [
        lambda s: s["Settings"].append(["language", "klingon"]),  # the language row is wrong
        lambda s: s.pop("Settings"),  # no Settings sheet
        lambda s: s["Settings"].__setitem__(0, ["tên", "giá trị"]),  # no key column
    ],
    ids=["unreadable-language", "no-settings", "no-key-column"],
)
def test_without_a_readable_language_problems_are_said_in_both(tmp_path: Path, damage) -> None:
    sheets = copy.deepcopy(base())
    sheets["Shifts"][2][2] = "25:00"
    damage(sheets)
    with pytest.raises(InputError) as caught:
        read_workbook(write_book(tmp_path / "hong.xlsx", sheets))
    said = next(str(p) for p in caught.value.problems if p.sheet == "Shifts")
    assert said == (
        "Shifts, dòng 3, cột 'start': đang ghi '25:00'; cần một giờ trong ngày, vd. 06:00 hoặc "
        "6h30 / Shifts, row 3, column 'start': found '25:00'; expected a time of day, e.g. 06:00 "
        "or 6h30"
    )


def test_the_file_itself_is_named_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "trong.xlsx"
    path.write_bytes(b"")
    output = _validate(path)
    assert "tệp: đang ghi 'trong.xlsx'; cần một tệp Excel .xlsx; tệp này rỗng (0 byte)" in output
    assert (
        "workbook: found 'trong.xlsx'; expected an Excel .xlsx workbook; this file is empty"
        in output
    )


def test_warnings_are_in_the_workbook_language(tmp_path: Path) -> None:
    sheets = _vietnamese()
    sheets["Thiết lập"].append(["màu", "xanh"])
    sheets["Ghi chú"] = [["gì cũng được"]]
    sheets["People"][0].append("home_area")  # a second column of that name
    _, warnings = read_workbook_with_warnings(write_book(tmp_path / "canh-bao.xlsx", sheets))
    assert "Trang 'Thiết lập', dòng 6: không có thiết lập 'màu'; bỏ qua." in warnings
    assert "Trang 'Ghi chú' không phải trang đầu vào; bỏ qua." in warnings
    assert any(w.startswith("Trang 'People', cột 'home_area': trùng cột") for w in warnings)
