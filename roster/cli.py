"""The `roster` command: a thin layer that parses options, calls the API, prints, and exits.

Exit codes: 0 every place covered by named people; 3 covered only with requested
reinforcements, or gaps remain (outputs still written); 2 bad input; 1 internal error;
130 interrupted before any roster was found.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console

from roster.cover import format_plan, plan_cover
from roster.data import ProblemData, Product
from roster.donors import (
    chat_message,
    find_donors,
    format_search,
    format_tally,
    parse_blood_group,
    parse_product,
    tally,
)
from roster.errors import InputError, OutputError
from roster.io.dates import parse_date
from roster.io.template import write_template
from roster.io.workbook import read_workbook_with_warnings
from roster.io.writer import read_assignments, write_roster
from roster.result import Result, Status
from roster.sheets import FORMATS, edit_warnings, parse_formats, write_sheets
from roster.summary import summary_text
from roster.trace import already_isolated, contacts, mark_f1
from roster.verify import check, format_report

if TYPE_CHECKING:
    from roster.solver import ProgressEvent, SolveControl

# The solver (OR-Tools), PDF and plotting libraries are imported by the commands that use
# them: `roster validate`, `check` or `donors` then start in a fraction of a second.

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT, EXIT_GAPS, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
# The largest unit measured to get a checked roster (benchmarks/results/scale.md): 400 people
# for 31 days found one after ~80 s; 2,000 people found none in 300 s and took 5 GB.
MAX_PERSON_DAYS = 12_500
WRITE_RESERVE_S = 3.0  # wall time kept back from the solver for naming, checking and writing
SHEETS_RESERVE_S = 3.0  # and for the duty sheets (about 2.5 s for 28 days of 13 areas)
RESERVE_PERSON_DAYS = 1_240  # the reserves above hold up to about 40 people x 31 days

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def _fail_input(exc: InputError) -> None:
    err.print(f"[bold red]Lỗi dữ liệu đầu vào / input errors: {len(exc.problems)}[/]")
    for problem in exc.problems:
        err.print(f"  - {problem}", markup=False, soft_wrap=True)
    sys.exit(EXIT_INPUT)


def load(path: Path, quiet: bool = False) -> ProblemData:
    """Read and validate a workbook; bad input prints every problem and exits 2."""
    try:
        data, warnings = read_workbook_with_warnings(path)
    except InputError as exc:
        _fail_input(exc)
    if not quiet:
        for w in warnings:
            err.print(f"[yellow]warning:[/] {w}", markup=True)
    return data


class _Progress:
    """Live progress on stderr for solves longer than a couple of seconds."""

    def __init__(self, quiet: bool, after: float = 2.0):
        self.quiet, self.after = quiet, after
        self.last = 0.0

    def __call__(self, event: ProgressEvent) -> None:
        if self.quiet or event.elapsed < self.after or event.elapsed - self.last < 0.5:
            return
        self.last = event.elapsed
        err.print(
            f"  {event.elapsed:6.1f}s  {event.stage:<15} best {event.objective:>10}  "
            f"bound {event.bound:>10}",
            markup=False,
        )


def _install_interrupt(control: SolveControl) -> None:
    """First Ctrl-C (or SIGTERM) stops the search and keeps the best roster; a second quits."""

    def handler(signum, frame):
        if control.interrupted:
            err.print("Dừng ngay, không ghi tệp / stopped, nothing written")
            if control.searching:  # nothing is being written, and C++ threads cannot unwind
                sys.stderr.flush()
                os._exit(EXIT_INTERRUPTED)
            # A half-saved workbook's zip object closes during exit and complains; say nothing.
            sys.unraisablehook = lambda _unraisable: None
            sys.exit(EXIT_INTERRUPTED)
        err.print("Đang dừng, sẽ ghi phương án tốt nhất / stopping, writing the best roster so far")
        control.stop()

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)


def _refuse_too_large(data: ProblemData) -> None:
    """Say up front that a unit is beyond the measured size, rather than fail after minutes."""
    size = len(data.people) * data.settings.days
    if size > MAX_PERSON_DAYS:
        err.print(
            f"Quá lớn / too large: {len(data.people):,} people x {data.settings.days} days = "
            f"{size:,} person-days; roster supports at most {MAX_PERSON_DAYS:,} person-days "
            "(about 400 people for 31 days, with a time limit of 5 minutes or more). "
            "Roster each team or group of areas in its own workbook, or plan fewer days.",
            markup=False,
        )
        sys.exit(EXIT_INPUT)


def _exit_code(result: Result) -> int:
    if result.status == Status.INTERRUPTED:
        return EXIT_INTERRUPTED
    return EXIT_OK if result.fully_covered else EXIT_GAPS


def _roster_option(help_text: str, required: bool = True):
    """The `--roster ROSTER.xlsx` option the commands that read a solved roster share."""
    return click.option(
        "--roster",
        "roster_file",
        required=required,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help=help_text,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="roster")
def main() -> None:
    """Roster: shift-coverage rosters for a ward police station, from an Excel workbook."""


@main.command("solve")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output-dir",
    "output",
    default="outputs",
    type=click.Path(path_type=Path),
    show_default=True,
    help="Folder for the roster workbook.",
)
@click.option(
    "--time-limit",
    type=float,
    help="Wall-time limit for the whole run, seconds (default: the time_limit_s setting).",
)
@click.option(
    "--workers", type=click.IntRange(1, 64), default=2, show_default=True, help="Solver threads."
)
@click.option("--seed", type=int, default=0, show_default=True, help="Solver random seed.")
@click.option("--quiet", is_flag=True, help="No progress lines, only the summary.")
@click.option(
    "--no-sheets", is_flag=True, help="Do not write the duty sheets (OUTPUT/<name>-roster-sheets)."
)
def solve_cmd(
    workbook: Path,
    output: Path,
    time_limit: float | None,
    workers: int,
    seed: int,
    quiet: bool,
    no_sheets: bool,
) -> None:
    """Solve WORKBOOK and write OUTPUT/<name>-roster.xlsx and its duty sheets."""
    from roster.model.build import ModelError
    from roster.solver import InternalError, Interrupted, SolveControl, solve

    t0 = time.monotonic()
    control = SolveControl()
    _install_interrupt(control)  # before reading: Ctrl-C during a long read is no traceback
    data = load(workbook, quiet)
    _refuse_too_large(data)
    target = output / f"{workbook.stem}-roster.xlsx"
    if target.resolve() == workbook.resolve():
        err.print("Không ghi đè lên tệp đầu vào / refusing to overwrite the input workbook")
        sys.exit(EXIT_INPUT)
    limit = data.settings.time_limit_s if time_limit is None else time_limit
    # Writing grows with the unit: 400 people x 31 days took about 50 s after the search.
    scale = max(1.0, len(data.people) * data.settings.days / RESERVE_PERSON_DAYS)
    reserve = scale * (WRITE_RESERVE_S + (0.0 if no_sheets else SHEETS_RESERVE_S))
    budget = max(limit - (time.monotonic() - t0) - min(reserve, limit / 2), 0.5)
    try:
        result = solve(
            data,
            time_limit=budget,
            workers=workers,
            seed=seed,
            progress=_Progress(quiet),
            control=control,
        )
    except Interrupted as exc:
        err.print(f"Đã dừng / interrupted: {exc}", markup=False)
        sys.exit(EXIT_INTERRUPTED)
    except (InternalError, ModelError) as exc:
        err.print(f"[bold red]Lỗi nội bộ / internal error:[/] {exc}")
        sys.exit(EXIT_INTERNAL)
    if result.status == Status.INFEASIBLE:
        err.print(
            "[bold red]Các dòng Cố định / Lịch sử mâu thuẫn với quy định nghỉ ngơi; "
            "fixed or history rows contradict the work-rest rules.[/]"
        )
        sys.exit(EXIT_INPUT)
    try:
        path = write_roster(result, target)
        sheets = [] if no_sheets else _write_sheets(data, result.assignments, _sheets_dir(path))
    except OutputError as exc:
        err.print(f"[bold red]{exc}[/]")
        sys.exit(EXIT_INTERNAL)
    out.print(summary_text(result, path, time.monotonic() - t0), markup=False, soft_wrap=True)
    if sheets:
        out.print(f"Lịch trực / duty sheets: {sheets[0].parent}", markup=False)
    sys.exit(_exit_code(result))


@main.command("validate")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def validate_cmd(workbook: Path) -> None:
    """Read WORKBOOK, report every problem, and summarise what was read."""
    data = load(workbook)
    s = data.settings
    roles = Counter((p.role.value, p.origin.value) for p in data.people)
    kinds = Counter(a.kind for a in data.areas)
    statuses = Counter(st.status.value for st in data.statuses)
    out.print(
        f"{s.unit}: {s.start_date:%d/%m/%Y} – {s.end_date:%d/%m/%Y} ({s.days} days)", markup=False
    )
    out.print(
        f"People: {len(data.people)}  "
        + ", ".join(f"{r}/{o}: {n}" for (r, o), n in sorted(roles.items())),
        markup=False,
    )
    out.print(
        f"Areas: {len(data.areas)}  " + ", ".join(f"{k}: {n}" for k, n in sorted(kinds.items())),
        markup=False,
    )
    out.print(
        f"Shifts: {', '.join(x.id for x in data.shifts)}   "
        f"Requirement rows: {len(data.requirements)}",
        markup=False,
    )
    out.print(
        "Statuses: " + (", ".join(f"{k}: {n}" for k, n in sorted(statuses.items())) or "none"),
        markup=False,
    )
    out.print(
        f"Requests: {len(data.requests)}  Fixed: {len(data.fixed)}  History: {len(data.history)}",
        markup=False,
    )
    out.print("OK", markup=False)


@main.command("check")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument(
    "roster_file", metavar="ROSTER", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
def check_cmd(workbook: Path, roster_file: Path) -> None:
    """Check ROSTER (for example one edited by hand) against every rule of WORKBOOK."""
    data = load(workbook)
    try:
        assignments = read_assignments(roster_file)
    except InputError as exc:
        _fail_input(exc)
    report = check(data, assignments)
    out.print(format_report(report, data), markup=False)
    if report.violations:
        sys.exit(EXIT_INTERNAL)
    sys.exit(EXIT_GAPS if report.gaps else EXIT_OK)


@main.command("template")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--language",
    type=click.Choice(["vi", "en"]),
    default="vi",
    show_default=True,
    help="Sheet and column names.",
)
def template_cmd(path: Path, language: str) -> None:
    """Write a blank input workbook with headers, notes and drop-downs at PATH."""
    if path.exists():
        err.print(f"{path} đã tồn tại / already exists")
        sys.exit(EXIT_INPUT)
    write_template(path, language=language)
    out.print(f"{path}", markup=False)


def _parsed(parse):
    """A click callback: the option parsed by ``parse``; a bad value is a usage error (exit 2)."""

    def callback(ctx: click.Context, param: click.Parameter, value: str | None):
        if value is None:
            return None
        try:
            return parse(value)
        except ValueError as exc:
            raise click.BadParameter(f"{value!r}: expected {exc}") from None

    return callback


@main.command("donors")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--need", callback=_parsed(parse_blood_group), help="Patient's group, e.g. B+.")
@click.option(
    "--product",
    callback=_parsed(parse_product),
    help="whole_blood, platelets or plasma (Vietnamese accepted).",
)
@click.option("--date", "day", callback=_parsed(parse_date), help="2021-08-20 or 20/8/2021.")
@_roster_option("Solved roster: who is on duty that day, and who can cover them.", required=False)
@click.option("--report", is_flag=True, help="Donations per person and product instead.")
@click.option("--year", type=int, help="With --report: only this year's donations.")
@click.option(
    "--min-times",
    type=click.IntRange(1),
    default=3,
    show_default=True,
    help="With --report: list who has given at least this many times.",
)
def donors_cmd(
    workbook: Path,
    need: str | None,
    product: Product | None,
    day: date | None,
    roster_file: Path | None,
    report: bool,
    year: int | None,
    min_times: int,
) -> None:
    """Rank the blood donors of WORKBOOK who may give PRODUCT to a NEED patient on DATE."""
    if not report and (need is None or product is None or day is None):
        raise click.UsageError("give --need, --product and --date, or --report")
    data = load(workbook)
    if report:
        click.echo(format_tally(data, tally(data, year), min_times, year))
        return
    assignments = None
    if roster_file is not None:
        try:
            assignments = read_assignments(roster_file)
        except InputError as exc:
            _fail_input(exc)
    search = find_donors(data, need, product, day, assignments)
    click.echo(format_search(data, search))
    click.echo("\n" + chat_message(data, search))


def _sheets_dir(roster_path: Path) -> Path:
    """Where a roster's duty sheets go: beside it, in ``<roster name>-sheets``."""
    return roster_path.parent / f"{roster_path.stem}-sheets"


