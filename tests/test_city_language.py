"""The command workbook and the summary follow the pool's `language`: the sheet names of
shared/spec/city.md in brackets and translated headers for `vi`, the English names for `en`;
`roster check-city` reads both."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from roster.city.names import (
    ALLOCATION_COLUMNS,
    COMMAND_FILE,
    REQUEST_COLUMNS,
    SUMMARY_FILE,
    UNIT_COLUMNS,
)
from roster.cli import main
from roster.reports.city_command import EXIT_OK, EXIT_SHORT
from roster.text import say
from roster.text.contract import CITY_SHEETS, city_column
from tests.builders import load_script

ROOT = Path(__file__).resolve().parents[1]


def _set_language(folder: Path, language: str) -> None:
    path = folder / "pool.xlsx"
    wb = load_workbook(path)
    ws = wb[wb.sheetnames[0]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "language":
            row[1].value = language
    wb.save(path)


@pytest.fixture(scope="module", params=["vi", "en"])
def written(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    language = request.param
    root = tmp_path_factory.mktemp(f"city-{language}")
    folder = load_script("benchmarks/city.py").generate_city(
        root / "in", districts=2, wards=3, pool=10, days=7
    )
    _set_language(folder, language)
    out = root / "out"
    args = ["city", str(folder), "-o", str(out), "--unit-time-limit", "3", "--no-sheets"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (EXIT_OK, EXIT_SHORT), result.output
    return language, folder, out


def test_sheets_and_headers_follow_language(written) -> None:
    language, _folder, out = written
    wb = load_workbook(out / COMMAND_FILE, read_only=True)
    index = 1 if language == "vi" else 0
    for key, columns in (
        ("allocation", ALLOCATION_COLUMNS),
        ("units", UNIT_COLUMNS),
        ("requests", REQUEST_COLUMNS),
    ):
        title = CITY_SHEETS[key][index]
        assert title in wb.sheetnames
        header = next(wb[title].iter_rows(max_row=1, values_only=True))
        assert tuple(header) == tuple(city_column(c, language) for c in columns)
    if language == "en":
        assert {"Allocation", "Units", "Requests above"} <= set(wb.sheetnames)
        header = next(wb["Units"].iter_rows(max_row=1, values_only=True))
        assert tuple(header[:1]) + tuple(header[3:]) == ("unit", "needed", "own", "pool", "short")


def test_summary_follows_language(written) -> None:
    language, _folder, out = written
    summary = (out / SUMMARY_FILE).read_text(encoding="utf-8")
    pool_line = say("city.pool_per_day", language, days="")
    assert pool_line.strip() in summary


def test_check_city_reads_either_language(written) -> None:
    _language, folder, out = written
    result = CliRunner().invoke(main, ["check-city", str(folder), str(out)])
    assert result.exit_code == 0, result.output


def test_figures_keys_follow_language(written) -> None:
    language, _folder, out = written
    wb = load_workbook(out / COMMAND_FILE, read_only=True)
    title = CITY_SHEETS["figures"][language == "vi"]
    keys = [row[0] for row in list(wb[title].iter_rows(values_only=True))[1:]]
    wb.close()
    read = say("city.figure.seconds", language, phase=say("city.phase.read", language))
    stage = say("city.stage.uncovered", language)
    for expected in (
        say("city.figure.demand", language),
        say("city.figure.stage_status", language, stage=stage),
        say("city.figure.executor", language),
        read,
        say("city.figure.main_peak", language),
    ):
        assert expected in keys
    if language == "vi":
        assert "places short before the pool" not in keys and "seconds: read" not in keys
    else:
        assert "places short before the pool" in keys and "seconds: read" in keys
