"""Why places stay uncovered, in plain words, and what to ask the superior units for.

`capacity_notes` runs before the solver: people able to work each day against the places
needed, which explains the obvious shortfalls at once. `gap_reasons` says for one gap why
each named person could not take it, counted by cause.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from roster.data import Assignment, Mode, ProblemData
from roster.findings import Absence, Gap
from roster.model.variables import Variables
from roster.model.workrest import WorkRestRules
from roster.result import ReinforcementRequest, RequestedPerson
from roster.text import section
from roster.verify import unavailable


def _text(data: ProblemData) -> dict[str, str]:
    """The catalogue's ``explain.*`` phrases in the unit's language, by their short key."""
    return section("explain", data)


def _cause(absence: Absence) -> str:
    """The cause key of the checker's answer: a window, remote duty only, or the status."""
    if absence.kind == "remote_only":
        return "remote_only"
    if absence.kind == "status":
        return absence.status.status.value
    return "window"


def _absence_causes(data: ProblemData, v: Variables, d: int, mode: Mode) -> Counter:
    """Why people cannot work in `mode` on day `d`: status kinds and reinforcement windows,
    in the checker's words (`verify.unavailable`), for the people the model leaves out."""
    causes: Counter = Counter()
    day = data.dates[d]
    for p in data.people:
        if mode in v.modes[p.id][d]:
            continue
        absence = unavailable(data, p.id, day, mode)
        if absence is not None:
            causes[_cause(absence)] += 1
    return causes


# Root causes first: a commander reads "25 F0" before "34 already on another shift".
CAUSE_ORDER = (
    "F0", "F1", "remote_only", "sick", "leave", "training", "unavailable",
    "window", "busy", "workrest", "unqualified",
)  # fmt: skip


def _causes_text(text: dict[str, str], causes: Counter) -> str:
    return ", ".join(text[k].format(n=causes[k]) for k in CAUSE_ORDER if causes.get(k))


def capacity_notes(data: ProblemData, v: Variables) -> list[str]:
    """Days on which fewer people can work on site than the cells need, even before any rule."""
    text = _text(data)
    need: dict[int, int] = defaultdict(int)
    need_police: dict[int, int] = defaultdict(int)
    for cell in v.cells.values():
        if cell.mode == Mode.ONSITE:
            need[cell.day] += cell.lower
            need_police[cell.day] += cell.min_police
    notes = []
    for d, places in sorted(need.items()):
        able = [p for p in data.people if Mode.ONSITE in v.modes[p.id][d]]
        day = f"{data.dates[d]:%d/%m/%Y}"
        if places > len(able):
            why = _causes_text(text, _absence_causes(data, v, d, Mode.ONSITE))
            notes.append(text["capacity"].format(day=day, need=places, have=len(able), why=why))
        police = sum(p.is_police for p in able)
        if need_police[d] > police:
            notes.append(text["police"].format(day=day, need=need_police[d], have=police))
    return notes


@dataclass(frozen=True)
class Explanation:
    """Why one (date, shift, area) is short: what is missing, why no named person could
    take it, and which requested people fill it."""

    what: str
    why: str
    fillers: tuple[str, ...]

    def shortfall(self, text: dict[str, str]) -> str:
        return f"{self.what} — {text['why']}: {self.why}"

    def full(self, text: dict[str, str]) -> str:
        filled = text["filled_by"].format(labels=", ".join(self.fillers))
        return self.shortfall(text) + (f"; {filled}" if self.fillers else "")


def explain_gaps(
    data: ProblemData,
    v: Variables,
    rules: WorkRestRules,
    assignments: list[Assignment],
    gaps: tuple[Gap, ...],
    requested: list[RequestedPerson],
) -> dict[tuple[date, str, str], Explanation]:
    """For each gap: what is short, why each named person could not take it (under `rules`,
    the solve's work-rest view, with each person's own limits), who fills it."""
    text = _text(data)
    worked = {pid: dict(h) for pid, h in rules.history.items()}
    for a in assignments:
        worked.setdefault(a.person, {})[data.day_index(a.date)] = a.shift
    fillers: dict[tuple[date, str, str], list[str]] = defaultdict(list)
    for r in requested:
        for day, shift, area in r.places:
            fillers[(day, shift, area)].append(r.label)
    out = {}
    for gap in gaps:
        d = data.day_index(gap.date)
        mode = Mode(gap.mode)
        what = []
        if gap.short_staff:
            what.append(text["short"].format(n=gap.short_staff))
        if gap.short_police:
            what.append(text["short_police"].format(n=gap.short_police))
        if gap.missing_skills:
            what.append(text["short_skill"].format(skills=", ".join(gap.missing_skills)))
        causes = _absence_causes(data, v, d, mode)
        for p in data.people:
            if mode not in v.modes[p.id][d]:
                continue
            days = worked.get(p.id, {})
            if d in days:
                causes["busy"] += 1
            elif not rules.fits(days, d, gap.shift, p.id):
                causes["workrest"] += 1
            elif not gap.short_staff and (
                (gap.short_police and not p.is_police)
                or (gap.missing_skills and not set(gap.missing_skills) & p.skills)
            ):
                causes["unqualified"] += 1
        key = (gap.date, gap.shift, gap.area)
        out[key] = Explanation(
            what="; ".join(what),
            why=_causes_text(text, causes) or text["none_free"],
            fillers=tuple(fillers.get(key, ())),
        )
    return out


def gap_reasons(
    data: ProblemData, explanations: dict[tuple[date, str, str], Explanation]
) -> dict[tuple[date, str, str], str]:
    """The `Gaps` sheet's reasons in plain words."""
    text = _text(data)
    return {key: e.full(text) for key, e in explanations.items()}


def _runs(days: list[date]) -> list[list[date]]:
    """Consecutive days together: a request names the days it is for, not a span with holes."""
    runs: list[list[date]] = []
    for day in sorted(set(days)):
        if runs and (day - runs[-1][-1]).days == 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def group_requests(
    data: ProblemData,
    requested: list[RequestedPerson],
    explanations: dict[tuple[date, str, str], Explanation],
) -> list[ReinforcementRequest]:
    """One row per origin, shift, area and run of consecutive days: how many distinct
    people it needs, and the commonest reason."""
    text = _text(data)
    places: dict[tuple, dict[date, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in requested:
        for day, shift, area in r.places:
            places[(r.origin, shift, area)][day].add(r.label)
    shift_order = {s.id: i for i, s in enumerate(data.shifts)}
    area_order = {a.id: i for i, a in enumerate(data.areas)}
    rows = []
    for (origin, shift, area), by_day in places.items():
        for run in _runs(list(by_day)):
            reasons = Counter(
                explanations[(day, shift, area)].shortfall(text)
                for day in run
                if (day, shift, area) in explanations
            )
            rows.append(
                ReinforcementRequest(
                    origin=origin,
                    date_from=run[0],
                    date_to=run[-1],
                    shift=shift,
                    area=area,
                    people=len(set().union(*(by_day[day] for day in run))),
                    reason=reasons.most_common(1)[0][0] if reasons else "",
                )
            )
    rows.sort(key=lambda r: (r.origin.value, r.date_from, shift_order[r.shift], area_order[r.area]))
    return rows
