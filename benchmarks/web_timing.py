"""How fast `roster serve` answers on the bundled 28-day ward (issue 13: under 300 ms each).

Solves the example once (a short time limit: the timings do not depend on the roster's
quality), saves it as version 1 of a temporary folder, then times in-process through
Starlette's TestClient (no network):

- the roster page (coverage map, person x day grid) rendered from the version in memory;
- the same page the first time, when the version workbook is read and checked;
- an edit (moving a shift) answered: the draft checked by the independent checker, then the
  page re-rendered with the broken rules on their cells; and the checker's share of it.

Median of ``--runs`` runs each.

    python benchmarks/web_timing.py --runs 9
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path

from starlette.testclient import TestClient

from roster.io.writer import write_roster
from roster.load import read_workbook
from roster.solver import solve
from roster.verify import check
from roster.web.app import create_app
from roster.web.store import Folder

EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "ward-hoa-thuan-dong.xlsx"


def _ms(work, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        work()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--time-limit", type=float, default=10.0)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="roster-web-timing-"))
    workbook = folder / EXAMPLE.name
    workbook.write_bytes(EXAMPLE.read_bytes())
    data = read_workbook(workbook)
    result = solve(data, time_limit=args.time_limit)
    store = Folder(folder)
    wid = store.workbooks()[0].id
    store.save_version(wid, None, "solve", lambda p: write_roster(result, p))

    client = TestClient(create_app(folder), base_url="http://127.0.0.1")
    url = f"/w/{wid}/v/1"
    t0 = time.perf_counter()
    html = client.get(url).text
    first = (time.perf_counter() - t0) * 1000
    page = _ms(lambda: client.get(url), args.runs)

    csrf = re.search(r'"X-CSRF-Token": "([^"]+)"', html)[1]
    a = result.assignments[len(result.assignments) // 2]
    later = data.dates[(data.day_index(a.date) + 1) % len(data.dates)]
    move = {
        "csrf": csrf, "op": "move", "person": a.person, "day": a.date.isoformat(),
        "to_day": later.isoformat(), "to_shift": a.shift, "to_area": a.area,
    }  # fmt: skip

    def edit() -> None:
        client.post(url + "/discard", data={"csrf": csrf}, follow_redirects=False)
        client.post(url + "/edit", data=move)  # the edit, then the page with its findings

    edit_ms = _ms(edit, args.runs)
    discard_ms = _ms(
        lambda: client.post(url + "/discard", data={"csrf": csrf}, follow_redirects=False),
        args.runs,
    )
    roster = list(result.assignments)
    check_ms = _ms(lambda: check(data, roster), args.runs)

    s = data.settings
    print(
        f"{s.unit}: {len(data.people)} people, {len(data.areas)} areas, {s.days} days, "
        f"{len(result.assignments)} assignments; median of {args.runs} runs"
    )
    print(f"roster page, version in memory:        {page:7.1f} ms")
    print(f"roster page, first (read + check):     {first:7.1f} ms")
    print(f"edit answered (check + page):          {edit_ms - discard_ms:7.1f} ms")
    print(f"  of which the independent check:      {check_ms:7.1f} ms")


if __name__ == "__main__":
    main()
