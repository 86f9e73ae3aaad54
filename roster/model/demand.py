"""Demand cells: requirement rows merged per (day, shift, area, mode).

Every row must hold on its own, and all rows of one mode count the same people, so
merging rows by taking the largest minimum and the smallest maximum is exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roster.data import Mode, ProblemData


@dataclass
class Cell:
    """What one (day, shift, area, mode) needs."""

    day: int
    shift: str
    area: str
    mode: Mode
    min_staff: int = 0
    min_police: int = 0
    skills: set[str] = field(default_factory=set)
    max_staff: int | None = None
    rows: list[int] = field(default_factory=list)

    @property
    def key(self) -> tuple[int, str, str, Mode]:
        return (self.day, self.shift, self.area, self.mode)

    @property
    def lower(self) -> int:
        """The fewest people that could ever meet this cell (one per skill at most)."""
        return max(self.min_staff, self.min_police, 1 if self.skills else 0)


def demand_cells(data: ProblemData) -> dict[tuple[int, str, str, Mode], Cell]:
    """All cells with at least one requirement row, keyed by (day, shift, area, mode)."""
    cells: dict[tuple[int, str, str, Mode], Cell] = {}
    for req in data.requirements:
        shifts = [req.shift] if req.shift is not None else [s.id for s in data.shifts]
        for d, day in enumerate(data.dates):
            for s in shifts:
                if not req.applies(day, s):
                    continue
                key = (d, s, req.area, req.mode)
                cell = cells.get(key)
                if cell is None:
                    cell = cells[key] = Cell(d, s, req.area, req.mode)
                cell.min_staff = max(cell.min_staff, req.min_staff)
                cell.min_police = max(cell.min_police, req.min_police)
                if req.skill:
                    cell.skills.add(req.skill)
                if req.max_staff is not None:
                    cell.max_staff = (
                        req.max_staff
                        if cell.max_staff is None
                        else min(cell.max_staff, req.max_staff)
                    )
                cell.rows.append(req.row)
    return cells
