"""The workbook reader and its cell parsers, on workbooks built here with openpyxl."""

from __future__ import annotations

import hashlib
import re
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Font

from roster.data import Mode, Origin, RequestType, Role, StatusKind
from roster.errors import InputError, Problem
from roster.io.dates import (
    DATE_EXPECTED,
    WHOLE_NUMBER_EXPECTED,
    parse_bool,
    parse_date,
    parse_id,
    parse_int,
    parse_list,
    parse_time,
    parse_weekdays,
)
from roster.load import read_workbook, read_workbook_with_warnings
from roster.text import Phrase
from tests.builders import EXAMPLE, base, load_script, write_book


def excel_style(path: Path) -> Path:
    """Rewrite an openpyxl file the way Excel and other writers store cells.

    openpyxl writes inline strings with cell references; Excel uses a shared-string table,
    and some writers prefix every tag (``<x:c>``) or leave out the references of cells.
    """
    with zipfile.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    strings: list[str] = []

    def share(match: re.Match[str]) -> str:
        strings.append(match[2])
        return f'<c{match[1]} t="s"><v>{len(strings) - 1}</v></c>'

    for name in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
        xml = parts[name].decode()
        xml = re.sub(r'<c([^>]*?) t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>', share, xml)
        if name.endswith("sheet1.xml"):  # every cell is filled: references may go
            xml = re.sub(r'(<c) r="[A-Z]+\d+"', r"\1", xml)
        xml = re.sub(r"<(/?)(\w+)", r"<\1x:\2", xml).replace("xmlns=", "xmlns:x=")
        parts[name] = xml.encode()
    items = "".join(f"<si><t>{text}</t></si>" for text in strings)
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    parts["xl/sharedStrings.xml"] = f'<sst xmlns="{main}">{items}</sst>'.encode()
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kind}"/></Types>'
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", override.encode()
    )
    relation = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    link = f'<Relationship Id="rIdStrings" Type="{relation}" Target="sharedStrings.xml"/>'
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(b"</Relationships>", link.encode() + b"</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, content in parts.items():
            dst.writestr(name, content)
    return path


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        read_workbook(path)
    return caught.value.problems


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------------------- cell parsers


@pytest.mark.parametrize(
    "value",
    [
        date(2021, 8, 12),
        datetime(2021, 8, 12, 0, 0),
        "2021-08-12",
        " 2021-08-12 00:00:00 ",
        "12/8/2021",
        "12/08/2021",
        "12-08-2021",
        "12.08.2021",
        "12/08/21",
        "ngày 12 tháng 8 năm 2021",
        44420,
        44420.0,
    ],
)
def test_parse_date_accepts_every_form(value: object) -> None:
    assert parse_date(value) == date(2021, 8, 12)


def test_slash_dates_are_always_day_first() -> None:
    assert parse_date("01/02/2021") == date(2021, 2, 1)
    assert parse_date("1/2/2021") == date(2021, 2, 1)


@pytest.mark.parametrize("value", ["31/02/2021", "08/13/2021", "2021-02-30", "soon", "", True, -1])
def test_parse_date_rejects_impossible_dates(value: object) -> None:
    with pytest.raises(ValueError) as caught:
        parse_date(value)
    assert caught.value.args[0] == DATE_EXPECTED
    assert "a real date, day-first" in str(caught.value)  # no language known: both


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (time(6), time(6)),
        (datetime(1899, 12, 30, 22, 30), time(22, 30)),
        ("06:00", time(6)),
        ("6:00", time(6)),
        ("6:05", time(6, 5)),
        ("06:00:00", time(6)),
        ("6h", time(6)),
        ("6h30", time(6, 30)),
        ("6 giờ", time(6)),
        (0.25, time(6)),
        (0.2499999999, time(6)),
        (0, time(0)),
        ("24:00", time(0)),
        (timedelta(hours=14), time(14)),
    ],
)
def test_parse_time(value: object, expected: time) -> None:
    assert parse_time(value) == expected


@pytest.mark.parametrize("value", ["25:00", "6:75", "noon", 1.5, 6, None])
def test_parse_time_rejects(value: object) -> None:
    with pytest.raises(ValueError, match="a time of day"):
        parse_time(value)


