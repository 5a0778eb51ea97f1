"""Title claims: the office a text gives a person ("former Mesa County clerk", "Gov.").

Sources, in order: the roles the entity stage attached to a LocalEntity (when it did), else the
parse around each PERSON mention: prenominal titles (compound/amod left of the name), appositions
("Peters, the former clerk of …"), copular relative clauses ("who was the clerk …") and "serving
as …". The claim value is the *core* office (the longest known title at the end of the phrase,
abbreviations expanded: "Colorado Gov." → "governor"); ``qualifier`` keeps former/then/past so the
comparison step can tell a change over time from a contradiction.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline.analyze.claims.context import char_span
from storyline.lexicon.en.claims import TITLE_ABBREVIATIONS, TITLE_HEADS, TITLE_QUALIFIERS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from storyline.analyze.claims.extract import ClaimBuilder

_ISO_YEAR = re.compile(r"^\d{4}")


def normalize_title(words: list[str]) -> tuple[str | None, str | None]:
    """(core title, qualifier) of a title phrase's words, or (None, None) when it names no office."""
    qualifier = None
    clean: list[str] = []
    for w in words:
        lw = w.lower().strip()
        if lw.startswith("ex-") and len(lw) > 3:
            qualifier = "former"
            lw = lw[3:]
        if lw in TITLE_QUALIFIERS and not clean or lw in ("former", "then", "ex", "then-"):
            qualifier = TITLE_QUALIFIERS.get(lw, qualifier)
            continue
        lw = TITLE_ABBREVIATIONS.get(lw, lw)
        if lw in ("-", ",", "", "the", "a", "an"):
            continue
        clean.append(lw)
    # longest known title at the end of the phrase
    for n in range(min(4, len(clean)), 0, -1):
        cand = " ".join(clean[-n:])
        if cand in TITLE_HEADS:
            return cand, qualifier
    return None, None


def _title_tokens_before(name_root: Token, name_start: int) -> list[Token]:
    toks: list[Token] = []
    for c in name_root.lefts:
        if c.i < name_start and c.dep_ in ("compound", "amod", "nmod"):
            toks.extend(t for t in c.subtree if t.i < name_start)
    toks = sorted(set(toks), key=lambda t: t.i)
    # keep the contiguous run that ends right before the name
    run: list[Token] = []
    for t in reversed(toks):
        if (run and t.i != run[-1].i - 1) or (not run and t.i != name_start - 1):
            break
        if t.is_punct and t.text not in ("-", "."):
            break  # "(Agency) President": the title starts after the bracket
        run.append(t)
    run.reverse()
    while run and run[0].dep_ == "det":
        run.pop(0)
    return run


def _appositive_phrase(noun: Token) -> list[Token]:
    toks = [t for t in noun.subtree if t.i <= noun.i and t.dep_ != "det" or t.i == noun.i]
    toks = [t for t in toks if not t.is_punct or t.text == "-"]
    return sorted(toks, key=lambda t: t.i)


def title_claims(b: ClaimBuilder, doc: Doc) -> None:
    ctx = b.ctx
    done: set[tuple[str, int]] = set()
    # 1. roles from the entity stage
    for ent in ctx.entities:
        for role in ent.roles:
            core, qual = normalize_title(role.title.split())
            if core is None or not role.spans:
                continue
            sp = role.spans[0]
            span = char_span(doc, sp.start, sp.end)
            if span is None:
                continue
            claim = b.add(subject=ent.key, attribute="title", value=core, tokens=list(span),
                          anchor=span.root, qualifier=role.qualifier or qual,
                          as_of=role.as_of)
            if claim is not None:
                done.add((ent.key, claim.start))
    # 2. the parse around each person mention
    seen_roots: set[int] = set()
    for m in ctx.mentions:
        if m.label != "PERSON" or not m.entity or \
                ctx.entity_type.get(m.entity, "PERSON") != "PERSON":
            continue
        span = char_span(doc, m.start, m.end)
        if span is None or span.root.i in seen_roots:
            continue
        seen_roots.add(span.root.i)
        root = span.root
        for toks, qual_hint, as_of, anchor in _title_phrases(root, span.start):
            words = [t.text for t in toks]
            core, qual = normalize_title(words)
            if core is None:
                continue
            start = min(t.idx for t in toks)
            if (m.entity, start) in done:
                continue
            done.add((m.entity, start))
            b.add(subject=m.entity, attribute="title", value=core, tokens=toks, anchor=anchor,
                  qualifier=qual or qual_hint, as_of=as_of, timeless=qual_hint == "past")


def _title_phrases(root: Token, name_start: int):
    """(tokens, qualifier hint, as_of, anchor) for each title phrase attached to a name."""
    before = _title_tokens_before(root, name_start)
    if before:
        yield before, None, None, before[-1]
    for c in root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN":
            yield _appositive_phrase(c), None, None, c
        if c.dep_ == "relcl" and c.lemma_ == "be":
            past = c.tag_ == "VBD"
            for a in c.children:
                if a.dep_ == "attr" and a.pos_ == "NOUN":
                    yield _appositive_phrase(a), ("past" if past else None), \
                        (_year_in(c) if past else None), a
    # "X was serving as clerk", "X served as governor"
    head = root.head
    if root.dep_ == "nsubj" and head.lemma_ in ("serve", "work"):
        past = head.tag_ == "VBD" or any(t.tag_ == "VBD" for t in head.children if t.dep_ == "aux")
        for p in head.children:
            if p.dep_ == "prep" and p.lower_ == "as":
                for o in p.children:
                    if o.dep_ == "pobj":
                        yield _appositive_phrase(o), ("past" if past else None), \
                            (_year_in(head) if past else None), o


def _year_in(tok: Token) -> str | None:
    """A year written inside a past-tense clause ("during the 2020 election") as its as_of."""
    for t in tok.subtree:
        if t.ent_type_ == "DATE" and _ISO_YEAR.match(t.text) and len(t.text) == 4:
            return t.text
    return None
