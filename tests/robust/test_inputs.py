"""Input checks of issue 12, one behaviour each (the corpus test runs them all through the CLI)."""

from __future__ import annotations

import json
import os

import pytest

from storyline.errors import IngestError, MetaError
from storyline.ingest import iter_articles, load_meta, word_count
from storyline.ingest.dates import as_iso_date, date_problem
from storyline.ingest.textio import decode, normalize
from storyline.model import Article

TEXT = "The regional hospital opened a new cancer ward on Friday, its director Petra Holm said."


def _items(paths, **kw):
    return list(iter_articles([str(p) for p in paths], **kw))


@pytest.mark.parametrize("value", ["yesterday", "2 days ago", "last Monday", "today", "next spring"])
def test_relative_words_are_not_metadata_dates(value):
    assert as_iso_date(value) is None
    assert "relative dates are not accepted" in date_problem(value)


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "0999-05-05"])
def test_placeholder_years_are_not_publication_dates(value):
    assert as_iso_date(value) is None
    assert "implausible" in date_problem(value)


@pytest.mark.parametrize("value", ["2025-05-05", "May 5, 2025", "5 May 2025", "2025-05-05T10:00:00Z"])
def test_full_dates_pass(value):
    assert date_problem(value) is None and as_iso_date(value) == "2025-05-05"


@pytest.mark.parametrize("fields, problem", [
    ({"title": ["a", "b"]}, "field 'title' must be a string, found list"),
    ({"outlet": 12}, "field 'outlet' must be a string, found int"),
    ({"byline": [1, 2]}, "field 'byline' must be a string or a list of strings"),
    ({"published": "yesterday"}, "relative dates are not accepted"),
    ({"published": "0001-01-01"}, "implausible published date 0001-01-01"),
])
def test_sidecar_fields_are_typed(tmp_path, fields, problem):
    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps([{"file": "a.txt", **fields}]), encoding="utf-8")
    with pytest.raises(MetaError) as info:
        load_meta(str(meta))
    assert problem in str(info.value) and "item 0" in str(info.value)


def test_jsonl_fields_are_typed_with_line_numbers(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [{"text": TEXT}, {"text": TEXT + " A", "title": ["a"]}, {"text": TEXT + " B", "published": True},
             {"text": {"body": TEXT}}]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    items = _items([path])
    assert isinstance(items[0], Article)
    assert [str(e).split(": ", 1)[1] for e in items[1:]] == [
        "line 2: field 'title' must be a string, found a list",
        "line 3: field 'published' must be a string, found true/false",
        "line 4: field 'text' must be a string, found an object",
    ]


def test_sidecar_entry_matching_no_file_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text("file,outlet\na.txt,Valley Courier\nb.txt,Harbor Report\n", encoding="utf-8")
    items = _items([tmp_path / "a.txt"], meta_file=str(meta))
    assert isinstance(items[0], Article) and items[0].outlet == "Valley Courier"
    [err] = items[1:]
    assert str(err) == f"{meta}: entry 'b.txt' matches no input file"


def test_store_files_in_the_input_folder_are_never_read(tmp_path):
    from storyline.store import Store

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    store = Store(f"sqlite:///{tmp_path / 'news.json'}")  # a store named like an input format
    items = _items([tmp_path], exclude=store.files())
    store.close()
    assert [type(i) for i in items] == [Article]
    [err] = _items([tmp_path / "news.json"], exclude=[str(tmp_path / "news.json")])
    assert "--db" in str(err)


def test_utf16_without_bom_is_text():
    for enc in ("utf-16-le", "utf-16-be"):
        assert decode(TEXT.encode(enc), "x.txt") == TEXT
    with pytest.raises(IngestError, match="binary"):
        decode(b"\x00\x01\x02\x03" * 50, "x.bin")


def test_mojibake_is_repaired_and_good_text_left_alone():
    broken = "The caf\u00c3\u00a9 reopened, Ren\u00c3\u00a9e said."
    assert normalize(broken) == "The café reopened, Renée said."
    for good in ("Café “Núñez” — Straße, 5 €", "ÀÉÎ are capitals; Ã alone stays"):
        assert normalize(good) == good


@pytest.mark.parametrize("text, words", [
    ("x", 1), ("The council met.", 3), ("東京都は月曜日に新しい予算を発表した。", 9),
    ("กรุงเทพมหานครประกาศงบประมาณใหม่", 15), ("", 0),
])
def test_word_count_works_without_spaces(text, words):
    assert word_count(text) == words


def test_too_short_and_cjk_articles(tmp_path):
    path = tmp_path / "items.jsonl"
    path.write_text(json.dumps({"text": "東京都は月曜日に新しい予算を発表した。"}) + "\n"
                    + json.dumps({"text": "Too short"}) + "\n", encoding="utf-8")
    items = _items([path])
    assert isinstance(items[0], Article)
    assert "line 2: too short to be an article (2 words; at least 3)" in str(items[1])


def test_special_files_are_refused_without_opening_them(tmp_path):
    os.mkfifo(tmp_path / "pipe.jsonl")
    [err] = _items([tmp_path])
    assert "named pipe (FIFO)" in str(err)
    os.mkfifo(tmp_path / "meta.csv")
    with pytest.raises(MetaError, match="named pipe"):
        load_meta(str(tmp_path / "meta.csv"))
    [err] = _items(["/dev/null"])
    assert "device" in str(err)
