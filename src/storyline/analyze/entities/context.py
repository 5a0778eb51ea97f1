"""What a name's own words and its place in the parse say about its type, beyond the NER label.

Two kinds of evidence, both read from one sentence (the story-level vote in
:mod:`storyline.story.resolve` weighs them across articles):

* **the name itself** (:func:`name_type`): a storm prefix ("Storm Delia", "Hurricane Orla") makes an
  EVENT; a club closing word ("Eastbay United", "Northfield Rovers", "X FC") an ORG; a ship
  prefix ("MV Orinda") a PRODUCT;
* **the context** (:func:`context_type`), for a name with no person evidence (no title, no
  honorific, not a given name): a place preposition ("in Portwell"), a place office or kind of
  place ("the mayor of Portwell", "the Portwell mayor", "the island of X") → GPE; a company word
  ("Lumora chief executive", "shares of Lumora") → ORG; a product noun ("the Pixie app", "an app
  called Pixie", "Veltrix, a heart drug", "the cargo ship Orinda") → PRODUCT; a place (GPE, or "X City", "X Town") on
  either side of a sports result with a score in the sentence ("Varnholt beat Kestravia City
  2-1") → ORG, never a person's name (tennis and boxing results have people as sides); a subject
  that its own clause calls "it" or "its" ("Kellmark said its software …") → ORG.

The word lists are in :mod:`storyline.lexicon.en.names`. Pure: works on a spaCy Doc.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline.analyze.entities.given_names import is_given_name
from storyline.analyze.entities.names import bare_word
from storyline.lexicon.en.names import (
    CLUB_SUFFIXES,
    COMPANY_CONTEXT_NOUNS,
    NAMED_STORM_WORDS,
    PLACE_KIND_NOUNS,
    PLACE_OFFICES,
    PLACE_PREPOSITIONS,
    POLITICAL_BODY_WORDS,
    PRODUCT_NOUNS,
    SHIP_PREFIXES,
    SPORTS_RESULT_VERBS,
    VESSEL_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["context_type", "is_given_name_form", "name_type", "storm_name", "storm_start"]

# the closing words of place names that are also club names ("Harlow Town", "Kestravia City")
_PLACE_CLOSERS = frozenset({"city", "town", "county"})
# a score: "2-1", "3–0", "21-17"
_SCORE = re.compile(r"\b\d{1,3}\s?[-\u2013]\s?\d{1,3}\b")


def is_given_name_form(word: str) -> bool:
    """A given name, or a compound given name of two joined by a hyphen ("Anne-Sophie",
    "Jean-Luc")."""
    if is_given_name(word):
        return True
    parts = word.split("-")
    return len(parts) == 2 and all(p[:1].isupper() and is_given_name(p) for p in parts)


def name_type(doc: Doc, i: int, j: int, label: str = "") -> str | None:
    """EVENT for a named storm ("Storm Delia", "Tropical Storm X"), ORG for a club name ("Eastbay
    United", "X FC") and for a "place" whose name ends like a party's ("the Civic Union"), else
    None. A storm word must be capitalized and followed by a name word."""
    k = i
    while k < j - 1 and bare_word(doc[k].text) in NAMED_STORM_WORDS and doc[k].text[:1].isupper():
        k += 1
    if k > i and doc[k].text[:1].isupper():
        return "EVENT"
    if j - i >= 2 and doc[i].text.isupper() and bare_word(doc[i].text) in SHIP_PREFIXES:
        return "PRODUCT"  # "MV Orinda", "HMS Resolute": a ship
    if j - i >= 2 and bare_word(doc[j - 1].text) in CLUB_SUFFIXES and doc[j - 1].text[:1].isupper():
        return "ORG"
    if label == "GPE" and j - i >= 2 and bare_word(doc[j - 1].text) in POLITICAL_BODY_WORDS:
        return "ORG"
    return None


def storm_start(doc: Doc, i: int) -> int:
    """Where a name starts when the NER left its storm prefix out ("Hurricane [Orla]"): the first of
    the capitalized storm words right before token ``i``, else ``i``."""
    while i > 0 and bare_word(doc[i - 1].text) in NAMED_STORM_WORDS and doc[i - 1].text[:1].isupper() and \
            doc[i - 1].ent_type_ not in ("PERSON", "ORG", "GPE"):
        i -= 1
    return i


def storm_name(text: str) -> str | None:
    """The name of a storm or a ship without its prefix ("Hurricane Orla" → "Orla", "MV Orinda" →
    "Orinda"), or None when it has none."""
    words = text.split()
    k = 0
    while k < len(words) - 1 and (bare_word(words[k]) in NAMED_STORM_WORDS or
                                  (words[k].isupper() and bare_word(words[k]) in SHIP_PREFIXES)):
        k += 1
    return " ".join(words[k:]) if k else None


def _lemma(tok: Token) -> str:
    return bare_word(tok.lemma_ or tok.text)


def _sports_side(doc: Doc, root: Token) -> bool:
    """The name is the subject or object of a result verb ("beat", "drew with", "lost to") in a
    sentence with a score."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in ("with", "to", "against"):
        head = head.head
    elif root.dep_ in ("conj",) and root.head.dep_ in ("nsubj", "dobj"):
        head = root.head.head
    elif root.dep_ not in ("nsubj", "dobj", "nsubjpass"):
        return False
    if head.pos_ not in ("VERB", "AUX") or _lemma(head) not in SPORTS_RESULT_VERBS:
        return False
    return bool(_SCORE.search(root.sent.text))


def _it_follows(doc: Doc, root: Token) -> bool:
    """The first personal pronoun after the subject ``root`` in its sentence is "it"/"its", inside
    the clause of the subject's verb ("X said it would ...", "X said its ...")."""
    verb = root.head
    for tok in doc[root.i + 1:root.sent.end]:
        if tok.pos_ == "PRON" and tok.lower_ in ("it", "its", "he", "his", "him", "she", "her", "they",
                                                  "their", "them"):
            return tok.lower_ in ("it", "its") and verb in tok.ancestors and \
                not (tok.lower_ == "it" and tok.dep_ in ("nsubj", "expl") and tok.head.lemma_ == "be")
    return False


def context_type(doc: Doc, i: int, j: int, label: str) -> str | None:
    """The type the parse around ``doc[i:j]`` gives the name (see the module docstring), or None.

    Only for names that carry no mark of a person: a span that starts with a given name, or is
    followed by a possessive ("in Marchand's view"), gives no context evidence."""
    root = doc[i:j].root
    # a place that wins or loses a match is its team ("Brazil beat Spain 2-1", "edged Harlow Town
    # 3-2"); a person's name may be a side too (tennis, boxing), so only places
    if (label == "GPE" or bare_word(doc[j - 1].text) in _PLACE_CLOSERS) and _sports_side(doc, root):
        return "ORG"
    if is_given_name_form(doc[i].text):
        return None
    if j < len(doc) and doc[j].tag_ == "POS":
        return None
    head = root.head
    if i > 0 and doc[i - 1].is_lower and _lemma(doc[i - 1]) in VESSEL_NOUNS:
        return "PRODUCT"  # "the cargo ship Orinda", "the lander Kestrel"
    if any(ch.dep_ == "appos" and _lemma(ch) in PRODUCT_NOUNS for ch in root.children) or \
            (root.dep_ == "appos" and _lemma(head) in PRODUCT_NOUNS):
        return "PRODUCT"  # "X, a heart drug made by ...", "the app, X,"
    if root.dep_ == "pobj":
        prep = head.lower_
        if prep in PLACE_PREPOSITIONS and label == "PERSON":
            return "GPE"
        if prep == "of" and head.head is not head:
            owner = _lemma(head.head)
            if (owner in PLACE_KIND_NOUNS and label == "PERSON") or \
                    (owner in PLACE_OFFICES and label in ("PERSON", "ORG")):
                return "GPE"
            if owner in COMPANY_CONTEXT_NOUNS:
                return "ORG"
        return None
    if root.dep_ in ("compound", "nmod", "amod") and head.i >= j:
        noun = _lemma(head)
        if noun in PLACE_OFFICES and label in ("PERSON", "ORG"):
            return "GPE"  # "the Portwell mayor", "Dorvik mayor Lena Brandt"
        if noun in COMPANY_CONTEXT_NOUNS:
            return "ORG"
        if noun in PRODUCT_NOUNS or noun in VESSEL_NOUNS:
            return "PRODUCT"  # "the Pixie app", "the Pika rover"
        return None
    if root.dep_ == "nsubj" and label == "PERSON" and _it_follows(doc, root):
        return "ORG"  # "Kellmark said its software would be free": a body referred to as "it"
    if root.dep_ in ("oprd", "attr", "dobj") and _lemma(head) in ("call", "name", "dub") and \
            head.dep_ in ("acl", "relcl") and _lemma(head.head) in PRODUCT_NOUNS:
        return "PRODUCT"  # "an assistant app called Pixie"
    return None
