"""The independent rule checker: re-derives every rule from the input data and a roster.

It shares nothing with the solver (``roster.model``) on purpose, so a bug in the model cannot
hide itself: requirement applicability, shift times, rest, rolling windows and coverage are all
worked out again here from the plain data classes.  It is used on every solved roster, on
rosters a commander edits by hand, and by the tests.

Conventions the rules below rely on:

- An assignment naming an unknown person, shift or area, or a date outside the horizon, is
  reported once as ``UNKNOWN_ID`` and takes no further part (nothing else can be said of it).
- History shifts count only on dates before the horizon; a violation made by history alone
  (before the first day) is the past, not this roster, and is not reported.
- Coverage counts distinct people: a person listed twice in one place is one person there
  (and an ``ONE_PLACE_PER_SHIFT`` violation).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from roster.data import Assignment, Mode, Person, ProblemData, Requirement, StatusKind
from roster.findings import Absence, CheckReport, Gap, Violation
from roster.rules import Rule
from roster.text import say

WINDOW_DAYS = 7  # "any 7 consecutive days": the rolling week of the contract
REMOTE_KIND = "remote"  # area kind whose places can only be filled remotely
NO_SHIFT_AT_ALL = frozenset(
    {
        StatusKind.F0,
        StatusKind.LEAVE,
        StatusKind.SICK,
        StatusKind.TRAINING,
        StatusKind.UNAVAILABLE,
    }
)


Place = tuple[date, str, str]  # (date, shift id, area id)


def check(data: ProblemData, assignments: Sequence[Assignment]) -> CheckReport:
    """Check a roster against every hard rule and the coverage the requirements ask for."""
    out: list[Violation] = []
    valid = _check_ids(data, assignments, out)
    rows_at = _rows_by_place(data)
    by_person: dict[str, list[Assignment]] = defaultdict(list)
    people_at: dict[tuple[date, str, str, Mode], set[str]] = defaultdict(set)
    for a in valid:
        by_person[a.person].append(a)
        people_at[(a.date, a.shift, a.area, Mode(a.mode))].add(a.person)

    _check_same_day(data, by_person, out)
    worked = _worked_shifts(data, by_person)
    _check_rest(data, worked, out)
    _check_consecutive(data, worked, out)
    _check_windows(data, worked, out)
    _check_sequences(data, worked, out)
    _check_person_days(data, valid, out)
    _check_fixed(data, valid, out)
    _check_demand(data, valid, rows_at, people_at, out)

    shift_order = {s.id: i for i, s in enumerate(data.shifts)}
    rule_order = {r: i for i, r in enumerate(Rule)}
    out.sort(
        key=lambda v: (
            v.date or date.min,
            v.person or "",
            shift_order.get(v.shift or "", -1),
            rule_order[v.rule],
        )
    )
    return CheckReport(tuple(out), tuple(_gaps(data, rows_at, people_at)))


# --- words -------------------------------------------------------------------------------


def _say(data: ProblemData, key: str, **values: object) -> str:
    """A checker phrase (``check.<key>`` of the catalogue) in the unit's language."""
    return say(f"check.{key}", data, **values)


def _broken(
    data: ProblemData,
    rule: Rule,
    person: str | None,
    day: date | None,
    shift: str | None,
    area: str | None,
    key: str,
    /,
    **values: object,
) -> Violation:
    """A violation of ``rule`` at (person, day, shift, area), in the words of the catalogue's
    ``check.<key>``."""
    return Violation(rule, person, day, shift, area, _say(data, key, **values))


