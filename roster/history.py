"""A record of every announced roster, in one SQLite file: which version said what, and when.

`solve`, `replan` and `cover --apply` record each roster they write: when, by which command,
the checksums of the input workbook and of the roster (its assignments, so that the same
roster saved twice has one checksum), every assignment, and what changed against the previous
version of the same unit and horizon. `roster history` lists the versions and `roster diff`
compares two. The database adds history and never holds the only copy: every roster is a
workbook on disk that `check`, `sheets` and `replan` read without it.

Why SQLite: commands run at the same time (two officers re-planning at once) must both be
recorded and neither corrupt the file, which WAL mode and one `BEGIN IMMEDIATE` transaction per
record give; the schema carries its version in ``PRAGMA user_version`` and grows by numbered
migrations, and a file written by a newer program is refused rather than altered. A damaged
file is found before any roster is written (`check_history`), so a failed run leaves the
rosters on disk as they were.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from roster.data import Assignment, Carried, Mode, ProblemData
from roster.errors import HistoryError
from roster.result import Change, ChangeKind
from roster.text import both

DEFAULT_NAME = "roster-history.sqlite"
ENV = "ROSTER_HISTORY"  # a path, to keep one history wherever the outputs go
BUSY_MS = 60_000  # how long a command waits for another one's record to finish

# Migration N takes the schema from version N to N + 1; a new release only appends.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE versions (
        id INTEGER PRIMARY KEY,
        recorded_at TEXT NOT NULL,
        command TEXT NOT NULL,
        unit TEXT NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        language TEXT NOT NULL,
        input_sha256 TEXT NOT NULL,
        roster_sha256 TEXT NOT NULL,
        roster_path TEXT NOT NULL,
        previous_id INTEGER REFERENCES versions(id)
    );
    CREATE INDEX versions_by_unit ON versions(unit, start_date, end_date, id);
    CREATE TABLE assignments (
        version_id INTEGER NOT NULL REFERENCES versions(id),
        date TEXT NOT NULL,
        shift TEXT NOT NULL,
        area TEXT NOT NULL,
        person TEXT NOT NULL,
        name TEXT NOT NULL,
        mode TEXT NOT NULL,
        night INTEGER NOT NULL
    );
    CREATE INDEX assignments_by_version ON assignments(version_id);
    CREATE TABLE changes (
        version_id INTEGER NOT NULL REFERENCES versions(id),
        kind TEXT NOT NULL,
        person TEXT NOT NULL,
        date TEXT NOT NULL,
        before TEXT,
        after TEXT,
        reason TEXT NOT NULL
    );
    CREATE INDEX changes_by_version ON changes(version_id);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class Version:
    """One recorded roster."""

    id: int
    recorded_at: datetime
    command: str
    unit: str
    start_date: date
    end_date: date
    language: str
    input_sha256: str
    roster_sha256: str
    roster_path: str
    previous_id: int | None
    shifts: int
    changes: int


def history_path(output: Path, option: Path | None = None) -> Path:
    """The database: ``option`` (``--history``), else $ROSTER_HISTORY, else beside the
    outputs."""
    if option is not None:
        return option
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    return output / DEFAULT_NAME


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def roster_sha256(assignments: Sequence[Assignment]) -> str:
    """The checksum of what a roster says (its assignments in order), not of its file."""
    lines = sorted(
        f"{a.date:%Y-%m-%d}\t{a.shift}\t{a.area}\t{a.person}\t{Mode(a.mode).value}"
        for a in assignments
    )
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def _fail(path: Path, key: str, **values: object) -> HistoryError:
    return HistoryError(f"{path}: {both(key, **values)}")


@contextmanager
def _connect(path: Path, create: bool) -> Iterator[sqlite3.Connection]:
    """A connection in autocommit mode (transactions are explicit), its schema checked and,
    when ``create``, brought up to date. Damage and newer schemas are `HistoryError`."""
    if not create and not path.exists():
        raise _fail(path, "history.missing")
    try:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise _fail(path, "history.unreadable", error=exc) from None
    try:
        _prepare(connection, path, create)
        yield connection
    except sqlite3.DatabaseError as exc:
        raise _fail(path, "history.unreadable", error=exc) from None
    finally:
        connection.close()


def _prepare(connection: sqlite3.Connection, path: Path, create: bool) -> None:
    connection.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise _fail(path, "history.newer", found=version, known=SCHEMA_VERSION)
    problems = connection.execute("PRAGMA quick_check").fetchall()
    if problems != [("ok",)]:
        raise _fail(path, "history.unreadable", error=problems[0][0])
    if create:
        connection.execute("PRAGMA journal_mode = WAL")
        _migrate(connection, path)


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Apply the migrations this file lacks, in one transaction (a second command migrating
    at the same moment waits, then finds nothing left to do)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise _fail(path, "history.newer", found=version, known=SCHEMA_VERSION)
        for number in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def check_history(path: Path) -> None:
    """Before a command writes anything: a database that is there must be readable and not
    newer than this program (a missing one is created when the first roster is recorded)."""
    if path.exists():
        with _connect(path, create=False):
            pass


def record(
    path: Path,
    command: str,
    data: ProblemData,
    assignments: Sequence[Assignment],
    workbook: Path,
    roster: Path,
    reasons: Sequence[Change] = (),
) -> int:
    """Record the roster just written at ``roster`` and return its version number.

    The changes are against the latest version of the same unit and horizon (none for the
    first); ``reasons`` (a re-plan's or a cover's changes) give each its reason when they name
    the same person and day.
    """
    s = data.settings
    why = {(c.person, c.date): c.reason for c in reasons}
    nights = {x.id for x in data.shifts if x.night}
    names = {p.id: p.name for p in data.people}
    with _connect(path, create=True) as db:
        db.execute("BEGIN IMMEDIATE")
        try:
            previous = db.execute(
                "SELECT max(id) FROM versions WHERE unit = ? AND start_date = ? AND end_date = ?",
                (s.unit, s.start_date.isoformat(), s.end_date.isoformat()),
            ).fetchone()[0]
            cursor = db.execute(
                "INSERT INTO versions (recorded_at, command, unit, start_date, end_date, "
                "language, input_sha256, roster_sha256, roster_path, previous_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    datetime.now(timezone.utc).isoformat(timespec="seconds"),
                    command,
                    s.unit,
                    s.start_date.isoformat(),
                    s.end_date.isoformat(),
                    s.language,
                    file_sha256(workbook),
                    roster_sha256(assignments),
                    str(roster.resolve()),
                    previous,
                ),
            )
            version = int(cursor.lastrowid)
            db.executemany(
                "INSERT INTO assignments VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (
                        version,
                        a.date.isoformat(),
                        a.shift,
                        a.area,
                        a.person,
                        names.get(a.person, ""),
                        Mode(a.mode).value,
                        int(a.shift in nights),
                    )
                    for a in assignments
                ),
            )
            changes = [] if previous is None else diff(_assignments(db, previous), assignments)
            db.executemany(
                "INSERT INTO changes VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    (
                        version,
                        c.kind.value,
                        c.person,
                        c.date.isoformat(),
                        _place(c.before),
                        _place(c.after),
                        why.get((c.person, c.date), ""),
                    )
                    for c in changes
                ),
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return version


def _place(a: Assignment | None) -> str | None:
    if a is None:
        return None
    return f"{a.shift}, {a.area}, {Mode(a.mode).value}"


def _assignments(db: sqlite3.Connection, version: int) -> list[Assignment]:
    rows = db.execute(
        "SELECT date, shift, area, person, mode FROM assignments WHERE version_id = ?", (version,)
    )
    return [
        Assignment(date=date.fromisoformat(d), shift=s, area=a, person=p, mode=Mode(m))
        for d, s, a, p, m in rows
    ]


def diff(before: Sequence[Assignment], after: Sequence[Assignment]) -> list[Change]:
    """Person-days whose duty differs between two versions (without reasons: what the
    database knows is what was announced, not why)."""
    old = {(a.person, a.date): a for a in before}
    new = {(a.person, a.date): a for a in after}
    out = []
    for key in sorted(old.keys() | new.keys(), key=lambda k: (k[1], k[0])):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        kind = ChangeKind.REMOVED if b is None else ChangeKind.ADDED if a is None else None
        out.append(Change(kind or ChangeKind.MOVED, key[0], key[1], a, b, ""))
    return out


def versions(path: Path, unit: str | None = None) -> list[Version]:
    """Every recorded version (of ``unit`` when given), oldest first."""
    with _connect(path, create=False) as db:
        rows = db.execute(
            "SELECT v.id, v.recorded_at, v.command, v.unit, v.start_date, v.end_date, "
            "v.language, v.input_sha256, v.roster_sha256, v.roster_path, v.previous_id, "
            "(SELECT count(*) FROM assignments WHERE version_id = v.id), "
            "(SELECT count(*) FROM changes WHERE version_id = v.id) "
            "FROM versions v WHERE (? IS NULL OR v.unit = ?) ORDER BY v.id",
            (unit, unit),
        ).fetchall()
    return [
        Version(
            id=r[0],
            recorded_at=datetime.fromisoformat(r[1]),
            command=r[2],
            unit=r[3],
            start_date=date.fromisoformat(r[4]),
            end_date=date.fromisoformat(r[5]),
            language=r[6],
            input_sha256=r[7],
            roster_sha256=r[8],
            roster_path=r[9],
            previous_id=r[10],
            shifts=r[11],
            changes=r[12],
        )
        for r in rows
    ]


def compare(path: Path, first: int, second: int) -> tuple[list[Change], dict[str, str]]:
    """What changed from version ``first`` to ``second``, and the people's names."""
    with _connect(path, create=False) as db:
        known = {
            r[0] for r in db.execute("SELECT id FROM versions WHERE id IN (?, ?)", (first, second))
        }
        missing = [v for v in (first, second) if v not in known]
        if missing:
            raise _fail(path, "history.no_version", version=missing[0])
        names = dict(
            db.execute(
                "SELECT person, name FROM assignments WHERE version_id IN (?, ?)", (first, second)
            ).fetchall()
        )
        return diff(_assignments(db, first), _assignments(db, second)), names


