"""A blank input workbook for a ward to fill in: ``roster template``.

Every sheet of the contract with its headers (in Vietnamese or English), explanations as
comments on the headers and in a separate guide sheet (never as rows, which the reader would
take for data), drop-downs for the columns with a fixed set of values, and a Settings sheet
already holding every default, so the commander only types the unit, start date and days.
"""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from roster.data import Settings
from roster.io.schema import GUIDE_SHEET, REQUIRED_COLUMNS
from roster.io.vocabulary import (
    KIND_WORDS,
    MODE_WORDS,
    ORIGIN_WORDS,
    PRODUCT_WORDS,
    REQUEST_WORDS,
    ROLE_WORDS,
    SETTINGS_ALIASES,
    STATUS_WORDS,
)
from roster.io.xlsx import DATE_FORMAT, save_atomic
from roster.labels import INPUT_COLUMNS, INPUT_SHEETS

AUTHOR = "roster"
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", start_color="DDEBF7")
TIME_FORMAT = "HH:MM"
TEXT_FORMAT = "@"  # ids typed as 007 stay 007

# Settings rows the template fills in: the contract's keys plus the superior unit's name.
TEMPLATE_SETTINGS = (
    "unit",
    "start_date",
    "days",
    "language",
    "commander",
    "parent_unit",
    "min_rest_hours",
    "max_consecutive_days",
    "max_shifts_per_week",
    "max_nights_per_week",
    "f0_isolation_days",
    "f1_quarantine_days",
    "f1_remote_duty",
    "time_limit_s",
)

SETTING_HELP: dict[str, tuple[str, str]] = {
    "unit": ("Required: the unit's name.", "Bắt buộc: tên đơn vị."),
    "start_date": (
        "Required: first day, e.g. 09/08/2021.",
        "Bắt buộc: ngày đầu, ví dụ 09/08/2021.",
    ),
    "days": ("Required: number of days, 1 to 366.", "Bắt buộc: số ngày, từ 1 đến 366."),
    "language": ("vi or en, for the outputs.", "vi hoặc en, ngôn ngữ của kết quả."),
    "commander": ("Name on the approval line.", "Tên người duyệt lịch trực."),
    "parent_unit": ("Superior unit, for reinforcement requests.", "Đơn vị cấp trên."),
    "min_rest_hours": (
        "Least rest between shifts (Labour Code 2019, art. 110).",
        "Số giờ nghỉ tối thiểu giữa hai ca (Bộ luật Lao động 2019, Điều 110).",
    ),
    "f0_isolation_days": ("Days off for F0 when Status has no 'to'.", "Số ngày nghỉ của F0."),
    "f1_quarantine_days": ("Days off-site for F1 when Status has no 'to'.", "Số ngày cách ly F1."),
    "f1_remote_duty": ("May F1 take remote duty?", "F1 có được trực từ xa không?"),
    "time_limit_s": ("Solver time limit, seconds.", "Thời gian giải tối đa (giây)."),
}

