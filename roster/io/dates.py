"""Turning one cell value into a date, time, boolean, weekday set, list, id or number.

This is the one place that knows how commanders type things into Excel: real date cells,
ISO text, day-first Vietnamese text, Excel serial numbers, ``6h`` for six o'clock, ``có`` for
yes, ``T2,T3,CN`` for weekdays.  Every parser raises ``ValueError`` whose message is the
*expected* part of a ``Problem``: a ``Phrase`` of the text catalogue (``expect.date``: "a real
date, day-first, e.g. 12/08/2021 or 2021-08-12"), which the reader says in the workbook's
language.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta

from openpyxl.utils.datetime import from_excel

from roster.text import Phrase

# What each parser expected, as a phrase of the text catalogue: said in the workbook's language.
DATE_EXPECTED = Phrase("expect.date")
TIME_EXPECTED = Phrase("expect.time")
BOOL_EXPECTED = Phrase("expect.bool")
WEEKDAYS_EXPECTED = Phrase("expect.weekdays")
ID_EXPECTED = Phrase("expect.id")
NUMBER_EXPECTED = Phrase("expect.number")
WHOLE_NUMBER_EXPECTED = Phrase("expect.whole_number")

# Excel serial day numbers from 1900-01-01 to 9999-12-31.
_MAX_SERIAL = 2958465

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_DAY_FIRST = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})")
_VI_LONG = re.compile(r"(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam\s*)?(\d{4})")
_TIME = re.compile(r"(\d{1,2})\s*(?::|h|g|gio)\s*(\d{1,2})?\s*(?::(\d{1,2})|p|phut|m)?")

_TRUE = frozenset({"yes", "y", "true", "t", "1", "x", "co", "c", "dung", "✓", "✔"})
_FALSE = frozenset({"no", "n", "false", "f", "0", "", "khong", "k", "sai", "-"})


def fold(text: object) -> str:
    """Lower-case, accent-free, single-spaced text, so ``Thứ  Hai`` matches ``thu hai``.

    Vietnamese users without a Vietnamese keyboard type ``cong an`` for ``công an``; both
    must mean the same thing.
    """
    decomposed = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def _excel_serial(value: float) -> datetime:
    if isinstance(value, bool) or not math.isfinite(value) or not 0 <= value <= _MAX_SERIAL:
        raise ValueError(DATE_EXPECTED)
    return from_excel(value)


def parse_date(value: object) -> date:
    """A date from a date cell, ISO or day-first text (slashes are always day-first), or serial."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _excel_serial(value).date()
    if not isinstance(value, str):
        raise ValueError(DATE_EXPECTED)
    text = fold(value)
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DAY_FIRST.fullmatch(text):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
        if len(match[4]) == 2:
            year += 2000
    elif match := _VI_LONG.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise ValueError(DATE_EXPECTED)
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(DATE_EXPECTED) from None


def _time_of(hour: int, minute: int, second: float = 0) -> time:
    """Round to the minute (Excel stores 06:00 as 0.24999999…); 24:00 means midnight."""
    total = round(hour * 60 + minute + second / 60)
    if not (0 <= hour <= 24 and 0 <= minute < 60 and 0 <= total <= 1440):
        raise ValueError(TIME_EXPECTED)
    total %= 1440
    return time(total // 60, total % 60)


def parse_time(value: object) -> time:
    """A time of day from a time cell, ``HH:MM``, ``H:MM``, ``6h``/``6h30``, or a day fraction."""
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):
        return _time_of(value.hour, value.minute, value.second + value.microsecond / 1e6)
    if isinstance(value, timedelta):
        seconds = value.total_seconds()
        if not 0 <= seconds <= 86400:
            raise ValueError(TIME_EXPECTED)
        return _time_of(0, 0, seconds)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not (math.isfinite(value) and 0 <= value < 1):
            raise ValueError(TIME_EXPECTED)
        return _time_of(0, 0, value * 86400)
    if isinstance(value, str) and (match := _TIME.fullmatch(fold(value))):
        hour, minute, second = (int(g) if g else 0 for g in match.groups())
        if second >= 60:
            raise ValueError(TIME_EXPECTED)
        return _time_of(hour, minute, second)
    raise ValueError(TIME_EXPECTED)


