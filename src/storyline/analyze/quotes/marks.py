"""Quotation-mark regions in plain text: where each direct quotation starts and ends.

This is a character-level scanner over ``article.text``, run before (and independent of) the spaCy
parse: tokenizers do not pair quotation marks, and a wrong pairing (an apostrophe taken for a closing
mark, a paragraph that reopens a quote without closing the previous one) ruins every later step.
No library we could find pairs quotation marks with these news conventions, so it is written here:

* curly (“…”), straight ("…"), guillemets («…»), low-9 („…“) and typewriter (``…'' or ''…'') marks;
* quotes inside quotes (‘…’ or nested “…” inside a quote) stay part of the outer quotation;
* a quotation that runs over several paragraphs repeats the opening mark at the start of each paragraph
  and closes only at the end: each paragraph becomes one region, linked by ``chain``;
* a mark that cannot be paired closes at the end of its paragraph (news text is never perfect).

Single curly marks (‘…’) open a top-level quotation only where no double mark is open (headline
style). Straight single quotes are apostrophes far more often than quotes, so they are left alone,
except in an article that has no double quotation mark at all (British house style, 'like this'):
there a straight single quote that opens a word after a space or a colon opens a quotation, and one
that follows a word and is not followed by a letter closes it (read as “ and ”, same offsets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storyline.spans import trim_span

DOUBLE_OPEN = "“„«"
OPENER_CONTEXT = " \t\n([{—–-/:;,>"
WORD_RE = re.compile(r"\w", re.UNICODE)


@dataclass(slots=True)
class QuoteRegion:
    """One quoted stretch of text within a paragraph.

    ``start``/``end`` are the inner span (inside the marks, whitespace trimmed); ``mark_start`` and
    ``mark_end`` include the marks. ``closed`` is False when the paragraph ended before a closing mark.
    Regions of one multi-paragraph quotation share ``chain`` (the index of the first region).
    """

    start: int
    end: int
    mark_start: int
    mark_end: int
    closed: bool
    chain: int
    single: bool = False  # delimited by single marks (‘…’)

    def text(self, source: str) -> str:
        return source[self.start:self.end]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line; news bodies put one paragraph per line."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _opening_context(text: str, i: int, lo: int) -> bool:
    return i == lo or text[i - 1] in OPENER_CONTEXT or text[i - 1] in DOUBLE_OPEN


def _is_opening_mark(text: str, i: int, lo: int, hi: int) -> int:
    """Length of an opening double mark at ``i`` (0 if none)."""
    c = text[i]
    if c in "“«":
        return 1
    if c == "„":
        return 1
    if text.startswith("``", i):
        return 2
    if c == '"' and _opening_context(text, i, lo) and i + 1 < hi and not text[i + 1].isspace():
        return 1
    if text.startswith("''", i) and _opening_context(text, i, lo) and i + 2 < hi \
            and not text[i + 2].isspace():
        return 2
    return 0


def _is_closing_mark(text: str, i: int) -> int:
    """Length of a closing double mark at ``i`` (0 if none)."""
    c = text[i]
    if c in "”»":
        return 1
    if text.startswith("''", i):
        return 2
    if c == '"':
        return 1
    return 0


def _closing_single(text: str, i: int, hi: int) -> bool:
    """A ’ that ends a single-quoted stretch (not an apostrophe inside a word: don’t, Peters’s)."""
    if text[i] != "’":
        return False
    nxt = text[i + 1] if i + 1 < hi else " "
    return not WORD_RE.match(nxt)


def _single_style(text: str) -> str:
    """``text`` with the straight single quotes that act as quotation marks read as “ and ”, when
    the article has no double quotation marks (else ``text`` unchanged). Same length and offsets."""
    if "'" not in text or any(c in text for c in '"“”„«»') or "``" in text or "''" in text:
        return text  # double marks, or typewriter ''…'' quotes: the ordinary rules apply
    chars = list(text)
    n = len(text)
    for i, c in enumerate(text):
        if c != "'":
            continue
        prev = text[i - 1] if i else "\n"
        nxt = text[i + 1] if i + 1 < n else "\n"
        if (prev in OPENER_CONTEXT or i == 0) and not nxt.isspace() and nxt != "'":
            chars[i] = "“"
        elif not prev.isspace() and not WORD_RE.match(nxt):
            chars[i] = "”"
    return "".join(chars)


def find_quote_regions(text: str) -> list[QuoteRegion]:
    """All quoted stretches of ``text``, in order (see the module docstring for the conventions)."""
    text = _single_style(text)
    regions: list[QuoteRegion] = []
    pending_chain: int | None = None  # a quote left open at the end of the previous paragraph
    for lo, hi in _paragraphs(text):
        i = lo
        # A paragraph continues the previous (unclosed) quotation when it starts with an opening mark.
        first = lo
        while first < hi and text[first].isspace():
            first += 1
        continues = pending_chain is not None and first < hi and _is_opening_mark(text, first, first, hi) > 0
        if not continues:
            pending_chain = None
        open_at: int | None = None  # inner start of the open region
        mark_at = 0
        single = False
        depth = 0
        while i < hi:
            if open_at is None:
                n = _is_opening_mark(text, i, lo, hi)
                if n:
                    open_at, mark_at, single, depth = i + n, i, False, 0
                    i += n
                    continue
                if text[i] == "‘" and _opening_context(text, i, lo) and i + 1 < hi \
                        and not text[i + 1].isspace():
                    open_at, mark_at, single, depth = i + 1, i, True, 0
                i += 1
                continue
            if single:
                if _closing_single(text, i, hi):
                    _add(regions, text, open_at, i, mark_at, i + 1, True, pending_chain, True)
                    open_at = None
                i += 1
                continue
            # Inside a double-quoted stretch: a new opening mark is a nested quote when enough
            # closing marks follow in the paragraph to close both, otherwise the previous closing
            # mark was missing and a new quotation starts here.
            if text[i] in "“«" and text[mark_at] != "„":
                closers = sum(1 for j in range(i + 1, hi) if text[j] in "”»")
                if closers >= depth + 2:
                    depth += 1
                    i += 1
                    continue
                _add(regions, text, open_at, i, mark_at, i, False, pending_chain, False)
                pending_chain = None
                open_at, mark_at, depth = i + 1, i, 0
                i += 1
                continue
            n = _is_closing_mark(text, i)
            if n and text[i] == '"' and depth == 0 and text[mark_at] != '"' and text[mark_at] != "“":
                n = 0 if _opening_context(text, i, lo) else n
            if n:
                if depth > 0 and text[i] != '"':
                    depth -= 1
                    i += n
                    continue
                _add(regions, text, open_at, i, mark_at, i + n, True, pending_chain, False)
                pending_chain = None
                open_at = None
                i += n
                continue
            i += 1
        if open_at is not None:
            _add(regions, text, open_at, hi, mark_at, hi, False, pending_chain, single)
            if not single:
                pending_chain = regions[-1].chain if regions and regions[-1].mark_start == mark_at \
                    else pending_chain
            else:
                pending_chain = None
        else:
            pending_chain = None
    return regions


def _add(regions: list[QuoteRegion], text: str, start: int, end: int, mark_start: int,
         mark_end: int, closed: bool, chain: int | None, single: bool) -> None:
    s, e = trim_span(text, start, end)
    if not any(WORD_RE.match(c) for c in text[s:e]):
        return  # empty marks or punctuation only
    index = len(regions)
    regions.append(QuoteRegion(start=s, end=e, mark_start=mark_start, mark_end=mark_end,
                               closed=closed, chain=chain if chain is not None else index,
                               single=single))


@lru_cache(maxsize=4)
def quote_regions(text: str) -> tuple[QuoteRegion, ...]:
    """:func:`find_quote_regions`, remembered for the last few texts: the entity step (casing
    evidence) and the quote step both need the regions of the same article, one after the other."""
    return tuple(find_quote_regions(text))
