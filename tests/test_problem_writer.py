"""The input-workbook writer, the bundled example and the benchmark generator.

The writer is how the example and every benchmark reach the solver, so what it writes must
read back unchanged: text stays text, dates stay dates, Vietnamese stays Vietnamese.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from roster.data import Assignment, Person, ProblemData, Requirement, StatusKind, StatusPeriod
from roster.errors import OutputError
from roster.io.problem_writer import write_problem_workbook
from roster.load import read_workbook
from roster.text.contract import INPUT_SHEETS
from roster.verify import check
from tests.builders import EXAMPLE, load_script

example = load_script("inputs/make_example.py")
generator = load_script("benchmarks/generate.py")


@pytest.fixture(scope="module")
def awkward() -> ProblemData:
    """The bundled example plus a person whose id is ``007`` and whose texts look like formulas."""
    data = example.build_example()
    odd = Person(id="007", name="=SUM(A1)", rank="@CSKV", home_area="TDP-1", phone="+84905123456")
    status = StatusPeriod(
        row=len(data.statuses) + 2,
        person="007",
        status=StatusKind.SICK,
        date_from=data.settings.start_date,
        date_to=data.settings.start_date,
        note="-sốt cao, nghỉ tại nhà",
    )
    return data.model_copy(
        update={"people": (*data.people, odd), "statuses": (*data.statuses, status)}
    )


def _rows(ws: Worksheet) -> list[dict[str, Any]]:
    header = [c.value for c in ws[1]]
    return [
        dict(zip(header, row, strict=True)) for row in ws.iter_rows(min_row=2, values_only=True)
    ]


def test_vietnamese_workbook_keeps_text_dates_and_names(awkward: ProblemData, tmp_path: Path):
    path = write_problem_workbook(awkward, tmp_path / "ward.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == [vi for _, vi in INPUT_SHEETS.values()]

    people = wb["Cán bộ"]
    names = {r["mã"]: r["họ tên"] for r in _rows(people)}
    for person in awkward.people:
        assert unicodedata.normalize("NFC", names[person.id]) == person.name
    assert names["CA001"] == "Nguyễn Văn Hùng"

    cells = {c.value: c for row in people.iter_rows() for c in row if c.value is not None}
    assert cells["007"].data_type == "s"
    for text in ("=SUM(A1)", "@CSKV", "+84905123456", awkward.people[0].phone):
        assert cells[text].data_type == "s", text  # text, not a formula or a number
    note = next(r for r in _rows(wb["Tình trạng"]) if r["cán bộ"] == "007")
    assert note["ghi chú"] == "-sốt cao, nghỉ tại nhà"

    shifts = _rows(wb["Ca trực"])
    assert shifts[2] == {
        "mã": "D", "tên": "Ca đêm", "bắt đầu": "22:00", "kết thúc": "06:00", "ca đêm": "có"
    }  # fmt: skip
    assert shifts[0]["ca đêm"] == "không"

    status = wb["Tình trạng"]
    assert isinstance(status["C2"].value, datetime)
    assert status["C2"].number_format == "DD/MM/YYYY"
    f0 = next(r for r in _rows(status) if r["tình trạng"] == "F0")
    assert (f0["từ ngày"].date(), f0["đến ngày"].date()) == (date(2021, 8, 11), date(2021, 9, 3))

    market = next(r for r in _rows(wb["Yêu cầu"]) if r["địa bàn"] == "CHO-1")
    assert market["thứ"] == "T2,T3,T4,T5,T6,T7"
    settings = {r["khóa"]: r["giá trị"] for r in _rows(wb["Thiết lập"])}
    assert settings["unit"] == "Công an phường Hòa Thuận Đông"
    assert settings["days"] == 28
    assert settings["start_date"].date() == date(2021, 8, 9)
    assert settings["commander"] == "Thiếu tá Nguyễn Văn Hùng"
    assert settings["time_limit_s"] == 120
    assert "min_rest_hours" not in settings  # defaults are left to the reader
    assert people.freeze_panes == "A2" and people["A1"].font.b


def test_english_workbook_and_optional_sheets(tmp_path: Path):
    data, _ = generator.generate_with_roster(12, 4, 5, seed=3)
    data = data.model_copy(
        update={
            "statuses": (),
            "requirements": (
                Requirement(row=2, area="TDP-1", weekdays=frozenset({0, 6}), min_staff=1),
            ),
        }
    )
    wb = load_workbook(write_problem_workbook(data, tmp_path / "en.xlsx", language="en"))
    assert "Status" in wb.sheetnames and wb["Status"].max_row == 1  # always there, to fill in
    assert "Isolation" not in wb.sheetnames and "Donations" not in wb.sheetnames
    assert _rows(wb["Shifts"])[2]["night"] == "yes"
    assert _rows(wb["Requirements"])[0]["weekdays"] == "Mon,Sun"
    assert _rows(wb["Requirements"])[0]["mode"] == "onsite"


def test_save_is_atomic_and_failures_are_output_errors(tmp_path: Path):
    data = generator.generate(8, 3, 3, seed=1)
    write_problem_workbook(data, tmp_path / "a.xlsx")
    write_problem_workbook(data, tmp_path / "a.xlsx")  # over an existing file
    assert [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]  # no temporary file left
    (tmp_path / "folder.xlsx").mkdir()
    with pytest.raises(OutputError):
        write_problem_workbook(data, tmp_path / "folder.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx", "folder.xlsx"]


def test_bundled_example_is_what_make_example_writes(tmp_path: Path):
    fresh = load_workbook(write_problem_workbook(example.build_example(), tmp_path / "x.xlsx"))
    bundled = load_workbook(EXAMPLE)
    assert bundled.sheetnames == fresh.sheetnames
    for name in fresh.sheetnames:
        assert list(bundled[name].values) == list(fresh[name].values), name


def test_example_story_and_headroom():
    data = example.build_example()
    assert data == example.build_example()  # deterministic
    counts = {k: sum(s.status == k for s in data.statuses) for k in StatusKind}
    assert (counts[StatusKind.F0], counts[StatusKind.F1]) == (13, 9)
    assert len({p.name for p in data.people}) == len(data.people)
    start, need, capacity = example.tightest_week(data)
    assert need <= 0.75 * capacity, (start, need, capacity)
    announced = [
        Assignment(date=f.date, shift=f.shift, area=f.area, person=f.person) for f in data.fixed
    ]
    assert check(data, announced).violations == ()  # fixed rows agree with history and rules


@pytest.mark.parametrize(
    ("people", "areas", "days", "seed"),
    [(40, 12, 14, 1), (10, 3, 7, 2), (1, 1, 1, 0), (120, 40, 28, 5), (25, 5, 60, 9)],
)
def test_generated_roster_is_legal_and_covers_exactly(people, areas, days, seed):
    data, roster = generator.generate_with_roster(people, areas, days, seed)
    report = check(data, roster)
    assert report.violations == ()
    assert report.gaps == ()
    assert len(data.people) == people and len(data.areas) == areas
    assert data == generator.generate(people, areas, days, seed)
    assert {r.mode.value for r in data.requirements if r.area == "DP-TX"} <= {"remote"}
    f1 = [s for s in data.statuses if s.status == StatusKind.F1]
    isolated = [a for a in roster for s in f1 if s.person == a.person and s.covers(a.date)]
    assert all(a.area == "DP-TX" and a.mode.value == "remote" for a in isolated)


def test_generated_instance_has_the_intended_shape():
    data = generator.generate(120, 40, 28, seed=5)
    kinds = [a.kind for a in data.areas]
    assert kinds.count("residential") >= 0.8 * len(kinds)
    assert kinds.count("lockdown") == kinds.count("remote") == 1 and "checkpoint" in kinds
    assert {p.origin.value for p in data.people} == {"own", "district", "city"}
    assert {s.status for s in data.statuses} == {StatusKind.F0, StatusKind.F1}
    assert data.history and data.fixed and data.requests


def test_generate_cli_writes_a_workbook(tmp_path: Path, capsys):
    out = tmp_path / "bench.xlsx"
    generator.main(
        ["--people", "40", "--areas", "12", "--days", "14", "--seed", "1", "-o", str(out)]
    )
    assert "40 people" in capsys.readouterr().out
    assert "Cán bộ" in load_workbook(out).sheetnames


def test_round_trip_through_the_reader(awkward: ProblemData, tmp_path: Path):
    for language in ("vi", "en"):
        data = generator.generate(30, 8, 10, seed=4)
        path = write_problem_workbook(data, tmp_path / f"{language}.xlsx", language=language)
        assert read_workbook(path) == data
    path = write_problem_workbook(awkward, tmp_path / "example.xlsx")
    assert read_workbook(path) == awkward
