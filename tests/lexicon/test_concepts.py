"""Lists that look alike but are different concepts, each pinned: the difference is intended.

One definition per concept (tests/lexicon/test_lexicon.py checks the lists themselves); where two
lists share words, the test here says how they relate, so a merge or a drift is a decision."""

from __future__ import annotations

from storyline.lexicon.en import claims, measures, names, press, pronouns, quotes, speakers, time


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


def test_attribution_verbs_and_speech_verbs_are_two_concepts():
    # ATTRIBUTION_VERBS: a claim in their clause is someone's assertion, evidential verbs included
    # ("the study found that"); SPEECH_VERBS: cues of a quotation, naming and manner-of-speaking
    # verbs included ("called it", "shouted").
    assert {"find", "show", "estimate", "believe"} <= claims.ATTRIBUTION_VERBS - quotes.SPEECH_VERBS
    assert {"call", "describe", "shout", "whisper"} <= quotes.SPEECH_VERBS - claims.ATTRIBUTION_VERBS
    assert quotes.SPOKEN_CUES < quotes.SPEECH_VERBS  # the speech verbs that say the words were spoken


def test_title_qualifiers_and_role_qualifiers_are_two_concepts():
    # A title claim compares one office held two ways; an entity's role keeps "acting" in its title.
    assert {"acting", "interim", "elect"} <= set(claims.TITLE_QUALIFIERS) - set(names.QUALIFIERS)
    assert set(names.QUALIFIERS.values()) == {"former", "then", "now"}
    shared = set(claims.TITLE_QUALIFIERS) & set(names.QUALIFIERS)
    assert all(claims.TITLE_QUALIFIERS[w] == names.QUALIFIERS[w] or
               (claims.TITLE_QUALIFIERS[w], names.QUALIFIERS[w]) == ("current", "now") for w in shared)


def test_number_words_of_time_counts_extend_the_cardinals():
    assert all(time.NUM_WORDS[w] == n for w, n in claims.NUMBER_WORDS.items())


def test_detention_places_are_not_the_words_of_imprisonment():
    # "Harbor County Jail" is a place; "custody", "behind bars" say someone is held, naming no place.
    assert {"custody", "bar", "incarceration"} <= claims.PRISON_WORDS - claims.DETENTION_PLACE_WORDS
    assert {"facility", "correctional", "detention"} <= claims.DETENTION_PLACE_WORDS - claims.PRISON_WORDS


def test_patient_events_are_event_names():
    assert claims.PATIENT_EVENTS <= set(claims.EVENT_LEMMAS.values())
    assert claims.EVENT_NOUNS <= set(claims.EVENT_LEMMAS)


def test_rate_adverbs_name_time_units():
    # the adverbs that make an amount a rate: the frequency adverbs of a whole unit of time
    assert set(measures.RATE_ADVERBS.values()) <= set(claims.TIME_UNITS)
    assert set(measures.RATE_ADVERBS) < set(time.FREQUENCY_ADVERBS)


def test_one_list_of_relative_time_words():
    # the sentence rule and the measure reader once kept two lists (7 and 16 words) of this concept
    assert {"ago", "later", "since", "past", "next"} <= claims.RELATIVE_TIME_WORDS


def test_one_list_of_minor_words_in_names():
    # names, outlets, acronyms and quoted titles once kept three lists of the small words left lower
    # case inside a capitalized name (11, 10 and 13 words, each missing some of the others')
    assert {"of", "the", "and", "with", "by", "de"} <= names.MINOR_WORDS
