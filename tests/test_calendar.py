"""Calendar files: valid for two independent parsers, and after a re-plan an app that re-imports
an officer's file updates exactly the events that changed (same identifiers, higher sequence)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import ics
import pytest
from click.testing import CliRunner
from icalendar import Calendar

from roster.calendar import UNIT_FILE, person_duty, person_file, write_calendars
from roster.cli import main
from roster.data import Requirement, StatusKind, StatusPeriod
from roster.errors import OutputError
from roster.io.problem_writer import write_problem_workbook
from roster.io.writer import read_assignments
from roster.outputs import sheets_dir
from roster.solver import solve
from tests.builders import START, police, problem


def _ward():
    """Six police, a morning post of two and a night post of one, for five days."""
    return problem(
        [police(i) for i in range(6)],
        [
            Requirement(area="A", shift="S", min_staff=2),
            Requirement(area="A", shift="D", min_staff=1),
        ],
        5,
    )


def _app_import(store: dict[str, tuple[int, str]], path: Path) -> set[str]:
    """What a calendar app does on import (RFC 5546 rules, as the ``ics`` parser reads the
    file): add unknown identifiers, replace an event whose sequence rose, ignore the rest.
    Returns the identifiers it added or replaced."""
    touched = set()
    for event in ics.Calendar(path.read_text(encoding="utf-8")).events:
        sequence = int(next(x.value for x in event.extra if x.name == "SEQUENCE"))
        old = store.get(event.uid)
        if old is None or sequence > old[0]:
            store[event.uid] = (sequence, event.status)
            touched.add(event.uid)
    return touched


def test_files_parse_with_both_parsers_in_vietnam_time(tmp_path: Path):
    data = _ward()
    roster = solve(data, time_limit=20, workers=1, seed=1).assignments
    paths = write_calendars(data, roster, tmp_path)
    assert paths[-1].name == UNIT_FILE
    on_duty = {a.person for a in roster}
    assert {p.name for p in paths[:-1]} == {person_file(tmp_path, p).name for p in on_duty}
    for path in paths:
        mine = Calendar.from_ical(path.read_bytes())
        theirs = ics.Calendar(path.read_text(encoding="utf-8"))
        assert len(mine.walk("VEVENT")) == len(theirs.events) > 0
        assert mine.walk("VTIMEZONE")[0]["TZID"] == "Asia/Ho_Chi_Minh"
        for event in theirs.events:
            assert event.begin.utcoffset() == timedelta(hours=7)
    person = sorted(on_duty)[0]
    mine = Calendar.from_ical(person_file(tmp_path, person).read_bytes())
    uids = {person_duty(data, a).uid for a in roster if a.person == person}
    assert {str(e["UID"]) for e in mine.walk("VEVENT")} == uids
    assert all(uid.startswith(f"{person}-") for uid in uids)
    unit = ics.Calendar((tmp_path / UNIT_FILE).read_text(encoding="utf-8"))
    assert len(unit.events) == len({(a.date, a.shift, a.area) for a in roster})


def test_writing_the_same_roster_again_changes_nothing(tmp_path: Path):
    data = _ward()
    roster = solve(data, time_limit=20, workers=1, seed=1).assignments
    first = [p.read_bytes() for p in write_calendars(data, roster, tmp_path)]
    again = [p.read_bytes() for p in write_calendars(data, roster, tmp_path)]
    assert first == again


def _run(*args: str) -> str:
    res = CliRunner().invoke(main, [*args, "--workers", "1", "--time-limit", "20", "--quiet"])
    assert res.exit_code == 0, res.output
    return res.output


def test_replan_updates_only_the_changed_events(tmp_path: Path):
    """Solve, import every officer's file into an 'app', fall two officers sick, re-plan, and
    re-import: the app touches exactly the events of the re-plan's changes; the sick
    officers' lost duties come back CANCELLED under the same identifiers."""
    data = _ward()
    book = write_problem_workbook(data, tmp_path / "ward.xlsx")
    _run("solve", str(book), "-o", str(tmp_path))
    roster = tmp_path / "ward-roster.xlsx"
    before = read_assignments(roster)
    day = START + timedelta(2)
    sick = sorted({a.person for a in before if a.date == day})[:2]
    statuses = tuple(
        StatusPeriod(person=p, status=StatusKind.F0, date_from=day, date_to=data.dates[-1])
        for p in sick
    )
    new_data = data.model_copy(update={"statuses": statuses})
    new = write_problem_workbook(new_data, tmp_path / "n.xlsx")
    _run("replan", str(new), "--roster", str(roster), "--from", f"{day:%d/%m/%Y}", "-o",
         str(tmp_path / "out"))  # fmt: skip
    replanned = next((tmp_path / "out").glob("n-replan-*.xlsx"))
    after = read_assignments(replanned)
    old_keys = {(a.person, a.date, a.shift): a for a in before}
    new_keys = {(a.person, a.date, a.shift): a for a in after}
    changed = {k for k in old_keys.keys() | new_keys.keys() if old_keys.get(k) != new_keys.get(k)}
    assert changed
    uid = {k: person_duty(data, old_keys.get(k) or new_keys[k]).uid for k in changed}
    old_folder, new_folder = sheets_dir(roster), sheets_dir(replanned)
    for person in sorted({a.person for a in before} | {a.person for a in after}):
        store: dict[str, tuple[int, str]] = {}
        _app_import(store, person_file(old_folder, person))
        kept = dict(store)
        touched = _app_import(store, person_file(new_folder, person))
        expected = {uid[k] for k in changed if k[0] == person}
        assert touched == expected, person
        assert {u: v for u, v in store.items() if u not in touched} == {
            u: v for u, v in kept.items() if u not in touched
        }
        for one in expected & kept.keys():
            assert store[one][0] > kept[one][0]
        for p, d, s in changed:
            if p == person and (p, d, s) not in new_keys:
                assert store[uid[(p, d, s)]][1] == "CANCELLED"
    for person in sick:
        lost = {(a.date, a.shift) for a in before if a.person == person and a.date >= day}
        assert lost and all((person, d, s) in changed for d, s in lost)


