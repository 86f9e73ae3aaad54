"""Read the input workbook (docs: shared/spec/workbook.md) sheet by sheet into problem data.

This is the structural reading: every cell has the right type and range, every id is listed
where it must be, dates fall inside the horizon.  Every mistake is collected first, each
naming the sheet, Excel row, column header, the value found and what was expected, so that a
commander fixes the file in one pass.  Whether a person may work the day a ``Fixed`` row puts
them on is the checker's question, asked once the data is built (``roster.load``).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from roster.data import (
    Area,
    Carried,
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
    StatusPeriod,
)
from roster.errors import Problem
from roster.io.dates import (
    parse_bool,
    parse_date,
    parse_id,
    parse_int,
    parse_items,
    parse_list,
    parse_number,
    parse_time,
    parse_weekdays,
)
from roster.io.rows import Reader, Row, day_text, model_expected
from roster.io.schema import PERSON_LIMIT_COLUMNS, Tables, find_tables, name_key
from roster.io.vocabulary import (
    SETTINGS_ALIASES,
    parse_blood_group,
    parse_kind,
    parse_language,
    parse_mode,
    parse_objective,
    parse_origin,
    parse_product,
    parse_request_type,
    parse_role,
    parse_status,
    parse_team_separation,
)
from roster.io.xlsx_read import read_sheets
from roster.text import DEFAULT, Phrase
from roster.text.contract import normalise

MAX_STAFF = 1000
_SETTING_KEYS = {
    name_key(word): name
    for name in Settings.model_fields
    for word in (name, *SETTINGS_ALIASES.get(name, ()))
}


def _text(value: object) -> str:
    """Free text; a number typed into a text column reads as Excel shows it (7, not 7.0)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return parse_id(value)
    return str(value).strip()


def _kind(value: object) -> str:
    return parse_kind(_text(value))


def _skill(value: object) -> str:
    return normalise(_text(value))


def _skills(value: object) -> frozenset[str]:
    return frozenset(normalise(item) for item in parse_list(value))


def _int_in(low: int, high: int, what: str) -> Callable[[object], int]:
    """A whole number from ``low`` to ``high``; ``what`` names it (``expect.range.<what>``)."""

    def parse(value: object) -> int:
        number = parse_int(value)
        if not low <= number <= high:
            raise ValueError(Phrase(f"expect.range.{what}", {"low": low, "high": high}))
        return number

    return parse


_STAFF = _int_in(0, MAX_STAFF, "people")
_ISOLATION_DAYS = _int_in(1, 366, "days")
_WEEK_SHIFTS = _int_in(0, 7, "shifts")
_REQUEST_WEIGHT = _int_in(0, 1000, "weight")


_COUNT = _int_in(0, 100000, "count")
LEDGER_COUNTS = ("shifts", "nights", "weekend_shifts", "holiday_shifts")


def _limits_by_type(value: object) -> dict[str, int]:
    """`D=3, N=0`: at most 3 shifts D and no shift N over the horizon."""
    out: dict[str, int] = {}
    for item in parse_items(value):
        sid, sep, limit = item.partition("=")
        if not sep or not sid.strip():
            raise ValueError(Phrase("expect.limits_by_type"))
        out[parse_id(sid)] = _COUNT(limit.strip())
    return out


def _weight_kg(value: object) -> float:
    number = parse_number(value)
    if not 0 < number < 400:
        raise ValueError(Phrase("expect.weight_kg"))
    return number


def _request_order(value: object) -> tuple[str, ...]:
    order = tuple(dict.fromkeys(parse_origin(item) for item in parse_items(value)))
    if not order or "own" in order:
        raise ValueError(Phrase("expect.request_order"))
    return order


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
        return parse_language
    if name == "request_order":
        return _request_order
    if name == "objective":
        return parse_objective
    if name == "team_separation":
        return parse_team_separation
    return _BY_TYPE[Settings.model_fields[name].annotation]


def _settings(reader: Reader) -> None:
    """The settings, and the language the workbook's problems are said in: the ``language``
    row's (Vietnamese when there is none), unknown when the Settings sheet, its columns or
    that row cannot be read."""
    values: dict[str, Any] = {}
    rows: dict[str, Row] = {}
    table = reader.tables.found.get("settings")
    readable = table is not None and {"key", "value"} <= table.columns.keys()
    for row in reader.rows("settings"):
        raw_key = row.get("key", _text, required=True)
        if raw_key is None:
            continue
        name = _SETTING_KEYS.get(name_key(raw_key))
        if name is None:
            row.warn(Phrase("reader.setting_unknown", {"setting": raw_key}))
            continue
        if name in rows:
            row.fail("key", Phrase("expect.setting_repeated", {"row": rows[name].number}))
            continue
        rows[name] = row
        value = row.get("value", _setting_parser(name))
        if value is not None:
            values[name] = value
        elif name in _REQUIRED_SETTINGS and row.ok:
            row.fail("value", Phrase("expect.setting_required", {"setting": raw_key}))
        if name == "language" and not row.ok:
            readable = False
    reader.language = values.get("language", DEFAULT) if readable else None
    if table is None:
        return
    try:
        reader.settings = Settings(**values)
    except ValidationError as error:
        for detail in error.errors():
            name = str(detail["loc"][0])
            if name in rows:
                if rows[name].ok:
                    rows[name].fail("value", model_expected(detail))
            elif name in _REQUIRED_SETTINGS and "value" in table.columns:
                reader.problems.append(
                    Problem(
                        table.title,
                        None,
                        table.column_title("key"),
                        None,
                        Phrase(
                            "expect.setting_row",
                            {"en": name, "vi": SETTINGS_ALIASES.get(name, (name,))[0]},
                        ),
                    )
                )


