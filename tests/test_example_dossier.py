"""End to end on the embedded example corpus: ingest → analyze → reduce → store → render."""

from __future__ import annotations

import pytest

from storyline.render.json import check_spans, dossier_to_dict, validate_dossier
from storyline.run import run_story
from storyline.store import Store


@pytest.fixture(scope="module")
def example(examples_dir, tmp_path_factory):
    db = f"sqlite:///{tmp_path_factory.mktemp('db') / 'story.db'}"
    store = Store(db)
    result = run_story([str(examples_dir)], store=store, workers=1)
    assert result.dossier is not None
    return result, dossier_to_dict(result.dossier), store, db


def by_file(data, stem):
    [article] = [a for a in data["articles"] if a["path"].endswith(stem + ".txt") or stem in a["path"]]
    return article


def test_every_example_article_is_analysed_without_problems(example):
    result, data, _, _ = example
    assert result.problems == []
    assert len(data["articles"]) == 5


def test_dossier_validates_against_the_shipped_schema(example):
    _, data, _, _ = example
    assert validate_dossier(data) == []


def test_every_span_in_the_dossier_matches_its_article_text(example):
    _, data, _, _ = example
    assert check_spans(data) == []


def test_outlets_bylines_datelines_from_the_text(example):
    _, data, _, _ = example
    assert by_file(data, "002_3a96086b4c8e16a3")["outlet"] == "CNN"
    assert by_file(data, "002_3a96086b4c8e16a3")["byline"] == ["Marshall Cohen"]
    assert by_file(data, "003_60c22e610121d79f")["outlet"] == "KRDO"
    assert by_file(data, "004_4e086dc1f24ce887")["outlet"] == "The Center Square"
    assert by_file(data, "000_531a27f22a610280")["dateline"] == "DENVER"
    assert by_file(data, "003_60c22e610121d79f")["dateline"].startswith("COLORADO SPRINGS")


def test_stated_date_is_exact_and_the_others_are_honest_ranges(example):
    _, data, _, _ = example
    stated = by_file(data, "003_60c22e610121d79f")["published"]
    assert stated == {"date": "2025-05-05", "earliest": "2025-05-05", "latest": "2025-05-05",
                      "basis": "text", "label": "5 May 2025 (stated in the text)"}
    for stem in ("000_531a27f22a610280", "001_dc8cf0234d011efe", "002_3a96086b4c8e16a3",
                 "004_4e086dc1f24ce887"):
        pub = by_file(data, stem)["published"]
        assert pub["date"] is None
        assert pub["basis"] in ("inferred", "unknown")
        if pub["basis"] == "inferred":
            assert pub["earliest"] is not None


def test_rerun_is_idempotent_in_the_store(example, examples_dir):
    result, _, store, _ = example
    before = len(store.list_articles())
    again = run_story([str(examples_dir)], store=store, workers=1)
    assert again.stored_new == 0
    assert len(store.list_articles()) == before == 5
    assert again.dossier.story_id == result.dossier.story_id


def test_comparisons_read_as_plain_language(example):
    from storyline.story.plain import jargon_in_comparisons

    _, data, _, _ = example
    headlines = [a["title"] for a in data["articles"] if a.get("title")]
    assert jargon_in_comparisons(data["comparisons"], headlines) == []
    assert any(c["status"] == "conflict" for c in data["comparisons"])


def test_the_example_corpus_is_one_story(example):
    from storyline.story.cluster import cluster_stories

    result, _, _, _ = example
    assert len(cluster_stories(result.analyses)) == 1  # five outlets, one developing story
