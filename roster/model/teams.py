"""team_separation: teams that do not mix, so that one case quarantines one team (issue 15).

`area`: people of different teams never share an on-site place (the head counts are per
team, see ``variables.person_class``); `shift`: never on site in the same (day, shift);
`day`: one team holds on-site duty each day, or each block of ``team_block_days``.
Remote duty never counts. Someone of no team (a reinforcement, say) may join any team, but
then *acts* as a member of that team: one acting team per day on site, the same on every
day on site within the tracing window (``trace_days``), so the teams never meet through them.

Each kept rule is an "at most one team here" constraint; with ``team_strict`` it is hard,
otherwise its excess (teams beyond one) goes to ``v.team_breaks``, a tier ranked right after
coverage: the teams mix only where keeping them apart would leave places short.
"""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

from roster.data import Mode
from roster.model.variables import Variables, teams

Acting = dict[tuple[str, int], dict[str, cp_model.IntVar]]  # (person, day) -> team -> bool


def add_team_separation(model: cp_model.CpModel, v: Variables) -> None:
    """The mode the settings name; nothing when there are fewer than two teams."""
    mode = v.data.settings.team_separation
    names = teams(v.data)
    if mode == "none" or len(names) < 2:
        return
    acting = acting_teams(model, v, names)
    {"area": add_by_area, "shift": add_by_shift, "day": add_by_day}[mode](model, v, acting)


def _on_site(v: Variables) -> dict[tuple[str, int], list[tuple[str, cp_model.IntVar]]]:
    """(person, day) -> (shift, on-site work variable) for every on-site variable."""
    out: dict[tuple[str, int], list[tuple[str, cp_model.IntVar]]] = defaultdict(list)
    for (p, d, s, m), var in v.work.items():
        if m == Mode.ONSITE:
            out[(p, d)].append((s, var))
    return out


def acting_teams(model: cp_model.CpModel, v: Variables, names: list[str]) -> Acting:
    """One acting team per day on site for each person of no team, kept across the window."""
    window = v.data.settings.trace_days
    acting: Acting = {}
    on_day: dict[tuple[str, int], cp_model.IntVar] = {}
    for (p, d), shifts in _on_site(v).items():
        if v.data.person_by_id[p].team:
            continue
        on_day[(p, d)] = _one(model, [var for _s, var in shifts])
        acting[(p, d)] = {t: model.new_bool_var(f"act[{p},{d},{t}]") for t in names}
        model.add(sum(acting[(p, d)].values()) == on_day[(p, d)])
    for (p, d), by_team in acting.items():
        for gap in range(1, window + 1):
            later = acting.get((p, d + gap))
            if later is None:
                continue
            both = [on_day[(p, d)], on_day[(p, d + gap)]]
            for t in names:  # on site on both days: the same acting team
                model.add(by_team[t] == later[t]).only_enforce_if(both)
    return acting


def _one(model: cp_model.CpModel, vars_: list[cp_model.IntVar]) -> cp_model.IntVar:
    """A boolean equal to a sum of booleans of which at most one is true (one shift a day)."""
    if len(vars_) == 1:
        return vars_[0]
    var = model.new_bool_var("")
    model.add(var == sum(vars_))
    return var


def _member(
    v: Variables, acting: Acting, person: str, day: int, team: str
) -> list[cp_model.IntVar] | None:
    """The literals that make `person` count for `team` that day (none: they never do)."""
    own = v.data.person_by_id[person].team
    if own:
        return [] if own == team else None
    return [acting[(person, day)][team]]


def _at_most_one_team(
    model: cp_model.CpModel, v: Variables, present: dict[str, cp_model.IntVar]
) -> None:
    """Hard under team_strict; otherwise the teams beyond one are a break to minimise."""
    if len(present) < 2:
        return
    if v.data.settings.team_strict:
        model.add(sum(present.values()) <= 1)
        return
    excess = model.new_int_var(0, len(present) - 1, "")
    model.add(sum(present.values()) - 1 <= excess)
    v.team_breaks.append(excess)


def _presence(
    model: cp_model.CpModel,
    v: Variables,
    acting: Acting,
    names: list[str],
    workers: list[tuple[str, int, cp_model.IntVar]],
) -> dict[str, cp_model.IntVar]:
    """One boolean per team, true when any of `workers` (person, day, literal) counts for it."""
    present: dict[str, cp_model.IntVar] = {}
    for person, day, lit in workers:
        for t in names:
            member = _member(v, acting, person, day, t)
            if member is None:
                continue
            if t not in present:
                present[t] = model.new_bool_var("")
            model.add_bool_or([lit.Not(), *(m.Not() for m in member), present[t]])
    return present


def add_by_shift(model: cp_model.CpModel, v: Variables, acting: Acting) -> None:
    """shift: at most one team on site in any (day, shift), anywhere in the unit."""
    names = teams(v.data)
    slots: dict[tuple[int, str], list[tuple[str, int, cp_model.IntVar]]] = defaultdict(list)
    for (p, d, s, m), var in v.work.items():
        if m == Mode.ONSITE:
            slots[(d, s)].append((p, d, var))
    for workers in slots.values():
        _at_most_one_team(model, v, _presence(model, v, acting, names, workers))


def add_by_day(model: cp_model.CpModel, v: Variables, acting: Acting) -> None:
    """day: one team on site per day, or per block of `team_block_days` from the first day."""
    names = teams(v.data)
    block = v.data.settings.team_block_days or 1
    blocks: dict[int, list[tuple[str, int, cp_model.IntVar]]] = defaultdict(list)
    for (p, d, _s, m), var in v.work.items():
        if m == Mode.ONSITE:
            blocks[d // block].append((p, d, var))
    for workers in blocks.values():
        _at_most_one_team(model, v, _presence(model, v, acting, names, workers))


def add_by_area(model: cp_model.CpModel, v: Variables, acting: Acting) -> None:
    """area: at most one team in any on-site place; counts are per team (or per person of no
    team, whose count is 0 or 1)."""
    names = teams(v.data)
    for (d, _s, _a, m), by_class in v.count.items():
        if m != Mode.ONSITE:
            continue
        present: dict[str, cp_model.IntVar] = {}
        for (_police, _skills, team, alone), count in by_class.items():
            if team:
                if team not in present:
                    present[team] = model.new_bool_var("")
                model.add(count == 0).only_enforce_if(present[team].Not())
                continue
            in_place = model.new_bool_var("")
            model.add(count >= 1).only_enforce_if(in_place)
            model.add(count == 0).only_enforce_if(in_place.Not())
            for t in names:
                if t not in present:
                    present[t] = model.new_bool_var("")
                model.add_bool_or([in_place.Not(), acting[(alone, d)][t].Not(), present[t]])
        _at_most_one_team(model, v, present)
