"""Re-plan an announced roster from a date on, changing as few announced shifts as possible.

What happened before the date cannot change, so it is kept exactly: the solver only sees the
sub-horizon [date, end], whose `History` is the kept shifts of the days just before it (rest,
consecutive-day and 7-day rules then look back across the date). The announced shifts from
the date on are `previous`: the changes tier (right after coverage and the requested people)
keeps as many as it can, and they are the search's starting point.

Checking the joined roster: the days from the date on are checked against the new workbook
with the kept days as history, exactly like any solve. The kept days are the past: a status
entered after the fact (an F0 dated back to a day already worked) shows there as a violation
of the new workbook that no re-plan can undo. Such past violations are returned as warnings,
never hidden and never "fixed"; any violation dated on or after the date is an internal error.
"""

from __future__ import annotations

import dataclasses
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from roster.cover import Move, apply_moves, repair
from roster.data import (
    Assignment,
    HistoryShift,
    Mode,
    ProblemData,
)
from roster.errors import InputError, InternalError, Problem
from roster.findings import Violation, format_report
from roster.io.writer import change_cells
from roster.params import SolveParams, refuse_too_large
from roster.result import Change, ChangeKind, Result, Status
from roster.solver import ProgressFn, SolveControl, solve
from roster.text import rule_label, say, section
from roster.verify import WINDOW_DAYS, check, unavailable

MOVED, REMOVED, ADDED = ChangeKind.MOVED, ChangeKind.REMOVED, ChangeKind.ADDED


def change_line(change: Change, data: ProblemData, language: str) -> str:
    """One printed line: kind, day, before -> after, person, reason."""
    kind, day, _, _, pid, name, before, after, reason = change_cells(change, data, language)
    return (
        f"{kind:<8} {day:%d/%m/%Y}  {before or '-':<16} -> {after or '-':<16} "
        f"{pid} {name}: {reason}"
    )


@dataclass(frozen=True)
class Replan:
    """The joined roster (kept days + re-planned days) and what changed from DATE on."""

    result: Result
    date_from: date
    changes: tuple[Change, ...]
    kept: int  # assignments before the date, kept as announced
    past: tuple[Violation, ...]  # the kept days against the new workbook (see the module doc)

    def counts(self) -> dict[str, int]:
        """Changes by kind."""
        out = {MOVED: 0, REMOVED: 0, ADDED: 0}
        for c in self.changes:
            out[c.kind] += 1
        return out


