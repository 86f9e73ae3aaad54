"""roster: shift-coverage rosters for a ward police station (OR-Tools CP-SAT).

The Python API the `roster` command is built on::

    from roster import read_workbook, solve, write_roster, check
    data = read_workbook("inputs/ward-hoa-thuan-dong.xlsx")
    result = solve(data, time_limit=30)
    write_roster(result, "outputs/ward-roster.xlsx")
    assert check(data, result.assignments).ok
"""

from importlib import import_module
from typing import TYPE_CHECKING

# Where each public name lives. They are loaded on first use (PEP 562), so that importing
# the package, or a command that needs no solver, does not pay for OR-Tools.
_HOME = {
    "Assignment": "roster.data",
    "ProblemData": "roster.data",
    "InputError": "roster.errors",
    "Problem": "roster.errors",
    "read_workbook": "roster.load",
    "read_workbook_with_warnings": "roster.load",
    "read_assignments": "roster.io.writer",
    "write_roster": "roster.io.writer",
    "Result": "roster.result",
    "Status": "roster.result",
    "SolveControl": "roster.solver",
    "solve": "roster.solver",
    "CheckReport": "roster.findings",
    "Gap": "roster.findings",
    "Violation": "roster.findings",
    "check": "roster.verify",
}


def __getattr__(name: str) -> object:
    if name in _HOME:
        return getattr(import_module(_HOME[name]), name)
    raise AttributeError(f"module 'roster' has no attribute {name!r}")


if TYPE_CHECKING:
    from roster.data import Assignment, ProblemData
    from roster.errors import InputError, Problem
    from roster.findings import CheckReport, Gap, Violation
    from roster.io.writer import read_assignments, write_roster
    from roster.load import read_workbook, read_workbook_with_warnings
    from roster.result import Result, Status
    from roster.solver import SolveControl, solve
    from roster.verify import check

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
