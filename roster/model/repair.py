"""Close the gaps a day-by-day fill leaves, by short ejection chains, before CP-SAT starts.

A gap the greedy leaves has nobody free who may take it: everyone who could is capped by
the week, a run of days or the rest after yesterday's shift, or the place is full with
people who lack its skill. Gap by gap, in order: someone free who may take it; someone
moved from a place of that day that is no less covered without them; someone freed by
handing one of their shifts within a week to another (who is free, or moved, or freed the
same way, up to three swaps deep); for a full place, someone sent home to make room. Every
step keeps every maximum of `WorkRestRules`, never leaves another place less covered, and
never moves a fixed row. Sweeps repeat while they close something (a later change can open
a chain for an earlier gap).

Measured on the hard district (400 x 100 x 28, benchmarks/results/district.md): the greedy
leaves 87 and 79 uncovered places on seeds 1 and 4; two swaps deep leave 9 and 9, three
leave 8 and 3 (10-30 s on a loaded machine). CP-SAT on the whole model then closes a few
more places, where it once spent its whole share in presolve and improved nothing.
"""

from __future__ import annotations

import time
from collections import defaultdict

from roster.data import Mode, Person, ProblemData
from roster.model.demand import Cell
from roster.model.variables import Variables
from roster.model.workrest import WINDOW, WorkRestRules

SWEEPS = 3
DEEPER = 20  # people tried for a swap behind a swap, per handed shift
WorkKey = tuple[str, int, str, Mode]  # person, day, shift, mode
Chosen = dict[WorkKey, str]  # -> area


def shortfall(cell: Cell, here: list[Person]) -> int:
    """Uncovered places of a cell (the model's and the checker's measure)."""
    skills = max((not any(k in x.skills for x in here) for k in cell.skills), default=0)
    police = cell.min_police - sum(x.is_police for x in here)
    return max(cell.min_staff - len(here), police, int(skills), 0)


class _Roster:
    """The roster being repaired: who works when, and who stands in each cell."""

    def __init__(self, data: ProblemData, v: Variables, rules: WorkRestRules, chosen: Chosen):
        self.data, self.v, self.rules = data, v, rules
        self.chosen = dict(chosen)
        self.days = {p.id: dict(rules.history.get(p.id, {})) for p in data.people}
        self.staffed: dict[tuple, list[str]] = defaultdict(list)
        for (p, d, s, m), a in chosen.items():
            self.days[p][d] = s
            self.staffed[(d, s, a, m)].append(p)
        self.pinned = {(f.person, data.day_index(f.date)) for f in data.fixed}

    def save(self) -> tuple:
        return (
            dict(self.chosen),
            {p: dict(days) for p, days in self.days.items()},
            {key: list(people) for key, people in self.staffed.items()},
        )

    def restore(self, saved: tuple) -> None:
        chosen, days, staffed = saved
        self.chosen, self.days = dict(chosen), {p: dict(x) for p, x in days.items()}
        self.staffed = defaultdict(list, {key: list(people) for key, people in staffed.items()})

    def short(self, key: tuple) -> int:
        person = self.data.person_by_id
        return shortfall(self.v.cells[key], [person[p] for p in self.staffed[key]])

    def spare(self, key: tuple, pid: str) -> bool:
        """Is the cell no less covered without this person (who stands there)?"""
        person = self.data.person_by_id
        here = [person[p] for p in self.staffed[key]]
        rest = [x for x in here if x.id != pid]
        return shortfall(self.v.cells[key], rest) <= shortfall(self.v.cells[key], here)

    def helps(self, key: tuple, pid: str) -> bool:
        cell = self.v.cells[key]
        if cell.max_staff is not None and len(self.staffed[key]) >= cell.max_staff:
            return False
        person = self.data.person_by_id
        here = [person[p] for p in self.staffed[key]]
        return shortfall(cell, [*here, person[pid]]) < shortfall(cell, here)

    def add(self, pid: str, key: tuple) -> None:
        d, s, a, m = key
        self.days[pid][d] = s
        self.staffed[key].append(pid)
        self.chosen[(pid, d, s, m)] = a

    def place(self, pid: str, d: int) -> tuple:
        """The cell the person stands in on day d."""
        s = self.days[pid][d]
        m = next(m for m in Mode if (pid, d, s, m) in self.chosen)
        return (d, s, self.chosen[(pid, d, s, m)], m)

    def drop(self, pid: str, d: int) -> None:
        """Remove the person's shift of day d."""
        _d, s, a, m = self.place(pid, d)
        del self.days[pid][d]
        del self.chosen[(pid, d, s, m)]
        self.staffed[(d, s, a, m)].remove(pid)

    def may(self, pid: str, key: tuple, days: dict[int, str] | None = None) -> bool:
        """May the person take this cell's shift, with `days` (default: their roster)?"""
        d, s, _a, m = key
        if (pid, d, s, m) not in self.v.work:
            return False
        days = self.days[pid] if days is None else days
        return d not in days and self.rules.fits(days, d, s, pid)


