"""The allocation model on tiny hand-made cities: rest across moves, `units` lists,
min_stay_days, priorities, own group first, and shift ids with different times."""

from __future__ import annotations

from datetime import date, time, timedelta
from types import SimpleNamespace

from roster.city.allocate import (
    PartResult,
    Stage,
    allocate,
    best,
    bound_part,
    city_shifts,
    group_parts,
    problem,
    solve_part,
    with_bound,
)
from roster.city.pool import Pool, PoolOfficer, Unit
from roster.data import Area, Person, ProblemData, Requirement, Settings, Shift
from roster.verify import check

START = date(2021, 8, 9)
SHIFTS = (
    Shift(id="S", start=time(6), end=time(14), night=False),
    Shift(id="C", start=time(14), end=time(22), night=False),
    Shift(id="D", start=time(22), end=time(6), night=True),
)


def _unit(
    name: str,
    needs: list[tuple[int, str]],
    days: int = 5,
    shifts=SHIFTS,
    skill: str | None = None,
) -> ProblemData:
    """A unit with nobody of its own: each (day, shift) of `needs` is one place short."""
    rows = [
        Requirement(
            row=n + 2,
            area="A1",
            shift=shift,
            date_from=START + timedelta(days=d),
            date_to=START + timedelta(days=d),
            min_staff=1,
            skill=skill,
        )
        for n, (d, shift) in enumerate(needs)
    ]
    return ProblemData(
        settings=Settings(unit=name, start_date=START, days=days),
        shifts=shifts,
        areas=(Area(id="A1", name="Chốt 1", kind="checkpoint"),),
        people=(),
        requirements=tuple(rows),
    )


def _pool(officers: list[PoolOfficer], units: list[Unit], days: int = 5, stay: int = 1) -> Pool:
    return Pool(
        settings=Settings(unit="Công an thành phố", start_date=START, days=days),
        units=tuple(units),
        officers=tuple(officers),
        statuses=(),
        min_stay_days=stay,
    )


def _officer(pid: str, group: str = "", units: frozenset[str] | None = None) -> PoolOfficer:
    return PoolOfficer(Person(id=pid, name=f"Cán bộ {pid}"), group, units)


def _firsts(units: dict[str, ProblemData]) -> dict:
    return {uid: SimpleNamespace(gaps=check(data, []).gaps) for uid, data in units.items()}


def _run(pool: Pool, units: dict[str, ProblemData]):
    return allocate(pool, units, _firsts(units), time_limit=10, seed=0)


def _where(allocation) -> set[tuple[str, int, str, str]]:
    return {
        (a.person, (a.date - START).days, uid, a.shift)
        for uid, rows in allocation.by_unit.items()
        for a in rows
    }


UNITS = [Unit("A", "Phường A", "A.xlsx", "Q1"), Unit("B", "Phường B", "B.xlsx", "Q2")]


def test_no_morning_in_one_unit_after_a_night_in_another() -> None:
    units = {"A": _unit("A", [(0, "D")]), "B": _unit("B", [(1, "S")])}
    alone = _run(_pool([_officer("X")], UNITS), units)
    assert alone.demand == 2 and alone.uncovered == 1
    assert alone.bound == alone.objective and alone.gap == 0.0
    assert alone.most_filled == alone.filled == 1  # proven: no allocation fills both
    two = _run(_pool([_officer("X"), _officer("Y")], UNITS), units)
    assert two.uncovered == 0


def test_an_officer_goes_only_to_the_units_listed() -> None:
    units = {"A": _unit("A", [(0, "S")]), "B": _unit("B", [(1, "S")])}
    allocation = _run(_pool([_officer("X", units=frozenset({"B"}))], UNITS), units)
    assert _where(allocation) == {("X", 1, "B", "S")}


def test_a_stay_lasts_min_stay_days_before_a_move() -> None:
    units = {"A": _unit("A", [(0, "S"), (1, "S")]), "B": _unit("B", [(2, "S"), (3, "S"), (4, "S")])}
    free = _run(_pool([_officer("X")], UNITS, stay=1), units)
    assert free.uncovered == 0
    stay = _run(_pool([_officer("X")], UNITS, stay=3), units)
    assert stay.uncovered == 2
    assert {u for _p, _d, u, _s in _where(stay)} == {"B"}


def test_a_short_stay_is_fine_when_the_horizon_ends() -> None:
    units = {"A": _unit("A", [(0, "S"), (1, "S"), (2, "S")]), "B": _unit("B", [(3, "S"), (4, "S")])}
    allocation = _run(_pool([_officer("X")], UNITS, stay=3), units)
    assert allocation.uncovered == 0


