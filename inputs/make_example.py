"""Build the bundled example `ward-hoa-thuan-dong.xlsx`: `python inputs/make_example.py`.

The story: Công an phường Hòa Thuận Đông (Đà Nẵng), August 2021.  On 11/08 thirteen of its
own officers test positive (F0); on 12/08 nine more are quarantined as close contacts (F1)
and coordinate from home.  The district sends police from 11/08 to 28/08, the city from
13/08; militia and civil defence help throughout.  The demand is sized so that the own
people plus the listed reinforcements can cover every area every day with room to spare
(about 70 % of on-site capacity at the tightest stretch), so a good solver leaves no gap.

Everything is drawn from ``random.Random(2021)``: the same file comes out on every run.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, time, timedelta
from pathlib import Path

from roster.data import (
    Area,
    Donation,
    FixedAssignment,
    HistoryShift,
    IsolationRule,
    Mode,
    Origin,
    Person,
    ProblemData,
    Product,
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

OUTPUT = Path(__file__).with_name("ward-hoa-thuan-dong.xlsx")
START = date(2021, 8, 9)  # a Monday
DAYS = 28
# Days are counted from 1 as the story tells them.
F0_DAY = 3  # the positive results come back
F1_DAY = 4  # close contacts sent home for 14 days: back on day 18
F1_LAST_DAY = 17
LOCKDOWN = (3, 24)
DISTRICT_WINDOW = (3, 20)
CITY_WINDOW = (5, 28)


def _words(text: str) -> tuple[str, ...]:
    """Name parts kept as prose, one line per list, rather than one line per word."""
    return tuple(text.split())


# Repeats weigh the draw towards the commonest family and middle names.
FAMILY = _words(
    "Nguyễn Nguyễn Nguyễn Trần Trần Lê Lê Phạm Hoàng Huỳnh Phan Võ Võ Đặng Bùi Đỗ Hồ Ngô "
    "Dương Lý Trương Đoàn Mai Tôn Lưu"
)
MIDDLE_MALE = _words("Văn Văn Hữu Đức Minh Quốc Thanh Công Đình Xuân Anh Tấn Ngọc")
MIDDLE_FEMALE = _words("Thị Thị Ngọc Thu Thanh Minh Mỹ Hoài")
GIVEN_MALE = _words(
    "Hùng Dũng Tuấn Nam Hải Long Phúc Khoa Hiếu Trung Bảo Thắng Lộc Quân Vinh Sơn Tâm Cường "
    "Đạt Huy Kiên Lâm Nhân Phong Quang Tài Thành Toàn Trí Việt Khánh Hoàng Duy Tùng"
)
GIVEN_FEMALE = _words("Thảo Linh Hương Trang Hà Ngân Vy Nhung Phương Hạnh Yến Loan")
# Age ranges by rank, or by role for the unranked: birth dates feed the blood-donor rules.
AGES = {
    "Thiếu úy": (22, 27),
    "Trung úy": (25, 31),
    "Thượng úy": (28, 35),
    "Đại úy": (31, 42),
    "Thiếu tá": (37, 50),
    "militia": (19, 32),
    "civil_defence": (25, 62),
}
BLOOD = ("O+",) * 45 + ("B+",) * 28 + ("A+",) * 20 + ("AB+",) * 5 + ("O-", "A-")

TDP = [f"TDP-{i}" for i in range(1, 9)]
COMMANDER = "Nguyễn Văn Hùng"  # CA001, Thiếu tá, trưởng Công an phường


def day(n: int) -> date:
    """The date of 1-based day ``n`` of the horizon, as the story counts them."""
    return START + timedelta(days=n - 1)


class _Names:
    """Unique, plausible Vietnamese full names."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def __call__(self, female: bool = False) -> str:
        rng = self.rng
        while True:
            middle, given = (MIDDLE_FEMALE, GIVEN_FEMALE) if female else (MIDDLE_MALE, GIVEN_MALE)
            name = f"{rng.choice(FAMILY)} {rng.choice(middle)} {rng.choice(given)}"
            if name not in self.used:
                self.used.add(name)
                return name


def _shifts() -> tuple[Shift, ...]:
    return (
        Shift(id="S", name="Ca sáng", start=time(6), end=time(14), night=False),
        Shift(id="C", name="Ca chiều", start=time(14), end=time(22), night=False),
        Shift(id="D", name="Ca đêm", start=time(22), end=time(6), night=True),
    )


