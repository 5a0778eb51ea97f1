"""Character spans of a text, the one helper every layer shares (analysis, evaluation)."""

from __future__ import annotations


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` of ``text`` without the whitespace at either end (an empty span stays empty)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def line_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The line around ``start:end`` of ``text``: from just after the line break before ``start`` to
    the line break at or after ``end`` (``start`` when not given) or the end of the text."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start if end is None else end)
    return lo, len(text) if hi == -1 else hi
