"""The `roster` command: parses options, calls the library, prints.

Every error is an exception that carries its exit code (`roster.errors`), and every command
returns its outcome; `_Commands.invoke` turns either into the exit code, in this one place.
The codes are `roster.errors.ExitCode`, tabled in the README. An internal error is one line;
with ROSTER_DEBUG=1 in the environment its traceback follows.
"""

from __future__ import annotations

import functools
import os
import signal
import sys
import traceback
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click
from rich.console import Console
from rich.markup import escape

from roster.cover import format_plan, plan_cover
from roster.data import ProblemData, Product
from roster.donors import find_donors, tally
from roster.errors import (
    ExitCode,
    InputError,
    InternalError,
    Interrupted,
    OutputError,
    RequestError,
    RosterError,
)
from roster.exposure import exposure, exposure_lines, summary_rows
from roster.findings import format_report
from roster.history import DEFAULT_NAME as HISTORY_NAME
from roster.history import ENV as HISTORY_ENV
from roster.history import (
    announced,
    check_history,
    compare,
    history_path,
    record,
    versions,
    with_history,
)
from roster.io.dates import parse_date
from roster.io.template import write_template
from roster.io.vocabulary import parse_blood_group, parse_product
from roster.io.writer import read_assignments, write_roster
from roster.load import read_workbook_with_warnings
from roster.notices import build_notices, write_notices
from roster.outputs import (
    cover_path,
    f1_path,
    new_file,
    notices_dir,
    replan_path,
    roster_path,
    sheets_dir,
)
from roster.params import SolveParams, refuse_too_large
from roster.reports.donors import chat_message, format_search, format_tally
from roster.result import Change, Result, Status
from roster.sheets import FORMATS, edit_warnings, parse_formats, write_sheets
from roster.summary import progress_line, summary_text
from roster.text import both, language_of, say
from roster.trace import already_isolated, contacts, mark_f1, window
from roster.verify import check, team_breaches

if TYPE_CHECKING:
    from roster.solver import ProgressEvent, SolveControl

# The solver (OR-Tools), PDF and plotting libraries are imported by the commands that use
# them: `roster validate`, `check` or `donors` then start in a fraction of a second.

DEBUG_ENV = "ROSTER_DEBUG"  # set (to anything) to see an internal error's traceback

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def _say(exc: RosterError) -> None:
    """Print an error the way its kind is always printed."""
    if isinstance(exc, InputError):
        err.print(f"[bold red]{both('cli.input_errors')}: {len(exc.problems)}[/]")
        for problem in exc.problems:
            err.print(f"  - {problem}", markup=False)
    elif isinstance(exc, Interrupted):
        err.print(f"{both('cli.interrupted')}: {exc}", markup=False)
    elif isinstance(exc, InternalError):
        err.print(f"[bold red]{both('cli.internal')}:[/] {escape(str(exc))}")
    elif isinstance(exc, OutputError):
        err.print(f"[bold red]{escape(str(exc))}[/]")
    else:
        err.print(f"[bold red]{both('cli.error')}:[/] {escape(str(exc))}")


def _say_internal(exc: Exception) -> None:
    """A bug: one line, and the traceback only when asked for (ROSTER_DEBUG)."""
    first = next(iter(str(exc).splitlines()), "")
    err.print(
        f"[bold red]{both('cli.internal')}:[/] {escape(type(exc).__name__)}: {escape(first)}"
        f" ({DEBUG_ENV}=1 shows the traceback)"
    )
    if os.environ.get(DEBUG_ENV):
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)


class _Commands(click.Group):
    """The one place where a command's outcome, or the error that ended it, becomes the exit
    code. Click's own errors (bad command-line values: 2) pass through to click."""

    def invoke(self, ctx: click.Context) -> NoReturn:
        try:
            outcome = super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, BrokenPipeError):
            raise
        except RosterError as exc:
            _say(exc)
            outcome = exc.exit_code
        except KeyboardInterrupt:
            err.print(both("cli.interrupted"), markup=False)
            outcome = ExitCode.INTERRUPTED
        except Exception as exc:  # everything else is a bug, and said to be one
            _say_internal(exc)
            outcome = ExitCode.INTERNAL
        ctx.exit(int(outcome or ExitCode.OK))


