"""The plain-language name of a measure (``Claim.measure``): the counted noun and its act, inflected.

The words come from the sentence in the form the sentence used them ("victory", "attend",
"appoints"); a name glued from them as written reads wrong ("number of victorys won", "number of
fans attend"). This module inflects them with lemminflect (the noun's or verb's lemma to the
Penn tag wanted: NNS, VBN, VBD) and picks the shape by the counted noun's role in the sentence:

* the noun is what the act is done to (object, passive subject, noun a participle modifies):
  "number of <plural> <past participle>" — "victories won", "directors appointed", "people killed";
* the noun is the doer (active subject, the "by" agent): a relative clause in the past tense —
  "fans who attended", "players who quit", "nations that took part" ("who" for the person nouns of
  ``NOUN_CLASSES`` and the role nouns of ``lexicon/en/names.py``, "that" otherwise); an -ing
  participle is kept as written ("people missing");
* the act is not a verb (an adjective or a noun: "two different halves"): no act at all,
  "number of halves", unless the adjective is a verb's participle ("people injured").

Only the label changes: the measure key (``Claim.attribute``), which matches claims across outlets,
is built from lemmas and synonym classes elsewhere and never from these words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lemminflect import getAllLemmas, getInflection, getLemma

from storyline.lexicon.en.measures import COLLECTIVE_NOUNS, IRREGULAR_PLURALS, NOUN_CLASSES
from storyline.lexicon.en.names import ROLE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["clock_label", "count_label", "duration_label", "participle", "past", "plural"]

_RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})


def _lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    return lemma if lemma.isalpha() else tok.lower_


def _inflect(lemma: str, tag: str, written: str) -> str:
    forms = getInflection(lemma, tag=tag)
    return forms[0] if forms else written


def _hyphenated(tok: Token) -> str:
    """The written word a token is part of when the tokenizer split it at hyphens ("co-authored",
    "re-opened"), else ""."""
    doc, start, end = tok.doc, tok.i, tok.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and \
            not doc[start - 1].whitespace_:
        start -= 2
    while end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end].whitespace_ and \
            not doc[end + 1].whitespace_:
        end += 2
    return doc[start:end + 1].text.lower() if end > start else ""


def _verb_form(pred: Token, tag: str) -> str:
    """The verb in the form ``tag`` (VBN, VBD): the written word when it already is that form (the
    writer's spelling kept: "cancelled", "burnt"), else its lemma inflected ("take" → "taken")."""
    if (compound := _hyphenated(pred)):
        return compound  # the parse of a split word is no lemma to inflect
    lemma = _lemma(pred)
    if pred.tag_ in ("VBD", "VBN") and getInflection(lemma, tag=pred.tag_) == getInflection(lemma, tag=tag):
        return pred.lower_
    return _inflect(lemma, tag, pred.lower_)


def plural(noun: Token) -> str:
    """The counted noun in the plural: as written when the text has it so ("people", "halves"),
    else its lemma inflected ("victory" → "victories"; group nouns stay: "crew", "staff")."""
    if noun.tag_ in ("NNS", "NNPS"):
        return noun.lower_
    lemma = _lemma(noun)
    if lemma in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[lemma]
    if lemma in COLLECTIVE_NOUNS or noun.pos_ != "NOUN":
        return noun.lower_
    return _inflect(lemma, "NNS", noun.lower_)


def _particles(pred: Token) -> list[str]:
    return [c.lower_ for c in pred.children if c.dep_ == "prt"]


def participle(pred: Token, counted: Token | None = None) -> str:
    """The act in the past participle with its particle ("wiped out", "taken", "paid back"), the
    adjective the sentence says of the counted noun ("presumed dead", "found alive"), and the
    preposition of a prepositional verb when the counted word is that preposition's object right
    after it ("searched for", "asked for")."""
    words = [_verb_form(pred, "VBN"), *_particles(pred)]
    if counted is not None and counted.head.i == pred.i and counted.dep_ in ("nsubjpass", "dobj"):
        words += [c.lower_ for c in pred.children if c.dep_ in ("oprd", "acomp") and c.pos_ == "ADJ"
                  and not list(c.children)]  # what is said of the counted noun itself
    if counted is not None:
        words += [p.lower_ for p in pred.children if p.dep_ == "prep" and p.i == pred.i + 1 + len(_particles(pred))
                  and any(o.dep_ == "pobj" and (o.i == counted.i or counted in o.subtree) for o in p.children)]
    return " ".join(words)


def past(pred: Token) -> str:
    """The act in the simple past with its particle ("touched down", "talked", "took")."""
    return " ".join([_verb_form(pred, "VBD"), *_particles(pred)])


def is_passive(pred: Token) -> bool:
    """A verb in the passive voice: a passive subject or auxiliary, or a past participle with no
    perfect "have" ("the search was suspended", "published at 9 pm")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in pred.children):
        return True
    if pred.tag_ != "VBN":
        return False
    perfect = pred.head if pred.dep_ == "conj" else pred
    return not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in [*pred.children, *perfect.children])


def _participial(adj: Token) -> bool:
    """An adjective that is a verb's participle ("missing", "injured", "stranded")."""
    word = adj.lower_
    lemma = getLemma(word, upos="VERB")
    return bool(lemma) and lemma[0] != word and word in (
        *getInflection(lemma[0], tag="VBN"), *getInflection(lemma[0], tag="VBG"))


def _role(counted: Token, pred: Token) -> str:
    """What the counted noun is to the act: "doer" or "done" (the object, the passive subject)."""
    if pred.head.i == counted.i and pred.dep_ in ("acl", "relcl", "amod"):
        if pred.dep_ != "relcl":
            return "doer" if pred.tag_ == "VBG" else "done"
        if is_passive(pred):
            return "done"
        subj = next((c for c in pred.children if c.dep_ == "nsubj"), None)
        return "doer" if subj is not None and subj.lower_ in _RELATIVE_PRONOUNS else "done"
    tok = counted
    for _ in range(4):
        head = tok.head
        if head.i == pred.i:
            return "doer" if tok.dep_ == "nsubj" and not is_passive(pred) else "done"
        if tok.dep_ == "pobj" and head.dep_ == "agent" and head.head.i == pred.i:
            return "doer"  # "buildings destroyed by three fires": the fires did it
        if head.i == tok.i:
            break
        tok = head
    return "done"


def _bare_object(pred: Token, counted: Token) -> list[str]:
    """An object with no words of its own that completes the verb ("took part", "cut jobs")."""
    return [c.lower_ for c in pred.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i != counted.i
            and not list(c.children) and c.i > pred.i]


def count_label(counted: Token, pred: Token) -> str:
    """"<plural> <act>" for a count: see the module docstring for the rule."""
    noun = plural(counted)
    if pred.pos_ == "ADJ":
        return f"{noun} {pred.lower_}" if _participial(pred) else noun
    if pred.pos_ != "VERB":
        return noun
    if _role(counted, pred) == "done":
        return f"{noun} {participle(pred, counted)}"
    if pred.tag_ == "VBG":
        return " ".join([noun, pred.lower_, *_particles(pred), *_bare_object(pred, counted)])
    lemma = _lemma(counted)
    who = "who" if NOUN_CLASSES.get(lemma) in ("person", "child") or lemma in ROLE_NOUNS else "that"
    return " ".join([noun, who, past(pred), *_bare_object(pred, counted)])


def clock_label(pred: Token, what: str = "") -> str:
    """The time of day of an act: "time of day it touched down", "… the descent began", "… it was
    suspended", "… of the landing" (an event noun)."""
    if pred.pos_ != "VERB":
        return f"time of day of the {pred.lower_}"
    who = f"the {what}" if what else "it"
    act = f"was {participle(pred)}" if is_passive(pred) else past(pred)
    return f"time of day {who} {act}"


def duration_label(anchor: Token, thing: str, unit: Token | None = None) -> str:
    """The length of what a duration belongs to: the noun that names it ("a 25-year sentence" →
    "length of the sentence"); for a verb, the noun of its class when English has one and the
    class is another word than the verb ("detained for 30 days" → "length of the arrest") or the
    duration is what the act results in ("sentenced to 25 years"); else the act itself, as long as
    it lasted ("jailed for six years" → "length of time it was jailed", "burned for three days",
    "will serve 20 years"). A noun phrase, as every measure name is: explanations put "the" before it."""
    if anchor.pos_ != "VERB":
        return f"length of the {thing}"
    result = unit is not None and unit.dep_ == "pobj" and unit.head.lower_ == "to" and unit.head.head.i == anchor.i
    if getAllLemmas(thing, upos="NOUN") and (thing != _lemma(anchor) or result):
        return f"length of the {thing}"
    return f"length of time it {'was ' + participle(anchor) if is_passive(anchor) else past(anchor)}"
