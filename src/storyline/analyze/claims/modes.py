"""How an act came about, when the ways exclude each other (``mode:<act>`` claims).

Some acts happen in one of a few mutually exclusive ways, and reports that give different ways
for the same person contradict each other even without a number:

* ``mode:conviction`` — a ``guilty plea`` ("she pleaded guilty") or a ``verdict at trial`` ("was
  convicted by a jury", "a jury found him guilty", "was found guilty at trial");
* ``mode:departure|<post>`` — ``left of own accord`` ("resigned", "stepped aside as treasurer") or
  ``removed`` ("was expelled from the council", "was ousted as chief executive"), for the post left:
  the noun after "from"/"as" or the object of "quit", a role folded into the body it sits on
  ("chairman" → board). A departure without a named post is not compared.

Only a person named in the story is a subject; negated, modal and intended acts ("refused to
resign", "could be fired", "threatened to quit") state no fact and are skipped. Read off the
dependency parse; the verb lists are in :mod:`storyline.lexicon.en.claims`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.lexicon.en.claims import (
    DEPARTURE_REMOVED,
    DEPARTURE_REMOVED_PHRASAL,
    DEPARTURE_VOLUNTARY,
    DEPARTURE_VOLUNTARY_PHRASAL,
    MODAL_VERBS,
    ROLE_BODY,
    TRIAL_DECIDERS,
    UNREAL_GOVERNORS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from storyline.analyze.claims.context import ClaimAdder

__all__ = ["PLEA", "REMOVED", "TRIAL", "VOLUNTARY", "mode_claims"]

PLEA = "guilty plea"
TRIAL = "verdict at trial"
VOLUNTARY = "left of own accord"
REMOVED = "removed"
_NOT_PEOPLE = frozenset({"GPE", "NORP", "LOC", "DATE", "TIME", "MONEY", "CARDINAL"})


def mode_claims(b: ClaimAdder, doc: Doc) -> None:
    """Add one ``mode:`` claim per person and act the article states the way of."""
    for tok in doc:
        if tok.pos_ != "VERB" or _unreal(tok):
            continue
        found = _conviction(tok) or _departure(tok)
        if found is None:
            continue
        act, value, people, extra = found
        for person in people:
            subject = b.ctx.who(person)
            kind = b.ctx.entity_type.get(subject)
            # a name only: the story decides whether it is a person (its mentions vote there)
            if kind is None and person.pos_ != "PROPN" or kind in _NOT_PEOPLE:
                continue
            b.add(subject=subject, attribute=f"mode:{act}", value=value,
                  tokens=[tok, *extra], anchor=tok)


def _unreal(verb: Token) -> bool:
    """Negated, modal or only intended ("refused to resign")."""
    if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in MODAL_VERBS for c in verb.children):
        return True
    cur = verb
    while cur.dep_ in ("xcomp", "ccomp") and cur.head.i != cur.i:
        cur = cur.head
        if cur.lemma_.lower() in UNREAL_GOVERNORS or any(c.dep_ == "neg" for c in cur.children):
            return True
    return False


def _particle(verb: Token) -> str:
    """The particle of a phrasal verb ("stepped down"; the parser sometimes calls it an adverb)."""
    return next((c.lower_ for c in verb.children if c.dep_ == "prt" or c.dep_ == "advmod"
                 and c.i == verb.i + 1 and c.lower_ in ("down", "aside", "out")), "")


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _with_conjuncts(tok: Token | None, verb: Token) -> list[Token]:
    """The subject and the names coordinated with it ("A and B were fired") — but a relative
    clause is about its own antecedent only ("A and B, who resigned": B resigned)."""
    if tok is None:
        return []
    if verb.dep_ == "relcl" and verb.head.i == tok.i:
        # the parser may hang ", who …" on the first of "A and B": the nearest name is meant
        before = [c for c in tok.conjuncts if c.i < verb.i]
        return [max(before, key=lambda c: c.i)] if before and max(c.i for c in before) > tok.i else [tok]
    return [tok, *[c for c in tok.conjuncts if c.pos_ in ("PROPN", "NOUN", "PRON")]]


def _subject(verb: Token) -> Token | None:
    cur = verb
    for _ in range(3):
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if subj.lower_ in ("who", "that") and cur.dep_ == "relcl":
                return cur.head
            return subj
        if cur.dep_ in ("conj", "xcomp", "advcl") and cur.head.i != cur.i:
            cur = cur.head
        else:
            return None
    return None


def _pobjs(verb: Token, preps: tuple[str, ...]) -> list[Token]:
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children if p.dep_ == "pobj"]


def _conviction(verb: Token) -> tuple[str, str, list[Token], list[Token]] | None:
    lemma = verb.lemma_.lower()
    if lemma == "plead":
        guilty = next((c for c in verb.children if c.lower_ == "guilty"), None)
        if guilty is None or any(c.dep_ == "neg" for c in guilty.children):
            return None
        return "conviction", PLEA, _with_conjuncts(_subject(verb), verb), [guilty]
    if lemma not in ("convict", "find"):
        return None
    guilty = next((c for c in verb.children if c.lower_ == "guilty"), None)
    if lemma == "find" and guilty is None:
        return None
    deciders = [*_pobjs(verb, ("at", "after", "during")),
                *[p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]]
    patient: Token | None
    if _passive(verb):
        patient = _subject(verb)
    else:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            deciders.append(subj)
        patient = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if patient is None and guilty is not None:
            patient = next((g for g in guilty.children if g.dep_ == "nsubj"), None)
    decider = next((d for d in deciders if d.lemma_.lower() in TRIAL_DECIDERS
                    or d.lower_ in TRIAL_DECIDERS), None)
    if decider is None or patient is None:
        return None
    return "conviction", TRIAL, _with_conjuncts(patient, verb), [decider]


def _departure(verb: Token) -> tuple[str, str, list[Token], list[Token]] | None:
    lemma = verb.lemma_.lower()
    prt = _particle(verb)
    if lemma in DEPARTURE_VOLUNTARY and not prt or (lemma, prt) in DEPARTURE_VOLUNTARY_PHRASAL:
        if _passive(verb):
            return None
        way = VOLUNTARY
        people = _with_conjuncts(_subject(verb), verb)
        posts = [*_pobjs(verb, ("from", "as")),
                 *[c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]]
    elif lemma in DEPARTURE_REMOVED and not prt or (lemma, prt) in DEPARTURE_REMOVED_PHRASAL:
        way = REMOVED
        if _passive(verb):
            people = _with_conjuncts(_subject(verb), verb)
        else:
            people = _with_conjuncts(next((c for c in verb.children if c.dep_ == "dobj"), None), verb)
        posts = _pobjs(verb, ("from", "as"))
    else:
        return None
    for post in posts:
        word = post.lemma_.lower()
        body = ROLE_BODY.get(word, word)
        if post.pos_ == "NOUN":
            return f"departure|{body}", way, people, [post]
    return None
