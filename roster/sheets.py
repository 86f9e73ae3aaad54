"""Duty sheets from a roster: PDF sheets and cards, print-ready Excel, daily messages, coverage PNG.

A roster may have been edited by hand after solving; the sheets are still written (the
commander decides), but ``edit_warnings`` re-checks it against every rule first so that what
the edit broke is said before anything is printed and pinned on the wall.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from roster.data import Assignment, ProblemData
from roster.errors import OutputError
from roster.findings import Violation
from roster.reports.message import write_messages
from roster.reports.sheets_xlsx import write_duty_xlsx
from roster.reports.view import day_views
from roster.text import rule_label, say
from roster.verify import check

FORMATS = ("pdf", "xlsx", "txt", "png")
GAP_LINES = 20  # short places listed one by one before the rest are only counted
DUTY_PDF, CARDS_PDF, DUTY_XLSX, COVERAGE_PNG = (
    "duty-sheets.pdf",
    "duty-cards.pdf",
    "duty-sheets.xlsx",
    "coverage.png",
)


def days_between(data: ProblemData, date_from: date | None, date_to: date | None) -> list[date]:
    """The horizon's days from ``date_from`` to ``date_to`` inclusive (either end may be open)."""
    if date_from and date_to and date_from > date_to:
        raise ValueError(f"--from {date_from:%d/%m/%Y} is after --to {date_to:%d/%m/%Y}")
    first = date_from or data.settings.start_date
    last = date_to or data.settings.end_date
    days = [d for d in data.dates if first <= d <= last]
    if not days:
        raise ValueError(
            f"{first:%d/%m/%Y} – {last:%d/%m/%Y} lies outside the roster's horizon "
            f"{data.settings.start_date:%d/%m/%Y} – {data.settings.end_date:%d/%m/%Y}"
        )
    return days


def parse_formats(text: str | Iterable[str]) -> tuple[str, ...]:
    """``pdf,xlsx`` -> ("pdf", "xlsx"); an unknown format is an error, not silently skipped."""
    items = text.split(",") if isinstance(text, str) else list(text)
    formats = tuple(dict.fromkeys(f.strip().lower() for f in items if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ValueError(f"some of {','.join(FORMATS)}, comma separated (not {','.join(unknown)})")
    return formats


def edit_warnings(
    data: ProblemData, assignments: Sequence[Assignment], limit: int = GAP_LINES
) -> list[str]:
    """One line per broken rule of a (hand-edited) roster, then the places it leaves short.

    The checker's message names every date involved (both shifts of a rest violation, both
    ends of a run of days); the line leads with the rule and the person so it can be scanned.
    A removed person breaks no rule but leaves a gap, so gaps are listed too (``limit`` lines).
    """
    report = check(data, assignments)
    lines = [_warning(data, v) for v in report.violations]
    for g in report.gaps[:limit]:
        lines.append(
            say(
                "sheets.gap",
                data,
                date=f"{g.date:%d/%m/%Y}",
                shift=g.shift,
                area=g.area,
                assigned=g.assigned,
                needed=g.needed,
                missing=g.missing,
            )
        )
    if len(report.gaps) > limit:
        lines.append(say("sheets.more_gaps", data, n=len(report.gaps) - limit))
    return lines


def _warning(data: ProblemData, v: Violation) -> str:
    person = data.person_by_id.get(v.person or "")
    who = f"{person.name} ({person.id})" if person else (v.person or "-")
    when = f"{v.date:%d/%m/%Y}" if v.date else "-"
    return f"[{rule_label(v.rule, data)}] {who}, {when}: {v.message}"


def write_sheets(
    data: ProblemData,
    assignments: Sequence[Assignment],
    out_dir: str | os.PathLike[str],
    formats: Sequence[str] = FORMATS,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[Path]:
    """Write the chosen outputs for the days ``date_from`` .. ``date_to`` into ``out_dir``."""
    formats = parse_formats(formats)
    days = days_between(data, date_from, date_to)
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write in {folder}: {exc.strerror or exc}") from exc
    gaps = check(data, assignments).gaps
    views = day_views(data, assignments, gaps, days)
    paths: list[Path] = []
    try:
        if "pdf" in formats:
            from roster.reports.sheets_pdf import write_cards_pdf, write_duty_pdf  # fpdf: slow

            paths.append(write_duty_pdf(data, views, folder / DUTY_PDF))
            paths.append(write_cards_pdf(data, assignments, days, folder / CARDS_PDF))
        if "xlsx" in formats:
            paths.append(write_duty_xlsx(data, views, folder / DUTY_XLSX))
        if "txt" in formats:
            paths += write_messages(data, views, folder)
        if "png" in formats:
            from roster.reports.coverage_png import write_coverage_png  # matplotlib: slow

            paths.append(write_coverage_png(data, assignments, gaps, days, folder / COVERAGE_PNG))
    except OSError as exc:
        raise OutputError(f"cannot write in {folder}: {exc.strerror or exc}") from exc
    return paths
