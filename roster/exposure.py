"""Exposure: how far one case would reach on a roster, before anyone falls ill.

A *case* is one person on site on one day turning F0 that day. Its reach is the number of
people `roster trace` would then name as F1: those who shared an on-site place (same day,
shift and area) with the case from ``trace_days`` days before through the day itself (the
contact rule and window of ``roster.trace``, used here as they are). Remote duty brings
nobody into contact. Over every person-day on site, the expected reach is the mean and the
worst reach the maximum; the worst police share is the largest part of the unit's own
police one case would send into F1 quarantine.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from roster.data import Assignment, Mode, Origin, ProblemData
from roster.text import say
from roster.trace import contacts, window
from roster.verify import team_breaches

Case = tuple[str, date]  # person, day on site


@dataclass(frozen=True)
class Exposure:
    """The reach of every possible case on one roster."""

    days: int  # the tracing window: this many days before the case's day, and the day
    reach: dict[Case, frozenset[str]]  # who would become F1, per case
    own_police: frozenset[str]
    pairs: int  # distinct pairs of people who share an on-site place over the horizon

    @property
    def expected(self) -> float:
        """Mean reach over the person-days on site (0 for a roster with nobody on site)."""
        return sum(map(len, self.reach.values())) / len(self.reach) if self.reach else 0.0

    @property
    def worst(self) -> int:
        return max(map(len, self.reach.values()), default=0)

    @property
    def worst_case(self) -> Case | None:
        """The case that reaches most people (the earliest, then the first id, on a tie)."""
        if not self.reach:
            return None
        return min(self.reach, key=lambda c: (-len(self.reach[c]), c[1], c[0]))

    @property
    def police_share(self) -> float:
        """The largest share of own police one case would send into F1 quarantine."""
        if not self.own_police:
            return 0.0
        most = max((len(f1 & self.own_police) for f1 in self.reach.values()), default=0)
        return most / len(self.own_police)

    def contacts_per_person(self) -> dict[str, int]:
        """Per person, the most distinct contacts in any one tracing window."""
        most: dict[str, int] = defaultdict(int)
        for (person, _day), f1 in self.reach.items():
            most[person] = max(most[person], len(f1))
        return dict(most)

    def most_contacts(self, n: int = 10) -> list[tuple[str, int]]:
        """The ``n`` people with the most contacts in one window, most first, then by id."""
        ranked = sorted(self.contacts_per_person().items(), key=lambda item: (-item[1], item[0]))
        return ranked[:n]


def exposure(
    data: ProblemData,
    assignments: Sequence[Assignment],
    days: int | None = None,
    whole_shift: bool = False,
) -> Exposure:
    """Trace every person-day on site as if it were a case (``roster.trace.contacts``), with
    ``days`` before it (default: the ``trace_days`` setting).

    ``whole_shift``: everyone on site in the same shift counts as a contact, wherever they
    stood (the stricter reading of a station whose staff meet at every handover); the rule
    is still trace's, applied to the unit as one place.
    """
    days = data.settings.trace_days if days is None else days
    at: dict[tuple[date, str, str], list[Assignment]] = defaultdict(list)
    mine: dict[str, list[Assignment]] = defaultdict(list)
    for a in assignments:
        if a.mode == Mode.ONSITE:
            place = a.model_copy(update={"area": ""}) if whole_shift else a
            at[(place.date, place.shift, place.area)].append(place)
            mine[a.person].append(place)
    reach: dict[Case, frozenset[str]] = {}
    for person, own in sorted(mine.items()):
        for day in sorted({a.date for a in own}):
            first, last = window(day, days)
            # Only the case's own places can hold a contact: trace looks at these alone.
            places = {(a.date, a.shift, a.area) for a in own if first <= a.date <= last}
            seen = [b for place in places for b in at[place]]
            reach[(person, day)] = frozenset(c.person for c in contacts(seen, person, day, days))
    own_police = frozenset(p.id for p in data.people if p.is_police and p.origin == Origin.OWN)
    return Exposure(days, reach, own_police, contact_pairs(assignments))


def contact_pairs(assignments: Sequence[Assignment]) -> int:
    """Distinct pairs of people who ever share an on-site place (the contact graph's edges)."""
    at: dict[tuple[date, str, str], set[str]] = defaultdict(set)
    for a in assignments:
        if a.mode == Mode.ONSITE:
            at[(a.date, a.shift, a.area)].add(a.person)
    return len({pair for people in at.values() for pair in combinations(sorted(people), 2)})


def exposure_lines(data: ProblemData, found: Exposure, top: int = 10) -> list[str]:
    """What `roster exposure` prints, in the unit's language."""

    def t(key: str, **values: object) -> str:
        return say(f"exposure.{key}", data, **values)

    lines = [
        t("title", unit=data.settings.unit, days=found.days),
        t("cases", n=len(found.reach)),
        t("expected", value=found.expected),
        t("worst", value=found.worst),
    ]
    if found.worst_case is not None:
        person, day = found.worst_case
        lines.append(t("worst_case", person=person, name=_name(data, person), date=f"{day:%d/%m}"))
    lines.append(t("police", share=100 * found.police_share, n=len(found.own_police)))
    lines.append(t("pairs", n=found.pairs))
    lines.append(t("top", n=top))
    lines += [f"  {p:<10} {_name(data, p):<28} {n:>3}" for p, n in found.most_contacts(top)]
    return lines


def summary_rows(data: ProblemData, assignments: Sequence[Assignment]) -> list[tuple[str, object]]:
    """The expected and worst reach, and how often teams kept apart met, as (label, value)
    rows of the roster workbook's Summary."""
    found = exposure(data, assignments)
    rows: list[tuple[str, object]] = [
        (say("exposure.label_expected", data, days=found.days), round(found.expected, 2)),
        (say("exposure.label_worst", data, days=found.days), found.worst),
    ]
    if data.settings.team_separation != "none":
        rows.append((say("workbook.team_breaks", data), len(team_breaches(data, assignments))))
    return rows


def _name(data: ProblemData, person: str) -> str:
    known = data.person_by_id.get(person)
    return known.name if known else ""
