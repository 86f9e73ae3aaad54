"""How one run may solve: its whole-run time limit, threads and seed, and the largest unit.

`roster solve` and `roster replan` share these rules (as PyVRP's `SolveParams`): the time
limit bounds the whole run, reading and writing included, so the solver gets what is left
once the time already spent and the time kept back for writing are taken off.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from roster.data import ProblemData
from roster.errors import RequestError
from roster.text import both

# The largest unit measured to get a checked roster (benchmarks/results/scale.md): 800 people
# for 28 days, no place uncovered, in 585 s and 4.2 GB (benchmarks/large_unit.py); 2,000
# people for 31 days found none in 300 s and took 5 GB.
MAX_PERSON_DAYS = 22_400
WRITE_RESERVE_S = 3.0  # wall time kept back from the solver for naming, checking and writing
SHEETS_RESERVE_S = 3.0  # and for the duty sheets (about 2.5 s for 28 days of 13 areas)
RESERVE_PERSON_DAYS = 1_240  # the reserves above hold up to about 40 people x 31 days
MIN_SOLVE_S = 0.5  # the solver always gets this much, however little is left
COVER_SEARCH_S = 1.5  # `roster cover`'s swap search when no time limit is given
MIN_SEARCH_S = 0.1


@dataclass(frozen=True)
class SolveParams:
    """The solve options of one run, started when the run starts (reading counts)."""

    time_limit: float | None = None  # whole run, seconds; None: the `time_limit_s` setting
    workers: int = 2
    seed: int = 0
    write_roster: bool = False  # the run writes the roster workbook after the solve
    write_sheets: bool = False  # ... and the duty sheets
    started: float = field(default_factory=time.monotonic, compare=False)

    def writing(self, sheets: bool) -> SolveParams:
        """These params for a run that writes the roster after the solve, and the duty sheets
        when `sheets`: time is kept back for them."""
        return replace(self, write_roster=True, write_sheets=sheets)

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def limit(self, data: ProblemData) -> float:
        """The whole run's wall-time limit: the option, else the workbook's setting."""
        return data.settings.time_limit_s if self.time_limit is None else self.time_limit

    def reserve(self, data: ProblemData) -> float:
        """Time kept back for writing; it grows with the unit (400 people x 31 days took about
        50 s after the search)."""
        scale = max(1.0, person_days(data) / RESERVE_PERSON_DAYS)
        kept = (WRITE_RESERVE_S if self.write_roster else 0.0) + (
            SHEETS_RESERVE_S if self.write_sheets else 0.0
        )
        return scale * kept

    def solver_budget(self, data: ProblemData) -> float:
        """What the solver may use now: the limit less the time spent and the reserve (which
        never takes more than half the limit)."""
        limit = self.limit(data)
        left = limit - self.elapsed() - min(self.reserve(data), limit / 2)
        return max(left, MIN_SOLVE_S)

    def search_budget(self) -> float:
        """`roster cover` searches swaps, not a model: a short fixed time unless limited."""
        if self.time_limit is None:
            return COVER_SEARCH_S
        return max(self.time_limit - self.elapsed(), MIN_SEARCH_S)


def person_days(data: ProblemData) -> int:
    return len(data.people) * data.settings.days


def refuse_too_large(data: ProblemData) -> None:
    """Say up front that a unit is beyond the measured size, rather than fail after minutes."""
    size = person_days(data)
    if size > MAX_PERSON_DAYS:
        raise RequestError(
            both(
                "cli.too_large",
                people=len(data.people),
                days=data.settings.days,
                size=size,
                limit=MAX_PERSON_DAYS,
            )
        )
