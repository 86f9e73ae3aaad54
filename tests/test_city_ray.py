"""The same 3-ward city through `--ray` (a local Ray instance, 2 CPUs) and through the local
executor with `--workers 1 --seed 1`: the same allocation and the same unit rosters.

Skipped only when Ray is not installed outside CI; in CI (``CI`` set) a missing Ray fails.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from roster.city.executor import HASH_SEED
from roster.city.names import COMMAND_FILE
from roster.cli import main
from roster.reports.city_command import EXIT_OK, EXIT_SHORT
from tests.builders import load_script

if importlib.util.find_spec("ray") is None and not os.environ.get("CI"):
    pytest.skip("ray is not installed (pip install 'roster[ray]')", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[1]
UNITS = ("P01", "P02", "P03")


def _rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    wb = load_workbook(path, read_only=True)
    rows = list(wb[sheet].iter_rows(values_only=True))
    wb.close()
    return rows


def _city(folder: Path, out: Path, *options: str) -> None:
    args = [
        "city",
        str(folder),
        "-o",
        str(out),
        "--seed",
        "1",
        "--unit-time-limit",
        "20",
        "--no-sheets",
    ]
    result = CliRunner().invoke(main, [*args, *options])
    assert result.exit_code in (EXIT_OK, EXIT_SHORT), result.output


def test_ray_gives_the_local_executors_allocation_and_rosters(tmp_path: Path) -> None:
    import ray

    folder = load_script("benchmarks/city.py").generate_city(
        tmp_path / "in", districts=2, wards=3, pool=8, days=5, people=10, seed=5
    )
    _city(folder, tmp_path / "local", "--workers", "1")
    ray.init(num_cpus=2, include_dashboard=False, runtime_env={"env_vars": HASH_SEED})
    try:
        _city(folder, tmp_path / "ray", "--ray")
    finally:
        ray.shutdown()
    for sheet in ("Điều động", "Đơn vị"):
        local = _rows(tmp_path / "local" / COMMAND_FILE, sheet)
        assert local == _rows(tmp_path / "ray" / COMMAND_FILE, sheet)
    assert len(_rows(tmp_path / "local" / COMMAND_FILE, "Điều động")) > 1
    for unit in UNITS:
        local = _rows(tmp_path / "local" / f"{unit}.xlsx", "Phân công")
        assert local == _rows(tmp_path / "ray" / f"{unit}.xlsx", "Phân công")


def _square(n: int) -> int:
    return n * n


def test_ray_outcomes_say_the_node_pid_and_peak_memory() -> None:
    import ray

    from roster.city.executor import RayExecutor

    ray.init(num_cpus=1, include_dashboard=False, runtime_env={"env_vars": HASH_SEED})
    try:
        outcomes = RayExecutor().map(_square, [2, 3])
        node = ray.util.get_node_ip_address()
        node_id = ray.get_runtime_context().get_node_id()[:8]
    finally:
        ray.shutdown()
    assert [o.value for o in outcomes] == [4, 9]
    for o in outcomes:
        assert o.worker is not None and o.worker.node == f"{node} ({node_id})"
        assert o.worker.pid != os.getpid() and o.worker.peak_mb > 0
