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
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from storyline.analyze.entities.given_names import given_name_gender, is_given_name
from storyline.analyze.entities.names import expand_title_words
from storyline.analyze.quotes.marks import QuoteRegion
from storyline.ingest.outlets import is_known_outlet
from storyline.lexicon.en.names import ROLE_NOUNS
from storyline.lexicon.en.pronouns import FEMALE_PRONOUNS, MALE_PRONOUNS
from storyline.lexicon.en.quotes import (
    FEMALE_HONORIFICS,
    MALE_HONORIFICS,
    MEDIA,
    ORG_DESCRIPTION_NOUNS,
    OWN_MEDIA,
    SPEECH_VERBS,
    WRITTEN_MEDIA,
)
from storyline.lexicon.en.speakers import (
    GENERIC_ORG_NOUNS,
    GENERIC_PERSON_NOUNS,
    MEDIA_ORG_NOUNS,
    NEWS_TITLE_WORDS,
    SPOKESPERSON_NOUNS,
)
from storyline.model import Article, LocalEntity, Mention
from storyline.options import EntityOptions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
ORG_LABELS = frozenset({"ORG", "GPE", "NORP"})

__all__ = ["QuoteContext", "is_cue", "mention_root", "resolve_speaker", "speaker_extent",
           "SUBJECT_DEPS"]


class QuoteContext:
    """Per-article lookups shared by the attribution steps."""

    def __init__(self, doc: Doc, article: Article, mentions: list[Mention],
                 entities: list[LocalEntity], regions: Sequence[QuoteRegion],
                 options: EntityOptions | None = None) -> None:
        self.doc = doc
        self.options = options  # the given-name gender cut-offs (EntityOptions), as the entity step's
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
    """Votes per entity: Mr./Ms. before a mention and a gendered given name (2 each), his/her in a
    clause the entity is subject of and a he/she after a sentence with it as the one person subject
    (1 each)."""
    votes: dict[str, list[int]] = {}
    for i, m in ctx.tok_mention.items():
        if m.entity is None:
            continue
        tok = ctx.doc[i]
        v = votes.setdefault(m.entity, [0, 0])
        if tok.idx == m.start and tok.i > 0:
            before = ctx.doc[tok.i - 1].lower_
            if before in MALE_HONORIFICS:
                v[0] += 2
            elif before in FEMALE_HONORIFICS:
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
    # the given name itself ("Maria Lopez": a woman's name), when the name has one: as strong as a
    # "Ms." (a he/she next to a sentence with one person subject is only a guess, and often the very
    # pronoun being resolved: "Petra Lind met Jonas Ekberg. '…,' he said.")
    for key, ent in ctx.entities.items():
        words = ent.name.split()
        if ent.type == "PERSON" and len(words) >= 2:
            g = given_name_gender(words[0], ctx.options)
            if g is not None:
                votes.setdefault(key, [0, 0])[0 if g == "m" else 1] += 2
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
    key = _mention_in_ner_span(ctx, tok)
    if key is not None:
        return key
    if tok.pos_ == "PROPN":  # a name the entity step did not link ("Weiser told CNN", "Nasa said")
        lower = tok.lower_
        found = {key for key, ent in ctx.entities.items()
                 if ent.type in ("PERSON", "ORG") and (
                     lower in (w.lower() for w in ent.name.split())
                     or any(m.text.lower() == lower for m in ent.mentions))}
        if len(found) == 1:
            return found.pop()
        if found or not (tok.is_lower or tok.lemma_.lower() in ROLE_NOUNS):
            return None  # a lower-case "proper noun" or a title is a parser slip: a description
    lower = tok.lower_
    if tok.pos_ == "PRON":
        if lower in MALE_PRONOUNS or lower in FEMALE_PRONOUNS:
            gender = "m" if lower in MALE_PRONOUNS else "f"
            return _cataphora(ctx, tok, gender) or _antecedent(ctx, tok, {"PERSON"}, gender)
        if lower == "it":
            return _antecedent(ctx, tok, ORG_LABELS | {"PERSON"}, None,
                               accept=lambda key: _org_like(ctx, key, media_ok=False))
        return None  # "they", "we": a group, never the last person of a list
    if tok.pos_ in ("NOUN", "PROPN"):
        return _description(ctx, tok)
    return None


