"""`roster bench curtois`: the Curtois & Qu benchmark, solved by the same model as a ward.

Each instance is read into ``ProblemData`` (objective mode `weighted`), optimised by
``roster.bench.lns`` (a person-by-person start, then by size: the whole model alone, the
whole model for a share of the time then large-neighbourhood search on sub-models, or that
search alone), then checked by the independent checker, and its penalty recomputed by
``roster.bench.score``, which must equal the search's objective. The instance files and
the best-known table ship inside the package (``roster/bench/instances/``), so the command
works wherever the package is installed; their provenance is in ``benchmarks/curtois/``.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from roster.bench.curtois_format import AREA, parse_curtois
from roster.bench.lns import decompose, optimise_decomposed, to_assignments
from roster.bench.score import score
from roster.data import Assignment, ProblemData
from roster.findings import format_report
from roster.verify import check

INSTANCES = range(1, 25)


def instances_dir() -> Traversable:
    """The instance files and best_known.csv, as shipped in the package."""
    return files("roster.bench") / "instances"


@dataclass
class BenchRow:
    """One line of the table (and one object of `--json`)."""

    instance: str
    staff: int
    days: int
    shift_types: int
    objective: int | None
    bound: int | None
    best_known: int | None
    seconds: float
    status: str  # optimal / feasible / unknown / infeasible / invalid (checker disagrees)
    checked_objective: int | None = None
    lns_steps: int = 0

    @property
    def gap_percent(self) -> float | None:
        """Distance to the best-known value, in percent of it."""
        if self.objective is None or not self.best_known:
            return None
        return 100.0 * (self.objective - self.best_known) / self.best_known

    def as_json(self) -> dict:
        return {**asdict(self), "gap_percent": self.gap_percent}


def parse_instances(spec: str) -> list[int]:
    """`1-12`, `3,7,20-24` -> instance numbers, each checked to exist."""
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        lo, _, hi = part.partition("-")
        first, last = int(lo), int(hi or lo)
        out.extend(range(first, last + 1))
    bad = [n for n in out if n not in INSTANCES]
    if bad:
        raise ValueError(f"no such instance: {bad[0]} (1..24)")
    return out


def best_known() -> dict[str, int]:
    """Best-known value (upper bound) of each instance, by name."""
    text = (instances_dir() / "best_known.csv").read_text(encoding="ascii")
    return {row["instance"]: int(row["bks_ub"]) for row in csv.DictReader(io.StringIO(text))}


def load(number: int) -> ProblemData:
    """Instance `number` (1..24) as problem data."""
    name = f"Instance{number}"
    return parse_curtois((instances_dir() / f"{name}.txt").read_text(encoding="ascii"), name)


# What the independent check and score of the final roster take, per person-day: at 300 s
# Instance21-24 (18,200-54,600 person-days) ended 2.1-7.7 s past the limit, 1.2-1.4e-4 s a
# person-day after the search had stopped on time (shared machine, one worker each).
CHECK_SECONDS_PER_PERSON_DAY = 2e-4


def run(
    number: int,
    time_limit: float,
    workers: int = 2,
    seed: int = 0,
    report: Callable[[str], None] | None = None,
) -> tuple[BenchRow, ProblemData, list[Assignment]]:
    """Solve one instance within `time_limit` seconds (reading included)."""
    t0 = time.monotonic()
    data = load(number)
    name = f"Instance{number}"
    # The roster is checked and scored independently within the limit too.
    reserve = CHECK_SECONDS_PER_PERSON_DAY * len(data.people) * data.settings.days
    left = time_limit - (time.monotonic() - t0) - reserve
    result = optimise_decomposed(data, left, workers, seed, report=report)
    row = BenchRow(
        instance=name,
        staff=len(data.people),
        days=data.settings.days,
        shift_types=len(data.shifts),
        objective=None,
        bound=None,
        best_known=best_known().get(name),
        seconds=0.0,
        status=result.status,
        lns_steps=result.steps,
    )
    assignments: list[Assignment] = []
    if result.roster is not None:
        assignments = to_assignments(decompose(data), result.roster, AREA)
        row.objective = result.objective
        row.bound = result.bound
        checked = check(data, assignments)
        row.checked_objective = score(data, assignments)
        if checked.violations or row.checked_objective != row.objective:
            row.status = "invalid"
            if report:
                report(format_report(checked, data))
    row.seconds = round(time.monotonic() - t0, 1)
    return row, data, assignments


def format_table(rows: list[BenchRow]) -> str:
    head = (
        f"{'instance':<11}{'staff':>6}{'days':>6}{'types':>6}{'objective':>11}{'bound':>9}"
        f"{'best':>9}{'gap %':>8}{'time s':>8}  status"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        gap = "" if r.gap_percent is None else f"{r.gap_percent:.1f}"
        lines.append(
            f"{r.instance:<11}{r.staff:>6}{r.days:>6}{r.shift_types:>6}"
            f"{'' if r.objective is None else r.objective:>11}"
            f"{'' if r.bound is None else r.bound:>9}"
            f"{'' if r.best_known is None else r.best_known:>9}{gap:>8}{r.seconds:>8.1f}"
            f"  {r.status}"
        )
    return "\n".join(lines)


def write_bench_roster(
    row: BenchRow, data: ProblemData, assignments: list[Assignment], folder: Path
) -> Path:
    """The solution as an ordinary roster workbook (gaps are the under-covered places)."""
    from roster.io.writer import write_roster
    from roster.result import Result, StageReport, Status

    stage = StageReport(
        name="weighted",
        status=row.status,
        objective=row.objective or 0,
        bound=row.bound or 0,
        seconds=row.seconds,
    )
    result = Result(
        data=data,
        status=Status.OPTIMAL if row.status == "optimal" else Status.FEASIBLE,
        assignments=tuple(assignments),
        gaps=check(data, assignments).gaps,
        gap_reasons={},
        requested=(),
        requests=(),
        stages=(stage,),
        tiers={"weighted": row.objective or 0},
        seconds=row.seconds,
    )
    folder.mkdir(parents=True, exist_ok=True)
    return write_roster(result, folder / f"{row.instance}-roster.xlsx")
