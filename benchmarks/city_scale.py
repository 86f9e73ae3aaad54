"""The city run as it grows: time per phase, peak memory, places filled against the bound.

For each number of wards, a generated city (``city.py``: 80 people a ward, 28 days, one group
per 8 wards, a pool of about 5.4 officers a ward, outbreaks in 10 of 56 wards) is rostered by
the same API ``roster city`` calls (``run_city`` then ``write_all``: reading, unit solves,
allocation, final solves, writing with duty sheets, the check across units), in this process,
so that its peak memory is the main process's; each worker's peak comes from the executor.

    python benchmarks/city_scale.py --wards 7 14 28 56 --workers 2 --time-limit 1200 \\
        -o /tmp/cities --table benchmarks/results/city-scale.md
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from city import generate_city

from roster.city.executor import LocalExecutor
from roster.city.run import run_city
from roster.reports.city import write_all

PHASES = ("read", "unit solves", "allocation", "final solves", "writing", "checks")
HEADER = (
    "| wards | people | pool | time (s) | "
    + " | ".join(PHASES)
    + " | main MB | worker MB (max) | units solved | places short before pool | filled by pool"
    " | pool shifts | at most (bound) | still short | allocation (objective / bound, weighted)"
    " | check-city |"
)


def measure(wards: int, root: Path, workers: int, time_limit: float, seed: int) -> str:
    folder = root / f"c{wards}"
    if not (folder / "pool.xlsx").exists():
        generate_city(
            folder,
            districts=max(1, wards // 8),
            wards=wards,
            pool=round(wards * 300 / 56),
            days=28,
            people=80,
            outbreaks=max(1, round(wards * 10 / 56)),
            seed=seed,
            unit_time=10,
        )
    clock = time.monotonic()
    run = run_city(folder, LocalExecutor(workers), time_limit=time_limit, seed=seed)
    write_all(run, root / f"c{wards}-out")
    seconds = time.monotonic() - clock
    states = Counter(u.state for u in run.units.values())
    a = run.allocation
    peaks = [w.peak_mb for ws in run.workers.values() for w in ws]
    people = sum(len(d.people) for d in run.city.units.values())
    allocation = f"{a.objective} / {a.bound} ({a.stages[0].status})" if a and a.stages else "–"
    cells = [
        wards,
        people,
        len(run.city.pool.officers),
        f"{seconds:.0f}",
        *(f"{run.phases.get(p, 0):.0f}" for p in PHASES),
        f"{run.main_peak_mb:.0f}",
        f"{max(peaks, default=0):.0f}",
        f"{states['solved']} of {len(run.units)}",
        a.demand if a else "–",
        a.filled if a else "–",
        len(a.assignments) if a else "–",
        a.most_filled if a else "–",
        a.uncovered if a else "–",
        allocation,
        "OK" if run.checked and run.checked.ok else "problems",
    ]
    return "| " + " | ".join(str(c) for c in cells) + " |"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wards", type=int, nargs="+", default=[7, 14, 28, 56])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--time-limit", type=float, default=1200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, required=True, help="folder for cities")
    parser.add_argument("--table", type=Path, help="append the rows to this Markdown file")
    args = parser.parse_args(argv)
    print(HEADER, flush=True)
    for wards in args.wards:
        row = measure(wards, args.output, args.workers, args.time_limit, args.seed)
        print(row, flush=True)
        if args.table:
            with args.table.open("a", encoding="utf-8") as f:
                f.write(row + "\n")


if __name__ == "__main__":
    main()