def _mention_in_ner_span(ctx: QuoteContext, tok: Token) -> str | None:
    """A title word the parser made the head of a name the NER tagged whole ("said PM Lee",
    "NASDA chief Dana Roe"): the person or organization mentioned inside that NER span."""
    if not tok.ent_type_ or tok.ent_type_ not in ("PERSON", "ORG"):
        return None
    ent = next((e for e in ctx.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None:
        return None
    keys = {m.entity for i in range(ent.start, ent.end)
            if (m := ctx.mention_at(ctx.doc[i])) is not None and m.entity is not None}
    return keys.pop() if len(keys) == 1 else None


def _description(ctx: QuoteContext, noun: Token) -> str | None:
    """A speaker named by a description: "the judge" / "Ohio's governor" (a person with that role,
    else the salient person whose roles do not contradict it), "the company" / "the agency" (the
    organization in context), "a company spokesperson" / "an airline spokesman" (the organization
    the spokesperson speaks for). Plural descriptions ("prosecutors") stay unresolved."""
    if noun.tag_ in ("NNS", "NNPS"):
        return None
    lemma = noun.lemma_.lower()
    children = list(noun.children)
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in children) \
        or any(c.dep_ == "poss" for c in children)
    if lemma in SPOKESPERSON_NOUNS:
        return _spoken_for(ctx, noun)
    if not definite:
        return None
    if MEDIA.get(lemma) in _OWN_WRITINGS:
        return _document_author(ctx, noun, MEDIA[lemma])
    if lemma in ORG_DESCRIPTION_NOUNS:
        return _org_described(ctx, noun, lemma)
    if lemma in ROLE_NOUNS or lemma in GENERIC_PERSON_NOUNS:
        return _described(ctx, noun)
    return _named_head(ctx, noun, lemma)


def _named_head(ctx: QuoteContext, noun: Token, lemma: str) -> str | None:
    """"the guild", "the consortium": an organization named before whose name ends in that noun
    ("the Harbour Workers Guild"), the most salient of the last sentences; the head noun of a name
    refers back to it whatever the noun (the lexicon's lists hold only the common heads)."""
    def headed_so(key: str) -> bool:
        ent = ctx.entities.get(key)
        return ent is not None and ent.type == "ORG" and ent.name.split()[-1].lower() == lemma
    return _antecedent(ctx, noun, {"ORG"}, None, accept=headed_so)


# The written media a speaker issues as their own words ("said in a statement", "in a letter"):
# "the statement said" refers back to whoever issued that statement.
_OWN_WRITINGS = OWN_MEDIA & WRITTEN_MEDIA


def _document_author(ctx: QuoteContext, noun: Token, medium: str) -> str | None:
    """"the statement said", "the letter said": the speaker of the nearest earlier saying in that
    medium ("the company said in a statement", "X wrote in a letter"), in this or the previous
    three sentences; None when no saying names it (a document of somebody else's)."""
    from storyline.analyze.quotes.extract import speech_medium

    seg = ctx.segment(noun)
    for _ in range(4):
        for t in sorted(seg, key=lambda t: -t.i):
            if t.i >= noun.i or t.i in ctx.in_quote or t.lemma_.lower() not in SPEECH_VERBS \
                    or speech_medium(t) != medium:
                continue
            subject = next((c for c in t.children if c.dep_ in SUBJECT_DEPS and c.i not in ctx.in_quote), None)
            if subject is not None and subject.lemma_.lower() not in MEDIA:
                key = resolve_speaker(ctx, subject)
                if key is not None:
                    return key
        prev = ctx.previous_segment(seg)
        if prev is None:
            return None
        seg = prev
    return None


def _spoken_for(ctx: QuoteContext, noun: Token) -> str | None:
    """The organization a spokesperson speaks for: a name in front ("an Acme spokesperson"), after
    "for"/"of"/"at" ("a spokesman for the county"), or a common noun in front ("a company
    spokeswoman") taken as a description of the organization in context."""
    for c in noun.children:
        if c.dep_ in ("compound", "nmod", "poss", "amod") and c.i not in ctx.in_quote:
            m = ctx.mention_at(c)
            if m is not None and m.entity is not None and ctx.entity_type(m.entity) in ORG_LABELS:
                return m.entity
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "with"):
            for pobj in c.children:
                if pobj.dep_ == "pobj":
                    m = ctx.mention_at(pobj)
                    if m is not None and m.entity is not None:
                        return m.entity if ctx.entity_type(m.entity) in ORG_LABELS else None
                    if pobj.lemma_.lower() in ORG_DESCRIPTION_NOUNS:
                        return _org_described(ctx, pobj, pobj.lemma_.lower())
    for c in noun.children:
        if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "NOUN" \
                and c.lemma_.lower() in ORG_DESCRIPTION_NOUNS:
            return _org_described(ctx, c, c.lemma_.lower())
    return None


