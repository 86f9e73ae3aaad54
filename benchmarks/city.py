"""A synthetic city folder (docs: shared/spec/city.md): ward workbooks and the command's pool.

Each ward is a generated instance that is feasible by construction (``generate.py``); an
outbreak ward then loses a share of its own people to F0 from a day in the first third of
the horizon, which opens the gaps the pool is there to fill. The pool's officers belong to
the districts (groups), a few of them may only be sent to some wards.

The bundled example was written by

    python benchmarks/city.py --districts 3 --wards 9 --pool 40 --days 14 --people 16 \
        --seed 2021 --unit-time 6 -o inputs/city-da-nang
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import timedelta
from pathlib import Path

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import FAMILY, GIVEN, MIDDLE, START, generate

from roster.data import Origin, ProblemData, StatusKind, StatusPeriod
from roster.io.problem_writer import write_problem_workbook

WARD_NAMES = (
    "Hòa Thuận Đông", "Hòa Thuận Tây", "Bình Hiên", "Bình Thuận", "Hải Châu I", "Hải Châu II",
    "Phước Ninh", "Thạch Thang", "Thanh Bình", "Thuận Phước", "Nam Dương", "Hòa Cường Bắc",
    "Hòa Cường Nam", "An Hải Bắc", "An Hải Đông", "An Hải Tây", "Mân Thái", "Nại Hiên Đông",
)  # fmt: skip
DISTRICT_NAMES = ("Hải Châu", "Sơn Trà", "Thanh Khê", "Ngũ Hành Sơn", "Liên Chiểu", "Cẩm Lệ")


def _outbreak(rng: random.Random, data: ProblemData, share: float) -> ProblemData:
    """F0 for `share` of the own people (none with a Fixed row), from a day in the first third."""
    fixed = {f.person for f in data.fixed}
    own = [p.id for p in data.people if p.origin == Origin.OWN and p.id not in fixed]
    chosen = rng.sample(own, round(share * len(own)))
    first_row = max((s.row for s in data.statuses), default=1) + 1
    extra = [
        StatusPeriod(
            row=first_row + n,
            person=pid,
            status=StatusKind.F0,
            date_from=START + timedelta(days=rng.randrange(1, max(2, data.settings.days // 3))),
            date_to=data.settings.end_date,
        )
        for n, pid in enumerate(chosen)
    ]
    return data.model_copy(update={"statuses": (*data.statuses, *extra)})


def _ward(
    rng: random.Random, n: int, people: int, days: int, outbreak: bool, share: float
) -> ProblemData:
    data = generate(people, max(3, people // 6), days, seed=rng.randrange(10**6))
    name = WARD_NAMES[n % len(WARD_NAMES)] + ("" if n < len(WARD_NAMES) else f" {n}")
    data = data.model_copy(
        update={"settings": data.settings.model_copy(update={"unit": f"Công an phường {name}"})}
    )
    return _outbreak(rng, data, share) if outbreak else data


def _sheet(wb: Workbook, title: str, rows: list[list[object]]) -> None:
    ws = wb.create_sheet(title)
    for row in rows:
        ws.append(row)


def _pool_workbook(
    rng: random.Random,
    folder: Path,
    units: list[list[object]],
    groups: list[str],
    pool: int,
    days: int,
    min_stay: int,
    unit_time: float,
) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(
        wb,
        "Settings",
        [
            ["key", "value"],
            ["unit", "Công an thành phố Đà Nẵng"],
            ["start_date", START],
            ["days", days],
            ["language", "vi"],
            ["min_stay_days", min_stay],
            ["unit_time_limit_s", unit_time],
        ],
    )
    _sheet(wb, "Units", [["id", "name", "workbook", "group", "priority"], *units])
    unit_ids = [str(u[0]) for u in units]
    rows: list[list[object]] = [
        ["id", "name", "rank", "role", "origin", "skills", "phone", "group", "units"]
    ]
    for i in range(pool):
        limited = rng.random() < 0.1 and len(unit_ids) > 2
        rows.append(
            [
                f"TC{i + 1:03d}",
                f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
                rng.choice(("Trung úy", "Thượng úy", "Đại úy", "Thiếu tá")),
                "police",
                "district" if i % 3 else "city",
                "lead" if rng.random() < 0.3 else "",
                f"09{rng.randrange(10**8):08d}",
                groups[i % len(groups)],
                ", ".join(rng.sample(unit_ids, 2)) if limited else "",
            ]
        )
    _sheet(wb, "Pool", rows)
    sick = rng.sample(range(pool), max(0, pool // 20))
    _sheet(
        wb,
        "Status",
        [
            ["person", "status", "from", "to"],
            *(
                [f"TC{i + 1:03d}", "sick", START + timedelta(days=1), START + timedelta(days=3)]
                for i in sick
            ),
        ],
    )
    path = folder / "pool.xlsx"
    wb.save(path)
    return path


def generate_city(
    folder: Path,
    districts: int = 3,
    wards: int = 9,
    pool: int = 40,
    days: int = 14,
    people: int = 20,
    outbreaks: int | None = None,
    share: float = 0.3,
    seed: int = 0,
    min_stay: int = 3,
    unit_time: float = 10,
) -> Path:
    """Write a city folder; `outbreaks` wards (default a third) lose `share` of their staff."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    outbreaks = max(1, wards // 3) if outbreaks is None else outbreaks
    hit = set(rng.sample(range(wards), min(outbreaks, wards)))
    groups = [f"Q{d + 1}" for d in range(districts)]
    units: list[list[object]] = []
    for n in range(wards):
        data = _ward(rng, n, people, days, n in hit, share)
        uid = f"P{n + 1:02d}"
        write_problem_workbook(data, folder / f"{uid}.xlsx")
        priority = 1 if n in hit else 2
        units.append([uid, data.settings.unit, f"{uid}.xlsx", groups[n % districts], priority])
    _pool_workbook(rng, folder, units, groups, pool, days, min_stay, unit_time)
    return folder


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=3)
    parser.add_argument("--wards", type=int, default=9)
    parser.add_argument("--pool", type=int, default=40)
    parser.add_argument("--days", type=int, default=14)
    parser.add_argument("--people", type=int, default=20, help="people per ward")
    parser.add_argument("--outbreaks", type=int, help="wards with an outbreak (default a third)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--unit-time", type=float, default=10, help="unit_time_limit_s")
    parser.add_argument("-o", "--output", type=Path, required=True, help="folder to write")
    args = parser.parse_args(argv)
    folder = generate_city(
        args.output,
        args.districts,
        args.wards,
        args.pool,
        args.days,
        args.people,
        args.outbreaks,
        seed=args.seed,
        unit_time=args.unit_time,
    )
    print(f"wrote {folder}: {args.wards} wards, pool of {args.pool}, {args.days} days")


if __name__ == "__main__":
    main()
