"""Assemble the model: the constraint families in one fixed, commented order.

`MODEL_RULES` names, for every rule of `roster.rules`, the one function of the model that
enforces it; `build_model(..., omit=...)` leaves rules out, so that a test can show the
checker catching the roster a model without that rule produces.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from roster.data import Assignment, Mode, ProblemData
from roster.model import availability, coverage, demand, sequences, workrest
from roster.model.objective import Objective, build_objective
from roster.model.variables import Variables, create_variables
from roster.rules import Rule


class ModelError(Exception):
    """The input asks for something the model cannot represent (a reader gap, not the user's)."""


@dataclass
class BuiltModel:
    model: cp_model.CpModel
    vars: Variables
    objective: Objective


def fixed_mode(
    data: ProblemData, v: Variables, person: str, day: int, shift: str, area: str
) -> Mode:
    """The mode a `Fixed` row takes: remote where only remote is demanded or allowed there."""
    onsite = (day, shift, area, Mode.ONSITE) in v.cells and Mode.ONSITE in v.modes[person][day]
    return Mode.ONSITE if onsite else Mode.REMOTE


def add_fixed(model: cp_model.CpModel, data: ProblemData, v: Variables) -> None:
    """fixed: the person works that shift that day, in that area (the area is kept when naming)."""
    for row in data.fixed:
        d = data.day_index(row.date)
        mode = fixed_mode(data, v, row.person, d, row.shift, row.area)
        key = (d, row.shift, row.area, mode)
        var = v.work.get((row.person, d, row.shift, mode))
        count = v.count.get(key, {}).get(v.class_of[row.person])
        if var is None or count is None:
            raise ModelError(
                f"Fixed row {row.row}: {row.person} cannot work {row.shift} on {row.date:%d/%m/%Y}"
                f" in {row.area} (no demand there, or the person is unavailable)"
            )
        model.add(var == 1)
        model.add(count >= 1)


def fixed_counts(data: ProblemData, v: Variables, model: cp_model.CpModel) -> None:
    """Several fixed people of one class in one cell need that many places of the class."""
    need: dict[tuple, int] = {}
    for row in data.fixed:
        d = data.day_index(row.date)
        key = (d, row.shift, row.area, fixed_mode(data, v, row.person, d, row.shift, row.area))
        need[(key, v.class_of[row.person])] = need.get((key, v.class_of[row.person]), 0) + 1
    for (key, cls), n in need.items():
        if n > 1:
            model.add(v.count[key][cls] >= n)


# The function of the model that enforces each rule. `unknown_id` has none: the model has
# variables only for the people, shifts, areas and days of the input, so it cannot name
# anything else; only the checker, which also reads hand-made rosters, can meet one.
MODEL_RULES: dict[Rule, Callable[..., object]] = {
    Rule.ONE_SHIFT_PER_DAY: workrest.add_one_shift_per_day,
    Rule.ONE_PLACE_PER_SHIFT: workrest.add_one_shift_per_day,
    Rule.MIN_REST: workrest.add_min_rest,
    Rule.MAX_CONSECUTIVE_DAYS: workrest.add_max_consecutive_days,
    Rule.MAX_SHIFTS_PER_WEEK: workrest.add_weekly_caps,
    Rule.MAX_NIGHTS_PER_WEEK: workrest.add_weekly_caps,
    Rule.AVAILABILITY_WINDOW: availability.allowed_modes,
    Rule.STATUS: availability.close_statuses,
    Rule.FIXED: add_fixed,
    Rule.MAX_STAFF: coverage.add_requirements,
    Rule.MODE: coverage.add_remote_only,
    Rule.NO_DEMAND: demand.demand_cells,
    Rule.FORBIDDEN_SUCCESSION: sequences.add_forbidden_successions,
    Rule.MAX_SHIFTS_BY_TYPE: sequences.add_max_shifts_by_type,
    Rule.TOTAL_MINUTES: sequences.add_total_minutes,
    Rule.MIN_CONSECUTIVE_SHIFTS: sequences.add_min_consecutive,
    Rule.MIN_DAYS_OFF_IN_ROW: sequences.add_min_consecutive,
    Rule.MAX_WEEKENDS: sequences.add_max_weekends,
}


def build_model(
    data: ProblemData,
    previous: Sequence[Assignment] | None = None,
    omit: frozenset[Rule] = frozenset(),
) -> BuiltModel:
    """The whole model; with `previous` (re-planning) changes to it are minimised too.

    `omit`: rules to leave out, for knock-out tests only (a roster of such a model is refused
    by the checker, as it should be).
    """
    rules = frozenset(Rule) - omit
    model = cp_model.CpModel()
    # Availability (statuses, reinforcement windows) is applied by creating no variable.
    v = create_variables(model, data, rules)
    history = workrest.history_days(data)
    # 1. Who stands where: head counts per cell and class, and every requirement row.
    coverage.add_class_counts(model, v)
    coverage.add_requirements(model, v, max_staff=Rule.MAX_STAFF in rules)
    if Rule.MODE in rules:
        coverage.add_remote_only(model, v)
    if {Rule.ONE_SHIFT_PER_DAY, Rule.MAX_SHIFTS_PER_WEEK} <= rules:
        coverage.add_capacity_bounds(model, v)  # redundant, given these two rules
    # 2. Work-rest rules, each reaching back into History.
    workrest.add_one_shift_per_day(model, v, rules)
    if Rule.MIN_REST in rules:
        workrest.add_min_rest(model, v, history)
    if Rule.MAX_CONSECUTIVE_DAYS in rules:
        workrest.add_max_consecutive_days(model, v, history)
    workrest.add_weekly_caps(model, v, history, rules)
    # 2b. Sequence and workload rules (per-person limits; nothing for plain workbooks).
    sequences.add_sequence_rules(model, v, history, rules)
    # 3. Fixed rows, last: they only pin variables the families above already shaped.
    if Rule.FIXED in rules:
        add_fixed(model, data, v)
        fixed_counts(data, v, model)
    return BuiltModel(model, v, build_objective(model, v, previous))
