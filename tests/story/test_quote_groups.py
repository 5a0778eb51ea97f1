"""Quote groups across two synthetic outlets: truncation, ellipsis, punctuation, conflicts."""

from __future__ import annotations

from storyline.model import Article, ArticleAnalysis, Entity, Quote
from storyline.story.quotes import group_quotes, normalize_words, same_utterance, word_diff


def analysis(aid: str, text: str, quotes: list[tuple[str, str | None, str | None, str | None]]) -> ArticleAnalysis:
    """quotes: (quoted words, speaker local key, cue, medium), located in ``text``."""
    out = []
    for words, speaker, cue, medium in quotes:
        start = text.index(words)
        out.append(Quote(start=start, end=start + len(words), text=words, speaker=speaker,
                         speaker_text="x", cue=cue, medium=medium))
    return ArticleAnalysis(article=Article(id=aid, text=text), quotes=out)


ENTITIES = [Entity(id="e-lee", name="Dana Lee", type="PERSON"),
            Entity(id="e-ruiz", name="Carlos Ruiz", type="PERSON")]
ENTITY_MAP = {"a:1": "e-lee", "b:1": "e-lee", "b:2": "e-ruiz", "c:1": "e-ruiz"}

A_TEXT = ("“We will not release her, and no federal agency can make us,” Lee said. "
          "“The law is the law.” Lee called the request a “stunt.”")
B_TEXT = ("Lee said: “We will not release her … no federal agency can make us.” "
          "Ruiz said the request was a “stunt.”")


def test_normalize_words():
    assert normalize_words("“We’ll NOT — release… her,”") == ["we'll", "not", "release", "her"]


def test_same_utterance_tolerances():
    full = "We will not release her, and no federal agency can make us."
    assert same_utterance(full, "we will not release her and no federal agency can make us")
    assert same_utterance(full, "no federal agency can make us")  # truncation (containment)
    assert same_utterance(full, "We will not release her … no federal agency can make us.")
    assert same_utterance(full, "We will not free her, and no federal agency can make us.")
    assert not same_utterance(full, "We will release her as soon as the agency asks us.")
    assert not same_utterance("stunt", "a political stunt by the county")


def test_groups_and_variants():
    a = analysis("a", A_TEXT, [
        ("We will not release her, and no federal agency can make us,", "a:1", "say", None),
        ("The law is the law.", "a:1", "say", None),
        ("stunt", "a:1", "call", None)])
    b = analysis("b", B_TEXT, [
        ("We will not release her … no federal agency can make us.", "b:1", "say", None),
        ("stunt", "b:2", "say", None)])
    groups, comparisons = group_quotes([b, a], ENTITY_MAP, ENTITIES)
    shared = [g for g in groups if len({q.article for q in g.quotes}) == 2]
    assert len(shared) == 1  # the one-word "stunt" of two different speakers is not one utterance
    g = shared[0]
    assert g.speaker_entity == "e-lee" and g.speaker_name == "Dana Lee"
    assert sorted(v.articles[0] for v in g.variants) == ["a", "b"]
    assert len(groups) == 4
    assert comparisons == []
    stunt = [g for g in groups if g.text == "stunt"]
    assert len(stunt) == 2 and {g.speaker_entity for g in stunt} == {"e-lee", "e-ruiz"}
    # deterministic: same input in another order gives the same ids and order
    again, _ = group_quotes([a, b], ENTITY_MAP, ENTITIES)
    assert [x.id for x in again] == [x.id for x in groups]


def test_said_by_conflict_flagged():
    a = analysis("a", "“The deal is dead and buried,” Lee said.",
                 [("The deal is dead and buried,", "a:1", "say", None)])
    c = analysis("c", "Ruiz said “the deal is dead and buried” on Friday.",
                 [("the deal is dead and buried", "c:1", "say", None)])
    groups, comparisons = group_quotes([a, c], ENTITY_MAP, ENTITIES)
    assert len(groups) == 1
    said_by = [x for x in comparisons if x.attribute == "said_by"]
    assert len(said_by) == 1
    assert said_by[0].status == "conflict"
    assert {s.value for s in said_by[0].sides} == {"e-lee", "e-ruiz"}
    assert said_by[0].subject == groups[0].id
    assert "Dana Lee" in said_by[0].explanation and "(a)" not in said_by[0].explanation


