"""Who a quotation is attributed to: the per-article lookups and the speaker resolution.

:class:`QuoteContext` holds what every attribution step needs (quotation regions by token, entity
mentions by token, paragraphs, sentences cut at paragraph breaks). The functions here turn the word
that names a speaker into a LocalEntity key: a named mention directly; a pronoun ("he") through the
most salient compatible entity of the recent sentences (speakers and subjects before other names,
never a name used as a modifier, gender from honorifics and unambiguous pronouns); a description
("the judge") through the person introduced with that title.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from storyline.analyze.quotes_lexicon import (
    FEMALE_HONORIFICS,
    FEMALE_PRONOUNS,
    MALE_HONORIFICS,
    MALE_PRONOUNS,
    NONPERSON_PRONOUNS,
    SPEECH_VERBS,
)
from storyline.analyze.quotes_marks import QuoteRegion
from storyline.model import Article, LocalEntity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
ORG_LABELS = frozenset({"ORG", "GPE", "NORP"})

__all__ = ["QuoteContext", "is_cue", "mention_root", "resolve_speaker", "speaker_extent",
           "SUBJECT_DEPS"]


class QuoteContext:
    """Per-article lookups shared by the attribution steps."""

    def __init__(self, doc: Doc, article: Article, mentions: list[Mention],
                 entities: list[LocalEntity], regions: list[QuoteRegion]) -> None:
        self.doc = doc
        self.text = article.text
        self.regions = regions
        self.entities = {e.key: e for e in entities}
        # token index -> region index, for every token inside a quotation (marks included)
        self.in_quote: dict[int, int] = {}
        self.region_tokens: list[list[int]] = []
        for ri, r in enumerate(regions):
            inner = []
            span = doc.char_span(r.mark_start, r.mark_end, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    self.in_quote.setdefault(tok.i, ri)
                    if r.start <= tok.idx < r.end:
                        inner.append(tok.i)
            self.region_tokens.append(inner)
        # token index -> mention (the mention overlapping the token)
        self.tok_mention: dict[int, Mention] = {}
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                self.tok_mention.setdefault(tok.i, m)
        self._link_unlinked_names(doc)
        self.paragraph_of = _paragraph_index(article.text)
        self._gender: dict[str, str | None] | None = None
        # sentences cut at paragraph breaks (the parser sometimes runs a sentence across them)
        self.segments: list[tuple[int, int]] = []
        self.segment_of: list[int] = [0] * len(doc)
        for sent in doc.sents:
            start = sent.start
            for tok in sent:
                if "\n" in tok.text and tok.i + 1 < sent.end:
                    self.segments.append((start, tok.i + 1))
                    start = tok.i + 1
            self.segments.append((start, sent.end))
        for k, (a, b) in enumerate(self.segments):
            for i in range(a, b):
                self.segment_of[i] = k

    def segment(self, tok: Token) -> Span:
        """The sentence of ``tok``, cut at paragraph breaks."""
        a, b = self.segments[self.segment_of[tok.i]]
        return self.doc[a:b]

    def previous_segment(self, seg: Span) -> Span | None:
        if seg.start == 0:
            return None
        return self.segment(self.doc[seg.start - 1])

    def _link_unlinked_names(self, doc: Doc) -> None:
        """A surname the NER missed ("According to Ham, …") is linked to the one person so named."""
        by_word: dict[str, set[str]] = {}
        labels: dict[str, str] = {}
        for key, ent in self.entities.items():
            if ent.type != "PERSON":
                continue
            labels[key] = ent.type
            for word in ent.name.split():
                if len(word) >= 3 and word[0].isupper():
                    by_word.setdefault(word, set()).add(key)
        for tok in doc:
            if tok.pos_ != "PROPN" or tok.i in self.tok_mention or tok.ent_type_ not in ("", "PERSON"):
                continue
            keys = by_word.get(tok.text)
            if keys and len(keys) == 1:
                key = next(iter(keys))
                self.tok_mention[tok.i] = Mention(tok.idx, tok.idx + len(tok.text), tok.text,
                                                  labels[key], key)

    # -- entities ---------------------------------------------------------------------------------
    def mention_at(self, tok: Token) -> Mention | None:
        return self.tok_mention.get(tok.i)

    def entity_type(self, key: str | None) -> str | None:
        if key is None:
            return None
        ent = self.entities.get(key)
        return ent.type if ent else None

    def para(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_of, char) - 1

    def gender(self, key: str) -> str | None:
        """"m"/"f" when the article marks an entity's gender (honorifics, reflexive pronouns)."""
        if self._gender is None:
            self._gender = _entity_genders(self)
        return self._gender.get(key)


def _paragraph_index(text: str) -> list[int]:
    """Start offsets of the non-empty lines (paragraphs); blank lines belong to the one before."""
    starts = [0]
    for i, c in enumerate(text):
        if c == "\n" and i + 1 < len(text) and text[i + 1] != "\n":
            starts.append(i + 1)
    return starts


