"""Who may work on which day and in which mode: statuses and reinforcement windows.

Availability is applied by not creating a variable at all, which keeps the model small.
"""

from __future__ import annotations

from roster.data import Mode, ProblemData, StatusKind


def allowed_modes(
    data: ProblemData, windows: bool = True, statuses: bool = True
) -> dict[str, list[set[Mode]]]:
    """For each person and day index, the modes they may work in (empty: no shift at all).

    `windows` (availability_window) and `statuses` (status) are the two rules applied here;
    a knock-out test leaves one out to see the checker catch the roster that breaks it.
    """
    out: dict[str, list[set[Mode]]] = {}
    for person in data.people:
        days: list[set[Mode]] = []
        for day in data.dates:
            outside = (person.available_from is not None and day < person.available_from) or (
                person.available_to is not None and day > person.available_to
            )
            days.append(set() if outside and windows else {Mode.ONSITE, Mode.REMOTE})
        out[person.id] = days
    if statuses:
        close_statuses(data, out)
    return out


def close_statuses(data: ProblemData, out: dict[str, list[set[Mode]]]) -> None:
    """status: no shift while F0, sick, on leave ...; F1 remote only when the setting allows."""
    settings = data.settings
    for st in data.statuses:
        days = out.get(st.person)
        if days is None:
            continue
        lo = max(data.day_index(st.date_from), 0)
        hi = min(data.day_index(st.date_to), settings.days - 1)
        for d in range(lo, hi + 1):
            if st.status == StatusKind.F1 and settings.f1_remote_duty:
                days[d] &= {Mode.REMOTE}
            else:
                days[d] = set()