def _fmt(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _who(data: ProblemData, person_id: str) -> str:
    person = data.person_by_id.get(person_id)
    return f"{person_id} ({person.name})" if person else repr(person_id)


def _where(data: ProblemData, a: Assignment) -> str:
    return _say(data, "where", shift=a.shift, date=_fmt(a.date), area=a.area)


def _mode(data: ProblemData, mode: object) -> str:
    return say(f"mode_word.{mode}", data)


# --- shapes --------------------------------------------------------------------------------


def _check_ids(
    data: ProblemData, assignments: Iterable[Assignment], out: list[Violation]
) -> list[Assignment]:
    """Report assignments that name something unknown; return the ones that can be checked."""
    valid = []
    first, last = data.settings.start_date, data.settings.end_date
    for a in assignments:
        problems = []
        if a.person not in data.person_by_id:
            problems.append(_say(data, "unknown_person", id=repr(a.person)))
        if a.shift not in data.shift_by_id:
            problems.append(_say(data, "unknown_shift", id=repr(a.shift)))
        if a.area not in data.area_by_id:
            problems.append(_say(data, "unknown_area", id=repr(a.area)))
        if not first <= a.date <= last:
            problems.append(_say(data, "outside_horizon", first=_fmt(first), last=_fmt(last)))
        if problems:
            out.append(
                _broken(
                    data,
                    Rule.UNKNOWN_ID,
                    a.person,
                    a.date,
                    a.shift,
                    a.area,
                    "unknown_id",
                    person=repr(a.person),
                    where=_where(data, a),
                    problems=", ".join(problems),
                )
            )
        else:
            valid.append(a)
    return valid


def _check_same_day(
    data: ProblemData, by_person: dict[str, list[Assignment]], out: list[Violation]
) -> None:
    """A person works at most one shift a day, in one place."""
    for pid, items in by_person.items():
        shifts_on: dict[date, set[str]] = defaultdict(set)
        areas_on: dict[tuple[date, str], list[str]] = defaultdict(list)
        for a in items:
            shifts_on[a.date].add(a.shift)
            areas_on[(a.date, a.shift)].append(a.area)
        for day, shifts in shifts_on.items():
            if len(shifts) > 1:
                names = ", ".join(s.id for s in data.shifts if s.id in shifts)
                out.append(
                    _broken(
                        data,
                        Rule.ONE_SHIFT_PER_DAY,
                        pid,
                        day,
                        None,
                        None,
                        "one_shift_per_day",
                        who=_who(data, pid),
                        n=len(shifts),
                        names=names,
                        date=_fmt(day),
                    )
                )
        for (day, shift), areas in areas_on.items():
            if len(areas) > 1:
                out.append(
                    _broken(
                        data,
                        Rule.ONE_PLACE_PER_SHIFT,
                        pid,
                        day,
                        shift,
                        None,
                        "one_place_per_shift",
                        who=_who(data, pid),
                        n=len(areas),
                        shift=shift,
                        date=_fmt(day),
                        areas=", ".join(areas),
                    )
                )


def unavailable(data: ProblemData, person_id: str, day: date, mode: Mode) -> Absence | None:
    """Why ``person_id`` may not work in ``mode`` on ``day`` (reinforcement window, status), or
    None. The one answer every feature asks; the model keeps its own, which this one checks."""
    person = data.person_by_id[person_id]
    if person.available_from is not None and day < person.available_from:
        return Absence("before_window", limit=person.available_from)
    if person.available_to is not None and day > person.available_to:
        return Absence("after_window", limit=person.available_to)
    for s in data.statuses:
        if s.person != person_id or not s.date_from <= day <= s.date_to:
            continue
        if s.status in NO_SHIFT_AT_ALL or (
            s.status == StatusKind.F1 and not data.settings.f1_remote_duty
        ):
            return Absence("status", status=s)
        if s.status == StatusKind.F1 and mode != Mode.REMOTE:
            return Absence("remote_only", status=s)
    return None


def _check_person_days(
    data: ProblemData, valid: Iterable[Assignment], out: list[Violation]
) -> None:
    """Availability window (reinforcements) and status (F0, F1, leave ...) on each assignment."""
    for a in valid:
        absence = unavailable(data, a.person, a.date, Mode(a.mode))
        if absence is None:
            continue
        if absence.kind in ("before_window", "after_window"):
            edge = "window_from" if absence.kind == "before_window" else "window_until"
            out.append(
                _broken(
                    data,
                    Rule.AVAILABILITY_WINDOW,
                    a.person,
                    a.date,
                    a.shift,
                    a.area,
                    edge,
                    who=_who(data, a.person),
                    where=_where(data, a),
                    date=_fmt(absence.limit),
                )
            )
            continue
        s = absence.status
        if absence.kind == "remote_only":
            why = _say(data, "why_remote_only")
        elif s.status == StatusKind.F1:
            why = _say(data, "why_f1_off")
        else:
            why = _say(data, "why_no_shift")
        out.append(
            _broken(
                data,
                Rule.STATUS,
                a.person,
                a.date,
                a.shift,
                a.area,
                "status",
                who=_who(data, a.person),
                status=say(f"status_word.{s.status}", data),
                start=_fmt(s.date_from),
                end=_fmt(s.date_to),
                where=_where(data, a),
                mode=_mode(data, a.mode),
                why=why,
            )
        )


def _check_fixed(data: ProblemData, valid: Iterable[Assignment], out: list[Violation]) -> None:
    """Every Fixed row must be in the roster exactly as written."""
    present = {(a.person, a.date, a.shift, a.area) for a in valid}
    day_of = defaultdict(list)
    for a in valid:
        day_of[(a.person, a.date)].append(a)
    for f in data.fixed:
        if (f.person, f.date, f.shift, f.area) in present:
            continue
        instead = day_of.get((f.person, f.date))
        found = (
            _say(data, "fixed_instead", places="; ".join(_where(data, a) for a in instead))
            if instead
            else _say(data, "fixed_off")
        )
        out.append(
            _broken(
                data,
                Rule.FIXED,
                f.person,
                f.date,
                f.shift,
                f.area,
                "fixed",
                row=f.row,
                who=_who(data, f.person),
                shift=f.shift,
                date=_fmt(f.date),
                area=f.area,
                found=found,
            )
        )


# --- time rules: rest, consecutive days, rolling weeks ------------------------------------


@dataclass(frozen=True, order=True)
class _Worked:
    """One shift a person worked, with its real start and end (history or this roster)."""

    start: datetime
    end: datetime
    date: date
    shift: str
    night: bool
    history: bool


def _worked_shifts(
    data: ProblemData, by_person: dict[str, list[Assignment]]
) -> dict[str, list[_Worked]]:
    """Each person's distinct (date, shift) worked, history before the horizon too, by start."""
    pairs: dict[str, dict[tuple[date, str], bool]] = defaultdict(dict)
    start = data.settings.start_date
    for h in data.history:
        if h.date < start and h.shift in data.shift_by_id:
            pairs[h.person][(h.date, h.shift)] = True
    for pid, items in by_person.items():
        for a in items:
            pairs[pid][(a.date, a.shift)] = False
    worked = {}
    for pid, seen in pairs.items():
        rows = []
        for (day, sid), history in seen.items():
            shift = data.shift_by_id[sid]
            begin = datetime.combine(day, shift.start)
            end = datetime.combine(day, shift.end)
            if end <= begin:  # an end at or before the start crosses midnight
                end += timedelta(days=1)
            rows.append(_Worked(begin, end, day, sid, shift.night, history))
        worked[pid] = sorted(rows)
    return worked


def _check_rest(data: ProblemData, worked: dict[str, list[_Worked]], out: list[Violation]) -> None:
    """Least rest between the end of any shift and the start of any later one, same person.

    Two shifts on one date are already a ONE_SHIFT_PER_DAY violation and are not reported again.
    """
    need = timedelta(hours=data.settings.min_rest_hours)
    for pid, rows in worked.items():
        for i, first in enumerate(rows):
            for second in rows[i + 1 :]:
                rest = second.start - first.end
                if rest >= need:
                    break  # later starts only rest longer
                if second.date == first.date or (first.history and second.history):
                    continue
                hours = rest.total_seconds() / 3600
                rests = (
                    _say(data, "rests_only", hours=f"{hours:g}")
                    if hours >= 0
                    else _say(data, "rests_overlap")
                )
                out.append(
                    _broken(
                        data,
                        Rule.MIN_REST,
                        pid,
                        second.date,
                        second.shift,
                        None,
                        "min_rest",
                        who=_who(data, pid),
                        rests=rests,
                        first=first.shift,
                        first_date=_fmt(first.date),
                        first_end=f"{first.end:%H:%M %d/%m/%Y}",
                        second=second.shift,
                        second_date=_fmt(second.date),
                        second_start=f"{second.start:%H:%M %d/%m/%Y}",
                        need=f"{data.settings.min_rest_hours:g}",
                    )
                )


def _check_consecutive(
    data: ProblemData, worked: dict[str, list[_Worked]], out: list[Violation]
) -> None:
    """No more than ``max_consecutive_days`` dates in a row with any shift (a person's own
    ``max_consecutive_shifts`` overrides it); one report per run."""
    start = data.settings.start_date
    one = timedelta(days=1)
    for pid, rows in worked.items():
        person = data.person_by_id.get(pid)
        limit = (
            person.max_consecutive_shifts
            if person is not None and person.max_consecutive_shifts is not None
            else data.settings.max_consecutive_days
        )
        days = sorted({w.date for w in rows})
        run_start = None
        reported = False
        for i, day in enumerate(days):
            if i == 0 or days[i - 1] != day - one:
                run_start, reported = day, False
            length = (day - run_start).days + 1
            if length > limit and day >= start and not reported:
                reported = True
                out.append(
                    _broken(
                        data,
                        Rule.MAX_CONSECUTIVE_DAYS,
                        pid,
                        day,
                        None,
                        None,
                        "max_consecutive_days",
                        who=_who(data, pid),
                        n=length,
                        start=_fmt(run_start),
                        end=_fmt(day),
                        limit=limit,
                    )
                )


def _check_windows(
    data: ProblemData, worked: dict[str, list[_Worked]], out: list[Violation]
) -> None:
    """Shifts and night shifts in any 7 consecutive days (rolling, not calendar weeks).

    Every offending window is reported once at its first day, taking only windows that begin
    on a worked day: any other offending window holds no more shifts than the one beginning at
    its first worked day, so these witness every overload without repeating it.
    """
    for pid, rows in worked.items():
        person = data.person_by_id.get(pid)
        if person is None:
            continue  # history of someone not in People: nothing of this roster to judge
        shift_cap = (
            person.max_shifts_per_week
            if person.max_shifts_per_week is not None
            else data.settings.max_shifts_per_week
        )
        _windows(data, pid, rows, Rule.MAX_SHIFTS_PER_WEEK, _say(data, "shifts"), shift_cap, out)
        nights = [w for w in rows if w.night]
        cap = data.settings.max_nights_per_week
        what = _say(data, "night_shifts")
        _windows(data, pid, nights, Rule.MAX_NIGHTS_PER_WEEK, what, cap, out)


def _windows(
    data: ProblemData,
    pid: str,
    rows: list[_Worked],
    rule: Rule,
    what: str,
    cap: int,
    out: list[Violation],
) -> None:
    """Report each window beginning on a worked day with more than ``cap`` of ``rows``."""
    count_on: dict[date, int] = defaultdict(int)
    for w in rows:
        count_on[w.date] += 1
    start = data.settings.start_date
    for first in sorted(count_on):
        last = first + timedelta(days=WINDOW_DAYS - 1)
        if last < start:
            continue  # the window lies wholly in history
        days = [first + timedelta(days=k) for k in range(WINDOW_DAYS)]
        total = sum(count_on.get(d, 0) for d in days)
        in_horizon = any(count_on.get(d, 0) for d in days if d >= start)
        if total > cap and in_horizon:
            out.append(
                _broken(
                    data,
                    rule,
                    pid,
                    first,
                    None,
                    None,
                    "window",
                    who=_who(data, pid),
                    total=total,
                    what=what,
                    first=_fmt(first),
                    last=_fmt(last),
                    cap=cap,
                )
            )


# --- demand: which requirement rows apply where, MAX_STAFF, MODE, NO_DEMAND, gaps ----------


def _rows_by_place(data: ProblemData) -> dict[Place, list[Requirement]]:
    """The requirement rows that apply at each (date, shift, area), worked out once."""
    rows_at: dict[Place, list[Requirement]] = defaultdict(list)
    # The days are counted here, not taken from ``data.dates``, which the model uses: a
    # helper shared with the model could hide one mistake from both.
    start = data.settings.start_date
    horizon = [start + timedelta(days=i) for i in range(data.settings.days)]
    for row in data.requirements:
        shifts = [s.id for s in data.shifts if row.shift is None or row.shift == s.id]
        for day in horizon:
            if row.date_from is not None and day < row.date_from:
                continue
            if row.date_to is not None and day > row.date_to:
                continue
            if row.weekdays is not None and day.weekday() not in row.weekdays:
                continue
            for sid in shifts:
                rows_at[(day, sid, row.area)].append(row)
    return rows_at


def _check_demand(
    data: ProblemData,
    valid: Iterable[Assignment],
    rows_at: dict[Place, list[Requirement]],
    people_at: dict[tuple[date, str, str, Mode], set[str]],
    out: list[Violation],
) -> None:
    """Each assignment must fill a row of its own mode; no place may exceed its max_staff."""
    for a in valid:
        mode = Mode(a.mode)
        if data.area_by_id[a.area].kind == REMOTE_KIND and mode != Mode.REMOTE:
            out.append(
                _broken(
                    data,
                    Rule.MODE,
                    a.person,
                    a.date,
                    a.shift,
                    a.area,
                    "mode",
                    who=_who(data, a.person),
                    where=_where(data, a),
                    mode=_mode(data, mode),
                    area=a.area,
                )
            )
        elif not any(r.mode == mode for r in rows_at.get((a.date, a.shift, a.area), ())):
            out.append(
                _broken(
                    data,
                    Rule.NO_DEMAND,
                    a.person,
                    a.date,
                    a.shift,
                    a.area,
                    "no_demand",
                    who=_who(data, a.person),
                    where=_where(data, a),
                    mode=_mode(data, mode),
                )
            )
    for (day, sid, area, mode), people in people_at.items():
        caps = [
            r.max_staff
            for r in rows_at.get((day, sid, area), ())
            if r.mode == mode and r.max_staff is not None
        ]
        if caps and len(people) > min(caps):
            out.append(
                _broken(
                    data,
                    Rule.MAX_STAFF,
                    None,
                    day,
                    sid,
                    area,
                    "max_staff",
                    area=area,
                    shift=sid,
                    date=_fmt(day),
                    n=len(people),
                    mode=_mode(data, mode),
                    people=", ".join(sorted(people)),
                    cap=min(caps),
                )
            )


def _gaps(
    data: ProblemData,
    rows_at: dict[Place, list[Requirement]],
    people_at: dict[tuple[date, str, str, Mode], set[str]],
) -> list[Gap]:
    """Every (date, shift, area) short of its rows, by the contract's 'Counting, exactly'."""
    gaps = []
    for (day, sid, area), rows in rows_at.items():
        missing = short_staff = short_police = 0
        skills: set[str] = set()
        worst_mode = rows[0].mode
        counted: set[str] = set()
        for row in rows:
            people = [data.person_by_id[p] for p in people_at.get((day, sid, area, row.mode), ())]
            counted.update(p.id for p in people)
            staff = max(row.min_staff - len(people), 0)
            police = max(row.min_police - sum(p.role == "police" for p in people), 0)
            skill = 1 if row.skill and not any(row.skill in p.skills for p in people) else 0
            if skill:
                skills.add(row.skill)
            short_staff, short_police = max(short_staff, staff), max(short_police, police)
            if max(staff, police, skill) > missing:
                missing, worst_mode = max(staff, police, skill), row.mode
        if missing > 0:
            gaps.append(
                Gap(
                    date=day,
                    shift=sid,
                    area=area,
                    needed=max(r.min_staff for r in rows),
                    assigned=len(counted),
                    missing=missing,
                    short_staff=short_staff,
                    short_police=short_police,
                    missing_skills=tuple(sorted(skills)),
                    mode=str(worst_mode),
                )
            )
    shift_order = {s.id: i for i, s in enumerate(data.shifts)}
    area_order = {a.id: i for i, a in enumerate(data.areas)}
    gaps.sort(
        key=lambda g: (
            g.date,
            shift_order[g.shift],
            area_order.get(g.area, len(area_order)),
            g.area,
        )
    )
    return gaps


# --- sequence and workload rules (issue 6) ----------------------------------------------


def _check_sequences(
    data: ProblemData, worked: dict[str, list[_Worked]], out: list[Violation]
) -> None:
    """Forbidden successions, per-type maximums, total minutes, short runs and weekends.

    Edges as the Curtois & Qu benchmark defines them: successions reach back into history;
    runs of shifts or days off that touch the first or last day may be short; a weekend is
    worked when its Saturday or Sunday is, once.
    """
    start, n = data.settings.start_date, data.settings.days
    for person in data.people:
        rows = worked.get(person.id, [])
        on_day = {w.date: w.shift for w in rows}
        in_horizon = [w for w in rows if not w.history]
        _succession(data, person.id, on_day, out)
        _per_type(data, person, in_horizon, out)
        _minutes(data, person, in_horizon, out)
        days_on = [(start + timedelta(days=i)) in on_day for i in range(n)]
        shortest_on = person.min_consecutive_shifts or data.settings.min_consecutive_shifts
        shortest_off = person.min_days_off_in_row or data.settings.min_days_off_in_row
        _short_runs(data, person.id, days_on, True, shortest_on, out)
        _short_runs(data, person.id, days_on, False, shortest_off, out)
        _weekends(data, person, days_on, out)


def _succession(data: ProblemData, pid: str, on_day: dict[date, str], out: list[Violation]) -> None:
    start = data.settings.start_date
    for day, sid in on_day.items():
        nxt = day + timedelta(days=1)
        after = on_day.get(nxt)
        if nxt < start or after is None or sid not in data.shift_by_id:
            continue
        if after in data.shift_by_id[sid].forbidden_next:
            out.append(
                _broken(
                    data,
                    Rule.FORBIDDEN_SUCCESSION,
                    pid,
                    nxt,
                    after,
                    None,
                    "forbidden_succession",
                    who=_who(data, pid),
                    after=after,
                    next_date=_fmt(nxt),
                    shift=sid,
                    date=_fmt(day),
                )
            )


def _per_type(data: ProblemData, person: Person, rows: list[_Worked], out: list[Violation]) -> None:
    counts: dict[str, list[date]] = defaultdict(list)
    for w in rows:
        counts[w.shift].append(w.date)
    for sid, limit in person.max_shifts_by_type.items():
        if len(counts.get(sid, [])) > limit:
            out.append(
                _broken(
                    data,
                    Rule.MAX_SHIFTS_BY_TYPE,
                    person.id,
                    max(counts[sid]),
                    sid,
                    None,
                    "max_shifts_by_type",
                    who=_who(data, person.id),
                    n=len(counts[sid]),
                    shift=sid,
                    limit=limit,
                )
            )


def _minutes(data: ProblemData, person: Person, rows: list[_Worked], out: list[Violation]) -> None:
    total = sum(int((w.end - w.start).total_seconds()) // 60 for w in rows)
    low, high = person.min_total_minutes, person.max_total_minutes
    if (low is not None and total < low) or (high is not None and total > high):
        bound = (
            _say(data, "at_least", n=low)
            if low is not None and total < low
            else _say(data, "at_most", n=high)
        )
        out.append(
            _broken(
                data,
                Rule.TOTAL_MINUTES,
                person.id,
                None,
                None,
                None,
                "total_minutes",
                who=_who(data, person.id),
                total=total,
                bound=bound,
            )
        )


def _short_runs(
    data: ProblemData,
    pid: str,
    days_on: list[bool],
    working: bool,
    shortest: int,
    out: list[Violation],
) -> None:
    """Runs of working days (or days off) shorter than `shortest`, not touching an edge."""
    if shortest <= 1:
        return
    n = len(days_on)
    d = 0
    while d < n:
        if days_on[d] != working:
            d += 1
            continue
        end = d
        while end + 1 < n and days_on[end + 1] == working:
            end += 1
        length = end - d + 1
        if d > 0 and end < n - 1 and length < shortest:
            first = data.settings.start_date + timedelta(days=d)
            what = _say(data, "shifts" if working else "days_off")
            out.append(
                _broken(
                    data,
                    Rule.MIN_CONSECUTIVE_SHIFTS if working else Rule.MIN_DAYS_OFF_IN_ROW,
                    pid,
                    first,
                    None,
                    None,
                    "short_run",
                    who=_who(data, pid),
                    n=length,
                    what=what,
                    date=_fmt(first),
                    shortest=shortest,
                )
            )
        d = end + 1


def _weekends(data: ProblemData, person: Person, days_on: list[bool], out: list[Violation]) -> None:
    limit = person.max_weekends if person.max_weekends is not None else data.settings.max_weekends
    if limit is None:
        return
    worked: set[date] = set()
    for i, on in enumerate(days_on):
        day = data.settings.start_date + timedelta(days=i)
        if on and day.weekday() >= 5:
            worked.add(day - timedelta(days=day.weekday() - 5))  # that weekend's Saturday
    if len(worked) > limit:
        out.append(
            _broken(
                data,
                Rule.MAX_WEEKENDS,
                person.id,
                max(worked),
                None,
                None,
                "max_weekends",
                who=_who(data, person.id),
                n=len(worked),
                limit=limit,
            )
        )


# The one function of the checker that reports each rule (each writes its violations to the
# list passed last). Tests hold it against the model's own map, `roster.model.build.MODEL_RULES`.
CHECKER_RULES: dict[Rule, Callable[..., object]] = {
    Rule.UNKNOWN_ID: _check_ids,
    Rule.ONE_SHIFT_PER_DAY: _check_same_day,
    Rule.ONE_PLACE_PER_SHIFT: _check_same_day,
    Rule.MIN_REST: _check_rest,
    Rule.MAX_CONSECUTIVE_DAYS: _check_consecutive,
    Rule.MAX_SHIFTS_PER_WEEK: _windows,
    Rule.MAX_NIGHTS_PER_WEEK: _windows,
    Rule.AVAILABILITY_WINDOW: _check_person_days,
    Rule.STATUS: _check_person_days,
    Rule.FIXED: _check_fixed,
    Rule.MAX_STAFF: _check_demand,
    Rule.MODE: _check_demand,
    Rule.NO_DEMAND: _check_demand,
    Rule.FORBIDDEN_SUCCESSION: _succession,
    Rule.MAX_SHIFTS_BY_TYPE: _per_type,
    Rule.TOTAL_MINUTES: _minutes,
    Rule.MIN_CONSECUTIVE_SHIFTS: _short_runs,
    Rule.MIN_DAYS_OFF_IN_ROW: _short_runs,
    Rule.MAX_WEEKENDS: _weekends,
}
