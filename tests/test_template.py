"""The blank input template: its layout, and that once filled in it reads back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from roster.data import Mode, Origin, Role
from roster.errors import InputError, OutputError
from roster.io.template import write_template
from roster.load import read_workbook
from roster.text.contract import GUIDE_SHEET, INPUT_COLUMNS, INPUT_SHEETS


@pytest.mark.parametrize("language", ["vi", "en"])
def test_layout(tmp_path: Path, language: str) -> None:
    vi = language == "vi"
    path = write_template(tmp_path / "mau.xlsx", language)
    wb = load_workbook(path)
    assert wb.sheetnames == [names[vi] for names in INPUT_SHEETS.values()] + [GUIDE_SHEET[vi]]
    for key, names in INPUT_SHEETS.items():
        ws = wb[names[vi]]
        assert ws.freeze_panes == "A2"
        header = [cell.value for cell in ws[1]]
        if key != "settings":
            assert header == [pair[vi] for pair in INPUT_COLUMNS[key].values()]
            assert ws.max_row == 1  # no notes or examples posing as data
        assert all(cell.font.bold for cell in ws[1])
    people = wb[INPUT_SHEETS["people"][vi]]
    assert people["A1"].comment is not None
    checked = {
        (key, ws_range.split(":")[0][0])
        for key, names in INPUT_SHEETS.items()
        for dv in wb[names[vi]].data_validations.dataValidation
        for ws_range in str(dv.sqref).split()
    }
    for key, column in [
        ("people", "role"),
        ("people", "origin"),
        ("status", "status"),
        ("areas", "kind"),
        ("requirements", "mode"),
        ("requests", "type"),
    ]:
        letter = chr(ord("A") + list(INPUT_COLUMNS[key]).index(column))
        assert (key, letter) in checked


def test_settings_are_prefilled(tmp_path: Path) -> None:
    wb = load_workbook(write_template(tmp_path / "en.xlsx", "en"))
    settings = dict(wb["Settings"].iter_rows(min_row=2, values_only=True))
    assert settings["unit"] is None and settings["start_date"] is None and settings["days"] is None
    assert settings["language"] == "en" and settings["min_rest_hours"] == 12
    assert settings["f0_isolation_days"] == 24 and settings["f1_quarantine_days"] == 14
    assert settings["f1_remote_duty"] == "yes" and settings["time_limit_s"] == 60


def test_blank_template_asks_for_unit_start_and_days(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_workbook(write_template(tmp_path / "blank.xlsx"))
    assert {(p.sheet, p.row, p.column) for p in caught.value.problems} == {
        ("Thiết lập", 2, "giá trị"),
        ("Thiết lập", 3, "giá trị"),
        ("Thiết lập", 4, "giá trị"),
    }


def _fill(ws, rows: list[list[object]]) -> None:
    for row in rows:
        ws.append(row)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_round_trip(tmp_path: Path, language: str) -> None:
    vi = language == "vi"
    path = write_template(tmp_path / "t.xlsx", language)
    wb = load_workbook(path)
    sheet = {key: wb[names[vi]] for key, names in INPUT_SHEETS.items()}
    sheet["settings"]["B2"] = "Công an phường Hòa Thuận Đông"
    sheet["settings"]["B3"] = date(2021, 8, 9)
    sheet["settings"]["B4"] = 28
    _fill(sheet["shifts"], [["S", "Ca sáng", "06:00", "14:00"], ["D", "Ca đêm", "22:00", "06:00"]])
    remote = "từ xa" if vi else "remote"
    _fill(
        sheet["areas"],
        [["TDP-1", "Tổ 1", "tổ dân phố" if vi else "residential"], ["TX", "", remote]],
    )
    militia, district = ("dân quân", "quận/huyện") if vi else ("militia", "district")
    _fill(sheet["people"], [["007", "Nguyễn Văn A"], ["DQ1", "Lê Văn B", None, militia, district]])
    _fill(
        sheet["requirements"],
        [["TDP-1", "S", None, None, None, 1], ["TX", None, None, None, None, 1]],
    )
    filled = tmp_path / "filled.xlsx"
    wb.save(filled)
    data = read_workbook(filled)
    assert data.settings.language == language and data.settings.days == 28
    assert data.settings.f1_remote_duty is True and data.settings.min_rest_hours == 12
    assert [p.id for p in data.people] == ["007", "DQ1"]
    assert data.people[1].role == Role.MILITIA and data.people[1].origin == Origin.DISTRICT
    assert [r.mode for r in data.requirements] == [Mode.ONSITE, Mode.REMOTE]
    assert data.shift_by_id["D"].night and not data.shift_by_id["S"].night


def test_replaces_atomically(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_text("old")
    write_template(path, "en")
    assert load_workbook(path).sheetnames[0] == "Settings"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.xlsx"]


def test_unwritable_target(tmp_path: Path) -> None:
    with pytest.raises(OutputError):
        write_template(tmp_path / "no-such-folder" / "t.xlsx")
    with pytest.raises(ValueError, match="language"):
        write_template(tmp_path / "t.xlsx", "fr")