def test_an_unreadable_earlier_file_is_an_output_error(tmp_path: Path):
    """Sequences cannot be carried on from a file that is not a calendar: say so, write nothing
    over it."""
    data = _ward()
    (tmp_path / UNIT_FILE).write_bytes(b"\x00not a calendar")
    with pytest.raises(OutputError, match="calendar"):
        write_calendars(data, [], tmp_path)
    assert (tmp_path / UNIT_FILE).read_bytes() == b"\x00not a calendar"


def _events(path: Path) -> dict[str, tuple[int, str]]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): (int(e["SEQUENCE"]), str(e["STATUS"])) for e in calendar.walk("VEVENT")}


def test_the_history_database_versions_calendars_written_anywhere(tmp_path: Path):
    """`roster sheets` of the re-planned roster into a new folder, where no earlier calendar
    lies: the recorded versions give every event the sequence and status the re-plan's own
    calendars gave it."""
    data = _ward()
    book = write_problem_workbook(data, tmp_path / "ward.xlsx")
    _run("solve", str(book), "-o", str(tmp_path))
    roster = tmp_path / "ward-roster.xlsx"
    day = START + timedelta(2)
    sick = sorted({a.person for a in read_assignments(roster) if a.date == day})[0]
    status = StatusPeriod(person=sick, status=StatusKind.F0, date_from=day, date_to=data.dates[-1])
    new = write_problem_workbook(
        data.model_copy(update={"statuses": (status,)}), tmp_path / "n.xlsx"
    )
    _run("replan", str(new), "--roster", str(roster), "--from", f"{day:%d/%m/%Y}", "-o",
         str(tmp_path))  # fmt: skip
    replanned = next(tmp_path.glob("n-replan-*.xlsx"))
    fresh = tmp_path / "fresh"
    res = CliRunner().invoke(main, ["sheets", str(replanned), "--format", "ics", "-o", str(fresh)])
    assert res.exit_code == 0, res.output
    own = sheets_dir(replanned)
    names = sorted(p.name for p in own.glob("*.ics"))
    assert names == sorted(p.name for p in fresh.glob("*.ics"))
    raised = 0
    for name in names:
        assert _events(fresh / name) == _events(own / name), name
        raised += sum(seq > 0 for seq, _ in _events(own / name).values())
    assert raised and _events(person_file(fresh, sick))