def _fmt(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def sub_problem(data: ProblemData, kept: Sequence[Assignment], date_from: date) -> ProblemData:
    """The horizon [date_from, end] with the kept days just before it as `History`.

    Only the days a look-back rule can reach are passed (the longest run or window plus one
    day for rest): older days cannot change what is allowed from the date on.
    """
    reach = max(WINDOW_DAYS, data.settings.max_consecutive_days) + 1
    first = date_from - timedelta(days=reach)
    worked = {(h.person, h.date): h.shift for h in data.history if first <= h.date < date_from}
    worked.update({(a.person, a.date): a.shift for a in kept if first <= a.date < date_from})
    settings = data.settings.model_copy(
        update={"start_date": date_from, "days": (data.settings.end_date - date_from).days + 1}
    )
    return data.model_copy(
        update={
            "settings": settings,
            "history": tuple(
                HistoryShift(person=p, date=d, shift=s) for (p, d, s) in _sorted(worked)
            ),
            "requests": tuple(r for r in data.requests if r.date >= date_from),
            "fixed": tuple(f for f in data.fixed if f.date >= date_from),
        }
    )


def _sorted(worked: dict[tuple[str, date], str]) -> list[tuple[str, date, str]]:
    return sorted((p, d, s) for (p, d), s in worked.items())


def _validate(data: ProblemData, previous: Sequence[Assignment], date_from: date) -> None:
    """Bad input, said plainly: a date outside the horizon, kept shifts naming unknown ids."""
    s = data.settings
    if not s.start_date <= date_from <= s.end_date:
        raise InputError(
            [
                Problem(
                    "--from",
                    None,
                    None,
                    _fmt(date_from),
                    f"a date within the horizon {_fmt(s.start_date)} – {_fmt(s.end_date)}",
                )
            ]
        )
    problems = []
    seen: set[tuple[str, str]] = set()
    for a in previous:
        if not s.start_date <= a.date < date_from:
            continue
        for kind, value, known in (
            ("person", a.person, data.person_by_id),
            ("shift", a.shift, data.shift_by_id),
            ("area", a.area, data.area_by_id),
        ):
            if value not in known and (kind, value) not in seen:
                seen.add((kind, value))
                problems.append(
                    Problem(
                        "--roster",
                        None,
                        kind,
                        value,
                        f"a {kind} of the workbook: the kept roster before {_fmt(date_from)} "
                        f"names {kind} {value!r}, which the workbook no longer has "
                        "(keep it in the workbook, with an end date if needed)",
                    )
                )
    if problems:
        raise InputError(problems)


def replan(
    data: ProblemData,
    previous: Sequence[Assignment],
    date_from: date,
    params: SolveParams | None = None,
    progress: ProgressFn | None = None,
    control: SolveControl | None = None,
    minimise_changes: bool = True,
) -> Replan:
    """Keep `previous` before `date_from`, re-solve `data` from it on, and list the changes.

    `params` are the run's, as for `roster solve`: its time limit bounds the whole run (the
    time since `params.started` and the reserve for writing are taken off). `minimise_changes
    =False` re-solves the days from the date without the changes tier and without the
    announced roster as a hint: the plain re-solve that re-planning is measured against.
    Otherwise the search starts from the announced roster with each shift the workbook now
    forbids handed to the best person who can take it (``roster.cover``), and that repaired
    roster is kept when the search ends with no better one. Raises `InputError` for a date
    outside the horizon or kept shifts naming ids the workbook no longer has, and
    `RequestError` for a unit beyond the measured size.
    """
    t0 = time.monotonic()
    params = params or SolveParams()
    refuse_too_large(data)
    _validate(data, previous, date_from)
    start = data.settings.start_date
    kept = [a for a in previous if start <= a.date < date_from]
    announced = [a for a in previous if date_from <= a.date <= data.settings.end_date]
    sub = sub_problem(data, kept, date_from)
    hint = None
    if minimise_changes:
        holes = [a for a in announced if forced_out(data, a)]
        ready = [a for a in announced if not forced_out(data, a)]
        hint = [a for a in repair(data, kept + ready, holes) if a.date >= date_from]
    result = solve(
        sub,
        time_limit=params.solver_budget(data),
        workers=params.workers,
        seed=params.seed,
        hint=hint,
        previous=announced if minimise_changes else None,
        progress=progress,
        control=control,
    )
    if hint is not None and result.status != Status.INFEASIBLE:
        result = _better(sub, result, hint, announced)
    if result.status == Status.INFEASIBLE:
        joined = dataclasses.replace(result, data=data, seconds=time.monotonic() - t0)
        return Replan(joined, date_from, (), len(kept), ())
    assignments = tuple(kept) + result.assignments
    report = check(data, assignments)
    past = tuple(v for v in report.violations if v.date is not None and v.date < date_from)
    if len(past) != len(report.violations):
        raise InternalError(
            "the re-planned days break a rule of the workbook:\n" + format_report(report, data)
        )
    joined = dataclasses.replace(
        result,
        data=data,
        assignments=assignments,
        gaps=report.gaps,
        seconds=time.monotonic() - t0,
        warnings=(
            *result.warnings,
            *(f"[{rule_label(v.rule, data)}] {v.message}" for v in past),
        ),
    )
    changes = diff(data, announced, result.assignments)
    return Replan(joined, date_from, tuple(changes), len(kept), past)


def shift_changes(announced: Sequence[Assignment], new: Sequence[Assignment]) -> int:
    """The changes tier's measure: (person, day, shift) announced and dropped, or new."""
    before = {(a.person, a.date, a.shift) for a in announced}
    after = {(a.person, a.date, a.shift) for a in new}
    return len(before ^ after)


def _better(
    sub: ProblemData, result: Result, repaired: list[Assignment], announced: list[Assignment]
) -> Result:
    """The solver's roster, or the repaired announced one when that covers everything and
    changes fewer assignments (shift or area): the model counts shift changes only, and with
    a short time limit the search may not get back to its start."""
    if check(sub, repaired).gaps or (
        result.uncovered == 0
        and len(diff(sub, announced, result.assignments)) <= len(diff(sub, announced, repaired))
    ):
        return result
    return dataclasses.replace(
        result,
        status=Status.FEASIBLE if result.status == Status.OPTIMAL else result.status,
        assignments=tuple(repaired),
        gaps=(),
        gap_reasons={},
        requested=(),
        requests=(),
        tiers={"uncovered": 0, "changes": shift_changes(announced, repaired)},
        warnings=(
            *result.warnings,
            say("replan.repaired_kept", sub),
        ),
    )


def diff(
    data: ProblemData, announced: Sequence[Assignment], new: Sequence[Assignment]
) -> list[Change]:
    """Person-days whose duty differs between `announced` and `new`, each with its reason.

    Removed or moved: the person's status or availability window that forbids the announced
    shift, else "rebalanced". Added or moved in: whom they replace when someone was forced
    out of that place, else "rebalanced".
    """
    text = section("replan", data)
    before = {(a.person, a.date): a for a in announced}
    after = {(a.person, a.date): a for a in new}
    forced: dict[tuple[date, str, str], list[str]] = defaultdict(list)
    out_reason: dict[tuple[str, date], str] = {}
    for key, a in before.items():
        b = after.get(key)
        if b is not None and _same(a, b):
            continue
        why = forced_out(data, a)
        if why:
            out_reason[key] = why
            forced[(a.date, a.shift, a.area)].append(a.person)
    changes = []
    for key in before.keys() | after.keys():
        a, b = before.get(key), after.get(key)
        if a is not None and b is not None and _same(a, b):
            continue
        kind = REMOVED if b is None else ADDED if a is None else MOVED
        reason = out_reason.get(key)
        if reason is None and b is not None and forced.get((b.date, b.shift, b.area)):
            reason = text["covers"].format(who=", ".join(forced[(b.date, b.shift, b.area)]))
        changes.append(Change(kind, key[0], key[1], a, b, reason or text["rebalanced"]))
    order = {s.id: i for i, s in enumerate(data.shifts)}
    changes.sort(key=lambda c: (c.date, order.get(c.shift, -1), c.area, c.person))
    return changes


def _same(a: Assignment, b: Assignment) -> bool:
    return (a.shift, a.area, a.mode) == (b.shift, b.area, b.mode)


def forced_out(data: ProblemData, a: Assignment) -> str | None:
    """Why the workbook now forbids announced shift `a` (a status, a window), or None: the
    checker's answer (`verify.unavailable`) in the unit's language."""
    if a.person not in data.person_by_id:
        return None
    absence = unavailable(data, a.person, a.date, Mode(a.mode))
    if absence is None:
        return None
    text = section("replan", data)
    if absence.kind == "before_window":
        return text["window_from"].format(day=_fmt(absence.limit))
    if absence.kind == "after_window":
        return text["window_to"].format(day=_fmt(absence.limit))
    s = absence.status
    span = {"start": f"{s.date_from:%d/%m}", "end": f"{s.date_to:%d/%m}"}
    note = f" ({s.note})" if s.note else ""
    if absence.kind == "remote_only":
        return text["f1"].format(**span) + note
    status = say(f"status_word.{s.status.value}", data)
    return text["status"].format(status=status, **span) + note


def cover_result(
    data: ProblemData,
    assignments: Sequence[Assignment],
    target: Assignment,
    moves: Sequence[Move],
) -> tuple[Result, list[Change]]:
    """The roster with a cover applied, as a `Result` for the writer, and its `Changes` rows.

    Nothing is solved: the gaps are the checker's (a cover never adds one); the reinforcement
    requests of the announced roster are not carried over (see its own workbook).
    """
    text = section("replan", data)
    roster = apply_moves(assignments, target, moves)
    report = check(data, roster)
    result = Result(
        data=data,
        status=Status.FEASIBLE,
        assignments=tuple(roster),
        gaps=report.gaps,
        gap_reasons={},
        requested=(),
        requests=(),
        stages=(),
        tiers={},
        seconds=0.0,
    )
    changes = [Change(REMOVED, target.person, target.date, target, None, text["released"])]
    for i, m in enumerate(moves):
        covered = moves[i - 1].person if i else target.person
        reason = text["covers"].format(who=covered)
        kind = ADDED if m.before is None else MOVED
        changes.append(Change(kind, m.person, m.after.date, m.before, m.after, reason))
    return result, changes
