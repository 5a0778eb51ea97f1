"""Entity types from a name's own words and its context (analyze.entities.context), voted across
the mentions of one article; on sentences written for these tests, in several domains."""

from __future__ import annotations

import pytest

from storyline.analyze.entities import extract_entities, is_given_name_form, person_compatible
from storyline.model import Article


def entities(nlp, text: str) -> list[tuple[str, str, list[str]]]:
    _, les = extract_entities(nlp(text), Article(id="t1", text=text))
    return [(e.name, e.type, [m.text for m in e.mentions]) for e in les]


def type_of(nlp, text: str, word: str) -> set[str]:
    return {t for name, t, ms in entities(nlp, text) if any(word in m for m in ms)}


@pytest.mark.parametrize("text, word, want", [
    # weather: a storm prefix names an event
    ("Hurricane Orla made landfall near the border on Sunday, and Orla weakened by nightfall.", "Orla", "EVENT"),
    ("The harbour wall collapsed before dawn on Tuesday as Storm Delia struck.", "Delia", "EVENT"),
    ("Residents fled as Typhoon Marlo approached the coast, officials said.", "Marlo", "EVENT"),
    # sports: a club closing word, or a result with a score
    ("Portwell Rovers postponed Saturday's match against Eastbay United.", "Eastbay", "ORG"),
    ("Northfield Wanderers lost the final on penalties.", "Northfield", "ORG"),
    ("Brightwater edged Harlow Town 3-2 after extra time.", "Harlow", "ORG"),
    # places: a place preposition, an office over a place, a kind of place
    ("The mayor of Portwell said the harbour wall had failed. Crews worked in Portwell all night.",
     "Portwell", "GPE"),
    ("Officials on the island of Maravel said the ferry would resume on Friday.", "Maravel", "GPE"),
    # business: a company word
    ("Shares of Lumora fell 6% on Monday. Lumora chief executive Anya Rostova said sales had slowed.",
     "Lumora", "ORG"),
    # a subject its own clause calls "it"
    ("Kellmark said its Nimbus software would be free to schools.", "Kellmark", "ORG"),
    # elections: a party by its closing word, a town by its mayor
    ("Voters backed Progress Alliance in the capital on Sunday.", "Progress", "ORG"),
    ("Renewal won in Dorvik. Dorvik mayor Lena Brandt said turnout was high.", "Dorvik", "GPE"),
    # software: a product noun
    ("Residents were told to follow updates on the FloodAlert app.", "FloodAlert", "PRODUCT"),
    # transport: a ship named after its noun
    ("The cargo ship Orinda struck a pier of the bridge early on Tuesday.", "Orinda", "PRODUCT"),
    ("Controllers cheered as the Pika rover rolled out of the lander on Friday.", "Pika", "PRODUCT"),
    # health: a medicine named in apposition
    ("The regulator suspended sales of Veltrix, a heart drug made by Carrow Pharma, on Thursday.",
     "Veltrix", "PRODUCT"),
])
def test_the_name_and_its_context_decide_the_type(nlp, text, word, want):
    got = type_of(nlp, text, word)
    assert got == {want}, entities(nlp, text)


@pytest.mark.parametrize("text, name", [
    # a person keeps being a person next to the same cues
    ("The crowd in Varnholt cheered for Hana Petrakis, and Petrakis thanked the volunteers.", "Hana Petrakis"),
    ("Lumora chief executive Anya Rostova said the phone would ship in May.", "Anya Rostova"),
    ("Judge Carla Menendez, who presided in Halden, said the jury had been sequestered.", "Carla Menendez"),
    # "it" as an empty subject says nothing about the name before it
    ("Rhys Tolland won the race. Tolland said it was the best day of his career.", "Rhys Tolland"),
    # a tennis result has people as sides: the score makes no team of them
    ("Ruiz beat Kowalczyk 6-3, 6-4 in the semifinal on Friday.", "Kowalczyk"),
])
def test_people_near_place_and_company_cues_stay_people(nlp, text, name):
    got = {n: t for n, t, _ in entities(nlp, text)}
    assert got.get(name) == "PERSON", got


@pytest.mark.parametrize("text, full, alone", [
    # a hyphenated given name alone joins the full name written either way
    ("Anne-Sophie Marchand opened the clinic in March. Anne-Sophie said the first patients came within an hour.",
     "Anne-Sophie Marchand", "Anne-Sophie"),
    ("Dr. Jean Luc Ferrand, the head of research, presented the trial. Jean-Luc said the results were early.",
     "Jean Luc Ferrand", "Jean-Luc"),
])
def test_a_given_name_alone_joins_the_full_name(nlp, text, full, alone):
    got = entities(nlp, text)
    person = next(e for e in got if e[0] == full)
    assert person[1] == "PERSON" and alone in person[2], got
    assert not any(name == alone for name, _, _ in got), got


