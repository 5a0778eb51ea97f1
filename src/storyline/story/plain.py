"""Is a comparison readable by a person? No entity ids, no TIMEX codes, no headline as an outlet.

The dossier's comparisons are read by reporters: every explanation must name outlets and people in
plain words. :func:`jargon_in_comparisons` lists what would break that, one line each, so tests (on
the example corpus) and ``storyline eval stories`` (on stories-dev) can keep it at zero.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

# what a person should never read: story entity ids ("ent-3fa2…"), article ids (16 hex digits),
# TIMEX3 codes ("XXXX-WXX-4", "2025-05-05TEV", "PT2H", "P3Y"), snake_case attribute names
_ENTITY_ID = re.compile(r"\bent-[0-9a-f]{6,}\b")
_ARTICLE_ID = re.compile(r"\b[0-9a-f]{16}\b(?!\.txt)")
_TIMEX = re.compile(r"\bXXXX\b|X{2}-|-WXX|\b\d{4}-W\d{2}|\b\d{4}-\d{2}(?:-\d{2})?T[A-Z]{2}\b"
                    r"|\bP\d+[YMWD]\b|\bPT\d+[HMS]\b|\b(?:PAST|PRESENT|FUTURE)_REF\b")
_SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")


def jargon_in_comparisons(comparisons: Iterable[Mapping[str, Any]],
                          headlines: Iterable[str] = ()) -> list[str]:
    """One line per comparison explanation that shows an id, a TIMEX code, a snake_case name, or
    an article's headline where an outlet's name belongs."""
    titles = [h.strip() for h in headlines if h and len(h.split()) >= 3]
    problems: list[str] = []
    for c in comparisons:
        text = str(c.get("explanation") or "")
        for kind, pattern in (("an entity id", _ENTITY_ID), ("an article id", _ARTICLE_ID),
                              ("a TIMEX code", _TIMEX), ("a snake_case name", _SNAKE)):
            m = pattern.search(text)
            if m:
                problems.append(f"{c.get('id')}: {kind} {m.group(0)!r} in {text[:80]!r}")
        for t in titles:
            head = " ".join(t.split()[:4])
            if f"“{head}" in text or f"({head}" in text:
                problems.append(f"{c.get('id')}: the headline {head!r}… used as an outlet")
    return problems


def jargon_in_text(text: str, where: str = "text") -> list[str]:
    """One line per id, TIMEX code or snake_case name found in text a person reads (a rendered
    page's visible text, a Markdown file, the terminal summary)."""
    problems: list[str] = []
    for kind, pattern in (("an entity id", _ENTITY_ID), ("an article id", _ARTICLE_ID),
                          ("a TIMEX code", _TIMEX), ("a snake_case name", _SNAKE)):
        for m in pattern.finditer(text):
            lo, hi = max(0, m.start() - 40), m.end() + 40
            problems.append(f"{where}: {kind} {m.group(0)!r} in …{' '.join(text[lo:hi].split())}…")
    return problems


__all__ = ["jargon_in_comparisons", "jargon_in_text"]
