"""The warm start's gap repair: it closes gaps the plain greedy leaves, and breaks no rule."""

from __future__ import annotations

from roster.data import Mode, Person, Requirement, Role
from roster.model.build import build_model
from roster.model.hint import greedy_roster
from roster.model.repair import repair_gaps
from roster.model.workrest import WorkRestRules
from roster.verify import check
from tests.builders import START, problem
from tests.test_workrest_rules import as_assignments


def capped_ward():
    """One shift a week each. Monday wants anyone, Tuesday an officer: the greedy gives
    Monday to the officer, who is then capped on Tuesday, and Tuesday goes uncovered."""
    people = (
        Person(id="P1", name="Officer", role=Role.POLICE),
        Person(id="M1", name="Militia", role=Role.MILITIA),
    )
    monday, tuesday = START, START.replace(day=START.day + 1)
    rows = (
        Requirement(area="A", shift="S", date_from=monday, date_to=monday, min_staff=1),
        Requirement(
            area="A", shift="S", date_from=tuesday, date_to=tuesday, min_staff=1, min_police=1
        ),
    )
    return problem(people, rows, days=2, max_shifts_per_week=1)


def test_repair_closes_the_gap_the_greedy_leaves():
    data = capped_ward()
    built = build_model(data)
    rules = WorkRestRules(data)
    greedy = greedy_roster(data, built, rules)
    assert check(data, as_assignments(data, greedy)).uncovered == 1
    repaired = repair_gaps(data, built.vars, rules, greedy)
    report = check(data, as_assignments(data, repaired))
    assert report.violations == ()
    assert report.uncovered == 0


def test_repair_keeps_a_roster_without_gaps_as_it_is():
    data = capped_ward()
    built = build_model(data)
    chosen = {("M1", 0, "S", Mode.ONSITE): "A", ("P1", 1, "S", Mode.ONSITE): "A"}
    assert repair_gaps(data, built.vars, WorkRestRules(data), chosen) == chosen
