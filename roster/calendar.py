"""iCalendar files: one per person on duty and one for the unit, that calendar apps keep in step.

An officer imports ``calendar-<id>.ics`` once and re-imports it after every change. An app
updates an event in place only when the event keeps its identifier and its sequence number
rises (RFC 5545, 3.8.7.4), so identifiers are stable per person, date and shift (per date,
shift and area in the unit's file), and each event's sequence is carried over from the
previous version of the file: unchanged events keep their sequence and stamp, changed ones
get the next sequence, and duties that are gone are sent again as CANCELLED instead of
vanishing (an app would keep a dropped event forever).

The previous version is a folder of these files (the one being written, or the announced
roster's, when a command writes a new one).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from roster.data import Assignment, Mode, ProblemData
from roster.errors import OutputError
from roster.io.atomic import write_atomic
from roster.text import both, say

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")  # every ward the roster serves keeps Vietnam's time
UNIT_FILE = "calendar.ics"
PRODID = "-//roster//police ward duty roster//"


@dataclass(frozen=True)
class Duty:
    """One event as this version says it: what an app shows, and whether it still holds."""

    uid: str
    start: datetime
    end: datetime
    summary: str
    location: str
    description: str
    cancelled: bool = False

    @property
    def content(self) -> tuple[object, ...]:
        """What a change of raises the sequence (the stamp and sequence themselves do not)."""
        return (self.start, self.end, self.summary, self.location, self.description, self.cancelled)


@dataclass(frozen=True)
class Known:
    """An event as the previous version of the file had it."""

    duty: Duty
    sequence: int
    stamp: datetime


def person_file(folder: Path, person: str) -> Path:
    """``calendar-<id>.ics``: ids are typed by people, so only safe characters are kept."""
    return folder / f"calendar-{_safe(person)}.ics"


def _safe(text: str) -> str:
    """``text`` in letters, digits and ``_.-`` only; when that loses anything, a short hash of
    the original follows, so two ids never share a file or an identifier."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    safe = re.sub(r"[^0-9A-Za-z_.-]+", "-", ascii_text).strip("-")
    if safe == text:
        return safe
    return f"{safe}-{hashlib.sha1(text.encode()).hexdigest()[:8]}".lstrip("-")


def _times(data: ProblemData, a: Assignment) -> tuple[datetime, datetime]:
    shift = data.shift_by_id[a.shift]
    start = datetime.combine(a.date, shift.start, tzinfo=ZONE)
    return start, start + timedelta(minutes=shift.duration_minutes)


def _domain(data: ProblemData) -> str:
    return f"{_safe(data.settings.unit)}.roster"


def person_duty(data: ProblemData, a: Assignment) -> Duty:
    """The person's event for assignment ``a``: identified by person, date and shift."""
    start, end = _times(data, a)
    shift, area = data.shift_by_id[a.shift], data.area_by_id.get(a.area)
    person = data.person_by_id.get(a.person)
    area_name = (area.name or area.id) if area else a.area
    mode = say(f"calendar.mode_{Mode(a.mode).value}", data)
    role = say(f"role_word.{person.role.value}", data) if person else ""
    return Duty(
        uid=f"{_safe(a.person)}-{a.date:%Y%m%d}-{_safe(a.shift)}@{_domain(data)}",
        start=start,
        end=end,
        summary=say("calendar.summary", data, shift=shift.name or shift.id, area=area_name),
        location=area_name,
        description=say(
            "calendar.description", data, unit=data.settings.unit, role=role, mode=mode
        ),
    )


def unit_duties(data: ProblemData, assignments: Sequence[Assignment]) -> list[Duty]:
    """The unit's events: one per place (date, shift, area) with the people on it."""
    places: dict[tuple, list[Assignment]] = defaultdict(list)
    for a in assignments:
        places[(a.date, a.shift, a.area)].append(a)
    people = data.person_by_id
    duties = []
    for (day, shift_id, area_id), on in sorted(places.items()):
        start, end = _times(data, on[0])
        shift, area = data.shift_by_id[shift_id], data.area_by_id.get(area_id)
        area_name = (area.name or area.id) if area else area_id
        names = sorted(
            f"{people[a.person].name if a.person in people else a.person} ({a.person})"
            + (say("notice.remote", data) if a.mode == Mode.REMOTE else "")
            for a in on
        )
        duties.append(
            Duty(
                uid=f"{day:%Y%m%d}-{_safe(shift_id)}-{_safe(area_id)}@{_domain(data)}",
                start=start,
                end=end,
                summary=say("calendar.summary", data, shift=shift.name or shift.id, area=area_name),
                location=area_name,
                description="\n".join(names),
            )
        )
    return duties


