"""Reading a city folder: the pool workbook in both languages, and every problem at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from roster.city.folder import CityInputError, read_city
from roster.city.pool import read_pool
from roster.errors import InputError
from tests.builders import load_script

city = load_script("benchmarks/city.py")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return city.generate_city(tmp_path / "city", districts=2, wards=4, pool=8, days=7, people=12)


def _edit(path: Path, sheet: str, cells: dict[str, object], rename: str | None = None) -> None:
    wb = load_workbook(path)
    ws = wb[sheet]
    for ref, value in cells.items():
        ws[ref] = value
    if rename:
        ws.title = rename
    wb.save(path)


def test_pool_reads_settings_units_and_officers(folder: Path) -> None:
    pool = read_pool(folder / "pool.xlsx")
    assert pool.settings.unit == "Công an thành phố Đà Nẵng"
    assert pool.min_stay_days == 3 and pool.unit_time_limit_s == 10
    assert [u.id for u in pool.units] == ["P01", "P02", "P03", "P04"]
    assert {u.group for u in pool.units} == {"Q1", "Q2"}
    assert len(pool.officers) == 8
    assert pool.officers[0].group == "Q1" and pool.officers[0].row == 2


def test_pool_vietnamese_names(folder: Path) -> None:
    path = folder / "pool.xlsx"
    _edit(
        path,
        "Units",
        {"A1": "mã", "B1": "tên", "C1": "tệp", "D1": "cụm", "E1": "ưu tiên"},
        "Đơn vị",
    )
    _edit(
        path,
        "Pool",
        {"A1": "mã", "B1": "họ tên", "H1": "cụm", "I1": "đơn vị"},
        "Lực lượng tăng cường",
    )
    _edit(path, "Settings", {"A6": "số ngày ở lại tối thiểu"}, "Thiết lập")
    pool = read_pool(path)
    assert pool.min_stay_days == 3
    assert [u.group for u in pool.units] == ["Q1", "Q2", "Q1", "Q2"]
    assert pool.officers[1].group == "Q2"


def test_pool_problems_name_sheet_row_and_column(folder: Path) -> None:
    path = folder / "pool.xlsx"
    _edit(path, "Pool", {"D3": "astronaut"})
    _edit(path, "Units", {"E2": "first", "A3": "P/02"})
    _edit(path, "Settings", {"B6": "many"})
    with pytest.raises(InputError) as caught:
        read_pool(path)
    text = [str(p) for p in caught.value.problems]  # in the pool's language: Vietnamese
    assert any(t.startswith("Pool, dòng 3, cột 'role'") for t in text)
    assert any(t.startswith("Units, dòng 2, cột 'priority': đang ghi 'first'; cần") for t in text)
    assert any(
        t.startswith("Units, dòng 3, cột 'id': đang ghi 'P/02'; cần mã đơn vị") for t in text
    )
    assert any(t.startswith("Settings, dòng 6, cột 'value'") for t in text)
    assert not any("row" in t or "expected" in t for t in text)


def test_unreadable_pool_stops_the_run(folder: Path) -> None:
    (folder / "pool.xlsx").write_text("not a workbook")
    with pytest.raises(CityInputError) as caught:
        read_city(folder)
    assert str(caught.value.problems[0]).startswith("pool.xlsx: ")


def test_broken_missing_and_clashing_are_all_reported(folder: Path) -> None:
    (folder / "P02.xlsx").unlink()
    _edit(folder / "P03.xlsx", "Cán bộ", {"D4": "astronaut"})
    _edit(folder / "pool.xlsx", "Pool", {"A3": "P0001"})
    found = read_city(folder)
    assert sorted(found.units) == ["P01", "P04"]
    assert sorted(found.broken) == ["P02", "P03"]
    text = [str(p) for p in found.problems]  # in the pool's language: Vietnamese
    assert "pool.xlsx: Units, dòng 3, cột 'workbook'" in text[0]
    assert any(t.startswith("P03.xlsx: Cán bộ, dòng 4, cột 'lực lượng'") for t in text)
    assert any(t.startswith("pool.xlsx: Pool, dòng 3, cột 'id': đang ghi 'P0001'") for t in text)
    assert "P0001" not in {o.person.id for o in found.pool.officers}
    assert len(found.pool.officers) == 7


def _pool_language(folder: Path, language: str) -> None:
    path = folder / "pool.xlsx"
    wb = load_workbook(path)
    ws = wb[wb.sheetnames[0]]
    rows = [row for row in ws.iter_rows(min_row=2) if row[0].value == "language"]
    if rows:
        rows[0][1].value = language
    else:
        ws.append(["language", language])
    wb.save(path)


def test_an_english_pool_says_every_problem_in_english(folder: Path) -> None:
    """The city follows the pool's language, also for a (Vietnamese) unit workbook's problems."""
    _pool_language(folder, "en")
    (folder / "P02.xlsx").unlink()
    _edit(folder / "P03.xlsx", "Cán bộ", {"D4": "astronaut"})
    _edit(folder / "pool.xlsx", "Pool", {"A3": "P0001"})
    text = [str(p) for p in read_city(folder).problems]
    assert "pool.xlsx: Units, row 3, column 'workbook': found 'P02.xlsx'; expected" in text[0]
    assert any(t.startswith("P03.xlsx: Cán bộ, row 4, column 'lực lượng': found") for t in text)
    assert any(t.startswith("pool.xlsx: Pool, row 3, column 'id': found 'P0001'") for t in text)
    assert not any("dòng" in t or "cần" in t for t in text)


def test_a_pool_without_a_readable_language_is_said_in_both(folder: Path) -> None:
    _pool_language(folder, "klingon")
    with pytest.raises(InputError) as caught:
        read_pool(folder / "pool.xlsx")
    (problem,) = caught.value.problems
    said = str(problem)
    assert said.startswith("Settings, dòng ") and " / Settings, row " in said


def test_city_problems_name_the_pool_columns_as_written(folder: Path) -> None:
    _edit(folder / "pool.xlsx", "Units", {"A1": "mã", "B1": "tên", "C1": "tệp"}, "Đơn vị")
    _edit(folder / "pool.xlsx", "Pool", {"A1": "mã", "A3": "P0001"})
    (folder / "P02.xlsx").unlink()
    text = [str(p) for p in read_city(folder).problems]
    assert "pool.xlsx: Đơn vị, dòng 3, cột 'tệp': đang ghi 'P02.xlsx'; cần một tệp" in text[0]
    assert any(t.startswith("pool.xlsx: Pool, dòng 3, cột 'mã': đang ghi 'P0001'") for t in text)
