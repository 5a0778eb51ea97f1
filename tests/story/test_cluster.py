"""Story detection: a corpus of unrelated events splits into one story per event."""

from __future__ import annotations

import json
import random

import corpus_three_events as corpus
import pytest
from typer.testing import CliRunner

from storyline.eval.cluster import b_cubed
from storyline.model import Article, ArticleAnalysis, LocalEntity, PubDate
from storyline.story.cluster import ClusterOptions, cluster_stories, profile


@pytest.fixture(scope="module")
def analyses(nlp):
    from storyline.analyze import analyze_article
    from storyline.ingest.build import build_article
    from storyline.ingest.dedupe import mark_duplicates

    articles = [build_article(text, path=name, source_format="txt") for name, text in corpus.FILES.items()]
    mark_duplicates(articles)
    return [analyze_article(a, nlp) for a in articles]


def _groups(stories):
    return sorted(sorted(a.article.path for a in s) for s in stories)


def _gold_groups():
    by: dict[str, list[str]] = {}
    for name, story in corpus.GOLD.items():
        by.setdefault(story, []).append(name)
    return sorted(sorted(v) for v in by.values())


def test_three_unrelated_events_make_three_stories(analyses):
    stories = cluster_stories(analyses)
    assert _groups(stories) == _gold_groups()


def test_the_syndicated_copy_joins_its_original(analyses):
    copy = next(a for a in analyses if a.article.path == "flood-copy.txt")
    assert copy.article.duplicate_of  # dedupe saw it
    story = next(s for s in cluster_stories(analyses) if copy in s)
    assert "flood-1.txt" in {a.article.path for a in story}


def test_two_articles_alone_are_one_story_only_when_they_report_the_same_event(analyses):
    from itertools import combinations

    originals = [a for a in analyses if not a.article.duplicate_of]
    for a, b in combinations(originals, 2):
        same = corpus.GOLD[a.article.path] == corpus.GOLD[b.article.path]
        assert len(cluster_stories([a, b])) == (1 if same else 2), (a.article.path, b.article.path)


def test_same_stories_in_any_input_order(analyses):
    first = [[a.article.id for a in s] for s in cluster_stories(analyses)]
    shuffled = list(analyses)
    random.Random(7).shuffle(shuffled)
    assert [[a.article.id for a in s] for s in cluster_stories(shuffled)] == first


def test_a_threshold_of_one_keeps_every_original_apart(analyses):
    stories = cluster_stories(analyses, ClusterOptions(threshold=1.01, merge_threshold=1.01))
    assert len(stories) == len(analyses) - 1  # only the copy still joins its original


def test_profile_has_names_dates_predicates_and_words(analyses):
    flood = next(a for a in analyses if a.article.path == "flood-1.txt")
    keys = profile(flood)
    assert "n:brandvold" in keys  # a person by surname
    assert any(k.startswith("w:") for k in keys) and "w:the" not in keys
    assert any(k.startswith("p:") for k in keys)


def _hand(aid: str, text: str, names=(), duplicate_of=None) -> ArticleAnalysis:
    art = Article(id=aid, text=text, path=f"{aid}.txt", duplicate_of=duplicate_of,
                  published=PubDate())
    ents = [LocalEntity(key=f"{aid}:{n}", name=name, type="PERSON") for n, name in enumerate(names)]
    return ArticleAnalysis(article=art, entities=ents)


def test_one_article_is_one_story():
    only = _hand("a1", "Volunteers planted four hundred oak saplings along the canal path.")
    assert cluster_stories([only]) == [[only]]
    assert cluster_stories([]) == []


def test_a_copy_joins_its_original_even_when_nothing_else_matches():
    orig = _hand("a1", "Glaciologists measured record melting on the northern ice shelf.")
    other = _hand("b2", "The orchestra cancelled its winter tour after the conductor fell ill.")
    copy = _hand("c3", "Completely different words here about something else entirely.",
                 duplicate_of="a1")
    stories = cluster_stories([copy, other, orig])
    assert sorted(sorted(a.article.id for a in s) for s in stories) == [["a1", "c3"], ["b2"]]


def test_b_cubed_by_hand():
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert b_cubed({"a": 1, "b": 1, "c": 2, "d": 2}, gold) == (1.0, 1.0, 1.0)
    p, r, f = b_cubed({"a": 0, "b": 0, "c": 0, "d": 0}, gold)  # everything in one cluster
    assert (p, r) == (0.5, 1.0) and f == pytest.approx(2 / 3)
    p, r, _ = b_cubed({}, gold)  # every item alone
    assert (p, r) == (1.0, 0.5)


# ----------------------------------------------------------------------------- the command line

runner = CliRunner()


def test_analyze_out_writes_an_index_and_one_folder_per_story(tmp_path):
    from storyline.cli import app

    src = tmp_path / "in"
    src.mkdir()
    corpus.write(src)
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(src), "--db", str(tmp_path / "s.db"),
                                 "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    stories = index["stories"]
    assert len(stories) == 3
    found = sorted(sorted(a["path"].rsplit("/", 1)[-1] for a in s["articles"]) for s in stories)
    assert found == _gold_groups()
    for s in stories:
        data = json.loads((out / s["dossier"]).read_text(encoding="utf-8"))
        assert data["story"]["id"] == s["id"]
        assert (out / s["html"]).is_file() and (out / s["markdown"]).is_file()
        assert s["article_count"] == len(s["articles"])
    html = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{s["html"]}"' in html for s in stories)
    assert "3 stories" in result.stdout  # the terminal lists the stories
    assert sum("article(s)" in line for line in result.stdout.splitlines()) == 3


def test_one_dossier_file_with_several_stories_is_refused_in_one_line(tmp_path):
    from storyline.cli import app

    src = tmp_path / "in"
    src.mkdir()
    corpus.write(src)
    target = tmp_path / "d.json"
    result = runner.invoke(app, ["analyze", str(src), "--db", str(tmp_path / "s.db"),
                                 "--json", str(target), "--workers", "1", "-q"])
    assert result.exit_code == 2
    assert "--out" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not target.exists()
    # --one-story: the old behaviour, one dossier of everything
    result = runner.invoke(app, ["analyze", str(src), "--db", str(tmp_path / "s.db"),
                                 "--json", str(target), "--workers", "1", "-q", "--one-story"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(target.read_text(encoding="utf-8"))["articles"]) == len(corpus.FILES)
