"""Teams that do not mix, measured on the bundled example (issue 15).

Copies ``inputs/ward-hoa-thuan-dong.xlsx``, puts the own staff in teams (``--teams``, two by
default; in turn within each role, in order of skills then id, so that every team holds
police, militia and every skill) in a `tổ` column, sets the `Settings` of each variant with
openpyxl, reads the copy back as a user's workbook would be read, solves it and measures the
roster's exposure.

    python benchmarks/teams.py --time-limit 60 --august none shift   (benchmarks/results/teams.md)
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from openpyxl import load_workbook

from roster.data import Mode, Origin, ProblemData, StatusKind, StatusPeriod
from roster.exposure import exposure
from roster.load import read_workbook
from roster.params import SolveParams
from roster.replan import replan
from roster.result import Result
from roster.solver import solve
from roster.trace import contacts
from roster.verify import team_breaches

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "inputs" / "ward-hoa-thuan-dong.xlsx"
TEAM_NAMES = "ABCDEFGH"
VARIANTS: dict[str, dict[str, object]] = {
    "none": {},
    "area": {"tách tổ": "địa bàn"},
    "shift": {"tách tổ": "ca"},
    "day": {"tách tổ": "ngày"},
    "day, blocks of 3": {"tách tổ": "ngày", "số ngày mỗi lượt tổ": 3},
    "shift, strict": {"tách tổ": "ca", "tách tổ bắt buộc": "có"},
    "none + weight_contacts 5": {"trọng số tiếp xúc": 5},
}


def team_of(data: ProblemData, teams: int = 2) -> dict[str, str]:
    """Own staff in turn in ``teams`` teams, within each role, by skills then id."""
    own = sorted(
        (p for p in data.people if p.origin == Origin.OWN),
        key=lambda p: (p.role.value, sorted(p.skills), p.id),
    )
    out: dict[str, str] = {}
    by_role: dict[str, int] = {}
    for p in own:
        n = by_role.get(p.role.value, 0)
        out[p.id] = TEAM_NAMES[n % teams]
        by_role[p.role.value] = n + 1
    return out


def variant_book(folder: Path, name: str, settings: dict[str, object], teams: dict[str, str]):
    """A copy of the example with the team column and the variant's settings."""
    path = folder / f"{name.replace(' ', '_').replace(',', '').replace('+', 'and')}.xlsx"
    shutil.copy(EXAMPLE, path)
    wb = load_workbook(path)
    people = wb["Cán bộ"]
    column = people.max_column + 1
    people.cell(row=1, column=column, value="tổ")
    for row in range(2, people.max_row + 1):
        pid = people.cell(row=row, column=1).value
        if pid is not None:
            people.cell(row=row, column=column, value=teams.get(str(pid)))
    ws = wb["Thiết lập"]
    for key, value in settings.items():
        ws.append([key, value])
    wb.save(path)
    return path


def measure(name: str, data: ProblemData, result: Result, seconds: float) -> dict[str, object]:
    place = exposure(data, result.assignments)
    shift = exposure(data, result.assignments, whole_shift=True)
    return {
        "variant": name,
        "expected": place.expected,
        "worst": place.worst,
        "police": place.police_share,
        "shift_expected": shift.expected,
        "shift_worst": shift.worst,
        "pairs": place.pairs,
        "breaks": len(team_breaches(data, result.assignments)),
        "uncovered": result.uncovered,
        "requested": len(result.requested),
        "named": sum(result.named_reinforcements_used.values()),
        "status": result.status.value,
        "seconds": seconds,
    }


def august(data: ProblemData, result: Result, limit: float) -> dict[str, object]:
    """The ward's August on this roster: everyone on site on the first day's morning shift
    of the third day turns F0 that day; their contacts (trace's rule) turn F1; re-plan."""
    day = data.dates[2]
    f0 = sorted(
        {
            a.person
            for a in result.assignments
            if a.date == day and a.shift == "S" and a.mode == Mode.ONSITE
        }
    )
    window = data.settings.trace_days
    found = {c.person for p in f0 for c in contacts(result.assignments, p, day, window)}
    f1 = sorted(found - set(f0))
    statuses = [
        StatusPeriod(person=p, status=kind, date_from=day, date_to=day + timedelta(days=length - 1))
        for people, kind, length in (
            (f0, StatusKind.F0, data.settings.f0_isolation_days),
            (f1, StatusKind.F1, data.settings.f1_quarantine_days),
        )
        for p in people
    ]
    marked = data.model_copy(update={"statuses": (*data.statuses, *statuses)})
    t0 = time.monotonic()
    plan = replan(marked, list(result.assignments), day, SolveParams(time_limit=limit))
    return {
        "f0": len(f0),
        "f1": len(f1),
        "own_police_f1": sum(
            1
            for p in f1
            if data.person_by_id[p].is_police and data.person_by_id[p].origin == Origin.OWN
        ),
        "requested": len(plan.result.requested),
        "uncovered": plan.result.uncovered,
        "seconds": time.monotonic() - t0,
    }


def table(rows: Sequence[dict[str, object]]) -> list[str]:
    lines = [
        "| variant | expected reach | worst reach | most own police F1 | expected / worst"
        " reach, whole shift | pairs in contact | team breaks | uncovered | reinforcements"
        " requested | named reinforcements | status | time (s) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['variant']} | {r['expected']:.2f} | {r['worst']} | {100 * r['police']:.0f}% |"
            f" {r['shift_expected']:.1f} / {r['shift_worst']} | {r['pairs']} | {r['breaks']} |"
            f" {r['uncovered']} | {r['requested']} | {r['named']} | {r['status']} |"
            f" {r['seconds']:.0f} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--time-limit", type=float, default=60)
    parser.add_argument("--only", nargs="*", help="Variant names to run (default: all).")
    parser.add_argument("--august", nargs="*", default=[], help="Variants to replay August on.")
    parser.add_argument("--teams", type=int, default=2, help="How many teams (default 2).")
    args = parser.parse_args()
    teams = team_of(read_workbook(EXAMPLE), args.teams)
    rows, replays = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for name, settings in VARIANTS.items():
            if args.only and name not in args.only:
                continue
            data = read_workbook(variant_book(Path(tmp), name, settings, teams))
            t0 = time.monotonic()
            result = solve(data, time_limit=args.time_limit)
            label = f"{name} ({args.teams} teams, {args.time_limit:.0f} s)"
            rows.append(measure(label, data, result, time.monotonic() - t0))
            print(table(rows)[-1], flush=True)
            if name in args.august:
                replays.append((name, august(data, result, args.time_limit)))
                print(name, replays[-1][1], flush=True)
    print("\n".join(table(rows)))
    for name, r in replays:
        print(f"August replay, {name}: {r}")


if __name__ == "__main__":
    main()