def parse_bool(value: object) -> bool:
    """yes/no, true/false, 1/0, có/không (with or without accents), x/blank, y/n."""
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
        raise ValueError(BOOL_EXPECTED)
    text = fold(value)
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(BOOL_EXPECTED)


def _weekday_names() -> dict[str, int]:
    names: dict[str, int] = {}
    english = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    for index, name in enumerate(english):
        names[name] = names[name[:3]] = index
    names.update({"tues": 1, "thur": 3, "thurs": 3})
    vietnamese = {2: ("hai",), 3: ("ba",), 4: ("tu", "bon"), 5: ("nam",), 6: ("sau",), 7: ("bay",)}
    for number, words in vietnamese.items():
        index = number - 2
        names[str(number)] = names[f"t{number}"] = names[f"thu{number}"] = index
        for word in words:
            names[f"thu{word}"] = index
    names.update({"cn": 6, "chunhat": 6})
    return names


# Keys have no spaces: "Thứ 2", "thu2" and "T2" all fold to a key here.
_WEEKDAYS = _weekday_names()


def _weekday(token: str) -> int:
    key = fold(token).replace(" ", "").rstrip(".")
    if key not in _WEEKDAYS:
        raise ValueError(WEEKDAYS_EXPECTED)
    return _WEEKDAYS[key]


def parse_weekdays(value: object) -> frozenset[int]:
    """Weekdays (0 = Monday) from ``Mon,Tue``, ``T2,T3,CN``, ``Thứ 2, Chủ nhật``, ``T2-T6``.

    A bare number is a Vietnamese "thứ": ``Thứ 2, 3, 4`` is Monday to Wednesday.
    A range wraps round the week: ``T7-T2`` is Saturday to Monday.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(WEEKDAYS_EXPECTED)
    days: set[int] = set()
    for item in re.split(r"[,;\n]", value):
        if not item.strip():
            continue
        ends = re.split(r"\s*[-–]\s*|\s+(?:đến|den|to)\s+", item.strip())
        if len(ends) == 1:
            days.add(_weekday(ends[0]))
        elif len(ends) == 2:
            first, last = _weekday(ends[0]), _weekday(ends[1])
            days.update((first + i) % 7 for i in range((last - first) % 7 + 1))
        else:
            raise ValueError(WEEKDAYS_EXPECTED)
    if not days:
        raise ValueError(WEEKDAYS_EXPECTED)
    return frozenset(days)


def parse_items(value: object) -> tuple[str, ...]:
    """The comma-separated items of a cell in order, trimmed, blanks and repeats dropped."""
    if value is None:
        return ()
    text = parse_id(value) if isinstance(value, int | float) else str(value)
    items = (item.strip() for item in re.split(r"[,;\n]", text))
    return tuple(dict.fromkeys(item for item in items if item))


def parse_list(value: object) -> frozenset[str]:
    """The comma-separated items of a cell as a set (``lead, driver``)."""
    return frozenset(parse_items(value))


def parse_id(value: object) -> str:
    """An id as text: trimmed; ``007`` stays ``007``; Excel's number 7 or 7.0 becomes ``7``."""
    if isinstance(value, bool | date | time | timedelta):
        raise ValueError(ID_EXPECTED)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(ID_EXPECTED)
        text = str(int(value)) if value.is_integer() else repr(value)
    else:
        text = str(value).strip()
    if not text:
        raise ValueError(ID_EXPECTED)
    return text


def parse_number(value: object) -> float:
    """A number from a number cell or text (a decimal comma is accepted: ``62,5``)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            raise ValueError(NUMBER_EXPECTED) from None
    else:
        raise ValueError(NUMBER_EXPECTED)
    if not math.isfinite(number):
        raise ValueError(NUMBER_EXPECTED)
    return number


def parse_int(value: object) -> int:
    """A whole number; ``3.0`` is 3, ``2.5`` is a mistake rather than something to round."""
    try:
        number = parse_number(value)
    except ValueError:
        raise ValueError(WHOLE_NUMBER_EXPECTED) from None
    if not number.is_integer():
        raise ValueError(WHOLE_NUMBER_EXPECTED)
    return int(number)


def parse_choice(value: object, choices: Mapping[str, str], expected: str | Phrase) -> str:
    """The canonical value of a word from ``choices`` (keys already folded with ``fold``)."""
    key = fold(value)
    if key not in choices:
        raise ValueError(expected)
    return choices[key]
