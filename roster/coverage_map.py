"""The coverage map's one answer: for each area and day, is it covered by the unit's own
people, covered with reinforcements, short, or asked for nothing at all.

The roster workbook's `Coverage` sheet, the coverage picture and the web page all colour the
same cells, so they read them from here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from roster.data import Assignment, Origin, ProblemData
from roster.findings import Gap

NONE, COVERED, REINFORCED, SHORT = range(4)


def coverage_states(
    data: ProblemData, assignments: Sequence[Assignment], gaps: Sequence[Gap], days: Sequence[date]
) -> tuple[list[list[int]], list[list[int]]]:
    """Per area (in `data.areas` order) and day: the state (NONE..SHORT) and the number to
    print (people on duty, or minus the places short). A day an area's rows ask nobody for
    and nobody works there is NONE: a lockdown zone before it opens is not 'covered'."""
    demanded = {
        (r.area, day)
        for r in data.requirements
        if r.min_staff
        for day in days
        if any(r.applies(day, s.id) for s in data.shifts)
    }  # a row's dates, weekdays and shift decide the days it asks for people
    staffed: Counter = Counter()
    reinforced = set()
    for a in assignments:
        person = data.person_by_id.get(a.person)
        if person is None:
            continue
        staffed[(a.area, a.date)] += 1
        if person.origin != Origin.OWN:
            reinforced.add((a.area, a.date))
    missing: Counter = Counter()
    for g in gaps:
        missing[(g.area, g.date)] += g.missing
    states, numbers = [], []
    for area in data.areas:
        row_state, row_number = [], []
        for day in days:
            key = (area.id, day)
            if missing[key]:
                row_state.append(SHORT)
                row_number.append(-missing[key])
            elif key in reinforced:
                row_state.append(REINFORCED)
                row_number.append(staffed[key])
            elif key in demanded or staffed[key]:
                row_state.append(COVERED)
                row_number.append(staffed[key])
            else:
                row_state.append(NONE)
                row_number.append(0)
        states.append(row_state)
        numbers.append(row_number)
    return states, numbers
