"""The station's blood-donor bank: who can give what to whom, on which day, and who covers them.

When a hospital calls for an urgent match, the duty officer needs, in seconds, the people who
may give that product to that patient on that day, in the order to call them, and for each one
on duty the colleague who can take their shift.  Everyone registered (a blood group on the
People sheet) but unable to give is listed too, with the reason and the first day they can,
so nobody is called in vain and nobody is forgotten.

Rules (each a ``Settings`` key; sources in the README):

- interval: after a donation, the next waits the interval of the product given LAST
  (Circular 26/2013/TT-BYT art. 6.4): 84 days after whole blood, 14 after apheresis
  (platelets, plasma; art. 6.1-6.2); whole blood again also needs 84 days since the last
  whole-blood donation (art. 6.1);
- age from 18 to 60 inclusive (art. 4.1);
- weight: 45 kg for whole blood, 42-45 kg allowed for a 250 ml donation (flagged), 50 kg for
  apheresis (art. 4.2);
- nobody currently F0 or F1, and 28 days' deferral after such a status ends (2021 practice of
  the National Institute of Hematology and Blood Transfusion).

Compatibility is one table ``COMPATIBILITY`` derived from the ABO antigens and the Rh factor:
red cells (whole blood) go to patients who carry every antigen the donor's cells carry; plasma
goes to patients whose cells carry no antigen the donor's plasma has antibodies against (AB is
the universal plasma donor); apheresis platelets come suspended in the donor's plasma with a
few red cells, so they follow the plasma rule for ABO and the red-cell rule for Rh.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from roster.cover import Candidate, rank_cover
from roster.data import (
    Assignment,
    Donation,
    Person,
    ProblemData,
    Product,
    Settings,
    StatusKind,
    StrEnum,
)
from roster.io.vocabulary import BLOOD_GROUPS as GROUPS

ANTIGENS = {"O": frozenset(), "A": frozenset("A"), "B": frozenset("B"), "AB": frozenset("AB")}
APHERESIS = frozenset({Product.PLATELETS, Product.PLASMA})
COVID = frozenset({StatusKind.F0, StatusKind.F1})


class Match(StrEnum):
    """How well a donor's group fits the patient's; the ranking's first key, best first."""

    IDENTICAL = "identical"  # same ABO group and Rh
    SAME_ABO = "same_abo"  # same ABO group, Rh-negative donor for an Rh-positive patient
    COMPATIBLE = "compatible"  # a different ABO group the chart allows


MATCH_RANK = {m: i for i, m in enumerate(Match)}


def _derive(product: Product, donor: str, patient: str) -> Match | None:
    """The chart's cell for (product, donor, patient), from antigens: None when not allowed."""
    d_abo, d_rh = donor[:-1], donor[-1]
    p_abo, p_rh = patient[:-1], patient[-1]
    rh_ok = d_rh == "-" or p_rh == "+"
    if product == Product.WHOLE_BLOOD:
        ok = ANTIGENS[d_abo] <= ANTIGENS[p_abo] and rh_ok
    else:  # the donor's plasma must not attack the patient's cells
        ok = ANTIGENS[d_abo] >= ANTIGENS[p_abo] and (product == Product.PLASMA or rh_ok)
    if not ok:
        return None
    if donor == patient:
        return Match.IDENTICAL
    return Match.SAME_ABO if d_abo == p_abo else Match.COMPATIBLE


# (product, donor group, patient group) -> match; a missing cell means "may not give".
COMPATIBILITY: dict[tuple[Product, str, str], Match] = {
    (product, donor, patient): match
    for product in Product
    for donor in GROUPS
    for patient in GROUPS
    if (match := _derive(product, donor, patient)) is not None
}


@dataclass(frozen=True)
class Note:
    """A reason someone may not give, or a flag on someone who may; ``until`` ends a reason."""

    key: str
    values: dict[str, object] = field(default_factory=dict, hash=False)
    until: date | None = None  # first day the reason no longer holds; None: not by waiting


# ---------------------------------------------------------------------------- eligibility


def _birthday(born: date, age: int) -> date:
    """The day a person born on ``born`` turns ``age`` (29 February -> 1 March)."""
    try:
        return born.replace(year=born.year + age)
    except ValueError:
        return date(born.year + age, 3, 1)


