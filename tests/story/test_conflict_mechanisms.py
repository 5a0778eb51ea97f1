"""Mechanisms that find where outlets disagree beyond a bare figure: the evidence sentence of each
side, a republished page dated by its address, the event a "with" clause times. Sentences written
for these tests, in several domains, with invented names (real spaCy parse)."""

from __future__ import annotations

from claims_snippets import build_analysis, compare_reports, story_entities

from storyline.model import Entity
from storyline.story.compare import compare_claims


def _measure(comparisons, prefix):
    found = [c for c in comparisons if c.attribute.startswith(prefix)]
    assert len(found) == 1, [(c.attribute, c.status) for c in comparisons]
    return found[0]


def test_each_side_carries_its_sentence(nlp):
    first = ("The injured driver was named by the regional broadcaster as Tomas Reyvik, whose "
             "neighbours say has four children.")
    _, comparisons, _ = compare_reports(
        nlp,
        ("Harbor Daily", "2026-02-03", first),
        ("Coastline Radio", "2026-02-03", "Reyvik is a father of two, the union said."),
    )
    cmp = _measure(comparisons, "measure:count|child")
    assert cmp.status == "conflict"
    texts = {s.text for s in cmp.sides}
    assert first in texts  # the whole sentence, with who named him, not only "has four children"
    assert "Reyvik is a father of two, the union said." in texts


def _rescue_story(nlp, url: str | None):
    early = build_analysis(nlp, "Lifeboat crews pulled 12 people from the sea on Monday.",
                           article_id="a1", outlet="Shore Post", published="2026-05-04")
    copy = build_analysis(nlp, "At least 19 people were pulled from the sea by lifeboat crews.",
                          article_id="a2", outlet="Wire (via Aggregator)", published="2027-01-15")
    copy.article.url = url
    analyses = [early, copy]
    entities, emap = story_entities(analyses)
    _, comparisons = compare_claims(analyses, emap, entities)
    return _measure(comparisons, "measure:count|person|rescue")


def test_a_republished_page_is_dated_by_its_address(nlp):
    # the copying site's page date makes the larger count look like a later update ...
    assert _rescue_story(nlp, None).status == "consistent_over_time"
    # ... but its address says the story was filed the same day as the other report
    cmp = _rescue_story(nlp, "https://aggregator.example/2026/05/04/lifeboat-rescues-wire/")
    assert cmp.status == "conflict" and cmp.confidence == "possible"  # "at least" leaves room


def test_an_address_date_close_to_the_page_date_changes_nothing(nlp):
    assert _rescue_story(nlp, "https://aggregator.example/2027/01/14/lifeboats/").status == \
        "consistent_over_time"


def test_a_with_clause_times_the_event_at_an_end(nlp):
    a = build_analysis(nlp, "The final approach began at 4.10 pm and ended at 4.31 pm with the "
                            "probe touching down on the asteroid.", article_id="a1")
    got = {c.attribute: c.value for c in a.claims if c.attribute.startswith("measure:clock")}
    assert got.get("measure:clock|land") == 16 * 60 + 31
    # an end with its own object keeps it: the session ended, whatever happened with it
    c = build_analysis(nlp, "The council session ended at 9.40 pm with members leaving early.",
                       article_id="a3")
    got = {x.attribute: x.value for x in c.claims if x.attribute.startswith("measure:clock")}
    assert got == {"measure:clock|end|session": 21 * 60 + 40}


def test_a_player_typed_as_a_place_keeps_the_minute_of_play(nlp):
    reports = [("Sports Wire", "Defender Marta Quillan scored in the 31st minute for Norland."),
               ("Goal Daily", "It was Quillan who scored in the 12th minute, a low shot from the left."),
               ("Match Report", "Quillan scored in the 31st minute before the break.")]
    analyses = [build_analysis(nlp, text, article_id=f"a{i}", outlet=outlet, published="2026-07-19")
                for i, (outlet, text) in enumerate(reports)]
    entities, emap = story_entities(analyses)
    # the model's slip: the bare surname in two reports typed as a place, a story entity of its own
    place = Entity(id="E-place", name="Quillan", type="GPE", articles=["a1", "a2"])
    for a in analyses[1:]:
        for le in a.entities:
            if le.name == "Quillan":
                emap[le.key] = place.id
    _, comparisons = compare_claims(analyses, emap, [*entities, place])
    cmp = _measure(comparisons, "measure:minute")
    assert cmp.status == "conflict" and len(cmp.sides) == 2
    assert "Marta Quillan" in next(e.name for e in entities if e.id == cmp.subject)
