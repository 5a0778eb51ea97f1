"""The five example articles: what their texts print comes out of the general patterns."""

from __future__ import annotations

import pytest

from storyline.errors import IngestError
from storyline.ingest import iter_articles
from storyline.ingest.dedupe import mark_duplicates
from storyline.model import Article


@pytest.fixture(scope="module")
def examples(examples_dir) -> dict[str, Article]:
    items = list(iter_articles([str(examples_dir)]))
    assert not [i for i in items if isinstance(i, IngestError)]
    return {a.path.rsplit("/", 1)[-1][:3]: a for a in items if isinstance(a, Article)}


def test_five_articles_in_file_order(examples, examples_dir):
    assert sorted(examples) == ["000", "001", "002", "003", "004"]
    assert all(a.path.startswith(str(examples_dir)) for a in examples.values())


def test_outlets_where_the_text_names_them(examples):
    assert examples["002"].outlet == "CNN"
    assert examples["003"].outlet == "KRDO"
    assert examples["004"].outlet == "The Center Square"
    assert examples["000"].outlet is None and examples["001"].outlet is None


def test_byline(examples):
    assert examples["002"].byline == ["Marshall Cohen"]
    assert not examples["002"].text.startswith("By ")


def test_datelines_stay_in_the_lede(examples):
    assert examples["000"].dateline == "DENVER"
    assert examples["000"].text.startswith("DENVER —")
    assert examples["003"].dateline == "COLORADO SPRINGS, Colo."
    assert examples["003"].text.startswith("COLORADO SPRINGS, Colo. (KRDO) –")


def test_only_the_article_stating_its_date_gets_one(examples):
    pub = examples["003"].published
    assert (pub.date, pub.earliest, pub.latest, pub.basis) == ("2025-05-05",) * 3 + ("text",)
    assert "2025-05-05" not in examples["003"].text  # the marker is not prose
    for key in ("000", "001", "002", "004"):
        assert examples[key].published.date is None
        assert examples[key].published.basis == "unknown"


def test_headlines(examples):
    assert examples["001"].title.startswith("Trump Calls for Release")
    assert examples["000"].title is not None and examples["000"].title not in examples["000"].text
    assert examples["002"].title is None


def test_boilerplate_is_kept_out_of_the_body(examples):
    cnn = examples["002"]
    assert cnn.boilerplate[0] == "The-CNN-Wire"
    assert cnn.boilerplate[1].startswith("™ & ©")
    assert "All rights reserved" not in cnn.text
    assert [b[:10] for b in examples["003"].boilerplate] == ["READ MORE:"]
    assert "READ MORE" not in examples["003"].text


def test_no_example_is_a_duplicate(examples):
    articles = list(examples.values())
    mark_duplicates(articles)
    assert [a.duplicate_of for a in articles] == [None] * 5
