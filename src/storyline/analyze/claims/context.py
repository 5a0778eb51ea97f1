"""Who a claim is about, who asserts it, and whether the text hedges it.

Helpers over one parsed article, shared by the claim extractors in :mod:`storyline.analyze.claims.extract`.
Everything works on the spaCy dependency parse: subjects come from ``nsubj``/``nsubjpass``/``dobj``
of the governing verb (relative pronouns resolved through ``relcl``, appositions to their head),
voices from reporting verbs whose clausal complement holds the claim, hedges from governing claim
verbs, hedge adverbs and adjectives.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from storyline.lexicon.en.claims import (
    ATTRIBUTION_VERBS,
    CASE_NOUNS,
    COPY_NOUNS,
    HEDGE_ADJS,
    HEDGE_ADVS,
    HEDGE_NOUNS,
    HEDGE_VERBS,
    PATIENT_VERBS,
    RELATIVE_PRONOUNS,
    REPORT_NOUNS,
)
from storyline.lexicon.en.pronouns import PERSON_PRONOUNS
from storyline.model import Article, Claim, LocalEntity, Mention, Quote, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token



def plain_label(tokens: list[Token]) -> str:
    """A lowercase label for a noun phrase that is no entity ("the county" → "county")."""
    words = [t.lemma_.lower() if t.pos_ == "NOUN" else t.text.lower()
             for t in tokens if t.dep_ not in ("det", "punct", "poss", "case") and not t.is_space]
    return re.sub(r"\s+", " ", " ".join(words)).strip()


def noun_phrase(head: Token) -> list[Token]:
    """The head with its left modifiers (compound, amod, nummod, nmod, poss): the core NP."""
    left = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod", "nummod", "det", "poss",
                                                 "quantmod", "npadvmod")]
    toks: list[Token] = []
    for t in left:
        toks.extend(t.subtree)
    toks.append(head)
    # keep flat proper-name continuations ("Court of Appeals" keeps "of Appeals")
    for t in head.rights:
        if t.dep_ == "prep" and t.lower_ == "of" and head.pos_ == "PROPN":
            toks.extend(t.subtree)
    return sorted(set(toks), key=lambda t: t.i)


class ClaimAdder(Protocol):
    """What the claim readers of this package (modes, contests, groups, relative) need of the
    article's claim builder (``extract.ClaimBuilder``): its context and its ``add``."""

    ctx: Context

    def add(self, *, subject: str, attribute: str, value: object, tokens: list[Token],
            anchor: Token, timeless: bool = False) -> Claim | None: ...


