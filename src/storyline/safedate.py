"""Dates at the calendar's edges: one place that says what the code can represent.

Python's ``datetime.date`` covers 0001-01-01 … 9999-12-31; a text may print either edge ("the trial
ends 9999-12-31") and arithmetic from there ("… next week", "two years ago" next to "0001-01-01")
leaves the range. :data:`DATE_ERRORS` names what such arithmetic raises; :func:`clamp` and
:func:`shift` keep a date inside the range. The time layer resolves each expression under this
guard (an expression whose value cannot be represented is dropped, the rest of the article kept);
the reduce and the renderers clamp instead of overflowing.
"""

from __future__ import annotations

from datetime import date, timedelta

MIN = date.min  # 0001-01-01
MAX = date.max  # 9999-12-31
#: What date arithmetic and construction raise at the calendar's edges.
DATE_ERRORS = (OverflowError, ValueError)


def clamp(d: date) -> date:
    """``d`` itself (dates are always in range once built); kept for symmetry with :func:`shift`."""
    return min(max(d, MIN), MAX)


def shift(d: date, days: int) -> date:
    """``d + days`` clamped to the representable range instead of raising ``OverflowError``."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return MAX if days > 0 else MIN


def year_start(year: int) -> date:
    """1 January of ``year``, clamped to the representable years."""
    return date(min(max(year, MIN.year), MAX.year), 1, 1)


def month_start(year: int, month: int) -> date | None:
    """The first of ``year``-``month``, or None past the representable range."""
    if year > MAX.year or year < MIN.year:
        return None
    return date(year, month, 1)