def _write_sheets(data: ProblemData, assignments, folder: Path, **options) -> list[Path]:
    """Write the duty sheets; a date range outside the horizon is bad input (exit 2)."""
    try:
        return write_sheets(data, assignments, folder, **options)
    except ValueError as exc:
        err.print(f"[bold red]Lỗi / error:[/] {exc}")
        sys.exit(EXIT_INPUT)


@main.command("sheets")
@click.argument(
    "roster_file", metavar="ROSTER", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--from", "date_from", callback=_parsed(parse_date), help="First day, 2021-08-09 or 9/8/2021."
)
@click.option("--to", "date_to", callback=_parsed(parse_date), help="Last day (inclusive).")
@click.option(
    "--format",
    "formats",
    default=",".join(FORMATS),
    show_default=True,
    callback=_parsed(parse_formats),
    help="Outputs to write, comma separated.",
)
@click.option(
    "-o",
    "--output-dir",
    "output",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the sheets (default: <ROSTER name>-sheets beside ROSTER).",
)
def sheets_cmd(
    roster_file: Path,
    date_from: date | None,
    date_to: date | None,
    formats: tuple[str, ...],
    output: Path | None,
) -> None:
    """Print-ready duty sheets from a solved ROSTER workbook, even one edited by hand.

    Writes the daily sheets and per-person duty cards (PDF), the daily sheets as a print-ready
    workbook, one group-chat message per day (.txt) and the coverage map (PNG). A roster that
    breaks a rule is reported rule by rule on stderr, and the sheets are still written.
    """
    # quiet: the input sheets of a roster workbook are the program's own copy, and its output
    # sheets are not input sheets; the reader's warnings about either are noise here.
    data = load(roster_file, quiet=True)
    try:
        assignments = read_assignments(roster_file)
    except InputError as exc:
        _fail_input(exc)
    warnings = edit_warnings(data, assignments)
    if warnings:
        err.print(
            f"[yellow]Cảnh báo / warning: {len(warnings)} problem(s) in this roster; "
            "the sheets are written anyway.[/]"
        )
    for line in warnings:
        err.print(f"warning: {line}", markup=False, style="yellow", soft_wrap=True)
    folder = output or _sheets_dir(roster_file)
    try:
        paths = _write_sheets(
            data, assignments, folder, formats=formats, date_from=date_from, date_to=date_to
        )
    except OutputError as exc:
        err.print(f"[bold red]{exc}[/]")
        sys.exit(EXIT_INTERNAL)
    messages = [p for p in paths if p.suffix == ".txt"]
    for p in paths:
        if p.suffix != ".txt":
            out.print(str(p), markup=False)
    if messages:
        out.print(f"{len(messages)} x {folder / 'message-YYYY-MM-DD.txt'}", markup=False)


