"""The `hard` district profile: its planted roster passes the independent checker (so the
instance is feasible by construction, proven), and it is harder in the ways it claims."""

from __future__ import annotations

from collections import Counter

import pytest

from roster.data import Origin, StatusKind
from roster.verify import check
from tests.builders import load_script

generator = load_script("benchmarks/generate.py")


@pytest.mark.parametrize(
    ("people", "areas", "days", "seed"), [(30, 8, 14, 1), (60, 16, 21, 2), (45, 12, 10, 7)]
)
def test_hard_planted_roster_passes_the_checker(people, areas, days, seed):
    data, roster = generator.generate_with_roster(people, areas, days, seed, "hard")
    report = check(data, roster)
    assert report.violations == ()
    assert report.gaps == ()


def test_hard_profile_has_what_it_promises():
    data, roster = generator.generate_with_roster(120, 40, 28, 3, "hard")
    skill_rows = [r for r in data.requirements if r.skill]
    assert len(skill_rows) > len(data.requirements) // 4
    zones = {a.id for a in data.areas if a.kind == "lockdown"}
    assert len(zones) >= 2
    opening = {min(r.date_from for r in data.requirements if r.area == z) for z in zones}
    assert min(opening) > data.settings.start_date  # they open mid-horizon
    assert len(opening) >= 2  # each on its own day
    per_person = Counter(s.person for s in data.statuses)
    assert max(per_person.values()) >= 2
    assert {s.status for s in data.statuses} > {StatusKind.F0, StatusKind.F1}
    assert any(a.mode == "remote" for a in roster)
    assert data.settings.max_shifts_per_week == 5
    assert any(p.max_shifts_per_week == 4 for p in data.people)
    assert generator.reinforcement_shifts(data, roster) > 0
    assert any(p.origin != Origin.OWN for p in data.people)


def test_standard_profile_is_unchanged_by_the_hard_one():
    assert generator.generate(40, 12, 14, 1) == generator.generate(40, 12, 14, 1, "standard")
    assert generator.generate(40, 12, 14, 1) != generator.generate(40, 12, 14, 1, "hard")