@dataclass
class Context:
    """Per-article lookup tables: mentions by offset, quote spans, the publication date."""

    doc: Doc
    article: Article
    mentions: list[Mention]
    entities: list[LocalEntity]
    timexes: list[TimeExpr]
    quotes: list[Quote]
    _starts: list[int] = field(default_factory=list)
    _sorted: list[Mention] = field(default_factory=list)
    entity_type: dict[str, str] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._sorted = sorted((m for m in self.mentions if m.entity), key=lambda m: m.start)
        self._starts = [m.start for m in self._sorted]
        self.entity_type = {e.key: e.type for e in self.entities}
        for m in self._sorted:
            self.entity_type.setdefault(m.entity or "", m.label)
        surnames: dict[str, set[str]] = {}
        for e in self.entities:
            if e.type == "PERSON" and e.name.split():
                surnames.setdefault(e.name.split()[-1].lower(), set()).add(e.key)
        self.surnames = {k: next(iter(v)) for k, v in surnames.items() if len(v) == 1}

    # ------------------------------------------------------------------ dates
    @property
    def as_of(self) -> str | None:
        pub = self.article.published
        return pub.date or pub.earliest

    # ------------------------------------------------------------------ entities
    def mention_at(self, char: int) -> Mention | None:
        i = bisect.bisect_right(self._starts, char) - 1
        while i >= 0:
            m = self._sorted[i]
            if m.start <= char < m.end:
                return m
            if m.end <= char and char - m.start > 200:
                break
            i -= 1
        return None

    def entity_of(self, tok: Token) -> str | None:
        """The LocalEntity key of the mention covering ``tok`` (or its flat name/compound parts)."""
        m = self.mention_at(tok.idx)
        if m is not None:
            return m.entity
        for child in tok.children:
            if child.dep_ in ("compound", "flat") and child.i < tok.i:
                m = self.mention_at(child.idx)
                if m is not None and self.entity_type.get(m.entity or "") == "PERSON":
                    return m.entity
        return None

    def previous_person(self, char: int, exclude: set[str] | None = None) -> str | None:
        """The person mentioned last before ``char`` (a simple antecedent for he/she/her)."""
        i = bisect.bisect_left(self._starts, char) - 1
        while i >= 0:
            m = self._sorted[i]
            if m.end <= char and self.entity_type.get(m.entity or "", m.label) == "PERSON" \
                    and m.entity not in (exclude or set()):
                return m.entity
            i -= 1
        return None

    def _speakers_in(self, tok: Token) -> set[str]:
        """Entities that are subjects of a reporting verb in the sentence (a quote's likely speaker)."""
        out: set[str] = set()
        for t in tok.sent:
            if t.lemma_.lower() in ATTRIBUTION_VERBS:
                subj = _subject_of_verb(t)
                if subj is not None:
                    key = self.entity_of(subj)
                    if key:
                        out.add(key)
        return out

    def who(self, tok: Token) -> str:
        """Entity key for a subject token, or a plain lowercase label when there is none."""
        tok = _through_relative(tok)
        tok = _through_apposition(tok)
        for c in tok.children:  # "His lawyer, Ann Lee, said": the named apposition
            if c.dep_ == "appos" and self.entity_of(c) and not self.entity_of(tok):
                tok = c
                break
        if tok.lemma_.lower() in CASE_NOUNS:  # "Peters' case was prosecuted" is about Peters
            owner = next((c for c in tok.children if c.dep_ == "poss" or c.dep_ == "nmod"
                          and c.i < tok.i and c.pos_ == "PROPN"), None)
            if owner is not None and (self.entity_of(owner) or owner.lower_ in PERSON_PRONOUNS):
                tok = owner
        key = self.entity_of(tok)
        if key:
            return key
        if tok.pos_ == "PROPN":  # a surname the NER missed here but found elsewhere
            key = self.surnames.get(tok.lower_)
            if key:
                return key
        if tok.lower_ in PERSON_PRONOUNS:
            q = self.quote_at(tok.idx, tok.idx + len(tok.text))
            # inside a quote, a third-person pronoun is not its speaker
            key = self.previous_person(tok.idx, exclude={q.speaker} if q and q.speaker else
                                       self._speakers_in(tok) if q else set())
            if key:
                return key
        return plain_label(noun_phrase(tok)) or tok.lower_

    # ------------------------------------------------------------------ quotes and voice
    def quote_at(self, start: int, end: int) -> Quote | None:
        for q in self.quotes:
            if q.start <= start and end <= q.end:
                return q
        return None

    def voice(self, anchor: Token, start: int, end: int) -> str:
        """``reporter``, the speaker's key (quote or paraphrase), or ``quoted`` (unknown speaker)."""
        q = self.quote_at(start, end)
        if q is not None:
            return q.speaker or "quoted"
        speaker = self.paraphrase_speaker(anchor)
        return speaker or "reporter"

    def paraphrase_speaker(self, anchor: Token) -> str | None:
        """The subject of a reporting verb whose clausal complement contains ``anchor``."""
        sent = anchor.sent
        for tok in sent:  # "according to X" (unless the claim is X's own description)
            if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
                if anchor in tok.subtree:
                    continue
                for c in tok.children:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            # "according to a copy of the filing": the filing says it
                            of = next((o for q in p.children if q.dep_ == "prep" and q.lower_ == "of"
                                       for o in q.children if o.dep_ == "pobj"), None)
                            if of is not None and p.lemma_.lower() in COPY_NOUNS and not self.entity_of(p):
                                return self.who(of)
                            return self.who(p)
        prev = anchor
        for anc in anchor.ancestors:
            if anc.lemma_.lower() in ATTRIBUTION_VERBS and prev.dep_ in ("ccomp", "xcomp", "advcl",
                                                                 "parataxis"):
                subj = _subject_of_verb(anc)
                if subj is not None:
                    return self.who(subj)
            # "a Times report that …", "the governor's statement that …"
            if anc.pos_ == "NOUN" and anc.lemma_.lower() in REPORT_NOUNS and \
                    prev.dep_ in ("acl", "ccomp", "relcl") and \
                    any(t.dep_ == "mark" and t.lower_ == "that" for t in prev.children):
                source = next((c for c in anc.children if c.dep_ in ("poss", "compound", "nmod")
                               and self.entity_of(c)), None)
                if source is not None:
                    return self.who(source)
            prev = anc
        return None


