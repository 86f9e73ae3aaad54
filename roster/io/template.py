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
from roster.io.schema import REQUIRED_COLUMNS
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
from roster.text import say, section
from roster.text.contract import GUIDE_SHEET, INPUT_COLUMNS, INPUT_SHEETS

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

DATE_COLUMNS = frozenset(
    {"available_from", "available_to", "birth_date", "from", "to", "effective_from", "date"}
)
TIME_COLUMNS = frozenset({"start", "end"})
TEXT_COLUMNS = frozenset({"id", "person", "area", "shift", "home_area", "phone"})

# Columns with a drop-down: (sheet, column) -> (choices, whether other text is fine).
YES_NO: dict[str, tuple[str, ...]] = {
    "yes": (say("word.yes", "vi"),),
    "no": (say("word.no", "vi"),),
}
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


def _display(value: object, vi: bool) -> object:
    """A default as the user would type it: ``có``/``yes``, ``district, city``."""
    if isinstance(value, bool):
        return say("word.yes" if value else "word.no", "vi" if vi else "en")
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
        error=say("template.not_listed", "vi" if vi else "en"),
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
        note = section("template", language).get(f"setting.{name}")
        if note:
            ws.cell(row=row, column=1).comment = Comment(note, AUTHOR)
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
        language = "vi" if vi else "en"
        note = section("template", language).get(f"column.{key}.{column}", "")
        if column in REQUIRED_COLUMNS[key]:
            note = f"{say('template.required', language)}. {note}".strip()
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
    lines = say("template.guide", language).splitlines()
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
