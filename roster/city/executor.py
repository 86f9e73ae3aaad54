"""One small interface for running pure tasks in parallel: local processes, or Ray.

``executor.map(fn, tasks)`` returns one ``Outcome`` per task, in order. A task is pure
(inputs in, result out), so running it again gives the same result: a task that raises or
whose worker dies is run once more, and if it fails again its outcome says so; no task is
ever silently missing. ``fn`` must be a module-level function (it is pickled).

Every task runs inside ``_measured`` (``_measured_on_ray`` on Ray), which leaves its value as it
is and adds where and how it ran (``Worker``: the node, the worker's pid, the worker process's
peak resident memory at the end of the task), so a run can say how many tasks each node took
and how much memory its workers reached.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, Protocol

ATTEMPTS = 2  # the first run and one retry
# Workers start with one fixed string-hash seed, so set iteration (and with it the order in
# which a model's constraints are added) is the same on every run and on every engine.
HASH_SEED = {"PYTHONHASHSEED": "0"}


@dataclass(frozen=True)
class Worker:
    """Where a task ran and what its worker process had reached by the end of it."""

    node: str  # the host name locally; on Ray the node's IP and the short form of its id
    pid: int
    peak_mb: float  # the worker process's peak resident memory so far (ru_maxrss)


@dataclass(frozen=True)
class Outcome:
    """A task's result, or why it failed after every attempt."""

    value: Any = None
    error: str = ""
    attempts: int = 1
    skipped: bool = False  # not run: the caller stopped the run first
    worker: Worker | None = None  # None when the task did not finish (failed or skipped)

    @property
    def ok(self) -> bool:
        return not self.error


Stop = Callable[[], bool]  # asked after each task: True to start no more tasks
Done = Callable[[int, Outcome], None]  # told each task's outcome as it comes in
SKIPPED = Outcome(skipped=True)


def _never() -> bool:
    return False


def _ignore(index: int, outcome: Outcome) -> None:
    """The default progress callback: nobody is watching."""


class Executor(Protocol):
    def map(
        self,
        fn: Callable[[Any], Any],
        tasks: Sequence[Any],
        stop: Stop = _never,
        done: Done = _ignore,
    ) -> list[Outcome]: ...

    @property
    def description(self) -> str: ...

    @property
    def slots(self) -> int:
        """How many tasks run at once."""
        ...


def peak_mb() -> float:
    """This process's peak resident memory in MB (``ru_maxrss``: KB on Linux, bytes on
    macOS); 0.0 where the ``resource`` module does not exist (Windows)."""
    try:
        import resource
    except ImportError:
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def _measured(fn: Callable[[Any], Any], task: Any) -> tuple[Any, Worker]:
    """Run `fn(task)` in a local worker: its value, and this host, pid and peak memory."""
    value = fn(task)
    return value, Worker(socket.gethostname(), os.getpid(), peak_mb())


def _measured_on_ray(fn: Callable[[Any], Any], task: Any) -> tuple[Any, Worker]:
    """Run `fn(task)` in a Ray worker: its value, and its node (IP and short node id), pid
    and peak memory. An exception goes through untouched, so Ray still retries it."""
    import ray

    value = fn(task)
    node_id = ray.get_runtime_context().get_node_id() or ""
    node = f"{ray.util.get_node_ip_address()} ({node_id[:8]})" if node_id else socket.gethostname()
    return value, Worker(node, os.getpid(), peak_mb())


def _outcome(measured: tuple[Any, Worker], attempts: int = 1) -> Outcome:
    value, worker = measured
    return Outcome(value, attempts=attempts, worker=worker)