def _areas() -> tuple[Area, ...]:
    residential = [Area(id=a, name=f"Tổ dân phố {a[4:]}", kind="residential") for a in TDP]
    return (
        *residential,
        Area(id="CHOT-1", name="Chốt kiểm soát cầu Rồng", kind="checkpoint"),
        Area(id="CHOT-2", name="Chốt kiểm soát Nguyễn Hữu Thọ", kind="checkpoint"),
        Area(id="PT-1", name="Khu phong tỏa kiệt 52 Núi Thành", kind="lockdown"),
        Area(id="CHO-1", name="Chợ Hòa Thuận", kind="market"),
        Area(id="DP-TX", name="Điều phối từ xa", kind="remote"),
    )


def _people(rng: random.Random) -> list[Person]:
    """Own police, militia, civil defence, then district and city reinforcements."""
    names = _Names(rng)
    names.used.add(COMMANDER)
    people: list[Person] = []

    def phone() -> str:
        return "09" + "".join(rng.choice("0123456789") for _ in range(8))

    def add(pid: str, role: Role, origin: Origin, **extra: object) -> None:
        female = rng.random() < (0.15 if role == Role.POLICE else 0.25)
        young, old = AGES[str(extra.get("rank") or role.value)]
        age = rng.randint(young, old)
        people.append(
            Person(
                id=pid,
                name=COMMANDER if pid == "CA001" else names(female),
                role=role,
                origin=origin,
                phone=phone(),
                blood_group=rng.choice(BLOOD),
                birth_date=date(START.year - age, rng.randint(1, 12), rng.randint(1, 28)),
                weight_kg=rng.randint(45, 60) if female else rng.randint(55, 82),
                **extra,
            )
        )

    # 40 own officers: the commander, 4 more senior officers, then the area police of each TDP.
    ranks = ["Thiếu tá"] * 3 + ["Đại úy"] * 7 + ["Thượng úy"] * 10 + ["Trung úy"] * 12
    ranks += ["Thiếu úy"] * 8
    for i, rank in enumerate(ranks, start=1):
        skills = {"lead"} if i <= 10 else set()
        if rng.random() < 0.25:
            skills.add("driver")
        if i in (17, 29, 36):
            skills.add("medic")
        home = TDP[(i - 1) % len(TDP)] if i > 4 else ""
        add(
            f"CA{i:03d}",
            Role.POLICE,
            Origin.OWN,
            rank=rank,
            skills=frozenset(skills),
            home_area=home,
        )
    for i in range(1, 15):
        skills = frozenset({"driver"}) if i % 5 == 0 else frozenset()
        add(f"DQ{i:02d}", Role.MILITIA, Origin.OWN, home_area=TDP[(i - 1) % 8], skills=skills)
    for i in range(1, 11):
        extra: dict[str, object] = {"home_area": TDP[(i + 3) % 8]}
        if i in (3, 8):
            extra["skills"] = frozenset({"medic"})
        if i == 10:  # a retired volunteer who can give four shifts a week, not six
            extra["max_shifts_per_week"] = 4
        add(f"DP{i:02d}", Role.CIVIL_DEFENCE, Origin.OWN, **extra)
    district_ranks = ["Đại úy"] * 3 + ["Thượng úy"] * 3 + ["Trung úy"] * 4
    for i, rank in enumerate(district_ranks, start=1):
        add(
            f"QHC{i:02d}",
            Role.POLICE,
            Origin.DISTRICT,
            rank=rank,
            available_from=day(DISTRICT_WINDOW[0]),
            available_to=day(DISTRICT_WINDOW[1]),
            skills=frozenset({"lead"} if i <= 3 else {"driver"} if i <= 5 else set()),
        )
    city_ranks = ["Đại úy", "Thượng úy", "Thượng úy", "Trung úy", "Trung úy"] + ["Thiếu úy"] * 3
    for i, rank in enumerate(city_ranks, start=1):
        add(
            f"CATP{i:02d}",
            Role.POLICE,
            Origin.CITY,
            rank=rank,
            available_from=day(CITY_WINDOW[0]),
            available_to=day(CITY_WINDOW[1]),
            skills=frozenset({"lead"} if i <= 2 else set()),
        )
    return people


