"""What ends a run early, each with the exit code that says why (click's ClickException pattern).

Input problems name the sheet, row and column, the value found and what was expected; readers
collect every problem before raising, so one run reports them all at once. The command line
turns each error below into its exit code in one place (`roster.cli`), and the README's table
of exit codes is `ExitCode`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import IntEnum
from typing import ClassVar

from roster.text import LANGUAGES, Phrase, render, say


class ExitCode(IntEnum):
    """One meaning per code."""

    OK = 0  # every place covered by named people
    INTERNAL = 1  # a bug: an unexpected exception, or the checker disagrees with the model
    INPUT = 2  # bad input: the workbook, the roster or a command-line value
    GAPS = 3  # covered only with requested reinforcements, or gaps remain
    RULE_BROKEN = 4  # `roster check`: the roster breaks a rule of the workbook
    OUTPUT = 5  # an output could not be written
    INCOMPLETE = 6  # `roster city`: a unit broken, missing or not solved; the rest written
    INTERRUPTED = 130  # Ctrl-C or SIGTERM


@dataclass(frozen=True)
class Problem:
    """One bad cell, row, sheet or file: where it is, the value found, what was expected.

    ``expected`` is a ``Phrase`` of the text catalogue (or, from older callers, English
    text); ``language`` is the workbook's, set once its Settings are read. A problem whose
    workbook's language could not be read is said in both languages, as ``both`` says an
    error; one with English text and no language stays in English.
    """

    sheet: str
    row: int | None
    column: str | None
    value: object
    expected: str | Phrase
    language: str | None = None

    def said_in(self, language: str | None) -> Problem:
        """The same problem, to be said in ``language`` (None: in both)."""
        return replace(self, language=language)

    def expected_text(self, language: object = None) -> str:
        """What was expected, in ``language`` (default: the problem's own, else as str says)."""
        language = language or self.language
        if language is None and isinstance(self.expected, Phrase):
            return str(self.expected)
        return render(self.expected, language or "en")

    def text(self, language: object) -> str:
        """The whole problem in ``language``: sheet, row and column as the workbook names
        them, the value found and what was expected."""
        where = [self.sheet or say("problem.workbook", language)]
        if self.row is not None:
            where.append(say("problem.row", language, row=self.row))
        if self.column:
            where.append(say("problem.column", language, column=self.column))
        value = self.value
        if isinstance(value, date):  # as Excel shows it, not datetime.datetime(2021, 1, 8, 0, 0)
            timed = isinstance(value, datetime) and (value.hour or value.minute)
            value = value.strftime("%d/%m/%Y %H:%M" if timed else "%d/%m/%Y")
        expected = render(self.expected, language)
        if value is None or value == "":
            return say("problem.missing", language, where=", ".join(where), expected=expected)
        return say(
            "problem.found", language, where=", ".join(where), value=repr(value), expected=expected
        )

    def __str__(self) -> str:
        if self.language is not None:
            return self.text(self.language)
        if isinstance(self.expected, str):
            return self.text("en")
        return " / ".join(self.text(language) for language in LANGUAGES)


class RosterError(Exception):
    """A run that cannot go on; `exit_code` is what the command line exits with."""

    exit_code: ClassVar[ExitCode] = ExitCode.INTERNAL


class InputError(RosterError):
    """Raised with every problem found in an input; the CLI prints them all."""

    exit_code = ExitCode.INPUT

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class RequestError(RosterError):
    """What was asked does not fit the input (an unknown person, a day outside the horizon, a
    unit beyond the measured size, fixed rows that contradict the rules): bad input too."""

    exit_code = ExitCode.INPUT


class OutputError(RosterError):
    """An output could not be written (unwritable folder, file open in Excel, same as input)."""

    exit_code = ExitCode.OUTPUT


class HistoryError(RosterError):
    """The history database is damaged, missing where it is read, or written by a newer
    version of the program: bad input, and nothing was written."""

    exit_code = ExitCode.INPUT


class InternalError(RosterError):
    """The independent checker disagrees with the model: never hand out such a roster."""

    exit_code = ExitCode.INTERNAL


class Interrupted(RosterError):
    """Stopped by the user before the solver found any roster: there is nothing to write."""

    exit_code = ExitCode.INTERRUPTED
