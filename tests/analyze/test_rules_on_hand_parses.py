"""Parse-dependent rules on hand-built parses (tests/analyze/conftest.py): the parse is part of
the test, so what each test means does not move with the spaCy model. End-to-end tests on the
pinned model stay beside them, in the per-package test modules."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from storyline.analyze.claims.context import claim_subject
from storyline.analyze.entities import extract_entities
from storyline.analyze.events import predicate_phrase
from storyline.analyze.quotes import extract_quotes, speech_medium
from storyline.analyze.time import analyze_time, verb_tense
from storyline.model import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _monday(doc: Doc, article: Article) -> str:
    """The value of "Monday" in a hand-built parse (published on a Wednesday: HAND_DAY)."""
    _, timexes = analyze_time(doc, article)
    return next(t.value for t in timexes if t.text == "Monday")


# ----------------------------------------------------------------------------- time: tense of a date


def test_a_date_something_is_scheduled_for_lies_ahead(parse, article):
    doc = parse([("The", "DT", "DET", "det", 1, "the"), ("vote", "NN", "NOUN", "nsubjpass", 3, "vote"),
                 ("is", "VBZ", "AUX", "auxpass", 3, "be"), ("set", "VBN", "VERB", "ROOT", 3, "set"),
                 ("for", "IN", "ADP", "prep", 3, "for"), ("Monday", "NNP", "PROPN", "pobj", 4, "Monday"),
                 (".", ".", "PUNCT", "punct", 3, ".")])
    assert doc.text == "The vote is set for Monday."
    assert verb_tense(doc[3]) == "future"
    assert _monday(doc, article(doc)) == "2025-06-09"  # the coming Monday, not the one before publication


def test_a_passive_past_stays_past(parse, article):
    doc = parse([("The", "DT", "DET", "det", 1, "the"), ("vote", "NN", "NOUN", "nsubjpass", 3, "vote"),
                 ("was", "VBD", "AUX", "auxpass", 3, "be"), ("held", "VBN", "VERB", "ROOT", 3, "hold"),
                 ("on", "IN", "ADP", "prep", 3, "on"), ("Monday", "NNP", "PROPN", "pobj", 4, "Monday"),
                 (".", ".", "PUNCT", "punct", 3, ".")])
    assert verb_tense(doc[3]) == "past"
    assert _monday(doc, article(doc)) == "2025-06-02"


def test_an_event_to_be_held_lies_ahead(parse, article):
    # "to be held" modifying a noun (acl): the infinitive rule, not the participle's own tense
    doc = parse([("The", "DT", "DET", "det", 1, "the"), ("board", "NN", "NOUN", "nsubj", 2, "board"),
                 ("plans", "VBZ", "VERB", "ROOT", 2, "plan"), ("a", "DT", "DET", "det", 4, "a"),
                 ("vote", "NN", "NOUN", "dobj", 2, "vote"), ("to", "TO", "PART", "aux", 7, "to"),
                 ("be", "VB", "AUX", "auxpass", 7, "be"), ("held", "VBN", "VERB", "acl", 4, "hold"),
                 ("on", "IN", "ADP", "prep", 7, "on"), ("Monday", "NNP", "PROPN", "pobj", 8, "Monday"),
                 (".", ".", "PUNCT", "punct", 2, ".")])
    assert verb_tense(doc[7]) == "future"
    assert _monday(doc, article(doc)) == "2025-06-09"


# ----------------------------------------------------------------------------- quotes: the speaker


def test_said_after_the_quotation_names_its_speaker(parse, article):
    doc = parse([("“", "``", "PUNCT", "punct", 6, "“"), ("We", "PRP", "PRON", "nsubj", 3, "we"),
                 ("will", "MD", "AUX", "aux", 3, "will"), ("rebuild", "VB", "VERB", "ccomp", 6, "rebuild"),
                 (",", ",", "PUNCT", "punct", 3, ","), ("”", "''", "PUNCT", "punct", 6, "”"),
                 ("said", "VBD", "VERB", "ROOT", 6, "say"), ("Ann", "NNP", "PROPN", "compound", 8, "Ann"),
                 ("Okafor", "NNP", "PROPN", "nsubj", 6, "Okafor"), (",", ",", "PUNCT", "punct", 8, ","),
                 ("the", "DT", "DET", "det", 11, "the"), ("mayor", "NN", "NOUN", "appos", 8, "mayor"),
                 (".", ".", "PUNCT", "punct", 6, ".")],
                ents=["O"] * 7 + ["B-PERSON", "I-PERSON"] + ["O"] * 4)
    assert doc.text == "“We will rebuild,” said Ann Okafor, the mayor."
    art = article(doc)
    mentions, entities = extract_entities(doc, art)
    (quote,) = extract_quotes(doc, art, mentions, entities)
    assert (quote.text, quote.speaker_text, quote.cue, quote.kind) == ("We will rebuild,", "Ann Okafor", "say", "full")
    okafor = next(e for e in entities if e.name == "Ann Okafor")
    assert quote.speaker == okafor.key
    assert [r.title for r in okafor.roles] == ["mayor"]  # the apposition is her role


# ----------------------------------------------------------------------------- quotes: the medium of a saying

_LEE = ("Lee", "NNP", "PROPN", "nsubj", 1, "Lee")
_SAID = ("said", "VBD", "VERB", "ROOT", 1, "say")
_STOP = (".", ".", "PUNCT", "punct", 1, ".")
_MEDIUM_PARSES = [
    # a platform under the verb, alone or with its compound
    ("Lee said on X.", [_LEE, _SAID, ("on", "IN", "ADP", "prep", 1, "on"), ("X", "NNP", "PROPN", "pobj", 2, "X"),
                        _STOP], "post"),
    # the tokenizer often keeps a sentence's full stop on a one-letter name: "X." (the quote and the
    # event readings once disagreed on it)
    ("Lee said on X.", [_LEE, _SAID, ("on", "IN", "ADP", "prep", 1, "on"), ("X.", "NNP", "PROPN", "pobj", 2, "X.")],
     "post"),
    ("Lee said on Truth Social.",
     [_LEE, _SAID, ("on", "IN", "ADP", "prep", 1, "on"), ("Truth", "NNP", "PROPN", "compound", 4, "Truth"),
      ("Social", "NNP", "PROPN", "pobj", 2, "Social"), _STOP], "post"),
    # the platform under the post
    ("Lee said in a post on Instagram.",
     [_LEE, _SAID, ("in", "IN", "ADP", "prep", 1, "in"), ("a", "DT", "DET", "det", 4, "a"),
      ("post", "NN", "NOUN", "pobj", 2, "post"), ("on", "IN", "ADP", "prep", 4, "on"),
      ("Instagram", "NNP", "PROPN", "pobj", 5, "Instagram"), _STOP], "post"),
    # the platform hung on the subject by the parser
    ("Said the club on X.",
     [("Said", "VBD", "VERB", "ROOT", 0, "say"), ("the", "DT", "DET", "det", 2, "the"),
      ("club", "NN", "NOUN", "nsubj", 0, "club"), ("on", "IN", "ADP", "prep", 2, "on"),
      ("X", "NNP", "PROPN", "pobj", 3, "X"), (".", ".", "PUNCT", "punct", 0, ".")], "post"),
    # another medium under the verb, or as its object
    ("Lee said in a statement.",
     [_LEE, _SAID, ("in", "IN", "ADP", "prep", 1, "in"), ("a", "DT", "DET", "det", 4, "a"),
      ("statement", "NN", "NOUN", "pobj", 2, "statement"), _STOP], "statement"),
    ("Lee wrote a letter.",
     [_LEE, ("wrote", "VBD", "VERB", "ROOT", 1, "write"), ("a", "DT", "DET", "det", 3, "a"),
      ("letter", "NN", "NOUN", "dobj", 1, "letter"), _STOP], "letter"),
    # a newspaper named Post is not a post; a place is no medium
    ("Lee said in the Post.",
     [_LEE, _SAID, ("in", "IN", "ADP", "prep", 1, "in"), ("the", "DT", "DET", "det", 4, "the"),
      ("Post", "NNP", "PROPN", "pobj", 2, "Post"), _STOP], None),
    ("Lee said at the town hall.",
     [_LEE, _SAID, ("at", "IN", "ADP", "prep", 1, "at"), ("the", "DT", "DET", "det", 5, "the"),
      ("town", "NN", "NOUN", "compound", 5, "town"), ("hall", "NN", "NOUN", "pobj", 2, "hall"), _STOP], None),
]


@pytest.mark.parametrize(("text", "rows", "medium"), _MEDIUM_PARSES,
                         ids=[f"{i}-{t}" for i, (t, _, _) in enumerate(_MEDIUM_PARSES)])
def test_the_medium_a_saying_names(parse, text, rows, medium):
    doc = parse(rows)
    assert doc.text == text
    verb = next(t for t in doc if t.dep_ == "ROOT")
    assert speech_medium(verb) == medium
    # the event extractor's predicate reads the same: a saying on a platform or in a post is a post
    assert predicate_phrase(verb) == ("post" if medium == "post" else verb.lemma_)


# ----------------------------------------------------------------------------- claims: whom a claim is about


def test_a_passive_conviction_is_about_the_convicted_not_the_jury(parse):
    doc = parse([("Okafor", "NNP", "PROPN", "nsubjpass", 2, "Okafor"), ("was", "VBD", "AUX", "auxpass", 2, "be"),
                 ("convicted", "VBN", "VERB", "ROOT", 2, "convict"), ("by", "IN", "ADP", "agent", 2, "by"),
                 ("a", "DT", "DET", "det", 5, "a"), ("jury", "NN", "NOUN", "pobj", 3, "jury"),
                 (".", ".", "PUNCT", "punct", 2, ".")])
    subject = claim_subject(doc[5])
    assert subject is not None and subject.text == "Okafor"


def test_a_count_is_about_the_subject_of_its_verb_and_a_possession_about_its_owner(parse):
    doc = parse([("The", "DT", "DET", "det", 1, "the"), ("fire", "NN", "NOUN", "nsubj", 2, "fire"),
                 ("destroyed", "VBD", "VERB", "ROOT", 2, "destroy"), ("200", "CD", "NUM", "nummod", 4, "200"),
                 ("homes", "NNS", "NOUN", "dobj", 2, "home"), (".", ".", "PUNCT", "punct", 2, ".")])
    subject = claim_subject(doc[3])
    assert subject is not None and subject.text == "fire"
    doc = parse([("The", "DT", "DET", "det", 1, "the"), ("company", "NN", "NOUN", "poss", 3, "company"),
                 ("'s", "POS", "PART", "case", 1, "'s"), ("profit", "NN", "NOUN", "nsubj", 4, "profit"),
                 ("rose", "VBD", "VERB", "ROOT", 4, "rise"), (".", ".", "PUNCT", "punct", 4, ".")])
    subject = claim_subject(doc[3])
    assert subject is not None and subject.text == "company"
