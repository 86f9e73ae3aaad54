"""`roster trace` counts the day itself: Decision 2686/QĐ-BCĐQG's F1s include contacts until
the F0 is isolated, so a checkpoint shift shared on --date is a contact, printed and marked."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

from click.testing import CliRunner

from roster import read_workbook, write_roster
from roster.cli import main
from roster.data import Area, Assignment, Person, ProblemData, Settings, Shift, StatusKind
from roster.io.problem_writer import write_problem_workbook
from roster.result import Result, Status
from roster.text import say

START = date(2021, 8, 14)
DAY = date(2021, 8, 16)


def _ward(tmp_path: Path) -> tuple[Path, Path]:
    """P stands CHOT-1 with A on the 15th and with B and C on the 16th (the day of the positive
    sample); D stands the same checkpoint on the other shift of the 16th; E shares it with P on
    the 17th, after the sample."""
    data = ProblemData(
        settings=Settings(unit="test", start_date=START, days=4),
        shifts=(
            Shift(id="S", start=time(6), end=time(14), night=False),
            Shift(id="C", start=time(14), end=time(22), night=False),
        ),
        areas=(Area(id="CHOT-1"),),
        people=tuple(Person(id=p, name=f"Person {p}") for p in "PABCDE"),
        requirements=(),
    )
    day = {n: START + timedelta(days=n) for n in range(4)}
    places = (
        (1, "S", "P"),
        (1, "S", "A"),
        (2, "S", "P"),
        (2, "S", "B"),
        (2, "S", "C"),
        (2, "C", "D"),
        (3, "S", "P"),
        (3, "S", "E"),
    )
    roster = tuple(Assignment(date=day[n], shift=s, area="CHOT-1", person=p) for n, s, p in places)
    result = Result(data, Status.FEASIBLE, roster, (), {}, (), (), (), {}, 0.0)
    book = write_problem_workbook(data, tmp_path / "ward.xlsx")
    return book, write_roster(result, tmp_path / "ward-roster.xlsx")


def _trace(roster: Path, *extra: str):
    args = ["trace", "P", "--date", "16/08/2021", "--roster", str(roster), *extra]
    return CliRunner().invoke(main, args)


def test_contacts_on_the_day_itself_are_listed_and_marked(tmp_path):
    book, roster = _ward(tmp_path)
    res = _trace(roster, "--mark-f1", str(book), "-o", str(tmp_path / "o"))
    assert res.exit_code == 0, res.output
    window = say(
        "cli.contacts",
        "vi",
        person="P",
        name="Person P",
        n=3,
        first="14/08/2021",
        last="16/08/2021",
    )
    assert window in res.output
    listed = {line.split()[0] for line in res.output.splitlines() if line.startswith("  ")}
    assert listed == {"A", "B", "C"}
    copy = next((tmp_path / "o").glob("ward-f1-P-*.xlsx"))
    f1 = {s.person for s in read_workbook(copy).statuses if s.status == StatusKind.F1}
    assert f1 == listed


def test_until_moves_the_last_day_of_contact(tmp_path):
    _, roster = _ward(tmp_path)
    before = _trace(roster, "--until", "15/08/2021", "--quiet")
    assert before.exit_code == 0, before.output
    assert before.output.split() == ["A"]
    later = _trace(roster, "--until", "17/08/2021")
    window = say(
        "cli.contacts",
        "vi",
        person="P",
        name="Person P",
        n=4,
        first="14/08/2021",
        last="17/08/2021",
    )
    assert window in later.output
    assert {line.split()[0] for line in later.output.splitlines()[1:]} == {"A", "B", "C", "E"}
    wrong = _trace(roster, "--until", "13/08/2021")
    assert wrong.exit_code == 2, wrong.output
    assert "Traceback" not in wrong.output
