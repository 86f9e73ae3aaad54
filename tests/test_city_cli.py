"""`roster city` end to end through the CLI, then `roster check` on every unit roster and
`roster check-city` on the whole; a folder with bad inputs; hand edits check-city catches."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from roster.city.names import COMMAND_FILE, UNIT_COLUMNS
from roster.cli import main
from roster.reports.city import state
from roster.reports.city_command import EXIT_INCOMPLETE, EXIT_OK, EXIT_SHORT
from roster.text import say
from roster.text.contract import city_column
from tests.builders import load_script

city = load_script("benchmarks/city.py")
UNITS = ("P01", "P02", "P03")
ALLOCATION_FIELDS = ("shifts", "filled", "demand", "most", "status")


def _city(folder: Path) -> Path:
    return city.generate_city(folder, districts=2, wards=3, pool=10, days=7, people=14, seed=3)


def _run(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def solved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    root = tmp_path_factory.mktemp("city")
    folder, out = _city(root / "in"), root / "out"
    code, output = _run(
        "city", folder, "-o", out, "--unit-time-limit", 3, "--workers", 2, "--no-sheets"
    )
    assert code in (EXIT_OK, EXIT_SHORT), output
    return folder, out, output


def test_city_writes_every_output(solved: tuple[Path, Path, str]) -> None:
    _folder, out, output = solved
    assert {p.name for p in out.glob("*.xlsx")} == {f"{u}.xlsx" for u in UNITS} | {COMMAND_FILE}
    assert len(list((out / "pool-messages").glob("pool-*.txt"))) == 7
    assert (
        say("city.allocation", "vi", **dict.fromkeys(ALLOCATION_FIELDS, "")).split(":")[0] in output
    )
    sheets = load_workbook(out / COMMAND_FILE, read_only=True).sheetnames
    assert {"Điều động", "Đơn vị", "Đề nghị cấp trên"} <= set(sheets)


def test_every_unit_roster_passes_roster_check(solved: tuple[Path, Path, str]) -> None:
    _folder, out, _output = solved
    for unit in UNITS:
        path = out / f"{unit}.xlsx"
        code, output = _run("check", path, path)
        assert code in (EXIT_OK, EXIT_SHORT), output
        assert output.startswith("0 "), output  # no rule broken (then the gaps, if any)


def test_the_whole_passes_check_city(solved: tuple[Path, Path, str]) -> None:
    folder, out, _output = solved
    code, output = _run("check-city", folder, out)
    assert code == EXIT_OK, output
    assert "3 unit roster(s) checked" in output


def test_units_sheet_adds_up(solved: tuple[Path, Path, str]) -> None:
    _folder, out, _output = solved
    wb = load_workbook(out / COMMAND_FILE, read_only=True)
    rows = list(wb["Đơn vị"].iter_rows(values_only=True))
    keys = {city_column(key, "vi"): key for key in UNIT_COLUMNS}
    header = [keys[name] for name in rows[0]]
    allocation = list(wb["Điều động"].iter_rows(values_only=True))[1:]
    for row in rows[1:]:
        unit = dict(zip(header, row, strict=True))
        assert unit["needed"] == unit["own"] + unit["pool"] + unit["short"]
        assert unit["pool"] == sum(1 for a in allocation if a[3] == unit["unit"])


def _move(out: Path, folder: Path) -> None:
    """Put a pool officer of one unit into another unit on the same day, by hand."""
    wb = load_workbook(out / COMMAND_FILE, read_only=True)
    person, _name, day, unit, _shift, _area = next(
        wb["Điều động"].iter_rows(min_row=2, values_only=True)
    )
    other = next(u for u in UNITS if u != unit)
    path = out / f"{other}.xlsx"
    book = load_workbook(path)
    ws = book["Phân công"]
    first = [c.value for c in ws[2]]
    ws.append([day, first[1], first[2], person, "x", "police", "district", "onsite"])
    book.save(path)


def test_check_city_catches_a_hand_edit(solved: tuple[Path, Path, str], tmp_path: Path) -> None:
    folder, out, _output = solved
    copy = tmp_path / "out"
    copy.mkdir()
    for path in out.glob("*.xlsx"):
        (copy / path.name).write_bytes(path.read_bytes())
    wb = load_workbook(copy / COMMAND_FILE, read_only=True)
    if len(list(wb["Điều động"].iter_rows(min_row=2))) == 0:
        pytest.skip("the pool was not needed")
    _move(copy, folder)
    code, output = _run("check-city", folder, copy)
    assert code != EXIT_OK
    assert "not in Allocation" in output


def test_bad_inputs_are_all_reported_and_the_rest_solved(tmp_path: Path) -> None:
    folder = city.generate_city(tmp_path / "in", districts=2, wards=4, pool=8, days=7, people=12)
    (folder / "P02.xlsx").unlink()
    book = load_workbook(folder / "P03.xlsx")
    book["Cán bộ"]["D4"] = "astronaut"
    book.save(folder / "P03.xlsx")
    pool = load_workbook(folder / "pool.xlsx")
    pool["Pool"]["A3"] = "P0001"
    pool.save(folder / "pool.xlsx")
    out = tmp_path / "out"
    code, output = _run("city", folder, "-o", out, "--unit-time-limit", 2, "--no-sheets")
    assert code == EXIT_INCOMPLETE, output
    assert "Traceback" not in output
    # said in the pool's language (Vietnamese), each with its file, sheet, row and column
    assert "pool.xlsx: Units, dòng 3, cột 'workbook'" in output
    assert "P03.xlsx: Cán bộ, dòng 4, cột 'lực lượng'" in output
    assert "pool.xlsx: Pool, dòng 3, cột 'id': đang ghi 'P0001'" in output
    assert (out / "P01.xlsx").is_file() and (out / "P04.xlsx").is_file()
    assert not (out / "P02.xlsx").exists() and not (out / "P03.xlsx").exists()
    wb = load_workbook(out / COMMAND_FILE, read_only=True)
    states = {r[0]: r[2] for r in wb["Đơn vị"].iter_rows(min_row=2, values_only=True)}
    expected = {"P01": "solved", "P02": "broken", "P03": "broken", "P04": "solved"}
    assert states == {uid: state(name, "vi") for uid, name in expected.items()}
