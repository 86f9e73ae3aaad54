"""Imports run one way (issue 11): every `roster` module against the layer map, the checker
against everything but the bottom layer, and the checker against the model's helpers.

The layer map (lower numbers are lower; a module may import its own layer and any below):

0. data, errors, rules, findings, result, text, outputs (names of output files), coverage_map
   (the state of each area and day), tier_words (each tier in words): plain data and words.
1. io (reading and writing workbooks), history (the SQLite record of versions), model (the
   CP-SAT model), and verify (the checker, which may import layer 0 only).
2. solving: solver, windows (the start's last gaps closed a window of days at a time),
   explain, params (solve parameters), load (reading a workbook and asking the checker
   whether its Fixed rows can be honoured).
3. features: replan, cover, trace, exposure, donors, and the benchmark package (bench).
4. reports: reports, sheets, summary, calendar (iCalendar files), notices (change messages).
5. the command line (cli, __main__) and the package's lazy façade (roster/__init__.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import roster

PACKAGE = Path(roster.__file__).parent
LAYERS: dict[str, int] = {
    "roster.data": 0,
    "roster.errors": 0,
    "roster.rules": 0,
    "roster.findings": 0,
    "roster.result": 0,
    "roster.text": 0,
    "roster.outputs": 0,
    "roster.coverage_map": 0,
    "roster.tier_words": 0,
    "roster.history": 1,
    "roster.io": 1,
    "roster.model": 1,
    "roster.verify": 1,
    "roster.solver": 2,
    "roster.windows": 2,
    "roster.explain": 2,
    "roster.params": 2,
    "roster.load": 2,
    "roster.replan": 3,
    "roster.cover": 3,
    "roster.trace": 3,
    "roster.donors": 3,
    "roster.bench": 3,
    "roster.exposure": 3,
    "roster.city": 3,
    "roster.reports": 4,
    "roster.sheets": 4,
    "roster.summary": 4,
    "roster.calendar": 4,
    "roster.notices": 4,
    "roster.cli": 5,
    "roster.__main__": 5,
    "roster": 5,
}
# `data` helpers both the model and the checker may use: `person_by_id`, `shift_by_id` and
# `area_by_id` are one-line dicts from id to the object (`{p.id: p for p in self.people}`);
# a mistake in one would break every lookup at once, loudly, not hide a rule.
TRIVIAL_HELPERS = {"person_by_id", "shift_by_id", "area_by_id"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> int:
    """The layer of the longest prefix of `module` in the map."""
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        name = ".".join(parts[:n])
        if name in LAYERS:
            return LAYERS[name]
    raise KeyError(f"{module} is in no layer: add it to LAYERS")


def imports(path: Path) -> set[str]:
    """Every `roster` module `path` imports, anywhere in it (functions and TYPE_CHECKING too);
    `from roster.model import coverage` counts as `roster.model.coverage`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                as_path = PACKAGE.parent / Path(*sub.split("."))
                is_module = as_path.with_suffix(".py").exists() or as_path.is_dir()
                found.add(sub if is_module else node.module)
    return {m for m in found if m == "roster" or m.startswith("roster.")}


MODULES = sorted(PACKAGE.rglob("*.py"))
EDGES = sorted(
    (module_name(path), target)
    for path in MODULES
    for target in imports(path)
    if target != module_name(path)
)


@pytest.mark.parametrize(("importer", "imported"), EDGES)
def test_imports_run_downward(importer: str, imported: str) -> None:
    if importer == "roster":  # the façade names everything, lazily, for library users
        return
    assert layer(imported) <= layer(importer), (
        f"{importer} (layer {layer(importer)}) imports {imported} (layer {layer(imported)})"
    )


def test_every_module_is_in_a_layer() -> None:
    for path in MODULES:
        layer(module_name(path))


def test_the_checker_imports_only_the_bottom_layer() -> None:
    wrong = {m for m in imports(PACKAGE / "verify.py") if layer(m) != 0}
    assert not wrong


def _data_helpers() -> tuple[set[str], set[str]]:
    """(methods, properties) of `roster/data.py`'s classes, and its module functions."""
    tree = ast.parse((PACKAGE / "data.py").read_text(encoding="utf-8"))
    methods = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    properties: set[str] = set()
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        for item in cls.body:
            if not isinstance(item, ast.FunctionDef) or item.name.startswith("_"):
                continue
            decorators = {ast.unparse(d) for d in item.decorator_list}
            if decorators & {"property", "cached_property"}:
                properties.add(item.name)
            elif not decorators:
                methods.add(item.name)
    return methods, properties


def helpers_used(paths: list[Path]) -> set[str]:
    """The `data` helpers `paths` use: a method when called (`data.max_weekends(p)`, not the
    field `person.max_weekends` of the same name), a property whenever it is read."""
    methods, properties = _data_helpers()
    used: set[str] = set()
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                fn = node.func
                name = fn.attr if isinstance(fn, ast.Attribute) else getattr(fn, "id", "")
                if name in methods:
                    used.add(name)
            elif isinstance(node, ast.Attribute) and node.attr in properties:
                used.add(node.attr)
    return used


def test_the_checker_uses_no_data_helper_of_the_model() -> None:
    model = helpers_used(sorted((PACKAGE / "model").glob("*.py")))
    checker = helpers_used([PACKAGE / "verify.py"])
    assert model, "the scan found nothing: it is broken"
    assert not (model & checker) - TRIVIAL_HELPERS
