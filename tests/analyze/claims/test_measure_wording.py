"""The names of measures (``Claim.measure``) read as English: the counted noun in the plural, the
act in the participle or the past tense by the noun's role, no adjective worded as a verb. Rules on
hand-built parses (no model), sentences written for these tests."""

from __future__ import annotations

import pytest

from storyline.analyze.claims.wording import clock_label, count_label, duration_label, participle, past, plural
from storyline.render.phrases import attribute_label

FANS_ATTEND = [  # "Twenty fans attend two matches."
    ("Twenty", "CD", "NUM", "nummod", 1, "twenty"), ("fans", "NNS", "NOUN", "nsubj", 2, "fan"),
    ("attend", "VBP", "VERB", "ROOT", 2, "attend"), ("two", "CD", "NUM", "nummod", 4, "two"),
    ("matches", "NNS", "NOUN", "dobj", 2, "match"), (".", ".", "PUNCT", "punct", 2, ".")]
CLUB_WON = [  # "The club won a victory."
    ("The", "DT", "DET", "det", 1, "the"), ("club", "NN", "NOUN", "nsubj", 2, "club"),
    ("won", "VBD", "VERB", "ROOT", 2, "win"), ("a", "DT", "DET", "det", 4, "a"),
    ("victory", "NN", "NOUN", "dobj", 2, "victory"), (".", ".", "PUNCT", "punct", 2, ".")]
DIFFERENT_HALVES = [  # "Two different halves."
    ("Two", "CD", "NUM", "nummod", 2, "two"), ("different", "JJ", "ADJ", "amod", 2, "different"),
    ("halves", "NNS", "NOUN", "ROOT", 2, "half"), (".", ".", "PUNCT", "punct", 2, ".")]
CLIMBERS_MISSING = [  # "Nine climbers were missing."
    ("Nine", "CD", "NUM", "nummod", 1, "nine"), ("climbers", "NNS", "NOUN", "nsubj", 2, "climber"),
    ("were", "VBD", "AUX", "ROOT", 2, "be"), ("missing", "JJ", "ADJ", "acomp", 2, "missing"),
    (".", ".", "PUNCT", "punct", 2, ".")]
HOMES_BY_FIRES = [  # "Forty homes were destroyed by three fires."
    ("Forty", "CD", "NUM", "nummod", 1, "forty"), ("homes", "NNS", "NOUN", "nsubjpass", 3, "home"),
    ("were", "VBD", "AUX", "auxpass", 3, "be"), ("destroyed", "VBN", "VERB", "ROOT", 3, "destroy"),
    ("by", "IN", "ADP", "agent", 3, "by"), ("three", "CD", "NUM", "nummod", 6, "three"),
    ("fires", "NNS", "NOUN", "pobj", 4, "fire"), (".", ".", "PUNCT", "punct", 3, ".")]
PERSON_RESCUED = [  # "One person was rescued."
    ("One", "CD", "NUM", "nummod", 1, "one"), ("person", "NN", "NOUN", "nsubjpass", 3, "person"),
    ("was", "VBD", "AUX", "auxpass", 3, "be"), ("rescued", "VBN", "VERB", "ROOT", 3, "rescue"),
    (".", ".", "PUNCT", "punct", 3, ".")]
MINERS_SEARCHED = [  # "Crews searched for six miners."
    ("Crews", "NNS", "NOUN", "nsubj", 1, "crew"), ("searched", "VBD", "VERB", "ROOT", 1, "search"),
    ("for", "IN", "ADP", "prep", 1, "for"), ("six", "CD", "NUM", "nummod", 4, "six"),
    ("miners", "NNS", "NOUN", "pobj", 2, "miner"), (".", ".", "PUNCT", "punct", 1, ".")]
WORKERS_PRESUMED = [  # "Six workers are presumed dead."
    ("Six", "CD", "NUM", "nummod", 1, "six"), ("workers", "NNS", "NOUN", "nsubjpass", 3, "worker"),
    ("are", "VBP", "AUX", "auxpass", 3, "be"), ("presumed", "VBN", "VERB", "ROOT", 3, "presume"),
    ("dead", "JJ", "ADJ", "oprd", 3, "dead"), (".", ".", "PUNCT", "punct", 3, ".")]
PROBE_TOUCHED = [  # "The probe touched down."
    ("The", "DT", "DET", "det", 1, "the"), ("probe", "NN", "NOUN", "nsubj", 2, "probe"),
    ("touched", "VBD", "VERB", "ROOT", 2, "touch"), ("down", "RP", "ADP", "prt", 2, "down"),
    (".", ".", "PUNCT", "punct", 2, ".")]
POLLS_CLOSED = [  # "The polls were closed."
    ("The", "DT", "DET", "det", 1, "the"), ("polls", "NNS", "NOUN", "nsubjpass", 3, "poll"),
    ("were", "VBD", "AUX", "auxpass", 3, "be"), ("closed", "VBN", "VERB", "ROOT", 3, "close"),
    (".", ".", "PUNCT", "punct", 3, ".")]
STRIKE_BURNED = [  # "The blaze burned for a week."
    ("The", "DT", "DET", "det", 1, "the"), ("blaze", "NN", "NOUN", "nsubj", 2, "blaze"),
    ("burned", "VBD", "VERB", "ROOT", 2, "burn"), ("for", "IN", "ADP", "prep", 2, "for"),
    ("a", "DT", "DET", "det", 5, "a"), ("week", "NN", "NOUN", "pobj", 3, "week"),
    (".", ".", "PUNCT", "punct", 2, ".")]