def test_a_sentence_adverb_is_not_part_of_a_name(nlp):
    got = entities(nlp, "Meanwhile Varnholt Rovers drew with Portbridge Athletic 1-1 in the league.")
    assert not any(name.startswith("Meanwhile") for name, _, _ in got), got


def test_compound_given_names_and_first_name_matching():
    assert is_given_name_form("Anne-Sophie") and is_given_name_form("Jean-Luc") and is_given_name_form("Maria")
    assert not is_given_name_form("Coca-Cola") and not is_given_name_form("Portwell")
    assert person_compatible(["anne-sophie"], ["anne", "sophie", "marchand"], allow_first_name=True)
    assert person_compatible(["jean-luc"], ["jean-luc", "ferrand"], allow_first_name=True)
    assert not person_compatible(["anne-sophie"], ["anne", "marchand"], allow_first_name=True)
    assert not person_compatible(["anne-sophie"], ["anne", "sophie", "marchand"])  # across articles: no


def test_a_surname_the_ner_typed_a_place_joins_the_person(nlp):
    # the hyphenated given name is three tokens; the NER calls the full name a company and the
    # surname a place
    text = ("Jean-Luc Ferrand, who leads the software team, said the update would ship in March. "
            "\"We rebuilt the camera stack from scratch,\" Ferrand said.")
    got = entities(nlp, text)
    assert ("Jean-Luc Ferrand", "PERSON", ["Jean-Luc Ferrand", "Ferrand"]) in got, got


def test_a_surname_at_a_sentence_start_the_tagger_made_a_noun(nlp):
    # the tagger reads the capitalized surname opening a sentence as a common noun
    text = ("Governor Paulo Menezes declared an emergency. Menezes said divers from the Navy would "
            "search the water on Wednesday.")
    got = entities(nlp, text)
    assert ("Paulo Menezes", "PERSON", ["Paulo Menezes", "Menezes"]) in got, got


def test_a_given_name_the_ner_missed_as_a_subject(nlp):
    # a mission director named in full, then by her given name alone, which the NER does not tag
    text = ("Mission director Priya Raghunathan said the lander was healthy. Priya, who has led the "
            "mission since 2019, said it had used less fuel than planned.")
    got = entities(nlp, text)
    person = next(e for e in got if e[0] == "Priya Raghunathan")
    assert person[1] == "PERSON" and "Priya" in person[2], got


@pytest.mark.parametrize("text, org, short", [
    # a company called by the first word of its name, the NER calling that word a person
    ("The Court of Appeals upheld the fine against Brennick Foods. Brennick said it would appeal.",
     "Brennick Foods", "Brennick"),
    ("Patients at Lakeshore General were moved after a fire. Lakeshore said no one was hurt.",
     "Lakeshore General", "Lakeshore"),
])
def test_a_company_by_the_first_word_of_its_name(nlp, text, org, short):
    got = entities(nlp, text)
    body = next(e for e in got if e[0] == org)
    assert body[1] == "ORG" and short in body[2], got


def test_a_score_is_not_part_of_a_team_name(nlp):
    got = entities(nlp, "Harwick Town drew with Ollerton 1-1. Ollerton striker Kofi Mensah scored late.")
    assert not any(any(ch.isdigit() for ch in name) for name, _, _ in got), got


def test_a_title_before_a_name_the_ner_missed(nlp):
    # the NER tags nothing here; the title says the two name words after it are a person
    text = ("Star Striker Signs New Deal\n\nStriker Mateus Alvim signed a new deal with Corvale on Friday. "
            "Alvim, 24, scored 19 goals last season.")
    got = entities(nlp, text)
    assert ("Mateus Alvim", "PERSON", ["Mateus Alvim", "Alvim"]) in got, got
    # a Title Case headline capitalizes its verbs: no person read from it
    got = entities(nlp, "Mayor Grace Park Opens Library\n\nThe library opened on Monday.")
    assert not any(t == "PERSON" for _, t, _ in got), got


@pytest.mark.parametrize("text, name", [
    # an occupation the NER took into the name is a title, not a given name
    ("Striker Mateus Alvim signed a new deal with Corvale on Friday. Alvim, 24, scored 19 goals.", "Mateus Alvim"),
    ("Father Tomas Ruiz led the service on Sunday.", "Tomas Ruiz"),
])
def test_an_occupation_in_front_is_cut_from_the_name(nlp, text, name):
    got = {n: t for n, t, _ in entities(nlp, text)}
    assert got.get(name) == "PERSON", got
