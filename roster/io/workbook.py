"""Read the input workbook (docs: shared/spec/workbook.md) into a validated ``ProblemData``.

Every mistake in the workbook is collected first and raised together as one ``InputError``,
each ``Problem`` naming the sheet, Excel row, column header, the value found and what was
expected, so a commander fixes the file in one pass rather than one error per run.

The workbook is read from an in-memory copy of its bytes (the file on disk is never written
or locked): openpyxl's read-only mode opens it and indexes its parts, and each sheet is then
streamed by a small expat parser, so a sheet of 100,000 rows reads in seconds.  A merged
range's value is copied into every cell of the range, which is what a merged cell looks
like to the person who typed it.
"""

from __future__ import annotations

import os
import warnings
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.parsers import expat

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601
from pydantic import BaseModel, ValidationError

from roster.data import (
    Area,
    Donation,
    FixedAssignment,
    HistoryShift,
    IsolationRule,
    Person,
    ProblemData,
    Requirement,
    Settings,
    Shift,
    ShiftRequest,
    StatusKind,
    StatusPeriod,
)
from roster.donors import parse_blood_group
from roster.errors import InputError, Problem
from roster.io.dates import (
    fold,
    parse_bool,
    parse_choice,
    parse_date,
    parse_id,
    parse_int,
    parse_items,
    parse_list,
    parse_number,
    parse_time,
    parse_weekdays,
)
from roster.text import Phrase, render
from roster.text.contract import GUIDE_SHEET, INPUT_COLUMNS, INPUT_SHEETS, OUTPUT_SHEETS, normalise

NOT_XLSX = "an Excel .xlsx workbook (not .xls, .csv, a password-protected or damaged file)"
# Declared uncompressed size of all parts together: a real roster workbook of thousands of
# people is a few megabytes; far beyond this is a zip bomb, refused before anything is parsed.
MAX_UNCOMPRESSED = 256 * 1024 * 1024
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # Office 97-2003 files and encrypted xlsx
ZIP_MAGIC = b"PK\x03\x04"

REQUIRED_SHEETS = ("settings", "shifts", "areas", "people", "requirements")
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "settings": ("key", "value"),
    "shifts": ("id", "start", "end"),
    "areas": ("id",),
    "people": ("id", "name"),
    "requirements": ("area", "min_staff"),
    "status": ("person", "status", "from"),
    "isolation": ("status", "effective_from", "days"),
    "requests": ("person", "date", "type"),
    "fixed": ("person", "date", "shift", "area"),
    "history": ("person", "date", "shift"),
    "donations": ("person", "date", "product"),
}

# Words accepted for each canonical value, besides the value itself (matched without case
# or accents).  The first word is the Vietnamese one the template offers in its drop-downs.
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "police": ("công an", "công an nhân dân", "CA"),
    "militia": ("dân quân", "dân quân tự vệ", "DQTV"),
    "civil_defence": ("dân phòng", "phòng thủ dân sự", "bảo vệ dân phố", "civil defense"),
    "volunteer": ("tình nguyện viên", "tình nguyện", "TNV"),
}
ORIGIN_WORDS: dict[str, tuple[str, ...]] = {
    "own": ("đơn vị", "tại chỗ", "tại đơn vị", "phường"),
    "district": ("quận/huyện", "quận", "huyện", "cấp quận"),
    "city": ("thành phố", "tỉnh", "tỉnh/thành phố", "TP"),
}
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "F0": ("F0", "dương tính"),
    "F1": ("F1", "tiếp xúc gần"),
    "leave": ("nghỉ phép", "phép", "nghỉ"),
    "sick": ("ốm", "nghỉ ốm", "bệnh", "ốm đau"),
    "training": ("tập huấn", "học", "đi học"),
    "unavailable": ("vắng", "bận", "không có mặt", "đi công tác"),
}
MODE_WORDS: dict[str, tuple[str, ...]] = {
    "onsite": ("tại chỗ", "trực tiếp", "on-site", "on site"),
    "remote": ("từ xa", "trực tuyến", "online"),
}
REQUEST_WORDS: dict[str, tuple[str, ...]] = {
    "off": ("nghỉ", "xin nghỉ", "không trực"),
    "on": ("trực", "làm", "xin trực", "đi làm"),
}
PRODUCT_WORDS: dict[str, tuple[str, ...]] = {
    "whole_blood": ("máu toàn phần", "toàn phần", "whole blood"),
    "platelets": ("tiểu cầu",),
    "plasma": ("huyết tương",),
}
# Area kinds are free text; these words mean the contract's kinds (``remote`` matters).
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "residential": ("tổ dân phố", "khu dân cư", "dân cư"),
    "checkpoint": ("chốt", "chốt kiểm soát"),
    "lockdown": ("phong tỏa", "khu phong tỏa"),
    "market": ("chợ",),
    "office": ("trụ sở", "văn phòng"),
    "remote": ("từ xa", "trực tuyến"),
}
LANGUAGE_WORDS: dict[str, tuple[str, ...]] = {
    "vi": ("tiếng Việt", "Vietnamese"),
    "en": ("tiếng Anh", "English"),
}

