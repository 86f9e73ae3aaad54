"""File, sheet and column names of a city run's outputs (docs: shared/spec/city.md), shared by
the writer and the check across units."""

from __future__ import annotations

from roster.text.contract import CITY_SHEETS

COMMAND_FILE = "command.xlsx"
SUMMARY_FILE = "summary.txt"
MESSAGES = "pool-messages"
ALLOCATION_COLUMNS = ("person", "name", "date", "unit", "shift", "area")
UNIT_COLUMNS = ("unit", "name", "state", "needed", "own", "pool", "short")
REQUEST_COLUMNS = ("from", "to", "shift", "unit", "area", "people", "reason")

__all__ = [
    "ALLOCATION_COLUMNS",
    "CITY_SHEETS",
    "COMMAND_FILE",
    "MESSAGES",
    "REQUEST_COLUMNS",
    "SUMMARY_FILE",
    "UNIT_COLUMNS",
]
