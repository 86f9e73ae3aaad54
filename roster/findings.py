"""What the checker finds, as plain data: broken rules, short places, and why a person is out;
and the report of them in words.

These sit below everything else (they import only ``data``, ``rules`` and ``text``) so that results,
reports and the features can hold a check's findings without importing the checker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from roster.data import ProblemData, StatusPeriod
from roster.rules import Rule
from roster.text import rule_label, say


@dataclass(frozen=True)
class Violation:
    """One broken hard rule, in words a commander can act on."""

    rule: Rule
    person: str | None
    date: date | None
    shift: str | None
    area: str | None
    message: str


@dataclass(frozen=True)
class Gap:
    """One (date, shift, area) that falls short, with the details a reason is written from."""

    date: date
    shift: str
    area: str
    needed: int
    assigned: int
    missing: int
    short_staff: int
    short_police: int
    missing_skills: tuple[str, ...]
    mode: str


@dataclass(frozen=True)
class CheckReport:
    """Every violation and every gap of one roster."""

    violations: tuple[Violation, ...]
    gaps: tuple[Gap, ...]

    @property
    def ok(self) -> bool:
        return not self.violations

    @property
    def uncovered(self) -> int:
        return sum(g.missing for g in self.gaps)


@dataclass(frozen=True)
class Absence:
    """Why a person may not work in a mode on a day, as the checker decides it.

    ``kind``: ``before_window`` / ``after_window`` (a reinforcement outside the dates they are
    sent for; ``limit`` is the first or last date), ``status`` (F0, leave, sick, training,
    unavailable, or F1 when F1 people take no duty at all) or ``remote_only`` (F1 with
    ``f1_remote_duty``: on-site duty is what is refused). ``status`` is the period that rules
    it out, when it is a status.
    """

    kind: str
    limit: date | None = None
    status: StatusPeriod | None = None


def format_report(report: CheckReport, data: ProblemData, limit: int = 50) -> str:
    """One line per violation (rule, person, date, shift, message), capped at ``limit``, in the
    unit's language: what `roster check` prints, and what an internal error quotes."""
    n, gaps = len(report.violations), len(report.gaps)
    lines = [say("check.report", data, violations=n, uncovered=report.uncovered, gaps=gaps)]
    for v in report.violations[:limit]:
        person = data.person_by_id.get(v.person) if v.person else None
        who = f"{v.person} ({person.name})" if person else (repr(v.person) if v.person else "-")
        when = v.date.strftime("%d/%m/%Y") if v.date else "-"
        rule = rule_label(v.rule, data)
        lines.append(f"[{rule}] {who} | {when} | {v.shift or '-'} | {v.message}")
    if n > limit:
        lines.append(say("check.more", data, n=n - limit))
    return "\n".join(lines)
