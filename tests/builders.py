"""The one place tests build their inputs: workbook rows, problem data and the bundled files.

Workbook builders give rows to write with openpyxl (what a person would type); problem
builders give `ProblemData` directly, for tests of the model, the checker and the reports.
"""

from __future__ import annotations

import importlib.util
from datetime import date, time, timedelta
from pathlib import Path
from types import ModuleType

from openpyxl import Workbook

from roster.data import Area, Assignment, Person, ProblemData, Requirement, Role, Settings, Shift
from roster.load import read_workbook

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "inputs" / "ward-hoa-thuan-dong.xlsx"

Rows = list[list[object]]

START = date(2021, 8, 9)  # a Monday
S = Shift(id="S", name="Ca sáng", start=time(6), end=time(14), night=False)
C = Shift(id="C", name="Ca chiều", start=time(14), end=time(22), night=False)
D = Shift(id="D", name="Ca đêm", start=time(22), end=time(6), night=True)
SHIFTS = (S, C, D)
AREAS = (Area(id="A", name="Tổ dân phố 1"), Area(id="R", name="Từ xa", kind="remote"))


# --- workbooks -----------------------------------------------------------------------------


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


# --- problem data --------------------------------------------------------------------------


def problem(
    people=(),
    requirements=(),
    days: int = 7,
    *,
    start: date = START,
    shifts: tuple[Shift, ...] = SHIFTS,
    areas: tuple[Area, ...] = AREAS,
    **fields: object,
) -> ProblemData:
    """A ward of ``days`` days; keyword arguments that name a setting go to `Settings`, the
    others (statuses, fixed, history, requests, ...) to `ProblemData`."""
    setting_fields = {k: fields.pop(k) for k in list(fields) if k in Settings.model_fields}
    setting_fields.setdefault("unit", "Công an phường Thử")
    return ProblemData(
        settings=Settings(start_date=start, days=days, **setting_fields),
        shifts=shifts,
        areas=areas,
        people=tuple(people),
        requirements=tuple(requirements),
        **fields,
    )


def police(i: int, **fields: object) -> Person:
    """Person ``P{i}``, police of the ward unless ``fields`` say otherwise."""
    return Person(**{"id": f"P{i}", "name": f"Nguyễn Văn {i}", **fields})


def chain_ward() -> tuple[ProblemData, list[Assignment]]:
    """Area A needs one police officer, area B one person, both on the morning shift of one day.
    P1 (police) is on A, P2 (police) on B, M (militia) is free: when P1 leaves, M cannot take
    A (not police) and P2 cannot leave B empty; the chain P2 -> A, M -> B covers both."""
    data = problem(
        [
            Person(id="P1", name="One"),
            Person(id="P2", name="Two"),
            Person(id="M", name="Militia", role=Role.MILITIA),
        ],
        [
            Requirement(area="A", shift="S", min_staff=1, min_police=1),
            Requirement(area="B", shift="S", min_staff=1),
        ],
        days=1,
        start=date(2021, 8, 1),
        shifts=(Shift(id="S", start=time(6), end=time(14), night=False),),
        areas=(Area(id="A"), Area(id="B")),
        unit="test",
    )
    day = data.settings.start_date
    roster = [
        Assignment(date=day, shift="S", area="A", person="P1"),
        Assignment(date=day, shift="S", area="B", person="P2"),
    ]
    return data, roster


def example_days(days: int) -> ProblemData:
    """The bundled example cut to its first ``days`` days, so a solve takes a second."""
    data = read_workbook(EXAMPLE)
    settings = data.settings.model_copy(update={"days": days})
    first, last = settings.start_date, settings.start_date + timedelta(days=days - 1)
    return data.model_copy(
        update={
            "settings": settings,
            "requests": tuple(r for r in data.requests if first <= r.date <= last),
            "fixed": tuple(f for f in data.fixed if first <= f.date <= last),
        }
    )


def load_script(relative: str) -> ModuleType:
    """Import a script that lives outside the package (inputs/, benchmarks/) by its path."""
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