def load(path: Path, quiet: bool = False) -> ProblemData:
    """Read and validate a workbook, printing the reader's warnings unless `quiet`."""
    data, warnings = read_workbook_with_warnings(path)
    if not quiet:
        for w in warnings:
            err.print(f"[yellow]{say('cli.warning', data)}:[/] {w}", markup=True)
    return data


class _Progress:
    """Live progress on stderr for solves longer than a couple of seconds."""

    def __init__(self, quiet: bool, language: str, after: float = 2.0):
        self.quiet, self.language, self.after = quiet, language, after
        self.last = 0.0

    def __call__(self, event: ProgressEvent) -> None:
        if self.quiet or event.elapsed < self.after or event.elapsed - self.last < 0.5:
            return
        self.last = event.elapsed
        err.print(progress_line(event, self.language), markup=False, soft_wrap=True)


def _install_interrupt(control: SolveControl) -> None:
    """First Ctrl-C (or SIGTERM) stops the search and keeps the best roster; a second quits.

    The second must end the run from wherever the main thread is, so this handler is the
    one other place that exits.
    """

    def handler(signum, frame):
        if control.interrupted:
            err.print(both("cli.stopped_now"))
            if control.searching:  # nothing is being written, and C++ threads cannot unwind
                sys.stderr.flush()
                os._exit(ExitCode.INTERRUPTED)
            # A half-saved workbook's zip object closes during exit and complains; say nothing.
            sys.unraisablehook = lambda _unraisable: None
            sys.exit(ExitCode.INTERRUPTED)
        err.print(both("cli.stopping"))
        control.stop()

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)


def _outcome(result: Result) -> ExitCode:
    if result.status == Status.INTERRUPTED:
        return ExitCode.INTERRUPTED
    return ExitCode.OK if result.fully_covered else ExitCode.GAPS


def _refuse_infeasible(result: Result, message: str) -> None:
    """No roster at all: the fixed rows cannot be kept, which only the input can change."""
    if result.status == Status.INFEASIBLE:
        raise RequestError(message)


def _roster_option(help_text: str, required: bool = True):
    """The `--roster ROSTER.xlsx` option the commands that read a solved roster share."""
    return click.option(
        "--roster",
        "roster_file",
        required=required,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help=help_text,
    )


def _output_option(help_text: str, default: str | None = "outputs", file_okay: bool = True):
    """The `-o/--output-dir` option of every command that writes."""
    return click.option(
        "-o",
        "--output-dir",
        "output",
        default=default,
        type=click.Path(file_okay=file_okay, path_type=Path),
        show_default=default is not None,
        help=help_text,
    )


def _history_option():
    """`--history PATH`: the database of announced versions (`roster.history`)."""
    return click.option(
        "--history",
        "history_file",
        type=click.Path(dir_okay=False, path_type=Path),
        help=f"History database (default: ${HISTORY_ENV}, else OUTPUT/{HISTORY_NAME}).",
    )


def _record(
    db: Path, command: str, data: ProblemData, assignments, workbook: Path, roster: Path, **kw
) -> None:
    """Record the roster just written, and say under which version."""
    version = record(db, command, data, assignments, workbook, roster, **kw)
    out.print(say("history.recorded", data, version=version, path=db), markup=False)


WHOLE_RUN_HELP = "Wall-time limit for the whole run, seconds (default: the time_limit_s setting)."


