"""`roster trace`: exactly the on-site co-workers of the days before and the day itself, and F1
rows in a copy."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner

from roster import read_workbook, write_roster
from roster.cli import main
from roster.data import Area, Assignment, Mode, StatusKind
from roster.io.problem_writer import write_problem_workbook
from roster.result import Result, Status
from roster.trace import contacts
from tests.builders import chain_ward as ward

DAY = date(2021, 8, 10)


def a(day_offset: int, shift: str, area: str, person: str, mode=Mode.ONSITE) -> Assignment:
    return Assignment(
        date=DAY - timedelta(days=day_offset), shift=shift, area=area, person=person, mode=mode
    )


ROSTER = [
    a(1, "S", "A", "X"),  # X's shift the day before
    a(1, "S", "A", "Y"),  # same day, shift and area: contact
    a(1, "C", "A", "Z"),  # same area, other shift: not a contact
    a(1, "S", "B", "W"),  # same shift, other area: not a contact
    a(2, "D", "B", "X"),  # two days before
    a(2, "D", "B", "V"),  # contact
    a(2, "D", "B", "Y"),  # contact again (two shared places)
    a(3, "S", "A", "X"),  # three days before: outside the default window
    a(3, "S", "A", "U"),
    a(0, "S", "A", "X"),  # the day itself: worked before the result came
    a(0, "S", "A", "T"),  # contact
    a(-1, "S", "A", "X"),  # the day after: only with a later --until
    a(-1, "S", "A", "S"),
    a(1, "S", "R", "X", Mode.REMOTE),  # remote: no contact (and X has one shift a day anyway)
]


def test_contacts_are_exactly_the_co_workers():
    found = contacts(ROSTER, "X", DAY)
    assert [c.person for c in found] == ["Y", "T", "V"]
    assert found[0].places == (
        (DAY - timedelta(days=2), "D", "B"),
        (DAY - timedelta(days=1), "S", "A"),
    )
    assert [c.person for c in contacts(ROSTER, "X", DAY, days=3)] == ["Y", "T", "U", "V"]
    assert [c.person for c in contacts(ROSTER, "X", DAY, days=1)] == ["T", "Y"]
    before = contacts(ROSTER, "X", DAY, until=DAY - timedelta(days=1))
    assert [c.person for c in before] == ["Y", "V"]
    later = contacts(ROSTER, "X", DAY, until=DAY + timedelta(days=1))
    assert [c.person for c in later] == ["Y", "S", "T", "V"]
    assert contacts(ROSTER, "nobody", DAY) == []


def _roster_file(tmp_path: Path) -> tuple[Path, Path]:
    data, roster = ward()
    data = data.model_copy(
        update={
            "areas": (*data.areas, Area(id="C")),
            "settings": data.settings.model_copy(update={"days": 3}),
        }
    )
    day = data.settings.start_date
    assignments = (
        *roster,
        Assignment(date=day, shift="S", area="A", person="M"),
        Assignment(date=day + timedelta(days=1), shift="S", area="B", person="P1"),
        Assignment(date=day + timedelta(days=1), shift="S", area="B", person="P2"),
    )
    result = Result(data, Status.FEASIBLE, assignments, (), {}, (), (), (), {}, 0.0)
    book = write_problem_workbook(data, tmp_path / "ward.xlsx")
    return book, write_roster(result, tmp_path / "ward-roster.xlsx")


def test_cli_trace_and_mark_f1_on_a_copy(tmp_path):
    book, roster = _roster_file(tmp_path)
    digest = hashlib.sha256(book.read_bytes()).hexdigest()
    runner = CliRunner()
    res = runner.invoke(
        main,
        [
            "trace",
            "P1",
            "--date",
            "03/08/2021",
            "--roster",
            str(roster),
            "--mark-f1",
            str(book),
            "-o",
            str(tmp_path / "o"),
        ],
    )
    assert res.exit_code == 0, res.output
    assert "M " in res.output and "P2" in res.output
    assert hashlib.sha256(book.read_bytes()).hexdigest() == digest
    copy = next((tmp_path / "o").glob("ward-f1-P1-*.xlsx"))
    marked = read_workbook(copy)
    f1 = {s.person: s for s in marked.statuses if s.status == StatusKind.F1}
    assert set(f1) == {"M", "P2"}
    assert all(s.date_from == date(2021, 8, 3) for s in f1.values())
    quiet = runner.invoke(
        main,
        ["trace", "P1", "--date", "2021-08-03", "--days", "1", "--roster", str(roster), "--quiet"],
    )
    assert quiet.output.split() == ["P2"]


def test_cli_trace_bad_input_is_exit_2(tmp_path):
    _, roster = _roster_file(tmp_path)
    runner = CliRunner()
    for args in (
        ["trace", "P1", "--date", "32/08/2021", "--roster", str(roster)],
        ["trace", "NOBODY", "--date", "2021-08-03", "--roster", str(roster)],
        ["trace", "P1", "--date", "2021-08-03", "--days", "0", "--roster", str(roster)],
    ):
        res = runner.invoke(main, args)
        assert res.exit_code == 2, res.output
        assert "Traceback" not in res.output
