"""Frozen problem data: everything the model, the checker and the reports need, and nothing else.

The workbook reader (``roster.io.workbook``) and the benchmark readers produce a
``ProblemData``; nothing here knows about Excel or OR-Tools.  Every date is a real
``datetime.date``; the horizon is ``settings.start_date`` .. ``+ settings.days - 1``.
Status rows arrive with their ``date_to`` already resolved (isolation rules applied).
"""

from __future__ import annotations

from datetime import date, time, timedelta
from enum import Enum
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class StrEnum(str, Enum):
    """A string enum that prints as its value (Python 3.10 has no ``enum.StrEnum``)."""

    def __str__(self) -> str:
        return self.value


class Role(StrEnum):
    POLICE = "police"
    MILITIA = "militia"
    CIVIL_DEFENCE = "civil_defence"
    VOLUNTEER = "volunteer"


class Origin(StrEnum):
    OWN = "own"
    DISTRICT = "district"
    CITY = "city"

    @property
    def distance(self) -> int:
        """How far the person comes from (own 0, district 1, city 2): the greedy roster and
        cover plans call on the nearer first, and the objective charges this per shift."""
        return ORIGIN_DISTANCE[self]


ORIGIN_DISTANCE = {Origin.OWN: 0, Origin.DISTRICT: 1, Origin.CITY: 2}


class Mode(StrEnum):
    ONSITE = "onsite"
    REMOTE = "remote"


class StatusKind(StrEnum):
    F0 = "F0"
    F1 = "F1"
    LEAVE = "leave"
    SICK = "sick"
    TRAINING = "training"
    UNAVAILABLE = "unavailable"


class RequestType(StrEnum):
    ON = "on"
    OFF = "off"


class Product(StrEnum):
    WHOLE_BLOOD = "whole_blood"
    PLATELETS = "platelets"
    PLASMA = "plasma"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Settings(_Frozen):
    """The `Settings` sheet, with the contract's defaults."""

    unit: str
    start_date: date
    days: int = Field(ge=1, le=366)
    language: str = "vi"
    commander: str = ""
    parent_unit: str = ""
    min_rest_hours: float = Field(default=12, ge=0, le=72)
    max_consecutive_days: int = Field(default=6, ge=1, le=366)
    max_shifts_per_week: int = Field(default=6, ge=0, le=7)
    max_nights_per_week: int = Field(default=3, ge=0, le=7)
    f0_isolation_days: int = Field(default=24, ge=1, le=366)
    f1_quarantine_days: int = Field(default=14, ge=1, le=366)
    f1_remote_duty: bool = True
    time_limit_s: float = Field(default=60, gt=0, le=86400)
    # Order in which anonymous reinforcement places are requested, and optional caps
    # on how many people each superior unit can send (0 = no cap).
    request_order: tuple[Origin, ...] = (Origin.DISTRICT, Origin.CITY)
    request_cap_district: int = Field(default=0, ge=0)
    request_cap_city: int = Field(default=0, ge=0)
    # Weights of the adjustable objective tiers (4) requests, (5) fairness, (6) continuity.
    weight_requests: int = Field(default=10, ge=0, le=1000)
    weight_fairness: int = Field(default=2, ge=0, le=1000)
    weight_continuity: int = Field(default=1, ge=0, le=1000)
    # Blood donation rules (issue 7); defaults from Circular 26/2013/TT-BYT.
    donor_whole_blood_interval_days: int = Field(default=84, ge=0)
    donor_apheresis_interval_days: int = Field(default=14, ge=0)
    donor_min_age: int = Field(default=18, ge=0)
    donor_max_age: int = Field(default=60, ge=0)
    donor_min_weight_whole_blood_kg: float = Field(default=45, ge=0)
    donor_min_weight_apheresis_kg: float = Field(default=50, ge=0)
    donor_min_weight_250ml_kg: float = Field(default=42, ge=0)  # whole blood, 250 ml only
    donor_deferral_after_covid_days: int = Field(default=28, ge=0)
    # Sequence rules (issue 6); a person's own value overrides. The defaults change nothing.
    min_consecutive_shifts: int = Field(default=1, ge=1, le=366)
    min_days_off_in_row: int = Field(default=1, ge=1, le=366)
    max_weekends: int | None = Field(default=None, ge=0)
    # `lexicographic`: coverage first, then the tiers in order; `weighted`: one weighted sum
    # of under/over cover (each requirement's weights), requests, fairness and continuity.
    objective: Literal["lexicographic", "weighted"] = "lexicographic"

    @property
    def end_date(self) -> date:
        return self.start_date + timedelta(days=self.days - 1)


class Shift(_Frozen):
    """A shift type; an end at or before the start crosses midnight."""

    id: str
    name: str = ""
    start: time
    end: time
    night: bool
    # Shift ids nobody may work the day after working this one (a rotation rule).
    forbidden_next: frozenset[str] = frozenset()

    @property
    def start_minute(self) -> int:
        return self.start.hour * 60 + self.start.minute

    @property
    def duration_minutes(self) -> int:
        end = self.end.hour * 60 + self.end.minute
        return (
            end - self.start_minute if end > self.start_minute else end + 1440 - self.start_minute
        )


class Area(_Frozen):
    id: str
    name: str = ""
    kind: str = "residential"

    @property
    def is_remote(self) -> bool:
        return self.kind == "remote"


