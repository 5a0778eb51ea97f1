"""Claim attributes as phrases a reader understands: ``convicted_by`` → "who convicted".

Attributes are canonical keys (so the same measured thing of the same subject can be compared); the
readable renderers show :func:`attribute_label` instead. A measure claim carries its own phrase
(``Claim.measure``, "term of the sentence"), which wins over anything derived from the key. Keys not
listed fall back to a general reading of their shape (``<verb>_by`` → "who <verb>", ``<x>_count`` →
"number of <x>", ``date_of:<x>`` → "when <x>"), never to the raw key.
"""

from __future__ import annotations

import re

from lemminflect import getInflection

__all__ = ["attribute_label", "status_label"]

# keys the claim extractors emit (analyze/claims*.py, story/compare.py)
ATTRIBUTES = {
    "age": "age",
    "title": "title or role",
    "sentence_length": "length of the sentence",
    "charge_count": "number of charges",
    "convicted_by": "who convicted",
    "indicted_by": "who indicted",
    "charged_by": "who charged",
    "prosecuted_by": "who prosecuted",
    "said_by": "who said it",
    "held_at": "where held",
    "medium": "where it was said",
}

STATUSES = {"conflict": "conflict", "consistent_over_time": "changed over time (consistent)",
            "compatible": "compatible", "agree": "agree", "single_source": "single source"}


def _words(key: str) -> str:
    return " ".join(re.sub(r"[_|]+", " ", key).split())


def _plural(words: str) -> str:
    """A noun phrase in the plural: its last word inflected ("casualty" → "casualties")."""
    *rest, last = words.split()
    forms = getInflection(last, tag="NNS")
    return " ".join([*rest, forms[0] if forms else f"{last}s"])


def attribute_label(attribute: str, measure: str | None = None) -> str:
    """The phrase for a claim attribute (``measure`` is the claim's own phrase, when it has one)."""
    if measure:
        return " ".join(measure.split())
    if attribute in ATTRIBUTES:
        return ATTRIBUTES[attribute]
    head, sep, rest = attribute.partition(":")
    if sep:
        what = _words(rest)
        if head == "count":
            return f"number of counts of {what}"
        if head == "date_of":
            return f"when {what}"
        if head == "amount":
            return f"amount ({what})"
        if head == "measure":
            kind, _, tail = rest.partition("|")
            parts = [p for p in tail.split("|") if p]
            thing = parts[0] if parts else kind
            kind = {"money": "amount", "duration": "length", "count": "number"}.get(kind, kind)
            return f"{_words(kind)} of the {_words(thing)}" if thing != kind else _words(kind)
        return f"{_words(head)} ({what})"
    if m := re.match(r"^([a-z]+)_by$", attribute):
        return f"who {m.group(1)}"
    if m := re.match(r"^([a-z]+)_(at|in)$", attribute):
        return f"where {m.group(1)}"
    if m := re.match(r"^([a-z_]+)_count$", attribute):
        return f"number of {_plural(_words(m.group(1)))}"
    if m := re.match(r"^([a-z_]+)_of$", attribute):
        return _words(m.group(1))
    return _words(attribute)


def status_label(status: str) -> str:
    """A comparison status in words (``single_source`` → "single source")."""
    return STATUSES.get(status, _words(status))