@pytest.mark.parametrize("value", ["yes", "Y", "true", 1, True, "có", "Có", "co", "x", "X", 1.0])
def test_parse_bool_true(value: object) -> None:
    assert parse_bool(value) is True


@pytest.mark.parametrize("value", ["no", "n", "false", 0, False, "không", "khong", "", None, "  "])
def test_parse_bool_false(value: object) -> None:
    assert parse_bool(value) is False


@pytest.mark.parametrize("value", ["maybe", 2, "có thể"])
def test_parse_bool_rejects(value: object) -> None:
    with pytest.raises(ValueError, match="yes or no"):
        parse_bool(value)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Mon,Tue", {0, 1}),
        ("monday, Sunday", {0, 6}),
        ("T2,T3,CN", {0, 1, 6}),
        ("Thứ 2, Chủ nhật", {0, 6}),
        ("thu 2", {0}),
        ("Thứ Hai, thứ bảy", {0, 5}),
        ("Thứ 2, 3, 4", {0, 1, 2}),
        ("T2-T6", {0, 1, 2, 3, 4}),
        ("Sat-Mon", {5, 6, 0}),
        ("thu", {3}),
    ],
)
def test_parse_weekdays(text: str, days: set[int]) -> None:
    assert parse_weekdays(text) == frozenset(days)


@pytest.mark.parametrize("text", ["Funday", "T9", "", ",", "Mon-Tue-Wed"])
def test_parse_weekdays_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="weekdays"):
        parse_weekdays(text)


def test_parse_list() -> None:
    assert parse_list("lead, driver") == frozenset({"lead", "driver"})
    assert parse_list(" lead ,, ") == frozenset({"lead"})
    assert parse_list(None) == frozenset()


@pytest.mark.parametrize(
    ("value", "expected"), [("007", "007"), (" CA01 ", "CA01"), (7, "7"), (7.0, "7"), ("7", "7")]
)
def test_parse_id(value: object, expected: str) -> None:
    assert parse_id(value) == expected


@pytest.mark.parametrize("value", ["", "   ", True, date(2021, 3, 12)])
def test_parse_id_rejects(value: object) -> None:
    with pytest.raises(ValueError, match="an id"):
        parse_id(value)


def test_parse_int() -> None:
    assert parse_int("3") == 3
    assert parse_int(3.0) == 3
    with pytest.raises(ValueError, match="a whole number"):
        parse_int(2.5)


# ---------------------------------------------------------------------------- reading


def test_reads_a_valid_workbook_with_defaults(tmp_path: Path) -> None:
    data = read_workbook(write_book(tmp_path / "in.xlsx", base()))
    s = data.settings
    assert (s.unit, s.start_date, s.days, s.language) == (
        "Công an phường Hòa Thuận Đông",
        date(2021, 8, 1),
        31,
        "vi",
    )
    assert (s.min_rest_hours, s.f0_isolation_days, s.f1_quarantine_days, s.f1_remote_duty) == (
        12,
        24,
        14,
        True,
    )
    shifts = data.shift_by_id
    assert shifts["S"].start == time(6) and not shifts["S"].night
    assert not shifts["C"].night  # 14:00-22:00 ends as the night begins
    assert shifts["D"].night and shifts["D"].duration_minutes == 480
    people = data.person_by_id
    assert people["007"].role == Role.POLICE and people["007"].origin == Origin.OWN
    assert people["007"].skills == frozenset({"lead", "driver"})
    assert people["CA002"].role == Role.POLICE
    assert people["Q1"].origin == Origin.DISTRICT
    first, remote = data.requirements
    assert (first.row, first.area, first.shift, first.min_staff, first.min_police) == (
        2,
        "TDP-1",
        "S",
        1,
        1,
    )
    assert first.mode == Mode.ONSITE and first.weekdays is None and first.max_staff is None
    assert remote.shift is None and remote.mode == Mode.REMOTE and remote.min_police == 0