def _org_described(ctx: QuoteContext, noun: Token, lemma: str) -> str | None:
    """"the department", "the company", "the organization": the organization named before whose
    name has that head word ("Dayton Police Department"), else, for a generic word (company, firm,
    group …), the most salient organization of the last few sentences."""
    def named_so(key: str) -> bool:
        ent = ctx.entities.get(key)
        return ent is not None and lemma in (w.lower() for w in ent.name.split())
    key = _antecedent(ctx, noun, {"ORG"}, None, accept=named_so)
    if key is not None or lemma not in GENERIC_ORG_NOUNS:
        return key
    if any(c.dep_ == "poss" for c in noun.children):
        return None  # "the country's health ministry": a body of its own, not one named before
    described, key = _described_before(ctx, noun, lemma)
    if described:
        return key
    media_word = lemma in MEDIA_ORG_NOUNS
    return _antecedent(ctx, noun, {"ORG", "PERSON"}, None, max_distance=3,
                       accept=lambda key: _org_like(ctx, key, media_ok=media_word))


def _org_like(ctx: QuoteContext, key: str, *, media_ok: bool) -> bool:
    """Can an organization description ("the company", "it") refer to this entity? Not a person
    (a name the NER typed PERSON with nothing of a person about it can: "Acme Heating recalled …
    the company said"), and not the outlet that reported the news ("…, Reuters reported") unless
    the description is of a news organization ("the network")."""
    ent = ctx.entities.get(key)
    if ent is None:
        return False
    words = ent.name.split()
    if ent.type == "PERSON":
        return not ent.roles and ctx.gender(key) is None and not is_given_name(words[0])
    return media_ok or not (is_known_outlet(ent.name) or words[-1].lower() in NEWS_TITLE_WORDS)


def _described_before(ctx: QuoteContext, noun: Token, lemma: str) -> tuple[bool, str | None]:
    """The same word used before, in this or the previous three sentences: (True, the organization
    it described) for "Acme, a Texas firm, … the firm said"; (True, None) for a description of its
    own ("the state's health ministry said … the ministry said"); (False, None) when none."""
    seg = ctx.segment(noun)
    for _ in range(4):
        for t in sorted(seg, key=lambda t: -t.i):
            if t.i >= noun.i or t.i in ctx.in_quote or t.lemma_.lower() != lemma \
                    or t.pos_ not in ("NOUN", "PROPN") or ctx.mention_at(t) is not None:
                continue
            linked = [t.head] if t.dep_ == "appos" else []
            linked += [c for c in t.children if c.dep_ == "appos"]
            if t.dep_ == "attr":  # "Acme is a firm that …"
                linked += [c for c in t.head.children if c.dep_ in SUBJECT_DEPS]
            for other in linked:
                m = ctx.mention_at(other)
                if m is not None and m.entity is not None and ctx.entity_type(m.entity) in ORG_LABELS:
                    return True, m.entity
            if any(c.dep_ in ("poss", "amod", "compound", "nmod") for c in t.children):
                return True, None
            # a bare "the organization" before: the same reference again, look further back
        prev = ctx.previous_segment(seg)
        if prev is None:
            return False, None
        seg = prev
    return False, None


