"""Character spans of a text, the one helper every layer shares (analysis, evaluation)."""

from __future__ import annotations


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` of ``text`` without the whitespace at either end (an empty span stays empty)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
