"""The words of the web pages: the ``web.`` section of the project's text catalogue
(``roster/text``), Vietnamese first, English by the switch."""

from __future__ import annotations

from functools import cache

from roster.text import LANGUAGES as CATALOGUE
from roster.text import section

LANGUAGES = tuple(CATALOGUE)


@cache
def words(language: str) -> dict[str, str]:
    """The page words of one language (Vietnamese for any the catalogue lacks)."""
    return section("web", language)
