"""The contacts tier (`weight_contacts`, issue 15): fewer distinct pairs who work together.

The model knows who works which on-site shift, not who stands beside whom (areas are head
counts per class, named afterwards), so the pairs counted are the distinct pairs ever on site
in the same (day, shift). That is an upper bound on the pairs who share a place (every place
is inside a shift) and falls as the same people keep working the same shifts together; the
naming then keeps each person on the area they held the day before, so stable shift crews
become stable place crews. The roster's real pairs are measured by ``roster.exposure``.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from ortools.sat.python import cp_model

from roster.data import Mode
from roster.model.variables import Variables


def contact_pairs(model: cp_model.CpModel, v: Variables) -> tuple[cp_model.LinearExprT, int]:
    """The number of distinct pairs on site in one (day, shift), and its upper bound."""
    slots: dict[tuple[int, str], list[tuple[str, cp_model.IntVar]]] = defaultdict(list)
    for (p, d, s, m), var in v.work.items():
        if m == Mode.ONSITE:
            slots[(d, s)].append((p, var))
    met: dict[tuple[str, str], cp_model.IntVar] = {}
    for workers in slots.values():
        for (p, wp), (q, wq) in combinations(sorted(workers, key=lambda w: w[0]), 2):
            pair = met.get((p, q))
            if pair is None:
                pair = met[(p, q)] = model.new_bool_var("")
            model.add_bool_or([wp.Not(), wq.Not(), pair])
    return sum(met.values()), len(met)
