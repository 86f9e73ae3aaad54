"""Duty sheets: names exactly as written on the right day's page, pages that print, a short
daily message, a print-ready workbook, the coverage map, and warnings for hand edits."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pymupdf
import pytest
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader

from roster import solve
from roster.data import (
    Area,
    Assignment,
    Mode,
    Origin,
    Person,
    ProblemData,
    Requirement,
    Role,
    StatusKind,
    StatusPeriod,
)
from roster.reports.message import day_message
from roster.reports.text import Text
from roster.reports.view import day_views
from roster.rules import Rule
from roster.sheets import (
    CARDS_PDF,
    COVERAGE_PNG,
    DUTY_PDF,
    DUTY_XLSX,
    days_between,
    edit_warnings,
    parse_formats,
    write_sheets,
)
from roster.text import rule_label
from roster.verify import check
from tests.builders import SHIFTS, START, example_days, problem

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
GIVEN = ("Thị Ánh Tuyết", "Hữu Phước", "Văn Đức", "Thị Hồng Nhung", "Quốc Bảo", "Ngọc Ẩn")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def ward(language: str = "vi", days: int = 3) -> tuple[ProblemData, list[Assignment]]:
    """12 areas x 3 shifts, one person each (the same post every day), a remote coordinator,
    a district reinforcement on day 2 only, and people off duty with F0, F1 and leave."""
    areas = tuple(Area(id=f"TDP-{i}", name=f"Tổ dân phố {i}") for i in range(1, 13))
    areas += (Area(id="DP-TX", name="Điều phối từ xa", kind="remote"),)
    people = [
        Person(
            id=f"CA{k:03d}",
            name=f"{FAMILY[k % 12]} {GIVEN[k // 12 * 2 + k % 2]}",  # 36 distinct names
            rank="Trung úy" if k % 2 else "Thượng úy",
            role=Role.POLICE if k % 3 else Role.MILITIA,
            phone=f"09{k:08d}",
        )
        for k in range(36)
    ]
    people += [
        Person(id="TX1", name="Lương Thị Yến", phone="0912345678"),
        Person(id="TC1", name="Trịnh Công Sơn", rank="Đại úy", origin=Origin.DISTRICT),
        Person(id="F0", name="Phùng Thế Tài"),
        Person(id="F1", name="Quách Thị Ngọc"),
        Person(id="PH", name="Lã Văn Cầu"),
    ]
    statuses = (
        StatusPeriod(
            person="F0",
            status=StatusKind.F0,
            date_from=START,
            date_to=START + timedelta(23),
            note="Điều trị tại BV dã chiến",
        ),
        StatusPeriod(
            person="F1", status=StatusKind.F1, date_from=START, date_to=START + timedelta(13)
        ),
        StatusPeriod(
            person="PH", status=StatusKind.LEAVE, date_from=START, date_to=START + timedelta(1)
        ),
    )
    data = problem(
        people,
        [
            *(Requirement(area=a.id, min_staff=1) for a in areas[:12]),
            Requirement(area="DP-TX", shift="S", min_staff=1, mode=Mode.REMOTE),
        ],
        days,
        areas=areas,
        statuses=statuses,
        unit="Công an phường Hòa Thuận Đông",
        parent_unit="Công an quận Hải Châu",
        commander="Thiếu tá Nguyễn Văn Hùng",
        language=language,
    )
    assignments = []
    for d in range(days):
        day = START + timedelta(d)
        for k in range(36):
            area, shift = areas[k // 3], SHIFTS[k % 3]
            assignments.append(
                Assignment(date=day, shift=shift.id, area=area.id, person=f"CA{k:03d}")
            )
        assignments.append(
            Assignment(date=day, shift="S", area="DP-TX", person="TX1", mode=Mode.REMOTE)
        )
    assignments.append(Assignment(date=START + timedelta(1), shift="C", area="TDP-5", person="TC1"))
    return data, assignments


@pytest.fixture(scope="module")
def example() -> tuple[ProblemData, list[Assignment]]:
    """The bundled example, three days of it (09–11/08/2021: F0 cases start on the 11th)."""
    data = example_days(3)
    result = solve(data, time_limit=5)
    return data, list(result.assignments)


@pytest.fixture(scope="module")
def example_sheets(example, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("example-sheets")
    write_sheets(*example, folder)
    return folder


def pages_by_day(pdf: Path, days: list[date]) -> dict[date, str]:
    """The text of each day's pages: a page belongs to the day its title names."""
    t = Text("vi")
    text: dict[date, str] = {d: "" for d in days}
    for page in PdfReader(pdf).pages:
        page_text = nfc(page.extract_text())
        owners = [d for d in days if t.long_date(d) in page_text]
        assert len(owners) == 1, page_text[:300]
        text[owners[0]] += page_text
    return text


