"""Who can take one person's shift on one day without breaking any rule.

Used when an officer must leave a shift at short notice (to give blood, for instance).
Each candidate is proven legal by the independent checker (``roster.verify.check``) on the
whole roster with the change applied, so the ranking never suggests a swap that breaks rest,
window, status or coverage rules that the roster kept before.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from roster.data import Assignment, Mode, Origin, ProblemData, StatusKind
from roster.verify import NO_SHIFT_AT_ALL, CheckReport, check

ORIGIN_RANK = {Origin.OWN: 0, Origin.DISTRICT: 1, Origin.CITY: 2}


@dataclass(frozen=True)
class Candidate:
    """One person who can take the shift, and what the swap costs."""

    person: str
    place: Assignment  # the shift they would take
    moved_from: Assignment | None  # their own post that day, left (one knock-on change)
    shifts_so_far: int  # their shifts in the roster up to and including that day
    home_area: bool  # the place is in the area they normally look after
    origin: Origin

    @property
    def knock_on(self) -> int:
        """Changes besides the swap itself: 1 when they must leave their own post that day."""
        return 0 if self.moved_from is None else 1


def rank_cover(
    data: ProblemData,
    assignments: Sequence[Assignment],
    person: str,
    day: date,
    shift: str,
    limit: int | None = None,
) -> list[Candidate]:
    """Everyone who can take ``person``'s ``shift`` on ``day``, best first.

    Order: fewest knock-on changes, then fewest shifts so far (fairness), then those whose
    home area it is, then own staff before district before city, then id.  A swap is kept
    only if the roster with it applied has no violation and no gap that the roster did not
    already have.  ``limit`` stops after that many legal candidates (each costs one check).
    Raises ``ValueError`` when ``person`` has no such shift in the roster.
    """
    target = next(
        (a for a in assignments if a.person == person and a.date == day and a.shift == shift),
        None,
    )
    if target is None:
        raise ValueError(f"{person} has no shift {shift} on {day:%d/%m/%Y} in the roster")
    rest = [a for a in assignments if a is not target]
    on_day = {a.person: a for a in rest if a.date == day}
    so_far = Counter(a.person for a in assignments if a.date <= day)
    options = [
        Candidate(
            person=p.id,
            place=target.model_copy(update={"person": p.id}),
            moved_from=on_day.get(p.id),
            shifts_so_far=so_far[p.id],
            home_area=p.home_area == target.area,
            origin=p.origin,
        )
        for p in data.people
        if p.id != person
        and _may_work(data, p.id, day, target.mode)
        and not _beside(on_day, p.id, target)
    ]
    options.sort(
        key=lambda c: (
            c.knock_on,
            c.shifts_so_far,
            not c.home_area,
            ORIGIN_RANK[c.origin],
            c.person,
        )
    )
    baseline = check(data, assignments)
    legal: list[Candidate] = []
    for option in options:
        trial = [a for a in rest if a is not option.moved_from]
        trial.append(option.place)
        if _no_worse(check(data, trial), baseline):
            legal.append(option)
            if limit is not None and len(legal) >= limit:
                break
    return legal


def _beside(on_day: dict[str, Assignment], person: str, target: Assignment) -> bool:
    """Already in the same place on the same shift: moving them would fill nothing."""
    own = on_day.get(person)
    return own is not None and (own.shift, own.area) == (target.shift, target.area)


def _may_work(data: ProblemData, person: str, day: date, mode: Mode) -> bool:
    """Cheap necessary conditions (window, status), so the checker runs on fewer swaps."""
    p = data.person_by_id[person]
    if (p.available_from and day < p.available_from) or (p.available_to and day > p.available_to):
        return False
    for s in data.statuses:
        if s.person == person and s.covers(day):
            if s.status in NO_SHIFT_AT_ALL:
                return False
            if s.status == StatusKind.F1 and (
                mode != Mode.REMOTE or not data.settings.f1_remote_duty
            ):
                return False
    return True


def _no_worse(report: CheckReport, baseline: CheckReport) -> bool:
    """No violation the roster did not have, and no place shorter than it was."""
    before = {(v.rule, v.person, v.date, v.shift, v.area) for v in baseline.violations}
    if any((v.rule, v.person, v.date, v.shift, v.area) not in before for v in report.violations):
        return False
    missing = {(g.date, g.shift, g.area): g.missing for g in baseline.gaps}
    return all(g.missing <= missing.get((g.date, g.shift, g.area), 0) for g in report.gaps)