def _entity_genders(ctx: QuoteContext) -> dict[str, str | None]:
    """Votes per entity: Mr./Ms. before a mention, and his/her in a clause the entity is subject of."""
    votes: dict[str, list[int]] = {}
    for i, m in ctx.tok_mention.items():
        if m.entity is None or m.label != "PERSON":
            continue
        tok = ctx.doc[i]
        v = votes.setdefault(m.entity, [0, 0])
        if tok.idx == m.start and tok.i > 0:
            prev = ctx.doc[tok.i - 1].lower_
            if prev in MALE_HONORIFICS:
                v[0] += 2
            elif prev in FEMALE_HONORIFICS:
                v[1] += 2
        if tok.dep_ in SUBJECT_DEPS and tok.i not in ctx.in_quote:
            for t in tok.head.subtree:
                if t.i in ctx.in_quote or t.i == tok.i:
                    continue
                if t.lower_ in ("his", "himself"):
                    v[0] += 1
                elif t.lower_ in ("her", "herself"):
                    v[1] += 1
    # a he/she with exactly one person named in its own sentence (before it) or the one before
    doc = ctx.doc
    for tok in doc:
        gender = 0 if tok.lower_ == "he" else 1 if tok.lower_ == "she" else None
        if gender is None or tok.i in ctx.in_quote:
            continue
        sent = ctx.segment(tok)
        prev = ctx.previous_segment(sent)
        lo = prev.start if prev is not None else sent.start
        people = {ctx.tok_mention[i].entity for i in range(lo, tok.i)
                  if i in ctx.tok_mention and i not in ctx.in_quote
                  and ctx.tok_mention[i].label == "PERSON" and ctx.tok_mention[i].entity
                  and mention_root(ctx, doc[i]).dep_ in SUBJECT_DEPS}
        if len(people) == 1:
            key = next(iter(people))
            if key is not None:
                votes.setdefault(key, [0, 0])[gender] += 1
    out: dict[str, str | None] = {}
    for key, (male, female) in votes.items():
        out[key] = "m" if male > female else "f" if female > male else None
    return out


def is_cue(tok: Token) -> bool:
    if tok.lower_ == "according":
        return any(c.lower_ == "to" for c in tok.children)
    if tok.lemma_ == "put":  # "as the memo put it"
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS


def speaker_extent(ctx: QuoteContext, tok: Token) -> tuple[int, int]:
    """Character extent of the words naming the speaker: the entity mention, or the noun phrase."""
    m = ctx.mention_at(tok)
    if m is not None:
        return m.start, m.end
    if tok.pos_ == "PRON":
        return tok.idx, tok.idx + len(tok.text)
    # the noun phrase: left modifiers + head + "of/for/at …" modifiers (not appositions or clauses)
    left = tok.i
    for child in tok.lefts:
        if child.pos_ not in ("VERB", "AUX") and child.dep_ in (
                "det", "compound", "amod", "poss", "nummod", "nmod", "quantmod", "case"):
            left = min(left, child.left_edge.i)
    right = tok.i
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "with", "to"):
            right = max(right, child.right_edge.i)
        elif child.dep_ == "compound":
            right = max(right, child.i)
    for i in range(left, right + 1):
        if i in ctx.in_quote:
            left = i + 1
    left = min(left, tok.i)
    span = ctx.doc[left:right + 1]
    return span.start_char, span.end_char


def resolve_speaker(ctx: QuoteContext, tok: Token) -> str | None:
    """LocalEntity key of the speaker word: a named mention, a pronoun or a description."""
    m = ctx.mention_at(tok)
    if m is not None and m.entity is not None:
        return m.entity
    for child in tok.children:  # "the pardon attorney, Ed Martin, said"
        if child.dep_ == "appos":
            mm = ctx.mention_at(child)
            if mm is not None and mm.entity is not None:
                return mm.entity
    for child in tok.children:  # "Colorado Attorney General Smith" parsed with a compound head
        if child.dep_ == "compound":
            mm = ctx.mention_at(child)
            if mm is not None and mm.entity is not None and mm.label == "PERSON":
                return mm.entity
    if tok.pos_ == "PROPN":  # a surname the entity step did not link ("Weiser told CNN")
        found = {key for key, ent in ctx.entities.items()
                 if ent.type in ("PERSON", "ORG") and tok.text in ent.name.split()}
        return found.pop() if len(found) == 1 else None
    lower = tok.lower_
    if tok.pos_ == "PRON":
        if lower in MALE_PRONOUNS:
            return _antecedent(ctx, tok, {"PERSON"}, "m")
        if lower in FEMALE_PRONOUNS:
            return _antecedent(ctx, tok, {"PERSON"}, "f")
        if lower in NONPERSON_PRONOUNS and lower in ("it",):
            return _antecedent(ctx, tok, ORG_LABELS, None)
        return None
    if tok.pos_ == "NOUN" and any(c.lower_ in ("the", "this", "that") for c in tok.children):
        return _described(ctx, tok)
    return None


