"""The record of announced versions: what is recorded, what is refused, and two commands at once."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from roster.cli import main
from roster.data import Assignment, Requirement, StatusKind, StatusPeriod
from roster.errors import ExitCode, HistoryError
from roster.history import (
    DEFAULT_NAME,
    check_history,
    compare,
    record,
    roster_sha256,
    versions,
)
from roster.io.problem_writer import write_problem_workbook
from tests.builders import START, police, problem


def _ward(days: int = 5):
    return problem(
        [police(i) for i in range(6)],
        [
            Requirement(area="A", shift="S", min_staff=2),
            Requirement(area="A", shift="D", min_staff=1),
        ],
        days,
    )


def _on(person: str, day: int, shift: str = "S") -> Assignment:
    return Assignment(date=START + timedelta(day), shift=shift, area="A", person=person)


def test_versions_chain_per_unit_and_horizon(tmp_path: Path):
    data = _ward()
    book = write_problem_workbook(data, tmp_path / "ward.xlsx")
    db = tmp_path / DEFAULT_NAME
    first = [_on("P1", 0), _on("P2", 0), _on("P3", 1, "D")]
    second = [_on("P1", 0), _on("P4", 0), _on("P3", 1, "S")]
    assert record(db, "solve", data, first, book, tmp_path / "a.xlsx") == 1
    assert record(db, "replan", data, second, book, tmp_path / "b.xlsx") == 2
    other = data.model_copy(update={"settings": data.settings.model_copy(update={"days": 3})})
    assert record(db, "solve", other, first, book, tmp_path / "c.xlsx") == 3
    listed = versions(db)
    assert [(v.id, v.command, v.previous_id, v.shifts) for v in listed] == [
        (1, "solve", None, 3),
        (2, "replan", 1, 3),
        (3, "solve", None, 3),
    ]
    assert listed[0].roster_sha256 == roster_sha256(list(reversed(first)))
    assert listed[0].input_sha256 == hashlib.sha256(book.read_bytes()).hexdigest()
    assert (listed[1].changes, listed[2].changes) == (3, 0)
    changes, names = compare(db, 1, 2)
    moved = {(c.kind.value, c.person) for c in changes}
    assert moved == {("removed", "P2"), ("added", "P4"), ("moved", "P3")}
    assert names["P4"] == "Nguyễn Văn 4"
    assert versions(db, "no such unit") == []
    with pytest.raises(HistoryError, match="no version 9"):
        compare(db, 1, 9)


def test_a_newer_schema_is_refused_and_left_alone(tmp_path: Path):
    db = tmp_path / DEFAULT_NAME
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA user_version = 99")
    before = db.read_bytes()
    with pytest.raises(HistoryError, match="newer"):
        check_history(db)
    data = _ward()
    book = write_problem_workbook(data, tmp_path / "ward.xlsx")
    with pytest.raises(HistoryError, match="newer"):
        record(db, "solve", data, [], book, tmp_path / "a.xlsx")
    assert db.read_bytes() == before


def _cli(*args: str):
    return CliRunner().invoke(main, [*args, "--workers", "1", "--time-limit", "20", "--quiet"])


def _solved(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The ward solved by the command line: its workbook, roster and history database."""
    book = write_problem_workbook(_ward(), tmp_path / "ward.xlsx")
    res = _cli("solve", str(book), "-o", str(tmp_path / "out"), "--no-sheets")
    assert res.exit_code == 0, res.output
    db = tmp_path / "out" / DEFAULT_NAME
    assert "version 1" in res.output or "phiên bản 1" in res.output
    return book, tmp_path / "out" / "ward-roster.xlsx", db


def _f0_book(tmp_path: Path, roster: Path, name: str) -> tuple[Path, str]:
    from roster.io.writer import read_assignments

    data = _ward()
    day = START + timedelta(2)
    sick = sorted({a.person for a in read_assignments(roster) if a.date == day})[0]
    status = StatusPeriod(person=sick, status=StatusKind.F0, date_from=day, date_to=data.dates[-1])
    book = write_problem_workbook(data.model_copy(update={"statuses": (status,)}), tmp_path / name)
    return book, f"{day:%d/%m/%Y}"


def test_a_truncated_database_is_a_clear_error_and_writes_nothing(tmp_path: Path):
    book, roster, db = _solved(tmp_path)
    for _ in range(4):  # enough versions for several pages
        record(db, "solve", _ward(), [_on("P1", d) for d in range(5)], book, roster)
    size = db.stat().st_size
    assert size > 4 * 4096
    with db.open("r+b") as f:
        f.truncate(size // 2)
    rosters = {p: p.read_bytes() for p in (tmp_path / "out").glob("*.xlsx")}
    new, day = _f0_book(tmp_path, roster, "new.xlsx")
    res = _cli("replan", str(new), "--roster", str(roster), "--from", day, "-o",
               str(tmp_path / "out"), "--no-sheets")  # fmt: skip
    assert res.exit_code == ExitCode.INPUT, res.output
    assert "history" in res.output and "damaged" in res.output
    assert {p: p.read_bytes() for p in (tmp_path / "out").glob("*.xlsx")} == rosters
    listing = CliRunner().invoke(main, ["history", "-o", str(tmp_path / "out")])
    assert listing.exit_code == ExitCode.INPUT and "damaged" in listing.output


def test_two_replans_at_the_same_moment_are_both_recorded(tmp_path: Path):
    """Two processes re-plan the same roster at once into the same history: both finish, both
    versions are recorded one after the other (the second's previous is the first), and the
    file passes SQLite's integrity check."""
    _, roster, db = _solved(tmp_path)
    runs = []
    for name in ("one.xlsx", "two.xlsx"):
        new, day = _f0_book(tmp_path, roster, name)
        args = ["replan", str(new), "--roster", str(roster), "--from", day, "-o",
                str(tmp_path / "out"), "--no-sheets", "--workers", "1", "--time-limit", "30",
                "--quiet"]  # fmt: skip
        runs.append(args)
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "roster", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for args in runs
    ]
    outputs = [p.communicate(timeout=300)[0] for p in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    listed = versions(db)
    assert [v.command for v in listed] == ["solve", "replan", "replan"]
    assert sorted(v.previous_id for v in listed[1:]) == [1, 2]
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    listing = CliRunner().invoke(main, ["history", "-o", str(tmp_path / "out")])
    assert listing.exit_code == 0 and listing.output.count(" replan ") == 2
    shown = CliRunner().invoke(main, ["diff", "1", "3", "--history", str(db)])
    assert shown.exit_code == 0 and "#1" in shown.output
