"""Dates read through another event: "in 1932, a year after Norland became a republic" dates the
republic to 1931; "in the same year Norland became a republic" to 1932 (``date_of:<event>``).

A clause introduced by "after"/"before" with a number of years ("a year after", "two years
before"), or by "in the same year", is dated by the nearest bare year written before it in the
sentence; the claim is the year of the clause's own event, about the clause's subject, keyed by
its verb and object as written ("joined the federation"). Two reports that place the same event in
different years through different offsets contradict each other even when both give the year of
the main event right. Only years: a month or a day offset is too loose for a written year.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline.analyze.claims.numbers import number_value

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from storyline.analyze.claims.context import ClaimAdder

__all__ = ["relative_date_claims"]

_YEAR = re.compile(r"^\d{4}$")


def relative_date_claims(b: ClaimAdder, doc: Doc) -> None:
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("advcl", "relcl", "acl"):
            continue
        found = _offset(verb)
        if found is None:
            continue
        years, marker = found
        base = _year_before(b, doc, marker)
        if base is None:
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ != "PROPN":
            continue
        words = [verb, *[c for c in verb.children if c.dep_ == "prt"]]
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")), None) or \
            next((c for c in verb.children if c.dep_ == "prep" and c.i != marker.i and c.i > verb.i), None)
        if obj is not None:
            words += list(obj.subtree)
        event = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
        tokens = [marker, *subj.subtree, *words]
        b.add(subject=b.ctx.who(subj), attribute=f"date_of:{event.lower()}",
              value=str(base - years), tokens=tokens, anchor=verb, timeless=True)


def _offset(verb: Token) -> tuple[int, Token] | None:
    """(years the clause's event lies before the dated one, the first word of the phrase)."""
    mark = next((c for c in verb.children if c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before")),
                None)
    if mark is not None:
        span = next((c for c in verb.children if c.dep_ == "npadvmod" and c.lemma_.lower() == "year"), None)
        if span is None:
            return None
        num = next((c for c in span.children if c.dep_ == "nummod"), None)
        det = next((c for c in span.children if c.dep_ == "det" and c.lower_ in ("a", "one")), None)
        n = number_value([num]) if num is not None else 1 if det is not None else None
        if n is None or not float(n).is_integer():
            return None
        first = min([t for t in span.subtree], key=lambda t: t.i)
        return (int(n) if mark.lower_ == "after" else -int(n)), first
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        year = next((p for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() == "year"), None)
        if year is not None and any(c.lower_ == "same" for c in year.children):
            return 0, prep
    return None


def _year_before(b: ClaimAdder, doc: Doc, marker: Token) -> int | None:
    """The bare year written last before the phrase in its sentence ("in 1932, a year after")."""
    sent = marker.sent
    best: int | None = None
    for tx in b.ctx.timexes:
        if not _YEAR.match(tx.value or "") or not sent.start_char <= tx.start < marker.idx:
            continue
        best = int(tx.value)
    return best
