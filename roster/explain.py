"""Why places stay uncovered, in plain words, and what to ask the superior units for.

`capacity_notes` runs before the solver: people able to work each day against the places
needed, which explains the obvious shortfalls at once. `gap_reasons` says for one gap why
each named person could not take it, counted by cause.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from roster.data import Assignment, Mode, ProblemData, StatusKind
from roster.model.requested import WorkRestRules
from roster.model.variables import Variables
from roster.model.workrest import history_days
from roster.result import ReinforcementRequest, RequestedPerson
from roster.verify import Gap

TEXT = {
    "vi": {
        "capacity": "{day}: cần {need} người trực tại chỗ, chỉ {have} người có thể trực ({why})",
        "police": "{day}: cần {need} công an trực tại chỗ, chỉ {have} công an có thể trực",
        "short": "thiếu {n} người",
        "short_police": "thiếu {n} công an",
        "short_skill": "thiếu người có kỹ năng {skills}",
        "none_free": "không còn ai trong danh sách có thể nhận",
        "filled_by": "bù bằng lực lượng đề nghị tăng cường {labels}",
        "why": "lý do",
        "busy": "{n} đã trực ca khác trong ngày",
        "workrest": "{n} vướng quy định nghỉ ngơi (giờ nghỉ, ngày liên tiếp, số ca/7 ngày)",
        "unqualified": "{n} không đủ điều kiện (không phải công an / thiếu kỹ năng)",
        "window": "{n} ngoài thời gian tăng cường",
        "remote_only": "{n} F1 chỉ trực từ xa",
        "F0": "{n} F0",
        "F1": "{n} F1",
        "leave": "{n} nghỉ phép",
        "sick": "{n} ốm",
        "training": "{n} đi tập huấn",
        "unavailable": "{n} vắng",
        "request": "{people} người, {start}–{end}, {shift}, {area}: {reason}",
    },
    "en": {
        "capacity": "{day}: {need} on-site places needed, only {have} people can work ({why})",
        "police": "{day}: {need} police places needed on site, only {have} police can work",
        "short": "{n} people short",
        "short_police": "{n} police short",
        "short_skill": "nobody with skill {skills}",
        "none_free": "nobody on the list can take it",
        "filled_by": "filled by requested reinforcement {labels}",
        "why": "why",
        "busy": "{n} already on another shift that day",
        "workrest": "{n} held by work-rest rules (rest hours, consecutive days, 7-day caps)",
        "unqualified": "{n} not qualified (not police / lacking the skill)",
        "window": "{n} outside their reinforcement window",
        "remote_only": "{n} F1, remote duty only",
        "F0": "{n} F0",
        "F1": "{n} F1",
        "leave": "{n} on leave",
        "sick": "{n} sick",
        "training": "{n} in training",
        "unavailable": "{n} unavailable",
        "request": "{people} people, {start}–{end}, {shift}, {area}: {reason}",
    },
}


def _text(data: ProblemData) -> dict[str, str]:
    return TEXT["en" if data.settings.language == "en" else "vi"]


def _status_on(data: ProblemData) -> dict[tuple[str, int], StatusKind]:
    out = {}
    for st in data.statuses:
        lo = max(data.day_index(st.date_from), 0)
        hi = min(data.day_index(st.date_to), data.settings.days - 1)
        for d in range(lo, hi + 1):
            out[(st.person, d)] = st.status
    return out


def _absence_causes(data: ProblemData, v: Variables, d: int, mode: Mode) -> Counter:
    """Why people cannot work in `mode` on day `d`: status kinds and reinforcement windows."""
    status = _status_on(data)
    causes: Counter = Counter()
    for p in data.people:
        if mode in v.modes[p.id][d]:
            continue
        kind = status.get((p.id, d))
        if kind == StatusKind.F1 and data.settings.f1_remote_duty:
            causes["remote_only"] += 1
        elif kind is not None:
            causes[kind.value] += 1
        else:
            causes["window"] += 1
    return causes


def _causes_text(text: dict[str, str], causes: Counter) -> str:
    return ", ".join(text[k].format(n=n) for k, n in causes.most_common() if n)


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


def gap_reasons(
    data: ProblemData,
    v: Variables,
    assignments: list[Assignment],
    gaps: tuple[Gap, ...],
    requested: list[RequestedPerson],
) -> dict[tuple[date, str, str], str]:
    """For each gap: what is short, why each named person could not take it, who fills it."""
    text = _text(data)
    rules = WorkRestRules(data)
    worked = {pid: dict(h) for pid, h in history_days(data).items()}
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
            elif not rules.fits(days, d, gap.shift, data.max_shifts_per_week(p)):
                causes["workrest"] += 1
            elif not gap.short_staff and (
                (gap.short_police and not p.is_police)
                or (gap.missing_skills and not set(gap.missing_skills) & p.skills)
            ):
                causes["unqualified"] += 1
        reason = (
            "; ".join(what)
            + f" — {text['why']}: "
            + (_causes_text(text, causes) or text["none_free"])
        )
        labels = fillers.get((gap.date, gap.shift, gap.area))
        if labels:
            reason += "; " + text["filled_by"].format(labels=", ".join(labels))
        out[(gap.date, gap.shift, gap.area)] = reason
    return out


def group_requests(
    data: ProblemData,
    requested: list[RequestedPerson],
    gaps: tuple[Gap, ...],
    reasons: dict[tuple[date, str, str], str],
) -> list[ReinforcementRequest]:
    """One row per origin, shift and area: the date span and how many distinct people it needs."""
    groups: dict[tuple, dict] = {}
    for r in requested:
        for day, shift, area in r.places:
            g = groups.setdefault((r.origin, shift, area), {"days": [], "people": set()})
            g["days"].append(day)
            g["people"].add(r.label)
    causes_by_place = {(g.date, g.shift, g.area): g for g in gaps}
    shift_order = {s.id: i for i, s in enumerate(data.shifts)}
    area_order = {a.id: i for i, a in enumerate(data.areas)}
    rows = []
    for (origin, shift, area), g in groups.items():
        first, last = min(g["days"]), max(g["days"])
        reason_counts = Counter(
            reasons[(day, shift, area)].split(" — ", 1)[-1]
            for day in g["days"]
            if (day, shift, area) in causes_by_place
        )
        reason = reason_counts.most_common(1)[0][0] if reason_counts else ""
        reason = reason.split("; " + _text(data)["filled_by"].split(" {")[0])[0]
        rows.append(
            ReinforcementRequest(
                origin=origin,
                date_from=first,
                date_to=last,
                shift=shift,
                area=area,
                people=len(g["people"]),
                reason=reason,
            )
        )
    rows.sort(key=lambda r: (r.origin.value, r.date_from, shift_order[r.shift], area_order[r.area]))
    return rows
