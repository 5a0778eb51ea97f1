"""Time budgets: pathological text is stopped, reported, and the run goes on.

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
import time
from collections.abc import Iterator
from contextlib import contextmanager

BASE_SECONDS = 20.0
SECONDS_PER_KCHAR = 1.0


class OverBudget(BaseException):
    """The time budget of one block ran out (``budget`` is the :class:`Budget` that expired)."""

    def __init__(self, budget: Budget) -> None:
        super().__init__(f"stopped after {budget.seconds:.0f} s (time budget)")
        self.budget = budget
        self.seconds = budget.seconds


class Budget:
    """One armed time budget (what ``with time_budget(...) as b`` gives)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds


_active: list[Budget] = []  # nested budgets, outermost first (main thread only)


def article_budget(chars: int) -> float:
    """Seconds allowed for one article of ``chars`` characters (``STORYLINE_ARTICLE_SECONDS``
    overrides the base allowance, e.g. for tests)."""
    base = float(os.environ.get("STORYLINE_ARTICLE_SECONDS", BASE_SECONDS))
    return base + SECONDS_PER_KCHAR * chars / 1000


def can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float) -> Iterator[Budget | None]:
    """Raise :class:`OverBudget` in this block after ``seconds`` (main thread only; elsewhere a
    no-op). Budgets nest: an article's budget inside a job's budget; whichever ends first fires,
    and the exception names the budget that expired (``exc.budget``)."""
    if seconds <= 0 or not can_interrupt():
        yield None
        return
    budget = Budget(seconds)
    outer = list(_active)
    expired = [b for b in outer if b.deadline <= time.monotonic()]
    if expired:
        raise OverBudget(expired[0])
    previous = signal.signal(signal.SIGALRM, _expire)
    _active.append(budget)
    _arm()
    try:
        yield budget
    finally:
        _active.remove(budget)
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if _active:
            _arm()


def _arm() -> None:
    left = min(b.deadline for b in _active) - time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))


def _expire(signum: int, frame: object) -> None:
    if not _active:  # fired while the last block was closing
        return
    now = time.monotonic()
    expired = [b for b in _active if b.deadline <= now + 0.001]
    if not expired:  # woken early: sleep again until the nearest deadline
        _arm()
        return
    raise OverBudget(expired[0])