def test_vietnamese_names_and_values(tmp_path: Path) -> None:
    sheets = {
        " THIẾT LẬP ": [
            ["Khóa", "Giá trị"],
            ["đơn vị", "CA phường"],
            ["ngày bắt đầu", "01/08/2021"],
            ["số ngày", "31"],
            ["ngôn ngữ", "tiếng Việt"],
            ["F1 trực từ xa", "không"],
            ["parent_unit", "Công an quận Hải Châu"],
            ["weight_requests", 3],
            ["request_order", "city, district"],
        ],
        "Ca trực": [
            ["mã", "tên", "bắt đầu", "kết thúc", "ca đêm"],
            ["S", "Ca sáng", "6h", "14h", "x"],
        ],
        "Địa bàn": [
            ["mã", "tên", "loại"],
            ["TDP-1", "Tổ 1", "tổ dân phố"],
            ["TX", "Điều phối", "Từ xa"],
        ],
        "Cán bộ": [
            ["mã", "họ tên", "lực lượng", "nguồn", "từ ngày", "đến ngày", "ngày sinh", "cân nặng"],
            ["A", "Người A", "Công an", "đơn vị", None, None, "02/03/1990", "62,5"],
            ["B", "Người B", "dân quân", "Quận", "05/08/2021", "20/08/2021", None, None],
            ["C", "Người C", "dân phòng", "thành phố", None, None, None, None],
            ["D", "Người D", "tình nguyện viên", "tại chỗ", None, None, None, None],
            ["E", "Người E", "phòng thủ dân sự", "huyện", None, None, None, None],
        ],
        "Yêu cầu": [
            ["địa bàn", "ca", "từ ngày", "đến ngày", "thứ", "số người", "số công an", "hình thức"],
            ["TDP-1", "S", "02/08/2021", "10/08/2021", "T2,T3,CN", 2, 1, "tại chỗ"],
            ["TX", None, None, None, None, 1, 0, "trực tuyến"],
        ],
        "Tình trạng": [
            ["cán bộ", "tình trạng", "từ ngày", "đến ngày", "ghi chú"],
            ["A", "ốm", "03/08/2021", "04/08/2021", "sốt"],
            ["B", "nghỉ phép", "06/08/2021", "07/08/2021", None],
            ["C", "tập huấn", "08/08/2021", None, None],
        ],
        "Nguyện vọng": [
            ["cán bộ", "ngày", "ca", "loại", "trọng số"],
            ["A", "10/08/2021", None, "nghỉ", 2],
            ["B", "11/08/2021", "S", "trực", None],
        ],
        "Hiến máu": [
            ["cán bộ", "ngày", "chế phẩm", "ghi chú"],
            ["A", "01/07/2021", "máu toàn phần", None],
            ["B", "01/07/2021", "tiểu cầu", None],
            ["C", "01/07/2021", "Huyết tương", None],
        ],
    }
    data = read_workbook(write_book(tmp_path / "vi.xlsx", sheets))
    s = data.settings
    assert (s.unit, s.start_date, s.days, s.f1_remote_duty) == (
        "CA phường",
        date(2021, 8, 1),
        31,
        False,
    )
    assert s.parent_unit == "Công an quận Hải Châu" and s.weight_requests == 3
    assert s.request_order == (Origin.CITY, Origin.DISTRICT)
    assert data.shifts[0].night is True and data.shifts[0].start == time(6)
    assert [a.kind for a in data.areas] == ["residential", "remote"]
    roles = [p.role for p in data.people]
    assert roles == [
        Role.POLICE,
        Role.MILITIA,
        Role.CIVIL_DEFENCE,
        Role.VOLUNTEER,
        Role.CIVIL_DEFENCE,
    ]
    origins = [p.origin for p in data.people]
    assert origins == [Origin.OWN, Origin.DISTRICT, Origin.CITY, Origin.OWN, Origin.DISTRICT]
    a, b = data.people[:2]
    assert (a.birth_date, a.weight_kg) == (date(1990, 3, 2), 62.5)
    assert (b.available_from, b.available_to) == (date(2021, 8, 5), date(2021, 8, 20))
    onsite, remote = data.requirements
    assert onsite.weekdays == frozenset({0, 1, 6}) and onsite.date_to == date(2021, 8, 10)
    assert onsite.mode == Mode.ONSITE and remote.mode == Mode.REMOTE
    assert [p.status for p in data.statuses] == [
        StatusKind.SICK,
        StatusKind.LEAVE,
        StatusKind.TRAINING,
    ]
    assert data.statuses[2].date_to == date(2021, 8, 31)  # training without `to`: the horizon's end
    assert [r.type for r in data.requests] == [RequestType.OFF, RequestType.ON]
    assert data.requests[1].weight == 1
    assert [d.product.value for d in data.donations] == ["whole_blood", "platelets", "plasma"]


