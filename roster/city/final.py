"""A unit's problem with the pool officers sent to it, as named reinforcements.

Each officer gets a `People` row (origin district or city, available from the first to the
last day sent, with the work-rest limits the allocation kept), an `unavailable` status on
the days in between that they are not sent, and a `Fixed` row for every allocated shift. So
the unit's roster keeps every allocated place exactly as the command's `Allocation` says,
and `roster check` on that unit's file alone judges the officers too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from roster.data import (
    Assignment,
    FixedAssignment,
    Origin,
    Person,
    ProblemData,
    StatusKind,
    StatusPeriod,
)

NOT_SENT = "not sent to this unit on these days (pool)"


def _officer(person: Person, pool_data: ProblemData, days: list[date]) -> Person:
    origin = Origin.DISTRICT if person.origin == Origin.OWN else person.origin
    return person.model_copy(
        update={
            "origin": origin,
            "available_from": days[0],
            "available_to": days[-1],
            "home_area": "",
            "max_shifts_per_week": pool_data.max_shifts_per_week(person),
            "max_consecutive_shifts": pool_data.max_consecutive_shifts(person),
            "min_consecutive_shifts": 1,
            "min_days_off_in_row": 1,
        }
    )


def _absent(person: str, days: list[date], row: int) -> list[StatusPeriod]:
    """`unavailable` periods for the days between the first and last day sent."""
    sent = set(days)
    out: list[StatusPeriod] = []
    day = days[0]
    while day <= days[-1]:
        if day not in sent:
            start = day
            while day + timedelta(days=1) not in sent:
                day += timedelta(days=1)
            out.append(
                StatusPeriod(
                    row=row + len(out),
                    person=person,
                    status=StatusKind.UNAVAILABLE,
                    date_from=start,
                    date_to=day,
                    note=NOT_SENT,
                )
            )
        day += timedelta(days=1)
    return out


def with_pool(data: ProblemData, pool_data: ProblemData, sent: Sequence[Assignment]) -> ProblemData:
    """`data` plus the pool officers of `sent` (rows in the unit's own shift and area ids)."""
    if not sent:
        return data
    by_person: dict[str, list[Assignment]] = defaultdict(list)
    for a in sent:
        by_person[a.person].append(a)
    people = list(data.people)
    statuses = list(data.statuses)
    fixed = list(data.fixed)
    for pid, rows in sorted(by_person.items()):
        days = sorted({a.date for a in rows})
        people.append(_officer(pool_data.person_by_id[pid], pool_data, days))
        statuses += _absent(pid, days, len(statuses) + 2)
        fixed += [
            FixedAssignment(
                row=len(fixed) + 2 + n, person=pid, date=a.date, shift=a.shift, area=a.area
            )
            for n, a in enumerate(sorted(rows, key=lambda a: a.date))
        ]
    return data.model_copy(
        update={"people": tuple(people), "statuses": tuple(statuses), "fixed": tuple(fixed)}
    )
