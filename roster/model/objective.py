"""The priority tiers of the objective, each a plain linear expression.

Strict tiers (1) uncovered places, (2) the peak of requested places in a day (a lower
bound on requested people, who work one shift a day), (3) named reinforcement shifts,
district before city, and (3b) shifts beyond demand are made to dominate by weights
computed from upper bounds of everything below them. Tiers (4) requests, (5) fairness
and (6) continuity are summed with the adjustable weights of the `Settings` sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from roster.data import Assignment, Origin, ProblemData, RequestType
from roster.model.variables import Variables

LOAD_SCALE = 10  # one shift of a fully available person weighs 10


@dataclass
class Tier:
    name: str
    var: cp_model.IntVar  # equals the tier's expression, so stages can bound it and read it
    upper: int  # a proven upper bound, used to make higher tiers dominate


def _tier(model: cp_model.CpModel, name: str, expr: cp_model.LinearExprT, upper: int) -> Tier:
    var = model.new_int_var(0, max(upper, 0), name)
    model.add(var == expr)
    return Tier(name, var, upper)


@dataclass
class Objective:
    uncovered: Tier
    strict: list[Tier] = field(default_factory=list)
    soft: list[tuple[int, Tier]] = field(default_factory=list)  # (weight, tier)
    cover: Tier | None = None  # weighted under/over cover: the `weighted` objective only

    def strict_expr(self) -> cp_model.LinearExprT:
        """The strict tiers, each weighted above everything the tiers after it can reach."""
        expr: cp_model.LinearExprT = 0
        bound = 0
        for tier in reversed(self.strict):
            weight = bound + 1
            expr = weight * tier.var + expr
            bound = weight * tier.upper + bound
        return expr

    def soft_expr(self) -> cp_model.LinearExprT:
        return sum(w * t.var for w, t in self.soft)

    def weighted_expr(self) -> cp_model.LinearExprT:
        """The `weighted` objective: weighted cover plus the weighted soft tiers."""
        assert self.cover is not None
        return self.cover.var + self.soft_expr()

    def tiers(self) -> list[Tier]:
        cover = [self.cover] if self.cover is not None else []
        return [self.uncovered, *cover, *self.strict, *(t for _w, t in self.soft)]


def uncovered_tier(model: cp_model.CpModel, v: Variables) -> Tier:
    total = sum(v.uncovered.values())
    upper = sum(c.lower for c in v.cells.values()) + 100 * len(v.uncovered)
    return _tier(model, "uncovered", total, upper)


def peak_requested_tier(model: cp_model.CpModel, v: Variables) -> Tier:
    """The most anonymous places on any one day: each requested person covers one a day."""
    per_day: dict[int, list] = {}
    for (d, _s, _a), u in v.uncovered.items():
        per_day.setdefault(d, []).append(u)
    upper = max((len(us) * 100 for us in per_day.values()), default=0)
    upper += max((sum(c.lower for c in v.cells.values() if c.day == d) for d in per_day), default=0)
    peak = model.new_int_var(0, upper, "peak_requested")
    for us in per_day.values():
        model.add(peak >= sum(us))
    return Tier("peak_requested", peak, upper)


def reinforcement_tier(model: cp_model.CpModel, v: Variables) -> Tier:
    terms = []
    upper = 0
    for (p, _d, _s, _m), var in v.work.items():
        cost = v.data.person_by_id[p].origin.distance
        if cost:
            terms.append(cost * var)
            upper += cost
    return _tier(model, "named_reinforcements", sum(terms), upper)


def surplus_tier(model: cp_model.CpModel, v: Variables) -> Tier:
    """Shifts beyond what the cells ask for: nobody works a shift that is not needed."""
    total_work = sum(v.worked_day.values())  # one a day: the same as every work variable
    demand = sum(c.lower for c in v.cells.values())
    upper = len(v.work)
    surplus = model.new_int_var(0, upper, "surplus_shifts")
    model.add(surplus >= total_work - demand)
    return Tier("surplus_shifts", surplus, upper)


def requests_tier(model: cp_model.CpModel, v: Variables) -> Tier:
    data = v.data
    terms = []
    upper = 0
    for r in data.requests:
        if r.person not in data.person_by_id:
            continue
        d = data.day_index(r.date)
        if not 0 <= d < data.settings.days:
            continue
        worked = v.day_work(r.person, d) if r.shift is None else v.shift_work(r.person, d, r.shift)
        if r.type == RequestType.OFF:
            terms.append(r.weight * worked)
        else:
            terms.append(r.weight * (1 - worked))
        upper += r.weight
    return _tier(model, "requests", sum(terms), upper)


def available_days(v: Variables, person: str) -> int:
    return sum(1 for modes in v.modes[person] if modes)


def fairness_tier(model: cp_model.CpModel, v: Variables) -> Tier:
    """The heaviest load of own staff in shifts, night shifts and weekend shifts.

    Loads are per available day, so a person back from isolation is not asked to catch up.
    With total work fixed by the tiers above, lowering the maximum evens the spread, and
    unlike max - min its LP bound (the average) is a bound worth reporting. People
    available fewer than 7 days are left out: a short stint says nothing about fairness.
    """
    data = v.data
    n = data.settings.days
    own = [
        p for p in data.people if p.origin == Origin.OWN and available_days(v, p.id) >= min(7, n)
    ]
    if not own:
        return _tier(model, "fairness", 0, 0)
    nights = [s.id for s in data.shifts if s.night]
    weekend = [d for d, day in enumerate(data.dates) if day.weekday() >= 5]
    families = {"shifts": [(d, v.day_work) for d in range(n)]}
    if nights:
        families["nights"] = [(d, v.night_work) for d in range(n)]
    if weekend:
        families["weekends"] = [(d, v.day_work) for d in weekend]
    groups: dict[int, list[str]] = {}
    for p in own:
        groups.setdefault(round(LOAD_SCALE * n / available_days(v, p.id)), []).append(p.id)
    peaks = []
    upper = 0
    for name, slots in families.items():
        top = LOAD_SCALE * n * n
        peak = model.new_int_var(0, top, f"max_{name}")
        for scale, members in groups.items():
            # Everyone of one availability shares an integer maximum: the LP then sees that
            # the group's total work, spread over its members, rounds up.
            most = model.new_int_var(0, len(slots), "")
            counts = []
            for pid in members:
                count = sum(worked(pid, d) for d, worked in slots)
                model.add(count <= most)
                counts.append(count)
            model.add(sum(counts) <= len(members) * most)
            model.add(peak >= scale * most)
        peaks.append(peak)
        upper += top
    return _tier(model, "fairness", sum(peaks), upper)


def continuity_tier(model: cp_model.CpModel, v: Variables) -> Tier:
    """Shifts that people with a home area work elsewhere (their home cell is a class count)."""
    data = v.data
    away_terms = []
    upper = 0
    home_people: dict[tuple[str, tuple], list[str]] = {}
    for p in data.people:
        if p.home_area:
            home_people.setdefault((p.home_area, v.class_of[p.id]), []).append(p.id)
    for key, by_class in v.count.items():
        d, s, a, m = key
        for cls, count in by_class.items():
            members = home_people.get((a, cls))
            if not members:
                continue
            working = [v.work[(p, d, s, m)] for p in members if (p, d, s, m) in v.work]
            if not working:
                continue
            at_home = model.new_int_var(0, len(working), "")
            model.add(at_home <= count)
            model.add(at_home <= sum(working))
            away_terms.append(sum(working) - at_home)
            upper += len(working)
    return _tier(model, "continuity", sum(away_terms), upper)


def changes_tier(model: cp_model.CpModel, v: Variables, previous: Sequence[Assignment]) -> Tier:
    """Announced (person, day, shift) no longer worked, plus ones newly worked: re-planning
    should repair the roster, not redo it."""
    data = v.data
    before = {(a.person, data.day_index(a.date), a.shift) for a in previous}
    terms = []
    for (p, d, s), vars_ in v.by_person_day_shift.items():
        worked = sum(vars_)
        terms.append(1 - worked if (p, d, s) in before else worked)
    lost = sum(
        1
        for p, d, s in before
        if 0 <= d < data.settings.days and (p, d, s) not in v.by_person_day_shift
    )
    return _tier(model, "changes", sum(terms) + lost, len(terms) + lost)


def build_objective(
    model: cp_model.CpModel, v: Variables, previous: Sequence[Assignment] | None = None
) -> Objective:
    """The tiers in priority order; `previous` (re-planning) adds the changes tier."""
    settings = v.data.settings
    if settings.objective == "weighted":
        return weighted_objective(model, v)
    changes = [changes_tier(model, v, previous)] if previous is not None else []
    return Objective(
        uncovered=uncovered_tier(model, v),
        strict=[
            peak_requested_tier(model, v),
            *changes,
            reinforcement_tier(model, v),
            surplus_tier(model, v),
        ],
        soft=[
            (settings.weight_requests, requests_tier(model, v)),
            (settings.weight_fairness, fairness_tier(model, v)),
            (settings.weight_continuity, continuity_tier(model, v)),
        ],
    )


def cover_weights(data: ProblemData) -> dict[tuple[int, str, str], tuple[int, int]]:
    """Per (day, shift, area): the heaviest under- and over-cover weights of its rows."""
    out: dict[tuple[int, str, str], tuple[int, int]] = {}
    n = data.settings.days
    shift_ids = [s.id for s in data.shifts]
    for req in data.requirements:
        lo = 0 if req.date_from is None else max(data.day_index(req.date_from), 0)
        hi = n - 1 if req.date_to is None else min(data.day_index(req.date_to), n - 1)
        for d in range(lo, hi + 1):
            day = data.dates[d]
            for s in [req.shift] if req.shift is not None else shift_ids:
                if req.applies(day, s):
                    under, over = out.get((d, s, req.area), (0, 0))
                    out[(d, s, req.area)] = (
                        max(under, req.weight_under),
                        max(over, req.weight_over),
                    )
    return out


def weighted_cover(model: cp_model.CpModel, v: Variables) -> tuple[cp_model.LinearExprT, int]:
    """Under-cover (the `uncovered` places) and over-cover (people above `min_staff`), each
    times its row weight, with an upper bound; the `weighted` objective's cover part."""
    weights = cover_weights(v.data)
    terms = []
    upper = 0
    for (d, s, a), u in v.uncovered.items():
        under, _over = weights.get((d, s, a), (0, 0))
        if under:
            terms.append(under * u)
            upper += under * max(u.proto.domain)
    for key, cell in v.cells.items():
        d, s, a, _m = key
        _under, over = weights.get((d, s, a), (0, 0))
        counts = list(v.count.get(key, {}).values())
        if not over or not counts:
            continue
        top = sum(max(c.proto.domain) for c in counts)
        surplus = model.new_int_var(0, max(top - cell.min_staff, 0), f"over[{d},{s},{a}]")
        model.add(surplus >= sum(counts) - cell.min_staff)
        terms.append(over * surplus)
        upper += over * max(top - cell.min_staff, 0)
    return sum(terms), upper


def weighted_objective(model: cp_model.CpModel, v: Variables) -> Objective:
    """One weighted sum (the benchmark's objective): no strict tiers, and a soft tier with
    weight 0 is not built at all, so it costs the model nothing. Its one independent
    recomputation from a roster is `roster.bench.score`, on the benchmark's shape."""
    settings = v.data.settings
    expr, upper = weighted_cover(model, v)
    soft = [
        (weight, build(model, v))
        for weight, build in (
            (settings.weight_requests, requests_tier),
            (settings.weight_fairness, fairness_tier),
            (settings.weight_continuity, continuity_tier),
        )
        if weight
    ]
    return Objective(
        uncovered=uncovered_tier(model, v),
        soft=soft,
        cover=_tier(model, "weighted_cover", expr, upper),
    )