# Vietnamese names of the settings keys; every ``Settings`` field name is accepted as well.
SETTINGS_ALIASES: dict[str, tuple[str, ...]] = {
    "unit": ("đơn vị", "tên đơn vị"),
    "start_date": ("ngày bắt đầu",),
    "days": ("số ngày",),
    "language": ("ngôn ngữ",),
    "commander": ("chỉ huy", "người duyệt"),
    "parent_unit": ("đơn vị cấp trên",),
    "min_rest_hours": ("số giờ nghỉ tối thiểu",),
    "max_consecutive_days": ("số ngày làm liên tiếp tối đa",),
    "max_shifts_per_week": ("số ca tối đa mỗi tuần", "tối đa ca/tuần"),
    "max_nights_per_week": ("số ca đêm tối đa mỗi tuần", "tối đa ca đêm/tuần"),
    "f0_isolation_days": ("số ngày cách ly F0",),
    "f1_quarantine_days": ("số ngày cách ly F1",),
    "f1_remote_duty": ("F1 trực từ xa",),
    "time_limit_s": ("thời gian giải tối đa (giây)",),
    "request_order": ("thứ tự đề nghị tăng cường",),
    "request_cap_district": ("số người tăng cường tối đa từ quận",),
    "request_cap_city": ("số người tăng cường tối đa từ thành phố",),
    "weight_requests": ("trọng số nguyện vọng",),
    "weight_fairness": ("trọng số công bằng",),
    "weight_continuity": ("trọng số ổn định",),
    "donor_whole_blood_interval_days": ("số ngày giữa hai lần hiến máu toàn phần",),
    "donor_apheresis_interval_days": ("số ngày giữa hai lần hiến gạn tách",),
    "donor_min_age": ("tuổi hiến máu tối thiểu",),
    "donor_max_age": ("tuổi hiến máu tối đa",),
    "donor_min_weight_whole_blood_kg": ("cân nặng tối thiểu hiến máu toàn phần (kg)",),
    "donor_min_weight_apheresis_kg": ("cân nặng tối thiểu hiến gạn tách (kg)",),
    "donor_min_weight_250ml_kg": ("cân nặng tối thiểu hiến 250 ml máu toàn phần (kg)",),
    "donor_deferral_after_covid_days": ("số ngày hoãn hiến máu sau khi khỏi COVID",),
    "min_consecutive_shifts": ("số ca liên tiếp tối thiểu",),
    "min_days_off_in_row": ("số ngày nghỉ liên tiếp tối thiểu",),
    "max_weekends": ("số cuối tuần tối đa",),
    "objective": ("mục tiêu", "cách tính mục tiêu"),
}
OBJECTIVE_WORDS: dict[str, tuple[str, ...]] = {
    "lexicographic": ("thứ tự ưu tiên", "theo thứ tự"),
    "weighted": ("tổng có trọng số", "trọng số"),
}

EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}
    | {"#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!"}
)
MAX_STAFF = 1000


def _name_key(name: object) -> str:
    """How sheet, column and settings names compare: no case, accents, underscores."""
    return fold(normalise(name).replace("_", " "))


