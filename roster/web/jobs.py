"""Solves and re-plans running in the background, one at a time per workbook.

A job lives in the server, not in the page: closing the browser leaves it running, and the
page shows it again when reopened. The stop button sets the library's ``SolveControl`` flag,
so the best roster found so far is kept, as with Ctrl-C on the command line.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from roster.solver import ProgressEvent, SolveControl


@dataclass
class Job:
    """One background run: its kind, its last progress report, and how it ended."""

    key: str
    kind: str  # "solve" or "replan"
    limit: float
    base: int | None = None  # the version a re-plan starts from
    control: SolveControl = field(default_factory=SolveControl)
    started: float = field(default_factory=time.monotonic)
    last: ProgressEvent | None = None
    outcome: Any = None
    summary: dict[str, int] = field(default_factory=dict)  # what the result says, in numbers
    error: str = ""
    done: bool = False
    finished: float | None = None

    def progress(self, event: ProgressEvent) -> None:
        """The solver's progress callback (called from the solver's thread)."""
        self.last = event

    @property
    def elapsed(self) -> float:
        return (self.finished or time.monotonic()) - self.started


class Jobs:
    """The jobs of the server, by workbook: a second one is refused while the first runs."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> Job | None:
        return self._jobs.get(key)

    def running(self, key: str) -> bool:
        job = self._jobs.get(key)
        return job is not None and not job.done

    def start(
        self,
        key: str,
        kind: str,
        limit: float,
        work: Callable[[Job], Any],
        base: int | None = None,
    ) -> Job | None:
        """Run ``work(job)`` in a thread; None when a job of this workbook still runs."""
        with self._lock:
            if self.running(key):
                return None
            job = Job(key, kind, limit, base)
            self._jobs[key] = job
        threading.Thread(target=self._run, args=(job, work), daemon=True, name=f"job-{key}").start()
        return job

    def forget(self, key: str) -> None:
        """Drop a finished job once its outcome is taken (saved or discarded)."""
        with self._lock:
            if key in self._jobs and self._jobs[key].done:
                del self._jobs[key]

    @staticmethod
    def _run(job: Job, work: Callable[[Job], Any]) -> None:
        try:
            job.outcome = work(job)
        except Exception as exc:  # shown on the page: the server itself keeps running
            job.error = str(exc) or type(exc).__name__
        finally:
            job.finished = time.monotonic()
            job.done = True