def test_reads_shared_strings_prefixed_tags_and_cells_without_references(tmp_path: Path) -> None:
    path = write_book(tmp_path / "in.xlsx", base())
    expected = read_workbook(path)
    assert b't="s"><x:v>' in zipfile.ZipFile(excel_style(path)).read("xl/worksheets/sheet4.xml")
    assert read_workbook(path) == expected


def test_ids_keep_leading_zeros_and_numbers_read_as_text(tmp_path: Path) -> None:
    sheets = base()
    sheets["People"].append([7, "Số bảy", None, None, None, None])
    sheets["Fixed"] = [["person", "date", "shift", "area"], ["007", "02/08/2021", "S", "TDP-1"]]
    sheets["History"] = [["person", "date", "shift"], [7.0, "31/07/2021", "D"]]
    data = read_workbook(write_book(tmp_path / "ids.xlsx", sheets))
    assert [p.id for p in data.people] == ["007", "CA002", "DQ1", "Q1", "7"]
    assert data.fixed[0].person == "007" and data.history[0].person == "7"


def test_isolation_rules_change_with_time(tmp_path: Path) -> None:
    sheets = base()
    sheets["Settings"][2][1] = date(2021, 6, 15)
    sheets["Settings"] += [["f0_isolation_days", 10]]
    sheets["Isolation"] = [
        ["status", "effective_from", "days"],
        ["F1", "01/07/2021", 14],  # listed out of order on purpose
        ["F1", "01/01/2021", 21],
    ]
    sheets["Status"] = [
        ["person", "status", "from", "to"],
        ["007", "F1", "20/06/2021", None],  # 21 days: 20/06 .. 10/07
        ["CA002", "F1", "05/07/2021", None],  # 14 days: 05/07 .. 18/07
        ["DQ1", "F0", "01/07/2021", None],  # no F0 rule: the settings' 10 days
        ["Q1", "F1", "01/07/2021", "03/07/2021"],  # an explicit `to` wins
        ["Q1", "leave", "10/07/2021", None],  # others: to the horizon's end
    ]
    statuses = read_workbook(write_book(tmp_path / "iso.xlsx", sheets)).statuses
    assert [s.date_to for s in statuses] == [
        date(2021, 7, 10),
        date(2021, 7, 18),
        date(2021, 7, 10),
        date(2021, 7, 3),
        date(2021, 7, 15),
    ]


def test_five_mistakes_on_five_sheets_reported_together(tmp_path: Path) -> None:
    sheets = base()
    sheets["Settings"][3][1] = 400  # days out of 1..366
    sheets["Shifts"][2][2] = "25:00"  # not a time
    sheets["Areas"].append(["TDP-1", "again", "market"])  # duplicate id
    sheets["People"][1][5] = "TDP-99"  # unknown home area
    sheets["Requirements"][1][2] = "31/02/2021"  # not a number (a date in min_staff)
    path = write_book(tmp_path / "five.xlsx", sheets)
    before, mtime = sha(path), path.stat().st_mtime_ns
    found = {(p.sheet, p.row, p.column) for p in problems_of(path)}
    assert found == {
        ("Settings", 4, "value"),
        ("Shifts", 3, "start"),
        ("Areas", 5, "id"),
        ("People", 2, "home_area"),
        ("Requirements", 2, "min_staff"),
    }
    assert sha(path) == before and path.stat().st_mtime_ns == mtime


def test_problem_names_value_and_expectation(tmp_path: Path) -> None:
    sheets = base()
    sheets["Requirements"].append(["CHOT-1", "S", "lots", None])
    (problem,) = problems_of(write_book(tmp_path / "p.xlsx", sheets))
    assert problem == Problem("Requirements", 4, "min_staff", "lots", WHOLE_NUMBER_EXPECTED, "vi")
    # Said in the workbook's language (Vietnamese: it names none), sheet and column as written.
    assert (
        str(problem) == "Requirements, dòng 4, cột 'min_staff': đang ghi 'lots'; cần một số nguyên"
    )
    assert problem.text("en") == (
        "Requirements, row 4, column 'min_staff': found 'lots'; expected a whole number"
    )


