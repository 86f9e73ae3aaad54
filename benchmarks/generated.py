"""Ward- and district-sized problems, feasible by construction: how fast is the first roster
with no gap, and how good is the final one?

Each run is a fresh process (so peak memory is that run's own): it reads the workbook,
builds the model and solves, timing from before reading. Prints a Markdown table of the
medians over --runs runs.

    python benchmarks/generated.py --runs 3 --time-limit 60

`--district 1,2,3,4,5` instead runs the whole command line, `roster solve --time-limit 120
--no-sheets`, under `/usr/bin/time -v` on the hard profile's 400 x 100 x 28 district of each
seed, and prints the table of benchmarks/results/district.md: time to no uncovered place,
total wall time, uncovered places and reinforcement shifts (checked independently on the
written roster) against the planted roster's, peak memory and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import re
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


def district_run(seed: int, time_limit: float, folder: Path) -> dict:
    """One seed of the hard district through the command line, as a user would run it."""
    from generate import generate_with_roster, reinforcement_shifts

    from roster.io.problem_writer import write_problem_workbook
    from roster.io.writer import read_assignments
    from roster.verify import check

    data, planted = generate_with_roster(400, 100, 28, seed, "hard")
    book = write_problem_workbook(data, folder / f"district-{seed}.xlsx")
    load = os.getloadavg()[0]
    command = ["/usr/bin/time", "-v", sys.executable, "-m", "roster", "solve", str(book)]
    command += ["--time-limit", str(time_limit), "--no-sheets", "-o", str(folder)]
    run = subprocess.run(command, capture_output=True, text=True)
    log = run.stderr + run.stdout
    print(log, file=sys.stderr)
    # `  12.3 s  best so far: uncovered places 0 (proven) ...`, in English or Vietnamese.
    pattern = r"^\s*([\d.]+) s\s.*?(?:uncovered places|chỗ trống) (\d+)\b"
    lines = re.findall(pattern, log, re.MULTILINE)
    # The progress line is printed at most every 0.5 s: a 0 found sooner is not shown,
    # and then the last line shown, plus 0.5 s, bounds the time from above.
    clear = next((float(t) for t, best in lines if best == "0"), None)
    wall = re.search(
        r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", log
    )
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", log)
    roster = read_assignments(folder / f"district-{seed}-roster.xlsx")
    report = check(data, roster)
    hours, minutes, seconds = (float(x or 0) for x in wall.groups()) if wall else (0, 0, 0)
    return {
        "seed": seed,
        "first_no_gap_s": clear,
        "no_gap_by_s": float(lines[-1][0]) + 0.5 if lines and clear is None else None,
        "total_s": 3600 * hours + 60 * minutes + seconds,
        "exit": run.returncode,
        "uncovered": report.uncovered,
        "broken": len(report.violations),
        "reinforcements": reinforcement_shifts(data, roster),
        "planted": reinforcement_shifts(data, planted),
        "peak_mb": int(peak.group(1)) / 1024 if peak else float("nan"),
        "load": (load, os.getloadavg()[0]),
    }


def district_table(seeds: list[int], time_limit: float) -> None:
    """The hard district, one run per seed, as a Markdown table."""
    print(
        "| seed | no-gap s | total s | exit | uncovered | reinforcement shifts (planted) "
        "| peak MB | load before/after |"
    )
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            r = district_run(seed, time_limit, Path(tmp))
            clear = "-"
            if r["first_no_gap_s"] is not None:
                clear = f"{r['first_no_gap_s']:.1f}"
            elif r["uncovered"] == 0 and r["no_gap_by_s"] is not None:
                clear = f"≤ {r['no_gap_by_s']:.1f}"
            print(
                f"| {seed} | {clear} | {r['total_s']:.1f} | {r['exit']} | {r['uncovered']} "
                f"| {r['reinforcements']} ({r['planted']}) | {r['peak_mb']:.0f} "
                f"| {r['load'][0]:.1f} / {r['load'][1]:.1f} |",
                flush=True,
            )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--time-limit", type=float, help="seconds (60; 120 with --district)")
    parser.add_argument("--sizes", default=",".join(SIZES))
    parser.add_argument("--district", help="seeds of the hard district, e.g. 1,2,3,4,5")
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)  # path limit seed: child mode
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one_run(args.one[0], float(args.one[1]), int(args.one[2]))))
        return
    sys.path.insert(0, str(Path(__file__).parent))
    if args.district:
        seeds = [int(x) for x in args.district.split(",")]
        district_table(seeds, args.time_limit or 120)
        return
    args.time_limit = args.time_limit or 60
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
