"""The name of every rule, defined once: the model, the checker, reports and tests all use these.

A rule's value is what a test asserts on; what a commander reads is its label in the text
catalogue (``rule.<value>`` in ``roster.text``, one per language).
"""

from __future__ import annotations

from roster.data import StrEnum


class Rule(StrEnum):
    ONE_SHIFT_PER_DAY = "one_shift_per_day"
    ONE_PLACE_PER_SHIFT = "one_place_per_shift"
    MIN_REST = "min_rest"
    MAX_CONSECUTIVE_DAYS = "max_consecutive_days"
    MAX_SHIFTS_PER_WEEK = "max_shifts_per_week"
    MAX_NIGHTS_PER_WEEK = "max_nights_per_week"
    AVAILABILITY_WINDOW = "availability_window"
    STATUS = "status"
    FIXED = "fixed"
    MAX_STAFF = "max_staff"
    MODE = "mode"
    NO_DEMAND = "no_demand"
    UNKNOWN_ID = "unknown_id"
    FORBIDDEN_SUCCESSION = "forbidden_succession"
    MAX_SHIFTS_BY_TYPE = "max_shifts_by_type"
    TOTAL_MINUTES = "total_minutes"
    MIN_CONSECUTIVE_SHIFTS = "min_consecutive_shifts"
    MIN_DAYS_OFF_IN_ROW = "min_days_off_in_row"
    MAX_WEEKENDS = "max_weekends"
