"""Synthetic roster instances that are feasible by construction, for benchmarks and tests.

A legal roster is built first: every person repeats a shift pattern that keeps all the
work-rest rules (one shift a day, 12 h rest so no morning or afternoon after a night and no
morning after an afternoon, at most 6 days in a row, 6 shifts and 3 nights in any 7 days),
with days off wherever a window or status forbids work; dropping a shift never breaks a
rule, so the result stays legal.  Each worked shift is then placed in an area, and the
requirements ask for exactly what that roster provides, so a solver that finds a roster with
no gap is merely finding what is known to exist.

The ``hard`` profile is closer to a real district: a skill row on most places and a police
minimum on every one (remote desks included), several lockdown zones each opening on its
own day in the middle of the horizon, more district and city police with shorter windows,
several statuses per person (F0, F1 on remote duty, sick, leave, training), tight weekly
caps (5 a week, 4 for a quarter of the people; the patterns are trimmed to them, which
only drops shifts) and checkpoints that take exactly their people.  The ``standard``
profile is the one `generated.py` has always measured, draw for draw.  Either way the
planted roster is checked by the independent checker before the instance is returned.

    python benchmarks/generate.py --people 40 --areas 12 --days 14 --seed 1 -o path.xlsx
    python benchmarks/generate.py --profile hard --people 400 --areas 100 --days 28 -o d.xlsx
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict
from datetime import date, time, timedelta
from pathlib import Path
from typing import NamedTuple

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
from roster.verify import check

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
OUT_OF_DUTY = (StatusKind.F0, StatusKind.SICK, StatusKind.LEAVE, StatusKind.TRAINING)


class Profile(NamedTuple):
    """How demanding an instance is; `standard` reproduces the original generator exactly
    (a NamedTuple, not a dataclass: the tests load this script by path, outside sys.modules)."""

    name: str
    lockdown_share: float = 0.0  # lockdown zones per area, beyond the one of `standard`
    reinforcement_share: float = 0.17  # police from district and city
    district_share: float = 0.1  # of which from district
    skill_odds: tuple[float, float, float] = (0.3, 0.15, 0.05)  # lead (police), driver, medic
    skill_row_odds: float = 0.3  # a skill row for each skill present (hard) or one (standard)
    status_share: float = 0.05  # own people with F0, and as many with F1
    week_cap: int = 6  # the setting
    tight_cap_share: float = 0.0  # people whose own cap is one below the setting
    exact_checkpoints: bool = False  # checkpoints and lockdown zones take no one extra

    @property
    def hard(self) -> bool:
        return self.name != "standard"


PROFILES = {
    "standard": Profile("standard"),
    "hard": Profile(
        "hard",
        lockdown_share=0.05,
        reinforcement_share=0.3,
        district_share=0.18,
        skill_odds=(0.35, 0.2, 0.1),
        skill_row_odds=0.6,
        status_share=0.3,
        week_cap=5,
        tight_cap_share=0.25,
        exact_checkpoints=True,
    ),
}


def _areas(count: int, profile: Profile) -> list[Area]:
    """About 85 % residential, then checkpoints, lockdown zones and one remote desk."""
    specials = [Area(id="DP-TX", name="Điều phối từ xa", kind="remote")] if count >= 2 else []
    zones = 1 + round(profile.lockdown_share * count) if count >= 3 else 0
    specials[:0] = [
        Area(id=f"PT-{i}", name=f"Khu phong tỏa {i}", kind="lockdown") for i in range(1, zones + 1)
    ]
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


def _lockdowns(
    rng: random.Random, areas: list[Area], days: int, profile: Profile
) -> dict[str, tuple[date, date]]:
    """When each lockdown zone is open: the middle of the horizon in `standard`; in `hard`
    each zone opens on its own day between a quarter and two thirds of the way in."""
    zones = [a.id for a in areas if a.kind == "lockdown"]
    if not profile.hard:
        first, last = days // 5, max(days // 5, 4 * days // 5 - 1)
        return {z: (START + timedelta(days=first), START + timedelta(days=last)) for z in zones}
    out = {}
    for zone in zones:
        first = rng.randrange(days // 4, max(days // 4 + 1, 2 * days // 3))
        last = min(days - 1, first + rng.randrange(days // 4, days))
        out[zone] = (START + timedelta(days=first), START + timedelta(days=last))
    return out


def _people(
    rng: random.Random, count: int, days: int, home_areas: list[str], profile: Profile
) -> list[Person]:
    """Own police, militia and civil defence, plus district and city police with windows."""
    end = START + timedelta(days=days - 1)
    share = profile.reinforcement_share
    people = []
    for i in range(count):
        role = rng.choices(ROLES, weights=ROLE_WEIGHTS)[0]
        origin, first, last = Origin.OWN, None, None
        reinforcement = rng.random()
        if role == Role.POLICE and reinforcement < share:
            origin = Origin.DISTRICT if reinforcement < profile.district_share else Origin.CITY
            first = START + timedelta(days=rng.randrange(0, max(1, days // 3)))
            last = min(end, first + timedelta(days=rng.randrange(days // 2, days + 1)))
        lead, driver, medic = profile.skill_odds
        odds = (lead if role == Role.POLICE else 0.0, driver, medic)
        skills = frozenset(s for s, p in zip(SKILLS, odds, strict=True) if rng.random() < p)
        cap = None
        if profile.tight_cap_share and rng.random() < profile.tight_cap_share:
            cap = profile.week_cap - 1
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
                max_shifts_per_week=cap,
                phone=f"09{rng.randrange(10**8):08d}",
            )
        )
    return people


def _statuses(
    rng: random.Random, people: list[Person], days: int, profile: Profile
) -> list[StatusPeriod]:
    """`standard`: about 5 % of the own people F0 and 5 % F1, each for 7 to 14 days from a
    random day. `hard`: a share of them with one to three periods in a row, of any kind."""
    own = [p.id for p in people if p.origin == Origin.OWN]
    if profile.hard:
        return _several_statuses(rng, own, days, profile.status_share)
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


def _several_statuses(
    rng: random.Random, own: list[str], days: int, share: float
) -> list[StatusPeriod]:
    """One to three periods per chosen person, apart from each other: F1 (remote duty) most
    often, then F0, sick, leave and training."""
    kinds = (StatusKind.F1, StatusKind.F1, *OUT_OF_DUTY)
    rows = []
    for pid in rng.sample(own, round(share * len(own))):
        day = rng.randrange(days)
        for _ in range(rng.randint(1, 3)):
            if day >= days:
                break
            length = rng.randint(2, 10)
            first = START + timedelta(days=day)
            rows.append(
                StatusPeriod(
                    row=len(rows) + 2,
                    person=pid,
                    status=rng.choice(kinds),
                    date_from=first,
                    date_to=first + timedelta(days=length - 1),
                )
            )
            day += length + rng.randint(1, 6)
    return rows


def _trim(shifts: list[str], cap: int) -> list[str]:
    """Drop the shifts that would put more than `cap` in some 7 days (dropping keeps every
    other rule: no rule asks for a minimum here)."""
    kept = list(shifts)
    for i, shift in enumerate(kept):
        if shift != "-" and sum(x != "-" for x in kept[max(0, i - 6) : i]) >= cap:
            kept[i] = "-"
    return kept


def _worked_days(
    rng: random.Random,
    people: list[Person],
    statuses: list[StatusPeriod],
    days: int,
    remote: bool,
    week_cap: int,
) -> tuple[dict[tuple[date, str], list[tuple[Person, bool]]], list[HistoryShift]]:
    """Who works which shift each day (and whether only remotely), and the own people's history.

    Each person follows a rotated pattern from ``HISTORY_DAYS`` before the start, trimmed to
    their weekly cap; days outside their window, out of duty (F0, sick ...), or under F1 with
    no remote desk to go to, are dropped.
    """
    working: dict[tuple[date, str], list[tuple[Person, bool]]] = defaultdict(list)
    history = []
    by_person = defaultdict(list)
    for s in statuses:
        by_person[s.person].append(s)
    for person in people:
        pattern = rng.choice(PATTERNS)
        offset = rng.randrange(len(pattern))
        shifts = [pattern[(i + offset) % len(pattern)] for i in range(-HISTORY_DAYS, days)]
        cap = person.max_shifts_per_week if person.max_shifts_per_week is not None else week_cap
        for i, shift in enumerate(_trim(shifts, cap) if cap < 6 else shifts, -HISTORY_DAYS):
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
            if kinds - {StatusKind.F1} or (kinds and not remote):
                continue
            working[(day, shift)].append((person, bool(kinds)))
    return working, history


def _place(
    rng: random.Random,
    areas: list[Area],
    working: dict[tuple[date, str], list[tuple[Person, bool]]],
    lockdowns: dict[str, tuple[date, date]],
) -> list[Assignment]:
    """Put every worked shift in an area: F1 people at the remote desk, the others spread out.

    One person per open area first (rotating which areas go short when people are few), then
    a second at checkpoints and open lockdown zones, then round again.  The remote desk takes
    one fit person when no F1 person is there and everyone else already has a place.
    """
    remote = next((a for a in areas if a.is_remote), None)
    out = []
    for (day, shift), workers in sorted(working.items()):
        onsite = [
            a
            for a in areas
            if not a.is_remote
            and (a.id not in lockdowns or lockdowns[a.id][0] <= day <= lockdowns[a.id][1])
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
    rng: random.Random,
    people_by_id: dict[str, Person],
    areas: list[Area],
    roster: list[Assignment],
    profile: Profile,
) -> list[Requirement]:
    """One row per (date, shift, area) worked, asking for exactly what the roster has there;
    in `hard`, a further row for each skill present there, each with odds `skill_row_odds`."""
    kind = {a.id: a.kind for a in areas}
    there: dict[tuple[date, str, str], list[Person]] = defaultdict(list)
    for a in roster:
        there[(a.date, a.shift, a.area)].append(people_by_id[a.person])
    exact = ("checkpoint", "lockdown") if profile.exact_checkpoints else ()
    rows = []
    for (day, shift, area), people in sorted(there.items()):
        remote = kind[area] == "remote"
        skills = sorted({s for p in people for s in p.skills})
        police = sum(p.is_police for p in people)
        size = len(people)
        skill = None
        if not profile.hard and skills and rng.random() < profile.skill_row_odds:
            skill = rng.choice(skills)
        rows.append(
            Requirement(
                row=len(rows) + 2,
                area=area,
                shift=shift,
                date_from=day,
                date_to=day,
                min_staff=size,
                min_police=police if profile.hard or not remote else 0,
                skill=skill,
                max_staff=size
                if kind[area] in exact
                else size + 1
                if kind[area] == "checkpoint"
                else None,
                mode=Mode.REMOTE if remote else Mode.ONSITE,
            )
        )
        for extra in skills if profile.hard else ():
            if rng.random() < profile.skill_row_odds:
                rows.append(
                    Requirement(
                        row=len(rows) + 2,
                        area=area,
                        shift=shift,
                        date_from=day,
                        date_to=day,
                        min_staff=1,
                        skill=extra,
                        mode=Mode.REMOTE if remote else Mode.ONSITE,
                    )
                )
    return rows


def reinforcement_shifts(data: ProblemData, roster: list[Assignment]) -> int:
    """Shifts worked by district and city people: what the planted roster needs of them."""
    return sum(data.person_by_id[a.person].origin != Origin.OWN for a in roster)


def _proven(data: ProblemData, roster: list[Assignment]) -> None:
    """Refuse an instance whose planted roster the independent checker does not pass."""
    report = check(data, roster)
    if report.violations or report.gaps:
        raise AssertionError(
            f"planted roster not legal: {len(report.violations)} broken rules, "
            f"{report.uncovered} uncovered places (first: {report.violations[:1]})"
        )


def generate_with_roster(
    people: int, areas: int, days: int, seed: int = 0, profile: str = "standard"
) -> tuple[ProblemData, list[Assignment]]:
    """An instance and a roster that meets every one of its rules and requirements (checked)."""
    if people < 1 or areas < 1 or not 1 <= days <= 366:
        raise ValueError("need at least one person and one area, and 1..366 days")
    shape = PROFILES[profile]
    rng = random.Random(seed)
    area_list = _areas(areas, shape)
    home_areas = [a.id for a in area_list if a.kind == "residential"]
    staff = _people(rng, people, days, home_areas, shape)
    statuses = _statuses(rng, staff, days, shape)
    remote = any(a.is_remote for a in area_list)
    working, history = _worked_days(rng, staff, statuses, days, remote, shape.week_cap)
    lockdowns = _lockdowns(rng, area_list, days, shape)
    roster = _place(rng, area_list, working, lockdowns)
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
    label = "" if profile == "standard" else f", {profile}"
    data = ProblemData(
        settings=Settings(
            unit=f"Benchmark {people} people, {areas} areas, {days} days, seed {seed}{label}",
            start_date=START,
            days=days,
            max_shifts_per_week=shape.week_cap,
        ),
        shifts=SHIFTS,
        areas=tuple(area_list),
        people=tuple(staff),
        requirements=tuple(_requirements(rng, by_id, area_list, roster, shape)),
        statuses=tuple(statuses),
        requests=tuple(requests),
        fixed=tuple(fixed),
        history=tuple(history),
    )
    _proven(data, roster)
    return data, roster


def generate(
    people: int, areas: int, days: int, seed: int = 0, profile: str = "standard"
) -> ProblemData:
    """An instance known to have a roster with no gap and no broken rule."""
    return generate_with_roster(people, areas, days, seed, profile)[0]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=40)
    parser.add_argument("--areas", type=int, default=12)
    parser.add_argument("--days", type=int, default=14)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", choices=tuple(PROFILES), default="standard")
    parser.add_argument("--language", choices=("vi", "en"), default="vi")
    parser.add_argument("-o", "--output", type=Path, required=True, help="workbook to write")
    args = parser.parse_args(argv)
    data, roster = generate_with_roster(args.people, args.areas, args.days, args.seed, args.profile)
    path = write_problem_workbook(data, args.output, language=args.language)
    print(
        f"wrote {path}: {len(data.people)} people, {len(data.areas)} areas, "
        f"{data.settings.days} days, {len(data.requirements)} requirement rows; the planted "
        f"roster has {len(roster)} shifts, {reinforcement_shifts(data, roster)} by reinforcements"
    )


if __name__ == "__main__":
    main()