@main.group("bench")
def bench_group() -> None:
    """Solve published benchmark instances with the same model and report against the
    literature."""


@bench_group.command("curtois")
@click.option("--instances", default="1-24", show_default=True, help="E.g. 1-12 or 3,7,20-24.")
@click.option(
    "--time-limit", type=float, default=60.0, show_default=True, help="Seconds per instance."
)
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True, help="Solver random seed.")
@click.option("--json", "as_json", is_flag=True, help="A JSON list of results instead.")
@click.option(
    "--write-roster",
    type=click.IntRange(1, 24),
    help="Solve only instance N and write it as a roster workbook.",
)
@click.option(
    "-o",
    "--output-dir",
    "output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("outputs"),
    show_default=True,
    help="Folder for --write-roster.",
)
def bench_curtois_cmd(
    instances: str,
    time_limit: float,
    workers: int,
    seed: int,
    as_json: bool,
    write_roster: int | None,
    output: Path,
) -> None:
    """Curtois & Qu Instance1..24: objective, bound, best known, gap, time, status."""
    import json

    from roster.bench import format_table, parse_instances, run, write_bench_roster

    try:
        numbers = [write_roster] if write_roster else parse_instances(instances)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--instances") from exc
    rows = []
    for number in numbers:
        row, data, assignments = run(number, time_limit, workers, seed)
        rows.append(row)
        click.echo(json.dumps(row.as_json()) if as_json else format_table([row]), err=True)
        if write_roster and assignments:
            out.print(str(write_bench_roster(row, data, assignments, output)), markup=False)
    if as_json:
        click.echo(json.dumps([r.as_json() for r in rows], indent=1))
    else:
        click.echo(format_table(rows))
    sys.exit(EXIT_INTERNAL if any(r.status == "invalid" for r in rows) else EXIT_OK)


