"""Small input workbooks built with openpyxl, shared by the reader and CLI tests."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from openpyxl import Workbook

Rows = list[list[object]]


def write_book(path: Path, sheets: dict[str, Rows]) -> Path:
    """Write one sheet per entry, rows as given (the first row is the header)."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def base() -> dict[str, Rows]:
    """A small valid workbook in English: 1..31 August 2021, three shifts, four people."""
    return {
        "Settings": [
            ["key", "value"],
            ["unit", "Công an phường Hòa Thuận Đông"],
            ["start_date", date(2021, 8, 1)],
            ["days", 31],
        ],
        "Shifts": [
            ["id", "name", "start", "end"],
            ["S", "Ca sáng", "06:00", "14:00"],
            ["C", "Ca chiều", time(14), time(22)],
            ["D", "Ca đêm", "22:00", "6:00"],
        ],
        "Areas": [
            ["id", "name", "kind"],
            ["TDP-1", "Tổ dân phố 1", "residential"],
            ["CHOT-1", "Chốt cầu Rồng", "checkpoint"],
            ["DP-TX", "Điều phối từ xa", "remote"],
        ],
        "People": [
            ["id", "name", "role", "origin", "skills", "home_area"],
            ["007", "Nguyễn Văn A", "police", None, "lead, driver", "TDP-1"],
            ["CA002", "Trần Thị B", None, "own", None, None],
            ["DQ1", "Lê Văn C", "militia", None, "medic", None],
            ["Q1", "Phạm Văn D", "police", "district", None, None],
        ],
        "Requirements": [
            ["area", "shift", "min_staff", "min_police"],
            ["TDP-1", "S", 1, 1],
            ["DP-TX", None, 1, None],
        ],
    }
