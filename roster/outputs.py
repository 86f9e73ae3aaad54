"""Where each command's outputs go, and the rule every output keeps: never over an input.

The names are the library's, not the command line's, so that any front end writes the same
files; a name that resolves to an input (a link, or `-o` pointing at the input's folder with
a matching name) is refused rather than written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from roster.errors import OutputError
from roster.text import both


def refuse_overwrite(target: Path, *inputs: Path) -> Path:
    """`target`, unless it is one of `inputs` (after links are followed)."""
    if target.resolve() in {p.resolve() for p in inputs}:
        raise OutputError(both("cli.no_overwrite"))
    return target


def new_file(path: Path) -> Path:
    """`path`, which must not exist yet: a blank template never replaces a file."""
    if path.exists():
        raise OutputError(f"{path} {both('cli.exists')}")
    return path


def roster_path(folder: Path, workbook: Path) -> Path:
    """`roster solve`'s roster: ``<folder>/<workbook name>-roster.xlsx``."""
    return refuse_overwrite(folder / f"{workbook.stem}-roster.xlsx", workbook)


def replan_path(folder: Path, workbook: Path, roster: Path, date_from: date) -> Path:
    """`roster replan`'s roster, named for the first re-planned day."""
    target = folder / f"{workbook.stem}-replan-{date_from:%Y-%m-%d}.xlsx"
    return refuse_overwrite(target, workbook, roster)


def cover_path(
    folder: Path, workbook: Path, roster: Path, person: str, day: date, shift: str
) -> Path:
    """`roster cover --apply`'s roster, named for the roster and the shift covered."""
    target = folder / f"{roster.stem}-cover-{person}-{day:%Y-%m-%d}-{shift}.xlsx"
    return refuse_overwrite(target, workbook, roster)


def f1_path(folder: Path, workbook: Path, person: str, day: date) -> Path:
    """`roster trace --mark-f1`'s copy of the input workbook with the contacts as F1."""
    return refuse_overwrite(folder / f"{workbook.stem}-f1-{person}-{day:%Y-%m-%d}.xlsx", workbook)


def sheets_dir(roster: Path) -> Path:
    """Where a roster's duty sheets go: beside it, in ``<roster name>-sheets``."""
    return roster.parent / f"{roster.stem}-sheets"
