"""The --meta sidecar sets or overrides metadata per file (CSV or JSON, keyed by file name or path)."""

from __future__ import annotations

import json
import os

from storyline.ingest import iter_articles, load_meta
from storyline.model import Article

TEXT = "By Ruth Mendel, The Valley Courier\n\nALAMOSA — The dam repairs finished a month early."


def articles(paths, meta_file):
    return [a for a in iter_articles(paths, meta_file) if isinstance(a, Article)]


def test_csv_sidecar_overrides_by_file_name(write):
    a = write("corpus/a.txt", TEXT)
    b = write("corpus/b.txt", "The mill closed Friday after 80 years in town.")
    meta = write("meta.csv", "file,title,outlet,byline,published,url,dateline\n"
                             "a.txt,Dam repairs done,Valley Courier,Ruth Mendel; Ana Ruiz,2025-05-06,"
                             "https://valleycourier.example/dam,\"ALAMOSA, Colo.\"\n")
    first, second = articles([a, b], meta)
    assert first.title == "Dam repairs done"
    assert first.outlet == "Valley Courier"
    assert first.byline == ["Ruth Mendel", "Ana Ruiz"]
    assert first.dateline == "ALAMOSA, Colo."
    assert first.url == "https://valleycourier.example/dam"
    assert (first.published.date, first.published.earliest, first.published.latest,
            first.published.basis) == ("2025-05-06", "2025-05-06", "2025-05-06", "metadata")
    assert second.published.basis == "unknown" and second.outlet is None  # untouched


def test_json_sidecar_keyed_by_path_relative_to_the_folder(write, tmp_path):
    write("corpus/x/a.txt", TEXT)
    write("corpus/y/a.txt", TEXT + " Officials celebrated.")
    meta = write("meta.json", json.dumps({"x/a.txt": {"outlet": "KOAA", "published": "May 7, 2025"},
                                          "a.txt": {"outlet": "By name"}}))
    x, y = articles([str(tmp_path / "corpus")], meta)
    assert x.path == os.path.join(str(tmp_path / "corpus"), "x", "a.txt")
    assert x.outlet == "KOAA" and x.published.date == "2025-05-07"
    assert y.outlet == "By name"  # the file-name key, less specific, still applies elsewhere


def test_json_list_sidecar_with_byline_list(write):
    a = write("a.txt", TEXT)
    meta = write("meta.json", json.dumps([{"path": a, "byline": ["R. Mendel"], "title": "Dam"}]))
    [art] = articles([a], meta)
    assert art.byline == ["R. Mendel"] and art.title == "Dam"
    assert art.outlet == "The Valley Courier"  # not in the sidecar: what the text says


def test_load_meta_normalizes_values(write):
    meta = write("meta.csv", "name,published,byline\nz.txt,\"Tue, 06 May 2025 19:04:00 GMT\",A B;C D\n")
    assert load_meta(meta) == {"z.txt": {"published": "2025-05-06", "byline": ["A B", "C D"]}}


def test_sidecar_inside_the_corpus_folder_is_not_read_as_an_article(write, tmp_path):
    write("corpus/a.txt", TEXT)
    meta = write("corpus/meta.csv", "file,outlet\na.txt,KOAA\n")
    items = list(iter_articles([str(tmp_path / "corpus")], meta))
    assert [(type(i).__name__, getattr(i, "outlet", None)) for i in items] == [("Article", "KOAA")]
