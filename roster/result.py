"""The solver-neutral result of a solve: the roster, its gaps, the requests, and how good it is."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from types import ModuleType
from typing import TYPE_CHECKING

from roster.data import Assignment, Origin, ProblemData, StrEnum
from roster.findings import Gap

if TYPE_CHECKING:
    import pandas


class Status(StrEnum):
    OPTIMAL = "optimal"  # every stage proven optimal
    FEASIBLE = "feasible"  # a roster, not proven optimal (see gap)
    INTERRUPTED = "interrupted"  # stopped by the user; the best roster found so far
    INFEASIBLE = "infeasible"  # hard rules (Fixed rows, History) contradict each other


@dataclass(frozen=True)
class StageReport:
    """One lexicographic stage: what it minimised, what it reached, what it proved."""

    name: str
    status: str
    objective: int
    bound: int
    seconds: float

    @property
    def gap(self) -> float:
        """Relative gap between the roster found and the proven bound (0.0 = optimal)."""
        if self.objective == self.bound:
            return 0.0
        return abs(self.objective - self.bound) / max(abs(self.objective), 1)


@dataclass(frozen=True)
class RequestedPerson:
    """An anonymous reinforcement to ask for, and the places they would take."""

    label: str
    origin: Origin
    places: tuple[tuple[date, str, str], ...]


@dataclass(frozen=True)
class ReinforcementRequest:
    """A row of `Reinforcements needed`: what a commander sends upward."""

    origin: Origin
    date_from: date
    date_to: date
    shift: str
    area: str
    people: int
    reason: str


@dataclass(frozen=True)
class ModelFigures:
    """What the model itself believes of the roster it found, read from its variables.

    The product hands out the checker's figures (gaps, uncovered); these are kept so that
    tests can hold the model against the checker instead of the checker against itself.
    """

    uncovered: dict[tuple[date, str, str], int]  # (date, shift, area) -> places
    staff: dict[tuple[date, str, str, str], int]  # (date, shift, area, mode) -> people
    worked: frozenset[tuple[str, date, str, str]]  # (person, date, shift, mode)


@dataclass(frozen=True)
class Result:
    data: ProblemData
    status: Status
    assignments: tuple[Assignment, ...]
    gaps: tuple[Gap, ...]
    gap_reasons: dict[tuple[date, str, str], str]
    requested: tuple[RequestedPerson, ...]
    requests: tuple[ReinforcementRequest, ...]
    stages: tuple[StageReport, ...]
    tiers: dict[str, int]
    seconds: float
    capacity_notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)
    model: ModelFigures | None = None  # None when no roster came from the model

    @property
    def uncovered(self) -> int:
        """Places the named people leave short (each filled by a requested reinforcement)."""
        return sum(g.missing for g in self.gaps)

    @property
    def uncovered_bound(self) -> int | None:
        """The proven least number of uncovered places any roster must leave, when the
        first stage minimised exactly that (not in `weighted` mode, not the greedy roster)."""
        if self.stages and self.stages[0].name == "uncovered":
            return self.stages[0].bound
        return None

    @property
    def gap(self) -> float:
        """The largest relative gap over the stages (0.0 when every stage is proven optimal)."""
        return max((s.gap for s in self.stages), default=0.0)

    @property
    def named_reinforcements_used(self) -> dict[Origin, int]:
        """Distinct named reinforcements on the roster, by origin."""
        people = {a.person for a in self.assignments}
        counts = Counter(self.data.person_by_id[p].origin for p in people)
        return {o: counts.get(o, 0) for o in (Origin.DISTRICT, Origin.CITY)}

    @property
    def fully_covered(self) -> bool:
        return not self.gaps

    def assignments_frame(self) -> pandas.DataFrame:
        """The roster as a DataFrame (one row per person-shift), for analysis in a notebook."""
        pd = _pandas()

        people = self.data.person_by_id
        return pd.DataFrame(
            [
                {
                    "date": a.date,
                    "shift": a.shift,
                    "area": a.area,
                    "person": a.person,
                    "name": people[a.person].name,
                    "role": people[a.person].role.value,
                    "origin": people[a.person].origin.value,
                    "mode": a.mode.value,
                }
                for a in self.assignments
            ],
            columns=["date", "shift", "area", "person", "name", "role", "origin", "mode"],
        )

    def gaps_frame(self) -> pandas.DataFrame:
        """Every shortfall of the named people, with its reason, as a DataFrame."""
        pd = _pandas()

        return pd.DataFrame(
            [
                {
                    "date": g.date,
                    "shift": g.shift,
                    "area": g.area,
                    "needed": g.needed,
                    "assigned": g.assigned,
                    "missing": g.missing,
                    "reason": self.gap_reasons.get((g.date, g.shift, g.area), ""),
                }
                for g in self.gaps
            ],
            columns=["date", "shift", "area", "needed", "assigned", "missing", "reason"],
        )

    def shift_counts(self, origin: Origin = Origin.OWN) -> dict[str, int]:
        """Shifts per person of `origin` (people with none included)."""
        counts = Counter(a.person for a in self.assignments)
        return {p.id: counts.get(p.id, 0) for p in self.data.people if p.origin == origin}


def _pandas() -> ModuleType:
    """pandas, an optional extra: only the two `*_frame` helpers need it."""
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(
            "Result.assignments_frame() and gaps_frame() need pandas: pip install 'roster[frames]'"
        ) from exc
    return pandas


class ChangeKind(StrEnum):
    """How one person-day's announced duty changed."""

    MOVED = "moved"
    REMOVED = "removed"
    ADDED = "added"


@dataclass(frozen=True)
class Change:
    """One person-day whose announced duty changed (re-planning, covering a shift): a row of
    the roster workbook's `Changes` sheet. Plain data: ``roster.io.writer`` puts it in words."""

    kind: ChangeKind
    person: str
    date: date
    before: Assignment | None
    after: Assignment | None
    reason: str  # already in the unit's language: replan and cover know why

    @property
    def shift(self) -> str:
        return (self.after or self.before).shift

    @property
    def area(self) -> str:
        return (self.after or self.before).area
