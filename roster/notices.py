"""Change notices: one short message per officer whose duties a re-plan or a cover changed.

An officer reads a changed roster on the phone, not in the workbook: each notice says what
was, what is and why in a line ready for Zalo or SMS, in the unit's language. Notices are
built only from the `Change` records that `replan` and `cover --apply` already produce (the
rows of the `Changes` sheet), so an officer whose duties did not change gets nothing, and
every notice agrees with the sheet.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from roster.data import Assignment, Mode, ProblemData
from roster.io.atomic import write_atomic
from roster.result import Change, ChangeKind
from roster.text import say, short_date

COMBINED = "notices.txt"
MAX_LISTED = 3  # shifts taken off an officer listed one by one; more are counted (SMS length)


@dataclass(frozen=True)
class Notice:
    """The message to one officer, and the changes it tells of."""

    person: str
    name: str
    text: str
    changes: tuple[Change, ...]


def build_notices(data: ProblemData, changes: Sequence[Change]) -> list[Notice]:
    """One notice per person named in ``changes``, in the order they first appear."""
    by_person: dict[str, list[Change]] = defaultdict(list)
    for change in changes:
        by_person[change.person].append(change)
    return [_notice(data, pid, own, changes) for pid, own in by_person.items()]


def _notice(data: ProblemData, pid: str, own: list[Change], everyone: Sequence[Change]) -> Notice:
    person = data.person_by_id.get(pid)
    name = person.name if person else pid
    steps, reasons = [], []
    replaced: dict[str, str] = {}  # the officers whose places this one takes, and why
    pairs = _pairs(own)
    released = [before for before, after, _ in pairs if after is None]
    counted = len(released) > MAX_LISTED
    for before, after, change_reasons in pairs:
        if counted and after is None:  # shifts an officer no longer works: how many, from when
            if before is released[0]:
                steps.append(_released(data, released))
            reasons += change_reasons
            continue
        steps.append(_step(data, before, after))
        left = _left(pid, after, everyone) if after is not None else {}
        replaced.update(left)
        reasons += change_reasons[:-1] if left else change_reasons  # the last is the taking's
    why = [_covers(data, replaced)] if replaced else []
    why += [r for r in dict.fromkeys(reasons) if r]
    text = say("notice.to", data, name=name, what=", ".join(steps), why="; ".join(why))
    return Notice(pid, name, text, tuple(own))


def _pairs(
    own: list[Change],
) -> list[tuple[Assignment | None, Assignment | None, list[str]]]:
    """Before and after of one officer's changes: a same-day move is one step, a day left
    and a day taken are paired in date order, what is left over stands alone."""
    order = sorted(own, key=lambda c: c.date)
    steps = [(c.before, c.after, [c.reason]) for c in order if c.kind == ChangeKind.MOVED]
    removed = [c for c in order if c.kind == ChangeKind.REMOVED]
    added = [c for c in order if c.kind == ChangeKind.ADDED]
    for out, into in zip(removed, added, strict=False):
        steps.append((out.before, into.after, [out.reason, into.reason]))
    steps += [(c.before, None, [c.reason]) for c in removed[len(added) :]]
    steps += [(None, c.after, [c.reason]) for c in added[len(removed) :]]
    return sorted(steps, key=lambda s: min(a.date for a in s[:2] if a is not None))


def _released(data: ProblemData, released: list[Assignment]) -> str:
    """Many shifts taken off, counted ("thôi trực 14 ca từ 18/08 đến 03/09"): the shifts to
    be taken are always listed one by one."""
    first, last = short_date(released[0].date, data), short_date(released[-1].date, data)
    return say("notice.released_many", data, n=len(released), first=first, last=last)


def _step(data: ProblemData, before: Assignment | None, after: Assignment | None) -> str:
    if before is not None and after is not None:
        return say("notice.moved", data, before=_place(data, before), after=_place(data, after))
    if before is not None:
        return say("notice.removed", data, place=_place(data, before))
    return say("notice.added", data, place=_place(data, after))


def _place(data: ProblemData, a: Assignment) -> str:
    """The shift's name, the day, the area's name: "ca đêm 18/08 tại Chốt cầu Rồng"."""
    shift = data.shift_by_id.get(a.shift)
    label = shift.name if shift and shift.name else say("notice.shift_id", data, id=a.shift)
    area = data.area_by_id.get(a.area)
    remote = say("notice.remote", data) if a.mode == Mode.REMOTE else ""
    return (
        say(
            "notice.place",
            data,
            shift=label[:1].lower() + label[1:],
            day=short_date(a.date, data),
            area=(area.name or area.id) if area else a.area,
        )
        + remote
    )


def _left(pid: str, place: Assignment, everyone: Sequence[Change]) -> dict[str, str]:
    """The others who left the place this officer takes, each with the reason they left."""
    return {
        c.person: c.reason
        for c in everyone
        if c.person != pid
        and c.before is not None
        and _at(c.before, place)
        and (c.after is None or not _at(c.after, place))
    }


def _covers(data: ProblemData, replaced: dict[str, str]) -> str:
    """Whom the officer replaces and why they left: "thay đ/c B (F1 18/08–31/08)"."""
    people = data.person_by_id
    who = ", ".join(
        say("notice.covers_one", data, name=people[p].name if p in people else p, reason=r)
        for p, r in replaced.items()
    )
    return say("notice.covers", data, who=who)


def _at(a: Assignment, b: Assignment) -> bool:
    return (a.date, a.shift, a.area) == (b.date, b.shift, b.area)


def notice_file(folder: Path, person: str) -> Path:
    """``notice-<id>.txt``: ids are typed by people, so only safe characters are kept."""
    return folder / f"notice-{re.sub(r'[^0-9A-Za-z_.-]', '_', person)}.txt"


def write_notices(notices: Sequence[Notice], folder: Path) -> list[Path]:
    """One text file per officer and the combined file, each whole or not at all; nothing
    when nobody's duties changed."""
    if not notices:
        return []
    paths = [_write_text(notice_file(folder, n.person), n.text + "\n") for n in notices]
    combined = "\n".join(n.text for n in notices) + "\n"
    return [*paths, _write_text(folder / COMBINED, combined)]


def _write_text(path: Path, text: str) -> Path:
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
