"""Coverage: head counts per cell and class, requirement rows, and uncovered places.

``uncovered[d, s, a]`` is the number of anonymous places (police holding every demanded
skill) that would complete the cell; minimising it makes it equal the contract's
``missing``: the largest shortfall among the rows that apply there.
"""

from __future__ import annotations

from collections.abc import Callable

from ortools.sat.python import cp_model

from roster.data import Mode, Origin
from roster.model.variables import CellKey, ClassKey, Variables
from roster.model.workrest import WINDOW


def add_class_counts(model: cp_model.CpModel, v: Variables) -> None:
    """Everyone working (day, shift, mode) stands in exactly one cell of that mode."""
    cells_by_slot: dict[tuple[int, str, Mode], list[CellKey]] = {}
    for key in v.cells:
        d, s, _a, m = key
        cells_by_slot.setdefault((d, s, m), []).append(key)
    for (d, s, m), keys in cells_by_slot.items():
        for cls, members in v.classes.items():
            working = [v.work[(p, d, s, m)] for p in members if (p, d, s, m) in v.work]
            if not working:
                continue
            counts = []
            for key in keys:
                var = model.new_int_var(0, len(working), "")
                v.count.setdefault(key, {})[cls] = var
                counts.append(var)
            model.add(sum(counts) == sum(working))


def _cell_sum(v: Variables, key: CellKey, keep: Callable[[ClassKey], bool]) -> cp_model.LinearExprT:
    return sum(var for cls, var in v.count.get(key, {}).items() if keep(cls))


def add_requirements(model: cp_model.CpModel, v: Variables, max_staff: bool = True) -> None:
    """min_staff, min_police, skill and max_staff of every cell; shortfalls go to `uncovered`.

    ``max_staff=False`` leaves the max_staff rule out (a knock-out test only).
    """
    for key, cell in v.cells.items():
        d, s, a, _m = key
        staff = _cell_sum(v, key, lambda cls: True)
        police = _cell_sum(v, key, lambda cls: cls[0])
        u = v.uncovered.get((d, s, a))
        if u is None:
            u = v.uncovered[(d, s, a)] = model.new_int_var(0, cell.lower + 100, f"u[{d},{s},{a}]")
        if cell.min_staff:
            model.add(staff + u >= cell.min_staff)
        if cell.min_police:
            model.add(police + u >= cell.min_police)
        for skill in cell.skills:
            model.add(_cell_sum(v, key, lambda cls, k=skill: k in cls[1]) + u >= 1)
        if cell.max_staff is not None and max_staff:
            model.add(staff <= cell.max_staff)


def add_remote_only(model: cp_model.CpModel, v: Variables) -> None:
    """mode: nobody stands on site in an area of kind remote. The reader refuses such rows,
    so this binds only on data built in code (or with no_demand knocked out)."""
    for (_d, _s, a, m), by_class in v.count.items():
        if m == Mode.ONSITE and v.data.area_by_id[a].is_remote:
            for var in by_class.values():
                model.add(var == 0)


def _total(model: cp_model.CpModel, terms: list) -> cp_model.LinearExprT:
    """A variable equal to a long sum (a short sum stays as it is)."""
    if len(terms) <= 7:
        return sum(terms)
    var = model.new_int_var(0, sum(_upper(t) for t in terms), "")
    model.add(var == sum(terms))
    return var


def _upper(var: cp_model.IntVar) -> int:
    domain = var.proto.domain  # a protobuf repeated field: [-1] is not the last element here
    return domain[len(domain) - 1]


def add_capacity_bounds(model: cp_model.CpModel, v: Variables) -> None:
    """Redundant constraints that give the solver a bound worth reporting.

    On any day, and in any 7 days, the on-site places needed are met by uncovered places,
    own staff (at most what they can work there) and named reinforcements. So uncovered
    places are at least the need beyond everyone's capacity, and uncovered places plus
    reinforcement shifts at least the need beyond own staff's capacity.
    """
    data = v.data
    n = data.settings.days
    need = [0] * n
    need_police = [0] * n
    for cell in v.cells.values():
        if cell.mode == Mode.ONSITE:
            need[cell.day] += cell.min_staff
            need_police[cell.day] += cell.min_police
    u_day: list[list] = [[] for _ in range(n)]
    for (d, _s, _a), u in v.uncovered.items():
        u_day[d].append(u)
    outside: list[list] = [[] for _ in range(n)]  # on-site shifts of named reinforcements
    for (p, d, _s, m), var in v.work.items():
        if m == Mode.ONSITE and data.person_by_id[p].origin != Origin.OWN:
            outside[d].append(var)
    # One total per day, so that a 7-day window sums 7 terms, not every cell of the week.
    u_day = [_total(model, terms) for terms in u_day]
    outside = [_total(model, terms) for terms in outside]
    able = {p.id: [Mode.ONSITE in v.modes[p.id][d] for d in range(n)] for p in data.people}
    own = [p for p in data.people if p.origin == Origin.OWN]
    for length in (1, WINDOW):
        for first in range(n - length + 1):
            days = range(first, first + length)
            cap = {
                p.id: min(sum(able[p.id][d] for d in days), data.max_shifts_per_week(p))
                for p in data.people
            }
            uncovered = [u_day[d] for d in days]
            places, police = sum(need[d] for d in days), sum(need_police[d] for d in days)
            short_all = max(
                places - sum(cap.values()),
                police - sum(cap[p.id] for p in data.people if p.is_police),
            )
            if short_all > 0:
                model.add(sum(uncovered) >= short_all)
            short_own = max(
                places - sum(cap[p.id] for p in own),
                police - sum(cap[p.id] for p in own if p.is_police),
            )
            if short_own > 0:
                model.add(sum(uncovered) + sum(outside[d] for d in days) >= short_own)