JAILED_FOR = [  # "She was jailed for six years."
    ("She", "PRP", "PRON", "nsubjpass", 2, "she"), ("was", "VBD", "AUX", "auxpass", 2, "be"),
    ("jailed", "VBN", "VERB", "ROOT", 2, "jail"), ("for", "IN", "ADP", "prep", 2, "for"),
    ("six", "CD", "NUM", "nummod", 5, "six"), ("years", "NNS", "NOUN", "pobj", 3, "year"),
    (".", ".", "PUNCT", "punct", 2, ".")]
SENTENCED_TO = [  # "He was sentenced to ten years."
    ("He", "PRP", "PRON", "nsubjpass", 2, "he"), ("was", "VBD", "AUX", "auxpass", 2, "be"),
    ("sentenced", "VBN", "VERB", "ROOT", 2, "sentence"), ("to", "IN", "ADP", "prep", 2, "to"),
    ("ten", "CD", "NUM", "nummod", 5, "ten"), ("years", "NNS", "NOUN", "pobj", 3, "year"),
    (".", ".", "PUNCT", "punct", 2, ".")]
FLIGHTS_CANCELLED = [  # "The airline cancelled 300 flights."
    ("The", "DT", "DET", "det", 1, "the"), ("airline", "NN", "NOUN", "nsubj", 2, "airline"),
    ("cancelled", "VBD", "VERB", "ROOT", 2, "cancel"), ("300", "CD", "NUM", "nummod", 4, "300"),
    ("flights", "NNS", "NOUN", "dobj", 2, "flight"), (".", ".", "PUNCT", "punct", 2, ".")]
PLAYERS_QUIT = [  # "Four players quit."
    ("Four", "CD", "NUM", "nummod", 1, "four"), ("players", "NNS", "NOUN", "nsubj", 2, "player"),
    ("quit", "VBD", "VERB", "ROOT", 2, "quit"), (".", ".", "PUNCT", "punct", 2, ".")]


@pytest.mark.parametrize(("rows", "counted", "act", "label"), [
    (FANS_ATTEND, 1, 2, "fans who attended"),  # the doer: a relative clause in the past tense
    (FANS_ATTEND, 4, 2, "matches attended"),  # what the act is done to: the participle
    (CLUB_WON, 4, 2, "victories won"),  # a plural that is not "+s", an irregular participle
    (DIFFERENT_HALVES, 2, 1, "halves"),  # an adjective is no act
    (CLIMBERS_MISSING, 1, 3, "climbers missing"),  # … unless it is a verb's participle
    (HOMES_BY_FIRES, 1, 3, "homes destroyed"),
    (HOMES_BY_FIRES, 6, 3, "fires that destroyed"),  # the agent of a passive did it
    (PERSON_RESCUED, 1, 3, "people rescued"),
    (MINERS_SEARCHED, 4, 1, "miners searched for"),  # a prepositional verb keeps its preposition
    (WORKERS_PRESUMED, 1, 3, "workers presumed dead"),
    (PLAYERS_QUIT, 1, 2, "players who quit"),  # a person noun of the role lexicon: "who"
    (FLIGHTS_CANCELLED, 4, 2, "flights cancelled"),  # the writer's spelling, not the lexicon's "canceled"
])
def test_count_label(parse, rows, counted, act, label):
    doc = parse(rows)
    assert count_label(doc[counted], doc[act]) == label


def test_irregular_plurals_and_participles(parse):
    doc = parse(CLUB_WON)
    assert plural(doc[4]) == "victories" and participle(doc[2]) == "won" and past(doc[2]) == "won"
    assert plural(parse(PERSON_RESCUED)[1]) == "people"
    assert plural(parse(DIFFERENT_HALVES)[2]) == "halves"  # written plural kept


def test_clock_label_by_voice(parse):
    assert clock_label(parse(PROBE_TOUCHED)[2]) == "time of day it touched down"
    assert clock_label(parse(POLLS_CLOSED)[3]) == "time of day it was closed"
    assert clock_label(parse(PROBE_TOUCHED)[2], "descent") == "time of day the descent touched down"


def test_duration_label_names_a_noun_or_the_act(parse):
    doc = parse(STRIKE_BURNED)
    assert duration_label(doc[2], "burn", doc[5]) == "length of time it burned"  # how long the act lasted
    assert duration_label(doc[2], "destroy", doc[5]) == "length of time it burned"  # no noun "destroy"
    assert duration_label(doc[2], "fire", doc[5]) == "length of the fire"  # a class English has as a noun
    jailed = parse(JAILED_FOR)
    assert duration_label(jailed[2], "jail", jailed[5]) == "length of time it was jailed"  # not "of the jail"
    sentenced = parse(SENTENCED_TO)
    assert duration_label(sentenced[2], "sentence", sentenced[5]) == "length of the sentence"  # what it results in
    assert duration_label(parse(CLUB_WON)[4], "victory") == "length of the victory"


def test_key_shaped_counts_are_plural():
    assert attribute_label("casualty_count") == "number of casualties"
    assert attribute_label("fire_truck_count") == "number of fire trucks"