def _statuses(
    rng: random.Random, people: list[Person], rules: tuple[IsolationRule, ...]
) -> tuple[list[StatusPeriod], list[str]]:
    """13 F0 and 9 F1 among the own officers (commander spared), 2 on leave, 1 in training.

    Returns the rows (``to`` resolved from the isolation rules, as the reader would) and the
    ids of the own officers who stay fit.
    """

    def until(kind: StatusKind, start: date) -> date:
        in_force = [r for r in rules if r.status == kind and r.effective_from <= start]
        days = max(in_force, key=lambda r: r.effective_from).days
        return start + timedelta(days=days - 1)

    officers = [p.id for p in people if p.origin == Origin.OWN and p.role == Role.POLICE][1:]
    rng.shuffle(officers)
    f0, f1, fit = officers[:13], officers[13:22], sorted(officers[22:])
    rows: list[tuple[str, StatusKind, date, date, str]] = []
    for pid in sorted(f0):
        rows.append(
            (
                pid,
                StatusKind.F0,
                day(F0_DAY),
                until(StatusKind.F0, day(F0_DAY)),
                "Điều trị tại BV dã chiến",
            )
        )
    for pid in sorted(f1):
        rows.append(
            (pid, StatusKind.F1, day(F1_DAY), until(StatusKind.F1, day(F1_DAY)), "Cách ly tại nhà")
        )
    # fit[:7] carry history, fixed rows and requests; leave and training fall on the others.
    leave, training = rng.sample(fit[7:], 2), fit[-1]
    rows.append((leave[0], StatusKind.LEAVE, day(1), day(2), "Nghỉ phép (đã duyệt trước)"))
    rows.append((leave[1], StatusKind.LEAVE, day(22), day(24), "Nghỉ phép việc gia đình"))
    rows.append(
        (training, StatusKind.TRAINING, day(8), day(12), "Tập huấn nghiệp vụ tại Công an TP")
    )
    statuses = [
        StatusPeriod(row=r, person=p, status=k, date_from=a, date_to=b, note=n)
        for r, (p, k, a, b, n) in enumerate(rows, start=2)
    ]
    return statuses, fit


def _requirements() -> list[Requirement]:
    """Per day, on site: 16 in the TDPs, 12 at the checkpoints, 6 in lockdown, 2 at the market."""
    rows: list[dict[str, object]] = []
    for area in TDP:
        rows.append({"area": area, "shift": "S", "min_staff": 1, "min_police": 1})
        rows.append({"area": area, "shift": "C", "min_staff": 1})
    for area in ("CHOT-1", "CHOT-2"):
        rows.append({"area": area, "min_staff": 2, "min_police": 1, "max_staff": 3})
        rows.append({"area": area, "shift": "D", "min_staff": 2, "skill": "lead"})
    rows.append(
        {
            "area": "PT-1",
            "date_from": day(LOCKDOWN[0]),
            "date_to": day(LOCKDOWN[1]),
            "min_staff": 2,
            "min_police": 1,
        }
    )
    rows.append(
        {
            "area": "CHO-1",
            "shift": "S",
            "weekdays": frozenset(range(6)),
            "min_staff": 2,
            "min_police": 1,
        }
    )
    # Remote coordination runs while the F1 officers are at home to do it.
    rows.append(
        {
            "area": "DP-TX",
            "date_from": day(F1_DAY),
            "date_to": day(F1_LAST_DAY),
            "min_staff": 1,
            "mode": Mode.REMOTE,
        }
    )
    return [Requirement(row=r, **row) for r, row in enumerate(rows, start=2)]


def _history(fit: list[str]) -> list[HistoryShift]:
    """The three days before the horizon for a few fit officers, each pattern within the rules."""
    patterns = {fit[0]: "SSS", fit[1]: "CCD", fit[2]: "CDD", fit[3]: "-SC"}
    rows = []
    for pid, pattern in patterns.items():
        for offset, shift in enumerate(pattern, start=-3):
            if shift != "-":
                rows.append(
                    HistoryShift(person=pid, date=START + timedelta(days=offset), shift=shift)
                )
    return rows


