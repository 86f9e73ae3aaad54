"""`roster city` and `roster check-city`: run, write, print, and say by the exit code how it went.

Exit codes (``ExitCode``): 0 every place covered; 3 places still short (in `Requests above`);
6 the run is incomplete (a unit workbook broken or missing, a unit solve failed or not reached
within the run's time limit, a pool row left out); 130 interrupted (Ctrl-C, SIGTERM: the units
finished so far are written, the rest marked not solved); 2 the pool workbook unreadable or
the output folder is the input folder; 5 an output could not be written; `check-city`: 4 when
anything across units is wrong.
"""

from __future__ import annotations

import math
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console

from roster.city.check import check_city
from roster.city.executor import make_executor
from roster.city.folder import CityInputError
from roster.city.run import INTERRUPTED, Control, run_city
from roster.errors import ExitCode, OutputError
from roster.reports.city import write_all
from roster.text import both

EXIT_OK, EXIT_INPUT, EXIT_SHORT = ExitCode.OK, ExitCode.INPUT, ExitCode.GAPS
EXIT_INCOMPLETE, EXIT_FAILED, EXIT_OUTPUT = (
    ExitCode.INCOMPLETE,
    ExitCode.RULE_BROKEN,
    ExitCode.OUTPUT,
)
err = Console(stderr=True, highlight=False)
out = Console(highlight=False)


def _output(folder: Path, output: Path | None) -> Path:
    return output or Path("outputs") / folder.resolve().name


@contextmanager
def _interruptible(control: Control) -> Iterator[None]:
    """Ctrl-C and SIGTERM stop the run instead of killing it: what is finished gets written."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread only
        return
    signals = (signal.SIGINT, signal.SIGTERM)
    before = {s: signal.getsignal(s) for s in signals}
    for s in signals:
        signal.signal(s, lambda _signum, _frame: control.interrupt())
    try:
        yield
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)


def city_command(
    folder: Path,
    output: Path | None = None,
    time_limit: float | None = None,
    unit_time_limit: float | None = None,
    workers: int = 1,
    ray_address: str | None = None,
    seed: int = 0,
    no_sheets: bool = False,
) -> int:
    """Run the city in `folder`, write under `output`; returns the exit code."""
    target = _output(folder, output)
    if target.resolve() == folder.resolve():
        err.print(both("city.same_folder"), markup=False)
        return EXIT_INPUT
    executor = make_executor(workers, ray_address, use_ray=ray_address is not None)
    control = Control(math.inf)
    try:
        with _interruptible(control):
            run = run_city(folder, executor, time_limit, unit_time_limit, seed, control)
    except CityInputError as error:
        err.print(f"{both('cli.input_errors')}: {len(error.problems)}", markup=False)
        for problem in error.problems:
            err.print(f"  - {problem}", markup=False, soft_wrap=True)
        return EXIT_INPUT
    for problem in run.city.problems:
        err.print(f"  - {problem}", markup=False, soft_wrap=True)
    try:
        text = write_all(run, target, sheets=not no_sheets)
    except OutputError as error:
        err.print(str(error), markup=False)
        return EXIT_OUTPUT
    out.print(text, markup=False, end="", soft_wrap=True)
    out.print(f"Written to {target}", markup=False)
    if run.stopped == INTERRUPTED:
        return ExitCode.INTERRUPTED
    if not run.complete:
        return EXIT_INCOMPLETE
    short = any(r.gaps for r in run.results.values())
    return EXIT_SHORT if short else EXIT_OK


def check_city_command(folder: Path, output: Path) -> int:
    """Check the outputs of a city run; returns the exit code (1 when anything is wrong)."""
    try:
        found = check_city(folder, output)
    except CityInputError as error:
        for problem in error.problems:
            err.print(f"  - {problem}", markup=False, soft_wrap=True)
        return EXIT_INPUT
    for issue in found.issues:
        out.print(issue, markup=False, soft_wrap=True)
    out.print(
        f"{found.units_checked} unit roster(s) checked, {found.pool_rows} pool officer row(s); "
        f"{'OK' if found.ok else f'{len(found.issues)} problem(s)'}",
        markup=False,
    )
    return EXIT_OK if found.ok else EXIT_FAILED