def test_bad_date_problem_message(tmp_path: Path) -> None:
    sheets = base()
    sheets["Requirements"][0].append("from")
    sheets["Requirements"][1].append("31/02/2021")
    (problem,) = problems_of(write_book(tmp_path / "d.xlsx", sheets))
    assert (problem.row, problem.column, problem.value) == (2, "from", "31/02/2021")
    assert problem.expected == DATE_EXPECTED


def test_missing_sheets_and_columns(tmp_path: Path) -> None:
    sheets = base()
    del sheets["Areas"]
    sheets["People"] = [["id", "full name"], ["A", "x"]]
    problems = problems_of(write_book(tmp_path / "m.xlsx", sheets))
    sheet = Phrase("expect.sheet", {"en": "Areas", "vi": "Địa bàn"})
    assert Problem("Areas", None, None, None, sheet, "vi") in problems
    assert ("People", 1, "name") in {(p.sheet, p.row, p.column) for p in problems}
    # references to the missing sheet's ids and the missing column are not reported row by row
    assert not any(p.sheet == "People" and p.row != 1 for p in problems)


def test_blank_required_cells(tmp_path: Path) -> None:
    sheets = base()
    sheets["People"].append(["X", None, None, None, None, None])
    sheets["Requirements"].append([None, "S", 1, None])
    found = {
        (p.sheet, p.row, p.column) for p in problems_of(write_book(tmp_path / "b.xlsx", sheets))
    }
    assert found == {("People", 6, "name"), ("Requirements", 4, "area")}


def test_requirement_checks(tmp_path: Path) -> None:
    sheets = base()
    sheets["Requirements"] = [
        ["area", "shift", "min_staff", "min_police", "max_staff", "skill", "from", "to"],
        ["TDP-1", "X", 1, 0, None, None, None, None],  # unknown shift
        ["TDP-1", "S", 2, 3, None, None, None, None],  # min_police > min_staff
        ["TDP-1", "S", 3, 0, 2, None, None, None],  # max_staff < min_staff
        ["TDP-1", "S", 1, 0, None, "diver", None, None],  # skill nobody has
        ["TDP-1", "S", 5, 0, None, None, None, None],  # more than the 4 people
        ["CHOT-1", "S", 4, 4, None, None, None, None],  # more than the 3 police
        ["TDP-1", "S", 2000, 0, None, None, None, None],  # absurd
        ["TDP-1", "S", -1, 0, None, None, None, None],  # negative
        ["TDP-1", "S", 1, 0, None, None, "10/08/2021", "09/08/2021"],  # to before from
        ["NOWHERE", "S", 1, 0, None, None, None, None],  # unknown area
        ["TDP-1", "S", 1, 0, None, "Lead", "01/07/2021", "05/09/2021"],  # fine: clipped, any case
    ]
    problems = problems_of(write_book(tmp_path / "r.xlsx", sheets))
    found = {(p.row, p.column) for p in problems}
    assert found == {
        (2, "shift"),
        (3, "min_police"),
        (4, "max_staff"),
        (5, "skill"),
        (6, "min_staff"),
        (7, "min_police"),
        (8, "min_staff"),
        (9, "min_staff"),
        (10, "to"),
        (11, "area"),
    }
    skill = next(p for p in problems if p.column == "skill")
    assert skill.expected_text() == "một kỹ năng mà ít nhất một người có"
    assert skill.expected_text("en") == "a skill that at least one person has"


