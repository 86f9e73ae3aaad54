"""Decision variables of the compact formulation, and the person classes it rests on.

Who works which shift each day is decided per person (``work``); where they stand is
decided only as head counts per *class* of interchangeable people (``count``): two people
with the same role-is-police flag and the same demanded skills meet exactly the same
requirements, so any split of a class among areas is as good as any other. This turns
persons x days x shifts x areas booleans (1.6 M at district size) into persons x days x
shifts plus cells x classes integers; names are put on the places after the solve.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from roster.data import Mode, Person, ProblemData
from roster.model.availability import allowed_modes
from roster.model.demand import Cell, demand_cells
from roster.rules import Rule

ClassKey = tuple[bool, frozenset[str]]
WorkKey = tuple[str, int, str, Mode]  # person, day, shift, mode
CellKey = tuple[int, str, str, Mode]  # day, shift, area, mode


def person_class(person: Person, demanded_skills: frozenset[str]) -> ClassKey:
    return (person.is_police, person.skills & demanded_skills)


@dataclass
class Variables:
    """Typed access to every variable; built once, read by each constraint family."""

    data: ProblemData
    cells: dict[CellKey, Cell]
    modes: dict[str, list[set[Mode]]]
    classes: dict[ClassKey, list[str]]
    class_of: dict[str, ClassKey]
    work: dict[WorkKey, cp_model.IntVar] = field(default_factory=dict)
    count: dict[CellKey, dict[ClassKey, cp_model.IntVar]] = field(default_factory=dict)
    uncovered: dict[tuple[int, str, str], cp_model.IntVar] = field(default_factory=dict)
    by_person_day: dict[tuple[str, int], list[cp_model.IntVar]] = field(default_factory=dict)
    by_person_day_shift: dict[tuple[str, int, str], list[cp_model.IntVar]] = field(
        default_factory=dict
    )

    worked_day: dict[tuple[str, int], cp_model.IntVar] = field(default_factory=dict)
    worked_night: dict[tuple[str, int], cp_model.IntVar] = field(default_factory=dict)

    def day_work(self, person: str, day: int) -> cp_model.LinearExprT:
        """1 when the person works any shift that day: one boolean, whatever the shifts."""
        return self.worked_day.get((person, day), 0)

    def night_work(self, person: str, day: int) -> cp_model.LinearExprT:
        """1 when the person works a night shift that day."""
        return self.worked_night.get((person, day), 0)

    def shift_work(self, person: str, day: int, shift: str) -> cp_model.LinearExprT:
        return sum(self.by_person_day_shift.get((person, day, shift), []))


def create_variables(
    model: cp_model.CpModel, data: ProblemData, rules: frozenset[Rule] = frozenset(Rule)
) -> Variables:
    """One boolean per (person, day, shift, mode) that some cell demands and the person may take.

    `rules` are the rules the model keeps (all but in a knock-out test); five of them are kept
    here, by creating no variable or no cell: availability_window, status, no_demand,
    max_shifts_by_type (a type never worked) and, with one_place_per_shift, one_shift_per_day
    (the worked-day booleans are exact sums).
    """
    cells = demand_cells(data)
    if Rule.NO_DEMAND not in rules:
        cells = {**cells, **_empty_cells(data, cells)}
    demanded_skills = frozenset(s for c in cells.values() for s in c.skills)
    modes = allowed_modes(
        data, windows=Rule.AVAILABILITY_WINDOW in rules, statuses=Rule.STATUS in rules
    )
    classes: dict[ClassKey, list[str]] = {}
    class_of: dict[str, ClassKey] = {}
    for p in data.people:
        key = person_class(p, demanded_skills)
        classes.setdefault(key, []).append(p.id)
        class_of[p.id] = key
    v = Variables(data, cells, modes, classes, class_of)

    demanded: set[tuple[int, str, Mode]] = {(d, s, m) for (d, s, _a, m) in cells}
    for p in data.people:
        for d in range(data.settings.days):
            for s in data.shifts:
                if p.max_shifts_by_type.get(s.id) == 0 and Rule.MAX_SHIFTS_BY_TYPE in rules:
                    continue  # never this shift type: no variable, like unavailability
                for m in modes[p.id][d]:
                    if (d, s.id, m) not in demanded:
                        continue
                    var = model.new_bool_var(f"w[{p.id},{d},{s.id},{m.value}]")
                    v.work[(p.id, d, s.id, m)] = var
                    v.by_person_day.setdefault((p.id, d), []).append(var)
                    v.by_person_day_shift.setdefault((p.id, d, s.id), []).append(var)
    exclusive = {Rule.ONE_SHIFT_PER_DAY, Rule.ONE_PLACE_PER_SHIFT} <= rules
    _aggregate_days(model, v, _one_of if exclusive else _any_of)
    return v


def _empty_cells(data: ProblemData, cells: dict[CellKey, Cell]) -> dict[CellKey, Cell]:
    """A cell asking for nobody at every (day, shift, area, mode) without a row: where people
    may stand when no_demand is knocked out."""
    return {
        (d, s.id, a.id, m): Cell(d, s.id, a.id, m)
        for d in range(data.settings.days)
        for s in data.shifts
        for a in data.areas
        for m in (Mode.ONSITE, Mode.REMOTE)
        if (d, s.id, a.id, m) not in cells
    }


def _one_of(model: cp_model.CpModel, vars_: list[cp_model.IntVar]) -> cp_model.IntVar:
    """A boolean equal to the sum of booleans of which at most one is true."""
    if len(vars_) == 1:
        return vars_[0]
    var = model.new_bool_var("")
    model.add(var == sum(vars_))
    return var


def _any_of(model: cp_model.CpModel, vars_: list[cp_model.IntVar]) -> cp_model.IntVar:
    """A boolean true when any of the booleans is (several may be, in a knock-out test)."""
    if len(vars_) == 1:
        return vars_[0]
    var = model.new_bool_var("")
    model.add_max_equality(var, vars_)
    return var


def _aggregate_days(model: cp_model.CpModel, v: Variables, one_of=_one_of) -> None:
    """Worked-day and worked-night booleans per person and day.

    Every rolling window then sums 7 booleans instead of up to 7 x shifts x modes: at
    district size this takes the model from 1.5 million linear terms to a few hundred
    thousand, and presolve from tens of seconds to a few.
    """
    nights = {s.id for s in v.data.shifts if s.night}
    for (p, d), vars_ in v.by_person_day.items():
        v.worked_day[(p, d)] = one_of(model, vars_)
        night = [x for s in nights for x in v.by_person_day_shift.get((p, d, s), [])]
        if night:
            v.worked_night[(p, d)] = one_of(model, night)
