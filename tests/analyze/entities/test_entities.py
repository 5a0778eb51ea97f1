"""Entity mentions, roles and within-article grouping on news-style sentences written for these tests."""

from __future__ import annotations

import pytest

from storyline.analyze.entities import extract as ents_mod
from storyline.analyze.entities import extract_entities
from storyline.analyze.entities.names import (
    link_orgs,
    name_tokens,
    org_keys,
    orgs_compatible,
    person_compatible,
    person_core,
    strip_possessive,
)
from storyline.model import Article, PubDate

DATE = "2025-06-01"


def _run(nlp, text: str, art_id: str = "art1"):
    article = Article(id=art_id, text=text,
                      published=PubDate(date=DATE, earliest=DATE, latest=DATE, basis="metadata"))
    mentions, entities = extract_entities(nlp(text), article)
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.entity in {e.key for e in entities}
    for e in entities:
        for r in e.roles:
            for sp in r.spans:
                assert text[sp.start:sp.end] == sp.text
    return mentions, entities


def _by_name(entities, name):
    found = [e for e in entities if e.name == name]
    assert found, f"no entity named {name!r} in {[e.name for e in entities]}"
    return found[0]


ALIAS = ("Former Yuma County Clerk Linda Harwell was sentenced on Tuesday. Harwell, 64, said she "
         "would appeal. Ms. Harwell’s lawyers called the ruling unfair, and Harwell’s supporters "
         "rallied outside. The former clerk did not speak to reporters.")


def test_aliases_possessives_and_description_join_one_person(nlp):
    mentions, entities = _run(nlp, ALIAS)
    harwell = _by_name(entities, "Linda Harwell")
    assert harwell.type == "PERSON"
    texts = [m.text for m in harwell.mentions]
    assert texts.count("Harwell") == 3  # "Harwell", "Ms. Harwell’s", "Harwell’s": titles/'s stripped
    assert "former clerk" in texts  # the description joins the person whose role is a clerk
    assert not any("’s" in t or t.startswith("Ms") for t in texts)
    # a place inside the title ("Yuma County") is not a second person
    assert [e.name for e in entities if e.type == "PERSON"] == ["Linda Harwell"]
    role = next(r for r in harwell.roles if r.title == "Yuma County Clerk")
    assert role.qualifier == "former" and role.as_of == DATE
    assert role.spans[0].text == "Former Yuma County Clerk"
    assert harwell.key == "art1:1"


TITLES = ("Oregon Attorney General Dana Whitfield said the state would fight the order. "
          "Judge Marcus Oyelaran, who presided over the trial, rejected the motion. "
          "Gov. Tomas Reyes, a Democrat, declined to comment.")


def test_compound_titles_are_stripped_into_roles(nlp):
    _, entities = _run(nlp, TITLES)
    whitfield = _by_name(entities, "Dana Whitfield")
    assert [r.title for r in whitfield.roles] == ["Oregon Attorney General"]
    assert [r.title for r in _by_name(entities, "Marcus Oyelaran").roles] == ["Judge"]
    reyes = _by_name(entities, "Tomas Reyes")
    assert {r.title for r in reyes.roles} == {"Gov."}  # "a Democrat" is an affiliation, not a title
    assert all(r.qualifier is None for e in entities for r in e.roles)


APPOS = ("The request came from Ed Martin, a Trump loyalist who is the top Justice Department "
         "official handling pardons. Martin also serves as the director of the Weaponization "
         "Working Group.")


def test_apposition_relative_clause_and_serves_as(nlp):
    mentions, entities = _run(nlp, APPOS)
    martin = _by_name(entities, "Ed Martin")
    titles = [r.title for r in martin.roles]
    assert "Trump loyalist" in titles
    assert any(t.startswith("top Justice Department official") for t in titles)
    assert "director of the Weaponization Working Group" in titles
    # "Martin" (which the small model tags ORG here) is the same person, labelled PERSON by the vote
    assert [m.text for m in martin.mentions] == ["Ed Martin", "Martin"]
    assert all(m.label == "PERSON" for m in martin.mentions)


def test_then_and_former_qualifiers(nlp):
    text = ("The charges were first announced by then-Attorney General William Barr in 2019. "
            "Barr later left the department. Former Gov. Ann Pollard endorsed him.")
    _, entities = _run(nlp, text)
    barr = _by_name(entities, "William Barr")
    assert [(r.title, r.qualifier) for r in barr.roles] == [("Attorney General", "then")]
    assert [m.text for m in barr.mentions] == ["William Barr", "Barr"]
    pollard = _by_name(entities, "Ann Pollard")
    assert [(r.title, r.qualifier) for r in pollard.roles] == [("Gov.", "former")]


