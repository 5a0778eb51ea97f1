"""Claim and label extraction on hand-written news snippets (real spaCy parse, no dataset text)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "story"))
from claims_snippets import build_analysis  # noqa: E402

from storyline.analyze.claims import (
    normalize_title,  # noqa: E402
    number_value,  # noqa: E402
)


def _one(analysis, attribute, **where):
    found = [c for c in analysis.claims if c.attribute == attribute
             and all(getattr(c, k) == v for k, v in where.items())]
    assert len(found) == 1, (attribute, [(c.attribute, c.value, c.text) for c in analysis.claims])
    return found[0]


def _key(analysis, name):
    return next(e.key for e in analysis.entities if name in e.name)


def _spans_exact(analysis):
    text = analysis.article.text
    for c in analysis.claims:
        assert text[c.start:c.end] == c.text
    for lab in analysis.labels:
        assert text[lab.start:lab.end] == lab.text


SENTENCING = (
    "Former Riverside County treasurer Daniel Okafor, 58, was sentenced to six years in prison "
    "after a federal jury convicted him of four counts of wire fraud and two counts of money "
    "laundering. The fraud scheme cost the city more than $2.3 million, according to prosecutors. "
    "Okafor was indicted in March 2023."
)


@pytest.fixture(scope="module")
def sentencing(nlp):
    return build_analysis(nlp, SENTENCING, article_id="a1", outlet="Ledger",
                          published="2025-06-02", timexes=[("March 2023", "2023-03")])


def test_quantities_with_units(sentencing):
    okafor = _key(sentencing, "Okafor")
    age = _one(sentencing, "age")
    assert (age.subject, age.value, age.text) == (okafor, 58, "58")
    length = _one(sentencing, "sentence_length")
    assert (length.subject, length.value, length.unit) == (okafor, 6, "year")
    assert length.as_of == "2025-06-02" and length.voice == "reporter" and not length.hedged
    money = _one(sentencing, "amount:cost")
    assert (money.value, money.unit, money.qualifier) == (2_300_000, "USD", "at_least")
    assert money.voice == "prosecutor"  # paraphrase: "according to prosecutors"
    _spans_exact(sentencing)


def test_counts_and_list_total(sentencing):
    okafor = _key(sentencing, "Okafor")
    assert _one(sentencing, "count:wire fraud").value == 4
    assert _one(sentencing, "count:money laundering").value == 2
    total = _one(sentencing, "charge_count")
    assert total.subject == okafor and total.qualifier == "list" and total.value == 6
    assert [p["value"] for p in total.parts] == [4, 2]


def test_agent_date_and_title(sentencing):
    okafor = _key(sentencing, "Okafor")
    agent = _one(sentencing, "convicted_by")
    assert (agent.subject, agent.value) == (okafor, "federal jury")
    date = _one(sentencing, "date_of:indicted")
    assert (date.subject, date.value) == (okafor, "2023-03")
    title = _one(sentencing, "title", subject=okafor)
    assert (title.value, title.qualifier) == ("treasurer", "former")


def test_total_with_partial_list_and_passive_agent(nlp):
    a = build_analysis(nlp, "Ruth Mendes, a retired 71-year-old pharmacist, was found guilty "
                       "by a Harlan County jury on eight charges, including three counts of "
                       "forgery.",
                       article_id="a2", published="2025-03-01")
    total = _one(a, "charge_count")
    assert total.value == 8 and total.qualifier is None
    assert total.parts == [{"item": "forgery", "value": 3}]
    assert _one(a, "count:forgery").value == 3
    assert _one(a, "convicted_by").value == "harlan county jury"
    assert _one(a, "age").value == 71
    _spans_exact(a)


def test_quote_voice_and_paraphrase_voice(nlp):
    text = ("Okafor was sentenced to nine years. “Okafor was convicted by a grand jury,” "
            "Mayor Linda Park said. His lawyer, Ann Lee, said that Okafor was sentenced to "
            "three years.")
    a = build_analysis(nlp, text, article_id="a3", published="2025-03-01",
                       speakers={"grand jury": "Park"})
    park, lee = _key(a, "Park"), _key(a, "Lee")
    assert _one(a, "convicted_by").voice == park
    lengths = sorted((c.value, c.voice) for c in a.claims if c.attribute == "sentence_length")
    assert lengths == [(3, lee), (9, "reporter")]


def test_hedges_and_negation(nlp):
    text = ("Jones claimed that Okafor was fined $500. Reportedly, Okafor was convicted by a state "
            "jury. Okafor was not convicted by a judge. Okafor was sentenced to two years.")
    a = build_analysis(nlp, text, article_id="a4", published="2025-03-01")
    fine = _one(a, "amount:fine")
    assert fine.hedged and fine.value == 500
    agents = [c for c in a.claims if c.attribute == "convicted_by"]
    assert [(c.value, c.hedged) for c in agents] == [("state jury", True)]  # negation: no claim
    assert not _one(a, "sentence_length").hedged


def test_running_count_qualifier(nlp):
    a = build_analysis(nlp, "Authorities said Victor Hale faces 12 charges so far.",
                       article_id="a5", published="2025-03-01")
    c = _one(a, "charge_count")
    assert (c.value, c.qualifier) == (12, "so_far")


@pytest.mark.parametrize("words,value", [
    ("1.4 million", 1_400_000), ("nine", 9), ("twenty-five", 25), ("1,200", 1200),
    ("two hundred", 200), ("3 billion", 3_000_000_000),
])
def test_number_value(nlp, words, value):
    assert number_value(list(nlp.tokenizer(words))) == value


@pytest.mark.parametrize("words,expected", [
    ("former Mesa County clerk", ("clerk", "former")),
    ("Colorado Gov.", ("governor", None)),
    ("ex-Ward 3 councilwoman", ("councilwoman", "former")),
    ("U.S. Attorney General", ("attorney general", None)),
    ("Gold Star mother", (None, None)),
])
def test_normalize_title(words, expected):
    assert normalize_title(words.split()) == expected


def test_labels_own_voice_versus_quoted(nlp):
    text = ("The far-right activist, a longtime ally of several election deniers, called the "
            "inquiry “a witch hunt” and said, “These charlatans want a political prisoner.” "
            "Critics call his theories unfounded.")
    a = build_analysis(nlp, text, article_id="a6", published="2025-03-01")
    got = {(lab.term, lab.voice) for lab in a.labels}
    assert ("far-right", "reporter") in got
    assert ("denier", "reporter") in got  # the plural of a listed word
    assert ("witch hunt", "quoted") in got
    assert ("charlatan", "quoted") in got
    assert ("unfounded", "reporter") in got
    _spans_exact(a)


def test_unnumbered_items_continue_a_count_list(nlp):
    text = ("Carla Diaz was convicted of two counts of tampering with evidence, obstruction of "
            "justice, perjury and official misconduct.")
    a = build_analysis(nlp, text, article_id="a7", published="2025-03-01")
    total = _one(a, "charge_count")
    assert (total.value, total.qualifier) == (5, "list")
    assert [p["value"] for p in total.parts] == [2, 1, 1, 1]
    assert total.parts[0]["item"] == "tamper with evidence"
    # no comma list: "theft of cars and trucks" is one charge
    b = build_analysis(nlp, "Omar Reyes was convicted of two counts of theft of cars and trucks.",
                       article_id="a8", published="2025-03-01")
    assert [c.attribute for c in b.claims if "count" in c.attribute] == [
        "count:theft of car and truck"]
    _spans_exact(a)


@pytest.mark.parametrize("text", ["", "“”", "1 2 3 $ $$ 4.5.6 - -- nine-", "Mr. . , ; “Quote",
                                  "Five. Six years. $ million. 70, 80."])
def test_odd_text_never_raises(nlp, text):
    a = build_analysis(nlp, text, article_id="odd", published=None)
    _spans_exact(a)


def test_currency_of_every_sign_and_name_the_lexicon_lists(nlp):
    # the measure reader and the number reader share lexicon.en.claims.CURRENCY: a yen or rupee
    # amount is no longer read as dollars
    from storyline.analyze.claims.numbers import currency_of

    doc = nlp("The museum paid ¥300 million and 40 million rupees for the two paintings.")
    assert currency_of([t for t in doc if t.text == "¥"]) == "JPY"
    assert currency_of([t for t in doc if t.lower_ == "rupees"]) == "INR"
