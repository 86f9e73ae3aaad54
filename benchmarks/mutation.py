"""A small AST mutation tester for one module: how many deliberate bugs do the tests catch?

Each mutant changes one thing in the module (a comparison, an arithmetic or boolean
operator, an integer constant, a negated condition, a deleted statement), is written into a
copy of the project, and the chosen tests run against it; a mutant that no test fails on
"survives". Hand-rolled rather than mutmut, whose 3.x trampolines need the package layout
it expects and whose 2.x rewrites the file in place (other work shares this checkout).

    python benchmarks/mutation.py roster/verify.py tests/test_verify.py -o mutants.json

Not part of CI: a full run takes tens of minutes (see benchmarks/results/mutation.md).
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SWAP_COMPARE = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
SWAP_BINOP = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.FloorDiv, ast.FloorDiv: ast.Mult}
SWAP_BOOL = {ast.And: ast.Or, ast.Or: ast.And}


@dataclass
class Mutant:
    index: int
    line: int
    function: str
    change: str
    killed: bool | None = None
    seconds: float = 0.0


def _enclosing(tree: ast.Module) -> dict[int, str]:
    """Line -> name of the top-level function or class holding it."""
    out: dict[int, str] = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1):
                out[line] = node.name
    return out


def _in_message(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Inside an f-string or a string expression: words, not rules."""
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.JoinedStr):
            return True
    return False


def _sites(tree: ast.Module) -> Iterator[tuple[ast.AST, str, object]]:
    """Every (node, description, replacement spec) the mutator can change."""
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if _in_message(node, parents):
            continue
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in SWAP_COMPARE:
                    new = SWAP_COMPARE[type(op)].__name__
                    yield node, f"{type(op).__name__} -> {new}", ("compare", i)
        elif isinstance(node, ast.BinOp) and type(node.op) in SWAP_BINOP:
            new = SWAP_BINOP[type(node.op)].__name__
            yield node, f"{type(node.op).__name__} -> {new}", ("binop",)
        elif isinstance(node, ast.BoolOp):
            new = SWAP_BOOL[type(node.op)].__name__
            yield node, f"{type(node.op).__name__} -> {new}", ("boolop",)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield node, "drop not", ("unnot",)
        elif (
            isinstance(node, ast.Constant)
            and type(node.value) is int
            and not isinstance(parents.get(node), ast.Subscript)
        ):
            yield node, f"{node.value} -> {node.value + 1}", ("const",)
        elif isinstance(node, (ast.If, ast.While)) and not isinstance(node.test, ast.UnaryOp):
            yield node, "negate condition", ("negate",)
        elif isinstance(node, (ast.Continue, ast.Break)):
            yield node, f"{type(node).__name__.lower()} -> pass", ("pass",)
        elif (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Attribute)
            and node.value.func.attr in ("append", "add", "update")
        ):
            yield node, f"delete .{node.value.func.attr}(...)", ("pass",)


def _apply(node: ast.AST, spec: tuple) -> ast.AST:
    kind = spec[0]
    if kind == "compare":
        node.ops[spec[1]] = SWAP_COMPARE[type(node.ops[spec[1]])]()
    elif kind == "binop":
        node.op = SWAP_BINOP[type(node.op)]()
    elif kind == "boolop":
        node.op = SWAP_BOOL[type(node.op)]()
    elif kind == "unnot":
        return node.operand
    elif kind == "const":
        node.value = node.value + 1
    elif kind == "negate":
        node.test = ast.UnaryOp(op=ast.Not(), operand=node.test)
    elif kind == "pass":
        return ast.Pass()
    return node


class _Replace(ast.NodeTransformer):
    def __init__(self, target: int, spec: tuple):
        self.target, self.spec = target, spec

    def visit(self, node: ast.AST) -> ast.AST:
        if id(node) == self.target:
            return _apply(node, self.spec)
        return super().visit(node)


def mutants(source: str) -> list[tuple[Mutant, str]]:
    """Every mutant of `source`, with its mutated source."""
    tree = ast.parse(source)
    where = _enclosing(tree)
    out = []
    for i, (node, change, spec) in enumerate(list(_sites(tree))):
        # Find the same node in a fresh copy by its position in the walk.
        fresh = copy.deepcopy(tree)
        target = list(ast.walk(fresh))[list(ast.walk(tree)).index(node)]
        mutated = _Replace(id(target), spec).visit(fresh)
        ast.fix_missing_locations(mutated)
        line = getattr(node, "lineno", 0)
        out.append((Mutant(i, line, where.get(line, "<module>"), change), ast.unparse(mutated)))
    return out


def _copy_project(into: Path) -> None:
    for name in ("roster", "tests", "benchmarks", "inputs", "pyproject.toml"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, into / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, into / name)


def run(
    module: str,
    tests: list[str],
    pytest_args: list[str],
    timeout: float,
    skip: set[str],
    every: int = 1,
    only: set[int] | None = None,
) -> list[Mutant]:
    source = (ROOT / module).read_text(encoding="utf-8")
    found = [(m, text) for m, text in mutants(source) if m.function not in skip][::every]
    if only is not None:
        found = [(m, text) for m, text in mutants(source) if m.index in only]
    results = []
    with tempfile.TemporaryDirectory(prefix="mutation-") as tmp:
        work = Path(tmp)
        _copy_project(work)
        target = work / module
        command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
        command += pytest_args + tests
        env = {"PYTHONPATH": str(work), "PATH": "/usr/bin:/bin", "HYPOTHESIS_PROFILE": "default"}
        for mutant, text in found:
            target.write_text(text, encoding="utf-8")
            start = time.monotonic()
            try:
                done = subprocess.run(
                    command, cwd=work, env=env, capture_output=True, timeout=timeout
                )
                mutant.killed = done.returncode != 0
            except subprocess.TimeoutExpired:
                mutant.killed = True  # a mutant that hangs the tests is caught by them
            mutant.seconds = round(time.monotonic() - start, 1)
            results.append(mutant)
            state = "killed" if mutant.killed else "SURVIVED"
            print(
                f"{mutant.index:4d} {state:8s} {mutant.line:4d} {mutant.function}: {mutant.change}",
                flush=True,
            )
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("module", help="the module to mutate, e.g. roster/verify.py")
    parser.add_argument("tests", nargs="+", help="test files or node ids to run on each mutant")
    parser.add_argument("-o", "--output", type=Path, help="write every mutant's fate as JSON")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per mutant")
    parser.add_argument("--list", action="store_true", help="only list the mutants")
    parser.add_argument("--skip", action="append", default=[], help="a function left alone")
    parser.add_argument("--every", type=int, default=1, help="run every n-th mutant only")
    parser.add_argument("--only", help="run these mutants only (indexes, comma-separated)")
    parser.add_argument("--pytest-arg", action="append", default=[], help="passed to pytest")
    args = parser.parse_args(argv)
    if args.list:
        for mutant, _text in mutants((ROOT / args.module).read_text(encoding="utf-8")):
            if mutant.function not in args.skip:
                print(f"{mutant.index:4d} {mutant.line:4d} {mutant.function}: {mutant.change}")
        return
    only = {int(i) for i in args.only.split(",")} if args.only else None
    results = run(
        args.module, args.tests, args.pytest_arg, args.timeout, set(args.skip), args.every, only
    )
    killed = sum(m.killed for m in results)
    print(f"score: {killed}/{len(results)} killed ({100 * killed / max(len(results), 1):.1f} %)")
    if args.output:
        args.output.write_text(json.dumps([asdict(m) for m in results], indent=1) + "\n")


if __name__ == "__main__":
    main()
