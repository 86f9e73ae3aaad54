"""File, sheet and column names of a city run's outputs (docs: shared/spec/city.md), shared by
the writer and the check across units."""

from __future__ import annotations

COMMAND_FILE = "command.xlsx"
SUMMARY_FILE = "summary.txt"
MESSAGES = "pool-messages"
CITY_SHEETS: dict[str, tuple[str, str]] = {
    "allocation": ("Allocation", "Điều động"),
    "units": ("Units", "Đơn vị"),
    "requests": ("Requests above", "Đề nghị cấp trên"),
    "coverage": ("Coverage", "Mức bảo đảm"),
    "officers": ("Pool totals", "Tổng hợp tăng cường"),
    "figures": ("Figures", "Số liệu"),
}
ALLOCATION_COLUMNS = ("person", "name", "date", "unit", "shift", "area")
UNIT_COLUMNS = ("unit", "name", "state", "needed", "own", "pool", "short")
REQUEST_COLUMNS = ("from", "to", "shift", "unit", "area", "people", "reason")
