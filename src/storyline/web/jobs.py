"""Analyses as background jobs, in worker processes, so that reading stays fast while one runs.

``POST /api/analyze`` saves the upload, submits a job and answers at once with the job's id; the
job page (``/jobs/{id}``) and ``GET /api/jobs/{id}`` show its progress and, when it is done, link
the dossier. The analysis (spaCy, pure Python, holding the GIL) runs in a pool of worker processes
(``forkserver``), never on the server's event loop or its threads, so ``/api/health`` and every page
answer while a slow upload is analysed.

Limits per job: at most :data:`DEFAULT_JOB_SECONDS` of wall time (the worker's own ``SIGALRM``
budget, nested over the per-article budgets), an address-space limit on each worker process
(``RLIMIT_AS``, :data:`DEFAULT_WORKER_MEMORY_MB`) at a lower CPU priority (``nice`` 10), at most
:data:`MAX_ARTICLES_PER_JOB` articles, and
at most :data:`MAX_QUEUED` jobs waiting. A worker that dies (killed, out of memory) fails its job
with one line and the pool is started again.

Tests and in-memory stores run jobs in a thread instead (``processes=0``): the same job life cycle,
without the isolation.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import shutil
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.web.pipeline import Pipeline, Upload, UploadResult

log = logging.getLogger("storyline.web")

DEFAULT_JOB_SECONDS = 600.0
DEFAULT_WORKER_MEMORY_MB = 4096
MAX_ARTICLES_PER_JOB = 1000
MAX_QUEUED = 16
WORKER_NICE = 10  # workers run at a lower CPU priority than the server
KEEP_FINISHED = 200  # finished jobs remembered (oldest forgotten first)

ErrorInfo = tuple[int, str, list[str]]


@dataclass
class Job:
    id: str
    folder: Path
    progress_file: Path
    status: str = "queued"  # queued | running | done | failed
    created: float = field(default_factory=time.time)
    finished: float | None = None
    result: UploadResult | None = None
    error: ErrorInfo | None = None
    done: threading.Event = field(default_factory=threading.Event)
    early_problems: list[str] = field(default_factory=list)
    files: int = 0  # files and fetched pages given
    into: str | None = None  # the stored story the files are added to

    def progress(self) -> dict[str, Any]:
        try:
            data = json.loads(self.progress_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}


# ----------------------------------------------------------------------------- in the worker

_worker_stores: dict[str, Any] = {}


def _init_worker(memory_mb: int | None) -> None:
    try:  # the analysis yields the CPU to the server's request handling
        os.nice(WORKER_NICE)
    except OSError:
        pass
    if memory_mb:
        import resource

        limit = memory_mb * 2**20
        try:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ValueError, OSError):  # a lower hard limit is already in force
            pass


def _file_progress(path: Path) -> Callable[[str, int, int], None]:
    last = [0.0]

    def report(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] < 0.2 and done not in (0, total):
            return
        last[0] = now
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"stage": stage, "done": done, "total": total}), encoding="utf-8")
        os.replace(tmp, path)

    return report


def run_job(db_url: str, uploads: Sequence[Upload], title: str | None, progress_file: Path,
            seconds: float, max_articles: int,
            into: str | None = None) -> tuple[str, UploadResult | ErrorInfo]:
    """The job as a worker process runs it: ``("done", result)`` or ``("failed", (status, message,
    errors))``. Exceptions are described here: not all of ours survive pickling."""
    from storyline.run.budget import OverBudget, time_budget
    from storyline.store import Store
    from storyline.web.errors import describe
    from storyline.web.pipeline import run_pipeline

    mine = None
    try:
        store = _worker_stores.get(db_url)
        if store is None:
            store = _worker_stores[db_url] = Store(db_url)
        with time_budget(seconds) as mine:
            result = run_pipeline(uploads, store, title, progress=_file_progress(progress_file),
                                  max_articles=max_articles, into=into)
        return "done", result
    except OverBudget as exc:
        if exc.budget is not mine:
            raise
        return "failed", (422, f"the analysis took longer than the job limit ({seconds:.0f} s); "
                               "upload fewer or shorter articles", [])
    except MemoryError:
        return "failed", (422, "the analysis needed more memory than the job limit allows; upload "
                               "fewer or shorter articles", [])
    except Exception as exc:
        return "failed", describe(exc)


# ----------------------------------------------------------------------------- in the server


class Jobs:
    """The job table and the pool that runs them."""

    def __init__(self, db_url: str, pipeline: Pipeline | None = None, *, processes: int = 1,
                 seconds: float = DEFAULT_JOB_SECONDS, memory_mb: int | None = DEFAULT_WORKER_MEMORY_MB,
                 max_articles: int = MAX_ARTICLES_PER_JOB, max_queued: int = MAX_QUEUED) -> None:
        self.db_url = db_url
        self.pipeline = pipeline
        self.processes = processes if pipeline is None else 0  # a given pipeline runs in a thread
        self.seconds, self.memory_mb = seconds, memory_mb
        self.max_articles, self.max_queued = max_articles, max_queued
        self.jobs: OrderedDict[str, Job] = OrderedDict()
        self.lock = threading.Lock()
        self._executor: Executor | None = None

    # -- pool

    def _pool(self) -> Executor:
        if self._executor is None:
            if self.processes > 0:
                import multiprocessing as mp

                method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
                self._executor = ProcessPoolExecutor(self.processes, mp_context=mp.get_context(method),
                                                     initializer=_init_worker,
                                                     initargs=(self.memory_mb,))
            else:
                self._executor = ThreadPoolExecutor(1, thread_name_prefix="storyline-job")
        return self._executor

    def close(self) -> None:
        """Stop the pool; a worker still analysing is terminated (it would outlive the server)."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        processes = list(getattr(executor, "_processes", {}).values())  # ProcessPoolExecutor only
        executor.shutdown(wait=False, cancel_futures=True)
        for proc in processes:
            if proc.is_alive():
                proc.terminate()
        for proc in processes:
            proc.join(5)

    # -- jobs

    def pending(self) -> int:
        return sum(1 for j in self.jobs.values() if j.status in ("queued", "running"))

    def submit(self, folder: Path, uploads: Sequence[Upload], title: str | None, store: Any, *,
               problems: Sequence[str] = (), into: str | None = None) -> Job:
        """Start a job on ``uploads`` (added to the stored story ``into`` when given); ``problems``
        (e.g. URLs that could not be fetched) are reported with its result."""
        job = Job(id=secrets.token_hex(8), folder=folder, progress_file=folder / "progress.json",
                  early_problems=list(problems), files=len(uploads), into=into)
        with self.lock:
            self.jobs[job.id] = job
            self._forget_old()
        if self.processes > 0:
            future = self._pool().submit(run_job, self.db_url, list(uploads), title, job.progress_file,
                                         self.seconds, self.max_articles, into)
        else:
            future = self._pool().submit(self._thread_job, job, list(uploads), title, store, into)
        job.status = "running" if self.processes > 0 else job.status
        future.add_done_callback(lambda f: self._finish(job, f))
        return job

    def _thread_job(self, job: Job, uploads: list[Upload], title: str | None,
                    store: Any, into: str | None = None) -> tuple[str, UploadResult | ErrorInfo]:
        from storyline.web.errors import describe

        job.status = "running"
        try:
            assert self.pipeline is not None or store is not None
            if self.pipeline is not None:
                extra = {"into": into} if into is not None else {}
                return "done", self.pipeline(uploads, store, title, **extra)
            from storyline.web.pipeline import run_pipeline

            return "done", run_pipeline(uploads, store, title, progress=_file_progress(job.progress_file),
                                        max_articles=self.max_articles, into=into)
        except Exception as exc:
            return "failed", describe(exc)

    def _finish(self, job: Job, future: Future) -> None:
        try:
            status, value = future.result()
        except BrokenProcessPool:
            status, value = "failed", (503, "the analysis worker stopped (out of memory or killed); "
                                            "the pool is restarted", [])
            self.close()
        except BaseException as exc:  # noqa: BLE001 - a job never takes the server down
            log.error("job %s failed", job.id, exc_info=exc)
            status, value = "failed", (500, f"internal error ({type(exc).__name__}); see the server log", [])
        if status == "done":
            assert isinstance(value, UploadResult)
            value.problems[:0] = job.early_problems
            job.result = value
            if value.dossier is None or value.story_id is None:
                status, job.error = "failed", (400, "no article could be analysed", value.problems)
        else:
            job.error = value
        shutil.rmtree(job.folder, ignore_errors=True)
        job.finished = time.time()
        job.status = status
        job.done.set()

    def get(self, job_id: str) -> Job | None:
        return self.jobs.get(job_id)

    def _forget_old(self) -> None:
        finished = [k for k, j in self.jobs.items() if j.status in ("done", "failed")]
        for key in finished[:max(0, len(finished) - KEEP_FINISHED)]:
            del self.jobs[key]