def test_fixed_history_requests_checks(tmp_path: Path) -> None:
    sheets = base()
    sheets["People"][4][:2] = ["Q1", "Phạm Văn D"]
    sheets["People"][0] += ["available_from", "available_to"]
    for row in sheets["People"][1:]:
        row += [None, None]
    sheets["People"][4][6:] = ["10/08/2021", "20/08/2021"]
    sheets["Status"] = [
        ["person", "status", "from", "to"],
        ["007", "F0", "05/08/2021", None],
        ["CA002", "F1", "05/08/2021", None],
    ]
    sheets["Fixed"] = [
        ["person", "date", "shift", "area"],
        ["007", "06/08/2021", "S", "TDP-1"],  # F0 that day
        ["CA002", "06/08/2021", "S", "CHOT-1"],  # F1 onsite
        ["CA002", "07/08/2021", "S", "DP-TX"],  # F1 remote: fine
        ["Q1", "02/08/2021", "S", "TDP-1"],  # before the availability window
        ["DQ1", "02/09/2021", "S", "TDP-1"],  # outside the horizon
        ["DQ1", "03/08/2021", "S", "TDP-1"],
        ["DQ1", "03/08/2021", "C", "TDP-1"],  # two fixed shifts the same day
        ["NOBODY", "03/08/2021", "C", "TDP-1"],  # unknown person
    ]
    sheets["History"] = [
        ["person", "date", "shift"],
        ["007", "31/07/2021", "D"],
        ["007", "01/08/2021", "S"],
    ]
    sheets["Requests"] = [
        ["person", "date", "type"],
        ["007", "01/09/2021", "off"],
        ["007", "02/08/2021", "maybe"],
    ]
    problems = problems_of(write_book(tmp_path / "f.xlsx", sheets))
    found = {(p.sheet, p.row, p.column) for p in problems}
    assert found == {
        ("Fixed", 2, "person"),
        ("Fixed", 3, "person"),
        ("Fixed", 5, "date"),
        ("Fixed", 6, "date"),
        ("Fixed", 8, "date"),
        ("Fixed", 9, "person"),
        ("History", 3, "date"),
        ("Requests", 2, "date"),
        ("Requests", 3, "type"),
    }
    f0 = next(p for p in problems if (p.sheet, p.row) == ("Fixed", 2))
    assert "F0 từ 05/08/2021 đến 28/08/2021" in f0.expected_text()


def test_f1_remote_duty_off_forbids_fixed_remote(tmp_path: Path) -> None:
    sheets = base()
    sheets["Settings"].append(["f1_remote_duty", "no"])
    sheets["Status"] = [["person", "status", "from"], ["CA002", "F1", "05/08/2021"]]
    sheets["Fixed"] = [["person", "date", "shift", "area"], ["CA002", "07/08/2021", "S", "DP-TX"]]
    (problem,) = problems_of(write_book(tmp_path / "f1.xlsx", sheets))
    assert (problem.sheet, problem.row, problem.column) == ("Fixed", 2, "person")


def test_excel_error_cells_are_named(tmp_path: Path) -> None:
    sheets = base()
    sheets["Requirements"][1][2] = "#REF!"
    sheets["People"][2][1] = "#VALUE!"
    problems = problems_of(write_book(tmp_path / "e.xlsx", sheets))
    assert {(p.sheet, p.row, p.column, p.value) for p in problems} == {
        ("Requirements", 2, "min_staff", "#REF!"),
        ("People", 3, "name", "#VALUE!"),
    }
    assert all("không phải lỗi Excel" in p.expected_text() for p in problems)


def test_duplicate_ids_and_settings(tmp_path: Path) -> None:
    sheets = base()
    sheets["Shifts"].append(["S", "again", "06:00", "14:00"])
    sheets["People"].append(["007", "Trùng", None, None, None, None])
    sheets["Settings"].append(["days", 10])
    found = {
        (p.sheet, p.row, p.column) for p in problems_of(write_book(tmp_path / "dup.xlsx", sheets))
    }
    assert found == {("Shifts", 5, "id"), ("People", 6, "id"), ("Settings", 5, "key")}


def test_missing_required_settings(tmp_path: Path) -> None:
    sheets = base()
    del sheets["Settings"][2:]
    problems = problems_of(write_book(tmp_path / "s.xlsx", sheets))
    assert {p.expected_text() for p in problems} == {
        "một dòng 'start_date' hoặc 'ngày bắt đầu'",
        "một dòng 'days' hoặc 'số ngày'",
    }
    assert all((p.sheet, p.column) == ("Settings", "key") for p in problems)


