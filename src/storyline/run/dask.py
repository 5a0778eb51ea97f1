"""The Dask runner: the per-article map and the per-story reduce on a ``dask.distributed`` cluster.

``storyline analyze --runner dask [--scheduler ADDRESS]``. Without an address a ``LocalCluster``
starts on this machine (one single-threaded worker process per core); with one, the client joins
a running scheduler whose workers may be on other machines (docs/scaling.md).

* **map** — the articles go out in coarse tasks (:data:`BATCH` articles each). A worker loads the
  spaCy model once, on its first task (the model cache of :mod:`storyline.run.local`, under a
  lock, so a worker started with several threads parses one batch at a time), and analyses the
  batch exactly as the local runner does (same guards, same results). The results come back as
  the tasks complete (``as_completed``); the caller stores each one and drops it.
* **reduce** — one task per story. When the store is one the workers can open themselves (a
  SQLite file on this machine, PostgreSQL anywhere), a task gets the database URL and the article
  ids, and reads the analyses from the store on the worker; otherwise (an in-memory store) the
  client ships the story's analyses. At most :data:`IN_FLIGHT` stories per worker are out at once,
  so the client never holds more than those (nor more than :data:`IN_FLIGHT` map batches per
  worker: the input is read as the tasks complete).

Nothing here changes what is computed: the same stories and dossiers as the local runner
(``tests/run/test_dask_runner.py``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Any

from storyline.errors import StorylineError
from storyline.model import Article, ArticleAnalysis, Dossier
from storyline.options import Options

if TYPE_CHECKING:
    from distributed import Client

    from storyline.run.local import Failure
    from storyline.store import Store

BATCH = 16  # articles per map task: a task should take seconds, not milliseconds
IN_FLIGHT = 4  # tasks out per worker at once (map batches, reduce stories)
INSTALL_HINT = "the Dask runner needs dask.distributed: pip install 'dask[distributed]'"


class RunnerError(StorylineError):
    """The Dask runner cannot start (not installed, scheduler unreachable)."""


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise RunnerError(INSTALL_HINT) from None
    return distributed


@contextmanager
def dask_client(scheduler: str | None = None, *, workers: int | None = None,
                processes: bool | None = None) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, or of a new ``LocalCluster`` (``workers``
    single-threaded workers, in processes unless ``processes`` is False; None: processes unless
    ``STORYLINE_DASK_PROCESSES=0``, which the tests set to run the workers as threads)."""
    distributed = _distributed()
    if processes is None:
        processes = os.environ.get("STORYLINE_DASK_PROCESSES", "1") != "0"
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise RunnerError(f"{scheduler}: cannot reach the Dask scheduler: {exc}") from None
        try:
            yield client
        finally:
            client.close()
        return
    n = workers or os.cpu_count() or 1
    with distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=processes,
                                  dashboard_address=None, silence_logs=40) as cluster, \
            distributed.Client(cluster) as client:
        yield client


def worker_count(client: Client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


# ----------------------------------------------------------------------------- map


def analyze_batch(articles: Sequence[Article], model: str | None,
                  options: Options | None = None) -> list[ArticleAnalysis | Failure]:
    """One map task (runs on a worker)."""
    from storyline.run.local import analyze_batch as local_batch

    return local_batch(articles, model, options)


def analyze_dask(articles: Iterable[Article], client: Client, *, model: str | None = None,
                 batch: int = BATCH, options: Options | None = None) -> Iterator[ArticleAnalysis | Failure]:
    """Analyse every article on the cluster; yields each result as its task completes (the order
    of completion, not the input order). ``articles`` may be a stream: at most
    :data:`IN_FLIGHT` batches per worker are out at once, so neither the client nor the
    scheduler ever holds the whole corpus."""
    distributed = _distributed()
    it = iter(articles)
    limit = IN_FLIGHT * worker_count(client)

    def submit_next() -> Any | None:
        chunk = list(islice(it, batch))
        return client.submit(analyze_batch, chunk, model, options, pure=False) if chunk else None

    first = [f for f in (submit_next() for _ in range(limit)) if f is not None]
    running = distributed.as_completed(first)
    for future in running:
        results = future.result()
        future.release()
        nxt = submit_next()
        if nxt is not None:
            running.add(nxt)
        yield from results


# ----------------------------------------------------------------------------- reduce


_stores: dict[str, Store] = {}
_stores_lock = threading.Lock()


def _worker_store(url: str) -> Store:
    from storyline.store import Store

    with _stores_lock:
        if url not in _stores:
            _stores[url] = Store(url)
        return _stores[url]


def reduce_from_store(url: str, article_ids: Sequence[str], options: Options | None = None) -> Dossier:
    """One reduce task (runs on a worker): the story's analyses read from the store, reduced."""
    from storyline.story import build_dossier

    return build_dossier(_worker_store(url).load_analyses(article_ids), options=options)


def reduce_analyses(analyses: Sequence[ArticleAnalysis], options: Options | None = None) -> Dossier:
    """One reduce task with the analyses shipped by the client (an in-memory store)."""
    from storyline.story import build_dossier

    return build_dossier(analyses, options=options)


def workers_can_open(store: Store, remote: bool) -> bool:
    """Whether the workers can read the store themselves: a database server always; a SQLite file
    only on this machine (a ``LocalCluster``); an in-memory SQLite never."""
    return store.shareable and (not remote or store.engine.dialect.name != "sqlite")


def reduce_dask(stories: Sequence[Sequence[str]], store: Store, client: Client,
                options: Options | None = None, *, remote: bool = False) -> Iterator[tuple[int, Dossier]]:
    """Reduce each story (a list of article ids) on the cluster; yields ``(position, dossier)`` as
    the tasks complete (any order), with at most :data:`IN_FLIGHT` stories per worker out.
    ``remote``: the workers may be on other machines (a scheduler address was given)."""
    distributed = _distributed()
    shared = store.url if workers_can_open(store, remote) else None
    limit = IN_FLIGHT * worker_count(client)
    pending = iter(enumerate(stories))
    index: dict[Any, int] = {}

    def submit_next() -> Any | None:
        item = next(pending, None)
        if item is None:
            return None
        i, ids = item
        if shared is not None:
            future = client.submit(reduce_from_store, shared, list(ids), options, pure=False)
        else:
            future = client.submit(reduce_analyses, store.load_analyses(ids), options, pure=False)
        index[future] = i
        return future

    first = [f for f in (submit_next() for _ in range(limit)) if f is not None]
    running = distributed.as_completed(first)
    for future in running:
        dossier = future.result()
        i = index.pop(future)
        future.release()
        nxt = submit_next()
        if nxt is not None:
            running.add(nxt)
        yield i, dossier
