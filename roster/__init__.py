"""roster: shift-coverage rosters for a ward police station (OR-Tools CP-SAT).

The Python API the `roster` command is built on::

    from roster import read_workbook, solve, write_roster, check
    data = read_workbook("inputs/ward-hoa-thuan-dong.xlsx")
    result = solve(data, time_limit=30)
    write_roster(result, "outputs/ward-roster.xlsx")
    assert check(data, result.assignments).ok
"""

from roster.data import Assignment, ProblemData
from roster.errors import InputError, Problem
from roster.io.workbook import read_workbook, read_workbook_with_warnings
from roster.io.writer import read_assignments, write_roster
from roster.result import Result, Status
from roster.solve import SolveControl, solve
from roster.verify import CheckReport, Gap, Violation, check

__all__ = [
    "Assignment",
    "CheckReport",
    "Gap",
    "InputError",
    "Problem",
    "ProblemData",
    "Result",
    "SolveControl",
    "Status",
    "Violation",
    "check",
    "read_assignments",
    "read_workbook",
    "read_workbook_with_warnings",
    "solve",
    "write_roster",
]