def test_acronyms_and_department_word_order(nlp):
    text = ("The Environmental Protection Agency issued the rule on Monday. The EPA said the rule "
            "would take effect in June. Critics said the Justice Department and the Department of "
            "Justice were slow, and DOJ officials declined to comment.")
    _, entities = _run(nlp, text)
    orgs = {e.name: sorted(m.text for m in e.mentions) for e in entities if e.type == "ORG"}
    assert orgs["Environmental Protection Agency"] == ["EPA", "Environmental Protection Agency"]
    assert orgs["Department of Justice"] == ["DOJ", "Department of Justice", "Justice Department"]


def test_organization_descriptions_join_the_one_matching_body(nlp):
    text = ("The Colorado Court of Appeals heard arguments in March. The court has not ruled. "
            "The Federal Bureau of Prisons said the bureau had sent a notice.")
    _, entities = _run(nlp, text)
    orgs = {e.name: [m.text for m in e.mentions] for e in entities if e.type == "ORG"}
    assert orgs["Colorado Court of Appeals"] == ["Colorado Court of Appeals", "court"]
    assert orgs["Federal Bureau of Prisons"] == ["Federal Bureau of Prisons", "bureau"]
    # two courts named: "the court" is left alone
    _, entities = _run(nlp, "The Supreme Court and the Colorado Court of Appeals both declined. "
                            "The court did not explain.")
    assert all(m.text != "court" for e in entities for m in e.mentions)


def test_two_relatives_sharing_a_surname_stay_apart(nlp):
    text = ("Sen. Maria Lopez criticized the decision. Her brother, Daniel Lopez, a county "
            "commissioner, praised it.")
    _, entities = _run(nlp, text)
    people = {e.name: e for e in entities if e.type == "PERSON"}
    assert set(people) == {"Maria Lopez", "Daniel Lopez"}
    assert "county commissioner" in [r.title for r in people["Daniel Lopez"].roles]
    assert [r.title for r in people["Maria Lopez"].roles] == ["Sen."]


def test_bare_surname_missed_by_ner_and_possessive_place_title(nlp):
    text = ("“We will appeal,” said Dana Nessel, Michigan’s attorney general. Nessel, a Democrat, "
            "spoke after Supreme Court Justice Neil Gorsuch wrote the opinion. Gorsuch was joined "
            "by Chief Justice John Roberts.")
    _, entities = _run(nlp, text)
    nessel = _by_name(entities, "Dana Nessel")
    assert [m.text for m in nessel.mentions] == ["Dana Nessel", "Nessel"]
    assert "Michigan’s attorney general" in [r.title for r in nessel.roles]
    gorsuch = _by_name(entities, "Neil Gorsuch")
    assert [m.text for m in gorsuch.mentions] == ["Neil Gorsuch", "Gorsuch"]
    assert [r.title for r in gorsuch.roles] == ["Supreme Court Justice"]
    assert [r.title for r in _by_name(entities, "John Roberts").roles] == ["Chief Justice"]


def test_glued_ex_prefix_and_abbreviated_title_description(nlp):
    text = ("The ex-governor, Tom Hadley, spoke first. Rep. Lauren Boebert criticized the "
            "ruling. The congresswoman said she would introduce a bill.")
    _, entities = _run(nlp, text)
    hadley = _by_name(entities, "Tom Hadley")
    assert ("governor", "former") in [(r.title, r.qualifier) for r in hadley.roles]
    boebert = _by_name(entities, "Lauren Boebert")
    assert "congresswoman" in [m.text for m in boebert.mentions]  # "Rep." covers "the congresswoman"


def test_output_is_deterministic(nlp):
    a = _run(nlp, ALIAS + " " + TITLES)
    b = _run(nlp, ALIAS + " " + TITLES)
    assert a == b
    keys = [e.key for e in a[1]]
    assert keys == [f"art1:{n}" for n in range(1, len(keys) + 1)]


def test_empty_text_has_no_entities(nlp):
    assert _run(nlp, "") == ([], [])


# ----------------------------------------------------------------------------- voting, no parse


def _cand(label: str, evidence: bool = False) -> ents_mod.Candidate:
    return ents_mod.Candidate(0, 1, 0, 6, "Martin", label, person_evidence=evidence)


def test_vote_majority_and_title_evidence():
    assert ents_mod._vote([_cand("ORG"), _cand("ORG"), _cand("PERSON")], [0, 1, 2]) == "ORG"
    # one mention with a title or honorific in front ("Judge Martin") makes the group a person
    cands = [_cand("ORG"), _cand("ORG"), _cand("ORG", evidence=True)]
    assert ents_mod._vote(cands, [0, 1, 2]) == "PERSON"
    # ties go to PERSON
    assert ents_mod._vote([_cand("ORG"), _cand("PERSON")], [0, 1]) == "PERSON"