def carried(path: Path, data: ProblemData) -> tuple[Carried, ...] | None:
    """What each person worked this year before the horizon, by the latest recorded version
    of the unit that covers each day; None when the database records none of those days."""
    s = data.settings
    first = date(s.start_date.year, 1, 1)
    if not path.exists() or first >= s.start_date:
        return None
    with _connect(path, create=False) as db:
        rows = db.execute(
            "SELECT a.person, a.date, a.night FROM assignments a JOIN versions v "
            "ON a.version_id = v.id WHERE v.unit = ? AND a.date >= ? AND a.date < ? "
            "AND v.id = (SELECT max(w.id) FROM versions w WHERE w.unit = v.unit "
            "AND w.start_date <= a.date AND w.end_date >= a.date)",
            (s.unit, first.isoformat(), s.start_date.isoformat()),
        ).fetchall()
    if not rows:
        return None
    counts: dict[str, dict[str, int]] = {}
    last: dict[str, date] = {}
    for person, day_text, night in rows:
        day = date.fromisoformat(day_text)
        c = counts.setdefault(person, dict.fromkeys(("shifts", "nights", "weekend", "holiday"), 0))
        c["shifts"] += 1
        c["nights"] += night
        c["holiday"] += day in data.holidays
        c["weekend"] += day.weekday() >= 5 and day not in data.holidays
        last[person] = max(last.get(person, day), day)
    return tuple(
        Carried(
            person=p,
            shifts=c["shifts"],
            nights=c["nights"],
            weekend_shifts=c["weekend"],
            holiday_shifts=c["holiday"],
            up_to=last[p],
        )
        for p, c in sorted(counts.items())
    )


def with_history(data: ProblemData, path: Path) -> ProblemData:
    """``data`` with this year's carried totals from the database when it has them, else
    as read (the workbook's `Ledger` sheet, or nothing)."""
    found = carried(path, data)
    return data if found is None else data.model_copy(update={"carried": found})


def announced(path: Path, data: ProblemData) -> list[tuple[datetime, list[Assignment]]]:
    """Every recorded version of ``data``'s unit and horizon, oldest first, with the moment
    it was recorded: what the officers' calendars said so far (none without a database)."""
    if not path.exists():
        return []
    s = data.settings
    with _connect(path, create=False) as db:
        found = db.execute(
            "SELECT id, recorded_at FROM versions WHERE unit = ? AND start_date = ? "
            "AND end_date = ? ORDER BY id",
            (s.unit, s.start_date.isoformat(), s.end_date.isoformat()),
        ).fetchall()
        return [(datetime.fromisoformat(when), _assignments(db, v)) for v, when in found]
