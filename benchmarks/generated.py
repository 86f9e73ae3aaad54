"""Ward- and district-sized problems, feasible by construction: how fast is the first roster
with no gap, and how good is the final one?

Each run is a fresh process (so peak memory is that run's own): it reads the workbook,
builds the model and solves, timing from before reading. Prints a Markdown table of the
medians over --runs runs.

    python benchmarks/generated.py --runs 3 --time-limit 60
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = {
    "ward": (40, 12, 14),
    "larger ward": (90, 25, 28),
    "district": (400, 100, 28),
}
TARGETS = {"ward": 2.0, "larger ward": 15.0, "district": 120.0}


def one_run(path: str, time_limit: float, seed: int) -> dict:
    """Read, build, solve one workbook; the time of the first roster with no uncovered place."""
    t0 = time.monotonic()
    from roster import read_workbook, solve
    from roster.model.build import build_model

    data = read_workbook(path)
    t_read = time.monotonic() - t0
    t = time.monotonic()
    build_model(data)  # timed alone; solve() builds its own
    t_build = time.monotonic() - t
    first_clear: list[float] = []

    def progress(event) -> None:
        if event.stage == "uncovered" and event.objective == 0 and not first_clear:
            first_clear.append(time.monotonic() - t0 - t_build)

    t_solve = time.monotonic()
    result = solve(data, time_limit=time_limit, workers=2, seed=seed, progress=progress)
    if not first_clear and result.uncovered == 0:
        first_clear.append(t_solve - t0 - t_build + result.stages[0].seconds)
    return {
        "read_s": t_read,
        "build_s": t_build,
        "first_no_gap_s": first_clear[0] if first_clear else None,
        "total_s": time.monotonic() - t0 - t_build,
        "uncovered": result.uncovered,
        "stages": [(s.name, s.objective, s.bound, s.status) for s in result.stages],
        "gap": result.gap,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--time-limit", type=float, default=60)
    parser.add_argument("--sizes", default=",".join(SIZES))
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)  # path limit seed: child mode
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one_run(args.one[0], float(args.one[1]), int(args.one[2]))))
        return
    sys.path.insert(0, str(Path(__file__).parent))
    from generate import generate

    from roster.io.problem_writer import write_problem_workbook

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sizes.split(","):
            people, areas, days = SIZES[name]
            path = Path(tmp) / f"{name.replace(' ', '-')}.xlsx"
            write_problem_workbook(generate(people, areas, days, seed=1), path)
            runs = []
            for seed in range(args.runs):
                out = subprocess.run(
                    [sys.executable, __file__, "--one", str(path), str(args.time_limit), str(seed)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
                print(f"{name} run {seed + 1}: {runs[-1]}", file=sys.stderr)
            rows.append((name, people, areas, days, runs))
    print(f"Medians of {args.runs} runs, 2 workers, time limit {args.time_limit:g} s.\n")
    print(
        "| instance | people x areas x days | read s | build s | first no-gap s (target) "
        "| uncovered | final objective (bound) | gap % | peak MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, people, areas, days, runs in rows:

        def med(key, runs=runs):
            values = [r[key] for r in runs if r[key] is not None]
            return statistics.median(values) if values else float("nan")

        last = runs[len(runs) // 2]["stages"][-1]
        print(
            f"| {name} | {people} x {areas} x {days} | {med('read_s'):.2f} | {med('build_s'):.2f} "
            f"| {med('first_no_gap_s'):.1f} ({TARGETS[name]:g}) | {med('uncovered'):g} "
            f"| {last[1]} ({last[2]}) | {100 * med('gap'):.1f} | {med('peak_mb'):.0f} |"
        )


if __name__ == "__main__":
    main()
