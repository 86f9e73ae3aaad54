"""The executor runs pure tasks: results in order, a failing task retried once, then reported,
and a task whose worker dies does not take the other tasks down with it."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from roster.city.executor import ATTEMPTS, LocalExecutor


def square(n: int) -> int:
    return n * n


def flaky(marker: str) -> str:
    """Fails the first time (no marker yet), succeeds the second."""
    path = Path(marker)
    if not path.exists():
        path.write_text("tried")
        raise RuntimeError("first attempt fails")
    return "second attempt"


def dies(task: object) -> object:
    """Kills its own worker process (as an out-of-memory kill would) on the task 'die'."""
    if task == "die":
        os._exit(9)
    return task


def test_results_come_back_in_order() -> None:
    outcomes = LocalExecutor(2).map(square, [1, 2, 3, 4])
    assert [o.value for o in outcomes] == [1, 4, 9, 16]
    assert all(o.ok and o.attempts == 1 for o in outcomes)


def test_a_failed_task_is_retried_once(tmp_path: Path) -> None:
    (outcome,) = LocalExecutor(1).map(flaky, [str(tmp_path / "marker")])
    assert outcome.ok and outcome.value == "second attempt" and outcome.attempts == ATTEMPTS


def test_a_dying_worker_is_reported_and_the_others_finish() -> None:
    outcomes = LocalExecutor(2).map(dies, ["a", "die", "b"])
    assert [o.value for o in outcomes if o.ok] == ["a", "b"]
    failed = outcomes[1]
    assert not failed.ok and failed.attempts == ATTEMPTS
    assert failed.error


def test_tasks_not_started_when_a_worker_died_run_on_in_a_new_pool() -> None:
    """Only the tasks that were running fail with the worker; the ones still waiting run on,
    first attempt, sharing a new pool (not one process each, one after another)."""
    outcomes = LocalExecutor(1).map(dies, ["die", "a", "b", "c"])
    assert not outcomes[0].ok and outcomes[0].attempts == ATTEMPTS
    rest = outcomes[1:]
    assert [o.value for o in rest] == ["a", "b", "c"]
    assert all(o.attempts == 1 for o in rest)
    assert len({o.worker.pid for o in rest}) == 1


def grow(mb: int) -> int:
    """Holds `mb` MB for a moment, so the worker's peak memory is at least that."""
    block = bytearray(mb * 1024 * 1024)
    return len(block) // (1024 * 1024)


def test_each_outcome_says_where_it_ran_and_the_workers_peak_memory() -> None:
    outcomes = LocalExecutor(1).map(grow, [1, 64])
    assert [o.value for o in outcomes] == [1, 64]  # the value is what the task returned
    for o in outcomes:
        assert o.worker is not None
        assert o.worker.node == socket.gethostname()
        assert o.worker.pid not in (0, os.getpid())
    assert outcomes[1].worker.peak_mb >= 64  # ru_maxrss of the worker, at the task's end
    assert outcomes[1].worker.peak_mb >= outcomes[0].worker.peak_mb > 0


def test_a_failed_task_has_no_worker() -> None:
    outcomes = LocalExecutor(2).map(dies, ["a", "die"])
    assert outcomes[0].worker is not None and outcomes[1].worker is None
