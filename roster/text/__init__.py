"""Every word the program says to a person, in Vietnamese and English, and how to look one up.

Why a package and not one module: each language is one module (``vi.py``, ``en.py``) holding
``WORDS`` (every phrase, by key), the weekday names and the two date forms, so a third language
is one new module with the same keys plus its line in ``LANGUAGES`` below (the test of the
catalogue checks the keys and the ``{placeholders}`` of every phrase against the others). The
workbook contract's sheet and column names (``contract.py``) are a table of their own: they are
input as well as output, and every name the contract lists must keep being read in either
language whatever the unit's ``language`` says.

What a command prints follows the unit's ``language`` setting (``say``); an error that stops a
command is said in both languages (``both``), since it may come before the workbook is read.

This is the bottom layer: it imports nothing else of ``roster``, so the checker, the reader
and the writer can all say things in the unit's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from types import ModuleType

from roster.text import en, vi

LANGUAGES: dict[str, ModuleType] = {"vi": vi, "en": en}
DEFAULT = "vi"  # a ward's workbook that names no language is read out in Vietnamese


def language_of(where: object) -> str:
    """The output language of a ``language`` setting, of settings or of problem data: one
    the catalogue has, else Vietnamese."""
    settings = getattr(where, "settings", where)
    language = getattr(settings, "language", settings)
    return language if language in LANGUAGES else DEFAULT


def words(language: object) -> dict[str, str]:
    return LANGUAGES[language_of(language)].WORDS


def section(prefix: str, language: object) -> dict[str, str]:
    """The phrases under ``prefix.`` by their key without it: for a module that says many."""
    start = f"{prefix}."
    return {k.removeprefix(start): v for k, v in words(language).items() if k.startswith(start)}


def say(key: str, language: object, **values: object) -> str:
    """The phrase ``key`` in ``language`` with ``values`` in its ``{placeholders}``."""
    return words(language)[key].format(**values)


def both(key: str, **values: object) -> str:
    """Vietnamese / English: an error that stops a command, whatever the workbook says."""
    return " / ".join(say(key, language, **values) for language in LANGUAGES)


def rule_label(rule: object, language: object) -> str:
    """What a reader calls a rule (``Rule.MIN_REST`` -> "nghỉ giữa hai ca")."""
    return say(f"rule.{rule}", language)


def long_date(day: date, language: object) -> str:
    """09/08/2021 in Vietnamese; 9 Aug 2021 in English."""
    return LANGUAGES[language_of(language)].date(day)


def short_date(day: date, language: object) -> str:
    return LANGUAGES[language_of(language)].short_date(day)


def weekday(day: date, language: object) -> str:
    return LANGUAGES[language_of(language)].WEEKDAYS[day.weekday()]


def short_weekday(day: date, language: object) -> str:
    return LANGUAGES[language_of(language)].SHORT_WEEKDAYS[day.weekday()]


@dataclass(frozen=True)
class Phrase:
    """A phrase said before its language is known (the reader warns about a column before it
    has read the ``language`` setting), put into words once it is."""

    key: str
    values: dict[str, object] = field(default_factory=dict)

    def text(self, language: object) -> str:
        """The phrase in ``language``; a value that is a phrase itself is said in it too."""
        values = {
            k: v.text(language) if isinstance(v, Phrase) else v for k, v in self.values.items()
        }
        return say(self.key, language, **values)

    def __hash__(self) -> int:  # the values are words and numbers: a phrase can be in a set
        return hash((self.key, tuple(self.values.items())))

    def __str__(self) -> str:
        """Said where no language is known (a parser's error read as text): in both."""
        return " / ".join(self.text(language) for language in LANGUAGES)


def render(said: str | Phrase, language: object) -> str:
    """A phrase in ``language``; text that is already words stays as it is."""
    return said.text(language) if isinstance(said, Phrase) else said