def _choices(words: dict[str, tuple[str, ...]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, aliases in words.items():
        for word in (canonical, canonical.replace("_", " "), *aliases):
            table[fold(word)] = canonical
    return table


def _chooser(words: dict[str, tuple[str, ...]], what: str) -> Callable[[object], str]:
    table = _choices(words)
    expected = f"{what}: " + ", ".join(words)
    return lambda value: parse_choice(value, table, expected)


_role = _chooser(ROLE_WORDS, "a role")
_origin = _chooser(ORIGIN_WORDS, "an origin")
_status = _chooser(STATUS_WORDS, "a status")
_mode = _chooser(MODE_WORDS, "a mode")
_request_type = _chooser(REQUEST_WORDS, "a request type")
_product = _chooser(PRODUCT_WORDS, "a blood product")
_language = _chooser(LANGUAGE_WORDS, "a language")
_objective = _chooser(OBJECTIVE_WORDS, "an objective")
_KINDS = _choices(KIND_WORDS)
_SETTING_KEYS = {
    _name_key(word): name
    for name in Settings.model_fields
    for word in (name, *SETTINGS_ALIASES.get(name, ()))
}


def _text(value: object) -> str:
    """Free text; a number typed into a text column reads as Excel shows it (7, not 7.0)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return parse_id(value)
    return str(value).strip()


def _kind(value: object) -> str:
    text = _text(value)
    return _KINDS.get(fold(text), text)


def _skill(value: object) -> str:
    return normalise(_text(value))


def _skills(value: object) -> frozenset[str]:
    return frozenset(normalise(item) for item in parse_list(value))


def _int_in(low: int, high: int, what: str) -> Callable[[object], int]:
    def parse(value: object) -> int:
        number = parse_int(value)
        if not low <= number <= high:
            raise ValueError(f"{what} from {low} to {high}")
        return number

    return parse


_STAFF = _int_in(0, MAX_STAFF, "a number of people")
_ISOLATION_DAYS = _int_in(1, 366, "a number of days")
_WEEK_SHIFTS = _int_in(0, 7, "a number of shifts")
_REQUEST_WEIGHT = _int_in(0, 1000, "a weight")


_COUNT = _int_in(0, 100000, "a whole number")
# Optional per-person limits of the sequence rules (blank: the setting, or no limit).
_SEQUENCE_COLUMNS = (
    "min_total_minutes",
    "max_total_minutes",
    "max_consecutive_shifts",
    "min_consecutive_shifts",
    "min_days_off_in_row",
    "max_weekends",
)


def _limits_by_type(value: object) -> dict[str, int]:
    """`D=3, N=0`: at most 3 shifts D and no shift N over the horizon."""
    out: dict[str, int] = {}
    for item in parse_items(value):
        sid, sep, limit = item.partition("=")
        if not sep or not sid.strip():
            raise ValueError("shift=limit pairs, e.g. D=3, N=0")
        out[parse_id(sid)] = _COUNT(limit.strip())
    return out


def _weight_kg(value: object) -> float:
    number = parse_number(value)
    if not 0 < number < 400:
        raise ValueError("a weight in kg, e.g. 62.5")
    return number


def _request_order(value: object) -> tuple[str, ...]:
    order = tuple(dict.fromkeys(_origin(item) for item in parse_items(value)))
    if not order or "own" in order:
        raise ValueError("district and/or city, comma separated, e.g. district, city")
    return order


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


class _Formula(str):
    """A formula cell saved without its result (written by a program, never opened in Excel)."""


def _parse(parse: Callable[[object], Any], value: object) -> tuple[Any, str]:
    """The parsed value and, when the cell is wrong, what was expected instead."""
    if isinstance(value, _Formula):
        return None, (
            "a value, not a formula without a saved result "
            "(open and save the file in Excel, or type the value)"
        )
    if isinstance(value, str) and value.strip() in EXCEL_ERRORS:
        return None, "a value, not an Excel error (fix the formula or type the value)"
    try:
        return parse(value), ""
    except ValueError as error:
        return None, str(error)


@dataclass
class _Table:
    """One input sheet: its name as written, its columns, and its non-empty rows."""

    key: str
    title: str
    vi: bool
    columns: dict[str, int] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    rows: list[tuple[int, Sequence[object]]] = field(default_factory=list)

    def column_title(self, column: str) -> str:
        return self.headers.get(column) or INPUT_COLUMNS[self.key][column][self.vi]


class _Row:
    """One data row: reads cells by column key and records a problem for each bad one."""

    def __init__(self, reader: _Reader, table: _Table, number: int, values: Sequence[object]):
        self.reader = reader
        self.table = table
        self.number = number
        self.values = values
        self.ok = True

    def raw(self, column: str) -> object:
        index = self.table.columns.get(column)
        if index is None or index >= len(self.values):
            return None
        return self.values[index]

    def fail(self, column: str, expected: str) -> None:
        self.ok = False
        self.reader.problems.append(
            Problem(
                self.table.title,
                self.number,
                self.table.column_title(column),
                self.raw(column),
                expected,
            )
        )

    def warn(self, text: str) -> None:
        self.reader.warnings.append(f"Sheet '{self.table.title}', row {self.number}: {text}.")

    def get(
        self,
        column: str,
        parse: Callable[[object], Any],
        *,
        required: bool = False,
        default: Any = None,
    ) -> Any:
        value = self.raw(column)
        if _blank(value):
            if required and column in self.table.columns:
                self.fail(column, "a value (this column is required)")
            elif required:
                self.ok = False  # the missing column is reported once, not on every row
            return default
        # Columns repeat the same few values (dates, areas, weekdays): parse each once.
        key = (parse, type(value), value)
        cached = self.reader.parsed.get(key)
        if cached is None:
            cached = self.reader.parsed[key] = _parse(parse, value)
        parsed, expected = cached
        if expected:
            self.fail(column, expected)
            return default
        return parsed

    def ref(self, column: str, known: dict[str, int], sheet: str, *, required: bool = True) -> Any:
        """An id that must be listed on another sheet (``known`` maps its ids to rows)."""
        value = self.get(column, parse_id, required=required)
        if value is not None and value not in known:
            self.fail(column, f"an id listed on sheet '{sheet}'")
        return value

    def make(self, model: type[BaseModel], columns: dict[str, str], **values: Any) -> Any:
        """Build a model, turning any range check it makes into a problem on its column."""
        if not self.ok:
            return None
        try:
            return model(**values)
        except ValidationError as error:
            for detail in error.errors():
                name = str(detail["loc"][0]) if detail["loc"] else ""
                message = (
                    detail["msg"].removeprefix("Input should be ").removeprefix("Value error, ")
                )
                self.fail(columns.get(name, name), f"a value {message}")
            return None


@dataclass
class _Reader:
    tables: dict[str, _Table]
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str | Phrase] = field(default_factory=list)
    settings: Settings | None = None
    parsed: dict[tuple[object, type, object], tuple[Any, str]] = field(default_factory=dict)

    def title(self, key: str) -> str:
        table = self.tables.get(key)
        if table is not None:
            return table.title
        vi = any(t.vi for t in self.tables.values())
        return INPUT_SHEETS[key][vi]

    def rows(self, key: str) -> Iterator[_Row]:
        table = self.tables.get(key)
        if table is not None:
            for number, values in table.rows:
                yield _Row(self, table, number, values)

    @property
    def horizon(self) -> tuple[date, date] | None:
        if self.settings is None:
            return None
        return self.settings.start_date, self.settings.end_date

    def inside(self, row: _Row, column: str, day: date | None) -> None:
        horizon = self.horizon
        if day is not None and horizon is not None and not horizon[0] <= day <= horizon[1]:
            first, last = horizon
            row.fail(column, f"a date inside the horizon {_day(first)} to {_day(last)}")

    def order(self, row: _Row, first: date | None, last: date | None, to: str) -> None:
        if first is not None and last is not None and last < first:
            row.fail(to, f"a date on or after {_day(first)}")

    def unique(self, row: _Row, column: str, value: str | None, seen: dict[str, int]) -> None:
        if value is None:
            return
        if value in seen:
            row.fail(column, f"an id not used on another row (already on row {seen[value]})")
        else:
            seen[value] = row.number


# ---------------------------------------------------------------------------- opening


def _not_xlsx(path: Path, expected: str = NOT_XLSX) -> InputError:
    return InputError([Problem("", None, None, path.name, expected)])


class _Forbidden(ValueError):
    """A DTD or entity in a worksheet: never in a real xlsx, the mark of an XML bomb."""


def _forbid(*_: object) -> None:
    raise _Forbidden("DTDs and entities are not allowed in a worksheet")


class _SheetParser:
    """Stream one worksheet part with expat into rows of cell values, merges filled in.

    openpyxl's read-only parser builds an element tree per row and spends most of a
    100,000-row read there; expat callbacks straight into lists are about four times
    faster.  Values come out as openpyxl would give them with ``data_only=True``: shared
    and inline strings, numbers, booleans, error text such as ``#REF!``, and numbers in a
    date or time format as ``datetime``/``time``/``timedelta``.  Entities and DTDs are
    refused, as defusedxml would.
    """

    def __init__(self, shared: Sequence[object], dates: set[int], durations: set[int], epoch: Any):
        self.shared = shared
        self.dates = dates
        self.durations = durations
        self.epoch = epoch
        self.rows: list[list[object]] = []
        self.merges: list[str] = []
        self.row: list[object] = []
        self.column = 0
        self.kind = "n"
        self.style = 0
        self.text: list[str] | None = None
        self.parts: list[str] = []
        self.formula: list[str] = []
        self.phonetic = False

    def parse(self, stream: Any) -> list[list[object]]:
        parser = expat.ParserCreate()
        parser.buffer_text = True
        parser.StartDoctypeDeclHandler = _forbid
        parser.EntityDeclHandler = _forbid
        parser.ExternalEntityRefHandler = _forbid
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.characters
        parser.ParseFile(stream)
        for ref in self.merges:
            self.fill(ref)
        return self.rows

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if ":" in tag:
            tag = tag.rpartition(":")[2]
        if tag == "c":
            ref = attrs.get("r")
            self.column = _column_of(ref) if ref else self.column + 1
            self.kind = attrs.get("t", "n")
            self.style = int(attrs.get("s", 0))
            self.parts = []
            self.formula = []
        elif tag == "v" or (tag == "t" and not self.phonetic):
            self.text = self.parts
        elif tag == "f":
            self.text = self.formula
        elif tag == "row":
            number = attrs.get("r")
            index = int(number) if number else len(self.rows) + 1
            while len(self.rows) < index:
                self.rows.append([])
            self.row = self.rows[index - 1]
            self.column = 0
        elif tag == "rPh":
            self.phonetic = True
        elif tag == "mergeCell":
            self.merges.append(attrs.get("ref", ""))

    def characters(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)

    def end(self, tag: str) -> None:
        if ":" in tag:
            tag = tag.rpartition(":")[2]
        if tag in ("v", "t", "f"):
            self.text = None
        elif tag == "rPh":
            self.phonetic = False
        elif tag == "c" and (self.parts or (self.formula and self.kind != "str")):
            # t="str" with no text is a formula whose result is "" (a blank cell to the user).
            text = "".join(self.parts)
            value = self.value(text) if text else _Formula("=" + "".join(self.formula))
            if value is not None:
                row = self.row
                if len(row) < self.column:
                    row.extend([None] * (self.column - len(row)))
                row[self.column - 1] = value

    def value(self, text: str) -> object:
        kind = self.kind
        if kind == "n":
            number = float(text) if any(c in text for c in ".eE") else int(text)
            if self.style not in self.dates:
                return number
            try:
                return from_excel(number, self.epoch, timedelta=self.style in self.durations)
            except (OverflowError, ValueError):
                return "#VALUE!"
        if kind == "s":
            return self.shared[int(text)]
        if kind == "b":
            return text.strip() == "1"
        if kind == "d":
            return from_ISO8601(text)
        return text  # inlineStr, str (a formula's text), e (an error such as #REF!)

    def fill(self, ref: str) -> None:
        """Copy a merged range's top-left value into every cell of the range."""
        first, _, last = ref.partition(":")
        if not last:
            return
        top, left = _row_of(first), _column_of(first)
        bottom, right = _row_of(last), _column_of(last)
        if top > len(self.rows):
            return
        anchor_row = self.rows[top - 1]
        anchor = anchor_row[left - 1] if left <= len(anchor_row) else None
        for row in self.rows[top - 1 : bottom]:
            row.extend([None] * (right - len(row)))
            row[left - 1 : right] = [anchor] * (right - left + 1)


def _column_of(ref: str) -> int:
    return column_index_from_string(ref.rstrip("0123456789").lstrip("$"))


def _row_of(ref: str) -> int:
    return int(ref[len(ref.rstrip("0123456789")) :])


def _sheet_rows(workbook: Any, sheet: Any) -> list[list[object]]:
    """Every row of a sheet up to the last non-empty one (Excel row n is index n - 1).

    Uses the parts openpyxl has already opened and indexed: the zip archive, shared
    strings, and which styles are date and duration formats.
    """
    parser = _SheetParser(
        sheet._shared_strings, workbook._date_formats, workbook._timedelta_formats, workbook.epoch
    )
    with workbook._archive.open(sheet._worksheet_path) as part:
        rows = parser.parse(part)
    while rows and all(_blank(v) for v in rows[-1]):
        rows.pop()
    return rows


def _what_is_wrong(path: Path, data: bytes) -> str | None:
    """What the bytes are when they are plainly not an xlsx workbook, said as a fix."""
    if not data:
        return "an Excel .xlsx workbook; this file is empty (0 bytes)"
    if data.startswith(OLE_MAGIC):
        # Names in an OLE directory are UTF-16; an encrypted xlsx holds these two streams.
        if "EncryptedPackage".encode("utf-16-le") in data:
            return (
                "an Excel .xlsx workbook without a password; this one is password-protected: "
                "open it in Excel, remove the password (File > Info > Protect Workbook) and save"
            )
        return (
            "an Excel .xlsx workbook; this is an old Excel 97-2003 (.xls) file: "
            "open it in Excel and save it as 'Excel Workbook (*.xlsx)'"
        )
    if data.startswith(ZIP_MAGIC):
        return None
    if path.suffix.lower() in (".csv", ".txt", ".tsv") or b"\0" not in data[:4096]:
        return (
            "an Excel .xlsx workbook; this is a CSV or text file, not a workbook: "
            "open it in Excel and save it as 'Excel Workbook (*.xlsx)'"
        )
    return None


def _too_large(data: bytes) -> str | None:
    """Refuse a zip whose parts would unpack to an absurd size, before unpacking any."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            total = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return None  # damaged: load_workbook reports it
    if total <= MAX_UNCOMPRESSED:
        return None
    return (
        f"an Excel .xlsx workbook of at most {MAX_UNCOMPRESSED // 2**20} MB uncompressed; "
        f"this one unpacks to {total // 2**20:,} MB (a damaged file or a zip bomb)"
    )


def _open(path: Path) -> dict[str, list[list[object]]]:
    """The rows of every sheet, read from a copy of the file's bytes (never the file itself)."""
    try:
        data = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise _not_xlsx(path, "an existing Excel .xlsx workbook") from None
    except OSError as error:
        raise _not_xlsx(path, f"a readable Excel .xlsx workbook ({error.strerror})") from None
    wrong = _what_is_wrong(path, data) or _too_large(data)
    if wrong:
        raise _not_xlsx(path, wrong)
    try:
        with warnings.catch_warnings():  # openpyxl's notes on unsupported extensions
            warnings.simplefilter("ignore")
            workbook = load_workbook(BytesIO(data), read_only=True, data_only=True)
        try:
            return {ws.title: _sheet_rows(workbook, ws) for ws in workbook.worksheets}
        finally:
            workbook.close()
    except Exception:  # any failure to parse means the bytes are not a readable xlsx
        raise _not_xlsx(path) from None


def _tables(sheets: dict[str, list[list[object]]], reader: _Reader) -> None:
    """Find the input sheets by name and their columns by header, in either language."""
    names: dict[str, tuple[str, bool]] = {}
    for key, (en, vi) in INPUT_SHEETS.items():
        names[_name_key(en)] = (key, False)
        names[_name_key(vi)] = (key, True)
    # A roster workbook carries its input sheets beside the output ones: read it quietly.
    ignored = {_name_key(name) for name in GUIDE_SHEET}
    ignored |= {_name_key(name) for names in OUTPUT_SHEETS.values() for name in names}
    for title, rows in sheets.items():
        found = names.get(_name_key(title))
        if found is None:
            if _name_key(title) not in ignored:
                reader.warnings.append(f"Sheet '{title}' is not an input sheet; ignored.")
            continue
        key, vi = found
        if key in reader.tables:
            en_name, vi_name = INPUT_SHEETS[key]
            reader.problems.append(
                Problem(title, None, None, title, f"one sheet named '{en_name}' or '{vi_name}'")
            )
            continue
        reader.tables[key] = _table(key, title, vi, rows, reader)
    for key in REQUIRED_SHEETS:
        if key not in reader.tables:
            en_name, vi_name = INPUT_SHEETS[key]
            reader.problems.append(
                Problem(
                    reader.title(key), None, None, None, f"a sheet named '{en_name}' or '{vi_name}'"
                )
            )


def _table(key: str, title: str, vi: bool, rows: list[list[object]], reader: _Reader) -> _Table:
    table = _Table(key, title, vi)
    known = {
        _name_key(name): column
        for column, names in INPUT_COLUMNS[key].items()
        for name in (column, *names)
    }
    header = rows[0] if rows else []
    for index, cell in enumerate(header):
        if _blank(cell):
            continue
        text = str(cell).strip()
        column = known.get(_name_key(text))
        if column is None:
            reader.warnings.append(
                Phrase("reader.column_ignored", {"sheet": title, "column": text})
            )
        elif column in table.columns:
            reader.warnings.append(
                f"Sheet '{title}', column '{text}': repeats column "
                f"'{table.headers[column]}'; only the first is read."
            )
        else:
            table.columns[column] = index
            table.headers[column] = text
    for column in REQUIRED_COLUMNS[key]:
        if column not in table.columns:
            en_name, vi_name = INPUT_COLUMNS[key][column]
            reader.problems.append(
                Problem(
                    title,
                    1,
                    vi_name if vi else en_name,
                    None,
                    f"a column '{en_name}' or '{vi_name}'",
                )
            )
    indexes = list(table.columns.values())
    for number, values in enumerate(rows[1:], start=2):
        if any(i < len(values) and not _blank(values[i]) for i in indexes):
            table.rows.append((number, values))
    return table


# ---------------------------------------------------------------------------- sheets


_REQUIRED_SETTINGS = frozenset(n for n, f in Settings.model_fields.items() if f.is_required())
_BY_TYPE: dict[object, Callable[[object], Any]] = {
    date: parse_date,
    int: parse_int,
    float: parse_number,
    bool: parse_bool,
    str: _text,
    int | None: parse_int,
}


def _setting_parser(name: str) -> Callable[[object], Any]:
    if name == "language":
        return _language
    if name == "request_order":
        return _request_order
    if name == "objective":
        return _objective
    return _BY_TYPE[Settings.model_fields[name].annotation]


def _settings(reader: _Reader) -> None:
    values: dict[str, Any] = {}
    rows: dict[str, _Row] = {}
    for row in reader.rows("settings"):
        raw_key = row.get("key", _text, required=True)
        if raw_key is None:
            continue
        name = _SETTING_KEYS.get(_name_key(raw_key))
        if name is None:
            row.warn(f"setting '{raw_key}' is unknown; ignored")
            continue
        if name in rows:
            row.fail("key", f"a setting not given before (already on row {rows[name].number})")
            continue
        rows[name] = row
        value = row.get("value", _setting_parser(name))
        if value is not None:
            values[name] = value
        elif name in _REQUIRED_SETTINGS and row.ok:
            row.fail("value", f"a value for '{raw_key}' (this setting is required)")
    table = reader.tables.get("settings")
    if table is None:
        return
    try:
        reader.settings = Settings(**values)
    except ValidationError as error:
        for detail in error.errors():
            name = str(detail["loc"][0])
            if name in rows:
                message = detail["msg"].removeprefix("Input should be ")
                if rows[name].ok:
                    rows[name].fail("value", f"a value {message}")
            elif name in _REQUIRED_SETTINGS and "value" in table.columns:
                reader.problems.append(
                    Problem(
                        table.title,
                        None,
                        table.column_title("key"),
                        None,
                        f"a row '{name}' or '{SETTINGS_ALIASES.get(name, (name,))[0]}'",
                    )
                )


def _isolation(reader: _Reader) -> list[IsolationRule]:
    rules: list[IsolationRule] = []
    seen: dict[tuple[str, date], int] = {}
    for row in reader.rows("isolation"):
        status = row.get("status", _status, required=True)
        if status not in (None, "F0", "F1"):
            row.fail("status", "F0 or F1")
        effective = row.get("effective_from", parse_date, required=True)
        days = row.get("days", _ISOLATION_DAYS, required=True)
        if status is not None and effective is not None:
            if (status, effective) in seen:
                earlier = seen[status, effective]
                row.fail(
                    "effective_from", f"one rule per status and date (already on row {earlier})"
                )
            seen[status, effective] = row.number
        rule = row.make(IsolationRule, {}, status=status, effective_from=effective, days=days)
        if rule is not None:
            rules.append(rule)
    return rules


def _night(start: Any, end: Any) -> bool:
    """Whether the shift covers any moment between 22:00 and 06:00 (the contract's default)."""
    first = start.hour * 60 + start.minute
    last = end.hour * 60 + end.minute
    if last <= first:
        last += 1440
    return any(
        first < night_end and night_start < last
        for night_start, night_end in ((-120, 360), (1320, 1800))
    )


def _shifts(reader: _Reader) -> tuple[list[Shift], dict[str, int]]:
    shifts: list[Shift] = []
    seen: dict[str, int] = {}
    for row in reader.rows("shifts"):
        sid = row.get("id", parse_id, required=True)
        reader.unique(row, "id", sid, seen)
        start = row.get("start", parse_time, required=True)
        end = row.get("end", parse_time, required=True)
        night = row.get("night", parse_bool)
        if night is None and start is not None and end is not None:
            night = _night(start, end)
        shift = row.make(
            Shift,
            {},
            id=sid,
            name=row.get("name", _text, default=""),
            start=start,
            end=end,
            night=night,
            forbidden_next=frozenset(
                parse_id(item) for item in row.get("forbidden_next", parse_items, default=())
            ),
        )
        if shift is not None:
            shifts.append(shift)
    return shifts, seen


def _areas(reader: _Reader) -> tuple[list[Area], dict[str, int]]:
    areas: list[Area] = []
    seen: dict[str, int] = {}
    for row in reader.rows("areas"):
        aid = row.get("id", parse_id, required=True)
        reader.unique(row, "id", aid, seen)
        name = row.get("name", _text, default="")
        area = row.make(
            Area, {}, id=aid, name=name, kind=row.get("kind", _kind, default="residential")
        )
        if area is not None:
            areas.append(area)
    return areas, seen


def _people(reader: _Reader, area_ids: dict[str, int]) -> tuple[list[Person], dict[str, int]]:
    people: list[Person] = []
    seen: dict[str, int] = {}
    areas = reader.title("areas")
    for row in reader.rows("people"):
        pid = row.get("id", parse_id, required=True)
        reader.unique(row, "id", pid, seen)
        first = row.get("available_from", parse_date)
        last = row.get("available_to", parse_date)
        reader.order(row, first, last, "available_to")
        person = row.make(
            Person,
            {},
            id=pid,
            name=row.get("name", _text, required=True),
            rank=row.get("rank", _text, default=""),
            role=row.get("role", _role, default="police"),
            origin=row.get("origin", _origin, default="own"),
            available_from=first,
            available_to=last,
            home_area=row.ref("home_area", area_ids, areas, required=False) or "",
            skills=row.get("skills", _skills, default=frozenset()),
            max_shifts_per_week=row.get("max_shifts_per_week", _WEEK_SHIFTS),
            phone=row.get("phone", _text, default=""),
            blood_group=row.get("blood_group", parse_blood_group, default=""),
            birth_date=row.get("birth_date", parse_date),
            weight_kg=row.get("weight_kg", _weight_kg),
            max_shifts_by_type=row.get("max_shifts_by_type", _limits_by_type, default={}),
            **{key: row.get(key, _COUNT) for key in _SEQUENCE_COLUMNS},
        )
        if person is not None:
            people.append(person)
    return people, seen


_REQUIREMENT_COLUMNS = {"date_from": "from", "date_to": "to"}


def _requirements(
    reader: _Reader,
    areas: dict[str, Area],
    area_ids: dict[str, int],
    shift_ids: dict[str, int],
    people: list[Person],
) -> list[Requirement]:
    requirements: list[Requirement] = []
    skills = {skill for person in people for skill in person.skills}
    police = sum(person.is_police for person in people)
    people_title = reader.title("people")
    for row in reader.rows("requirements"):
        area_id = row.ref("area", area_ids, reader.title("areas"))
        shift = row.ref("shift", shift_ids, reader.title("shifts"), required=False)
        first = row.get("from", parse_date)
        last = row.get("to", parse_date)
        reader.order(row, first, last, "to")
        weekdays = row.get("weekdays", parse_weekdays)
        min_staff = row.get("min_staff", _STAFF, required=True)
        min_police = row.get("min_police", _STAFF, default=0)
        max_staff = row.get("max_staff", _STAFF)
        skill = row.get("skill", _skill)
        area = areas.get(area_id)
        remote_area = area is not None and area.is_remote
        mode = row.get("mode", _mode, default="remote" if remote_area else "onsite")
        if remote_area and mode == "onsite":
            row.fail("mode", f"remote (area '{area_id}' is of kind remote)")
        if min_staff is not None:
            if min_police > min_staff:
                row.fail("min_police", f"at most the number of people ({min_staff})")
            if max_staff is not None and max_staff < min_staff:
                row.fail("max_staff", f"at least the number of people ({min_staff})")
            if min_staff > len(people):
                row.fail(
                    "min_staff",
                    f"at most {len(people)}, the number of people on sheet '{people_title}'",
                )
        if min_police > police:
            row.fail(
                "min_police", f"at most {police}, the number of police on sheet '{people_title}'"
            )
        if skill is not None and skill not in skills:
            row.fail("skill", "a skill that at least one person has")
        requirement = row.make(
            Requirement,
            _REQUIREMENT_COLUMNS,
            row=row.number,
            area=area_id,
            shift=shift,
            date_from=first,
            date_to=last,
            weekdays=weekdays,
            min_staff=min_staff,
            min_police=min_police,
            skill=skill,
            max_staff=max_staff,
            mode=mode,
            weight_under=row.get("weight_under", _REQUEST_WEIGHT, default=100),
            weight_over=row.get("weight_over", _REQUEST_WEIGHT, default=0),
        )
        if requirement is not None:
            if not _applies_somewhere(requirement, reader.horizon):
                row.warn("applies to no day of the horizon")
            requirements.append(requirement)
    return requirements


def _applies_somewhere(requirement: Requirement, horizon: tuple[date, date] | None) -> bool:
    if horizon is None:
        return True
    first = max(horizon[0], requirement.date_from or horizon[0])
    last = min(horizon[1], requirement.date_to or horizon[1])
    if first > last:
        return False
    if requirement.weekdays is None or (last - first).days >= 6:
        return True
    return any(
        (first + timedelta(days=i)).weekday() in requirement.weekdays
        for i in range((last - first).days + 1)
    )


def _statuses(
    reader: _Reader, people: dict[str, int], rules: list[IsolationRule]
) -> list[StatusPeriod]:
    fields = Settings.model_fields
    settings = reader.settings
    fallback = {
        "F0": settings.f0_isolation_days if settings else fields["f0_isolation_days"].default,
        "F1": settings.f1_quarantine_days if settings else fields["f1_quarantine_days"].default,
    }
    by_status: dict[str, list[IsolationRule]] = defaultdict(list)
    for rule in sorted(rules, key=lambda r: r.effective_from):
        by_status[rule.status.value].append(rule)
    statuses: list[StatusPeriod] = []
    horizon = reader.horizon
    for row in reader.rows("status"):
        person = row.ref("person", people, reader.title("people"))
        status = row.get("status", _status, required=True)
        first = row.get("from", parse_date, required=True)
        last = row.get("to", parse_date)
        reader.order(row, first, last, "to")
        if last is None and first is not None and status is not None:
            if status in fallback:
                in_force = [r.days for r in by_status[status] if r.effective_from <= first]
                days = in_force[-1] if in_force else fallback[status]
                last = first + timedelta(days=days - 1)
            elif horizon is not None:
                last = max(first, horizon[1])
        period = row.make(
            StatusPeriod,
            _REQUIREMENT_COLUMNS,
            row=row.number,
            person=person,
            status=status,
            date_from=first,
            date_to=last,
            note=row.get("note", _text, default=""),
        )
        if period is not None:
            statuses.append(period)
    return statuses


def _requests(
    reader: _Reader, people: dict[str, int], shifts: dict[str, int]
) -> list[ShiftRequest]:
    requests: list[ShiftRequest] = []
    for row in reader.rows("requests"):
        person = row.ref("person", people, reader.title("people"))
        day = row.get("date", parse_date, required=True)
        reader.inside(row, "date", day)
        request = row.make(
            ShiftRequest,
            {},
            person=person,
            date=day,
            shift=row.ref("shift", shifts, reader.title("shifts"), required=False),
            type=row.get("type", _request_type, required=True),
            weight=row.get("weight", _REQUEST_WEIGHT, default=1),
        )
        if request is not None:
            requests.append(request)
    return requests


def _fixed(
    reader: _Reader,
    people: dict[str, Person],
    areas: dict[str, Area],
    person_ids: dict[str, int],
    area_ids: dict[str, int],
    shift_ids: dict[str, int],
    statuses: list[StatusPeriod],
) -> list[FixedAssignment]:
    by_person: dict[str, list[StatusPeriod]] = defaultdict(list)
    for period in statuses:
        by_person[period.person].append(period)
    remote_duty = reader.settings is None or reader.settings.f1_remote_duty
    seen: dict[tuple[str, date], int] = {}
    fixed: list[FixedAssignment] = []
    for row in reader.rows("fixed"):
        pid = row.ref("person", person_ids, reader.title("people"))
        day = row.get("date", parse_date, required=True)
        reader.inside(row, "date", day)
        shift = row.ref("shift", shift_ids, reader.title("shifts"))
        area_id = row.ref("area", area_ids, reader.title("areas"))
        person = people.get(pid)
        if person is not None and day is not None:
            if (pid, day) in seen:
                row.fail(
                    "date", f"one fixed shift per person per day (already on row {seen[pid, day]})"
                )
            seen[pid, day] = row.number
            _fixed_fits(row, person, day, areas.get(area_id), by_person[pid], remote_duty)
        assignment = row.make(
            FixedAssignment, {}, row=row.number, person=pid, date=day, shift=shift, area=area_id
        )
        if assignment is not None:
            fixed.append(assignment)
    return fixed


def _fixed_fits(
    row: _Row,
    person: Person,
    day: date,
    area: Area | None,
    periods: list[StatusPeriod],
    remote_duty: bool,
) -> None:
    """A fixed assignment must respect the person's availability window and statuses."""
    if (person.available_from and day < person.available_from) or (
        person.available_to and day > person.available_to
    ):
        window = f"{_day(person.available_from) if person.available_from else '…'} to "
        window += _day(person.available_to) if person.available_to else "…"
        row.fail("date", f"a date inside {person.id}'s availability window {window}")
    for period in periods:
        if not period.covers(day):
            continue
        allowed = (
            period.status == StatusKind.F1 and area is not None and area.is_remote and remote_duty
        )
        if not allowed:
            row.fail(
                "person",
                f"a person free that day ({person.id} is {period.status.value} from "
                f"{_day(period.date_from)} to {_day(period.date_to)}, "
                f"sheet '{row.reader.title('status')}' row {period.row})",
            )


def _history(reader: _Reader, people: dict[str, int], shifts: dict[str, int]) -> list[HistoryShift]:
    history: list[HistoryShift] = []
    for row in reader.rows("history"):
        person = row.ref("person", people, reader.title("people"))
        day = row.get("date", parse_date, required=True)
        if day is not None and reader.settings is not None and day >= reader.settings.start_date:
            row.fail(
                "date", f"a date before the horizon's start {_day(reader.settings.start_date)}"
            )
        shift = row.ref("shift", shifts, reader.title("shifts"))
        worked = row.make(HistoryShift, {}, person=person, date=day, shift=shift)
        if worked is not None:
            history.append(worked)
    return history


def _donations(reader: _Reader, people: dict[str, int]) -> list[Donation]:
    donations: list[Donation] = []
    for row in reader.rows("donations"):
        donation = row.make(
            Donation,
            {},
            person=row.ref("person", people, reader.title("people")),
            date=row.get("date", parse_date, required=True),
            product=row.get("product", _product, required=True),
            note=row.get("note", _text, default=""),
        )
        if donation is not None:
            donations.append(donation)
    return donations


# ---------------------------------------------------------------------------- entry points


def read_workbook_with_warnings(path: str | os.PathLike[str]) -> tuple[ProblemData, list[str]]:
    """The workbook's problem data and the warnings (unknown columns, sheets, settings).

    Raises ``InputError`` listing every problem found, or a single problem when the file is
    missing or not an xlsx workbook.
    """
    file = Path(path)
    sheets = _open(file)
    reader = _Reader(tables={})
    _tables(sheets, reader)
    _settings(reader)
    rules = _isolation(reader)
    shifts, shift_ids = _shifts(reader)
    areas, area_ids = _areas(reader)
    people, person_ids = _people(reader, area_ids)
    area_by_id = {a.id: a for a in areas}
    requirements = _requirements(reader, area_by_id, area_ids, shift_ids, people)
    statuses = _statuses(reader, person_ids, rules)
    requests = _requests(reader, person_ids, shift_ids)
    person_by_id = {p.id: p for p in people}
    fixed = _fixed(reader, person_by_id, area_by_id, person_ids, area_ids, shift_ids, statuses)
    history = _history(reader, person_ids, shift_ids)
    donations = _donations(reader, person_ids)
    if reader.problems or reader.settings is None:
        raise InputError(reader.problems)
    data = ProblemData(
        settings=reader.settings,
        shifts=tuple(shifts),
        areas=tuple(areas),
        people=tuple(people),
        requirements=tuple(requirements),
        statuses=tuple(statuses),
        isolation_rules=tuple(rules),
        requests=tuple(requests),
        fixed=tuple(fixed),
        history=tuple(history),
        donations=tuple(donations),
    )
    return data, [render(w, data.settings.language) for w in reader.warnings]


def read_workbook(path: str | os.PathLike[str]) -> ProblemData:
    """The workbook's problem data; see ``read_workbook_with_warnings``."""
    return read_workbook_with_warnings(path)[0]
