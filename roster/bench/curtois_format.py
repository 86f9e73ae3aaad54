"""Reader for the Curtois & Qu shift-scheduling benchmark files (Instance1..24.txt).

The instance becomes an ordinary ``ProblemData`` so that the benchmark is solved by the
same model as a ward workbook: one area, one requirement row per (day, shift) whose
``min_staff`` is the cover target with the file's under/over weights, days off as
`unavailable` status rows, requests as weighted requests, and the staff limits as the
per-person sequence fields. The ward's own rules are switched off by their settings (no
rest hours, no weekly caps), and the objective is the benchmark's single weighted sum.
The format and its horizon-edge conventions are in ``benchmarks/curtois/FORMAT.md``.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from roster.data import (
    Area,
    Person,
    ProblemData,
    RequestType,
    Requirement,
    Settings,
    Shift,
    ShiftRequest,
    StatusKind,
    StatusPeriod,
)

START = date(2024, 1, 1)  # a Monday: day 0 of every instance is a Monday
AREA = "ward"
SECTIONS = (
    "SECTION_HORIZON",
    "SECTION_SHIFTS",
    "SECTION_STAFF",
    "SECTION_DAYS_OFF",
    "SECTION_SHIFT_ON_REQUESTS",
    "SECTION_SHIFT_OFF_REQUESTS",
    "SECTION_COVER",
)


class CurtoisFormatError(ValueError):
    """The file does not follow the benchmark format."""


def _sections(text: str) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for raw in text.replace("\r", "").split("\n"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line in SECTIONS:
            current = out.setdefault(line, [])
        elif current is None:
            raise CurtoisFormatError(f"data before the first section: {line!r}")
        else:
            current.append(line.split(","))
    return out


def _shift(fields: list[str]) -> Shift:
    sid, length = fields[0], int(fields[1])
    forbidden = frozenset(f for f in (fields[2] if len(fields) > 2 else "").split("|") if f)
    # Only the length matters to the benchmark; a shift from midnight keeps it exact
    # and, with no rest hours required, adds no rest conflicts of its own.
    end = time(length // 60 % 24, length % 60)
    return Shift(id=sid, name=sid, start=time(0, 0), end=end, night=False, forbidden_next=forbidden)


def _person(fields: list[str]) -> Person:
    pid, limits, max_min, min_min, cmax, cmin, omin, wmax = fields
    by_type = {}
    for pair in limits.split("|"):
        if pair:
            sid, value = pair.split("=")
            by_type[sid] = int(value)
    return Person(
        id=pid,
        name=pid,
        max_shifts_by_type=by_type,
        max_total_minutes=int(max_min),
        min_total_minutes=int(min_min),
        max_consecutive_shifts=int(cmax),
        min_consecutive_shifts=int(cmin),
        min_days_off_in_row=int(omin),
        max_weekends=int(wmax),
    )


def parse_curtois(text: str, name: str = "Curtois") -> ProblemData:
    """The instance in `text` as problem data; `name` becomes the unit name."""
    sec = _sections(text)
    missing = [s for s in SECTIONS if s not in sec and s != "SECTION_DAYS_OFF"]
    if missing:
        raise CurtoisFormatError(f"missing sections: {', '.join(missing)}")
    days = int(sec["SECTION_HORIZON"][0][0])
    shifts = tuple(_shift(f) for f in sec["SECTION_SHIFTS"])
    people = tuple(_person(f) for f in sec["SECTION_STAFF"])

    def day(index: str) -> date:
        return START + timedelta(days=int(index))

    statuses = tuple(
        StatusPeriod(person=f[0], status=StatusKind.UNAVAILABLE, date_from=day(d), date_to=day(d))
        for f in sec.get("SECTION_DAYS_OFF", [])
        for d in f[1:]
        if d
    )
    requests = tuple(
        ShiftRequest(person=f[0], date=day(f[1]), shift=f[2], type=kind, weight=int(f[3]))
        for key, kind in (
            ("SECTION_SHIFT_ON_REQUESTS", RequestType.ON),
            ("SECTION_SHIFT_OFF_REQUESTS", RequestType.OFF),
        )
        for f in sec[key]
    )
    requirements = tuple(
        Requirement(
            row=i + 1,
            area=AREA,
            shift=f[1],
            date_from=day(f[0]),
            date_to=day(f[0]),
            min_staff=int(f[2]),
            weight_under=int(f[3]),
            weight_over=int(f[4]),
        )
        for i, f in enumerate(sec["SECTION_COVER"])
    )
    settings = Settings(
        unit=name,
        start_date=START,
        days=days,
        language="en",
        min_rest_hours=0,
        max_consecutive_days=366,
        max_shifts_per_week=7,
        max_nights_per_week=7,
        weight_requests=1,
        weight_fairness=0,
        weight_continuity=0,
        objective="weighted",
    )
    return ProblemData(
        settings=settings,
        shifts=shifts,
        areas=(Area(id=AREA, name=name, kind="office"),),
        people=people,
        requirements=requirements,
        statuses=statuses,
        requests=requests,
    )