def _cataphora(ctx: QuoteContext, pron: Token, gender: str) -> str | None:
    """"Though he praised the team, Coach Ann Lee said …": a pronoun subject of a clause put before
    its main clause refers to the main clause's subject when that is a compatible person."""
    clause = pron.head
    if pron.dep_ not in SUBJECT_DEPS or clause.dep_ != "advcl" or clause.i > clause.head.i:
        return None
    main = clause.head
    for c in main.children:
        if c.dep_ in SUBJECT_DEPS and c.i > pron.i and c.i not in ctx.in_quote:
            m = ctx.mention_at(c)
            if m is not None and m.entity is not None and ctx.entity_type(m.entity) == "PERSON" \
                    and ctx.gender(m.entity) in (None, gender):
                return m.entity
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
                gender: str | None, *, accept: Callable[[str], bool] | None = None,
                max_distance: int = 4) -> str | None:
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
            known = ctx.gender(m.entity) if gender is not None else None
            # a name the NER typed otherwise but that the article refers to as "he"/"she" in
            # its own clause ("Lee posted a note on his page") is a person too
            if etype not in labels and not (gender is not None and known == gender):
                continue
            if gender is not None and known not in (None, gender):
                continue
            if accept is not None and not accept(m.entity):
                continue
            rank = _salience(ctx, t)
            if rank == 3:
                continue
            cand = (2 * rank + distance, -t.i, m.entity)
            if best is None or cand < best:
                best = cand
        if narrative >= 3:
            distance += 1
        if distance > max_distance:
            break
        prev = ctx.previous_segment(seg)
        if prev is None:
            break
        seg = prev
    return best[2] if best is not None else None


def _described(ctx: QuoteContext, noun: Token) -> str | None:
    """"the judge", "the president", "Ohio's governor": the nearest earlier person introduced with
    that word; else the first one introduced so later (a lead that describes before it names);
    else the most salient person of the last sentences whose stated roles do not contradict the
    description ("the official" fits anybody with a title)."""
    lemma = noun.lemma_.lower()
    before: list[tuple[int, str]] = []
    after: list[tuple[int, str]] = []
    for key, ent in ctx.entities.items():
        if ent.type != "PERSON":
            continue
        titled = any(lemma in expand_title_words(role.title.replace("-", " ").split())
                     for role in ent.roles)
        for m in ent.mentions:
            if noun.idx <= m.start < noun.idx + len(noun.text):
                continue
            if titled or _introduced_as(ctx, m, lemma):
                (before if m.start < noun.idx else after).append((m.start, key))
    if not before and not after:
        # mentions without LocalEntity records (entity step not run): look at the tokens directly
        for m in ctx.tok_mention.values():
            if m.entity and m.label == "PERSON" and m.start < noun.idx and _introduced_as(ctx, m, lemma):
                before.append((m.start, m.entity))
    if before:
        return max(before)[1]
    if after:
        return min(after)[1]

    def fits(key: str) -> bool:
        ent = ctx.entities.get(key)
        if ent is None:
            return False
        words = {w.lower().strip(".,") for r in ent.roles for w in r.title.replace("-", " ").split()}
        evidence = bool(words) or ctx.gender(key) is not None or len(ent.name.split()) > 1
        if lemma in GENERIC_PERSON_NOUNS:
            return evidence
        return evidence and (not (words & ROLE_NOUNS) or lemma in words)
    return _antecedent(ctx, noun, {"PERSON"}, None, accept=fits)


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