def _isolation(reader: Reader) -> list[IsolationRule]:
    rules: list[IsolationRule] = []
    seen: dict[tuple[str, date], int] = {}
    for row in reader.rows("isolation"):
        status = row.get("status", parse_status, required=True)
        if status not in (None, "F0", "F1"):
            row.fail("status", Phrase("expect.f0_or_f1"))
        effective = row.get("effective_from", parse_date, required=True)
        days = row.get("days", _ISOLATION_DAYS, required=True)
        if status is not None and effective is not None:
            if (status, effective) in seen:
                earlier = seen[status, effective]
                row.fail("effective_from", Phrase("expect.isolation_repeated", {"row": earlier}))
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


def _shifts(reader: Reader) -> tuple[list[Shift], dict[str, int]]:
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


def _areas(reader: Reader) -> tuple[list[Area], dict[str, int]]:
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


def _people(reader: Reader, area_ids: dict[str, int]) -> tuple[list[Person], dict[str, int]]:
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
            role=row.get("role", parse_role, default="police"),
            origin=row.get("origin", parse_origin, default="own"),
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
            **{key: row.get(key, _COUNT) for key in PERSON_LIMIT_COLUMNS},
            team=row.get("team", _text, default=""),
        )
        if person is not None:
            people.append(person)
    return people, seen


_REQUIREMENT_COLUMNS = {"date_from": "from", "date_to": "to"}


def _requirements(
    reader: Reader,
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
        mode = row.get("mode", parse_mode, default="remote" if remote_area else "onsite")
        if remote_area and mode == "onsite":
            row.fail("mode", Phrase("expect.remote_area", {"area": area_id}))
        if min_staff is not None:
            if min_police > min_staff:
                row.fail("min_police", Phrase("expect.police_above_staff", {"count": min_staff}))
            if max_staff is not None and max_staff < min_staff:
                row.fail("max_staff", Phrase("expect.max_below_min", {"count": min_staff}))
            if min_staff > len(people):
                row.fail(
                    "min_staff",
                    Phrase(
                        "expect.staff_above_people", {"count": len(people), "sheet": people_title}
                    ),
                )
        if min_police > police:
            row.fail(
                "min_police",
                Phrase("expect.police_above_police", {"count": police, "sheet": people_title}),
            )
        if skill is not None and skill not in skills:
            row.fail("skill", Phrase("expect.unknown_skill"))
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
                row.warn(Phrase("reader.applies_to_no_day"))
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
    reader: Reader, people: dict[str, int], rules: list[IsolationRule]
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
        status = row.get("status", parse_status, required=True)
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


def _requests(reader: Reader, people: dict[str, int], shifts: dict[str, int]) -> list[ShiftRequest]:
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
            type=row.get("type", parse_request_type, required=True),
            weight=row.get("weight", _REQUEST_WEIGHT, default=1),
        )
        if request is not None:
            requests.append(request)
    return requests


def _fixed(
    reader: Reader, person_ids: dict[str, int], area_ids: dict[str, int], shift_ids: dict[str, int]
) -> list[FixedAssignment]:
    seen: dict[tuple[str, date], int] = {}
    fixed: list[FixedAssignment] = []
    for row in reader.rows("fixed"):
        pid = row.ref("person", person_ids, reader.title("people"))
        day = row.get("date", parse_date, required=True)
        reader.inside(row, "date", day)
        shift = row.ref("shift", shift_ids, reader.title("shifts"))
        area_id = row.ref("area", area_ids, reader.title("areas"))
        if pid in person_ids and day is not None:
            if (pid, day) in seen:
                row.fail("date", Phrase("expect.fixed_repeated", {"row": seen[pid, day]}))
            seen[pid, day] = row.number
        assignment = row.make(
            FixedAssignment, {}, row=row.number, person=pid, date=day, shift=shift, area=area_id
        )
        if assignment is not None:
            fixed.append(assignment)
    return fixed