def _solver_options(time_help: str = WHOLE_RUN_HELP):
    """The options `solve` has, for the commands that solve or write a roster. The command
    gets `output`, `quiet` and `params`, a `SolveParams` started as the command starts."""

    def decorate(command):
        @functools.wraps(command)
        def with_params(time_limit: float | None, workers: int, seed: int, **kwargs):
            return command(params=SolveParams(time_limit, workers, seed), **kwargs)

        for option in reversed(
            [
                _output_option("Folder for the roster workbook."),
                click.option("--time-limit", type=float, help=time_help),
                click.option(
                    "--workers",
                    type=click.IntRange(1, 64),
                    default=2,
                    show_default=True,
                    help="Solver threads.",
                ),
                click.option(
                    "--seed", type=int, default=0, show_default=True, help="Solver random seed."
                ),
                click.option("--quiet", is_flag=True, help="No progress lines, only the summary."),
                _history_option(),
            ]
        ):
            with_params = option(with_params)
        return with_params

    return decorate


def _write_roster(result: Result, target: Path, changes: Sequence[Change] | None = None) -> Path:
    """The roster workbook, with the exposure figures in its Summary (the writer, below the
    features, cannot compute them itself)."""
    rows = summary_rows(result.data, result.assignments)
    return write_roster(result, target, changes=changes, summary_rows=rows)


def _known(data: ProblemData, person: str, source: Path) -> None:
    if person not in data.person_by_id:
        raise RequestError(f"no person {person!r} in {source}")


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="roster")
def main() -> None:
    """Roster: shift-coverage rosters for a ward police station, from an Excel workbook."""


@main.command("solve")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_solver_options()
@click.option(
    "--no-sheets", is_flag=True, help="Do not write the duty sheets (OUTPUT/<name>-roster-sheets)."
)
def solve_cmd(
    workbook: Path,
    output: Path,
    params: SolveParams,
    quiet: bool,
    no_sheets: bool,
    history_file: Path | None,
) -> ExitCode:
    """Solve WORKBOOK and write OUTPUT/<name>-roster.xlsx and its duty sheets."""
    from roster.solver import SolveControl, solve

    params = params.writing(sheets=not no_sheets)
    control = SolveControl()
    _install_interrupt(control)  # before reading: Ctrl-C during a long read is no traceback
    data = load(workbook, quiet)
    refuse_too_large(data)
    target = roster_path(output, workbook)
    db = history_path(output, history_file)
    check_history(db)
    data = with_history(data, db)
    result = solve(
        data,
        time_limit=params.solver_budget(data),
        workers=params.workers,
        seed=params.seed,
        progress=_Progress(quiet, data.settings.language),
        control=control,
    )
    _refuse_infeasible(
        result,
        f"{say('cli.contradict', 'vi')}; {say('cli.contradict', 'en')}",
    )
    path = _write_roster(result, target)
    sheets = []
    if not no_sheets:
        earlier = announced(db, data)
        sheets = _write_sheets(data, result.assignments, sheets_dir(path), earlier=earlier)
    out.print(summary_text(result, path, params.elapsed()), markup=False, soft_wrap=True)
    _record(db, "solve", data, result.assignments, workbook, path)
    if sheets:
        out.print(say("cli.duty_sheets", data, path=sheets[0].parent), markup=False)
    return _outcome(result)


@main.command("validate")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def validate_cmd(workbook: Path) -> None:
    """Read WORKBOOK, report every problem, and summarise what was read."""
    data = load(workbook)
    s = data.settings
    roles = Counter((p.role.value, p.origin.value) for p in data.people)
    kinds = Counter(a.kind for a in data.areas)
    statuses = Counter(st.status.value for st in data.statuses)
    start, end = f"{s.start_date:%d/%m/%Y}", f"{s.end_date:%d/%m/%Y}"
    head = say("cli.validate_head", data, unit=s.unit, start=start, end=end, days=s.days)
    out.print(head, markup=False)
    people = ", ".join(
        f"{say(f'role_word.{r}', data)}/{say(f'origin.{o}', data)}: {n}"
        for (r, o), n in sorted(roles.items())
    )
    out.print(say("cli.people", data, n=len(data.people), counts=people), markup=False)
    areas = ", ".join(f"{k}: {n}" for k, n in sorted(kinds.items()))
    out.print(say("cli.areas", data, n=len(data.areas), counts=areas), markup=False)
    ids = ", ".join(x.id for x in data.shifts)
    out.print(say("cli.shifts", data, ids=ids, n=len(data.requirements)), markup=False)
    counts = ", ".join(f"{say(f'status_word.{k}', data)}: {n}" for k, n in sorted(statuses.items()))
    out.print(say("cli.statuses", data, counts=counts or say("cli.none", data)), markup=False)
    rows = dict(requests=len(data.requests), fixed=len(data.fixed), history=len(data.history))
    out.print(say("cli.rows", data, **rows), markup=False)
    out.print("OK", markup=False)