# One line per column, shown as a comment on its header: (English, Vietnamese).
COLUMN_HELP: dict[tuple[str, str], tuple[str, str]] = {
    ("shifts", "id"): ("Short id, e.g. S, C, D.", "Mã ca, ví dụ S, C, D."),
    ("shifts", "start"): ("Start time, e.g. 06:00.", "Giờ bắt đầu, ví dụ 06:00."),
    ("shifts", "end"): (
        "End time; at or before the start means it ends next day.",
        "Giờ kết thúc; sớm hơn giờ bắt đầu là sang ngày hôm sau.",
    ),
    ("shifts", "night"): (
        "yes/no; blank: yes if the shift covers 22:00-06:00.",
        "có/không; để trống: có nếu ca trùng 22:00-06:00.",
    ),
    ("areas", "id"): ("Short id, e.g. TDP-12, CHOT-3.", "Mã địa bàn, ví dụ TDP-12, CHOT-3."),
    ("areas", "kind"): (
        "residential, checkpoint, lockdown, market, office, remote or other text.",
        "Loại địa bàn; 'từ xa' là trực điều phối tại nhà.",
    ),
    ("people", "id"): ("Unique id, kept as text (007 stays 007).", "Mã cán bộ, không trùng."),
    ("people", "role"): ("Blank: police.", "Để trống: công an."),
    ("people", "origin"): (
        "own, district or city (reinforcements). Blank: own.",
        "đơn vị, quận/huyện hoặc thành phố (tăng cường). Để trống: đơn vị.",
    ),
    ("people", "available_from"): (
        "First day the person can be rostered; blank: from the start.",
        "Ngày bắt đầu có thể phân công; để trống: từ đầu.",
    ),
    ("people", "available_to"): (
        "Last day the person can be rostered; blank: to the end.",
        "Ngày cuối có thể phân công; để trống: đến hết.",
    ),
    ("people", "home_area"): ("Area id the person looks after.", "Mã địa bàn phụ trách."),
    ("people", "skills"): ("Comma separated, e.g. lead, driver.", "Cách nhau bởi dấu phẩy."),
    ("people", "max_shifts_per_week"): ("Overrides the setting.", "Thay cho thiết lập chung."),
    ("requirements", "area"): ("Area id.", "Mã địa bàn."),
    ("requirements", "shift"): ("Shift id; blank: every shift.", "Mã ca; để trống: mọi ca."),
    ("requirements", "from"): ("Blank: from the start.", "Để trống: từ đầu."),
    ("requirements", "to"): ("Blank: to the end.", "Để trống: đến hết."),
    ("requirements", "weekdays"): (
        "e.g. Mon,Tue; blank: every day.",
        "Ví dụ T2,T3,CN; trống: mọi ngày.",
    ),
    ("requirements", "min_staff"): ("Least people present.", "Số người tối thiểu."),
    ("requirements", "min_police"): ("Least police among them.", "Số công an tối thiểu."),
    ("requirements", "skill"): ("One of them must have it.", "Ít nhất một người có kỹ năng này."),
    ("requirements", "max_staff"): (
        "Most people; blank: no limit.",
        "Tối đa; trống: không giới hạn.",
    ),
    ("requirements", "mode"): (
        "onsite or remote; blank: remote for remote areas.",
        "tại chỗ hoặc từ xa; trống: từ xa với địa bàn từ xa.",
    ),
    ("status", "status"): (
        "F0, F1, leave, sick, training, unavailable.",
        "F0, F1, nghỉ phép, ốm, tập huấn, vắng.",
    ),
    ("status", "to"): (
        "Last day; blank: F0/F1 from the isolation rules, others to the end.",
        "Ngày cuối; trống: F0/F1 theo quy định cách ly, khác: đến hết.",
    ),
    ("isolation", "effective_from"): ("Date the rule applies from.", "Ngày bắt đầu áp dụng."),
    ("isolation", "days"): ("Days of isolation.", "Số ngày cách ly."),
    ("requests", "shift"): ("Blank: the whole day.", "Trống: cả ngày."),
    ("requests", "type"): ("off or on.", "nghỉ hoặc trực."),
    ("requests", "weight"): ("Blank: 1.", "Trống: 1."),
    ("fixed", "person"): ("Assignments that must stay.", "Phân công giữ nguyên."),
    ("history", "date"): ("Days just before the start.", "Những ngày ngay trước ngày bắt đầu."),
    ("donations", "product"): (
        "whole_blood, platelets or plasma.",
        "máu toàn phần, tiểu cầu hoặc huyết tương.",
    ),
}

DATE_COLUMNS = frozenset(
    {"available_from", "available_to", "birth_date", "from", "to", "effective_from", "date"}
)
TIME_COLUMNS = frozenset({"start", "end"})
TEXT_COLUMNS = frozenset({"id", "person", "area", "shift", "home_area", "phone"})

# Columns with a drop-down: (sheet, column) -> (choices, whether other text is fine).
YES_NO: dict[str, tuple[str, ...]] = {"yes": ("có",), "no": ("không",)}
CHOICES: dict[tuple[str, str], tuple[dict[str, tuple[str, ...]], bool]] = {
    ("shifts", "night"): (YES_NO, False),
    ("people", "role"): (ROLE_WORDS, False),
    ("people", "origin"): (ORIGIN_WORDS, False),
    ("status", "status"): (STATUS_WORDS, False),
    ("isolation", "status"): ({"F0": ("F0",), "F1": ("F1",)}, False),
    ("areas", "kind"): (KIND_WORDS, True),
    ("requirements", "mode"): (MODE_WORDS, False),
    ("requests", "type"): (REQUEST_WORDS, False),
    ("donations", "product"): (PRODUCT_WORDS, False),
}

GUIDE: dict[str, tuple[str, ...]] = {
    "en": (
        "How to fill in this workbook",
        "Row 1 of each sheet is the header: do not rename or remove columns."
        " Hover a header for help.",
        "Dates: 12/08/2021 (day first) or 2021-08-12. Times: 06:00. Yes/no: yes, no, x or blank.",
        "Ids are text: 007 stays 007. Lists (skills, weekdays) are comma separated.",
        "Required sheets: Settings, Shifts, Areas, People, Requirements."
        " The others may stay empty.",
        "Settings: fill in unit, start_date and days; every other row already holds its default.",
        "Other settings keys that may be added to Settings:",
    ),
    "vi": (
        "Cách điền sổ này",
        "Dòng 1 của mỗi trang là tiêu đề: không đổi tên, không xóa cột."
        " Di chuột lên tiêu đề để xem hướng dẫn.",
        "Ngày: 12/08/2021 (ngày trước) hoặc 2021-08-12. Giờ: 06:00."
        " Có/không: có, không, x hoặc để trống.",
        "Mã là chữ: 007 vẫn là 007. Danh sách (kỹ năng, thứ) cách nhau bởi dấu phẩy.",
        "Trang bắt buộc: Thiết lập, Ca trực, Địa bàn, Cán bộ, Yêu cầu."
        " Các trang khác có thể để trống.",
        "Thiết lập: điền đơn vị, ngày bắt đầu, số ngày; các dòng khác đã có giá trị mặc định.",
        "Các khóa thiết lập khác có thể thêm vào trang Thiết lập:",
    ),
}