def repair_gaps(
    data: ProblemData,
    v: Variables,
    rules: WorkRestRules,
    chosen: Chosen,
    seconds: float = 30.0,
) -> Chosen:
    """`chosen` with the gaps closed that direct fills, moves and chains of up to two swaps
    close, in up to `SWEEPS` sweeps and about `seconds`."""
    roster = _Roster(data, v, rules, chosen)
    order = sorted(data.people, key=lambda p: p.origin.distance)
    cells = sorted(v.cells, key=lambda k: k[0])
    deadline = time.monotonic() + seconds
    for _sweep in range(SWEEPS):  # a later change can open a chain for an earlier gap
        closed = False
        for key in cells:
            while (
                time.monotonic() < deadline
                and roster.short(key)
                and (_close_one(roster, key, order) or _make_room(roster, key, order))
            ):
                closed = True
        if not closed:
            break
    return roster.chosen


def _make_room(roster: _Roster, key: tuple, order: list[Person]) -> bool:
    """A full cell that lacks a skill or an officer: send home someone it is no less short
    without, and close it as any other; False (and the roster as it was) when that fails."""
    cell = roster.v.cells[key]
    if cell.max_staff is None or len(roster.staffed[key]) < cell.max_staff:
        return False
    before = roster.short(key)
    for pid in list(roster.staffed[key]):
        if (pid, key[0]) in roster.pinned:
            continue
        saved = roster.save()
        roster.drop(pid, key[0])
        if roster.short(key) <= before and _close_one(roster, key, order):
            return True  # one place less short than with them
        roster.restore(saved)
    return False


def _close_one(roster: _Roster, key: tuple, order: list[Person]) -> bool:
    """Make the cell one place less short: a free person, a person moved from a place that
    does not need them that day, or one swap; False when none of these can."""
    d = key[0]
    helpful = [p.id for p in order if roster.helps(key, p.id)]
    free = [pid for pid in helpful if d not in roster.days[pid]]
    for pid in free:
        if roster.may(pid, key):
            roster.add(pid, key)
            return True
    for pid in helpful:
        if d in roster.days[pid] and _move(roster, pid, key):
            return True
    for pid in free:
        if (pid, d, key[1], key[3]) not in roster.v.work:
            continue
        for other in _nearby(roster, pid, d):
            rest = {x: s for x, s in roster.days[pid].items() if x != other}
            if roster.may(pid, key, rest) and _swap(roster, pid, other, key, order):
                return True
    return False


def _move(roster: _Roster, pid: str, key: tuple) -> bool:
    """Move a person from a place of the same day that stays as short without them."""
    d = key[0]
    if (pid, d) in roster.pinned:
        return False
    place = roster.place(pid, d)
    if place == key:
        return False
    before = roster.short(place)
    roster.drop(pid, d)
    if roster.short(place) <= before and roster.may(pid, key):
        roster.add(pid, key)
        return True
    roster.add(pid, place)
    return False


def _nearby(roster: _Roster, pid: str, d: int) -> list[int]:
    """The person's own shifts within a week of day d that may be handed on."""
    days = roster.days[pid]
    return sorted(
        (x for x in range(max(d - WINDOW + 1, 0), d + WINDOW) if x in days and x != d),
        key=lambda x: abs(x - d),
    )


def _swap(
    roster: _Roster,
    pid: str,
    other: int,
    key: tuple,
    order: list[Person],
    depth: int = 3,
    chain: frozenset[str] = frozenset(),
) -> bool:
    """Hand the person's shift of day `other` to someone who keeps that place as covered
    (someone free that day, someone whose own place that day stays as covered without them,
    or, `depth` allowing, someone of the same class freed by a swap of their own), then put
    the person in the cell; False when nobody can. A failed attempt leaves coverage as it
    was, though a deeper swap it tried may stay made (it covers its place as well)."""
    if (pid, other) in roster.pinned:
        return False
    place = roster.place(pid, other)
    before = roster.short(place)
    roster.drop(pid, other)
    chain = chain | {pid}
    deeper = []
    for q in order:
        if q.id in chain or (q.id, other) in roster.pinned:
            continue
        if (q.id, other, place[1], place[3]) not in roster.v.work:
            continue
        own = roster.place(q.id, other) if other in roster.days[q.id] else None
        if own == place or (own is not None and not roster.spare(own, q.id)):
            continue
        rest = roster.days[q.id]
        if own is not None:
            rest = {x: y for x, y in rest.items() if x != other}
        if roster.may(q.id, place, rest):
            if own is not None:
                roster.drop(q.id, other)
            roster.add(q.id, place)
            if roster.short(place) <= before and roster.may(pid, key):
                roster.add(pid, key)
                return True
            roster.drop(q.id, other)
            if own is not None:
                roster.add(q.id, own)
        elif own is None and depth > 1 and roster.v.class_of[q.id] == roster.v.class_of[pid]:
            deeper.append(q.id)
    for q in deeper[:DEEPER]:
        for later in _nearby(roster, q, other):
            rest = {x: s for x, s in roster.days[q].items() if x != later}
            if not roster.may(q, place, rest):
                continue
            if _swap(roster, q, later, place, order, depth - 1, chain):
                if roster.may(pid, key):
                    roster.add(pid, key)
                    return True
                roster.drop(q, other)
            break
    roster.add(pid, place)
    return False