def test_spoken_vs_written_flagged():
    a = analysis("a", "“We are done negotiating,” Lee said in an interview.",
                 [("We are done negotiating,", "a:1", "say", "interview")])
    b = analysis("b", "Lee wrote in a post: “We are done negotiating.”",
                 [("We are done negotiating.", "b:1", "write", "post")])
    groups, comparisons = group_quotes([a, b], ENTITY_MAP, ENTITIES)
    assert len(groups) == 1 and len(groups[0].variants) == 1  # punctuation is not a new wording
    medium = [x for x in comparisons if x.attribute == "medium"]
    assert len(medium) == 1 and {s.value for s in medium[0].sides} == {"spoken", "written"}


def test_word_diff_ops():
    diff = word_diff("We will not release her, and no agency can make us.",
                     "We will not free her … no agency can make us.")
    ops = [op for op, _ in diff]
    assert ops[0] == "equal" and "replace" in ops and "delete" in ops
    assert "".join(t for op, t in diff if op in ("equal", "replace", "insert")).split() != []
    assert word_diff("Same words.", "same words") == [("equal", "same words")]


def test_example_corpus_groups(nlp, examples_dir):
    """End to end on the example articles (NER stand-in for the entity step): quotes carried by
    several outlets are grouped, and every group is consistent with its quotes."""
    from storyline.analyze.quotes import extract_quotes
    from storyline.eval.quotes import ner_entities

    analyses = []
    entity_map: dict[str, str] = {}
    for path in sorted(examples_dir.glob("*.txt")):
        article = Article(id=path.stem, text=path.read_text(encoding="utf-8"))
        doc = nlp(article.text)
        mentions, local = ner_entities(doc, article)
        entity_map.update({e.key: e.name for e in local})  # story id = name, for this test
        quotes = extract_quotes(doc, article, mentions, local)
        analyses.append(ArticleAnalysis(article=article, mentions=mentions, entities=local,
                                        quotes=quotes))
    groups, comparisons = group_quotes(analyses, entity_map, [])
    assert sum(len(a.quotes) for a in analyses) == sum(len(g.quotes) for g in groups)
    assert any(len({q.article for q in g.quotes}) >= 2 for g in groups)
    for g in groups:
        assert {a for v in g.variants for a in v.articles} == {q.article for q in g.quotes}
        assert g.text in {v.text for v in g.variants}
    assert all(c.status == "conflict" for c in comparisons)


def test_short_fragment_inside_longer_quote_of_same_speaker():
    a = analysis("a", "“Free the hostage now, or face the consequences,” Lee wrote.",
                 [("Free the hostage now, or face the consequences,", "a:1", "write", "post")])
    b = analysis("b", "Lee called her a “hostage.” Ruiz called it a “hostage” too.",
                 [("hostage.", "b:1", "call", None), ("hostage", "b:2", "call", None)])
    groups, comparisons = group_quotes([a, b], ENTITY_MAP, ENTITIES)
    lee = [g for g in groups if g.speaker_entity == "e-lee"]
    assert len(lee) == 1 and len(lee[0].quotes) == 2  # Ruiz's "hostage" is not Lee's utterance
    assert len(groups) == 2 and comparisons == []


def test_stock_phrase_of_another_speaker_is_not_the_same_utterance():
    a = analysis("a", "Lee said he would fight for “the American people” every day.",
                 [("the American people", "a:1", "say", None)])
    c = analysis("c", "“We owe the American people the truth about this deal,” Ruiz said.",
                 [("We owe the American people the truth about this deal,", "c:1", "say", None)])
    groups, comparisons = group_quotes([a, c], ENTITY_MAP, ENTITIES)
    assert len(groups) == 2 and comparisons == []


