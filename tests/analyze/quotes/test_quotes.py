"""Direct quotations and their speakers, on news sentences written for these tests.

Entities come from a small stand-in (spaCy NER, people grouped by surname) so these tests exercise the
quote logic whatever the entity step does.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.analyze.quotes import extract_quotes, find_quote_regions
from storyline.eval.quotes import ner_entities
from storyline.model import Article, Quote


def run(nlp, text: str) -> tuple[list[Quote], dict[str, str]]:
    article = Article(id="t1", text=text)
    doc = nlp(text)
    mentions, entities = ner_entities(doc, article)
    quotes = extract_quotes(doc, article, mentions, entities)
    for q in quotes:  # the span contract
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_text
            assert not q.start <= q.speaker_start < q.end  # never the quote's own words
    return quotes, {e.key: e.name for e in entities}


def speaker_name(q: Quote, names: dict[str, str]) -> str | None:
    return names.get(q.speaker) if q.speaker else None


def only(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


# --------------------------------------------------------------------------- quotation marks


def test_marks_curly_straight_and_nested():
    text = ('“She told me ‘no way’ twice,” he said. Then he added, "It is over." '
            "Critics said it ``cannot stand.''")
    found = [r.text(text) for r in find_quote_regions(text)]
    assert found == ["She told me ‘no way’ twice,", "It is over.", "cannot stand."]


def test_marks_apostrophes_are_not_quotes():
    text = "The county’s clerk didn’t say anything about the voters’ rolls."
    assert find_quote_regions(text) == []


def test_marks_multi_paragraph_chain():
    text = "Lee wrote:\n\n“First we appeal.\n\n“Then we win,” she said.\n\nOther news."
    regions = find_quote_regions(text)
    assert [r.text(text) for r in regions] == ["First we appeal.", "Then we win,"]
    assert regions[0].chain == regions[1].chain == 0
    assert not regions[0].closed and regions[1].closed


# --------------------------------------------------------------------------------- speakers


def test_said_after_quote_and_split_quote(nlp):
    text = ("“We did it in a way that puts real pressure on them,” Martinez said. "
            "“If the agency says it wants something, you change your tune.”")
    quotes, names = run(nlp, text)
    assert [q.text for q in quotes] == [
        "We did it in a way that puts real pressure on them,",
        "If the agency says it wants something, you change your tune."]
    assert all(speaker_name(q, names) == "Martinez" for q in quotes)
    assert all(q.cue == "say" and q.kind == "full" for q in quotes)


def test_split_quote_mid_sentence(nlp):
    text = "“The ruling is clear,” said Diane Walsh, the county attorney, “and we will follow it.”"
    quotes, names = run(nlp, text)
    assert len(quotes) == 2
    assert {speaker_name(q, names) for q in quotes} == {"Diane Walsh"}
    assert quotes[0].speaker_text == "Diane Walsh"


def test_nearest_name_is_not_the_speaker(nlp):
    text = "Governor Jared Polis said Senator Mike Lee was wrong: “The state will not move her.”"
    q = only(run(nlp, text)[0])
    assert run(nlp, text)[1][q.speaker] == "Jared Polis"
    assert q.kind == "full"


def test_told_someone(nlp):
    text = "Prosecutor Anna Brown told Judge Tom Hale, “This case is not about politics.”"
    quotes, names = run(nlp, text)
    q = only(quotes)
    assert speaker_name(q, names) == "Anna Brown"
    assert q.cue == "tell"


def test_said_inverted_with_apposition(nlp):
    text = "“The deal is off,” said Mary Jones, a spokeswoman for the county."
    quotes, names = run(nlp, text)
    assert speaker_name(only(quotes), names) == "Mary Jones"


def test_wrote_with_colon_and_multi_paragraph(nlp):
    text = ("Sarah Cole wrote:\n\n“We will appeal this ruling. It is wrong on the law.\n\n"
            "“We expect to win in the higher court.”\n\nCole did not elaborate.")
    quotes, names = run(nlp, text)
    assert [q.text for q in quotes] == ["We will appeal this ruling. It is wrong on the law.",
                                        "We expect to win in the higher court."]
    assert all(speaker_name(q, names) == "Sarah Cole" and q.cue == "write" for q in quotes)


def test_quote_in_sentence_after_attribution(nlp):
    text = ("Mayor Ellen Park said Tuesday that the city would not pay the fine. "
            "“We owe them nothing.”")
    quotes, names = run(nlp, text)
    assert speaker_name(only(quotes), names) == "Ellen Park"


def test_next_paragraph_continues_the_speaker(nlp):
    text = ("“The jury got it right,” District Attorney Dan Rubin said.\n\n"
            "“This was never about politics. It was about the law.”")
    quotes, names = run(nlp, text)
    assert [speaker_name(q, names) for q in quotes] == ["Dan Rubin", "Dan Rubin"]


def test_pronoun_resolves_to_subject_not_nearest_name(nlp):
    text = ("Senator Mark Ortiz criticized Governor Lisa Grant on Monday. "
            "“This is a failure of leadership,” he said.")
    quotes, names = run(nlp, text)
    q = only(quotes)
    assert q.speaker_text == "he"
    assert speaker_name(q, names) == "Mark Ortiz"


def test_pronoun_skips_incompatible_gender(nlp):
    text = ("Mr. Paul Reyes sued Ms. Karen Holt in May. Holt said her lawyers were ready. "
            "“We will see him in court,” she said.")
    quotes, names = run(nlp, text)
    assert speaker_name(only(quotes), names) == "Karen Holt"


def test_description_resolves_to_titled_person(nlp):
    text = ("Judge Michael Stone sentenced Robert Vance to nine years. "
            "The judge said, “You showed no remorse at all.”")
    quotes, names = run(nlp, text)
    q = only(quotes)
    assert q.speaker_text == "The judge"
    assert speaker_name(q, names) == "Michael Stone"


def test_possessive_medium(nlp):
    text = "Trump’s post said: “Free the political prisoners now!”"
    quotes, names = run(nlp, text)
    q = only(quotes)
    assert speaker_name(q, names) == "Trump"
    assert q.medium == "post"


def test_said_in_a_statement_and_according_to(nlp):
    text = ("“We are reviewing the order,” Attorney General Phil Weiser said in a statement. "
            "According to Sheriff Tom Lane, “the inmate was moved on Friday.”")
    quotes, names = run(nlp, text)
    assert len(quotes) == 2
    assert speaker_name(quotes[0], names) == "Phil Weiser"
    assert quotes[0].medium == "statement"
    assert speaker_name(quotes[1], names) == "Tom Lane"
    assert quotes[1].cue == "according to"


def test_posted_on_platform(nlp):
    text = "Senator Ray Burns posted on Truth Social: “The election was stolen from us.”"
    quotes, names = run(nlp, text)
    q = only(quotes)
    assert speaker_name(q, names) == "Ray Burns"
    assert q.cue == "post" and q.medium == "post"


def test_dash_attribution(nlp):
    text = "“I have never been so ashamed of this city.” ― Maria Lopez"
    quotes, names = run(nlp, text)
    assert speaker_name(only(quotes), names) == "Maria Lopez"


# ------------------------------------------------------------------- fragments and scare quotes


def test_fragment_woven_into_sentence(nlp):
    text = "President Donald Trump called Peters a “hostage” in a post on Monday."
    quotes, names = run(nlp, text)
    q = only(quotes)
    assert q.text == "hostage" and q.kind == "fragment"
    assert speaker_name(q, names) == "Donald Trump"
    assert q.cue == "call"


def test_fragment_with_said(nlp):
    text = "Mark Davis said in a statement that the ruling was “a travesty of justice.”"
    quotes, names = run(nlp, text)
    q = only(quotes)
    assert q.kind == "fragment"
    assert speaker_name(q, names) == "Mark Davis"
    assert q.medium == "statement"


def test_scare_quotes_and_titles_left_out(nlp):
    text = ("The so-called “experts” never testified. The band played “Born in the USA” at the "
            "rally, and the crowd waved “Stop the Steal” signs. Speaking on CBS’s “Face the "
            "Nation,” Senator Ann Ross said the plan would fail.")
    quotes, _ = run(nlp, text)
    assert quotes == []


def test_quote_marks_inside_quote_stay_in_it(nlp):
    text = "“He told me ‘you are finished’ and walked out,” Laura Chen said."
    quotes, names = run(nlp, text)
    q = only(quotes)
    assert q.text == "He told me ‘you are finished’ and walked out,"
    assert speaker_name(q, names) == "Laura Chen"


@pytest.mark.parametrize("text", ["", "No quotation marks at all here.", "“”"])
def test_nothing_to_find(nlp, text):
    assert run(nlp, text)[0] == []


# ------------------------------------------ constructions common in news (sentences written for these tests)


@pytest.mark.xfail(strict=True, reason="known failure: the small model tags 'Said' as a proper noun "
                   "or makes 'Said Okafor' one PERSON; the rule held only for one parse")
@pytest.mark.parametrize("name", ["Marsh", "Okafor"])
def test_inverted_said_before_name_with_colon(nlp, name):
    text = f"Said {name}: “We can’t promise the bridge will open in May.”"
    quotes, _ = run(nlp, text)
    assert only(quotes).speaker_text == name


def test_colon_introduction_without_speech_verb(nlp):
    text = ("On March 3, Commissioner Ruth Adeyemi offered the following thoughts:\n\n"
            "“Every pharmacy in the county will stock the new vaccine by the end of April.”")
    quotes, names = run(nlp, text)
    assert speaker_name(only(quotes), names) == "Ruth Adeyemi"


def test_listed_fragments_share_the_speaker(nlp):
    text = ("Professor Ilse Varga called the rival study “sloppy work,” a “statistical mirage” "
            "and a “waste.”")
    quotes, names = run(nlp, text)
    assert [q.text for q in quotes] == ["sloppy work,", "statistical mirage", "waste."]
    assert all(q.kind == "fragment" and speaker_name(q, names) == "Ilse Varga" for q in quotes)


def test_speech_noun_with_owner(nlp):
    text = "Analysts checked Governor Paul Ward’s claim that there were “thousands of layoffs” last year."
    quotes, names = run(nlp, text)
    q = only(quotes)
    assert q.kind == "fragment" and speaker_name(q, names) == "Paul Ward"


def test_one_word_split_quote_is_not_a_title(nlp):
    text = "“Hopefully,” the mayor said, “this bridge will bring the two towns together.”"
    quotes, _ = run(nlp, text)
    assert [q.text for q in quotes] == ["Hopefully,",
                                        "this bridge will bring the two towns together."]
    assert all(q.kind == "full" and q.speaker_text == "the mayor" for q in quotes)


def test_quote_with_nonbreaking_space_before_dash(nlp):
    text = "“We deserve better than this.”\u00a0― Ana Ruiz\n\n“Vote them out.” ― Leo Park"
    quotes, _ = run(nlp, text)
    assert [q.speaker_text for q in quotes] == ["Ana Ruiz", "Leo Park"]


def test_medium_on_the_governing_verb_and_fronted(nlp):
    text = ("The county sued in March.\n\nAttorney General Dana Price fired back in a court filing, "
            "calling the lawsuit “a political stunt with no legal basis.”\n\n"
            "In a Truth Social post on Monday, Senator Ray Burns described the ruling as "
            "“a disgrace.”")
    quotes, names = run(nlp, text)
    assert [(speaker_name(q, names), q.medium) for q in quotes] == [
        ("Dana Price", "filing"), ("Ray Burns", "post")]


# ------------------------------------------------------------------------------- properties

MARKY_TEXT = st.text(alphabet=st.sampled_from(list("ab ,.\n“”‘’\"'`«»„—")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(MARKY_TEXT)
def test_regions_are_well_formed(text):
    regions = find_quote_regions(text)
    last_end = -1
    for r in regions:
        assert 0 <= r.mark_start <= r.start <= r.end <= r.mark_end <= len(text)
        inner = text[r.start:r.end]
        assert inner == inner.strip() and inner
        assert "\n" not in inner  # one region per paragraph
        assert r.mark_start >= last_end  # no overlaps, in order
        last_end = r.mark_end
        assert regions[r.chain].chain == r.chain


@pytest.mark.parametrize(("text", "medium"), [
    ("“The statute is clear,” Judge Amy Cole wrote in her ruling.", "ruling"),
    ("“We never saw the data,” Paul Mendez said in an interview with the Denver Post.", "interview"),
    ("“I will not resign,” Mayor Tom Reed wrote in an email to staff on Friday.", "email"),
    ("“We are praying for her,” Lisa Grant said on her radio show.", "show"),
    ("“The vote was rigged,” Sam Hill tweeted on Monday.", "tweet"),
])
def test_medium_where_the_text_says_it(nlp, text, medium):
    q = only(run(nlp, text)[0])
    assert q.medium == medium and q.speaker_text is not None


def test_without_entities_the_speaker_words_remain(nlp):
    text = "“We will appeal,” said Maria Gomez, the county attorney."
    article = Article(id="t2", text=text)
    quotes = extract_quotes(nlp(text), article, [], [])
    q = only(quotes)
    assert q.speaker is None and q.speaker_text == "Maria Gomez" and q.cue == "say"


def test_full_stop_inside_quote_ends_the_sentence(nlp):
    text = ("Chief executive Omar Reyes said Tuesday that the merger would close but said "
            "“the regulators set the pace.” Analyst Kim Baptiste said it would be “premature” to "
            "celebrate.")
    quotes, names = run(nlp, text)
    assert [speaker_name(q, names) for q in quotes] == ["Omar Reyes", "Kim Baptiste"]


def test_gerund_after_the_speaker(nlp):
    text = "The film includes footage of Dr. Wendell Osei asking, “Where are the test results?”"
    quotes, names = run(nlp, text)
    assert speaker_name(only(quotes), names) == "Wendell Osei"


def test_relative_who_after_a_list_is_the_last_named(nlp):
    text = ("The panel included Priya Nair, Colm Brady and Tessa Lund, who quipped about the new "
            "stadium, “It looks better from the highway than from the cheap seats.”")
    quotes, names = run(nlp, text)
    assert speaker_name(only(quotes), names) == "Tessa Lund"


def test_pronoun_prefers_earlier_subject_over_recent_object(nlp):
    text = ("Governor Lisa Park signed the budget bill on Monday. Critics, including Senator Tom "
            "Reyes, called it rushed. “We had months to debate it,” she said.")
    quotes, names = run(nlp, text)
    assert speaker_name(only(quotes), names) == "Lisa Park"


def test_pronoun_follows_the_speaker_across_quote_paragraphs(nlp):
    text = ("Sheriff Dan Cole said the inmate had been moved to a federal prison.\n\n"
            "“It was a routine transfer,” he said.\n\n“Nobody asked us for anything special.”\n\n"
            "Reporters asked about a call from the capital. “There was no call,” he said.")
    quotes, names = run(nlp, text)
    assert [speaker_name(q, names) for q in quotes] == ["Dan Cole"] * 3


PIECES = ["“", "”", '"', "‘", "’", " he said", " said Mary Lee", ", ", ". ", "\n\n", "Tom Ray",
          " told", " the judge", " wrote: ", " ― ", " according to Ann Cole", " so-called ", "…",
          "Trump’s post said", " she ", " and ", "We will win"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=20))
def test_any_text_gives_valid_spans(nlp, pieces):
    run(nlp, "".join(pieces))  # run() checks the span contracts