def test_priority_one_is_served_first() -> None:
    units = {"A": _unit("A", [(0, "S")]), "B": _unit("B", [(0, "S")])}
    ranked = [Unit("A", "Phường A", "A.xlsx", priority=2), Unit("B", "Phường B", "B.xlsx")]
    allocation = _run(_pool([_officer("X")], ranked), units)
    assert _where(allocation) == {("X", 0, "B", "S")}


def test_officers_stay_in_their_own_group() -> None:
    units = {"A": _unit("A", [(0, "S")]), "B": _unit("B", [(0, "S")])}
    officers = [_officer("X", "Q2"), _officer("Y", "Q1")]
    allocation = _run(_pool(officers, UNITS), units)
    assert _where(allocation) == {("X", 0, "B", "S"), ("Y", 0, "A", "S")}


def test_one_shift_id_with_two_times_is_two_city_shifts() -> None:
    late = (*SHIFTS[:2], Shift(id="D", start=time(18), end=time(6), night=True))
    units = {"A": _unit("A", [(0, "D")]), "B": _unit("B", [(0, "D")], shifts=late)}
    shifts, ids = city_shifts(units)
    assert ids[("A", "D")] == "A/D" and ids[("B", "D")] == "B/D" and ids[("A", "S")] == "S"
    assert len(shifts) == 4
    allocation = _run(_pool([_officer("X"), _officer("Y")], UNITS), units)
    assert allocation.uncovered == 0
    assert {a.shift for rows in allocation.by_unit.values() for a in rows} == {"D"}


def test_spare_officers_cross_to_another_group_once_the_groups_are_served() -> None:
    units = {"A": _unit("A", [(0, "S")]), "B": _unit("B", [(0, "S"), (0, "C")])}
    pool = _pool([_officer("X", "Q1"), _officer("Y", "Q1"), _officer("Z", "Q2")], UNITS)
    p = problem(pool, units, _firsts(units))
    assert [part.name for part in group_parts(p, 5, 0)] == ["Q1", "Q2"]
    allocation = _run(pool, units)
    assert allocation.uncovered == 0
    where = _where(allocation)
    assert ("Z", 0, "B", "C") in where or ("Z", 0, "B", "S") in where
    assert len({p for p, _d, u, _s in where if u == "B" and p in {"X", "Y"}}) == 1


def test_a_place_nobody_in_the_pool_could_fill_stays_short_outside_the_models() -> None:
    units = {"A": _unit("A", [(0, "S")], skill="medic"), "B": _unit("B", [(1, "S")])}
    pool = _pool([_officer("X")], UNITS)
    p = problem(pool, units, _firsts(units))
    assert [r.area for r in p.fillable.requirements] == ["B/A1"]
    assert len(p.data.requirements) == 2
    allocation = _run(pool, units)
    assert (allocation.demand, allocation.filled, allocation.uncovered) == (2, 1, 1)
    assert (allocation.unfillable, allocation.most_filled) == (1, 1)


def test_the_groups_allocation_is_kept_when_the_whole_pools_model_finds_nothing() -> None:
    units = {"A": _unit("A", [(0, "S")]), "B": _unit("B", [(1, "S")])}
    pool = _pool([_officer("X", "Q1"), _officer("Z", "Q2")], UNITS)
    p = problem(pool, units, _firsts(units))
    start = _run(pool, units)
    groups = PartResult(tuple(start.assignments), tuple(start.stages))
    nothing = PartResult((), (Stage("uncovered", "unknown", 0, 0, 1.0),))
    assert best(p, groups, nothing) is groups
    assert best(p, groups, None) is groups
    worse = PartResult(groups.assignments[:1], (Stage("uncovered", "feasible", 1, 0, 1.0),))
    assert best(p, groups, worse) is groups


def test_the_relaxations_bound_is_kept_where_it_is_stronger() -> None:
    found = PartResult((), (Stage("uncovered", "feasible", 5, 0, 1.0),))
    assert with_bound(found, PartResult((), (Stage("bound", "feasible", 3, 3, 1.0),))).stages[
        0
    ] == Stage("uncovered", "feasible", 5, 3, 1.0)
    proven = with_bound(found, PartResult((), (Stage("bound", "optimal", 5, 5, 1.0),)))
    assert proven.stages[0] == Stage("uncovered", "optimal", 5, 5, 1.0)
    assert with_bound(found, PartResult((), ())) is found


def test_the_pool_as_one_unit_bounds_every_allocation() -> None:
    units = {"A": _unit("A", [(0, "D")]), "B": _unit("B", [(1, "S")])}
    pool = _pool([_officer("X", "Q1"), _officer("Z", "Q2", units=frozenset({"A"}))], UNITS)
    p = problem(pool, units, _firsts(units))
    relaxed = solve_part(bound_part(p, 5, 0))
    allocation = _run(pool, units)
    assert relaxed.stages[0].bound <= allocation.objective
    assert allocation.bound >= relaxed.stages[0].bound