def test_example_pdf_names_every_assigned_person_on_the_right_day(example, example_sheets):
    data, assignments = example
    assert assignments
    text = pages_by_day(example_sheets / DUTY_PDF, list(data.dates))
    for a in assignments:
        name = nfc(data.person_by_id[a.person].name)
        assert name in text[a.date], f"{name} missing on {a.date}"
    assert "Thứ Hai, 09/08/2021" in text[date(2021, 8, 9)]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text[date(2021, 8, 9)]
    assert "Độc lập - Tự do - Hạnh phúc" in text[date(2021, 8, 9)]
    assert "CÔNG AN QUẬN HẢI CHÂU" in text[date(2021, 8, 9)]
    assert data.settings.commander in text[date(2021, 8, 11)]
    off = {s.person for s in data.statuses if s.covers(date(2021, 8, 11))}
    flowing = " ".join(text[date(2021, 8, 11)].split())  # the off-duty list wraps like prose
    for pid in off:
        assert nfc(data.person_by_id[pid].name) in flowing


def test_example_pdf_page_renders_and_is_not_blank(example_sheets):
    with pymupdf.open(example_sheets / DUTY_PDF) as doc:
        assert doc.page_count >= 3
        fonts = [f[3] for f in doc.get_page_fonts(0)]  # embedded subsets: "MPDFAA+DejaVuSans"
        assert len(fonts) >= 2 and all("DejaVuSans" in f for f in fonts), fonts
        pix = doc[0].get_pixmap(dpi=50, colorspace=pymupdf.csGRAY)
    dark = sum(v < 128 for v in pix.samples) / len(pix.samples)
    assert 0.01 < dark < 0.5  # ink on the page, and not a black page either


def test_cards_one_page_per_person_on_duty(example, example_sheets):
    data, assignments = example
    on_duty = {a.person for a in assignments}
    pages = [nfc(p.extract_text()) for p in PdfReader(example_sheets / CARDS_PDF).pages]
    assert len(pages) == len(on_duty)
    for pid in on_duty:
        person = data.person_by_id[pid]
        heading = nfc(f"{person.rank} {person.name}".strip())
        [page] = [p for p in pages if heading in p.split("\n") and person.phone in p]
        assert "PHIẾU TRỰC CÁ NHÂN" in page
        shifts = sum(a.person == pid for a in assignments)
        assert f"Tổng: {shifts} ca" in page


def test_reinforcement_is_marked_with_its_unit_and_remote_coordinators_listed(tmp_path):
    data, assignments = ward()
    write_sheets(data, assignments, tmp_path, formats=("pdf",))
    text = pages_by_day(tmp_path / DUTY_PDF, list(data.dates))
    day2 = text[START + timedelta(1)]
    assert "Trịnh Công Sơn" in day2 and "Trịnh Công Sơn" not in text[START]
    assert "Tăng cường: Công an quận Hải Châu" in day2.replace("\n", " ")
    assert "TRỰC ĐIỀU PHỐI TỪ XA" in day2 and "Lương Thị Yến" in day2
    assert "F0 (điều trị)" in day2 and "Phùng Thế Tài" in day2
    assert "Nghỉ phép" in day2 and "Lã Văn Cầu" in day2
    assert "Lã Văn Cầu" not in text[START + timedelta(2)]  # leave ended


def test_gap_printed_in_red_words(tmp_path):
    data, assignments = ward(days=1)
    kept = [a for a in assignments if not (a.area == "TDP-3" and a.shift == "C")]
    write_sheets(data, kept, tmp_path, formats=("pdf", "txt"))
    text = nfc(PdfReader(tmp_path / DUTY_PDF).pages[0].extract_text())
    assert "THIẾU 1 người" in text
    message = (tmp_path / "message-2021-08-09.txt").read_text(encoding="utf-8")
    assert "Còn thiếu: TDP-3 C THIẾU 1 người" in message


def test_daily_message_for_12_areas_x_3_shifts_fits_one_phone_message():
    data, assignments = ward(days=1)
    [view] = day_views(data, assignments, check(data, assignments).gaps, data.dates)
    message = day_message(data, view)
    assert len(message) < 2000, len(message)  # 1,408 characters for this day
    assert message.startswith("LỊCH TRỰC Thứ Hai, 09/08/2021\n")
    for a in assignments:
        if a.date == START:
            p = data.person_by_id[a.person]
            assert f"{p.name} {p.phone}" in message
    assert "Trực từ xa: S Lương Thị Yến 0912345678" in message
    assert "Vắng: F0 1, F1 1, Nghỉ phép 1" in message
    assert max(len(line) for line in message.splitlines()) < 80  # one area per line