def _history(reader: Reader, people: dict[str, int], shifts: dict[str, int]) -> list[HistoryShift]:
    history: list[HistoryShift] = []
    for row in reader.rows("history"):
        person = row.ref("person", people, reader.title("people"))
        day = row.get("date", parse_date, required=True)
        if day is not None and reader.settings is not None and day >= reader.settings.start_date:
            start = day_text(reader.settings.start_date)
            row.fail("date", Phrase("expect.before_start", {"day": start}))
        shift = row.ref("shift", shifts, reader.title("shifts"))
        worked = row.make(HistoryShift, {}, person=person, date=day, shift=shift)
        if worked is not None:
            history.append(worked)
    return history


def _donations(reader: Reader, people: dict[str, int]) -> list[Donation]:
    donations: list[Donation] = []
    for row in reader.rows("donations"):
        donation = row.make(
            Donation,
            {},
            person=row.ref("person", people, reader.title("people")),
            date=row.get("date", parse_date, required=True),
            product=row.get("product", parse_product, required=True),
            note=row.get("note", _text, default=""),
        )
        if donation is not None:
            donations.append(donation)
    return donations


def _ledger(reader: Reader, people: dict[str, int]) -> list[Carried]:
    """What each person carried this year before the horizon: one row per person."""
    carried: list[Carried] = []
    seen: dict[str, int] = {}
    start = reader.settings.start_date if reader.settings is not None else None
    for row in reader.rows("ledger"):
        person = row.ref("person", people, reader.title("people"))
        reader.unique(row, "person", person, seen)
        up_to = row.get("up_to", parse_date)
        if up_to is not None and start is not None and up_to >= start:
            row.fail("up_to", Phrase("expect.before_start", {"day": day_text(start)}))
        counts = {c: row.get(c, _COUNT, default=0) for c in LEDGER_COUNTS}
        entry = row.make(Carried, {}, person=person, up_to=up_to, **counts)
        if entry is not None:
            carried.append(entry)
    return carried


def _holidays(reader: Reader) -> tuple[frozenset[date], frozenset[date]]:
    """The days the `Holidays` sheet adds to Vietnam's public holidays, and those it takes
    off (``holiday`` = no)."""
    added: set[date] = set()
    removed: set[date] = set()
    for row in reader.rows("holidays"):
        day = row.get("date", parse_date, required=True)
        keep = row.get("holiday", parse_bool, default=True)
        if day is not None and row.ok:
            (added if keep else removed).add(day)
    return frozenset(added), frozenset(removed)


# ---------------------------------------------------------------------------- entry point


@dataclass(frozen=True)
class WorkbookInput:
    """What one workbook holds, read structurally.

    ``data`` is built from the valid rows only (None when the settings cannot be read), so
    that later checks can still run on a workbook with problems and report theirs too.
    ``language`` is the one its problems are said in (None: unknown, said in both).
    """

    data: ProblemData | None
    problems: list[Problem]
    warnings: list[str | Phrase]
    tables: Tables
    language: str | None = DEFAULT

    def problem(self, key: str, row: int, column: str, expected: str | Phrase) -> Problem:
        """A problem on one cell of an input sheet, named and valued as the sheet has it."""
        table = self.tables.found[key]
        values = next((v for number, v in table.rows if number == row), ())
        index = table.columns.get(column)
        value = values[index] if index is not None and index < len(values) else None
        title = table.column_title(column)
        return Problem(table.title, row, title, value, expected, self.language)


def read_input(path: str | os.PathLike[str]) -> WorkbookInput:
    """Every sheet of the workbook at ``path``, read and checked cell by cell.

    Raises ``InputError`` with a single problem when the file is missing or not an xlsx
    workbook; any other problem is in the result's ``problems``.
    """
    reader = Reader(find_tables(read_sheets(Path(path))))
    _settings(reader)
    rules = _isolation(reader)
    shifts, shift_ids = _shifts(reader)
    areas, area_ids = _areas(reader)
    people, person_ids = _people(reader, area_ids)
    area_by_id = {a.id: a for a in areas}
    requirements = _requirements(reader, area_by_id, area_ids, shift_ids, people)
    statuses = _statuses(reader, person_ids, rules)
    requests = _requests(reader, person_ids, shift_ids)
    fixed = _fixed(reader, person_ids, area_ids, shift_ids)
    history = _history(reader, person_ids, shift_ids)
    donations = _donations(reader, person_ids)
    carried = _ledger(reader, person_ids)
    holidays_added, holidays_removed = _holidays(reader)
    data = None
    if reader.settings is not None:
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
            carried=tuple(carried),
            holidays_added=holidays_added,
            holidays_removed=holidays_removed,
        )
    problems = [problem.said_in(reader.language) for problem in reader.problems]
    return WorkbookInput(data, problems, reader.warnings, reader.tables, reader.language)