def _through_relative(tok: Token) -> Token:
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _through_apposition(tok: Token) -> Token:
    seen = 0
    while tok.dep_ == "appos" and seen < 3:
        tok = tok.head
        seen += 1
    return tok


def _subject_of_verb(verb: Token) -> Token | None:
    """nsubj/nsubjpass of a verb, inheriting from the governing verb for advcl/xcomp/conj."""
    cur: Token | None = verb
    for _ in range(3):
        if cur is None:
            return None
        for c in cur.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if cur.dep_ in ("advcl", "xcomp", "conj", "pcomp") and cur.head.i != cur.i:
            cur = cur.head
        else:
            return None
    return None


def patient_of(verb: Token) -> Token | None:
    """Whom a legal act happens to: the object of an active ``convict``, else the (passive) subject."""
    lemma = verb.lemma_.lower()
    if lemma in PATIENT_VERBS:
        for c in verb.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                return c
        for c in verb.children:  # "a jury found her guilty": her is the subject of "guilty"
            if c.dep_ in ("ccomp", "oprd", "xcomp") and c.lower_ == "guilty":
                subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if subj is not None:
                    return subj
    return _subject_of_verb(verb)


def claim_subject(anchor: Token) -> Token | None:
    """The token a claim anchored at ``anchor`` is about: possessor, else the governing verb's patient."""
    for c in anchor.children:
        if c.dep_ == "poss":
            return c
    for anc in anchor.ancestors:
        for c in anc.children:
            if anc.pos_ in ("NOUN", "PROPN") and c.dep_ == "poss":
                return c
        if anc.pos_ in ("VERB", "AUX"):
            if anc.lemma_.lower() in ATTRIBUTION_VERBS and anc.lemma_.lower() not in PATIENT_VERBS:
                return None
            subj = patient_of(anc)
            if subj is not None and (subj.i == anchor.i or anchor in subj.subtree
                                     and subj.pos_ not in ("PROPN", "PRON")):
                subj = _subject_of_verb(anc)  # the claim is the object itself ("found $40,000")
            if subj is not None and subj.i != anchor.i:
                return subj
            if anc.dep_ in ("relcl", "acl") and anc.head.pos_ in ("NOUN", "PROPN"):
                return anc.head
        if anc.dep_ in ("appos",) and anc.head.pos_ == "PROPN":
            return anc.head
    return None


def is_hedged(anchor: Token) -> bool:
    """True when the claim sits under a claim/allege verb, a hedge adverb, or a hedge adjective."""
    chain = [anchor, *anchor.ancestors]
    prev = None
    for tok in chain:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lemma in HEDGE_VERBS:
            return True
        # a claim noun hedges what it introduces ("claims that …", "allegations of …")
        if tok.pos_ == "NOUN" and lemma in HEDGE_NOUNS and prev is not None and \
                (prev.dep_ in ("acl", "ccomp", "relcl") or prev.dep_ == "prep"
                 and prev.lower_ in ("of", "that")):
            return True
        for c in tok.children:
            if c.dep_ == "advmod" and c.lower_ in HEDGE_ADVS:
                return True
            if c.dep_ == "amod" and c.lower_ in HEDGE_ADJS and tok.i in (anchor.i, anchor.head.i):
                return True
        if tok.dep_ == "ROOT":
            break
        prev = tok
    # sentence adverbs ("Reportedly, ...") attach to the root
    return any(t.lower_ in HEDGE_ADVS for t in anchor.sent if t.dep_ == "advmod"
               and t.head == anchor.sent.root)


def span_of(tokens: list[Token]) -> tuple[int, int]:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")
