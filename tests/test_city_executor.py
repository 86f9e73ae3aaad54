"""The executor runs pure tasks: results in order, a failing task retried once, then reported,
and a task whose worker dies does not take the other tasks down with it."""

from __future__ import annotations

import os
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
