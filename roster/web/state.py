"""Rosters held in memory between requests: saved versions as read, and each person's draft.

A saved version is read once (problem and roster from the same self-contained roster
workbook) and checked once. A draft is the roster being edited in one browser session:
every edit is checked at once by the independent checker, and nothing reaches the disk
until the draft is saved as a new version.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from roster.data import Assignment, ProblemData
from roster.explain import explain_gaps, gap_reasons
from roster.findings import CheckReport, Gap
from roster.io.writer import read_assignments
from roster.load import read_workbook
from roster.model.availability import allowed_modes
from roster.model.variables import Variables
from roster.model.workrest import WorkRestRules
from roster.result import Result, Status
from roster.verify import check

Place = tuple[date, str, str]
CACHED = 8  # versions kept read in memory


@dataclass
class Loaded:
    """One roster with its problem, its check, and the reasons of its gaps once asked."""

    data: ProblemData
    assignments: tuple[Assignment, ...]
    report: CheckReport
    reasons: dict[Place, str] = field(default_factory=dict)
    requested: dict[Place, list[str]] = field(default_factory=dict)

    def reason(self, gap: Gap) -> str:
        """Why the place is short, in the words of the `Gaps` sheet (computed on first ask)."""
        key = (gap.date, gap.shift, gap.area)
        if key not in self.reasons:
            self.reasons.update(reasons_for(self.data, self.assignments, [gap]))
        return self.reasons[key]


def reasons_for(
    data: ProblemData, assignments: Sequence[Assignment], gaps: Sequence[Gap]
) -> dict[Place, str]:
    """The solver's gap reasons for a roster that was not just solved (edited, or read back).

    ``explain_gaps`` reads only who may work in which mode each day from the model's
    variables, so those are given without building the model.
    """
    v = Variables(data, {}, allowed_modes(data), {}, {})
    found = explain_gaps(data, v, WorkRestRules(data), list(assignments), tuple(gaps), [])
    return gap_reasons(data, found)


def loaded_from(result: Result) -> Loaded:
    """A just-solved roster: its reasons and requested reinforcements come with it."""
    requested: dict[Place, list[str]] = defaultdict(list)
    for person in result.requested:
        for place in person.places:
            requested[place].append(person.label)
    report = check(result.data, result.assignments)
    return Loaded(
        result.data, result.assignments, report, dict(result.gap_reasons), dict(requested)
    )


def as_result(data: ProblemData, assignments: Sequence[Assignment], loaded: Loaded) -> Result:
    """An edited roster as a `Result` for the workbook writer: nothing solved, the checker's
    gaps with their reasons."""
    report = check(data, assignments)
    reasons = {
        (g.date, g.shift, g.area): loaded.reasons.get((g.date, g.shift, g.area)) or ""
        for g in report.gaps
    }
    missing = [g for g in report.gaps if not reasons[(g.date, g.shift, g.area)]]
    if missing:
        reasons.update(reasons_for(data, assignments, missing))
    return Result(
        data=data,
        status=Status.FEASIBLE,
        assignments=tuple(assignments),
        gaps=report.gaps,
        gap_reasons=reasons,
        requested=(),
        requests=(),
        stages=(),
        tiers={},
        seconds=0.0,
    )


@dataclass
class Draft:
    """Edits not yet saved: the roster they make, what was done, and its check."""

    base: int
    assignments: list[Assignment]
    notes: list[str]
    report: CheckReport


class Memory:
    """Read versions (a few, most recent) and the drafts of each session, thread-safe."""

    def __init__(self) -> None:
        self._versions: OrderedDict[tuple[Path, float], Loaded] = OrderedDict()
        self._drafts: dict[tuple[str, str], Draft] = {}
        self._lock = threading.Lock()

    def version(self, path: Path) -> Loaded:
        """The roster of a version file, read and checked once."""
        key = (path, path.stat().st_mtime)
        with self._lock:
            if key in self._versions:
                self._versions.move_to_end(key)
                return self._versions[key]
        data = read_workbook(path)
        assignments = tuple(read_assignments(path))
        loaded = Loaded(data, assignments, check(data, assignments))
        self.remember(path, loaded)
        return loaded

    def remember(self, path: Path, loaded: Loaded) -> None:
        with self._lock:
            self._versions[(path, path.stat().st_mtime)] = loaded
            while len(self._versions) > CACHED:
                self._versions.popitem(last=False)

    def draft(self, session: str, wid: str) -> Draft | None:
        return self._drafts.get((session, wid))

    def edit(
        self,
        session: str,
        wid: str,
        base: int,
        data: ProblemData,
        roster: list[Assignment],
        note: str,
    ) -> Draft:
        """Record an edit: the new roster, checked at once."""
        old = self._drafts.get((session, wid))
        notes = [*(old.notes if old and old.base == base else []), note]
        draft = Draft(base, roster, notes, check(data, roster))
        self._drafts[(session, wid)] = draft
        return draft

    def drop(self, session: str, wid: str) -> None:
        self._drafts.pop((session, wid), None)
