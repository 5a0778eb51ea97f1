"""A per-article time budget: pathological text is stopped, reported, and the run goes on.

:func:`time_budget` arms ``SIGALRM`` (``setitimer``) for the length of a ``with`` block; when the
budget runs out, :class:`OverBudget` is raised wherever the analysis is. It derives from
``BaseException`` so that no ``except Exception`` inside an extractor can swallow it. Signals are
delivered to the main thread only: elsewhere (a web server's thread pool) the block runs without a
budget, which is why the web app runs analyses in worker processes (see :mod:`storyline.web.jobs`).

The budget grows with the text: :func:`article_budget` allows :data:`BASE_SECONDS` plus
:data:`SECONDS_PER_KCHAR` per 1,000 characters, about 20× what a normal article needs on a loaded
machine, so only text that is slow for its length is stopped.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

BASE_SECONDS = 20.0
SECONDS_PER_KCHAR = 1.0


class OverBudget(BaseException):
    """The time budget of one article ran out."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"analysis stopped after {seconds:.0f} s (time budget for this text)")
        self.seconds = seconds


def article_budget(chars: int) -> float:
    """Seconds allowed for one article of ``chars`` characters (``STORYLINE_ARTICLE_SECONDS``
    overrides the base allowance, e.g. for tests)."""
    base = float(os.environ.get("STORYLINE_ARTICLE_SECONDS", BASE_SECONDS))
    return base + SECONDS_PER_KCHAR * chars / 1000


def can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`OverBudget` in this block after ``seconds`` (main thread only; elsewhere a
    no-op). Nested budgets are not supported: the inner one replaces the outer one."""
    if seconds <= 0 or not can_interrupt():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
