"""Who can take one person's shift on one day without breaking any rule.

Used when an officer must leave a shift at short notice (to give blood, for instance).
Each candidate is proven legal by the independent checker (``roster.verify.check``) on the
whole roster with the change applied, so the ranking never suggests a swap that breaks rest,
window, status or coverage rules that the roster kept before.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from roster import verify
from roster.data import Assignment, Mode, Origin, ProblemData, StatusKind
from roster.findings import CheckReport, Violation
from roster.rules import Rule
from roster.text import rule_label, say
from roster.verify import check

# Rules about a place rather than a person: judged on the one-day copy, not per person.
PLACE_RULES = frozenset({Rule.MAX_STAFF, Rule.MODE, Rule.NO_DEMAND})


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
    target = find_shift(assignments, person, day, shift)
    return _direct(_Evaluator(data, assignments, target), limit)[0]


def find_shift(assignments: Sequence[Assignment], person: str, day: date, shift: str) -> Assignment:
    """The assignment to cover; ``ValueError`` when the roster has no such shift."""
    target = next(
        (a for a in assignments if a.person == person and a.date == day and a.shift == shift),
        None,
    )
    if target is None:
        raise ValueError(f"{person} has no shift {shift} on {day:%d/%m/%Y} in the roster")
    return target


class _Evaluator:
    """Fast legality of same-day moves, so whole-roster checks run only on real candidates.

    A person's own rules (status, window, rest, runs, 7-day caps, Fixed rows) depend only on
    that person's shifts: they are checked on that person's shifts alone. Coverage of the day
    depends only on that day: it is checked on a one-day copy of the problem. The whole roster
    is then checked once per candidate that passes both.
    """

    def __init__(self, data: ProblemData, assignments: Sequence[Assignment], target: Assignment):
        self.data, self.target = data, target
        self.day = target.date
        self.rest = [a for a in assignments if a is not target]
        self.on_day = {a.person: a for a in self.rest if a.date == self.day}
        self.so_far = Counter(a.person for a in assignments if a.date <= self.day)
        self.assignments = assignments
        self.alone = data.model_copy(update={"requirements": ()})
        self.mine: dict[str, list[Assignment]] = {}
        for a in self.rest:
            self.mine.setdefault(a.person, []).append(a)
        settings = data.settings.model_copy(update={"start_date": self.day, "days": 1})
        self.one_day = data.model_copy(
            update={
                "settings": settings,
                "history": (),
                "requests": (),
                "fixed": tuple(f for f in data.fixed if f.date == self.day),
            }
        )
        self.day_roster = [a for a in assignments if a.date == self.day]
        self.day_baseline = check(self.one_day, self.day_roster)
        self._personal: dict[tuple[str, str, Mode], str | None] = {}

    @cached_property
    def baseline(self) -> CheckReport:
        return check(self.data, self.assignments)

    def personal(self, pid: str, place: Assignment) -> str | None:
        """Why ``pid`` cannot work ``place`` instead of their own duty that day, or None."""
        key = (pid, place.shift, place.mode)
        if key not in self._personal:
            why = unavailable(self.data, pid, self.day, place.mode)
            if why is None:
                own = [a for a in self.mine.get(pid, ()) if a.date != self.day]
                before = check(self.alone, self.mine.get(pid, ()))
                after = check(self.alone, [*own, place.model_copy(update={"person": pid})])
                new = _new_violations(after, before, pid)
                why = _broken(new[0], self.data) if new else None
            self._personal[key] = why
        return self._personal[key]

    def applied(self, roster: Sequence[Assignment], moves: Sequence[Move]) -> list[Assignment]:
        """``roster`` without the target, each mover out of their post and into their place."""
        left = {id(m.before) for m in moves if m.before is not None}
        out = [a for a in roster if a is not self.target and id(a) not in left]
        out.extend(m.after for m in moves)
        return out

    def day_ok(self, moves: Sequence[Move], open_place: Assignment | None = None) -> str | None:
        """Why the day's coverage would be worse after ``moves``, or None.

        ``open_place`` is a post left open on purpose (a chain still to be continued there).
        """
        report = check(self.one_day, self.applied(self.day_roster, moves))
        return _worse(self.data, report, self.day_baseline, open_place)

    def whole_ok(self, moves: Sequence[Move]) -> bool:
        """The final word: the whole roster with ``moves`` applied is no worse than before."""
        report = check(self.data, self.applied(self.rest, moves))
        return _worse(self.data, report, self.baseline) is None


@dataclass(frozen=True)
class Move:
    """One person leaving their post that day (or a day off) for another place."""

    person: str
    before: Assignment | None
    after: Assignment


@dataclass(frozen=True)
class Chain:
    """Moves that together cover the shift: the first takes it, each next fills the post the
    one before left, and the last comes from a day off or from a post that can spare them."""

    moves: tuple[Move, ...]
    shifts_so_far: int  # of everyone moved: fairness between chains of one length
    origin_rank: int  # reinforcements moved, district 1 and city 2 each


@dataclass(frozen=True)
class CoverPlan:
    """Who can take a shift, why each other person cannot, and the swap chains otherwise."""

    target: Assignment
    candidates: tuple[Candidate, ...]
    refusals: dict[str, str]  # person -> why they cannot take it directly
    chains: tuple[Chain, ...]  # only when no candidate can take it directly

    def options(self) -> list[tuple[Move, ...]]:
        """Every proposal as moves, best first: the candidates, else the chains."""
        if self.candidates:
            return [(Move(c.person, c.moved_from, c.place),) for c in self.candidates]
        return [c.moves for c in self.chains]


def plan_cover(
    data: ProblemData,
    assignments: Sequence[Assignment],
    person: str,
    day: date,
    shift: str,
    max_moves: int = 3,
    max_chains: int = 5,
    budget_s: float = 1.5,
) -> CoverPlan:
    """Rank the direct candidates with a reason for everyone else; when there is none, find
    the shortest swap chains (up to ``max_moves`` people moved on that day, within
    ``budget_s`` seconds), best ``max_chains`` first. ``ValueError`` as for ``rank_cover``."""
    ev = _Evaluator(data, assignments, find_shift(assignments, person, day, shift))
    candidates, refusals = _direct(ev, None)
    chains = () if candidates else _chains(ev, max_moves, max_chains, budget_s)
    return CoverPlan(ev.target, tuple(candidates), refusals, tuple(chains))


def apply_moves(
    assignments: Sequence[Assignment], target: Assignment, moves: Sequence[Move]
) -> list[Assignment]:
    """The roster with ``target`` released and ``moves`` made."""
    left = {(m.before.person, m.before.date) for m in moves if m.before is not None}
    out = [a for a in assignments if a != target and (a.person, a.date) not in left]
    out.extend(m.after for m in moves)
    return out


def _direct(
    ev: _Evaluator, limit: int | None, prove: bool = True
) -> tuple[list[Candidate], dict[str, str]]:
    """Candidates who take the shift themselves (leaving at most a post that can spare them).

    ``prove=False`` skips the whole-roster check (a warm start for the solver needs no proof).
    """
    data, target = ev.data, ev.target
    refusals: dict[str, str] = {}
    options = []
    for p in data.people:
        if p.id == target.person:
            continue
        if _beside(ev.on_day, p.id, target):
            refusals[p.id] = say("cover.already", data)
            continue
        options.append(
            Candidate(
                person=p.id,
                place=target.model_copy(update={"person": p.id}),
                moved_from=ev.on_day.get(p.id),
                shifts_so_far=ev.so_far[p.id],
                home_area=p.home_area == target.area,
                origin=p.origin,
            )
        )
    options.sort(
        key=lambda c: (
            c.knock_on,
            c.shifts_so_far,
            not c.home_area,
            c.origin.distance,
            c.person,
        )
    )
    legal: list[Candidate] = []
    for option in options:
        move = Move(option.person, option.moved_from, option.place)
        why = ev.personal(option.person, option.place) or ev.day_ok([move])
        if why is None and prove and not ev.whole_ok([move]):
            why = say("cover.whole", data)
        if why is not None:
            refusals[option.person] = why
            continue
        legal.append(option)
        if limit is not None and len(legal) >= limit:
            break
    return legal, refusals


def _chains(ev: _Evaluator, max_moves: int, max_chains: int, budget_s: float) -> list[Chain]:
    """Breadth first over same-day vacancy chains; the shortest legal ones, best first."""
    deadline = time.monotonic() + budget_s
    data, target = ev.data, ev.target
    order = sorted(
        (p for p in data.people if p.id != target.person),
        key=lambda p: (ev.so_far[p.id], p.origin.distance, p.id),
    )
    frontier: list[tuple[tuple[Move, ...], Assignment]] = [((), target)]
    found: list[Chain] = []
    for depth in range(1, max_moves + 1):
        grown: list[tuple[tuple[Move, ...], Assignment]] = []
        for moves, vacancy in frontier:
            used = {m.person for m in moves}
            for p in order:
                if time.monotonic() > deadline:
                    return _best(found, max_chains)
                own = ev.on_day.get(p.id)
                if p.id in used or (
                    own is not None and (own.shift, own.area) == (vacancy.shift, vacancy.area)
                ):
                    continue
                place = vacancy.model_copy(update={"person": p.id})
                if ev.personal(p.id, place) is not None:
                    continue
                chain = (*moves, Move(p.id, own, place))
                if depth > 1 and ev.day_ok(chain) is None and ev.whole_ok(chain):
                    found.append(_chain(ev, chain))
                elif own is not None and depth < max_moves and ev.day_ok(chain, own) is None:
                    grown.append((chain, own))
        if found:
            break
        frontier = grown
    return _best(found, max_chains)


def repair(
    data: ProblemData, roster: Sequence[Assignment], holes: Sequence[Assignment]
) -> list[Assignment]:
    """``roster`` with each of ``holes`` (shifts whose person must leave) handed to the best
    direct candidate in turn, else to the best short swap chain; a hole nobody can take is left
    open. A warm start for the solver, checked as a whole by the caller."""
    out = list(roster)
    for hole in holes:
        ev = _Evaluator(data, [*out, hole], hole)
        found = _direct(ev, 1, prove=False)[0]
        if found:
            moves = (Move(found[0].person, found[0].moved_from, found[0].place),)
        else:
            chains = _chains(ev, max_moves=3, max_chains=1, budget_s=0.3)
            moves = chains[0].moves if chains else ()
        if moves:
            out = apply_moves(out, hole, moves)
    return out


def _chain(ev: _Evaluator, moves: tuple[Move, ...]) -> Chain:
    people = [ev.data.person_by_id[m.person] for m in moves]
    return Chain(
        moves,
        sum(ev.so_far[p.id] for p in people),
        sum(p.origin.distance for p in people),
    )


def _best(found: list[Chain], count: int) -> list[Chain]:
    found.sort(key=lambda c: (len(c.moves), c.origin_rank, c.shifts_so_far))
    return found[:count]


def _beside(on_day: dict[str, Assignment], person: str, target: Assignment) -> bool:
    """Already in the same place on the same shift: moving them would fill nothing."""
    own = on_day.get(person)
    return own is not None and (own.shift, own.area) == (target.shift, target.area)


def unavailable(data: ProblemData, person: str, day: date, mode: Mode) -> str | None:
    """Why ``person`` may not work in ``mode`` on ``day`` at all (window, status), or None:
    the checker's answer (`verify.unavailable`) in the unit's words."""
    absence = verify.unavailable(data, person, day, mode)
    if absence is None:
        return None
    if absence.kind == "before_window":
        return say("cover.from", data, date=f"{absence.limit:%d/%m/%Y}")
    if absence.kind == "after_window":
        return say("cover.until", data, date=f"{absence.limit:%d/%m/%Y}")
    s = absence.status
    span = say(
        "cover.span",
        data,
        status=say(f"status_word.{s.status}", data),
        start=f"{s.date_from:%d/%m/%Y}",
        end=f"{s.date_to:%d/%m/%Y}",
    )
    if absence.kind == "remote_only":
        return say("cover.remote_only", data, span=span)
    if s.status == StatusKind.F1:
        return say("cover.no_duty", data, span=span)
    return span


def _key(v) -> tuple:
    return (v.rule, v.person, v.date, v.shift, v.area)


def _new_violations(report: CheckReport, baseline: CheckReport, person: str) -> list:
    """``person``'s violations in ``report`` that ``baseline`` did not have."""
    before = {_key(v) for v in baseline.violations}
    return [
        v
        for v in report.violations
        if v.person == person and v.rule not in PLACE_RULES and _key(v) not in before
    ]


