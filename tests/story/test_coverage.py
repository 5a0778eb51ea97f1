"""Per-article coverage: unique items, omissions, voices and labels (real parse of snippets)."""

from __future__ import annotations

from claims_snippets import build_analysis, entity_id, story_entities

from storyline.model import Event, EventDate, EventSource, QuoteGroup, QuoteInstance
from storyline.story.compare import compare_claims
from storyline.story.coverage import build_coverage

REPORTS = [
    ("Daily Ledger", "2025-06-02",
     "Daniel Okafor was sentenced to six years in prison. Okafor, 58, was convicted by a federal "
     "jury. “He betrayed the city,” Mayor Linda Park said. “It was a witch hunt,” Okafor said."),
    ("Metro Star", "2025-06-02",
     "Daniel Okafor was sentenced to six years in prison. The far-right commentator called the "
     "case a “witch hunt”. “He betrayed the city,” Mayor Linda Park said."),
    ("Valley News", "2025-06-03",
     "Daniel Okafor was sentenced to six years in prison, the court said."),
]


def _event(eid, articles):
    return Event(id=eid, date=EventDate("2025-06-02", "2025-06-02", "2025-06-02", "day"),
                 summary="", sources=[EventSource(a, 0, 1, "x", "") for a in articles])


def _setup(nlp):
    analyses = [build_analysis(nlp, text, article_id=f"art{i}", outlet=o, published=d,
                               speakers={"betrayed": "Park", "It was": "Okafor"})
                for i, (o, d, text) in enumerate(REPORTS)]
    entities, emap = story_entities(analyses)
    claims, comparisons = compare_claims(analyses, emap, entities)
    park, okafor = entity_id(entities, "Park"), entity_id(entities, "Okafor")
    timeline = [_event("ev:sentenced", ["art0", "art1", "art2"]),
                _event("ev:hearing", ["art2"])]
    groups = [QuoteGroup(id="q:betrayed", text="He betrayed the city", speaker_entity=park,
                         speaker_name="Linda Park",
                         quotes=[QuoteInstance("art0", 0, 1, "x", speaker=park),
                                 QuoteInstance("art1", 0, 1, "x", speaker=park)]),
              QuoteGroup(id="q:witch", text="It was a witch hunt", speaker_entity=okafor,
                         speaker_name="Daniel Okafor",
                         quotes=[QuoteInstance("art0", 0, 1, "x", speaker=okafor)])]
    coverage = build_coverage(analyses, emap, timeline, groups, claims, comparisons)
    return {c.article: c for c in coverage}, claims, comparisons, park, okafor


def test_unique_omits_and_voices(nlp):
    cov, claims, comparisons, park, okafor = _setup(nlp)
    assert set(cov) == {"art0", "art1", "art2"}
    assert "ev:hearing" in cov["art2"].unique
    assert "q:witch" in cov["art0"].unique
    age = next(c for c in claims if c.attribute == "age")
    assert age.id in cov["art0"].unique  # only the Ledger gives the age
    convicted = next(c for c in comparisons if c.attribute == "convicted_by")
    assert convicted.status == "single_source"
    # the Park quote is carried by two of the three articles: the third omits it
    assert "q:betrayed" in cov["art2"].omits
    assert "q:betrayed" not in cov["art0"].omits
    assert "ev:sentenced" not in cov["art2"].omits
    sentence = next(c for c in comparisons if c.attribute == "sentence_length")
    assert all(sentence.id not in c.omits for c in cov.values())
    assert cov["art0"].voices == {okafor: 1, park: 1}
    assert cov["art2"].voices == {}


def test_labels_by_voice(nlp):
    cov, *_ = _setup(nlp)
    labels = {(lab.term, lab.voice): lab for lab in cov["art1"].labels}
    assert ("far-right", "reporter") in labels
    witch = labels[("witch hunt", "quoted")]
    assert witch.count == 1 and witch.spans[0].text == "witch hunt"
    ledger = {(lab.term, lab.voice) for lab in cov["art0"].labels}
    assert ledger == {("witch hunt", "quoted")}
    assert cov["art2"].labels == []


def test_per_item_counts_match_the_definition_on_a_larger_story():
    """Unique and omits from per-item carrier sets equal the per-article definition (every
    article against every item), on 60 articles and 120 events with random carriers."""
    import random

    from storyline.model import Article, ArticleAnalysis

    rng = random.Random(6)
    ids = [f"art{i:02d}" for i in range(60)]
    analyses = [ArticleAnalysis(article=Article(id=aid, text="")) for aid in ids]
    timeline = []
    for n in range(120):
        size = rng.choice([1, 1, 2, 3, 20, 31, 45, 59, 60])
        timeline.append(_event(f"ev{n:03d}", rng.sample(ids, size)))
    coverage = {c.article: c for c in build_coverage(analyses, {}, timeline, [], [], [])}
    for aid in ids:
        others = [x for x in ids if x != aid]
        unique, omits = [], []
        for ev in timeline:
            arts = {s.article for s in ev.sources}
            if arts == {aid}:
                unique.append(ev.id)
            share = len(arts & set(others))
            if aid not in arts and share >= 2 and share * 2 > len(others):
                omits.append(ev.id)
        assert (coverage[aid].unique, coverage[aid].omits) == (sorted(unique), sorted(omits))
    assert any(c.omits for c in coverage.values()) and any(c.unique for c in coverage.values())


def test_republished_copy_counts_once(nlp):
    """A copy of the Daily Ledger report (duplicate_of) is not a second source."""
    original = REPORTS[0]
    analyses = [build_analysis(nlp, text, article_id=f"art{i}", outlet=o, published=d,
                               speakers={"betrayed": "Park", "It was": "Okafor"})
                for i, (o, d, text) in enumerate([original, ("Lakeside Gazette", "2025-06-04", original[2]),
                                                   REPORTS[2]])]
    analyses[1].article.duplicate_of = "art0"
    entities, emap = story_entities(analyses)
    claims, comparisons = compare_claims(analyses, emap, entities)
    age = next(c for c in comparisons if c.attribute == "age")
    assert age.status == "single_source"  # one report, printed twice
    assert "republished by Lakeside Gazette" in age.explanation
    sentence = next(c for c in comparisons if c.attribute == "sentence_length")
    assert sentence.status == "agree" and sentence.explanation.startswith("2 articles agree")
    assert "republished by Lakeside Gazette" in sentence.explanation
    timeline = [_event("ev:hearing", ["art0", "art1"])]
    coverage = {c.article: c for c in build_coverage(analyses, emap, timeline, [], claims, comparisons)}
    assert "ev:hearing" in coverage["art0"].unique and "ev:hearing" in coverage["art1"].unique
    assert "ev:hearing" not in coverage["art2"].omits  # one source of two carries it: no majority