def test_copies_are_matched_once_and_group_like_the_original(monkeypatch):
    """Syndicated copies of the same wording join their group without any pairwise matching."""
    import storyline.story.quotes as sq

    def corpus(copies: int) -> list[ArticleAnalysis]:
        out = []
        for k in range(copies):
            out.append(analysis(f"a{k}", A_TEXT, [
                ("We will not release her, and no federal agency can make us,", f"a{k}:1", "say", None),
                ("The law is the law.", f"a{k}:1", "say", None)]))
            out.append(analysis(f"b{k}", B_TEXT, [
                ("We will not release her … no federal agency can make us.", f"b{k}:1", "say", None)]))
        return out

    calls: list[int] = []
    matches = sq._matches
    monkeypatch.setattr(sq, "_matches", lambda a, b, opts: calls.append(1) or matches(a, b, opts))
    counts, sizes = [], []
    for copies in (2, 8):
        calls.clear()
        emap = {f"{p}{k}:1": "e-lee" for p in "ab" for k in range(copies)}
        groups, _ = group_quotes(corpus(copies), emap, ENTITIES)
        counts.append(len(calls))
        sizes.append(sorted(len(g.quotes) for g in groups))
    assert counts[0] == counts[1] > 0
    assert sizes == [[2, 4], [8, 16]]


def test_one_person_under_two_names_is_not_a_said_by_conflict():
    from storyline.story.quotes import same_name

    assert same_name("Carmen Ortiz", "Ortiz")
    assert same_name("Ortiz", "Carmen Ortiz")
    assert not same_name("Carmen Ortiz", "Luis Ortiz")
    assert not same_name("Carmen Ortiz", "Carmen Diaz")


def test_description_names_the_one_person_of_the_story_with_that_role():
    from storyline.model import Entity, Quote, Role
    from storyline.story.quotes import group_quotes

    gov = Entity(id="ent-gov", name="Mara Quint", type="PERSON",
                 roles=[Role(title="Gov.", spans=[])])
    aide = Entity(id="ent-aide", name="Ole Brandt", type="PERSON",
                  roles=[Role(title="senior official", spans=[])])
    text = "x" * 200
    q1 = Quote(start=10, end=40, text=text[10:40], speaker_text="the state's governor")
    q2 = Quote(start=50, end=80, text="y" * 30, speaker_text="a senior official")
    q3 = Quote(start=90, end=120, text="z" * 30, speaker_text="the employees")
    an = ArticleAnalysis(article=Article(id="a1", text=text), quotes=[q1, q2, q3])
    groups, _ = group_quotes([an], {}, [gov, aide])
    by_start = {g.quotes[0].start: g.quotes[0] for g in groups}
    assert by_start[10].speaker == "ent-gov" and by_start[10].speaker_name == "Mara Quint"
    assert by_start[50].speaker is None and by_start[50].speaker_name == "senior official"
    assert by_start[90].speaker is None and by_start[90].speaker_name == "employees"


def test_a_headline_read_as_a_speaker_name_makes_no_said_by_conflict():
    names = {"e-lee": "Dana Lee", "e-head": "Lee Wins Again\nLee"}
    ents = [Entity(id=k, name=v, type="PERSON") for k, v in names.items()]
    a = analysis("a", "“The deal is dead and buried,” Lee said.",
                 [("The deal is dead and buried,", "a:1", "say", None)])
    c = analysis("c", "Lee said “the deal is dead and buried” on Friday.",
                 [("the deal is dead and buried", "c:1", "say", None)])
    _, comparisons = group_quotes([a, c], {"a:1": "e-lee", "c:1": "e-head"}, ents)
    assert [x for x in comparisons if x.attribute == "said_by"] == []
