"""Numbers in news text: "nine", "1.4 million", "$1.4 million", "twenty-five", "1,200".

Written by hand on purpose: the vocabulary is a small closed class and spaCy already marks the
tokens (``like_num``, MONEY/CARDINAL entities); what we need is the arithmetic over a run of tokens
("1.4" + "million"), which no installed library provides for spaCy tokens.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline.lexicon.en.claims import (
    CURRENCY,
    NUMBER_WORDS,
    QUANTITY_QUALIFIERS,
    SCALE_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_DIGITS = re.compile(r"^\d+(?:\.\d+)?$")
# a scale glued to the figure, as headlines and British style write money: "10bn", "1.4m", "5k"
GLUED = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn|b|tn)$")
GLUED_SCALE = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_NOT_STARTERS = {"a", "an", "dozen"}


def is_number_token(tok: Token) -> bool:
    w = tok.lower_.replace(",", "")
    if _DIGITS.match(w) or w in SCALE_WORDS and tok.i > 0 and is_number_token(tok.nbor(-1)):
        return True
    if GLUED.match(w) and tok.i > 0 and tok.nbor(-1).text in ("$", "€", "£", "¥", "₹"):
        return True  # "$10bn"; a bare "5m" may be five metres, so only after a currency sign
    if w in NUMBER_WORDS and w not in _NOT_STARTERS:
        return True
    return "-" in w and _hyphenated(w)


def _hyphenated(word: str) -> bool:
    """"twenty-five": every hyphen-separated part is a number word."""
    parts = [p for p in word.split("-") if p]
    return bool(parts) and all(p in NUMBER_WORDS for p in parts)


def number_value(tokens: list[Token]) -> float | None:
    """The value of a run of number tokens ("1.4 million" → 1400000.0); None when not a number."""
    total = 0.0
    current = 0.0
    seen = False
    for tok in tokens:
        w = tok.lower_.replace(",", "")
        if _DIGITS.match(w):
            current += float(w)
            seen = True
        elif GLUED.match(w):
            m = GLUED.match(w)
            assert m is not None
            total += float(m.group(1)) * GLUED_SCALE[m.group(2)]
            seen = True
        elif w in NUMBER_WORDS:
            current += NUMBER_WORDS[w]
            seen = True
        elif "-" in w and _hyphenated(w):
            current += sum(NUMBER_WORDS[p] for p in w.split("-") if p)
            seen = True
        elif w in SCALE_WORDS and seen:
            scale = SCALE_WORDS[w]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0.0
        elif w in CURRENCY or w in ("-", "–"):
            continue
        else:
            return None
    return total + current if seen else None


def tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 4)


def number_runs(doc: Doc) -> list[list[Token]]:
    """Maximal runs of number tokens ("1.4 million", "twenty five"), left to right."""
    runs: list[list[Token]] = []
    cur: list[Token] = []
    for tok in doc:
        if is_number_token(tok):
            cur.append(tok)
            continue
        if cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def qualifier_before(doc: Doc, first: int) -> tuple[str | None, int]:
    """A bound word right before token ``first`` ("over", "at least", "up to"): (kind, start index)."""
    for words, kind in QUANTITY_QUALIFIERS:
        n = len(words.split())
        lo = first - n
        if lo < 0:
            continue
        # skip a currency symbol between the qualifier and the digits ("over $1.4 million")
        for shift in (0, 1):
            if lo - shift < 0:
                continue
            toks = doc[lo - shift:first - shift]
            if shift and doc[first - 1].lower_ not in CURRENCY:
                continue
            if " ".join(t.lower_ for t in toks) == words:
                return kind, lo - shift
    return None, first


def currency_of(tokens: list[Token]) -> str | None:
    for tok in tokens:
        if tok.lower_ in CURRENCY:
            return CURRENCY[tok.lower_]
        if tok.text.startswith("$"):
            return "USD"
    return None
