"""Evaluative labels: the loaded words an article uses, and whose voice uses them.

The word list and its sources are in :mod:`storyline.lexicon.en.labels` (Wikipedia's Manual of
Style "Words to watch", the AP Stylebook's riot guidance, the VADER lexicon; measured on dev data
of several domains, see docs/benchmarks.md).

Matching uses spaCy's ``PhraseMatcher`` on the lower-cased words of a term, with its last word also
in the plural (so "election deniers" matches "election denier"); hyphenated terms match
with or without the hyphen ("far-right", "far right"). A word inside a proper name is no label
("the Weaponization Working Group", "Iconic Foods"): a match inside a named entity of the parse,
or a capitalized match in mid-sentence that the article never writes in lower case, is skipped.
A label inside a quote span (or directly between quote marks) has voice ``quoted``; otherwise
``reporter``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.lexicon.en.labels import LABELS
from storyline.model import Article, Label, Quote

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

# entity types that are names (NORP is not: "Marxist", "Islamist" are labels as much as groups)
_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART",
                         "LAW"})
_OPENERS = frozenset("\"“‘'«(—–-:")

_QUOTE_CHARS = "\"“”‘’'«»"


@lru_cache(maxsize=1)
def _tokenizer():  # a blank English tokenizer splits the terms the way the model's tokenizer does
    import spacy

    return spacy.blank("en").tokenizer


def _plural(word: str) -> str:
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _forms(term: str) -> list[list[str]]:
    """The word sequences a term is matched as: as written, without its hyphens ("far right"),
    and with its last word in the plural ("election deniers")."""
    words = [t.text.lower() for t in _tokenizer()(term)]
    variants = [words]
    if "-" in words:  # "far-right" also as "far right"
        variants.append([w for w in words if w != "-"])
    out = []
    for ws in variants:
        out.append(ws)
        if len(ws[-1]) > 3 and ws[-1].isalpha() and not ws[-1].endswith("s"):
            out.append([*ws[:-1], _plural(ws[-1])])
    return out


_MATCHERS: dict[int, PhraseMatcher] = {}


def _matcher(vocab: Vocab) -> PhraseMatcher:
    # A PhraseMatcher on lower-cased words is several times faster than an equivalent token-pattern
    # Matcher (one hash lookup per token instead of a state machine per pattern).
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    key = id(vocab)
    if key not in _MATCHERS:
        matcher = PhraseMatcher(vocab, attr="LOWER")
        for terms in LABELS.values():
            for term in terms:
                matcher.add(term, [Doc(vocab, words=ws) for ws in _forms(term)])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def _lower_outside_caps(text: str) -> str:
    """The article's lower-case words only (capitalized words blanked), to ask whether it ever
    writes a term in lower case."""
    return re.sub(r"\b[A-Z]\w*", " ", text)


def _quoted_by_marks(text: str, start: int, end: int) -> bool:
    before = text[start - 1:start] if start > 0 else ""
    after = text[end:end + 1]
    return bool(before and before in _QUOTE_CHARS and after and after in _QUOTE_CHARS)


def _in_name(span: Span, text_lower: str) -> bool:
    """Is the matched span part of a proper name: inside a named entity, or capitalized in
    mid-sentence ("Shares of Iconic Foods", "when Iconic filed") where the article never writes the
    term in lower case (an emphatic "Rigged" in an article that also writes "rigged" stays)?"""
    if any(t.ent_type_ in _NAME_TYPES for t in span):
        return True
    first = span[0]
    if not first.text[:1].isupper() or first.is_upper:
        return False
    prev = span.doc[first.i - 1] if first.i > 0 else None
    if prev is None or first.is_sent_start or prev.text in _OPENERS or "\n" in prev.text:
        return False  # capitalized because a sentence, quotation or line starts here
    return re.search(rf"\b{re.escape(span.text.lower())}\b", text_lower) is None


def extract_labels(doc: Doc, article: Article, quotes: list[Quote]) -> list[Label]:
    """Every lexicon term in the article with its exact span, outside proper names; overlapping
    matches keep the longest."""
    matches = _matcher(doc.vocab)(doc)
    text_lower = _lower_outside_caps(article.text)
    spans = []
    for match_id, s, e in matches:
        if not _in_name(doc[s:e], text_lower):
            spans.append((doc[s:e], doc.vocab.strings[match_id]))
    spans.sort(key=lambda x: (-(x[0].end_char - x[0].start_char), x[0].start_char))
    taken: list[tuple[int, int]] = []
    out: list[Label] = []
    for span, term in spans:
        a, b = span.start_char, span.end_char
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
        inside = any(q.start <= a and b <= q.end for q in quotes) or \
            _quoted_by_marks(article.text, a, b)
        text = article.text[a:b]
        out.append(Label(term=term, start=a, end=b, text=text,
                         voice="quoted" if inside else "reporter"))
    out.sort(key=lambda lab: lab.start)
    return out