def _quiet() -> None:
    """Workers leave Ctrl-C to the main process, which lets running solves finish and keeps
    their rosters, then starts no new task."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _reason(error: BaseException) -> str:
    last = traceback.format_exception_only(type(error), error)[-1].strip()
    return last or type(error).__name__


@contextmanager
def _hash_seed() -> Iterator[None]:
    """Spawned workers read the environment at start: hand them the fixed hash seed."""
    before = os.environ.get("PYTHONHASHSEED")
    os.environ.update(HASH_SEED)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PYTHONHASHSEED", None)
        else:
            os.environ["PYTHONHASHSEED"] = before


class LocalExecutor:
    """Worker processes on this machine (``concurrent.futures``): no cluster, no extra package."""

    def __init__(self, workers: int = 1):
        self.workers = max(1, workers)

    @property
    def description(self) -> str:
        return f"local, {self.workers} worker process(es)"

    @property
    def slots(self) -> int:
        return self.workers

    def _round(
        self, fn: Callable[[Any], Any], tasks: dict[int, Any], stop: Stop, done: Done
    ) -> tuple[dict[int, Outcome], dict[int, Any]]:
        """At most one task per worker in flight, the next started only while not stopped, so a
        stop leaves the rest unstarted (skipped) and the running ones finish and count. `done`
        hears of each task as it comes in, except a failure (it may be retried). When a worker
        dies the pool is broken: the tasks it had not started yet are returned, to run in a new
        pool (they did nothing wrong)."""
        out: dict[int, Outcome] = {}
        waiting = list(tasks.items())[::-1]
        context = multiprocessing.get_context("spawn")
        workers = min(self.workers, len(tasks))
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_quiet)
        broken = False
        with _hash_seed(), pool:
            running: dict[Future, int] = {}
            while (waiting and not stop() and not broken) or running:
                while waiting and len(running) < workers and not stop() and not broken:
                    i, task = waiting[-1]
                    try:
                        running[pool.submit(_measured, fn, task)] = i
                        waiting.pop()
                    except BrokenProcessPool:
                        broken = True
                if not running:
                    break
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    i = running.pop(future)
                    out[i] = _collect(future, stop)
                    broken = broken or isinstance(future.exception(), BrokenProcessPool)
                    if out[i].ok:
                        done(i, out[i])
        if broken and not stop():
            return out, dict(reversed(waiting))
        for i, _task in waiting:
            out[i] = SKIPPED
            done(i, SKIPPED)
        return out, {}

    def _all(
        self, fn: Callable[[Any], Any], tasks: dict[int, Any], stop: Stop, done: Done
    ) -> dict[int, Outcome]:
        """Rounds until every task has an outcome: each round gives at least the one whose
        worker died its (failed) outcome, so this ends."""
        out: dict[int, Outcome] = {}
        while tasks:
            finished, tasks = self._round(fn, tasks, stop, done)
            out.update(finished)
        return out

    def map(
        self,
        fn: Callable[[Any], Any],
        tasks: Sequence[Any],
        stop: Stop = _never,
        done: Done = _ignore,
    ) -> list[Outcome]:
        """All tasks at once; each failed one again in a worker of its own, so that a task
        whose worker dies (taking the pool's other running tasks with it) fails alone the
        second time."""
        if not tasks:
            return []
        outcomes = self._all(fn, dict(enumerate(tasks)), stop, done)
        for i in range(len(tasks)):
            if outcomes[i].ok:
                continue
            if stop():
                outcomes[i] = SKIPPED
                done(i, SKIPPED)
                continue
            again = self._all(fn, {i: tasks[i]}, stop, done)[i]
            outcomes[i] = again if again.skipped else replace(again, attempts=ATTEMPTS)
            if again.error:
                done(i, outcomes[i])
        return [outcomes[i] for i in range(len(tasks))]


def _collect(future: Future, stop: Stop) -> Outcome:
    """A finished task's outcome; a failure while the run is stopping counts as skipped."""
    try:
        return _outcome(future.result())
    except Exception as error:  # the task raised, or its worker died
        return SKIPPED if stop() else Outcome(error=_reason(error))


class RayExecutor:
    """Ray tasks: a local Ray instance (``address`` None) or an existing cluster.

    Ray retries a task whose worker died or that raised (``max_retries=1``,
    ``retry_exceptions=True``); what still fails is reported in its outcome.
    """

    def __init__(self, address: str | None = None, num_cpus: int | None = None):
        import ray

        self.ray = ray
        self.address = address
        if not ray.is_initialized():
            if address:
                ray.init(address=address, log_to_driver=False, runtime_env={"env_vars": HASH_SEED})
            else:
                ray.init(
                    num_cpus=num_cpus,
                    log_to_driver=False,
                    include_dashboard=False,
                    runtime_env={"env_vars": HASH_SEED},
                )

    @property
    def description(self) -> str:
        return f"Ray at {self.address}" if self.address else "Ray, local"

    @property
    def slots(self) -> int:
        return max(1, int(self.ray.cluster_resources().get("CPU", 1)))

    def map(
        self,
        fn: Callable[[Any], Any],
        tasks: Sequence[Any],
        stop: Stop = _never,
        done: Done = _ignore,
    ) -> list[Outcome]:
        """Once stopped, the tasks not yet collected are cancelled and reported skipped."""
        remote = self.ray.remote(max_retries=ATTEMPTS - 1, retry_exceptions=True)(_measured_on_ray)
        refs = [remote.remote(fn, t) for t in tasks]
        out = []
        for i, ref in enumerate(refs):
            if stop():
                self.ray.cancel(ref)
                out.append(SKIPPED)
            else:
                try:
                    out.append(_outcome(self.ray.get(ref)))
                except Exception as error:
                    out.append(Outcome(error=_reason(error), attempts=ATTEMPTS))
            done(i, out[-1])
        return out


def make_executor(
    workers: int = 1, ray_address: str | None = None, use_ray: bool = False
) -> Executor:
    """`use_ray`: Ray (local when `ray_address` is None or 'local', on `workers` CPUs when more
    than one, else on all); otherwise `workers` local processes."""
    if use_ray:
        address = None if ray_address in (None, "", "local") else ray_address
        return RayExecutor(address, num_cpus=workers if address is None and workers > 1 else None)
    return LocalExecutor(workers)