def test_warnings_for_unknown_columns_settings_and_sheets(tmp_path: Path) -> None:
    sheets = base()
    sheets["People"][0].append("nickname")
    sheets["Settings"].append(["colour", "blue"])
    sheets["Notes"] = [["anything"]]
    data, warnings = read_workbook_with_warnings(write_book(tmp_path / "w.xlsx", sheets))
    assert len(data.people) == 4
    assert any("nickname" in w for w in warnings)
    assert any("colour" in w for w in warnings)
    assert any("Notes" in w for w in warnings)


def test_empty_rows_merged_cells_and_trailing_formatting(tmp_path: Path) -> None:
    path = write_book(tmp_path / "layout.xlsx", base())
    wb = load_workbook(path)
    ws = wb["Requirements"]
    ws.delete_rows(2, 2)
    rows = {4: ["TDP-1", "S", 1, 0], 5: [None, "C", 1, 0], 6: [None, "D", 1, 0]}  # row 3 empty
    for number, values in rows.items():
        for column, value in enumerate(values, start=1):
            ws.cell(row=number, column=column, value=value)
    ws.merge_cells("A4:A6")  # one area written once for three shifts
    for row in range(8, 5000):  # formatted but empty rows after the table
        ws.cell(row=row, column=1).font = Font(bold=True)
    wb.save(path)
    data = read_workbook(path)
    assert [(r.row, r.area, r.shift) for r in data.requirements] == [
        (4, "TDP-1", "S"),
        (5, "TDP-1", "C"),
        (6, "TDP-1", "D"),
    ]


def test_dates_as_serial_numbers_and_hidden_sheets(tmp_path: Path) -> None:
    sheets = base()
    sheets["Settings"][2][1] = 44409  # 2021-08-01 typed into a General cell
    path = write_book(tmp_path / "serial.xlsx", sheets)
    wb = load_workbook(path)
    wb["Areas"].sheet_state = "hidden"
    wb.save(path)
    data = read_workbook(path)
    assert data.settings.start_date == date(2021, 8, 1) and len(data.areas) == 3


def _bad_file(tmp_path: Path, kind: str) -> Path:
    good = write_book(tmp_path / "good.xlsx", base())
    if kind == "text":
        path = tmp_path / "notes.xlsx"
        path.write_text("hello, I am not a workbook")
    elif kind == "csv":
        path = tmp_path / "roster.csv"
        path.write_text("key,value\nunit,X\n")
    elif kind == "xls":
        path = tmp_path / "old.xls"
        path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504)
    elif kind == "encrypted":  # Excel stores password-protected xlsx as an OLE container
        path = tmp_path / "locked.xlsx"
        path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 2000)
    elif kind == "truncated":
        path = tmp_path / "broken.xlsx"
        path.write_bytes(good.read_bytes()[:3000])
    elif kind == "bomb":
        path = tmp_path / "bomb.xlsx"
        lol = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        cell = '<c r="A1" t="inlineStr"><is><t>&b;</t></is></c>'
        body = f'<worksheet><sheetData><row r="1">{cell}</row></sheetData></worksheet>'
        bomb = f'<?xml version="1.0"?>{lol}{body}'
        with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
            for item in src.infolist():
                content = src.read(item.filename)
                if item.filename.startswith("xl/worksheets/sheet"):
                    content = bomb.encode()
                dst.writestr(item, content)
    else:
        path = tmp_path / "missing.xlsx"
    return path


@pytest.mark.parametrize(
    "kind", ["text", "csv", "xls", "encrypted", "truncated", "bomb", "missing"]
)
def test_not_an_xlsx(tmp_path: Path, kind: str) -> None:
    path = _bad_file(tmp_path, kind)
    before = sha(path) if path.exists() else None
    (problem,) = problems_of(path)
    assert (problem.sheet, problem.row, problem.column, problem.value) == (
        "",
        None,
        None,
        path.name,
    )
    assert "Excel .xlsx workbook" in problem.expected_text()  # no language known: both
    assert "tệp Excel .xlsx" in problem.expected_text()
    assert (sha(path) if path.exists() else None) == before


def test_reads_the_bundled_example() -> None:
    """The example ships with the repository: read it, and find what make_example.py builds."""
    data, warnings = read_workbook_with_warnings(EXAMPLE)
    assert data == load_script("inputs/make_example.py").build_example()
    assert warnings == []
