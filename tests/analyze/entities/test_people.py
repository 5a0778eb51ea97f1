"""People and organizations: the person inside an NER span typed otherwise, and names that are no
person, on sentences written for these tests; and the given-name lexicon itself."""

from __future__ import annotations

from importlib import resources

import pytest

from storyline.analyze.entities import extract_entities, given_name_gender, is_given_name
from storyline.analyze.entities.names import edit_distance, given_variants
from storyline.model import Article


def types(nlp, text: str) -> dict[str, str]:
    _, entities = extract_entities(nlp(text), Article(id="p1", text=text))
    return {e.name: e.type for e in entities}


@pytest.mark.parametrize("text, name", [
    ("Ohio Secretary of Commerce Dale Wiedner said the plant would reopen.", "Dale Wiedner"),
    ("Lt. Cmdr. Karen Gilroy spoke to reporters in Norfolk on Friday.", "Karen Gilroy"),
    ("The startup said CTO Mira Novak would lead the team.", "Mira Novak"),
    ("A view of the flooded town on Friday. (AP Photo/Jae C. Hwang)", "Jae C. Hwang"),
    ("Coroner Ruth Vale said the count was final.", "Ruth Vale"),
])
def test_person_inside_a_span_with_a_title_or_credit(nlp, text, name):
    got = types(nlp, text)
    assert got.get(name) == "PERSON", got
    assert not any(n.startswith(("Lt", "CTO", "AP Photo", "Coroner")) for n in got)


def test_given_name_and_surname_typed_as_company_is_a_person(nlp):
    got = types(nlp, "Greg Lomax quit on Friday. Lomax said he was proud of the team.")
    assert got.get("Greg Lomax") == "PERSON", got


@pytest.mark.parametrize("text, name", [
    ("Workers repaired the Elm Street Bridge last year.", "Elm Street Bridge"),
    ("Shares of Hollis Grant rose on Monday after the bank beat forecasts.", "Hollis Grant"),
])
def test_organizations_and_places_are_not_persons(nlp, text, name):
    got = types(nlp, text)
    assert got.get(name, "absent") != "PERSON", got


def test_given_names_lexicon():
    assert is_given_name("Maria") and is_given_name("Greg") and is_given_name("Ahmed")
    assert not is_given_name("Coast") and not is_given_name("maria")  # capitalized words only
    assert given_name_gender("Maria") == "f" and given_name_gender("Thomas") == "m"
    assert given_name_gender("Casey") is None  # used for women and men
    lines = resources.files("storyline.analyze").joinpath("data/given_names.tsv").read_text().splitlines()
    names = [ln.split("\t")[0] for ln in lines if not ln.startswith("#")]
    assert names == sorted(set(names)) and all(n.islower() and n.isalpha() for n in names)


@pytest.mark.parametrize("a, b, same", [
    ("Joe", "Joseph", True), ("Jon", "John", True), ("Katrin", "Katrina", True),
    ("Eric", "Erik", True), ("Marina", "Marino", False), ("J.", "James", True),
    ("Ann", "Anna", True), ("Eric", "Erin", False), ("Mark", "Mary", False), ("Joe", "Jane", False),
    ("Li", "Lu", False),
    ("Sam", "Pam", False),
])
def test_given_name_variants(a, b, same):
    assert given_variants(a, b) is same


def test_edit_distance():
    assert edit_distance("kowalsky", "kowalski") == 1
    assert edit_distance("", "abc") == 3 and edit_distance("abc", "abc") == 0


def test_an_agency_the_ner_calls_a_person_is_not_one(nlp):
    got = types(nlp, "Border Patrol agents stopped the truck.")
    assert "Border Patrol" in got and got["Border Patrol"] != "PERSON", got


def test_a_common_noun_capitalized_in_a_headline_is_no_person(nlp):
    got = types(nlp, "Wildfires Rage\n\nWildfires burned 2,000 acres. The wildfires spread.")
    assert got.get("Wildfires", "absent") != "PERSON", got


def test_it_said_after_a_list_of_people_is_not_the_last_person(nlp):
    from storyline.analyze.quotes import extract_quotes

    text = ("The award went to Ana Ruiz, Ben Ortiz and Carla Diaz of Halden Labs. "
            "\"Their work changed the field,\" it said in a statement.")
    article = Article(id="p2", text=text)
    doc = nlp(text)
    mentions, entities = extract_entities(doc, article)
    names = {e.key: e.name for e in entities}
    q = extract_quotes(doc, article, mentions, entities)[0]
    assert names.get(q.speaker) == "Halden Labs"


def test_given_name_forms_take_the_gender_cut_offs_given():
    from storyline.options import EntityOptions

    assert not given_variants("Mark", "Mary")  # a man's and a woman's name
    assert given_variants("Mark", "Mary", EntityOptions(female_share=2.0, male_share=-1.0))  # no gender: one letter
