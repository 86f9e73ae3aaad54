"""Time, peak memory and roster quality of `roster solve` as the unit grows.

Each size is generated feasible by construction (benchmarks/generate.py: areas = people/4,
31 days), written as an input workbook and solved by the real command in a subprocess, so
reading, solving, checking and writing are all measured.  Peak memory is the child's
maximum resident set size (``os.wait4``); uncovered places and the optimality gap come from
the roster's Summary sheet; the roster is then re-checked with `roster check`.

    python benchmarks/scale.py --sizes 40 400 2000 --limit 40=60 --limit 400=300 \\
        --limit 2000=600 -o benchmarks/results/scale.md

This is a benchmark, not a test: the 2,000-person run takes minutes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

from roster.io.problem_writer import write_problem_workbook
from roster.text.contract import OUTPUT_SHEETS

DAYS = 31
EXIT_WORDS = {0: "all covered", 2: "refused", 3: "gaps", 1: "error", 130: "interrupted"}


@dataclass
class Row:
    people: int
    areas: int
    days: int
    limit: float
    seconds: float
    peak_mb: float
    exit_code: int
    uncovered: str
    gap: str
    checked: str
    note: str


def _summary(roster: Path) -> dict[str, object]:
    wb = load_workbook(roster, read_only=True)
    title = next(name for name in OUTPUT_SHEETS["summary"] if name in wb.sheetnames)
    rows = {str(r[0]): r[1] for r in wb[title].iter_rows(values_only=True) if r and r[0]}
    wb.close()
    return rows


def _pick(rows: dict[str, object], *keys: str) -> str:
    return next((str(rows[k]) for k in keys if k in rows), "?")


def run(people: int, limit: float, folder: Path) -> Row:
    """Generate, then solve through `roster solve` exactly as a user would."""
    areas = max(1, people // 4)
    workbook = write_problem_workbook(
        generate(people, areas, DAYS, seed=1), folder / f"p{people}.xlsx", "en"
    )
    out = folder / f"out{people}"
    args = [sys.executable, "-m", "roster", "solve", str(workbook), "-o", str(out)]
    args += ["--time-limit", str(limit), "--quiet", "--no-sheets"]
    started = time.monotonic()
    with open(folder / f"p{people}.log", "w") as log:
        child = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.monotonic() - started
    code = os.waitstatus_to_exitcode(status)
    text = (folder / f"p{people}.log").read_text()
    roster = out / f"p{people}-roster.xlsx"
    uncovered = gap = checked = "-"
    if roster.exists():
        summary = _summary(roster)
        uncovered = _pick(summary, "Uncovered places", "Chỗ trống (người có tên không phủ được)")
        gap = _pick(summary, "Optimality gap (%)", "Khoảng cách tối ưu (%)") + " %"
        check = subprocess.run(
            [sys.executable, "-m", "roster", "check", str(workbook), str(roster)],
            capture_output=True,
            text=True,
        )
        checked = "valid" if check.returncode in (0, 3) else f"INVALID ({check.returncode})"
    last = [line for line in text.splitlines() if line.strip()][-1:] or [""]
    return Row(
        people=people,
        areas=areas,
        days=DAYS,
        limit=limit,
        seconds=seconds,
        peak_mb=usage.ru_maxrss / 1024,
        exit_code=code,
        uncovered=uncovered,
        gap=gap,
        checked=checked,
        note=EXIT_WORDS.get(code, str(code)) + ("" if roster.exists() else f": {last[0][:160]}"),
    )


def table(rows: list[Row]) -> str:
    lines = [
        "| people | areas | days | time limit (s) | time (s) | peak memory (MB) "
        "| uncovered places | gap | roster | exit |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.people:,} | {r.areas:,} | {r.days} | {r.limit:.0f} | {r.seconds:.1f} "
            f"| {r.peak_mb:,.0f} | {r.uncovered} | {r.gap} | {r.checked} | {r.exit_code} {r.note} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[40, 400, 2000])
    parser.add_argument(
        "--limit", action="append", default=[], help="PEOPLE=SECONDS, e.g. 400=300 (default 120)"
    )
    parser.add_argument("-o", "--output", type=Path, help="append the table to this file")
    args = parser.parse_args(argv)
    limits = {int(k): float(v) for k, v in (item.split("=") for item in args.limit)}
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for people in args.sizes:
            rows.append(run(people, limits.get(people, 120.0), Path(folder)))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
    text = table(rows)
    print(text)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        with args.output.open("a") as file:
            file.write(text + "\n")


if __name__ == "__main__":
    main()