def _display(value: object, vi: bool) -> object:
    """A default as the user would type it: ``có``/``yes``, ``district, city``."""
    if isinstance(value, bool):
        return ("có" if value else "không") if vi else ("yes" if value else "no")
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return value


def _choice_words(words: dict[str, tuple[str, ...]], vi: bool) -> list[str]:
    return [aliases[0] if vi else canonical for canonical, aliases in words.items()]


def _list_formula(words: list[str]) -> str:
    return '"' + ",".join(words) + '"'


def _header(ws: Worksheet, names: list[str], notes: list[str | None], widths: list[int]) -> None:
    ws.append(names)
    for index, (note, width) in enumerate(zip(notes, widths, strict=True), start=1):
        cell = ws.cell(row=1, column=index)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        if note:
            cell.comment = Comment(note, AUTHOR, width=260, height=90)
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"


def _drop_down(ws: Worksheet, column: int, words: list[str], free: bool, vi: bool) -> None:
    letter = get_column_letter(column)
    check = DataValidation(
        type="list",
        formula1=_list_formula(words),
        allow_blank=True,
        showErrorMessage=not free,
        errorStyle="warning",
        error="Giá trị không có trong danh sách." if vi else "Not one of the listed values.",
    )
    check.add(f"{letter}2:{letter}1048576")
    ws.add_data_validation(check)


def _settings_sheet(ws: Worksheet, language: str) -> None:
    vi = language == "vi"
    names = [INPUT_COLUMNS["settings"][c][vi] for c in ("key", "value")]
    _header(ws, names, [None, None], [40, 36])
    fields = Settings.model_fields
    for name in TEMPLATE_SETTINGS:
        key = SETTINGS_ALIASES.get(name, (name,))[0] if vi else name
        default = None if fields[name].is_required() else fields[name].default
        if name == "language":
            default = language
        ws.append([key, _display(default, vi)])
        row = ws.max_row
        if name in SETTING_HELP:
            ws.cell(row=row, column=1).comment = Comment(SETTING_HELP[name][vi], AUTHOR)
        if name == "start_date":
            ws.cell(row=row, column=2).number_format = DATE_FORMAT
        if name == "f1_remote_duty":
            check = DataValidation(type="list", formula1=_list_formula(_choice_words(YES_NO, vi)))
            check.add(f"B{row}")
            ws.add_data_validation(check)


def _table_sheet(ws: Worksheet, key: str, vi: bool) -> None:
    columns = INPUT_COLUMNS[key]
    names, notes, widths = [], [], []
    for column, pair in columns.items():
        name = pair[vi]
        names.append(name)
        note = COLUMN_HELP.get((key, column), ("", ""))[vi]
        if column in REQUIRED_COLUMNS[key]:
            note = f"{'Bắt buộc' if vi else 'Required'}. {note}".strip()
        notes.append(note or None)
        widths.append(max(12, len(name) + 4))
    _header(ws, names, notes, widths)
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        if column in DATE_COLUMNS:
            ws.column_dimensions[letter].number_format = DATE_FORMAT
        elif column in TIME_COLUMNS:
            ws.column_dimensions[letter].number_format = TIME_FORMAT
        elif column in TEXT_COLUMNS:
            ws.column_dimensions[letter].number_format = TEXT_FORMAT
        if (key, column) in CHOICES:
            words, free = CHOICES[key, column]
            _drop_down(ws, index, _choice_words(words, vi), free, vi)


def _guide_sheet(ws: Worksheet, language: str) -> None:
    vi = language == "vi"
    lines = GUIDE[language]
    ws.append([lines[0]])
    ws["A1"].font = Font(bold=True, size=14)
    for line in lines[1:]:
        ws.append([line])
    fields = Settings.model_fields
    for name, info in fields.items():
        if name in TEMPLATE_SETTINGS:
            continue
        key = SETTINGS_ALIASES.get(name, (name,))[0] if vi else name
        ws.append([f"  {key}", _display(info.default, vi)])
    ws.column_dimensions["A"].width = 110


def write_template(path: str | os.PathLike[str], language: str = "vi") -> Path:
    """Write a blank input workbook to ``path`` (replaced atomically) and return the path.

    The file is written to a temporary name in the same folder and moved into place, so
    an interrupted run never leaves half a workbook where the old one was.
    """
    if language not in ("vi", "en"):
        raise ValueError("language must be 'vi' or 'en'")
    vi = language == "vi"
    target = Path(path)
    wb = Workbook()
    settings = wb.active
    settings.title = INPUT_SHEETS["settings"][vi]
    _settings_sheet(settings, language)
    for key, names in INPUT_SHEETS.items():
        if key != "settings":
            _table_sheet(wb.create_sheet(names[vi]), key, vi)
    _guide_sheet(wb.create_sheet(GUIDE_SHEET[vi]), language)
    wb.properties.creator = AUTHOR
    return save_atomic(wb, target, make_folder=False)