def mention_root(ctx: QuoteContext, tok: Token) -> Token:
    """The syntactic head of the mention ``tok`` is part of (``tok`` itself without a mention)."""
    m = ctx.mention_at(tok)
    if m is not None:
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            return span.root
    return tok


def _salience(ctx: QuoteContext, tok: Token) -> int:
    """0 = subject of a speech verb, 1 = a subject, 2 = anything else, 3 = a name used as a
    modifier ("the Trump administration": not a reference to the person)."""
    node = mention_root(ctx, tok)
    if node.dep_ == "compound":
        return 3
    if node.dep_ in SUBJECT_DEPS:
        return 0 if is_cue(node.head) else 1
    if node.dep_ == "pobj" and node.head.lower_ == "to" and node.head.head.lower_ == "according":
        return 0
    if node.dep_ != "compound" and _opens_sentence(ctx, node):
        # the parser ran the sentence into the previous paragraph, but a name that opens the
        # sentence is its subject ("Attorney General Ann Lee responded …")
        seg = ctx.segment(node)
        verb = next((t for t in seg if t.i > node.i and t.pos_ in ("VERB", "AUX")), None)
        return 0 if verb is not None and is_cue(verb) else 1
    return 2


def _opens_sentence(ctx: QuoteContext, node: Token) -> bool:
    """Only the name's own modifiers (titles, first names) or punctuation come before it."""
    seg = ctx.segment(node)
    left = node.left_edge.i
    return all(t.is_punct or t.is_space for t in seg if t.i < left) and left >= seg.start


def _antecedent(ctx: QuoteContext, pron: Token, labels: set[str] | frozenset[str],
                gender: str | None) -> str | None:
    """The most salient compatible named entity of this and the previous few sentences.

    Score = 2 × grammatical rank (0 speaker, 1 subject, 2 other) + sentence distance, so a subject
    two sentences back wins over an object in the sentence just before, and a speaker over both.
    Sentences that are all quotation do not count as distance (a speaker's quoted paragraphs).
    """
    best: tuple[int, int, str] | None = None  # (score, -position, key)
    seg = ctx.segment(pron)
    distance = 0
    for _ in range(10):
        seen: set[str] = set()
        narrative = 0
        for t in seg:
            if t.i >= pron.i:
                break
            if t.i in ctx.in_quote:
                continue
            narrative += t.is_alpha
            m = ctx.mention_at(t)
            if m is None or m.entity is None or m.entity in seen:
                continue
            seen.add(m.entity)
            etype = ctx.entity_type(m.entity) or m.label
            if etype not in labels:
                continue
            if gender is not None and ctx.gender(m.entity) not in (None, gender):
                continue
            rank = _salience(ctx, t)
            if rank == 3:
                continue
            cand = (2 * rank + distance, -t.i, m.entity)
            if best is None or cand < best:
                best = cand
        if narrative >= 3:
            distance += 1
        if distance > 4:
            break
        prev = ctx.previous_segment(seg)
        if prev is None:
            break
        seg = prev
    return best[2] if best is not None else None


def _described(ctx: QuoteContext, noun: Token) -> str | None:
    """"the judge", "the president": the nearest earlier person introduced with that word."""
    lemma = noun.lemma_.lower()
    candidates: list[tuple[int, str]] = []
    for key, ent in ctx.entities.items():
        if ent.type != "PERSON":
            continue
        titled = any(lemma in role.title.lower().split() for role in ent.roles)
        for m in ent.mentions:
            if m.start >= noun.idx:
                continue
            if titled or _introduced_as(ctx, m, lemma):
                candidates.append((m.start, key))
    if not candidates:
        # mentions without LocalEntity records (entity step not run): look at the tokens directly
        for i, m in ctx.tok_mention.items():
            if m.entity and m.label == "PERSON" and m.start < noun.idx and _introduced_as(ctx, m, lemma):
                candidates.append((m.start, m.entity))
    if not candidates:
        return None
    return max(candidates)[1]


def _introduced_as(ctx: QuoteContext, m: Mention, lemma: str) -> bool:
    """The mention carries the title ("Judge Ann Lee", "U.S. District Judge Lee", "Lee, the judge")."""
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    if any(t.lemma_.lower() == lemma for t in span):
        return True
    root = span.root
    for t in root.lefts:
        if t.dep_ in ("compound", "amod", "nmod") and t.lemma_.lower() == lemma:
            return True
    for t in root.children:
        if t.dep_ == "appos" and t.lemma_.lower() == lemma:
            return True
    if root.dep_ == "appos" and root.head.lemma_.lower() == lemma:
        return True
    # a title written just before the name, with nothing in between ("U.S. District Judge Lee")
    i = span.start - 1
    while i >= 0 and span.start - i <= 4:
        t = ctx.doc[i]
        if t.is_punct or t.pos_ not in ("NOUN", "PROPN", "ADJ"):
            break
        if t.lemma_.lower() == lemma:
            return True
        i -= 1
    return False
