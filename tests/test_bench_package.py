"""The benchmark package: its instances ship inside it, and the two definitions of the
weighted objective (the model's, and the score recomputed from a roster) agree on the
benchmark's shape, the search's array penalty equals the score, and the score refuses
data outside that shape."""

from __future__ import annotations

import ast
import fnmatch
import random
from pathlib import Path
from time import monotonic

import pytest
from ortools.sat.python import cp_model

import roster
from roster.bench.curtois_format import AREA
from roster.bench.lns import OFF, construct, decompose, penalty, to_assignments
from roster.bench.run import INSTANCES, best_known, instances_dir, load
from roster.bench.score import OutsideBenchmarkShape, score, shape_problems
from roster.data import Area
from roster.model.build import build_model

PACKAGE = Path(roster.__file__).parent


def test_instances_ship_inside_the_package() -> None:
    """The loader finds every instance in the package itself, not in the repository's
    benchmarks/ folder, so `roster bench curtois` works from any installed copy."""
    folder = Path(str(instances_dir()))
    assert folder.is_relative_to(PACKAGE)
    assert {f"Instance{n}.txt" for n in INSTANCES} <= {p.name for p in folder.iterdir()}
    assert set(best_known()) == {f"Instance{n}" for n in INSTANCES}
    assert len(load(24).people) == 150


def test_package_data_globs_cover_every_instance_file() -> None:
    """pyproject.toml's package-data entry names every file the loader reads."""
    tomllib = pytest.importorskip("tomllib")
    pyproject = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    globs = pyproject["tool"]["setuptools"]["package-data"]["roster.bench"]
    bench = PACKAGE / "bench"
    for path in Path(str(instances_dir())).iterdir():
        name = path.relative_to(bench).as_posix()
        assert any(fnmatch.fnmatch(name, g) for g in globs), name


@pytest.mark.parametrize("number", [2, 3, 7, 13])
def test_search_penalty_is_the_score_on_arrays(number: int) -> None:
    """On random rosters (rules broken or not: neither counts them), the search's array
    penalty and the score from the roster's assignments are one number."""
    data = load(number)
    dec = decompose(data)
    rng = random.Random(number)
    for _ in range(5):
        roster = [
            [
                rng.choice(rules.allowed[d]) if rules.allowed[d] and rng.random() < 0.7 else OFF
                for d in range(dec.days)
            ]
            for rules in dec.people
        ]
        assert penalty(dec, roster) == score(data, to_assignments(dec, roster, AREA))


@pytest.mark.parametrize("number", [2, 3])
def test_model_objective_is_the_score(number: int) -> None:
    """The model's weighted objective of a feasible roster, every work variable fixed to
    it, equals the score of the same roster."""
    data = load(number)
    dec = decompose(data)
    found = construct(dec, monotonic() + 2, workers=1, seed=0)
    assert found is not None
    assignments = to_assignments(dec, found, AREA)
    worked = {(a.person, data.day_index(a.date), a.shift) for a in assignments}
    built = build_model(data)
    for (p, d, s, _m), var in built.vars.work.items():
        built.model.add(var == int((p, d, s) in worked))
    built.model.minimize(built.objective.weighted_expr())
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    assert solver.solve(built.model) == cp_model.OPTIMAL
    assert round(solver.objective_value) == score(data, assignments)


def test_score_refuses_data_outside_the_benchmark_shape() -> None:
    data = load(1)
    assert shape_problems(data) == []
    fair = data.model_copy(
        update={"settings": data.settings.model_copy(update={"weight_fairness": 1})}
    )
    with pytest.raises(OutsideBenchmarkShape, match="weight_fairness"):
        score(fair, [])
    with pytest.raises(OutsideBenchmarkShape, match="weight_fairness"):
        decompose(fair)
    two_areas = data.model_copy(update={"areas": (*data.areas, Area(id="other"))})
    with pytest.raises(OutsideBenchmarkShape, match="2 areas"):
        score(two_areas, [])
    tiered = data.model_copy(
        update={"settings": data.settings.model_copy(update={"objective": "lexicographic"})}
    )
    assert any("objective" in reason for reason in shape_problems(tiered))


def test_score_imports_only_the_bottom_layer() -> None:
    """An independent recomputation: nothing of the model, the checker or the search."""
    tree = ast.parse((PACKAGE / "bench" / "score.py").read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    ours = {m for m in imported if m and m.split(".")[0] == "roster"}
    assert ours <= {"roster.data", "roster.rules", "roster.findings"}, ours
