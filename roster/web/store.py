"""The served folder: input workbooks found by opaque id, uploads, and numbered roster versions.

Nothing a browser sends becomes a path. Workbooks are listed from the folder and named by a
hash of their place in it; a request naming any other id finds nothing. Uploads are stored
under a name the server chooses. Each accepted change is a new numbered version file beside
the others (never over an input workbook, never over an earlier version), and a save based
on an older version than the latest is kept apart and said so. Every version is also recorded
in the folder's history database (command "serve"), so `roster history` and `roster diff` list
the page's work beside the command line's.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from roster.history import check_history, history_path, record
from roster.io.atomic import write_atomic
from roster.result import Change, Result

HISTORY_COMMAND = "serve"
UPLOADS = "uploads"
ROSTERS = "rosters"
LOG = "versions.json"


@dataclass(frozen=True)
class Entry:
    """An input workbook of the folder: its opaque id and the file it stands for."""

    id: str
    path: Path
    label: str


@dataclass(frozen=True)
class Version:
    """One saved roster of a workbook. ``conflict``: saved from an older version than the
    latest at the time, so kept beside it rather than as the current one."""

    number: int
    path: Path
    action: str
    based_on: int | None
    saved_at: str
    conflict: bool


@dataclass(frozen=True)
class Announced:
    """What a saved version says, for the history database: the roster, and the reasons of
    its changes (a re-plan's or an edit's) by person and day."""

    result: Result
    reasons: Sequence[Change] = ()


@dataclass(frozen=True)
class Saved:
    version: Version
    latest: int | None  # the current version when the save was asked (None: the first)


def file_id(root: Path, path: Path) -> str:
    """A short id that names the file without revealing or accepting a path."""
    relative = path.relative_to(root).as_posix()
    return hashlib.sha256(relative.encode()).hexdigest()[:12]


class Folder:
    """The workbooks and rosters under one folder, with one lock per workbook's versions."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def workbooks(self) -> list[Entry]:
        """The .xlsx files in the folder and its uploads, by name (hidden files left out)."""
        found = []
        for folder in (self.root, self.root / UPLOADS):
            if folder.is_dir():
                for path in sorted(folder.glob("*.xlsx")):
                    if not path.name.startswith((".", "~$")) and path.is_file():
                        found.append(Entry(file_id(self.root, path), path, path.name))
        return found

    def find(self, wid: str) -> Entry | None:
        """The workbook with this id, or None: the only way from a request to a file."""
        return next((e for e in self.workbooks() if e.id == wid), None)

    def store_upload(self, data: bytes) -> Entry:
        """Write the bytes under a fresh server-chosen name in uploads/, whole or not at all."""
        folder = self.root / UPLOADS
        folder.mkdir(parents=True, exist_ok=True)
        name = f"upload-{datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(3)}.xlsx"
        target = folder / name
        _write_atomic(target, data)
        return Entry(file_id(self.root, target), target, name)

    def remove_upload(self, entry: Entry) -> None:
        """Delete a refused upload (only ever a file of uploads/)."""
        if entry.path.parent == self.root / UPLOADS:
            entry.path.unlink(missing_ok=True)

    def _versions_dir(self, wid: str) -> Path:
        return self.root / ROSTERS / wid

    def versions(self, wid: str) -> list[Version]:
        """Every saved version of the workbook's roster, oldest first."""
        folder = self._versions_dir(wid)
        log = _read_log(folder / LOG)
        out = []
        for row in log:
            path = folder / f"v{int(row['number']):03d}.xlsx"
            if path.is_file():
                out.append(
                    Version(
                        int(row["number"]),
                        path,
                        str(row["action"]),
                        row.get("based_on"),
                        str(row["saved_at"]),
                        bool(row.get("conflict")),
                    )
                )
        return out

    def version(self, wid: str, number: int) -> Version | None:
        return next((v for v in self.versions(wid) if v.number == number), None)

    def latest(self, wid: str) -> Version | None:
        """The current version: the newest one not kept apart as a conflict."""
        return next((v for v in reversed(self.versions(wid)) if not v.conflict), None)

    def _lock(self, wid: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(wid, threading.Lock())

    @property
    def history(self) -> Path:
        """The history database: $ROSTER_HISTORY, else beside the folder's workbooks."""
        return history_path(self.root)

    def save_version(
        self,
        wid: str,
        based_on: int | None,
        action: str,
        write: Callable[[Path], Path],
        announced: Announced | None = None,
    ) -> Saved:
        """Write a new version with ``write(path)`` (an atomic writer) under the next number,
        and record ``announced`` in the history database (None: a version not made by the
        page, as a test's fixture writes one).

        A save based on a version older than the latest is still written, as a new number
        marked ``conflict``, so neither person's work is lost and the caller can say so. A
        damaged history database is found before anything is written.
        """
        if announced is not None:
            check_history(self.history)
        with self._lock(wid):
            folder = self._versions_dir(wid)
            folder.mkdir(parents=True, exist_ok=True)
            log = _read_log(folder / LOG)
            latest = self.latest(wid)
            current = latest.number if latest else None
            number = max((int(r["number"]) for r in log), default=0) + 1
            path = folder / f"v{number:03d}.xlsx"
            write(path)
            conflict = based_on != current and current is not None
            row = {
                "number": number,
                "action": action,
                "based_on": based_on,
                "saved_at": f"{datetime.now():%Y-%m-%d %H:%M:%S}",
                "conflict": conflict,
            }
            _write_atomic(folder / LOG, json.dumps([*log, row], ensure_ascii=False).encode())
            if announced is not None:
                self._record(wid, path, announced)
            return Saved(self.version(wid, number), current)

    def _record(self, wid: str, path: Path, announced: Announced) -> None:
        """Record the version just written, against its input workbook."""
        entry = self.find(wid)
        if entry is None:
            return
        result = announced.result
        record(
            self.history,
            HISTORY_COMMAND,
            result.data,
            result.assignments,
            entry.path,
            path,
            reasons=announced.reasons,
        )


def _read_log(path: Path) -> list[dict]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []


def _write_atomic(target: Path, data: bytes) -> None:
    write_atomic(target, lambda tmp: tmp.write_bytes(data))
