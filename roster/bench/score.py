"""The benchmark's penalty recomputed from a roster alone, independent of the model.

Beside the model's own `weighted` objective (``roster.model.objective``) this is the one
other definition: per (date, shift, area) place, ``weight_under`` x people missing below
``min_staff`` plus ``weight_over`` x people above it (each place with the heaviest weights
and the largest ``min_staff`` of its rows), plus every unmet request's weight x
``weight_requests``. The search on parts scores its arrays with the same two terms
(``cover_penalty``, ``request_penalty``). It imports only the bottom layer.

Its domain is the benchmark's shape (``shape_problems``). Outside it the model's weighted
objective has terms this penalty does not count (fairness, continuity, the shortfalls of
``min_police`` and skill rows, remote cells) and the search on parts would miss rules it
does not model, so `score` refuses such data rather than return a different number.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from roster.data import Assignment, Mode, ProblemData, RequestType

Place = tuple[date, str, str]  # (date, shift id, area id)


class OutsideBenchmarkShape(ValueError):
    """The problem has rules or objective terms the benchmark's penalty does not count."""


def shape_problems(data: ProblemData) -> list[str]:
    """Why `data` is not of the benchmark's shape (empty when it is): the `weighted`
    objective with cover and request terms only, one area of plain head counts, and only
    person-wise rules (no rest hours, weekly caps, history or fixed rows)."""
    s = data.settings
    checks = [
        (s.objective == "weighted", f"objective is {s.objective!r}, not 'weighted'"),
        (s.weight_fairness == 0, "weight_fairness is not 0"),
        (s.weight_continuity == 0, "weight_continuity is not 0"),
        (s.min_rest_hours == 0, "min_rest_hours is not 0"),
        (s.max_nights_per_week >= 7, "max_nights_per_week is below 7"),
        (
            all(data.max_shifts_per_week(p) >= 7 for p in data.people),
            "someone's max_shifts_per_week is below 7",
        ),
        (len(data.areas) == 1, f"{len(data.areas)} areas, not one"),
        (not data.history, "there is a History sheet"),
        (not data.fixed, "there are Fixed rows"),
        (
            all(r.mode == Mode.ONSITE for r in data.requirements),
            "a requirement row is not on site",
        ),
        (
            all(r.min_police == 0 and r.skill is None for r in data.requirements),
            "a requirement row asks for police or a skill",
        ),
        (all(r.max_staff is None for r in data.requirements), "a requirement row has max_staff"),
    ]
    return [reason for ok, reason in checks if not ok]


def require_benchmark_shape(data: ProblemData) -> None:
    """Raise `OutsideBenchmarkShape`, naming every reason, unless `data` has the shape."""
    problems = shape_problems(data)
    if problems:
        raise OutsideBenchmarkShape(
            "not of the benchmark's shape, so its penalty is not the weighted objective: "
            + "; ".join(problems)
        )


def cover_penalty(target: int, heads: int, under: int, over: int) -> int:
    """One place's cost: `under` per person missing below `target`, `over` per one above."""
    return under * max(target - heads, 0) + over * max(heads - target, 0)


def request_penalty(on: bool, worked: bool, weight: int) -> int:
    """An on-request costs its weight when not worked, an off-request when worked."""
    return weight if worked != on else 0


def place_targets(data: ProblemData) -> dict[Place, tuple[int, int, int]]:
    """Per place with requirement rows: (largest min_staff, heaviest under, heaviest over)."""
    out: dict[Place, tuple[int, int, int]] = {}
    n = data.settings.days
    shift_ids = [s.id for s in data.shifts]
    for row in data.requirements:
        lo = 0 if row.date_from is None else max(data.day_index(row.date_from), 0)
        hi = n - 1 if row.date_to is None else min(data.day_index(row.date_to), n - 1)
        for day in data.dates[lo : hi + 1]:
            for sid in shift_ids if row.shift is None else [row.shift]:
                if not row.applies(day, sid):
                    continue
                key = (day, sid, row.area)
                target, under, over = out.get(key, (0, 0, 0))
                out[key] = (
                    max(target, row.min_staff),
                    max(under, row.weight_under),
                    max(over, row.weight_over),
                )
    return out


def score(data: ProblemData, assignments: Iterable[Assignment]) -> int:
    """The benchmark's penalty of this roster (see the module docstring); refuses data
    outside the benchmark's shape with `OutsideBenchmarkShape`."""
    require_benchmark_shape(data)
    people_at: dict[Place, set[str]] = defaultdict(set)
    shifts_of: dict[tuple[str, date], set[str]] = defaultdict(set)
    for a in assignments:
        people_at[(a.date, a.shift, a.area)].add(a.person)
        shifts_of[(a.person, a.date)].add(a.shift)
    total = sum(
        cover_penalty(target, len(people_at.get(place, ())), under, over)
        for place, (target, under, over) in place_targets(data).items()
    )
    for r in data.requests:
        if r.person not in data.person_by_id or not 0 <= data.day_index(r.date) < len(data.dates):
            continue  # the model does not count it either
        got = shifts_of.get((r.person, r.date), set())
        worked = bool(got) if r.shift is None else r.shift in got
        total += request_penalty(
            r.type == RequestType.ON, worked, r.weight * data.settings.weight_requests
        )
    return total