def test_example_messages_are_utf8_and_short(example, example_sheets):
    data, _ = example
    files = sorted(example_sheets.glob("message-*.txt"))
    assert [f.name for f in files] == [f"message-{d:%Y-%m-%d}.txt" for d in data.dates]
    for f in files:
        assert len(f.read_text(encoding="utf-8")) < 2000


def test_print_ready_workbook(example, example_sheets):
    data, assignments = example
    wb = load_workbook(example_sheets / DUTY_XLSX)
    assert wb.sheetnames == ["T2 09-08-2021", "T3 10-08-2021", "T4 11-08-2021"]
    ws = wb["T2 09-08-2021"]
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.orientation == "portrait"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$8:$8"
    assert ws.print_area.startswith("'T2 09-08-2021'!$A$1:$H$")
    values = {str(c.value) for row in ws.iter_rows() for c in row if c.value is not None}
    assert "LỊCH TRỰC" in values and "Thứ Hai, 09/08/2021" in values
    for a in assignments:
        if a.date == START:
            assert data.person_by_id[a.person].name in values


def test_coverage_png_shows_gaps_in_red(tmp_path):
    data, assignments = ward(days=3)
    kept = [a for a in assignments if not (a.area == "TDP-1" and a.date == START)]
    [path] = write_sheets(data, kept, tmp_path, formats=("png",))
    assert path == tmp_path / COVERAGE_PNG
    image = Image.open(path).convert("RGB")
    colours = {image.getpixel((x, y)) for x in range(image.width) for y in range(image.height)}
    assert (0xE0, 0x47, 0x4C) in colours  # red: TDP-1 short on the first day
    assert (0x63, 0xBE, 0x7B) in colours  # green: covered
    assert (0xFF, 0xC0, 0x00) in colours  # amber: TDP-5 on day 2 has a reinforcement


def test_english_labels(tmp_path):
    data, assignments = ward(language="en", days=1)
    write_sheets(data, assignments, tmp_path, formats=("pdf", "txt", "xlsx"))
    text = nfc(PdfReader(tmp_path / DUTY_PDF).pages[0].extract_text())
    assert "DUTY ROSTER" in text and "Monday, 9 Aug 2021" in text
    assert "SOCIALIST REPUBLIC OF VIET NAM" in text and "LỊCH TRỰC" not in text
    assert "Nguyễn Thị Ánh Tuyết" in text
    message = (tmp_path / "message-2021-08-09.txt").read_text(encoding="utf-8")
    assert message.startswith("DUTY ROSTER Monday, 9 Aug 2021")
    assert load_workbook(tmp_path / DUTY_XLSX).sheetnames == ["2021-08-09 Mon"]


def test_date_range_and_formats(tmp_path):
    data, assignments = ward(days=5)
    paths = write_sheets(
        data,
        assignments,
        tmp_path,
        formats=("txt",),
        date_from=date(2021, 8, 10),
        date_to=date(2021, 8, 11),
    )
    assert [p.name for p in paths] == ["message-2021-08-10.txt", "message-2021-08-11.txt"]
    assert days_between(data, None, None) == list(data.dates)
    with pytest.raises(ValueError, match="after"):
        days_between(data, date(2021, 8, 12), date(2021, 8, 10))
    with pytest.raises(ValueError, match="outside"):
        days_between(data, date(2022, 1, 1), None)
    assert parse_formats("PDF, txt,pdf") == ("pdf", "txt")
    with pytest.raises(ValueError, match="doc"):
        parse_formats("pdf,doc")


def test_hand_edit_breaking_rest_is_warned_with_person_dates_rule():
    data, assignments = ward(days=2)
    # CA001 works C (14–22) every day; move day 2 to S (06:00): 8 h of rest, 12 needed.
    moved = (START + timedelta(1), "CA001")
    edited = [
        a.model_copy(update={"shift": "S"}) if (a.date, a.person) == moved else a
        for a in assignments
    ]
    assert edit_warnings(data, assignments) == []
    warnings = edit_warnings(data, edited)
    [rest] = [w for w in warnings if w.startswith(f"[{rule_label(Rule.MIN_REST, 'vi')}]")]
    name = data.person_by_id["CA001"].name
    assert name in rest and "09/08/2021" in rest and "10/08/2021" in rest
    assert any(w.startswith("[thiếu người] 10/08/2021 ca C địa bàn TDP-1") for w in warnings)