# --- when the situation changes: replan, cover, trace ------------------------------------


def _solver_options(command):
    """The options `solve` has, for the commands that solve or write a roster."""
    for option in reversed(
        [
            click.option(
                "-o",
                "--output-dir",
                "output",
                default="outputs",
                type=click.Path(path_type=Path),
                show_default=True,
                help="Folder for the roster workbook.",
            ),
            click.option("--time-limit", type=float, help="Wall-time limit, seconds."),
            click.option(
                "--workers",
                type=click.IntRange(1, 64),
                default=2,
                show_default=True,
                help="Solver threads.",
            ),
            click.option("--seed", type=int, default=0, show_default=True, help="Random seed."),
            click.option("--quiet", is_flag=True, help="No progress lines, only the summary."),
        ]
    ):
        command = option(command)
    return command


def _roster_of(path: Path) -> list:
    try:
        return read_assignments(path)
    except InputError as exc:
        _fail_input(exc)


def _bad(message: str) -> None:
    err.print(f"[bold red]Lỗi / error:[/] {message}", soft_wrap=True)
    sys.exit(EXIT_INPUT)


@main.command("replan")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_roster_option("The announced roster workbook.")
@click.option(
    "--from",
    "date_from",
    required=True,
    callback=_parsed(parse_date),
    help="First day to re-plan, 2021-08-18 or 18/8/2021.",
)
@_solver_options
@click.option("--no-sheets", is_flag=True, help="Do not write the duty sheets.")
def replan_cmd(
    workbook: Path,
    roster_file: Path,
    date_from: date,
    output: Path,
    time_limit: float | None,
    workers: int,
    seed: int,
    quiet: bool,
    no_sheets: bool,
) -> None:
    """Re-plan ROSTER from --from on with WORKBOOK's current status, people and requirements.

    Days before --from stay exactly as announced; from it on, as few announced assignments
    change as possible. Writes OUTPUT/<name>-replan-<date>.xlsx with a Changes sheet.
    """
    from roster.model.build import ModelError
    from roster.replan import language_of, replan
    from roster.solver import InternalError, SolveControl

    t0 = time.monotonic()
    data = load(workbook, quiet)
    previous = _roster_of(roster_file)
    target = output / f"{workbook.stem}-replan-{date_from:%Y-%m-%d}.xlsx"
    if target.resolve() in (workbook.resolve(), roster_file.resolve()):
        _bad("refusing to overwrite an input workbook")
    limit = data.settings.time_limit_s if time_limit is None else time_limit
    reserve = WRITE_RESERVE_S + (0.0 if no_sheets else SHEETS_RESERVE_S)
    control = SolveControl()
    _install_interrupt(control)
    try:
        plan = replan(
            data,
            previous,
            date_from,
            time_limit=max(limit - (time.monotonic() - t0) - reserve, 0.5),
            workers=workers,
            seed=seed,
            progress=_Progress(quiet),
            control=control,
        )
    except InputError as exc:
        _fail_input(exc)
    except (InternalError, ModelError) as exc:
        err.print(f"[bold red]Lỗi nội bộ / internal error:[/] {exc}")
        sys.exit(EXIT_INTERNAL)
    result = plan.result
    if result.status == Status.INFEASIBLE:
        _bad("the Fixed rows from --from on contradict the work-rest rules with the kept days")
    try:
        path = write_roster(result, target, changes=plan.changes)
        if not no_sheets:
            _write_sheets(data, result.assignments, _sheets_dir(path), date_from=date_from)
    except OutputError as exc:
        err.print(f"[bold red]{exc}[/]")
        sys.exit(EXIT_INTERNAL)
    out.print(summary_text(result, path, time.monotonic() - t0), markup=False, soft_wrap=True)
    lang = language_of(data)
    counts = plan.counts()
    out.print(
        f"Giữ nguyên trước / kept before {date_from:%d/%m/%Y}: {plan.kept}. "
        f"Thay đổi / changes: {len(plan.changes)} (moved {counts['moved']}, "
        f"removed {counts['removed']}, added {counts['added']})",
        markup=False,
    )
    for change in plan.changes:
        out.print("  " + change.line(data, lang), markup=False, soft_wrap=True)
    for warning in result.warnings:
        err.print(f"warning: {warning}", markup=False, style="yellow", soft_wrap=True)
    sys.exit(_exit_code(result))


