"""Put names on places: turn per-class head counts into one area per working person.

Within a class every person meets the same requirements, so any split is feasible; this
one keeps `Fixed` rows, then announced places when re-planning, then sends people to their
home area, then to the area they held the day before, then anywhere still open. Days are
named in order so that "the day before" is already known.
"""

from __future__ import annotations

from collections import defaultdict

from roster.data import Assignment, Mode, ProblemData
from roster.model.variables import CellKey, ClassKey, Variables


def name_places(
    data: ProblemData,
    v: Variables,
    working: dict[tuple[int, str, Mode], list[str]],
    counts: dict[CellKey, dict[ClassKey, int]],
    previous: list[Assignment] | None = None,
) -> list[Assignment]:
    """One Assignment per working person; `counts` say how many of each class stand in a cell.

    With a `previous` roster, people keep their announced area where the counts allow.
    """
    fixed = {(data.day_index(f.date), f.shift, f.person): f.area for f in data.fixed}
    announced = {(data.day_index(a.date), a.shift, a.person): a.area for a in previous or ()}
    person = data.person_by_id
    previous: dict[str, str] = {}
    out: list[Assignment] = []
    cells_by_slot: dict[tuple[int, str, Mode], list[CellKey]] = defaultdict(list)
    for key in counts:
        cells_by_slot[(key[0], key[1], key[3])].append(key)
    for d in range(data.settings.days):
        today: dict[str, str] = {}
        for s in data.shifts:
            for m in (Mode.ONSITE, Mode.REMOTE):
                people = working.get((d, s.id, m), [])
                if not people:
                    continue
                left = {
                    (key[2], cls): n
                    for key in cells_by_slot[(d, s.id, m)]
                    for cls, n in counts[key].items()
                    if n
                }
                placed: dict[str, str] = {}

                def take(pid: str, area: str | None, left=left, placed=placed) -> None:
                    slot = (area, v.class_of[pid])
                    if pid not in placed and area and left.get(slot, 0) > 0:
                        left[slot] -= 1
                        placed[pid] = area

                for pid in people:
                    take(pid, fixed.get((d, s.id, pid)))
                for pid in people:
                    take(pid, announced.get((d, s.id, pid)))
                for pid in people:
                    take(pid, person[pid].home_area)
                for pid in people:
                    take(pid, previous.get(pid))
                for pid in people:
                    if pid in placed:
                        continue
                    cls = v.class_of[pid]
                    area = next(a for (a, c), n in left.items() if c == cls and n > 0)
                    take(pid, area)
                for pid, area in placed.items():
                    out.append(
                        Assignment(date=data.dates[d], shift=s.id, area=area, person=pid, mode=m)
                    )
                    today[pid] = area
        previous = today
    return out