# ----------------------------------------------------------------------------- name helpers


def test_name_helpers():
    assert strip_possessive("Trump’s") == "Trump"
    assert strip_possessive("Peters’") == "Peters"
    assert name_tokens("Ms. Peters’") == ["ms.", "peters"]
    assert person_core(name_tokens("Gov. Jared Polis")) == ["jared", "polis"]
    assert person_compatible(["trump"], ["donald", "trump"])
    assert person_compatible(["donald", "j.", "trump"], ["donald", "trump"])
    assert not person_compatible(["eric", "trump"], ["donald", "trump"])
    assert not person_compatible(["donald", "trump", "jr."], ["donald", "trump"])
    assert person_compatible(["tina"], ["tina", "peters"], allow_first_name=True)
    assert not person_compatible(["tina"], ["tina", "peters"])


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Justice Department", "Department of Justice", True),
    ("DOJ", "the Department of Justice", True),
    ("FBI", "Federal Bureau of Investigation", True),
    ("State Department", "Department of State", True),
    ("DOJ", "Department of State", False),
    ("Justice Department", "Department of Corrections", False),
])
def test_org_compatibility(a, b, same):
    assert orgs_compatible(a, b) is same


def test_link_orgs_keeps_an_ambiguous_short_name_apart():
    names = ["Colorado Supreme Court", "U.S. Supreme Court", "Supreme Court",
             "U.S. Department of Justice", "Department of Justice", "DOJ"]
    pairs = {frozenset((names[a], names[b])) for a, b in link_orgs(names)}
    groups = {n: {n} for n in names}
    for p in pairs:
        a, b = tuple(p)
        merged = groups[a] | groups[b]
        for n in merged:
            groups[n] = merged
    assert groups["DOJ"] == {"U.S. Department of Justice", "Department of Justice", "DOJ"}
    assert groups["Supreme Court"] == {"Supreme Court"}
    assert "acr:doj" in org_keys("DOJ")


def test_places_keep_their_words_and_honorifics_mark_people(nlp):
    text = ("Dr. Anthony Fauci spoke in St. Louis on Sunday. Mrs. Clinton later met Fauci in "
            "St. Paul.")
    _, entities = _run(nlp, text)
    kinds = {e.name: e.type for e in entities}
    assert kinds["St. Louis"] == "GPE" and kinds["St. Paul"] == "GPE"
    assert kinds["Anthony Fauci"] == "PERSON" and kinds["Clinton"] == "PERSON"
    assert [m.text for m in _by_name(entities, "Anthony Fauci").mentions] == ["Anthony Fauci", "Fauci"]


_POOL = [
    "Former Yuma County Clerk Linda Harwell was sentenced on Tuesday.",
    "Harwell’s lawyers said Ms. Harwell would appeal.",
    "Oregon Attorney General Dana Whitfield, a Democrat, filed a brief.",
    "The Justice Department and the DOJ’s civil division declined to comment.",
    "then-Gov. Ann Pollard signed the bill in St. Paul.",
    "“We did nothing wrong,” said Ed Martin, the U.S. pardon attorney.",
    "Martin’s office did not respond.",
    "The former clerk, 69, is serving nine years.",
    "Judge Marcus Oyelaran   rejected the motion\nin March.",
    "The court has not ruled; the bureau said nothing.",
]


def test_spans_stay_exact_on_shuffled_news_sentences(nlp):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.sampled_from(_POOL), min_size=1, max_size=6),
           st.sampled_from([" ", "\n\n", "  "]))
    def check(sentences, sep):
        mentions, entities = _run(nlp, sep.join(sentences))
        keys = {e.key for e in entities}
        assert {m.entity for m in mentions} <= keys
        assert all(e.mentions for e in entities)
        assert sum(len(e.mentions) for e in entities) == len(mentions)

    check()


def test_a_title_inside_a_quotation_is_the_quoted_speakers_words(nlp):
    text = ("Mayor Ana Ruiz rejected the plan on Tuesday. "
            "\u201cCorrupt Treasurer Mark Olsen wasted our money,\u201d the councilman wrote in a post. "
            "Treasurer Mark Olsen did not respond.")
    _, entities = _run(nlp, text)
    olsen = _by_name(entities, "Mark Olsen")
    voices = {(r.title.lower(), r.voice) for r in olsen.roles}
    assert ("treasurer", "reporter") in voices
    assert any(v == "quoted" and "treasurer" in t for t, v in voices)
