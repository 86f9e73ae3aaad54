"""Change notices: one message per officer a re-plan or a cover changed, matching `Changes`."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from roster.cli import main
from roster.data import Area, Assignment, Person, Requirement, Shift, StatusKind, StatusPeriod
from roster.io.problem_writer import write_problem_workbook
from roster.io.writer import CHANGE_COLUMNS, read_assignments
from roster.notices import COMBINED, MAX_LISTED, build_notices, notice_file
from roster.result import Change, ChangeKind
from roster.text.contract import sheet_name
from tests.builders import START, police, problem

DAY = date(2021, 8, 18)
NIGHT = Shift(id="D", name="Ca đêm", start=time(22), end=time(6), night=True)
MORNING = Shift(id="S", name="Ca sáng", start=time(6), end=time(14), night=False)
BRIDGE, TDP = Area(id="CHOT", name="Chốt cầu Rồng"), Area(id="TDP-12")


def _pair_ward():
    return problem(
        [Person(id="A", name="Nguyễn Văn A"), Person(id="B", name="Trần Văn B")],
        days=3,
        start=DAY,
        shifts=(MORNING, NIGHT),
        areas=(BRIDGE, TDP),
    )


def test_a_day_left_and_a_day_taken_read_as_one_move():
    """The issue's example: a night on the bridge becomes next morning's shift in TDP-12,
    taking the place of an officer who is F1."""
    data = _pair_ward()
    night = Assignment(date=DAY, shift="D", area="CHOT", person="A")
    morning = Assignment(date=DAY + timedelta(1), shift="S", area="TDP-12", person="A")
    b_morning = morning.model_copy(update={"person": "B"})
    changes = [
        Change(ChangeKind.REMOVED, "A", DAY, night, None, "điều chỉnh cân đối"),
        Change(ChangeKind.ADDED, "A", morning.date, None, morning, "thay B"),
        Change(ChangeKind.REMOVED, "B", morning.date, b_morning, None, "F1 19/08–01/09"),
    ]
    notices = build_notices(data, changes)
    assert [n.person for n in notices] == ["A", "B"]
    assert notices[0].text == (
        "Đ/c Nguyễn Văn A: ca đêm 18/08 tại Chốt cầu Rồng chuyển sang ca sáng 19/08 tại "
        "TDP-12 (thay đ/c Trần Văn B (F1 19/08–01/09); điều chỉnh cân đối)."
    )
    assert notices[1].text == (
        "Đ/c Trần Văn B: thôi trực ca sáng 19/08 tại TDP-12 (F1 19/08–01/09)."
    )


def test_english_unit_gets_english_notices():
    data = _pair_ward()
    data = data.model_copy(update={"settings": data.settings.model_copy(update={"language": "en"})})
    night = Assignment(date=DAY, shift="D", area="CHOT", person="A")
    notice = build_notices(data, [Change(ChangeKind.ADDED, "A", DAY, None, night, "rebalanced")])
    assert notice[0].text == "Nguyễn Văn A: also on ca đêm 18 Aug at Chốt cầu Rồng (rebalanced)."


def test_many_shifts_taken_off_are_counted_not_listed():
    """An officer who falls sick for two weeks gets one line, not fourteen places."""
    data = _pair_ward().model_copy(
        update={"settings": _pair_ward().settings.model_copy(update={"days": 20})}
    )
    days = [DAY + timedelta(i) for i in range(0, 10, 2)]
    gone = [Assignment(date=d, shift="D", area="CHOT", person="A") for d in days]
    changes = [Change(ChangeKind.REMOVED, "A", a.date, a, None, "F0 18/08–10/09") for a in gone]
    (notice,) = build_notices(data, changes)
    assert notice.text == "Đ/c Nguyễn Văn A: thôi trực 5 ca từ 18/08 đến 26/08 (F0 18/08–10/09)."


def test_no_changes_no_notices():
    assert build_notices(_pair_ward(), []) == []


def _ward():
    """Eight police, two morning places and one evening place for six days."""
    return problem(
        [police(i) for i in range(8)],
        [
            Requirement(area="A", shift="S", min_staff=2),
            Requirement(area="A", shift="C", min_staff=1),
        ],
        6,
    )


def _run(*args: str) -> str:
    res = CliRunner().invoke(main, [*args, "--workers", "1", "--time-limit", "20", "--quiet"])
    assert res.exit_code == 0, res.output
    return res.output


def _changes_sheet(path: Path) -> dict[str, list[tuple]]:
    wb = load_workbook(path, read_only=True)
    rows = list(wb[sheet_name("changes", "vi")].iter_rows(values_only=True))[1:]
    person = CHANGE_COLUMNS.index("person")
    by_person: dict[str, list[tuple]] = {}
    for row in rows:
        by_person.setdefault(row[person], []).append(row)
    return by_person


def test_replan_notices_are_exactly_the_changed_officers(tmp_path: Path):
    """Three officers fall sick from day 3: every officer in the `Changes` sheet gets one
    notice naming each day of their rows, nobody else gets one, and the combined file holds
    them all."""
    data = _ward()
    book = write_problem_workbook(data, tmp_path / "ward.xlsx")
    _run("solve", str(book), "-o", str(tmp_path), "--no-sheets")
    roster = tmp_path / "ward-roster.xlsx"
    day3 = START + timedelta(2)
    busy = sorted({a.person for a in read_assignments(roster) if a.date == day3})[:3]
    sick = tuple(
        StatusPeriod(person=p, status=StatusKind.F0, date_from=day3, date_to=data.dates[-1])
        for p in busy
    )
    new = write_problem_workbook(data.model_copy(update={"statuses": sick}), tmp_path / "new.xlsx")
    output = _run(
        "replan", str(new), "--roster", str(roster), "--from", f"{day3:%d/%m/%Y}",
        "-o", str(tmp_path / "out"), "--no-sheets",
    )  # fmt: skip
    replanned = next((tmp_path / "out").glob("new-replan-*.xlsx"))
    sheet = _changes_sheet(replanned)
    folder = replanned.parent / f"{replanned.stem}-notices"
    written = sorted(p.name for p in folder.iterdir())
    assert written == sorted([COMBINED, *(notice_file(folder, p).name for p in sheet)])
    assert len(sheet) >= 5
    combined = (folder / COMBINED).read_text(encoding="utf-8").splitlines()
    assert len(combined) == len(sheet)
    for person, rows in sheet.items():
        text = notice_file(folder, person).read_text(encoding="utf-8").strip()
        assert text in combined and text in output
        assert text.startswith(f"Đ/c {data.person_by_id[person].name}:")
        taken_off = [r for r in rows if not r[CHANGE_COLUMNS.index("after")]]
        if len(taken_off) > MAX_LISTED:
            assert f"thôi trực {len(taken_off)} ca từ" in text
        for row in rows:
            if row[CHANGE_COLUMNS.index("after")] or len(taken_off) <= MAX_LISTED:
                assert f"{row[CHANGE_COLUMNS.index('date')]:%d/%m}" in text
            assert row[CHANGE_COLUMNS.index("reason")] in text or "thay đ/c" in text
    for person in {p.id for p in data.people} - set(sheet):
        assert not notice_file(folder, person).exists()
