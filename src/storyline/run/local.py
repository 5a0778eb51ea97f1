"""The local runner: the per-article map over all cores, results streamed back in input order.

Each worker process loads the spaCy model once (pool initializer) and analyses a chunk of articles with
``nlp.pipe``; each article is parsed and analysed inside its own guard (an exception, a text too
long, a time budget run out: a :class:`Failure` for that article only). Results come back as
they finish (``imap``), so the caller can store each one and drop
it: memory stays flat as the corpus grows. With one worker (or a handful of articles, where starting
processes costs more than it saves) everything runs in this process.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING

from storyline.errors import StorylineError
from storyline.model import Article, ArticleAnalysis
from storyline.options import Options
from storyline.run.budget import OverBudget, article_budget, time_budget

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Below this many articles a process pool costs more (model load per worker, ~1.5 s) than it saves.
MIN_ARTICLES_PER_WORKER = 8
CHUNK_SIZE = 8


@dataclass(slots=True)
class Failure:
    """An article whose analysis raised: reported as one line, the run goes on."""

    article: Article
    error: str


_worker_nlp: Language | None = None  # set in each worker process by _init_worker
_worker_model: tuple[str | None] | None = None  # the model _worker_nlp was loaded for
_worker_lock = threading.Lock()


def _init_worker(model: str | None) -> None:
    global _worker_nlp, _worker_model
    from storyline.analyze.nlp import load_nlp

    _worker_nlp = load_nlp(model)
    _worker_model = (model,)


def analyze_batch(chunk: Sequence[Article], model: str | None,
                  options: Options | None = None) -> list[ArticleAnalysis | Failure]:
    """A batch of articles in a long-lived worker of another runner (a Dask worker): the model is
    loaded on the first batch and kept; one batch at a time per process (spaCy's pipeline is not
    shared between threads)."""
    with _worker_lock:
        if _worker_nlp is None or _worker_model != (model,):
            _init_worker(model)
        return _analyze_chunk(chunk, options)


def _analyze_chunk(chunk: Sequence[Article], options: Options | None = None) -> list[ArticleAnalysis | Failure]:
    """Parse and analyse each article inside its own guard: an exception, a text too long or a
    time budget run out becomes a :class:`Failure` for that article only."""
    docs = _parse_chunk(chunk)
    return [doc if isinstance(doc, Failure) else _analyze_one(article, doc, options)
            for article, doc in zip(chunk, docs, strict=True)]


def _parse_chunk(chunk: Sequence[Article]) -> list[Doc | Failure]:
    """``nlp.pipe`` over the chunk under one budget (fast path); if anything goes wrong, each text
    is parsed again on its own, so the culprit is named and the others parsed."""
    from storyline.analyze.nlp import parse_text

    nlp = _worker_nlp
    if nlp is None:
        raise RuntimeError("_parse_chunk runs in a worker started with _init_worker")
    if all(len(a.text) <= nlp.max_length for a in chunk):
        mine = None
        try:
            with time_budget(sum(article_budget(len(a.text)) for a in chunk)) as mine:
                return list(nlp.pipe([a.text for a in chunk], batch_size=CHUNK_SIZE))
        except OverBudget as exc:
            if exc.budget is not mine:  # an outer budget (the whole job's) ran out
                raise
        except Exception:
            pass
    out: list[Doc | Failure] = []
    for article in chunk:
        try:
            with time_budget(article_budget(len(article.text))) as mine:
                out.append(parse_text(article.text, nlp))
        except OverBudget as exc:
            if exc.budget is not mine:
                raise
            out.append(Failure(article, f"not analysed: parse {exc}"))
        except StorylineError as exc:
            out.append(Failure(article, f"not analysed: {exc}"))
        except Exception as exc:
            out.append(Failure(article, f"parse failed: {type(exc).__name__}: {exc}"))
    return out


def _analyze_one(article: Article, doc: Doc, options: Options | None) -> ArticleAnalysis | Failure:
    from storyline.analyze import analyze_doc

    mine = None
    try:
        with time_budget(article_budget(len(article.text))) as mine:
            return analyze_doc(article, doc, options)
    except OverBudget as exc:
        if exc.budget is not mine:
            raise
        return Failure(article, f"not analysed: analysis {exc}")
    except Exception as exc:  # a bug on one odd article must not sink the run; it is reported
        return Failure(article, f"analysis failed: {type(exc).__name__}: {exc}")


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def effective_workers(n_articles: int, workers: int | None) -> int:
    wanted = default_workers() if workers is None else max(1, workers)
    return max(1, min(wanted, n_articles // MIN_ARTICLES_PER_WORKER))


def analyze_parallel(articles: Iterable[Article], *, workers: int | None = None, model: str | None = None,
                     options: Options | None = None, count: int | None = None) -> Iterator[ArticleAnalysis | Failure]:
    """Analyse every article (one spaCy parse each); yields results in input order.

    ``articles`` may be a stream: it is read as the workers need it (a few chunks ahead), never
    held whole. ``count``: how many there are when known (a sequence's length otherwise; None: at
    least enough to keep every worker busy)."""
    if count is None and isinstance(articles, Sequence):
        count = len(articles)
    n = effective_workers(count, workers) if count is not None else \
        (default_workers() if workers is None else max(1, workers))
    chunks = _chunks(articles)
    if n == 1:
        _init_worker(model)
        for chunk in chunks:
            yield from _analyze_chunk(chunk, options)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(n, initializer=_init_worker, initargs=(model,)) as pool:
        for results in pool.imap(partial(_analyze_chunk, options=options), chunks):
            yield from results


def _chunks(articles: Iterable[Article]) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, CHUNK_SIZE)):
        yield chunk