def _broken(v: Violation, data: ProblemData) -> str:
    """A refusal that is a broken rule: the rule in words, then the checker's message."""
    return say("cover.broken", data, rule=rule_label(v.rule, data), message=v.message)


def _worse(
    data: ProblemData,
    report: CheckReport,
    baseline: CheckReport,
    open_place: Assignment | None = None,
) -> str | None:
    """What ``report`` has that ``baseline`` did not: a new violation, or a place shorter than
    it was (except ``open_place``, left open on purpose), in words; None when no worse."""
    before = {_key(v) for v in baseline.violations}
    for v in report.violations:
        if _key(v) not in before:
            return _broken(v, data)
    missing = {(g.date, g.shift, g.area): g.missing for g in baseline.gaps}
    for g in report.gaps:
        place = (g.date, g.shift, g.area)
        if open_place is not None and place == (open_place.date, open_place.shift, open_place.area):
            continue
        if g.missing > missing.get(place, 0):
            date = f"{g.date:%d/%m/%Y}"
            return say("cover.short", data, shift=g.shift, area=g.area, date=date, n=g.missing)
    return None


def format_plan(data: ProblemData, plan: CoverPlan) -> str:
    """The ranked candidates (or chains), then why each other person cannot take the shift."""
    t = plan.target
    name = data.person_by_id[t.person].name
    mode = say(f"mode_word.{t.mode}", data)
    day = f"{t.date:%d/%m/%Y}"
    head = say(
        "cover.head",
        data,
        person=t.person,
        name=name,
        shift=t.shift,
        date=day,
        area=t.area,
        mode=mode,
    )
    lines = [head]
    if plan.candidates:
        lines.append(say("cover.can", data, n=len(plan.candidates)))
        for i, c in enumerate(plan.candidates, start=1):
            p = data.person_by_id[c.person]
            moved = c.moved_from
            leaves = say("cover.leaves", data, shift=moved.shift, area=moved.area) if moved else ""
            home = say("cover.home", data) if c.home_area else ""
            lines.append(
                say(
                    "cover.candidate",
                    data,
                    i=i,
                    person=c.person,
                    name=p.name,
                    origin=say(f"origin.{c.origin}", data),
                    shifts=c.shifts_so_far,
                    home=home,
                    leaves=leaves,
                )
            )
    elif plan.chains:
        lines.append(say("cover.chains", data))
        day_off = say("cover.day_off", data)
        for i, chain in enumerate(plan.chains, start=1):
            steps = "; ".join(
                f"{m.person} {m.before.shift + ' ' + m.before.area if m.before else day_off}"
                f" -> {m.after.shift} {m.after.area}"
                for m in chain.moves
            )
            lines.append(f"  {i}. {steps}")
    else:
        lines.append(say("cover.nobody", data))
    lines.append(say("cover.cannot", data, n=len(plan.refusals)))
    for pid, why in plan.refusals.items():
        lines.append(f"  {pid} {data.person_by_id[pid].name}: {why}")
    return "\n".join(lines)
