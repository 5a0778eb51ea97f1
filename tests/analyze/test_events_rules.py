"""Event-mention rules on hand-built parses (tests/analyze/conftest.py): what each shape of
sentence yields does not move with the spaCy model. End-to-end checks on the pinned model are in
test_events.py."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline.analyze.events import extract_events
from storyline.analyze.time import analyze_time
from storyline.model import Article, EventMention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _events(doc: Doc, article: Article, quotes: Sequence[Quote] = ()) -> list[EventMention]:
    """The events of a hand-built parse (with the quote extractor's quotations, if given)."""
    _, timexes = analyze_time(doc, article)
    return extract_events(doc, article, timexes, [], quotes)


def test_a_year_named_by_its_calendar_unit_dates_the_clause(parse, article):
    # "in the year 1871": the year modifies the noun "year" itself, not a thing of that year
    doc = parse([("The", "DT", "DET", "det", 1, "the"), ("guild", "NN", "NOUN", "nsubjpass", 3, "guild"),
                 ("was", "VBD", "AUX", "auxpass", 3, "be"), ("founded", "VBN", "VERB", "ROOT", 3, "found"),
                 ("in", "IN", "ADP", "prep", 3, "in"), ("the", "DT", "DET", "det", 6, "the"),
                 ("year", "NN", "NOUN", "pobj", 4, "year"), ("1871", "CD", "NUM", "nummod", 6, "1871"),
                 (".", ".", "PUNCT", "punct", 3, ".")])
    [ev] = _events(doc, article(doc))
    assert (ev.predicate, ev.timex) == ("found", 0)


def test_a_year_modifying_another_noun_does_not(parse, article):
    # "the 1871 charter": a thing of that year, not the sentence's happening
    doc = parse([("She", "PRP", "PRON", "nsubj", 1, "she"), ("quoted", "VBD", "VERB", "ROOT", 1, "quote"),
                 ("the", "DT", "DET", "det", 4, "the"), ("1871", "CD", "NUM", "nummod", 4, "1871"),
                 ("charter", "NN", "NOUN", "dobj", 1, "charter"), (".", ".", "PUNCT", "punct", 1, ".")])
    assert [e for e in _events(doc, article(doc)) if e.timex >= 0] == []


def test_a_speech_verb_parsed_as_a_modifier_of_its_subject_is_the_saying(parse, article):
    # the parser hangs "posted" on the subject noun (acl) although it reports a clause of its own
    doc = parse([("The", "DT", "DET", "det", 1, "the"), ("striker", "NN", "NOUN", "ROOT", 1, "striker"),
                 (",", ",", "PUNCT", "punct", 1, ","), ("a", "DT", "DET", "det", 4, "a"),
                 ("captain", "NN", "NOUN", "appos", 1, "captain"), (",", ",", "PUNCT", "punct", 1, ","),
                 ("posted", "VBN", "VERB", "acl", 1, "post"), ("that", "IN", "SCONJ", "mark", 9, "that"),
                 ("she", "PRP", "PRON", "nsubj", 9, "she"), ("regretted", "VBD", "VERB", "ccomp", 6, "regret"),
                 ("the", "DT", "DET", "det", 11, "the"), ("miss", "NN", "NOUN", "dobj", 9, "miss"),
                 (".", ".", "PUNCT", "punct", 1, ".")])
    assert [e.predicate for e in _events(doc, article(doc))] == ["regret"]


def test_a_noun_with_a_participle_that_reports_nothing_is_no_event(parse, article):
    # "The statement, posted online." — a participle without a reported clause: a fragment
    doc = parse([("The", "DT", "DET", "det", 1, "the"), ("statement", "NN", "NOUN", "ROOT", 1, "statement"),
                 (",", ",", "PUNCT", "punct", 1, ","), ("posted", "VBN", "VERB", "acl", 1, "post"),
                 ("online", "RB", "ADV", "advmod", 3, "online"), ("by", "IN", "ADP", "agent", 3, "by"),
                 ("aides", "NNS", "NOUN", "pobj", 5, "aide"), (".", ".", "PUNCT", "punct", 1, ".")])
    assert _events(doc, article(doc)) == []


def test_a_state_with_its_attribution_after_it_is_no_event(parse, article):
    # "The levee was sound, the engineer said." — a state reported; kept out of the timeline
    doc = parse([("The", "DT", "DET", "det", 1, "the"), ("levee", "NN", "NOUN", "nsubj", 2, "levee"),
                 ("was", "VBD", "AUX", "ROOT", 2, "be"), ("sound", "JJ", "ADJ", "acomp", 2, "sound"),
                 (",", ",", "PUNCT", "punct", 7, ","), ("the", "DT", "DET", "det", 6, "the"),
                 ("engineer", "NN", "NOUN", "nsubj", 7, "engineer"), ("said", "VBD", "VERB", "parataxis", 2, "say"),
                 (".", ".", "PUNCT", "punct", 2, ".")])
    assert _events(doc, article(doc)) == []


def test_a_present_saying_of_a_past_happening_is_that_happening(parse, article):
    # "Police say the suspect fled." — the saying is today's, the flight happened
    doc = parse([("Police", "NNS", "NOUN", "nsubj", 1, "police"), ("say", "VBP", "VERB", "ROOT", 1, "say"),
                 ("the", "DT", "DET", "det", 3, "the"), ("suspect", "NN", "NOUN", "nsubj", 4, "suspect"),
                 ("fled", "VBD", "VERB", "ccomp", 1, "flee"), ("on", "IN", "ADP", "prep", 4, "on"),
                 ("foot", "NN", "NOUN", "pobj", 5, "foot"), (".", ".", "PUNCT", "punct", 1, ".")])
    assert [e.predicate for e in _events(doc, article(doc))] == ["flee"]
    # ... and a present saying of a present state is no event at all
    doc = parse([("Police", "NNS", "NOUN", "nsubj", 1, "police"), ("say", "VBP", "VERB", "ROOT", 1, "say"),
                 ("the", "DT", "DET", "det", 3, "the"), ("road", "NN", "NOUN", "nsubj", 4, "road"),
                 ("is", "VBZ", "AUX", "ccomp", 1, "be"), ("closed", "JJ", "ADJ", "acomp", 4, "closed"),
                 ("to", "IN", "ADP", "prep", 4, "to"), ("traffic", "NN", "NOUN", "pobj", 6, "traffic"),
                 (".", ".", "PUNCT", "punct", 1, ".")])
    assert _events(doc, article(doc)) == []


def test_were_able_to_reports_what_was_done(parse, article):
    doc = parse([("Rescuers", "NNS", "NOUN", "nsubj", 1, "rescuer"), ("were", "VBD", "AUX", "ROOT", 1, "be"),
                 ("able", "JJ", "ADJ", "acomp", 1, "able"), ("to", "TO", "PART", "aux", 4, "to"),
                 ("pull", "VB", "VERB", "xcomp", 2, "pull"), ("two", "CD", "NUM", "nummod", 6, "two"),
                 ("children", "NNS", "NOUN", "dobj", 4, "child"), ("out", "RP", "ADP", "prt", 4, "out"),
                 (".", ".", "PUNCT", "punct", 1, ".")])
    assert [e.predicate for e in _events(doc, article(doc))] == ["pull out"]
    # "were unable to": it did not happen
    doc = parse([("Rescuers", "NNS", "NOUN", "nsubj", 1, "rescuer"), ("were", "VBD", "AUX", "ROOT", 1, "be"),
                 ("unable", "JJ", "ADJ", "acomp", 1, "unable"), ("to", "TO", "PART", "aux", 4, "to"),
                 ("reach", "VB", "VERB", "xcomp", 2, "reach"), ("the", "DT", "DET", "det", 6, "the"),
                 ("hikers", "NNS", "NOUN", "dobj", 4, "hiker"), (".", ".", "PUNCT", "punct", 1, ".")])
    assert _events(doc, article(doc)) == []


# "“Big day for the club”, the mayor posted on X." parsed as a noun phrase: no verb root
_MISPARSED = [("“", "``", "PUNCT", "punct", 3, "“"), ("Big", "JJ", "ADJ", "amod", 2, "big"),
              ("day", "NN", "NOUN", "ROOT", 2, "day"), ("for", "IN", "ADP", "prep", 2, "for"),
              ("the", "DT", "DET", "det", 5, "the"), ("club", "NN", "NOUN", "pobj", 3, "club"),
              ("”", "''", "PUNCT", "punct", 2, "”"), (",", ",", "PUNCT", "punct", 2, ","),
              ("the", "DT", "DET", "det", 9, "the"), ("mayor", "NN", "NOUN", "appos", 2, "mayor"),
              ("posted", "VBN", "VERB", "acl", 9, "post"), ("on", "IN", "ADP", "prep", 10, "on"),
              ("X", "NNP", "PROPN", "pobj", 11, "X"), (".", ".", "PUNCT", "punct", 2, ".")]


def test_an_attributed_quotation_without_a_verb_root_is_its_saying(parse, article):
    doc = parse(_MISPARSED)
    assert doc.text.startswith("“Big day for the club”, the mayor posted on X.")
    at = doc.text.index("the mayor")
    quote = Quote(start=1, end=doc.text.index("”"), text="Big day for the club", speaker_text="the mayor",
                  speaker_start=at, speaker_end=at + len("the mayor"), cue="post", kind="full")
    assert _events(doc, article(doc)) == []  # without the quote extractor's reading: a fragment
    [ev] = _events(doc, article(doc), [quote])
    assert (ev.predicate, ev.timex, ev.text) == ("post", -1, doc.text)


def test_a_quotation_attributed_before_it_or_in_part_adds_nothing(parse, article):
    doc = parse(_MISPARSED)
    at = doc.text.index("the mayor")
    fragment = Quote(start=1, end=doc.text.index("”"), text="Big day for the club", speaker_text="the mayor",
                     speaker_start=at, speaker_end=at + len("the mayor"), cue="post", kind="fragment")
    no_cue = Quote(start=1, end=doc.text.index("”"), text="Big day for the club", speaker_text="the mayor",
                   speaker_start=at, speaker_end=at + len("the mayor"), cue=None, kind="full")
    assert _events(doc, article(doc), [fragment, no_cue]) == []


def test_a_saying_whose_subject_is_on_a_platform_is_a_post(parse):
    # "“We won,” said the club on X." — the parser hangs "on X" on the subject
    from storyline.analyze.events import predicate_phrase

    doc = parse([("“", "``", "PUNCT", "punct", 5, "“"), ("We", "PRP", "PRON", "nsubj", 2, "we"),
                 ("won", "VBD", "VERB", "ccomp", 5, "win"), (",", ",", "PUNCT", "punct", 5, ","),
                 ("”", "''", "PUNCT", "punct", 5, "”"), ("said", "VBD", "VERB", "ROOT", 5, "say"),
                 ("the", "DT", "DET", "det", 7, "the"), ("club", "NN", "NOUN", "nsubj", 5, "club"),
                 ("on", "IN", "ADP", "prep", 7, "on"), ("X", "NNP", "PROPN", "pobj", 8, "X"),
                 (".", ".", "PUNCT", "punct", 5, ".")])
    assert predicate_phrase(doc[5]) == "post"
    assert predicate_phrase(doc[2]) == "win"  # not a speech verb: its own lemma