@main.command("cover")
@click.argument("person")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--date", "day", required=True, callback=_parsed(parse_date), help="2021-08-16 or 16/8/2021."
)
@click.option("--shift", required=True, help="Shift id, e.g. S.")
@_roster_option("The roster workbook.")
@click.option("--apply", "apply_it", is_flag=True, help="Write the roster with the best option.")
@click.option("--with", "chosen", help="With --apply: this candidate instead of the best.")
@_solver_options
def cover_cmd(
    person: str,
    workbook: Path,
    day: date,
    shift: str,
    roster_file: Path,
    apply_it: bool,
    chosen: str | None,
    output: Path,
    time_limit: float | None,
    workers: int,
    seed: int,
    quiet: bool,
) -> None:
    """Who can take PERSON's --shift on --date in ROSTER, by WORKBOOK's rules, best first.

    Lists the reason each other person cannot; when nobody can directly, the shortest chains
    of same-day swaps. --apply writes the changed roster and that day's duty sheets. (The
    solver options are accepted for uniformity; the search is a swap search, not a solve.)
    """
    from roster.replan import cover_result

    t0 = time.monotonic()
    data = load(workbook, quiet)
    assignments = _roster_of(roster_file)
    if person not in data.person_by_id:
        _bad(f"no person {person!r} in {workbook}")
    budget = 1.5 if time_limit is None else max(time_limit - (time.monotonic() - t0), 0.1)
    try:
        plan = plan_cover(data, assignments, person, day, shift, budget_s=budget)
    except ValueError as exc:
        _bad(str(exc))
    out.print(format_plan(data, plan), markup=False, soft_wrap=True)
    options = plan.options()
    if apply_it and options:
        if chosen is not None:
            options = [o for o in options if o[0].person == chosen]
            if not options:
                _bad(f"{chosen} is not among the options listed")
        result, changes = cover_result(data, assignments, plan.target, options[0])
        target = output / f"{roster_file.stem}-cover-{person}-{day:%Y-%m-%d}-{shift}.xlsx"
        try:
            path = write_roster(result, target, changes=changes)
            _write_sheets(data, result.assignments, _sheets_dir(path), date_from=day, date_to=day)
        except OutputError as exc:
            err.print(f"[bold red]{exc}[/]")
            sys.exit(EXIT_INTERNAL)
        out.print(f"Đã ghi / written: {path}", markup=False)
    sys.exit(EXIT_OK if options else EXIT_GAPS)


