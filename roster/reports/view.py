"""What one day of duty looks like, worked out once for the PDF, the Excel sheets and the message.

Each output only lays these views out, so the paper on the wall, the printed workbook and the
group-chat message can never disagree about who is where.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from roster.data import (
    Area,
    Assignment,
    Mode,
    Origin,
    Person,
    ProblemData,
    Shift,
    StatusPeriod,
)
from roster.findings import Gap


@dataclass(frozen=True)
class Post:
    """One person on duty in one place of one shift."""

    person: Person
    mode: Mode


@dataclass(frozen=True)
class Block:
    """One area in one shift: who is there, and how many places are still missing."""

    shift: Shift
    area: Area
    posts: tuple[Post, ...]
    missing: int


@dataclass(frozen=True)
class Absence:
    """A person off duty on a day, and why (a status row of the workbook)."""

    person: Person
    status: StatusPeriod


@dataclass(frozen=True)
class DayView:
    """Everything a day's duty sheet prints."""

    date: date
    blocks: tuple[Block, ...]  # by shift, then area, in workbook order
    absences: tuple[Absence, ...]

    def shift_blocks(self, shift_id: str) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.shift.id == shift_id)

    @property
    def posts(self) -> int:
        return sum(len(b.posts) for b in self.blocks)

    @property
    def people(self) -> int:
        return len({p.person.id for b in self.blocks for p in b.posts})

    @property
    def missing(self) -> int:
        return sum(b.missing for b in self.blocks)


def _post_order(data: ProblemData):
    """Police first, then by rank order of the People sheet: the leader heads each group."""
    index = {p.id: i for i, p in enumerate(data.people)}
    return lambda post: (post.mode != Mode.ONSITE, not post.person.is_police, index[post.person.id])


def day_views(
    data: ProblemData, assignments: Sequence[Assignment], gaps: Sequence[Gap], days: Sequence[date]
) -> list[DayView]:
    """One view per day in ``days``; assignments naming unknown ids are left out (warned apart)."""
    wanted = set(days)
    posts: dict[tuple[date, str, str], list[Post]] = defaultdict(list)
    for a in assignments:
        person = data.person_by_id.get(a.person)
        if (
            a.date in wanted
            and person
            and a.shift in data.shift_by_id
            and a.area in data.area_by_id
        ):
            posts[(a.date, a.shift, a.area)].append(Post(person, Mode(a.mode)))
    missing = {(g.date, g.shift, g.area): g.missing for g in gaps}
    order = _post_order(data)
    views = []
    for day in days:
        blocks = []
        for shift in data.shifts:
            for area in data.areas:
                key = (day, shift.id, area.id)
                if posts.get(key) or missing.get(key):
                    blocks.append(
                        Block(
                            shift, area, tuple(sorted(posts[key], key=order)), missing.get(key, 0)
                        )
                    )
        absences = tuple(
            Absence(data.person_by_id[s.person], s)
            for s in data.statuses
            if s.covers(day) and s.person in data.person_by_id
        )
        views.append(DayView(day, tuple(blocks), absences))
    return views


def absence_groups(view: DayView) -> list[tuple[StatusPeriod, list[Person]]]:
    """People off duty grouped by reason (status, note, last day), in the Status sheet's order."""
    groups: dict[tuple[str, str, date], tuple[StatusPeriod, list[Person]]] = {}
    for a in view.absences:
        key = (a.status.status.value, a.status.note, a.status.date_to)
        groups.setdefault(key, (a.status, []))[1].append(a.person)
    return list(groups.values())


def is_reinforcement(person: Person) -> bool:
    return person.origin != Origin.OWN
