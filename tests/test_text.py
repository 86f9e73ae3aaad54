"""The text catalogue: every language says the same things, and nothing is said outside it."""

from __future__ import annotations

import ast
import string
import unicodedata
from pathlib import Path

import pytest

from roster import text
from roster.rules import Rule
from roster.text import LANGUAGES, rule_label, say

ROSTER = Path(text.__file__).resolve().parent.parent

# Vietnamese literals allowed outside the catalogue: the words the reader ACCEPTS (input
# vocabularies, by convention module-level names ending in _WORDS or _ALIASES) and what the
# date and yes/no parsers read, which is what people type, never what the program says.
INPUT_SUFFIXES = ("_WORDS", "_ALIASES")
READ_AS_TYPED = {("io/dates.py", "fold"), ("io/dates.py", "parse_weekdays")}
READ_AS_TYPED |= {("io/dates.py", "BOOL_EXPECTED")}


def _fields(phrase: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(phrase) if name is not None}


def test_every_language_has_the_same_keys() -> None:
    keys = {code: set(module.WORDS) for code, module in LANGUAGES.items()}
    first = keys["vi"]
    for code, own in keys.items():
        assert own == first, (code, sorted(own ^ first))


def test_every_phrase_has_the_same_placeholders_in_every_language() -> None:
    vi = LANGUAGES["vi"].WORDS
    for code, module in LANGUAGES.items():
        for key, phrase in module.WORDS.items():
            assert _fields(phrase) == _fields(vi[key]), (code, key)


def test_every_language_names_the_days_and_writes_dates() -> None:
    for module in LANGUAGES.values():
        assert len(module.WEEKDAYS) == len(module.SHORT_WEEKDAYS) == 7
        assert callable(module.date) and callable(module.short_date)


@pytest.mark.parametrize("rule", list(Rule))
def test_every_rule_has_a_label_in_every_language(rule: Rule) -> None:
    labels = {code: rule_label(rule, code) for code in LANGUAGES}
    assert all(labels.values()), labels
    assert labels["vi"] != rule.value  # a Vietnamese reader never sees the id


def test_unknown_language_reads_out_in_vietnamese() -> None:
    assert say("cli.warning", "fr") == say("cli.warning", "vi")
    assert text.language_of("en") == "en"


def _vietnamese(value: str) -> bool:
    """Letters with a diacritic (or đ): Vietnamese, as no other output language has them."""
    return any(c in "đĐ" or unicodedata.normalize("NFD", c) != c for c in value if c.isalpha())


def _allowed(module: str, statement: ast.stmt) -> bool:
    names = [
        target.id
        for target in getattr(statement, "targets", [getattr(statement, "target", None)])
        if isinstance(target, ast.Name)
    ]
    names += [statement.name] if isinstance(statement, (ast.FunctionDef, ast.ClassDef)) else []
    return any(n.endswith(INPUT_SUFFIXES) or (module, n) in READ_AS_TYPED for n in names)


def _docstrings(tree: ast.Module) -> set[int]:
    owners = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, owners) and ast.get_docstring(node, clean=False) is not None
    }


def vietnamese_outside_the_catalogue(root: Path = ROSTER) -> list[str]:
    """``module:line: literal`` for every Vietnamese string literal not in ``roster/text/``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        module = path.relative_to(root).as_posix()
        if module.startswith("text/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for statement in tree.body:
            if _allowed(module, statement):
                continue
            for node in ast.walk(statement):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and id(node) not in docs
                    and _vietnamese(node.value)
                ):
                    found.append(f"{module}:{node.lineno}: {node.value!r}")
    return found


def test_no_vietnamese_literal_outside_the_catalogue() -> None:
    assert vietnamese_outside_the_catalogue() == []


def test_the_scan_finds_a_vietnamese_literal(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text(
        '"""Tài liệu."""\nSTATUS_WORDS = ("nghỉ phép",)\nLABEL = "nghỉ phép"\n', encoding="utf-8"
    )
    assert vietnamese_outside_the_catalogue(tmp_path) == ["pkg/m.py:3: 'nghỉ phép'"]
