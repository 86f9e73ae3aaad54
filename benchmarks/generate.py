"""Synthetic roster instances that are feasible by construction, for benchmarks and tests.

A legal roster is built first: every person repeats a shift pattern that keeps all the
work-rest rules (one shift a day, 12 h rest so no morning or afternoon after a night and no
morning after an afternoon, at most 6 days in a row, 6 shifts and 3 nights in any 7 days),
with days off wherever a window or status forbids work; dropping a shift never breaks a
rule, so the result stays legal.  Each worked shift is then placed in an area, and the
requirements ask for exactly what that roster provides, so a solver that finds a roster with
no gap is merely finding what is known to exist.

    python benchmarks/generate.py --people 40 --areas 12 --days 14 --seed 1 -o path.xlsx
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict
from datetime import date, time, timedelta
from pathlib import Path

from roster.data import (
    Area,
    Assignment,
    FixedAssignment,
    HistoryShift,
    Mode,
    Origin,
    Person,
    ProblemData,
    RequestType,
    Requirement,
    Role,
    Settings,
    Shift,
    ShiftRequest,
    StatusKind,
    StatusPeriod,
)
from roster.io.problem_writer import write_problem_workbook

START = date(2021, 8, 9)  # a Monday, as in the bundled example
HISTORY_DAYS = 3
SHIFTS = (
    Shift(id="S", name="Ca sáng", start=time(6), end=time(14), night=False),
    Shift(id="C", name="Ca chiều", start=time(14), end=time(22), night=False),
    Shift(id="D", name="Ca đêm", start=time(22), end=time(6), night=True),
)
# Repeating patterns, one letter a day ("-" = off).  Each is legal however it is rotated and
# repeated: shifts only move later (S -> C -> D) from one day to the next, off days follow
# nights before any earlier shift, at most 6 in a row, 6 per 7 days and 3 nights per 7 days.
PATTERNS = ("SSCCDD--", "SSSSS--", "CCCDD--", "SCD-", "DDD---S", "SSSCC--")
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ")
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Ngọc", "Công")
GIVEN = ("Hùng", "Dũng", "Tuấn", "Nam", "Hải", "Long", "Thảo", "Linh", "Hương", "Trung", "Bảo")
SKILLS = ("lead", "driver", "medic")
ROLES = (Role.POLICE, Role.MILITIA, Role.CIVIL_DEFENCE, Role.VOLUNTEER)
ROLE_WEIGHTS = (65, 20, 12, 3)


def _areas(count: int) -> list[Area]:
    """About 85 % residential, then checkpoints, one lockdown zone and one remote desk."""
    specials = [Area(id="DP-TX", name="Điều phối từ xa", kind="remote")] if count >= 2 else []
    if count >= 3:
        specials.insert(0, Area(id="PT-1", name="Khu phong tỏa 1", kind="lockdown"))
    residential = round(0.85 * count)
    checkpoints = max(1 if count >= 5 else 0, count - len(specials) - residential)
    residential = count - len(specials) - checkpoints
    return [
        *(
            Area(id=f"TDP-{i}", name=f"Tổ dân phố {i}", kind="residential")
            for i in range(1, residential + 1)
        ),
        *(
            Area(id=f"CHOT-{i}", name=f"Chốt kiểm soát {i}", kind="checkpoint")
            for i in range(1, checkpoints + 1)
        ),
        *specials,
    ]


def _people(rng: random.Random, count: int, days: int, home_areas: list[str]) -> list[Person]:
    """Own police, militia and civil defence, plus district and city police with windows."""
    end = START + timedelta(days=days - 1)
    people = []
    for i in range(count):
        role = rng.choices(ROLES, weights=ROLE_WEIGHTS)[0]
        origin, first, last = Origin.OWN, None, None
        reinforcement = rng.random()
        if role == Role.POLICE and reinforcement < 0.17:
            origin = Origin.DISTRICT if reinforcement < 0.1 else Origin.CITY
            first = START + timedelta(days=rng.randrange(0, max(1, days // 3)))
            last = min(end, first + timedelta(days=rng.randrange(days // 2, days + 1)))
        odds = (0.3 if role == Role.POLICE else 0.0, 0.15, 0.05)  # lead, driver, medic
        skills = frozenset(s for s, p in zip(SKILLS, odds, strict=True) if rng.random() < p)
        people.append(
            Person(
                id=f"P{i + 1:04d}",
                name=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
                role=role,
                origin=origin,
                available_from=first,
                available_to=last,
                home_area=rng.choice(home_areas) if origin == Origin.OWN else "",
                skills=skills,
                phone=f"09{rng.randrange(10**8):08d}",
            )
        )
    return people


def _statuses(rng: random.Random, people: list[Person], days: int) -> list[StatusPeriod]:
    """About 5 % of the own people F0 and 5 % F1, each for 7 to 14 days from a random day."""
    own = [p.id for p in people if p.origin == Origin.OWN]
    share = max(1, round(0.05 * len(people))) if len(own) >= 10 else 0
    chosen = rng.sample(own, min(len(own), 2 * share))
    rows = []
    for n, pid in enumerate(chosen):
        first = START + timedelta(days=rng.randrange(days))
        rows.append(
            StatusPeriod(
                row=n + 2,
                person=pid,
                status=StatusKind.F0 if n < share else StatusKind.F1,
                date_from=first,
                date_to=first + timedelta(days=rng.randrange(6, 14)),
            )
        )
    return rows


def _worked_days(
    rng: random.Random, people: list[Person], statuses: list[StatusPeriod], days: int, remote: bool
) -> tuple[dict[tuple[date, str], list[tuple[Person, bool]]], list[HistoryShift]]:
    """Who works which shift each day (and whether only remotely), and the own people's history.

    Each person follows a rotated pattern from ``HISTORY_DAYS`` before the start; days outside
    their window, under F0, or under F1 with no remote desk to go to, are dropped.
    """
    working: dict[tuple[date, str], list[tuple[Person, bool]]] = defaultdict(list)
    history = []
    by_person = defaultdict(list)
    for s in statuses:
        by_person[s.person].append(s)
    for person in people:
        pattern = rng.choice(PATTERNS)
        offset = rng.randrange(len(pattern))
        for i in range(-HISTORY_DAYS, days):
            shift = pattern[(i + offset) % len(pattern)]
            day = START + timedelta(days=i)
            if shift == "-":
                continue
            if i < 0:
                if person.origin == Origin.OWN:
                    history.append(HistoryShift(person=person.id, date=day, shift=shift))
                continue
            if (person.available_from and day < person.available_from) or (
                person.available_to and day > person.available_to
            ):
                continue
            kinds = {s.status for s in by_person[person.id] if s.covers(day)}
            if StatusKind.F0 in kinds or (kinds and not remote):
                continue
            working[(day, shift)].append((person, bool(kinds)))
    return working, history


def _place(
    rng: random.Random,
    areas: list[Area],
    working: dict[tuple[date, str], list[tuple[Person, bool]]],
    days: int,
) -> list[Assignment]:
    """Put every worked shift in an area: F1 people at the remote desk, the others spread out.

    One person per open area first (rotating which areas go short when people are few), then
    a second at checkpoints and the lockdown zone, then round again.  The lockdown zone is
    open only in the middle of the horizon; the remote desk takes one fit person when no F1
    person is there and everyone else already has a place.
    """
    lockdown_from = START + timedelta(days=days // 5)
    lockdown_to = START + timedelta(days=max(days // 5, 4 * days // 5 - 1))
    remote = next((a for a in areas if a.is_remote), None)
    out = []
    for (day, shift), workers in sorted(working.items()):
        onsite = [
            a
            for a in areas
            if not a.is_remote and (a.kind != "lockdown" or lockdown_from <= day <= lockdown_to)
        ]
        turn = rng.randrange(len(onsite))  # residential areas are always open
        slots = onsite[turn:] + onsite[:turn]
        slots += [a for a in slots if a.kind in ("checkpoint", "lockdown")]
        fit = [p for p, f1 in workers if not f1]
        rng.shuffle(fit)
        isolated = [p for p, f1 in workers if f1]
        if remote:  # without a remote desk no F1 person works at all
            if not isolated and len(fit) > len(onsite):
                isolated.append(fit.pop())
            out += [
                Assignment(date=day, shift=shift, area=remote.id, person=p.id, mode=Mode.REMOTE)
                for p in isolated
            ]
        for n, person in enumerate(fit):
            area = slots[n % len(slots)].id
            out.append(Assignment(date=day, shift=shift, area=area, person=person.id))
    return out


def _requirements(
    rng: random.Random, people_by_id: dict[str, Person], areas: list[Area], roster: list[Assignment]
) -> list[Requirement]:
    """One row per (date, shift, area) worked, asking for exactly what the roster has there."""
    kind = {a.id: a.kind for a in areas}
    there: dict[tuple[date, str, str], list[Person]] = defaultdict(list)
    for a in roster:
        there[(a.date, a.shift, a.area)].append(people_by_id[a.person])
    rows = []
    for (day, shift, area), people in sorted(there.items()):
        remote = kind[area] == "remote"
        skills = sorted({s for p in people for s in p.skills})
        rows.append(
            Requirement(
                row=len(rows) + 2,
                area=area,
                shift=shift,
                date_from=day,
                date_to=day,
                min_staff=len(people),
                min_police=0 if remote else sum(p.is_police for p in people),
                skill=rng.choice(skills) if skills and rng.random() < 0.3 else None,
                max_staff=len(people) + 1 if kind[area] == "checkpoint" else None,
                mode=Mode.REMOTE if remote else Mode.ONSITE,
            )
        )
    return rows


def generate_with_roster(
    people: int, areas: int, days: int, seed: int = 0
) -> tuple[ProblemData, list[Assignment]]:
    """An instance and a roster that meets every one of its rules and requirements."""
    if people < 1 or areas < 1 or not 1 <= days <= 366:
        raise ValueError("need at least one person and one area, and 1..366 days")
    rng = random.Random(seed)
    area_list = _areas(areas)
    home_areas = [a.id for a in area_list if a.kind == "residential"]
    staff = _people(rng, people, days, home_areas)
    statuses = _statuses(rng, staff, days)
    remote = any(a.is_remote for a in area_list)
    working, history = _worked_days(rng, staff, statuses, days, remote)
    roster = _place(rng, area_list, working, days)
    by_id = {p.id: p for p in staff}
    first_day = sorted((a for a in roster if a.date == START), key=lambda a: a.person)
    fixed = [
        FixedAssignment(row=n + 2, person=a.person, date=a.date, shift=a.shift, area=a.area)
        for n, a in enumerate(rng.sample(first_day, min(2, len(first_day))))
    ]
    requests = [
        ShiftRequest(
            person=rng.choice(staff).id,
            date=START + timedelta(days=rng.randrange(days)),
            shift=rng.choice((None, *(s.id for s in SHIFTS))),
            type=rng.choice((RequestType.OFF, RequestType.ON)),
            weight=rng.randint(1, 5),
        )
        for _ in range(max(1, people // 10))
    ]
    data = ProblemData(
        settings=Settings(
            unit=f"Benchmark {people} people, {areas} areas, {days} days, seed {seed}",
            start_date=START,
            days=days,
        ),
        shifts=SHIFTS,
        areas=tuple(area_list),
        people=tuple(staff),
        requirements=tuple(_requirements(rng, by_id, area_list, roster)),
        statuses=tuple(statuses),
        requests=tuple(requests),
        fixed=tuple(fixed),
        history=tuple(history),
    )
    return data, roster


def generate(people: int, areas: int, days: int, seed: int = 0) -> ProblemData:
    """An instance known to have a roster with no gap and no broken rule."""
    return generate_with_roster(people, areas, days, seed)[0]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=40)
    parser.add_argument("--areas", type=int, default=12)
    parser.add_argument("--days", type=int, default=14)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--language", choices=("vi", "en"), default="vi")
    parser.add_argument("-o", "--output", type=Path, required=True, help="workbook to write")
    args = parser.parse_args(argv)
    data = generate(args.people, args.areas, args.days, args.seed)
    path = write_problem_workbook(data, args.output, language=args.language)
    print(
        f"wrote {path}: {len(data.people)} people, {len(data.areas)} areas, "
        f"{data.settings.days} days, {len(data.requirements)} requirement rows"
    )


if __name__ == "__main__":
    main()