@main.command("trace")
@click.argument("person")
@click.option(
    "--date", "day", required=True, callback=_parsed(parse_date), help="2021-08-18 or 18/8/2021."
)
@click.option(
    "--days", type=click.IntRange(1, 60), default=2, show_default=True, help="Days to look back."
)
@_roster_option("The roster workbook.")
@click.option(
    "--mark-f1",
    "mark",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Input workbook: write a copy of it with the contacts as F1 rows from --date.",
)
@click.option(
    "-o",
    "--output-dir",
    "output",
    default="outputs",
    type=click.Path(path_type=Path),
    show_default=True,
    help="Folder for the marked copy.",
)
@click.option("--quiet", is_flag=True, help="Only the contacts' ids.")
def trace_cmd(
    person: str,
    day: date,
    days: int,
    roster_file: Path,
    mark: Path | None,
    output: Path,
    quiet: bool,
) -> None:
    """The people who shared an area and a shift on site with PERSON in the --days days
    before --date (the likely close contacts), from ROSTER."""
    data = load(roster_file, quiet=True)
    if person not in data.person_by_id:
        _bad(f"no person {person!r} in {roster_file}")
    found = contacts(_roster_of(roster_file), person, day, days)
    names = data.person_by_id
    first = day - timedelta(days=days)
    if not quiet:
        out.print(
            f"{person} {names[person].name}: {len(found)} contact(s) on site from "
            f"{first:%d/%m/%Y} to {day - timedelta(days=1):%d/%m/%Y}",
            markup=False,
        )
    for c in found:
        where = ", ".join(f"{d:%d/%m} {s} {a}" for d, s, a in c.places)
        who = names[c.person].name if c.person in names else ""
        out.print(c.person if quiet else f"  {c.person} {who}: {where}", markup=False)
    if mark is not None:
        marked = load(mark, quiet=True)
        ids = [c.person for c in found]
        skip = already_isolated(marked.statuses, ids, day)
        target = output / f"{mark.stem}-f1-{person}-{day:%Y-%m-%d}.xlsx"
        try:
            path = mark_f1(
                mark,
                target,
                [p for p in ids if p not in skip],
                day,
                f"F1: contact of {person} ({first:%d/%m}–{day - timedelta(days=1):%d/%m})",
            )
        except OutputError as exc:
            _bad(str(exc))
        load(path, quiet=True)
        out.print(
            f"Đã ghi / written: {path}"
            + (f" (already F0/F1: {', '.join(sorted(skip))})" if skip else ""),
            markup=False,
        )


@main.command("city")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(file_okay=False, path_type=Path), help="[outputs/FOLDER]"
)
@click.option("--time-limit", type=float, help="Seconds per unit solve and for the allocation.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, help="Processes.  [default: 1]")
@click.option("--ray", "ray_address", is_flag=False, flag_value="local", help="Local, or ADDRESS.")
@click.option("--seed", type=int, default=0, show_default=True, help="Solver random seed.")
@click.option("--no-sheets", is_flag=True, help="Do not write the duty sheets.")
def city_cmd(folder: Path, **options) -> None:
    """Roster every unit of a city FOLDER and send the pool where they fall short (exit 4:
    incomplete run, a unit broken or failed)."""
    from roster.reports.city_command import city_command

    sys.exit(city_command(folder, **options))


@main.command("check-city")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
def check_city_cmd(folder: Path, out: Path) -> None:
    """Check the outputs OUT of a city run across units (pool officers, Allocation, shortfalls)."""
    from roster.reports.city_command import check_city_command

    sys.exit(check_city_command(folder, out))
