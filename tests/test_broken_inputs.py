"""Every broken workbook of the corpus: exit 2, the expected message, no traceback, no search.

Both `roster validate` and `roster solve` are run on each case, in-process through click's
runner (a subprocess costs a second of imports per call); a few cases also go through the
installed `roster` command to prove the real entry point behaves the same.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from ortools.sat.python import cp_model

from roster.cli import main
from tests.broken.make_corpus import CASES, base, build_all, write_book


@pytest.fixture
def searches(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every CP-SAT search started: a refused input must be refused before any."""
    started: list[object] = []
    monkeypatch.setattr(cp_model.CpSolver, "solve", lambda self, *a, **k: started.append(a))
    return started


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    return build_all(tmp_path_factory.mktemp("corpus"))


def _flat(text: str) -> str:
    """Rich wraps long lines at the console width; compare words, not line breaks."""
    return " ".join(text.split())


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_corpus_has_at_least_25_cases() -> None:
    names = [case.name for case in CASES]
    assert len(names) >= 25 and len(set(names)) == len(names)


@pytest.mark.parametrize("command", ["validate", "solve"])
@pytest.mark.parametrize("name", [case.name for case in CASES])
def test_broken_input_exits_2_with_message(
    corpus: dict[str, tuple[Path, str]],
    name: str,
    command: str,
    tmp_path: Path,
    searches: list[object],
) -> None:
    path, fragment = corpus[name]
    before = _sha(path)
    output = tmp_path / "out"
    args = [command, str(path)]
    if command == "solve":
        args += ["-o", str(output), "--quiet"]
    result = CliRunner().invoke(main, args)
    text = _flat(result.output)
    assert result.exit_code == 2, text
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in text
    assert _flat(fragment) in text
    assert searches == []
    assert _sha(path) == before
    assert not output.exists()


@pytest.mark.parametrize("name", ["password-protected", "zip-bomb", "blank-formatted-rows"])
def test_installed_command_on_broken_files(corpus: dict[str, tuple[Path, str]], name: str) -> None:
    path, fragment = corpus[name]
    run = subprocess.run(
        [sys.executable, "-m", "roster", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=120,  # a guard against a hang, not a measure of speed
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr + run.stdout
    assert _flat(fragment) in _flat(run.stderr)


def test_solve_refuses_a_unit_beyond_the_supported_size(
    tmp_path: Path, searches: list[object]
) -> None:
    """62 people for 366 days (22,692 person-days) is past the measured limit: refused before
    any solving."""
    sheets = base()
    sheets["Settings"][3][1] = 366
    sheets["People"] += [[f"X{i:03}", f"Người {i}", None, None, None, None] for i in range(58)]
    workbook = write_book(tmp_path / "year.xlsx", sheets)
    result = CliRunner().invoke(main, ["solve", str(workbook), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "person-days" in _flat(result.output) and "supports at most" in _flat(result.output)
    assert searches == []
    assert not (tmp_path / "out").exists()
