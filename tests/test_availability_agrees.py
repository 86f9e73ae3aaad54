"""The two answers to "may person p work in mode m on day d" agree: the model's
(`allowed_modes`, which creates no variable where the answer is no) and the checker's
(`verify.unavailable`, which every feature asks). A difference anywhere is a bug."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest

from roster.data import (
    Area,
    Mode,
    Origin,
    Person,
    ProblemData,
    Requirement,
    Settings,
    Shift,
    StatusKind,
    StatusPeriod,
)
from roster.load import read_workbook
from roster.model.availability import allowed_modes
from roster.verify import unavailable

EXAMPLE = Path(__file__).resolve().parents[1] / "inputs" / "ward-hoa-thuan-dong.xlsx"
START = date(2021, 8, 2)


def day(i: int) -> date:
    return START + timedelta(days=i)


def status(person: str, kind: StatusKind, first: int, last: int) -> StatusPeriod:
    return StatusPeriod(person=person, status=kind, date_from=day(first), date_to=day(last))


def small(f1_remote_duty: bool) -> ProblemData:
    """Windows, F0, F1, leave, statuses reaching past both edges and overlapping ones."""
    people = (
        Person(id="P1", name="An"),
        Person(id="P2", name="Bình"),
        Person(id="P3", name="Cường"),
        Person(id="P4", name="Dũng", origin=Origin.DISTRICT, available_from=day(2)),
        Person(id="P5", name="Em", origin=Origin.CITY, available_to=day(5)),
        Person(
            id="P6", name="Giang", origin=Origin.CITY, available_from=day(1), available_to=day(4)
        ),
    )
    statuses = (
        status("P1", StatusKind.F0, -3, 2),
        status("P2", StatusKind.F1, 3, 12),
        status("P3", StatusKind.F1, 1, 4),
        status("P3", StatusKind.LEAVE, 4, 6),
        status("P4", StatusKind.SICK, 5, 5),
        status("P6", StatusKind.F1, 0, 8),
    )
    return ProblemData(
        settings=Settings(unit="Thử", start_date=START, days=10, f1_remote_duty=f1_remote_duty),
        shifts=(Shift(id="S", start=time(6), end=time(14), night=False),),
        areas=(Area(id="A1"), Area(id="R", kind="remote")),
        people=people,
        statuses=statuses,
        requirements=(
            Requirement(area="A1", min_staff=1),
            Requirement(area="R", min_staff=0, mode=Mode.REMOTE),
        ),
    )


def disagreements(data: ProblemData) -> list[tuple[str, date, Mode, bool, bool]]:
    """(person, day, mode, model allows, checker allows) wherever the two differ."""
    modes = allowed_modes(data)
    out = []
    for p in data.people:
        for d, when in enumerate(data.dates):
            for mode in Mode:
                model = mode in modes[p.id][d]
                checker = unavailable(data, p.id, when, mode) is None
                if model != checker:
                    out.append((p.id, when, mode, model, checker))
    return out


def test_model_and_checker_agree_on_the_bundled_example() -> None:
    data = read_workbook(EXAMPLE)
    assert data.statuses and any(p.available_from or p.available_to for p in data.people)
    assert disagreements(data) == []


@pytest.mark.parametrize("f1_remote_duty", [True, False])
def test_model_and_checker_agree_on_windows_and_statuses(f1_remote_duty: bool) -> None:
    data = small(f1_remote_duty)
    assert disagreements(data) == []
    remote_only = unavailable(data, "P2", day(3), Mode.ONSITE)
    assert remote_only is not None
    assert remote_only.kind == ("remote_only" if f1_remote_duty else "status")
