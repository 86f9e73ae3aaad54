"""Where one model stops: solve a generated unit above the size `roster solve` accepts.

`roster solve` refuses units above ``MAX_PERSON_DAYS`` before building the model. This script
calls the solver directly (no refusal) on a unit generated feasible by construction
(``generate.py``: areas = people / 4), checks the roster with the independent checker and
prints time, peak memory and places uncovered, so that the refusal stays at a size measured.

    python benchmarks/large_unit.py --people 800 --days 28 --time-limit 600
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from roster.solver import solve
from roster.verify import check


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=800)
    parser.add_argument("--days", type=int, default=28)
    parser.add_argument("--time-limit", type=float, default=600)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    data = generate(args.people, args.people // 4, args.days, seed=args.seed)
    clock = time.monotonic()
    result = solve(data, time_limit=args.time_limit, workers=args.workers, seed=args.seed)
    seconds = time.monotonic() - clock
    report = check(data, result.assignments)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"people {args.people}, areas {args.people // 4}, days {args.days}, "
        f"person-days {args.people * args.days:,}, limit {args.time_limit:.0f} s: "
        f"{seconds:.0f} s, peak {peak:,.0f} MB, status {result.status.value}, "
        f"uncovered {report.uncovered}, rules broken {len(report.violations)}"
    )


if __name__ == "__main__":
    main()