def _donations() -> list[Donation]:
    """The unit's blood-donation record, kept within Circular 26/2013/TT-BYT's intervals.

    Most give whole blood at the police blood drives each June and December; a few give
    platelets at the Đà Nẵng hospital.  The donor scenarios of ``tests/test_donors.py``
    (B+ platelets wanted on 20/08 and on 23/09/2021) rest on: DQ08, whole blood on 19/08
    for the outbreak's first urgent call (five weeks before 23/09: last product whole
    blood, so 84 days); CA009, platelets three weeks before 23/09 (last product platelets,
    so 14 days); QHC02, platelets on 12/08 (not yet on 20/08); DQ09, whole blood on 26/06
    (not yet on 20/08, again on 23/09); CA014, plasma in July.
    """
    whole, platelets, plasma = Product.WHOLE_BLOOD, Product.PLATELETS, Product.PLASMA
    drive = "Ngày hội hiến máu Công an thành phố"
    hospital = "Bệnh viện Đà Nẵng"
    rows = [
        ("CA001", date(2018, 6, 16), whole, drive),
        ("CA001", date(2018, 12, 15), whole, drive),
        ("CA001", date(2019, 6, 15), whole, drive),
        ("CA001", date(2019, 12, 14), whole, drive),
        ("CA001", date(2020, 6, 13), whole, drive),
        ("CA001", date(2020, 12, 12), whole, drive),
        ("CA001", date(2021, 6, 12), whole, drive),
        ("CA003", date(2019, 12, 14), whole, drive),
        ("CA003", date(2020, 12, 12), whole, drive),
        ("CA005", date(2020, 6, 13), whole, drive),
        ("CA005", date(2021, 6, 12), whole, drive),
        ("CA006", date(2019, 6, 15), whole, drive),
        ("CA006", date(2020, 6, 13), whole, drive),
        ("CA006", date(2020, 12, 12), whole, drive),
        ("CA006", date(2021, 6, 12), whole, drive),
        ("CA009", date(2020, 12, 12), whole, drive),
        ("CA009", date(2021, 6, 12), platelets, hospital),
        ("CA009", date(2021, 9, 2), platelets, f"{hospital}: người bệnh sốt xuất huyết"),
        ("CA014", date(2021, 1, 9), whole, "Chủ nhật Đỏ"),
        ("CA014", date(2021, 7, 24), plasma, hospital),
        ("DQ02", date(2020, 12, 12), whole, drive),
        ("DQ02", date(2021, 6, 12), whole, drive),
        ("DQ08", date(2020, 11, 14), whole, "Chủ nhật Đỏ"),
        ("DQ08", date(2021, 3, 20), whole, "Chủ nhật Đỏ"),
        ("DQ08", date(2021, 8, 19), whole, f"{hospital}: cấp cứu người bệnh COVID-19"),
        ("DQ09", date(2021, 6, 26), whole, "Chủ nhật Đỏ"),
        ("DP01", date(2020, 6, 13), whole, drive),
        ("DP01", date(2021, 6, 12), whole, drive),
        ("DP02", date(2021, 1, 9), whole, "Chủ nhật Đỏ"),
        ("QHC02", date(2021, 4, 17), whole, "Công an quận Hải Châu"),
        ("QHC02", date(2021, 8, 12), platelets, f"{hospital}: người bệnh COVID-19 nặng"),
    ]
    return [Donation(person=p, date=d, product=k, note=n) for p, d, k, n in rows]


