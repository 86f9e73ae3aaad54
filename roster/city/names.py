"""File, sheet and column names of a city run's outputs (docs: shared/spec/city.md), shared by
the writer and the check across units. Columns are keys of the catalogue (``city_column``), so
the headers follow the pool's ``language`` and either language is read back."""

from __future__ import annotations

from roster.text.contract import CITY_SHEETS

COMMAND_FILE = "command.xlsx"
SUMMARY_FILE = "summary.txt"
MESSAGES = "pool-messages"
ALLOCATION_COLUMNS = ("person", "name", "date", "unit", "shift", "area")
UNIT_COLUMNS = ("unit", "unit_name", "state", "needed", "own", "pool", "short")
REQUEST_COLUMNS = ("from", "to", "shift", "unit", "area", "people", "reason")
OFFICER_COLUMNS = ("person", "name", "group", "shifts", "units")
FIGURE_COLUMNS = ("key", "value")

__all__ = [
    "ALLOCATION_COLUMNS",
    "CITY_SHEETS",
    "COMMAND_FILE",
    "FIGURE_COLUMNS",
    "MESSAGES",
    "OFFICER_COLUMNS",
    "REQUEST_COLUMNS",
    "SUMMARY_FILE",
    "UNIT_COLUMNS",
]