class Person(_Frozen):
    id: str
    name: str
    rank: str = ""
    role: Role = Role.POLICE
    origin: Origin = Origin.OWN
    available_from: date | None = None
    available_to: date | None = None
    home_area: str = ""
    skills: frozenset[str] = frozenset()
    max_shifts_per_week: int | None = Field(default=None, ge=0, le=7)
    phone: str = ""
    blood_group: str = ""
    birth_date: date | None = None
    weight_kg: float | None = None
    # Sequence and workload rules (issue 6); None: no limit, or the setting where one exists.
    max_shifts_by_type: dict[str, int] = Field(default_factory=dict)
    min_total_minutes: int | None = Field(default=None, ge=0)
    max_total_minutes: int | None = Field(default=None, ge=0)
    max_consecutive_shifts: int | None = Field(default=None, ge=1, le=366)
    min_consecutive_shifts: int | None = Field(default=None, ge=1, le=366)
    min_days_off_in_row: int | None = Field(default=None, ge=1, le=366)
    max_weekends: int | None = Field(default=None, ge=0)

    @property
    def is_police(self) -> bool:
        return self.role == Role.POLICE


class Requirement(_Frozen):
    """One demand row; ``mode`` is already resolved (remote for areas of kind remote)."""

    row: int = 0  # the workbook row it came from, for messages
    area: str
    shift: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    weekdays: frozenset[int] | None = None  # 0 = Monday
    min_staff: int = Field(ge=0)
    min_police: int = Field(default=0, ge=0)
    skill: str | None = None
    max_staff: int | None = Field(default=None, ge=0)
    mode: Mode = Mode.ONSITE
    # Penalty per missing / surplus person, used by the `weighted` objective only; the
    # surplus is counted above `min_staff` (a soft target, unlike the hard `max_staff`).
    weight_under: int = Field(default=100, ge=0)
    weight_over: int = Field(default=0, ge=0)

    def applies(self, day: date, shift_id: str) -> bool:
        return (
            (self.shift is None or self.shift == shift_id)
            and (self.date_from is None or day >= self.date_from)
            and (self.date_to is None or day <= self.date_to)
            and (self.weekdays is None or day.weekday() in self.weekdays)
        )


class StatusPeriod(_Frozen):
    """A person's status over an inclusive date range (``date_to`` resolved by the reader)."""

    row: int = 0
    person: str
    status: StatusKind
    date_from: date
    date_to: date
    note: str = ""

    def covers(self, day: date) -> bool:
        return self.date_from <= day <= self.date_to


class IsolationRule(_Frozen):
    status: StatusKind
    effective_from: date
    days: int = Field(ge=1, le=366)


class ShiftRequest(_Frozen):
    person: str
    date: date
    shift: str | None = None  # None: the whole day
    type: RequestType
    weight: int = Field(default=1, ge=0)


class FixedAssignment(_Frozen):
    row: int = 0
    person: str
    date: date
    shift: str
    area: str


class HistoryShift(_Frozen):
    person: str
    date: date
    shift: str


class Donation(_Frozen):
    person: str
    date: date
    product: Product
    note: str = ""


class Assignment(_Frozen):
    """One person on one shift of one day in one area: a row of the `Assignments` sheet."""

    date: date
    shift: str
    area: str
    person: str
    mode: Mode = Mode.ONSITE


class ProblemData(_Frozen):
    """Everything read from one workbook, validated and cross-referenced."""

    settings: Settings
    shifts: tuple[Shift, ...]
    areas: tuple[Area, ...]
    people: tuple[Person, ...]
    requirements: tuple[Requirement, ...] = ()
    statuses: tuple[StatusPeriod, ...] = ()
    isolation_rules: tuple[IsolationRule, ...] = ()
    requests: tuple[ShiftRequest, ...] = ()
    fixed: tuple[FixedAssignment, ...] = ()
    history: tuple[HistoryShift, ...] = ()
    donations: tuple[Donation, ...] = ()

    model_config = ConfigDict(frozen=True, extra="forbid", ignored_types=(cached_property,))

    @model_validator(mode="after")
    def _unique_ids(self) -> ProblemData:
        for label, items in (("shift", self.shifts), ("area", self.areas), ("person", self.people)):
            seen: set[str] = set()
            for item in items:
                if item.id in seen:
                    raise ValueError(f"duplicate {label} id {item.id!r}")
                seen.add(item.id)
        return self

    def model_copy(self, *, update: dict | None = None, deep: bool = False) -> ProblemData:
        """A copy whose lookups (person_by_id, dates ...) are rebuilt, not carried over."""
        copy = super().model_copy(update=update, deep=deep)
        for name, attr in type(self).__dict__.items():
            if isinstance(attr, cached_property):
                copy.__dict__.pop(name, None)
        return copy

    @cached_property
    def dates(self) -> tuple[date, ...]:
        start = self.settings.start_date
        return tuple(start + timedelta(days=i) for i in range(self.settings.days))

    def day_index(self, day: date) -> int:
        return (day - self.settings.start_date).days

    @cached_property
    def person_by_id(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    @cached_property
    def shift_by_id(self) -> dict[str, Shift]:
        return {s.id: s for s in self.shifts}

    @cached_property
    def area_by_id(self) -> dict[str, Area]:
        return {a.id: a for a in self.areas}

    def max_consecutive_shifts(self, person: Person) -> int:
        if person.max_consecutive_shifts is not None:
            return person.max_consecutive_shifts
        return self.settings.max_consecutive_days

    def min_consecutive_shifts(self, person: Person) -> int:
        if person.min_consecutive_shifts is not None:
            return person.min_consecutive_shifts
        return self.settings.min_consecutive_shifts

    def min_days_off_in_row(self, person: Person) -> int:
        if person.min_days_off_in_row is not None:
            return person.min_days_off_in_row
        return self.settings.min_days_off_in_row

    def max_weekends(self, person: Person) -> int | None:
        if person.max_weekends is not None:
            return person.max_weekends
        return self.settings.max_weekends

    def max_shifts_per_week(self, person: Person) -> int:
        if person.max_shifts_per_week is not None:
            return person.max_shifts_per_week
        return self.settings.max_shifts_per_week