def build_example() -> ProblemData:
    """The whole example, deterministic."""
    rng = random.Random(2021)
    settings = Settings(
        unit="Công an phường Hòa Thuận Đông",
        parent_unit="Công an quận Hải Châu",
        commander=f"Thiếu tá {COMMANDER}",
        start_date=START,
        days=DAYS,
        language="vi",
        time_limit_s=20,  # the quickstart: coverage is proven in about a second
    )
    people = _people(rng)
    rules = (
        IsolationRule(status=StatusKind.F1, effective_from=date(2021, 1, 1), days=21),
        IsolationRule(status=StatusKind.F1, effective_from=date(2021, 7, 1), days=14),
        IsolationRule(status=StatusKind.F0, effective_from=date(2021, 7, 1), days=24),
    )
    statuses, fit = _statuses(rng, people, rules)
    history = _history(fit)
    # fit[0] worked three mornings, so a morning is fine on day 1; fit[2] came off two nights,
    # so only a night (their third in seven days) is legal for them on day 1.
    fixed = [
        FixedAssignment(row=2, person=fit[0], date=START, shift="S", area="CHOT-1"),
        FixedAssignment(row=3, person=fit[2], date=START, shift="D", area="CHOT-2"),
    ]
    off, on = RequestType.OFF, RequestType.ON
    requests = [
        ShiftRequest(person=fit[4], date=day(7), type=off, weight=3),  # con ốm
        ShiftRequest(person=fit[5], date=day(14), shift="D", type=off, weight=2),
        ShiftRequest(person="DQ03", date=day(10), type=off, weight=1),
        ShiftRequest(person="DP05", date=day(15), shift="S", type=on, weight=2),
        ShiftRequest(person="QHC01", date=day(3), shift="S", type=on, weight=1),
        ShiftRequest(person=fit[6], date=day(21), type=off, weight=5),  # đám cưới em gái
    ]
    return ProblemData(
        settings=settings,
        shifts=_shifts(),
        areas=_areas(),
        people=tuple(people),
        requirements=tuple(_requirements()),
        statuses=tuple(statuses),
        isolation_rules=rules,
        requests=tuple(requests),
        fixed=tuple(fixed),
        history=tuple(history),
        donations=tuple(_donations()),
    )


def demand_per_day(data: ProblemData) -> list[tuple[int, int]]:
    """(on-site, remote) people needed each day: the largest ``min_staff`` per place."""
    out = []
    for d in data.dates:
        need = {Mode.ONSITE: 0, Mode.REMOTE: 0}
        for shift in data.shifts:
            for area in data.areas:
                rows = [
                    r for r in data.requirements if r.area == area.id and r.applies(d, shift.id)
                ]
                if rows:
                    need[rows[0].mode] += max(r.min_staff for r in rows)
        out.append((need[Mode.ONSITE], need[Mode.REMOTE]))
    return out


def onsite_days(data: ProblemData) -> dict[str, set[date]]:
    """The days each person may work on site: inside their window, with no status row."""
    out = {}
    for p in data.people:
        first = p.available_from or data.dates[0]
        last = p.available_to or data.dates[-1]
        out[p.id] = {
            d
            for d in data.dates
            if first <= d <= last
            and not any(s.person == p.id and s.covers(d) for s in data.statuses)
        }
    return out


def tightest_week(data: ProblemData) -> tuple[date, int, int]:
    """The 7-day window where on-site demand comes closest to what people can give.

    A person gives at most their weekly cap of shifts in any 7 days, one a day, so a
    window's capacity is the sum over people of min(cap, their on-site days in it).
    """
    demand = [need for need, _ in demand_per_day(data)]
    days = onsite_days(data)
    windows = []
    for i in range(len(data.dates) - 6):
        week = set(data.dates[i : i + 7])
        capacity = sum(
            min(data.max_shifts_per_week(p), len(days[p.id] & week)) for p in data.people
        )
        windows.append((data.dates[i], sum(demand[i : i + 7]), capacity))
    return max(windows, key=lambda w: w[1] / w[2])


def main() -> None:
    data = build_example()
    write_problem_workbook(data, OUTPUT, language="vi")
    groups = Counter((p.role.value, p.origin.value) for p in data.people)
    demand = demand_per_day(data)
    people = [len([p for p, days in onsite_days(data).items() if d in days]) for d in data.dates]
    start, need, capacity = tightest_week(data)
    print(f"wrote {OUTPUT}")
    print(f"  {data.settings.unit}: {data.settings.days} days from {START:%d/%m/%Y}")
    print("  people: " + ", ".join(f"{n} {r}/{o}" for (r, o), n in sorted(groups.items())))
    print(f"  areas: {len(data.areas)}, requirement rows: {len(data.requirements)}")
    print(f"  statuses: {dict(Counter(s.status.value for s in data.statuses))}")
    print(
        f"  on-site people needed per day: {min(d for d, _ in demand)}..{max(d for d, _ in demand)}"
    )
    print(
        f"  remote people needed per day: {min(r for _, r in demand)}..{max(r for _, r in demand)}"
    )
    print(f"  people able to work on site per day: {min(people)}..{max(people)}")
    print(
        f"  tightest week from {start:%d/%m}: {need} on-site shifts needed, "
        f"{capacity} possible ({need / capacity:.0%})"
    )


if __name__ == "__main__":
    main()
