"""Evaluative labels on sentences written for these tests, in several domains: lexicon terms with
their voice, names that contain a lexicon word, and plain description that is no label."""

from __future__ import annotations

from storyline.analyze.labels import extract_labels
from storyline.model import Article, Quote


def _labels(nlp, text: str, quotes: list[Quote] | None = None) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    out = extract_labels(doc, Article(id="t", text=text), quotes or [])
    for lab in out:
        assert text[lab.start:lab.end] == lab.text
    return [(lab.term, lab.text, lab.voice) for lab in out]


def test_reporter_and_quoted_voice(nlp):
    text = ("The referee’s decision was a disgrace, the coach said. “It was a disgrace,” "
            "said the club’s captain, Ines Morales. She called the ruling a “disgrace” and left.")
    inner = "It was a disgrace,"
    start = text.index(inner)
    quote = Quote(start=start, end=start + len(inner), text=inner)
    # the first quotation is a quote span; the second only sits between quote marks
    assert _labels(nlp, text, [quote]) == [("disgrace", "disgrace", "reporter"),
                                           ("disgrace", "disgrace", "quoted"),
                                           ("disgrace", "disgrace", "quoted")]


def test_plural_and_hyphen_variants(nlp):
    text = ("Two far right groups joined the march. Election deniers and climate deniers spoke; "
            "the organizers rejected claims of racism and bigotry.")
    terms = [t for t, _, _ in _labels(nlp, text)]
    assert terms == ["far-right", "denier", "denier", "racism", "bigotry"]


def test_a_word_inside_a_name_is_no_label(nlp):
    # puffery and epithets that are also parts of company, fund or group names
    text = ("Legendary Pictures said on Tuesday that the film would open in May. The Hero Fund "
            "for firefighters paid out $2 million. Analysts said the legendary director was "
            "a visionary.")
    assert [t for t, _, _ in _labels(nlp, text)] == ["legendary", "visionary"]


def test_capitalized_mid_sentence_is_a_name_unless_the_article_writes_it_in_lower_case(nlp):
    named = "Shares of Iconic Foods rose after the earnings report, and Iconic hired a new chief."
    assert _labels(nlp, named) == []
    emphatic = ("The senator called the audit a hoax. In a post she wrote that the audit was "
                "a Total Hoax and a waste of money.")
    assert [t for t, _, _ in _labels(nlp, emphatic)] == ["hoax", "hoax"]


def test_description_of_events_is_no_label(nlp):
    # disaster, court, science and business reporting: severity and outcome words are facts here
    text = ("The wildfire killed 97 people and destroyed most of the town, a tragic loss. "
            "The jury convicted him of fraud. The vaccine trial failed to meet its goal. "
            "Profits fell sharply in the third quarter.")
    assert _labels(nlp, text) == []


def test_riot_framing_and_fact_check_verdicts(nlp):
    text = ("Police said the protest turned into a riot after midnight. The governor repeated the "
            "baseless claim without evidence.")
    assert [t for t, _, _ in _labels(nlp, text)] == ["riot", "baseless", "without evidence"]