def read_known(path: Path) -> dict[str, Known]:
    """The events of an earlier version of a file, by identifier (none when there is none)."""
    if not path.exists():
        return {}
    try:
        calendar = Calendar.from_ical(path.read_bytes())
    except ValueError as exc:
        raise OutputError(both("calendar.unreadable", path=path, error=exc)) from None
    known = {}
    for event in calendar.walk("VEVENT"):
        duty = Duty(
            uid=str(event["UID"]),
            start=event.decoded("DTSTART"),
            end=event.decoded("DTEND"),
            summary=str(event.get("SUMMARY", "")),
            location=str(event.get("LOCATION", "")),
            description=str(event.get("DESCRIPTION", "")),
            cancelled=str(event.get("STATUS", "")).upper() == "CANCELLED",
        )
        stamp = event.decoded("DTSTAMP") if "DTSTAMP" in event else _now()
        known[duty.uid] = Known(duty, int(event.get("SEQUENCE", 0)), stamp)
    return known


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def versioned(
    duties: Iterable[Duty], known: Mapping[str, Known], now: datetime | None = None
) -> list[Known]:
    """Each duty with its sequence and stamp after ``known``; known duties that are gone
    come back CANCELLED (once: an already cancelled one keeps its sequence). What changes
    is stamped ``now`` (the moment of writing, unless a recorded version's)."""
    now = now or _now()
    out = []
    current = {d.uid: d for d in duties}
    for uid, duty in current.items():
        old = known.get(uid)
        if old is None:
            out.append(Known(duty, 0, now))
        elif old.duty.content == duty.content:
            out.append(old)
        else:
            out.append(Known(duty, old.sequence + 1, now))
    for uid, old in known.items():
        if uid in current:
            continue
        if old.duty.cancelled:
            out.append(old)
        else:
            gone = Duty(**{**old.duty.__dict__, "cancelled": True})
            out.append(Known(gone, old.sequence + 1, now))
    return sorted(out, key=lambda k: (k.duty.start, k.duty.uid))


def calendar_bytes(name: str, events: Sequence[Known]) -> bytes:
    """An RFC 5545 calendar of ``events`` with the time zone it uses."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", ZONE.key)
    for known in events:
        calendar.add_component(_event(known))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event(known: Known) -> Event:
    duty = known.duty
    event = Event()
    event.add("uid", duty.uid)
    event.add("dtstamp", known.stamp)
    event.add("dtstart", duty.start)
    event.add("dtend", duty.end)
    event.add("summary", duty.summary)
    event.add("location", duty.location)
    event.add("description", duty.description)
    event.add("sequence", known.sequence)
    event.add("status", "CANCELLED" if duty.cancelled else "CONFIRMED")
    return event


def _files(data: ProblemData, assignments: Sequence[Assignment]) -> dict[str, list[Duty]]:
    """Every calendar file's events for one roster, by file name (the unit's always there)."""
    files: dict[str, list[Duty]] = defaultdict(list)
    for a in assignments:
        files[person_file(Path(), a.person).name].append(person_duty(data, a))
    files[UNIT_FILE] = unit_duties(data, assignments)
    return files


def replayed(
    data: ProblemData, earlier: Sequence[tuple[datetime, Sequence[Assignment]]]
) -> dict[str, dict[str, Known]]:
    """The events each file had after the recorded versions ``earlier`` (oldest first, each
    with the moment it was recorded), by file name and identifier: the history database's
    answer to "what did the officers' calendars last say"."""
    known: dict[str, dict[str, Known]] = {}
    for stamp, roster in earlier:
        files = _files(data, roster)
        for name in files.keys() | known.keys():
            events = versioned(files.get(name, []), known.get(name, {}), stamp)
            known[name] = {k.duty.uid: k for k in events}
    return known


def write_calendars(
    data: ProblemData,
    assignments: Sequence[Assignment],
    folder: Path,
    previous: Path | None = None,
    earlier: Sequence[tuple[datetime, Sequence[Assignment]]] = (),
) -> list[Path]:
    """Write ``calendar-<id>.ics`` for everyone on duty (or who was, in the previous version)
    and the unit's ``calendar.ics`` into ``folder``, over the whole horizon.

    The previous version is the recorded versions ``earlier`` (from the history database)
    when there are any, else the files in ``previous`` (the announced roster's folder) when
    given, else those already in ``folder``.
    """
    source = previous or folder
    if earlier:
        known = replayed(data, earlier)
    else:
        names = [person_file(source, pid) for pid in data.person_by_id]
        known = {p.name: read_known(p) for p in [*names, source / UNIT_FILE] if p.exists()}
    files = _files(data, assignments)
    titles = {
        person_file(Path(), p.id).name: say("calendar.person_name", data, name=p.name)
        for p in data.people
    }
    titles[UNIT_FILE] = data.settings.unit
    paths = []
    for name in sorted(files.keys() | known.keys(), key=lambda n: (n == UNIT_FILE, n)):
        events = versioned(files.get(name, []), known.get(name, {}))
        paths.append(_write(folder / name, titles.get(name, name), events))
    return paths


def _write(path: Path, name: str, events: Sequence[Known]) -> Path:
    content = calendar_bytes(name, events)
    return write_atomic(path, lambda tmp: tmp.write_bytes(content))