def _age(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _blocks(data: ProblemData, person: Person, product: Product, day: date) -> list[Note]:
    """Every rule that stops ``person`` giving ``product`` on ``day``."""
    s = data.settings
    notes = _age_blocks(person, day, s) + _weight_blocks(person, product, s)
    for status in data.statuses:
        if status.person != person.id or status.status not in COVID or status.date_from > day:
            continue
        until = status.date_to + timedelta(days=s.donor_deferral_after_covid_days)
        values = {"status": status.status, "start": status.date_from, "end": status.date_to}
        if status.covers(day):
            notes.append(Note("covid_now", values, until))
        elif day < until:
            notes.append(
                Note("covid_recent", {**values, "days": s.donor_deferral_after_covid_days}, until)
            )
    given = sorted(
        (d for d in data.donations if d.person == person.id and d.date <= day), key=_when
    )
    if given:
        last = given[-1]
        wait = _interval(last.product, s)
        if (day - last.date).days < wait:
            values = {"product": last.product, "when": last.date, "days": wait}
            notes.append(Note("interval_last", values, last.date + timedelta(days=wait)))
        whole = [d for d in given if d.product == Product.WHOLE_BLOOD]
        wait = s.donor_whole_blood_interval_days
        if (
            product == Product.WHOLE_BLOOD
            and whole
            and whole[-1] is not last
            and (day - whole[-1].date).days < wait
        ):
            values = {"when": whole[-1].date, "days": wait}
            notes.append(
                Note("interval_whole_blood", values, whole[-1].date + timedelta(days=wait))
            )
    return notes


def _when(donation: Donation) -> date:
    return donation.date


def _interval(product: Product, settings: Settings) -> int:
    if product in APHERESIS:
        return settings.donor_apheresis_interval_days
    return settings.donor_whole_blood_interval_days


def _age_blocks(person: Person, day: date, s: Settings) -> list[Note]:
    if person.birth_date is None:
        return [Note("no_birth_date")]
    age = _age(person.birth_date, day)
    values = {"age": age, "low": s.donor_min_age, "high": s.donor_max_age}
    if age < s.donor_min_age:
        return [Note("too_young", values, _birthday(person.birth_date, s.donor_min_age))]
    if age > s.donor_max_age:
        return [Note("too_old", values)]
    return []


def _weight_blocks(person: Person, product: Product, s: Settings) -> list[Note]:
    if person.weight_kg is None:
        return [Note("no_weight")]
    if product in APHERESIS:
        low = s.donor_min_weight_apheresis_kg
    else:
        low = min(s.donor_min_weight_whole_blood_kg, s.donor_min_weight_250ml_kg)
    if person.weight_kg < low:
        return [Note("underweight", {"weight": person.weight_kg, "product": product, "low": low})]
    return []


def eligible_from(data: ProblemData, person: Person, product: Product, day: date) -> date | None:
    """The first day from ``day`` on when ``person`` may give ``product``; None: not by waiting.

    Each pass jumps to the latest end of the reasons found, which is always later than the
    day tried, and reasons are finitely many (statuses, donations, birthdays), so it ends.
    """
    when = day
    while notes := _blocks(data, person, product, when):
        if any(n.until is None for n in notes):
            return None
        when = max(n.until for n in notes if n.until is not None)
    return when


# ---------------------------------------------------------------------------- the search


@dataclass(frozen=True)
class Donor:
    """Someone who may give: why they rank where they do, their shift and its cover."""

    person: Person
    match: Match
    last_donation: Donation | None
    days_since: int | None  # None: never gave
    shift: Assignment | None  # their shift that day (needs a roster)
    cover: Candidate | None  # the best person to take it, when one can
    flags: tuple[Note, ...]


@dataclass(frozen=True)
class Excluded:
    """A registered donor of a fitting group who may not give that day, and until when."""

    person: Person
    match: Match
    reasons: tuple[Note, ...]
    eligible_from: date | None


@dataclass(frozen=True)
class DonorSearch:
    need: str
    product: Product
    day: date
    eligible: tuple[Donor, ...]
    excluded: tuple[Excluded, ...]
    other_groups: int  # registered donors whose group cannot give this product to this patient
    unregistered: int  # people with no blood group on the People sheet
    roster: bool  # whether duty that day was known


def find_donors(
    data: ProblemData,
    need: str,
    product: Product,
    day: date,
    assignments: Sequence[Assignment] | None = None,
) -> DonorSearch:
    """Who may give ``product`` to a ``need`` patient on ``day``, ranked; who may not, and why.

    Ranking: identical group, then same ABO group, then other compatible groups; within
    each, the longest since their last donation first (never = longest); then those off
    duty that day before those on duty; then id.  Excluded donors come soonest-eligible
    first.  With ``assignments`` (a roster), each donor on duty gets the best cover
    from ``roster.cover.rank_cover``.
    """
    shifts = {a.person: a for a in assignments or () if a.date == day}
    eligible: list[Donor] = []
    excluded: list[Excluded] = []
    other = unregistered = 0
    for person in data.people:
        if not person.blood_group:
            unregistered += 1
            continue
        match = COMPATIBILITY.get((product, person.blood_group, need))
        if match is None:
            other += 1
            continue
        reasons = _blocks(data, person, product, day)
        if reasons:
            first = eligible_from(data, person, product, day)
            excluded.append(Excluded(person, match, tuple(reasons), first))
            continue
        given = [d for d in data.donations if d.person == person.id and d.date <= day]
        last = max(given, key=_when, default=None)
        eligible.append(
            Donor(
                person=person,
                match=match,
                last_donation=last,
                days_since=None if last is None else (day - last.date).days,
                shift=shifts.get(person.id),
                cover=None,
                flags=_flags(data, person, product, need, match, day),
            )
        )
    eligible.sort(key=_rank)
    if assignments:
        eligible = [_with_cover(data, assignments, d) for d in eligible]
    excluded.sort(key=lambda e: (e.eligible_from or date.max, MATCH_RANK[e.match], e.person.id))
    return DonorSearch(
        need, product, day, tuple(eligible), tuple(excluded), other, unregistered, bool(assignments)
    )


def _rank(donor: Donor) -> tuple[int, float, bool, str]:
    since = float("inf") if donor.days_since is None else donor.days_since
    return MATCH_RANK[donor.match], -since, donor.shift is not None, donor.person.id


def _flags(
    data: ProblemData, person: Person, product: Product, need: str, match: Match, day: date
) -> tuple[Note, ...]:
    flags = []
    s = data.settings
    weight = person.weight_kg
    if (
        product == Product.WHOLE_BLOOD
        and weight is not None
        and weight < s.donor_min_weight_whole_blood_kg
    ):
        flags.append(Note("only_250ml", {"weight": weight}))
    if product == Product.PLATELETS and match == Match.COMPATIBLE:
        flags.append(Note("abo_compatible_platelets", {"donor": person.blood_group, "need": need}))
    for status in data.statuses:
        if status.person == person.id and status.covers(day) and status.status not in COVID:
            flags.append(Note("status_that_day", {"status": status.status}))
    return tuple(flags)


def _with_cover(data: ProblemData, assignments: Sequence[Assignment], donor: Donor) -> Donor:
    if donor.shift is None:
        return donor
    found = rank_cover(
        data, assignments, donor.person.id, donor.shift.date, donor.shift.shift, limit=1
    )
    return replace(donor, cover=found[0] if found else None)


@dataclass(frozen=True)
class Tally:
    """One person's donations in the period: per product, in all, and the latest."""

    person: Person
    counts: dict[Product, int] = field(hash=False)
    total: int
    last: date


def tally(data: ProblemData, year: int | None = None) -> list[Tally]:
    """Donations per person and product (in ``year`` if given), most donations first."""
    by_person: dict[str, list[Donation]] = defaultdict(list)
    for d in data.donations:
        if year is None or d.date.year == year:
            by_person[d.person].append(d)
    rows = [
        Tally(
            person=data.person_by_id[pid],
            counts=dict(Counter(d.product for d in given)),
            total=len(given),
            last=max(d.date for d in given),
        )
        for pid, given in by_person.items()
    ]
    return sorted(rows, key=lambda t: (-t.total, t.person.id))