@main.command("check")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument(
    "roster_file", metavar="ROSTER", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
def check_cmd(workbook: Path, roster_file: Path) -> ExitCode:
    """Check ROSTER (for example one edited by hand) against every rule of WORKBOOK."""
    data = load(workbook)
    assignments = read_assignments(roster_file)
    report = check(data, assignments)
    out.print(format_report(report, data), markup=False)
    if not data.settings.team_strict:  # teams that met: warnings unless the rule is strict
        for met in team_breaches(data, assignments):
            err.print(f"{say('cli.warning', data)}: {met.message}", markup=False)
    if report.violations:
        return ExitCode.RULE_BROKEN
    return ExitCode.GAPS if report.gaps else ExitCode.OK


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
    write_template(new_file(path), language=language)
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
    assignments = None if roster_file is None else read_assignments(roster_file)
    search = find_donors(data, need, product, day, assignments)
    click.echo(format_search(data, search))
    click.echo("\n" + chat_message(data, search))


def _write_sheets(data: ProblemData, assignments, folder: Path, **options) -> list[Path]:
    """Write the duty sheets; a date range outside the horizon is bad input."""
    try:
        return write_sheets(data, assignments, folder, **options)
    except ValueError as exc:
        raise RequestError(str(exc)) from None


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
@_output_option(
    "Folder for the sheets (default: <ROSTER name>-sheets beside ROSTER).",
    default=None,
    file_okay=False,
)
@_history_option()
def sheets_cmd(
    roster_file: Path,
    date_from: date | None,
    date_to: date | None,
    formats: tuple[str, ...],
    output: Path | None,
    history_file: Path | None,
) -> None:
    """Print-ready duty sheets from a solved ROSTER workbook, even one edited by hand.

    Writes the daily sheets and per-person duty cards (PDF), the daily sheets as a print-ready
    workbook, one group-chat message per day (.txt), the coverage map (PNG) and an iCalendar
    file per officer on duty and for the unit (.ics, the whole horizon, versioned against the
    versions in the history database beside ROSTER, else the files already in the folder).
    A roster that breaks a rule is reported rule by rule on stderr, and the sheets are still
    written.
    """
    # quiet: the input sheets of a roster workbook are the program's own copy, and its output
    # sheets are not input sheets; the reader's warnings about either are noise here.
    data = load(roster_file, quiet=True)
    assignments = read_assignments(roster_file)
    warnings = edit_warnings(data, assignments)
    if warnings:
        err.print(f"[yellow]{say('cli.edit_warnings', data, n=len(warnings))}[/]")
    for line in warnings:
        err.print(
            f"{say('cli.warning', data)}: {line}", markup=False, style="yellow", soft_wrap=True
        )
    folder = output or sheets_dir(roster_file)
    earlier = announced(history_path(roster_file.parent, history_file), data)
    paths = _write_sheets(
        data,
        assignments,
        folder,
        formats=formats,
        date_from=date_from,
        date_to=date_to,
        earlier=earlier,
    )
    messages = [p for p in paths if p.suffix == ".txt"]
    calendars = [p for p in paths if p.suffix == ".ics"]
    for p in paths:
        if p.suffix not in (".txt", ".ics"):
            out.print(str(p), markup=False)
    if messages:
        out.print(f"{len(messages)} x {folder / 'message-YYYY-MM-DD.txt'}", markup=False)
    if calendars:
        out.print(f"{len(calendars)} x {folder / 'calendar-*.ics'}", markup=False)


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
@_output_option("Folder for --write-roster.", file_okay=False)
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

    from roster.bench.run import format_table, parse_instances, run, write_bench_roster

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
    invalid = [r.instance for r in rows if r.status == "invalid"]
    if invalid:
        raise InternalError(f"the checker disagrees with the model on {', '.join(invalid)}")


# --- when the situation changes: replan, cover, trace ------------------------------------


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
@_solver_options()
@click.option("--no-sheets", is_flag=True, help="Do not write the duty sheets.")
def replan_cmd(
    workbook: Path,
    roster_file: Path,
    date_from: date,
    output: Path,
    params: SolveParams,
    quiet: bool,
    no_sheets: bool,
    history_file: Path | None,
) -> ExitCode:
    """Re-plan ROSTER from --from on with WORKBOOK's current status, people and requirements.

    Days before --from stay exactly as announced; from it on, as few announced assignments
    change as possible. Writes OUTPUT/<name>-replan-<date>.xlsx with a Changes sheet.
    """
    from roster.replan import change_line, replan
    from roster.solver import SolveControl

    params = params.writing(sheets=not no_sheets)
    data = load(workbook, quiet)
    previous = read_assignments(roster_file)
    target = replan_path(output, workbook, roster_file, date_from)
    db = history_path(output, history_file)
    check_history(db)
    control = SolveControl()
    _install_interrupt(control)
    progress = _Progress(quiet, data.settings.language)
    plan = replan(data, previous, date_from, params, progress=progress, control=control)
    result = plan.result
    _refuse_infeasible(result, say("cli.replan_contradict", data))
    path = _write_roster(result, target, plan.changes)
    if not no_sheets:
        _write_sheets(
            data,
            result.assignments,
            sheets_dir(path),
            date_from=date_from,
            previous=sheets_dir(roster_file),
            earlier=announced(db, data),
        )
    out.print(summary_text(result, path, params.elapsed()), markup=False, soft_wrap=True)
    lang = language_of(data)
    counts = plan.counts()
    out.print(
        say(
            "cli.replan_counts",
            data,
            date=f"{date_from:%d/%m/%Y}",
            kept=plan.kept,
            n=len(plan.changes),
            **counts,
        ),
        markup=False,
    )
    for change in plan.changes:
        out.print("  " + change_line(change, data, lang), markup=False, soft_wrap=True)
    _announce(data, plan.changes, path)
    _record(db, "replan", data, result.assignments, workbook, path, reasons=plan.changes)
    for warning in result.warnings:
        err.print(
            f"{say('cli.warning', data)}: {warning}", markup=False, style="yellow", soft_wrap=True
        )
    return _outcome(result)


def _announce(data: ProblemData, changes: list[Change] | tuple[Change, ...], roster: Path) -> None:
    """Write and print one notice per officer whose duties changed."""
    notices = build_notices(data, changes)
    paths = write_notices(notices, notices_dir(roster))
    for notice in notices:
        out.print(notice.text, markup=False, soft_wrap=True)
    if paths:
        out.print(say("notice.written", data, n=len(notices), path=paths[-1]), markup=False)


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
@_solver_options("Wall-time limit, seconds.")
def cover_cmd(
    person: str,
    workbook: Path,
    day: date,
    shift: str,
    roster_file: Path,
    apply_it: bool,
    chosen: str | None,
    output: Path,
    params: SolveParams,
    quiet: bool,
    history_file: Path | None,
) -> ExitCode:
    """Who can take PERSON's --shift on --date in ROSTER, by WORKBOOK's rules, best first.

    Lists the reason each other person cannot; when nobody can directly, the shortest chains
    of same-day swaps. --apply writes the changed roster and that day's duty sheets. (The
    solver options are accepted for uniformity; the search is a swap search, not a solve.)
    """
    from roster.replan import cover_result

    data = load(workbook, quiet)
    assignments = read_assignments(roster_file)
    _known(data, person, workbook)
    db = history_path(output, history_file)
    if apply_it:
        check_history(db)
    try:
        plan = plan_cover(data, assignments, person, day, shift, budget_s=params.search_budget())
    except ValueError as exc:
        raise RequestError(str(exc)) from None
    out.print(format_plan(data, plan), markup=False, soft_wrap=True)
    options = plan.options()
    if apply_it and options:
        if chosen is not None:
            options = [o for o in options if o[0].person == chosen]
            if not options:
                raise RequestError(say("cli.not_an_option", data, person=chosen))
        result, changes = cover_result(data, assignments, plan.target, options[0])
        target = cover_path(output, workbook, roster_file, person, day, shift)
        path = _write_roster(result, target, changes)
        _write_sheets(
            data,
            result.assignments,
            sheets_dir(path),
            date_from=day,
            date_to=day,
            previous=sheets_dir(roster_file),
            earlier=announced(db, data),
        )
        out.print(say("cli.written", data, path=path), markup=False)
        _announce(data, changes, path)
        _record(db, "cover", data, result.assignments, workbook, path, reasons=changes)
    return ExitCode.OK if options else ExitCode.GAPS


@main.command("trace")
@click.argument("person")
@click.option(
    "--date",
    "day",
    required=True,
    callback=_parsed(parse_date),
    help="Day of the symptoms or the positive sample: 2021-08-18 or 18/8/2021.",
)
@click.option(
    "--days",
    type=click.IntRange(1, 60),
    help="Days before --date to look at (default: the trace_days setting, 2).",
)
@click.option(
    "--until",
    callback=_parsed(parse_date),
    help="Last day PERSON worked before isolation, if not --date (a later result; or sent "
    "home before the shifts of --date).",
)
@_roster_option("The roster workbook.")
@click.option(
    "--mark-f1",
    "mark",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Input workbook: write a copy of it with the contacts as F1 rows from --date.",
)
@_output_option("Folder for the marked copy.")
@click.option("--quiet", is_flag=True, help="Only the contacts' ids.")
def trace_cmd(
    person: str,
    day: date,
    days: int | None,
    until: date | None,
    roster_file: Path,
    mark: Path | None,
    output: Path,
    quiet: bool,
) -> None:
    """The people who shared an area and a shift on site with PERSON from --days days before
    --date through --date itself (the likely close contacts, Decision 2686/QĐ-BCĐQG), from
    ROSTER."""
    data = load(roster_file, quiet=True)
    days = data.settings.trace_days if days is None else days
    first, last = window(day, days, until)
    if last < first:
        raise RequestError(
            f"--until {last:%d/%m/%Y} is before the first day traced, {first:%d/%m/%Y}"
        )
    _known(data, person, roster_file)
    found = contacts(read_assignments(roster_file), person, day, days, until)
    names = data.person_by_id
    if not quiet:
        out.print(
            say(
                "cli.contacts",
                data,
                person=person,
                name=names[person].name,
                n=len(found),
                first=f"{first:%d/%m/%Y}",
                last=f"{last:%d/%m/%Y}",
            ),
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
        path = mark_f1(
            mark,
            f1_path(output, mark, person, day),
            [p for p in ids if p not in skip],
            day,
            say("cli.f1_note", marked, person=person, first=f"{first:%d/%m}", last=f"{last:%d/%m}"),
        )
        load(path, quiet=True)
        out.print(
            say("cli.written", data, path=path)
            + (say("cli.already_isolated", data, ids=", ".join(sorted(skip))) if skip else ""),
            markup=False,
        )


# --- the record of announced versions --------------------------------------------------------


@main.command("history")
@click.argument("unit", required=False)
@_output_option("Folder whose history database to read.", file_okay=False)
@_history_option()
def history_cmd(unit: str | None, output: Path, history_file: Path | None) -> None:
    """List the recorded versions of every roster (of UNIT, when given), oldest first."""
    found = versions(history_path(output, history_file), unit)
    if not found:
        out.print(say("history.none", "vi"), markup=False)
    for v in found:
        row = say(
            "history.row",
            v.language,
            id=v.id,
            when=f"{v.recorded_at.astimezone():%d/%m/%Y %H:%M}",
            command=v.command,
            unit=v.unit,
            start=f"{v.start_date:%d/%m/%Y}",
            end=f"{v.end_date:%d/%m/%Y}",
            shifts=v.shifts,
            changes=v.changes,
            previous=f"#{v.previous_id}" if v.previous_id else "-",
            roster=v.roster_path,
        )
        out.print(row, markup=False, soft_wrap=True)


@main.command("diff")
@click.argument("first", type=int)
@click.argument("second", type=int)
@_output_option("Folder whose history database to read.", file_okay=False)
@_history_option()
def diff_cmd(first: int, second: int, output: Path, history_file: Path | None) -> None:
    """Who moved from what to what between recorded versions FIRST and SECOND."""
    db = history_path(output, history_file)
    changes, names = compare(db, first, second)
    language = next((v.language for v in versions(db) if v.id == second), "vi")
    out.print(
        say("history.diff_head", language, first=first, second=second, n=len(changes)),
        markup=False,
    )
    for c in changes:
        before = f"{c.before.shift}, {c.before.area}" if c.before else "-"
        after = f"{c.after.shift}, {c.after.area}" if c.after else "-"
        kind = say(f"replan.{c.kind}", language)
        out.print(
            f"  {kind:<8} {c.date:%d/%m/%Y}  {before:<16} -> {after:<16} "
            f"{c.person} {names.get(c.person, '')}",
            markup=False,
        )


@main.command("exposure")
@click.argument(
    "roster_file", metavar="ROSTER", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--days",
    type=click.IntRange(0, 60),
    help="Days before a case's day whose shared shifts count (default: trace_days, 2).",
)
@click.option("--top", type=click.IntRange(0, 1000), default=10, show_default=True)
def exposure_cmd(roster_file: Path, days: int | None, top: int) -> None:
    """How far one case would reach on ROSTER: the people who would become F1 if one person
    on site turned F0, on average and at worst, the largest share of own police one case
    could quarantine, and the people with most contacts."""
    data = load(roster_file, quiet=True)
    found = exposure(data, read_assignments(roster_file), days)
    for line in exposure_lines(data, found, top):
        out.print(line, markup=False, soft_wrap=True)


@main.command("serve")
@click.argument(
    "folder", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--token", help="Sign-in token (or ROSTER_TOKEN); required beyond 127.0.0.1.")
def serve_cmd(folder: Path, host: str, port: int, token: str | None) -> None:
    """The roster in a browser over the workbooks of FOLDER (needs: pip install 'roster[web]')."""
    try:
        from roster.web.serve import address, run, token_for
    except ImportError as exc:
        raise RequestError(f"roster serve needs: pip install 'roster[web]' ({exc})") from None
    required = token_for(host, token)
    out.print(both("cli.serving", url=address(host, port)), markup=False)
    run(folder, host, port, required)


@main.command("city")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(file_okay=False, path_type=Path), help="[outputs/FOLDER]"
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds for the whole run, overriding the pool's time_limit_s [default: 1800]; "
    "units not reached in time are reported not solved (exit 6).",
)
@click.option(
    "--unit-time-limit",
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds for one unit's solve, overriding unit_time_limit_s [default: 30].",
)
@click.option("--workers", type=click.IntRange(1, 64), default=1, help="Processes.  [default: 1]")
@click.option("--ray", "ray_address", is_flag=False, flag_value="local", help="Local, or ADDRESS.")
@click.option("--seed", type=int, default=0, show_default=True, help="Solver random seed.")
@click.option("--no-sheets", is_flag=True, help="Do not write the duty sheets.")
def city_cmd(folder: Path, **options) -> None:
    """Roster every unit of a city FOLDER and send the pool where they fall short (exit 6:
    incomplete run, a unit broken, failed or not reached in time; 130: Ctrl-C, the units
    finished so far written)."""
    from roster.reports.city_command import city_command

    sys.exit(city_command(folder, **options))


@main.command("check-city")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
def check_city_cmd(folder: Path, out: Path) -> None:
    """Check the outputs OUT of a city run across units (pool officers, Allocation, shortfalls)."""
    from roster.reports.city_command import check_city_command

    sys.exit(check_city_command(folder, out))
