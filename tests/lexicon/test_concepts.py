"""Lists that look alike but are different concepts, each pinned: the difference is intended.

One definition per concept (tests/lexicon/test_lexicon.py checks the lists themselves); where two
lists share words, the test here says how they relate, so a merge or a drift is a decision."""

from __future__ import annotations

from storyline.lexicon.en import press, pronouns, speakers


def test_news_title_words_are_the_strict_part_of_the_outlet_words():
    # OUTLET_WORDS reads page furniture (a loose guess is cheap there); NEWS_TITLE_WORDS decides that
    # an organization named in the text is an outlet, so it keeps only the traditional title words:
    # "Public", "Service", "Agency", "Network" end too many names of other organizations.
    assert speakers.NEWS_TITLE_WORDS < press.OUTLET_WORDS
    assert not {"public", "service", "agency", "network"} & speakers.NEWS_TITLE_WORDS


def test_byline_role_nouns_are_the_titles_among_the_role_words():
    # BYLINE_ROLE_WORDS also holds the modifiers of a title ("senior", "managing") and words that are
    # surnames too ("Guest", "Lead"): only the nouns that are never a name cut an author's tail.
    assert press.BYLINE_ROLE_NOUNS < press.BYLINE_ROLE_WORDS
    assert not {"senior", "managing", "guest", "lead"} & press.BYLINE_ROLE_NOUNS


def test_a_persons_pronouns_are_part_of_all_pronouns():
    # PRONOUNS: any word that stands for a name (never a name, a claim subject or a speaker's name);
    # PERSON_PRONOUNS: the ones that stand for a person a report is about ("his case" is about him,
    # "its case" is not about a person, "my case" is the speaker's).
    assert pronouns.PERSON_PRONOUNS < pronouns.PRONOUNS
    assert not {"it", "its", "i", "my", "we", "this", "who"} & pronouns.PERSON_PRONOUNS
    for part in (pronouns.MALE_PRONOUNS, pronouns.FEMALE_PRONOUNS, pronouns.NEUTER_PRONOUNS,
                 pronouns.PLURAL_PRONOUNS):
        assert part < pronouns.PRONOUNS
